"""The logbook as a merge starts from it, read only as far as the merge asks: an id looked up in
the index and its month, a month's activities for the natural keys of its dates, counts from the
index. And the logbook as the merge changes it (`Live`), in the order the logbook holds it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..models import Activity, Community

Position = tuple  # where an activity comes in the logbook's order; see Live
_END = sys.maxsize  # the position of what the merge adds: after every record of the logbook


def month_of(activity: Activity) -> str:
    return activity.date[:7]


class Snapshot:
    """The logbook as the merge starts from it: its tombstones and communities, and its
    activities through `find`, `month` and `count`.

    Made from a dict of every activity (`Snapshot(activities, tombstones, communities)`), or
    lazily from a transaction (`of_transaction`, `of_store`), which reads only the months an id
    or a date of the files names. Either way the activities come in the order
    `Transaction.activities()` gives them, and a repeated id (a file edited by hand) is one
    activity, at the place of its first copy."""

    def __init__(
        self, activities: dict[str, Activity], tombstones: dict[str, str], communities: list[Community]
    ) -> None:
        self.tombstones = tombstones
        self.communities = communities
        self._all = activities
        self._tx = None
        self._ranks: dict[str, int] = {}  # the month's place in the logbook's order
        self._months: dict[str, list[tuple[Activity, Position]]] = {}
        self._found: dict[str, tuple[Activity, Position] | None] = {}
        self._places: dict[str, dict[str, int]] = {}  # month -> id -> its place in the month

    @classmethod
    def of_store(cls, store) -> Snapshot:
        """For a plan that is not applied (a dry run): read without a lock."""
        return cls.of_transaction(store.view())

    @classmethod
    def of_transaction(cls, tx) -> Snapshot:
        snapshot = cls({}, tx.tombstones(), tx.communities())
        snapshot._tx = tx
        snapshot._ranks = {p: i for i, p in enumerate(tx.period_names())}
        return snapshot

    def find(self, ident: str) -> tuple[Activity, Position] | None:
        """The activity with this id and its position, or None."""
        if ident in self._found:
            return self._found[ident]
        if self._tx is None:
            self._index_all()
            return self._found.get(ident)
        months = self._tx.months_holding(ident)
        if not months:
            return None  # not kept: an import of a million new ids would keep a million Nones
        # the transaction makes one activity of an id, from the copy it builds first
        activity = next(a for m in months for a in self._tx.month_activities(m) if a.id == ident)
        found = self._found[ident] = (activity, (self._ranks[months[0]], self._place(months[0], ident)))
        return found

    def month(self, month: str) -> list[tuple[Activity, Position]]:
        """The activities dated in a month (`YYYY-MM`), with their positions, in order."""
        found = self._months.get(month)
        if found is not None:
            return found
        if self._tx is None:
            self._index_all()
            return self._months.get(month, [])
        held: dict[str, tuple[Activity, Position]] = {}
        candidates = self._tx.month_activities(month) if month in self._ranks else []
        for activity in [*candidates, *self._strays(month)]:
            if month_of(activity) == month and activity.id not in held:
                pair = self.find(activity.id)
                if pair is not None and pair[0] is activity:
                    held[activity.id] = pair
        found = sorted(held.values(), key=lambda pair: pair[1])
        self._months[month] = found
        return found

    def count(self, month: str) -> int:
        """How many activities the month holds (from the index, when read from a logbook)."""
        if self._tx is None:
            return sum(1 for a in self._all.values() if month_of(a) == month)
        return self._tx.count(month)

    def everything(self) -> list[tuple[Activity, Position]]:
        """Every activity with its position, in order: every month read."""
        if self._tx is None:
            self._index_all()
            return [pair for pair in self._found.values() if pair is not None]
        held: dict[str, tuple[Activity, Position]] = {}
        for period in self._ranks:
            for activity in self._tx.month_activities(period):
                if activity.id not in held:
                    held[activity.id] = self.find(activity.id)
        return sorted(held.values(), key=lambda pair: pair[1])

    def release(self) -> None:
        self._all, self._tx = {}, None
        self._months, self._found, self._places = {}, {}, {}

    def _place(self, month: str, ident: str) -> int:
        places = self._places.get(month)
        if places is None:
            assert self._tx is not None  # places are kept only while a transaction is read
            places = self._places[month] = {}
            for i, activity in enumerate(self._tx.month_activities(month)):
                places.setdefault(activity.id, i)
        return places[ident]

    def _strays(self, month: str) -> Iterator[Activity]:
        """Activities dated in `month` that are kept in another month's file (a file edited by
        hand, or a one-file logbook whose months are not dates): looked for in the months whose
        names are not months, the only place the store puts such records."""
        assert self._tx is not None  # strays are looked for only in a transaction's months
        for period in self._ranks:
            if period == month or len(period) == 7 and period[4] == "-":
                continue
            for activity in self._tx.month_activities(period):
                if month_of(activity) == month:
                    yield activity

    def _index_all(self) -> None:
        if self._found or not self._all:
            return
        for rank, activity in enumerate(self._all.values()):
            pair = (activity, (0, rank))
            self._found[activity.id] = pair
            self._months.setdefault(month_of(activity), []).append(pair)


class Live:
    """The logbook as the merge has changed it so far: the snapshot beneath, the records the
    merge put or took out above it. An activity of the snapshot keeps its position when it is
    changed; one put anew (or again, after it was taken out) comes after every other, in the
    order put, which is the order of `changed`. Nothing is kept per record added but the
    record: an import of a million holds little more than the million."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.changed: dict[str, Activity | None] = {}  # None: taken out
        self.kept: dict[str, Position] = {}  # live records of the snapshot among `changed`

    def get(self, ident: str) -> Activity | None:
        if ident in self.changed:
            return self.changed[ident]
        found = self.snapshot.find(ident)
        return found[0] if found is not None else None

    def put(self, activity: Activity) -> None:
        ident = activity.id
        if ident in self.changed:
            if self.changed[ident] is None:  # put again after it was taken out: it comes last
                del self.changed[ident]
        else:
            found = self.snapshot.find(ident)
            if found is not None:
                self.kept[ident] = found[1]
        self.changed[ident] = activity

    def pop(self, ident: str) -> Activity | None:
        current = self.get(ident)
        if current is not None:
            self.changed[ident] = None
            self.kept.pop(ident, None)
        return current

    def in_month(self, month: str) -> list[Activity]:
        """The live activities dated in `month`, in the logbook's order."""
        return self._ordered(self.snapshot.month(month), month)

    def items(self) -> list[tuple[str, Activity]]:
        """Every live activity by id, in the logbook's order (reads every month)."""
        return [(a.id, a) for a in self._ordered(self.snapshot.everything(), None)]

    def _ordered(self, beneath: list[tuple[Activity, Position]], month: str | None) -> list[Activity]:
        pairs = [(pos, a) for a, pos in beneath if a.id not in self.changed]
        for n, (ident, a) in enumerate(self.changed.items()):
            if a is not None and (month is None or month_of(a) == month):
                pairs.append((self.kept.get(ident) or (_END, n), a))
        pairs.sort(key=lambda pair: pair[0])
        return [a for _, a in pairs]

    def copy(self) -> Live:
        other = Live(self.snapshot)
        other.changed = dict(self.changed)
        other.kept = dict(self.kept)
        return other
