"""What a Store answers without walking the history: counts and months from the index, one
activity by its id, ids by prefix, the last date each community was reached, the names in use,
and the main file's tables (registry, deletions, meta) and the undo history."""

from __future__ import annotations

from ..models import Activity, Community
from .base import StoreBase
from .history import HistoryEntry, HistoryProblem, read_history
from .index import PeriodInfo, _Main
from .layout import _MONTH, COMMUNITIES, DELETED, _month_bounds
from .records import _ref_key, resolve_ref
from .transaction import Transaction


class Lookups(StoreBase):
    """Counts, single records and the main file's tables: the index answers most of them."""

    def count(self) -> int:
        main = self._main()
        return sum(main.count(p) for p in main.period_names())

    def periods(self) -> list[PeriodInfo]:
        """The months that hold activities, oldest first, with their counts (from the index)."""
        main = self._main()
        return [
            PeriodInfo(p, main.count(p), main.periods[p]["file"] if main.legacy is None else None)
            for p in main.period_names()
        ]

    def get(self, ref: str) -> Activity:
        """The activity whose id starts with `ref` (4+ hex characters): found in the index, read
        from its month's file alone."""
        key = _ref_key(ref)

        def read(main: _Main) -> Activity:
            build = self._builder(main)
            found = []
            for period in main.periods_with_prefix(key):
                found += [build(d) for d in self._read_partition(main, period) if str(d.get("id", "")).startswith(key)]
            return resolve_ref(ref, found)

        return self._reading(read)

    def starting_with(self, ref: str, limit: int) -> list[Activity]:
        """Up to `limit` activities whose ids start with `ref` (4+ hex characters), read from the
        months the index names for that prefix alone (shell completion of ids)."""
        key = _ref_key(ref)

        def read(main: _Main) -> list[Activity]:
            build = self._builder(main)
            found: list[Activity] = []
            for period in main.periods_with_prefix(key):
                found += [build(d) for d in self._read_partition(main, period) if str(d.get("id", "")).startswith(key)]
                if len(found) >= limit:
                    break
            return found[:limit]

        return self._reading(read)

    def last_dates(self, before: str) -> dict[str, str]:
        """For each community named by an activity dated before `before` (ISO date), the last such
        date. Whole months come from the index; only the month holding `before` is read."""

        def read(main: _Main) -> dict[str, str]:
            out: dict[str, str] = {}
            for period in main.period_names():
                first, _ = _month_bounds(period)
                if first >= before:
                    continue
                if main.legacy is None and _MONTH.match(period) and period < before[:7]:
                    pairs = main.periods[period].get("communities", {}).items()
                else:
                    pairs = [
                        (name, doc.get("date", ""))
                        for doc in self._read_partition(main, period)
                        if doc.get("date", "") < before
                        for name in doc.get("communities") or ()
                    ]
                for name, day in pairs:
                    if day > out.get(name, ""):
                        out[name] = day
            return out

        return self._reading(read)

    def names_in_use(self) -> tuple[list[str], list[str]]:
        """The community names and street names the activities use, from the index."""

        def read(main: _Main) -> tuple[list[str], list[str]]:
            communities: dict[str, None] = {}
            streets: dict[str, None] = {}
            if main.legacy is not None:
                for docs in main.legacy.values():
                    for doc in docs:
                        communities.update(dict.fromkeys(doc.get("communities") or ()))
                        if doc.get("street"):
                            streets[doc["street"]] = None
            else:
                for entry in main.periods.values():
                    communities.update(dict.fromkeys(entry.get("communities", {})))
                    streets.update(dict.fromkeys(entry.get("streets", {})))
            return list(communities), list(streets)

        return self._reading(read)

    def view(self) -> Transaction:
        """The logbook as a transaction sees it, to read only: it takes no lock and is never
        committed (what `import --dry-run` plans against, reading only the months it needs)."""
        return Transaction(self, self._main(), "view")

    def tombstones(self) -> list[dict]:
        return [dict(doc) for doc in self._main().table(DELETED)]

    def communities(self) -> list[Community]:
        return [Community.from_dict(doc) for doc in self._main().table(COMMUNITIES)]

    def meta(self) -> dict:
        return self._main().meta

    def history(self) -> list[HistoryEntry]:
        """The undo history ([] when there is none or it cannot be read)."""
        if self.path is None:
            return []
        try:
            return read_history(self.backup_dir, self.path.name)
        except HistoryProblem:
            return []
