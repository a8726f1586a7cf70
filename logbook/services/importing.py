"""Exchange files and ledgers merged into a logbook (`import`): the files read (exchange files,
JSON Lines, CSV; ledgers with the community registry), invalid records refused or let go, the
merge planned over the logbook (a snapshot for a dry run) and written as one change, with its
summary in the history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InvalidRecords, LogbookError
from ..exchange import ExchangeFile, FileSummary, Merge, Policy, Snapshot
from ..i18n import _, ngettext
from ..models import Activity, Categories
from ..storage import Store

# Where the import reports how far it has got: the step ("reading" or "merging"), the file, and
# how many of how many records (0: not known yet).
Reporter = Callable[[str, str, int, int], None]
# Asked once the files are read, with the bytes of all of them and of the ledgers among them:
# where to report, or None for nowhere.
ProgressStart = Callable[[int, int], Reporter | None]


@dataclass
class ImportResult:
    summaries: list[FileSummary]  # one a file, in the order given
    changed: bool  # whether the import changed (or, in a dry run, would change) the logbook
    files: list[tuple[str, str]] = field(default_factory=list)  # each file's name and the encoding it was read as
    preview: list[Activity] = field(default_factory=list)  # a dry run's new activities from ledgers, when asked


def import_files(
    store: Store,
    files: Sequence[str],
    *,
    dry_run: bool = False,
    policy: Policy = Policy.newer,
    encoding: str | None = None,
    skip_invalid: bool = False,
    mapping: dict[str, str] | None = None,
    sheets: Sequence[str] | None = None,
    community: str | None = None,
    now: str,
    today: date | Callable[[], date] | None = None,
    categories: Categories | None = None,
    preview: bool = False,
    progress: ProgressStart | None = None,
) -> ImportResult:
    """Merge `files` into `store` as one change (`dry_run`: plan it over a snapshot, write
    nothing). Ledgers are read with `mapping` ({header: field}), `sheets`, the `community` of
    rows nothing places and `today` for yearless dates (a callable is asked only when a ledger is
    read). Records that cannot be imported raise InvalidRecords before anything is written,
    unless `skip_invalid` lets them go; a month the import would fill past exchange.MONTH_MAX
    raises LogbookError. `preview` keeps a dry run's new activities from ledgers in the result;
    `progress` is asked where to report once the files are read."""
    from .. import exchange

    raws = [(name, exchange.read_bytes(name)) for name in files]
    ledgers = {name for name, raw in raws if exchange.is_ledger(raw, name, encoding)}
    registry = None
    if ledgers:
        from ..registry import Registry

        registry = Registry(store.communities())
    report = None
    if progress is not None:
        report = progress(sum(len(raw) for _n, raw in raws), sum(len(raw) for name, raw in raws if name in ledgers))
    parsed: list[ExchangeFile] = []
    for name, raw in raws:
        step = _step(report, "reading", name)
        if name in ledgers:
            parsed.append(
                exchange.read_ledger_file(
                    raw,
                    name,
                    now=now,
                    registry=registry,
                    default_community=community,
                    sheets=sheets,
                    mapping=mapping,
                    categories=categories,
                    today=today() if callable(today) else today,
                    encoding=encoding,
                    on_progress=step,
                )
            )
        else:
            parsed.append(
                exchange.read_exchange(raw, name, now=now, encoding=encoding, categories=categories, on_progress=step)
            )
    del raws
    problems = [p for xf in parsed for p in xf.problems]
    if problems and not skip_invalid:
        raise InvalidRecords(problems, [xf.name for xf in parsed if xf.problems])

    def merge_all(snapshot: Snapshot) -> tuple[Merge, list[FileSummary]]:
        merge = Merge(snapshot, policy=policy, now=now)
        summaries = [merge.add_file(xf, on_progress=_step(report, "merging", xf.name)) for xf in parsed]
        _refuse_full_months(merge, files)
        for xf in parsed:  # the plan holds the records it takes; the rest can go
            xf.records.clear()
        return merge, summaries

    result = ImportResult([], False, [(xf.name, xf.encoding) for xf in parsed])
    if dry_run:
        merge, result.summaries = merge_all(Snapshot.of_store(store))
        result.changed = merge.changed
        if ledgers and preview:
            result.preview = [op[1] for op in merge.ops if op[0] == "add"]
        return result
    with store.transaction("import") as tx:
        merge, result.summaries = merge_all(Snapshot.of_transaction(tx))
        result.changed = merge.changed
        if result.changed:
            merge.apply(tx)
            names = ", ".join(Path(xf.name).name for xf in parsed)
            tx.summary = f"import {names}: " + "; ".join(counts_in_english(s) for s in result.summaries)
        merge.release()  # the transaction holds the changes now, until they are written
    return result


def _step(report: Reporter | None, step: str, name: str) -> Callable[[int, int], None] | None:
    if report is None:
        return None
    return lambda done, total: report(step, name, done, total)


def _refuse_full_months(merge: Merge, files: Sequence[str]) -> None:
    """Refuse, before anything is written, an import that would leave a month holding more
    than exchange.MONTH_MAX activities (read when asked: a test may lower it)."""
    from .. import exchange

    over = merge.months_over(exchange.MONTH_MAX)
    if not over:
        return
    month, count = over[0]
    if len(over) > 1:
        text = ngettext(
            "importing {files} would put {count} activities in {month} (and {others} other month "
            "past it), more than the {most} a month can hold; nothing was imported",
            "importing {files} would put {count} activities in {month} (and {others} other months "
            "past it), more than the {most} a month can hold; nothing was imported",
            len(over) - 1,
        )
    else:
        text = _(
            "importing {files} would put {count} activities in {month}, more than the {most} a "
            "month can hold; nothing was imported"
        )
    raise LogbookError(
        text.format(
            files=", ".join(files),
            count=f"{count:,}",
            month=month,
            others=len(over) - 1,
            most=f"{exchange.MONTH_MAX:,}",
        )
    )


def counts(s: FileSummary) -> str:
    """A file's counts in the reader's language: `+added ~updated -deleted, skipped skipped`
    and what else there is to say (stale, duplicates, conflicts, refused)."""
    line = _("+{added} ~{updated} -{deleted}, {skipped} skipped").format(
        added=s.added, updated=s.updated, deleted=s.deleted, skipped=s.skipped
    )
    if s.older:
        line += _(" ({count} stale)").format(count=s.older)
    if s.duplicates and s.shape == "ledger":  # a ledger's rows carry no ids: say why they were skipped
        line += ngettext(
            " ({count} duplicate of an activity already here)",
            " ({count} duplicates of activities already here)",
            s.duplicates,
        ).format(count=s.duplicates)
    n = len(s.conflicts)
    if n:
        line += ngettext(", {count} conflict", ", {count} conflicts", n).format(count=n)
    if s.refused:
        line += _(", {count} refused").format(count=len(s.refused))
    return line


def counts_in_english(s: FileSummary) -> str:
    """The counts as the history keeps them: in English, whoever reads them later."""
    from ..i18n import ENGLISH, current, use

    language = current()
    if language == ENGLISH:
        return counts(s)
    use(ENGLISH)
    try:
        return counts(s)
    finally:
        use(language)
