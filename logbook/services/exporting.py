"""Writing the exchange file (`export`): which records go, in what order, as which format, a
month at a time, copying each record's line of JSON where the store has it as written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..query import Filter
from ..storage import Store


@dataclass
class Export:
    chunks: Iterator[bytes]  # the file, made as it is written
    tombstones: list[tuple[str, str]]  # the deletions it carries (or that a format left out)
    counted: list[int] = field(default_factory=list)  # records written, a month at a time

    @property
    def exported(self) -> int:
        """How many records were written (once `chunks` is used up)."""
        return sum(self.counted)


def export(
    store: Store,
    flt: Filter,
    *,
    fmt: str,
    encoding: str = "utf-8",
    with_deleted: bool,
    exported_at: str,
    author: str,
    english_headers: bool = False,
) -> Export:
    """The exchange file of the records `flt` selects, in `fmt` (json: the envelope with the
    registry and deletions; jsonl, csv, md, xlsx: the records). A month's records are let go once
    written, so an export of the whole history holds about one month at a time. A tombstone is
    an id and a time: it cannot say whether it belongs to a filtered selection, so the caller
    decides `with_deleted`."""
    from .. import exchange, formats

    tombstones = [(t["id"], t["deleted_at"]) for t in store.tombstones()] if with_deleted else []
    result = Export(iter(()), tombstones)
    months = _selected_months(store, flt, result.counted, with_lines=fmt == "json")
    if fmt == "json":
        result.chunks = exchange.envelope_chunks(
            months, store.communities(), tombstones, exported_at=exported_at, author=author
        )
        return result
    if fmt == "xlsx":
        result.chunks = _ledger_chunks(months, ledger_title(flt), english_headers)
        return result
    found = [record for month, _ in months for record in month]
    if fmt == "csv":
        payload = exchange.encode_csv(found, encoding)
    elif fmt == "jsonl":
        payload = "".join(formats.iter_jsonl(found)).encode("utf-8")
    else:
        payload = "".join(formats.iter_md(found)).encode("utf-8")
    result.chunks = iter([payload])
    return result


def _ledger_chunks(months, title: str, english_headers: bool) -> Iterator[bytes]:
    """The .xlsx ledger of the records, made when the first chunk is asked for. The writer
    streams its rows (write-only mode); the activities are held once, as activities."""
    import io

    from ..ledgers import write_ledger
    from ..storage import activity_of_record

    activities = [activity_of_record(record) for month, _ in months for record in month]
    buffer = io.BytesIO()
    write_ledger(buffer, activities, title=title, english_headers=english_headers)
    del activities
    yield buffer.getvalue()


def ledger_title(flt: Filter) -> str:
    """What a ledger holds, as its title row says it (`和平街街道 2024年12月 社区活动台账`): the
    street or communities asked for, and the dates. Chinese whatever the locale: the ledger is the
    office's document."""
    parts = []
    if flt.street:
        parts.append(flt.street)
    if flt.communities:
        parts.append("、".join(flt.communities))
    period = _period(flt.date_from, flt.date_to)
    if period:
        parts.append(period)
    parts.append("社区活动台账")
    return " ".join(parts)


def _period(start: str | None, end: str | None) -> str | None:
    from calendar import monthrange
    from datetime import date

    def day(d: date) -> str:
        return f"{d.year}年{d.month}月{d.day}日"

    if not start:
        return f"{day(date.fromisoformat(end))}以前" if end else None
    if not end:
        return f"{day(date.fromisoformat(start))}以来"
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if a == b:
        return day(a)
    if a.day == 1 and b.day == monthrange(b.year, b.month)[1] and a.year == b.year:
        if a.month == b.month:
            return f"{a.year}年{a.month}月"
        if a.month == 1 and b.month == 12:
            return f"{a.year}年"
        if a.month % 3 == 1 and b.month == a.month + 2:
            return f"{a.year}年第{'一二三四'[a.month // 3]}季度"
        return f"{a.year}年{a.month}月至{b.month}月"
    return f"{day(a)}至{day(b)}"


def _selected_months(
    store: Store, flt: Filter, counted: list[int], *, with_lines: bool
) -> Iterator[tuple[list[dict], bytes | None]]:
    """The records an export writes, oldest first, as plain dicts a month at a time, with their
    lines of JSON when the store has them as the envelope writes them (`with_lines`; see
    Store.records); their count is added to `counted` as they come. An export of the whole
    history writes every record: making each an activity first would cost more than reading
    it, and its JSON is copied. Only a filter beyond dates looks at records as activities."""
    from ..exchange import RECORD_INDENT
    from ..storage import activity_of_record, export_order

    dates_only = flt.only_dates()
    indent = RECORD_INDENT if with_lines and dates_only else None
    months = store.records(date_from=flt.date_from, date_to=flt.date_to, indent=indent)
    if not dates_only:
        months = (([r for r in month if flt.matches(activity_of_record(r))], None) for month, _ in months)
    if not store.in_export_order():
        found = [record for month, _ in months for record in month]
        found.sort(key=export_order)
        months = iter([(found, None)])
    for month, lines in months:
        counted.append(len(month))
        yield month, lines


def write_chunks(handle, chunks: Iterable[bytes]) -> None:
    """Write the chunks while the next ones are made: a write releases the interpreter, so one
    core writes a month of an export while the other reads the next."""
    import queue
    import threading

    pending: queue.Queue = queue.Queue(maxsize=4)
    failed: list[BaseException] = []

    def writer() -> None:
        while (chunk := pending.get()) is not None:
            if not failed:
                try:
                    handle.write(chunk)
                except BaseException as err:  # raised below, in the command's own thread
                    failed.append(err)

    thread = threading.Thread(target=writer, name="export-writer", daemon=True)
    thread.start()
    try:
        for chunk in chunks:
            if failed:
                break
            pending.put(chunk)
    finally:
        pending.put(None)
        thread.join()
    if failed:
        raise failed[0]
