"""What a Store answers: activities by date range, newest first, by search key, by id prefix,
and the records an export writes, each reading only the months it needs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import orjson

from ..i18n import N_, message
from ..models import FIELD_ORDER, Activity
from .base import StoreBase
from .index import _Changed, _Main
from .layout import _MONTH, _SEARCH_KEY, ACTIVITIES, _document_lines, _document_spans, _outside, _whole
from .records import _activity_from_doc


def _as_record(doc: dict) -> dict:
    """A month file's record as `records` gives it: every field, no search key."""
    if len(doc) == len(FIELD_ORDER) and _SEARCH_KEY not in doc:
        return doc
    return _activity_from_doc(doc).to_dict()


class Reading(StoreBase):
    """What a Store answers: activities by date range, newest first, by search key, by id prefix,"""

    # -- reading ---------------------------------------------------------------------------

    def activities(self, *, date_from: str | None = None, date_to: str | None = None) -> list[Activity]:
        """Live activities, optionally within an inclusive ISO date range, month by month in file
        order. Reads only the months the range touches."""

        def read(main: _Main) -> list[Activity]:
            out: list[Activity] = []
            build = self._builder(main)
            for period in self._periods(main, date_from, date_to):
                docs = self._read_partition(main, period)
                if _whole(period, date_from, date_to):
                    out += map(build, docs)  # the whole month is in the range
                    continue
                for doc in docs:
                    day = doc.get("date", "")
                    if _outside(day, date_from, date_to):
                        continue
                    out.append(build(doc))
            return out

        return self._reading(read)

    def iter_activities(
        self, *, date_from: str | None = None, date_to: str | None = None, newest_first: bool = False
    ) -> Iterator[Activity]:
        """Live activities within the range, one month at a time (oldest month first, or newest
        first), each month in file order: a caller that stops early reads no further months."""
        main = self._main()
        build = self._builder(main)
        for period in self._periods(main, date_from, date_to, newest_first):
            try:
                docs = self._read_partition(main, period)
            except _Changed:
                raise self._changed_error() from None
            for doc in docs:
                day = doc.get("date", "")
                if _outside(day, date_from, date_to):
                    continue
                yield build(doc)

    def newest(
        self, limit: int, *, date_from: str | None = None, date_to: str | None = None
    ) -> tuple[list[Activity], int]:
        """The activities of the newest months in the range until `limit` of them are found
        (every activity of an older month is older, so these hold the `limit` newest), and how
        many the whole range holds: counted from the index, reading only the months the range
        cuts."""

        def read(main: _Main) -> tuple[list[Activity], int]:
            found: list[Activity] = []
            total = 0
            build = self._builder(main)
            for period in self._periods(main, date_from, date_to, newest_first=True):
                if len(found) >= limit and _whole(period, date_from, date_to):
                    total += main.count(period)
                    continue
                matched = [
                    build(doc)
                    for doc in self._read_partition(main, period)
                    if not _outside(doc.get("date", ""), date_from, date_to)
                ]
                total += len(matched)
                if len(found) < limit:
                    found += matched
            return found, total

        return self._reading(read)

    def search_keys(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        key_filter: Callable[[str], bool] | None = None,
    ) -> Iterator[tuple[Activity, str]]:
        """Activities with their precomputed search keys (computed when written), month by month;
        only the months the range touches are read, and none is kept once passed. With
        `key_filter`, a record whose stored key fails it is passed over before it is made into an
        activity, and a month none of whose keys passes is not read at all (a record without a
        stored key is always yielded, with the key "")."""
        main = self._main()
        build = self._builder(main)
        for period in self._periods(main, date_from, date_to):
            try:
                pairs = self._keyed_records(main, period, key_filter)
            except _Changed:
                raise self._changed_error() from None
            for doc, key in pairs:
                day = doc.get("date", "")
                if _outside(day, date_from, date_to):
                    continue
                yield build(doc), key

    def search_newest(
        self,
        limit: int,
        *,
        key_filter: Callable[[str], bool] | None,
        accept: Callable[[Activity, str], bool],
        date_from: str | None = None,
        date_to: str | None = None,
        count_by_keys: bool = True,
    ) -> tuple[list[Activity], int]:
        """The newest matches of a search and how many there are in all: months are read newest
        first, and once `limit` matches are found an older month is only counted, from its keys
        alone (with `count_by_keys`: when a key that passes `key_filter` is a match; without a
        `key_filter`, no words, its records are read). Every
        activity of an older month is older, so the matches returned hold the `limit` newest;
        `accept(activity, key)` decides a match."""

        def read(main: _Main) -> tuple[list[Activity], int]:
            found: list[Activity] = []
            total = 0
            build = self._builder(main)
            for period in self._periods(main, date_from, date_to, newest_first=True):
                whole = bool(_MONTH.match(period)) and _whole(period, date_from, date_to)
                if count_by_keys and whole and len(found) >= limit and key_filter is not None:
                    counted = self._count_keys(main, period, key_filter)
                    if counted is not None:
                        total += counted
                        continue
                for doc, key in self._keyed_records(main, period, key_filter):
                    day = doc.get("date", "")
                    if _outside(day, date_from, date_to):
                        continue
                    activity = build(doc)
                    if accept(activity, key):
                        total += 1
                        found.append(activity)
            return found, total

        return self._reading(read)

    def _count_keys(self, main: _Main, period: str, key_filter: Callable[[str], bool]) -> int | None:
        """How many of a month's stored keys pass `key_filter`; None when that needs the records
        (no keys file, or a record without a key)."""
        keys = self._read_keys(main, period)
        if keys is None:
            return None
        try:
            if not all(entry["key"] for entry in keys):
                return None
            return sum(1 for entry in keys if key_filter(entry["key"]))
        except (KeyError, TypeError):
            return None

    def _keyed_records(
        self, main: _Main, period: str, key_filter: Callable[[str], bool] | None
    ) -> list[tuple[dict, str]]:
        """The records of one month whose key passes `key_filter` (or that have none), with
        their keys: from the month's keys file, reading its records only if one passes."""

        def passes(key: str) -> bool:  # a record without a key is folded when it is matched
            return not key or key_filter is None or key_filter(key)

        keys = self._read_keys(main, period)
        if keys is not None:
            try:
                wanted = [i for i, entry in enumerate(keys) if passes(entry["key"])]
            except (KeyError, TypeError):  # a keys file edited by hand: read the records' own way
                keys = None
            else:
                if not wanted:
                    return []
                docs = self._read_partition(main, period)
                if len(docs) == len(keys) and all(docs[i].get("id") == keys[i]["id"] for i in wanted):
                    return [(docs[i], keys[i]["key"]) for i in wanted]
                by_id = {e["id"]: e["key"] for e in keys if isinstance(e.get("id"), str)}
                pairs = [(doc, by_id.get(doc.get("id")) or "") for doc in docs]
                return [(d, k) for d, k in pairs if passes(k)]
        pairs = [(doc, doc.get(_SEARCH_KEY) or "") for doc in self._read_partition(main, period)]
        return [(d, k) for d, k in pairs if passes(k)]

    def records(
        self, *, date_from: str | None = None, date_to: str | None = None, indent: bytes | None = None
    ) -> Iterator[tuple[list[dict], bytes | None]]:
        """The stored records within the range as plain dicts (every field, no search key), a
        month at a time, each month oldest first (see `in_export_order`); the caller owns them.
        Not made into activities: for what writes every record out (export).

        With `indent`, each month comes with its records' JSON as the file holds them, one a
        line, each line starting with `indent`, "," and a newline between them: what an export
        of the whole month writes, copied rather than made again. None when the month is not
        whole in the range, or its file is not in that layout (written by hand, or before)."""
        main = self._main()
        for period in self._periods(main, date_from, date_to):
            yield self._month_records(main, period, date_from, date_to, indent)

    def _month_records(
        self, main: _Main, period: str, date_from: str | None, date_to: str | None, indent: bytes | None
    ) -> tuple[list[dict], bytes | None]:
        """One month of `records`."""
        try:
            docs, raw = self._load_partition(main, period)
        except _Changed:
            raise self._changed_error() from None
        lines = None
        if not _whole(period, date_from, date_to):
            docs = [d for d in docs if not _outside(d.get("date", ""), date_from, date_to)]
        elif (
            indent is not None
            and raw is not None
            and b'"search_key":' not in raw
            and sum(map(len, docs)) == len(FIELD_ORDER) * len(docs)
        ):
            # every record as an export writes it: every field, no key; copy its line
            lines = _document_lines(raw, ACTIVITIES, indent, len(docs))
        if lines is None:
            docs = [_as_record(d) if main.legacy is None else _activity_from_doc(d).to_dict() for d in docs]
        return docs, lines

    def record_batches(
        self, *, date_from: str | None = None, date_to: str | None = None, size: int = 64
    ) -> Iterator[list[dict]]:
        """The records of `records` (each month oldest first), in batches of at most `size`, for
        a caller that uses each batch up and lets it go before it asks for the next (a report
        counting the whole history). A month file as logbook wrote it is parsed `size` lines at
        a time rather than whole: the caller then holds a few records, not a month, and each
        batch is made in the memory the last one left while the processor still has it in its
        cache (a month made in the memory of the month before sent nearly every allocation to
        memory out of cache: at 100,000 activities an eighth of a report's time)."""
        main = self._main()
        for period in self._periods(main, date_from, date_to):
            raw = self._verified_bytes(main, period)
            spans = None if raw is None else _document_spans(raw, ACTIVITIES, main.count(period))
            if spans is None or raw is None:
                docs = self._month_records(main, period, date_from, date_to, None)[0]
                for i in range(0, len(docs), size):
                    yield docs[i : i + size]
                continue
            whole = _whole(period, date_from, date_to)
            view = memoryview(raw)
            for i in range(0, len(spans), size):
                try:
                    docs = [orjson.loads(view[start:end]) for start, end in spans[i : i + size]]
                except orjson.JSONDecodeError as err:  # the file matched its checksum: not ours
                    raise self._damaged(
                        message(N_("is not valid JSON ({error})"), error=err),
                        self.parts_dir / main.periods[period]["file"],
                    ) from None
                if not whole:
                    docs = [d for d in docs if not _outside(d.get("date", ""), date_from, date_to)]
                if docs:
                    yield [_as_record(d) for d in docs]

    def in_export_order(self) -> bool:
        """Whether `records` yields the records in the order of an export (oldest first)."""
        return self._main().in_export_order()

    def activity_docs(self) -> list[dict]:
        """The stored activity records as plain dicts, not validated (for `check`)."""

        def read(main: _Main) -> list[dict]:
            return [
                {k: v for k, v in doc.items() if k != _SEARCH_KEY} if isinstance(doc, dict) else doc
                for period in main.period_names()
                for doc in self._read_partition(main, period)
            ]

        return self._reading(read)
