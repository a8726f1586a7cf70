"""Rollups as data: activities counted by group (community, street, category, tag, organizer,
month, week) and, optionally, by period, into a `Rollup` of `RollupRow`s. Pure: no I/O, no clock.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter, itemgetter
from typing import cast

from ..dates import Period, PeriodKind, is_supported_iso, month_of, periods_between, quarter_of, week_of
from ..errors import InvalidChoice, TooManyPeriods
from ..models import Activity
from .tally import Tally, _by_count_then_name, _name_key, _unique

BY_CHOICES = ("community", "street", "category", "tag", "organizer", "month", "week")
PERIOD_CHOICES = ("week", "month", "quarter")
MAX_PERIODS = 120  # more columns than this is no longer a table anyone can read
TOP_CATEGORIES = 3


@dataclass
class RollupRow:
    """One group of a rollup (or the totals row, whose `group` is None and `is_total` True)."""

    group: str | None  # None: the activities that have no value for the grouping (no tag ...)
    tally: Tally
    communities: int  # distinct communities reached
    top_categories: list[tuple[str, int]]  # the most frequent categories, most first
    cells: list[Tally] = field(default_factory=list)  # one per period of a grid, in order
    is_total: bool = False

    def to_dict(self, periods: list[Period]) -> dict:
        out: dict = {} if self.is_total else {"group": self.group}
        out.update(self.tally.to_dict())
        out["communities"] = self.communities
        out["top_categories"] = [{"category": c, "activities": n} for c, n in self.top_categories]
        if periods:
            out["periods"] = [{"period": p.label, **cell.to_dict()} for p, cell in zip(periods, self.cells)]
        return out


@dataclass
class Rollup:
    by: str
    period: str | None  # week, month, quarter: a grid; None: one column of numbers
    periods: list[Period]  # the grid's columns, first to last of the range, empty ones included
    rows: list[RollupRow]
    total: RollupRow
    date_from: str | None  # the range the numbers cover (None when there is nothing to cover)
    date_to: str | None
    # (id, date) of the activities left out because their date, written by hand, is not a day
    # of the supported range (or not a date): what the command warns about.
    skipped: list[tuple[object, object]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "by": self.by,
            "period": self.period,
            "from": self.date_from,
            "to": self.date_to,
            "periods": [p.label for p in self.periods],
            "groups": [row.to_dict(self.periods) for row in self.rows],
            "total": self.total.to_dict(self.periods),
        }


_PERIOD_OF: dict[str, Callable[[date], Period]] = {
    "week": week_of,
    "month": month_of,
    "quarter": quarter_of,
}


def group_keys(activity: Activity, by: str) -> list[str | None]:
    """The groups an activity belongs to under `--by`; [None] when it has no value for it."""
    if by == "community":
        keys: list = _unique(activity.communities)
    elif by == "street":
        keys = [activity.street] if activity.street else []
    elif by == "category":
        keys = [activity.category]
    elif by == "tag":
        keys = _unique(activity.tags)
    elif by == "organizer":
        keys = _unique(activity.organizers)
    elif by in ("month", "week"):
        keys = [_PERIOD_OF[by](date.fromisoformat(activity.date)).label]
    else:
        raise ValueError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")
    return keys or [None]


# A row's accumulator while a rollup counts: [activities, participants, approx, without_count,
# communities reached (a set), categories (category -> activities, first seen first, as a
# Counter holds them), cells (one per period of the grid: None, or [activities, participants,
# approx, without_count]; while a grid is counted, these by day)]. Plain numbers during the one
# pass over the activities; the Tally and RollupRow objects are made once, at the end (`_built`).
_N, _PEOPLE, _APPROX, _MISSING, _COMMUNITIES, _CATEGORIES, _CELLS = range(7)

_NO_TALLY = Tally()


def _acc(periods: int) -> list:
    return [0, 0, False, 0, set(), {}, [None] * periods]


def _add(into: list, acc: list) -> None:
    """Add what one accumulator counted to another."""
    into[_N] += acc[_N]
    into[_PEOPLE] += acc[_PEOPLE]
    if not into[_APPROX]:
        into[_APPROX] = acc[_APPROX]
    into[_MISSING] += acc[_MISSING]
    into[_COMMUNITIES].update(acc[_COMMUNITIES])
    categories = into[_CATEGORIES]
    for category, n in acc[_CATEGORIES].items():
        categories[category] = categories.get(category, 0) + n
    cells = into[_CELLS]
    for i, cell in enumerate(acc[_CELLS]):
        if cell is not None:
            mine = cells[i]
            if mine is None:
                cells[i] = list(cell)
            else:
                mine[0] += cell[0]
                mine[1] += cell[1]
                if not mine[2]:
                    mine[2] = cell[2]
                mine[3] += cell[3]


def _built(group, acc: list | None, periods: list[Period], is_total=False) -> RollupRow:
    """The row an accumulator adds up to (None: a group with no activities)."""
    if acc is None:
        return RollupRow(group, Tally(), 0, [], [_NO_TALLY] * len(periods), is_total)
    return RollupRow(
        group=group,
        tally=Tally(acc[_N], acc[_PEOPLE], acc[_APPROX], acc[_MISSING]),
        communities=len(acc[_COMMUNITIES]),
        top_categories=_by_count_then_name(Counter(acc[_CATEGORIES]))[:TOP_CATEGORIES],
        cells=[_NO_TALLY if cell is None else Tally(*cell) for cell in acc[_CELLS]],
        is_total=is_total,
    )


def _grouping(by: str, get=attrgetter) -> tuple[Callable[[Activity], object], Callable[[object], list]]:
    """`group_keys(a, by)` in two steps, so that a rollup works the groups out once for each
    distinct value and not once for each activity: what of an activity decides its groups (a
    hashable value), and the groups that value gives (the same keys, in the same order)."""
    if by in ("community", "tag", "organizer"):
        field_name = {"community": "communities", "tag": "tags", "organizer": "organizers"}[by]
        names = get(field_name)

        def value_of(a: Activity) -> object:
            values = names(a)
            if len(values) == 1 and type(values[0]) is str:
                return values[0]  # most activities have one name: the name is the value
            return tuple(values)

        return value_of, lambda value: [value] if isinstance(value, str) else (_unique(value) or [None])  # type: ignore[arg-type]
    if by == "street":
        return get("street"), (lambda street: [street] if street else [None])
    if by == "category":
        return get("category"), (lambda category: [category])
    if by in ("month", "week"):
        period_of = _PERIOD_OF[by]
        return get("date"), (lambda day: [period_of(date.fromisoformat(day)).label])
    raise ValueError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")


def _cell_reader(periods: list[Period]) -> Callable[[str], int]:
    """The index of the period of a grid that holds an ISO date (-1: none), worked out once a
    date."""
    bounds = [p.iso_bounds() for p in periods]
    starts = [start for start, _ in bounds]
    found: dict[str, int] = {}

    def cell(day: str) -> int:
        i = found.get(day)
        if i is None:
            i = bisect_right(starts, day) - 1
            if i < 0 or not day <= bounds[i][1]:
                i = -1
            found[day] = i
        return i

    return cell


def _span(dates: set[str], date_from: str | None, date_to: str | None):
    """The range a rollup covers: the filter's bounds where it has them, else the data's (the
    distinct dates of its activities: fewer to compare)."""
    start = date_from or (min(dates) if dates else None)
    end = date_to or (max(dates) if dates else None)
    if start is None or end is None or start > end:
        return None, None
    return start, end


def rollup(
    activities: Iterable[Activity],
    by: str,
    *,
    period: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    only_groups: Iterable[str] | None = None,
    as_records: bool = False,
) -> Rollup:
    """Group the (already filtered) activities by `by`, optionally in period columns.

    With `as_records`, the activities are stored records (the dicts of Store.records) rather
    than Activity objects: a whole-history report then makes no object of its 100,000.

    `date_from`/`date_to` are the filter's date bounds: the grid (and the rows of `--by
    week|month`) runs from the first to the last period they span, empty periods included; an
    open bound ends at the first or last activity. `only_groups` keeps only those groups (a
    report by community filtered to one community shows that one, not its partners).
    """
    counting = Counting(by, period=period, as_records=as_records)
    counting.add(activities)
    return counting.result(date_from=date_from, date_to=date_to, only_groups=only_groups)


def check_choices(by: str, period: str | None) -> None:
    """Refuse a grouping or a period that is none of the choices (before anything is read)."""
    if by not in BY_CHOICES:
        raise InvalidChoice("grouping", by, BY_CHOICES)
    if period is not None and period not in PERIOD_CHOICES:
        raise InvalidChoice("period", period, PERIOD_CHOICES)


class Counting:
    """A rollup counted as the activities come, a batch at a time (`add`), then made (`result`).

    Nothing of an activity is kept once it is counted, so the batches can be a store's records
    read a few at a time, each batch let go before the next is read: a whole-history report
    holds a batch, not the history. For that the counting does not need the range first: each
    group's numbers are kept by distinct value (`by_value`) and, for a grid, by day, and only
    `result` (called once, at the end) puts the days into the periods of the range.
    """

    def __init__(self, by: str, *, period: str | None = None, as_records: bool = False) -> None:
        check_choices(by, period)
        self.by = by
        self.period = period
        self.as_records = as_records
        get = itemgetter if as_records else attrgetter
        self._value_of, self._keys_for = _grouping(by, get)
        self._fields_of = get("participants", "participants_approx", "communities", "category", "date")
        # value -> accumulator (see _acc); with a grid its cells are by day until `result`
        self.by_value: dict[object, list] = {}
        # day -> whether it can be counted: stored records were checked when written, but one
        # edited by hand may say 9999-12-31, whose week cannot be computed, or not be a date
        # at all. Each distinct day is checked once; the counted ones give the range.
        self.days: dict[str, bool] = {}
        # (id, date) of the activities left out for their dates
        self.skipped: list[tuple[object, object]] = []

    def add(self, activities: Iterable) -> None:
        """Count a batch of activities (or of stored records, with `as_records`)."""
        by_value, days, fields_of, value_of = self.by_value, self.days, self._fields_of, self._value_of
        grid = self.period is not None
        for a in activities:
            count, approx, communities, category, day = fields_of(a)
            ok = days.get(day) if type(day) is str else False
            if ok is None:
                ok = days[day] = is_supported_iso(day)
            if not ok:
                self.skipped.append((a.get("id") if self.as_records else a.id, day))
                continue
            value = value_of(a)
            acc = by_value.get(value)
            if acc is None:
                acc = by_value[value] = [0, 0, False, 0, set(), {}, {} if grid else None]
            acc[_N] += 1
            if count is None:
                acc[_MISSING] += 1
            else:
                acc[_PEOPLE] += count
                if not acc[_APPROX]:  # the value Tally.of's `approx or a.participants_approx` has
                    acc[_APPROX] = approx
            if communities:
                acc[_COMMUNITIES].update(communities)
            categories = acc[_CATEGORIES]
            categories[category] = categories.get(category, 0) + 1
            if grid:
                cell = acc[_CELLS].get(day)
                if cell is None:
                    cell = acc[_CELLS][day] = [0, 0, False, 0]
                cell[0] += 1
                if count is None:
                    cell[3] += 1
                else:
                    cell[1] += count
                    if not cell[2]:
                        cell[2] = approx

    def result(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        only_groups: Iterable[str] | None = None,
    ) -> Rollup:
        """The rollup of what was counted, over the range of `date_from`/`date_to` (see
        `rollup`)."""
        by, period = self.by, self.period
        start, end = _span({day for day, ok in self.days.items() if ok}, date_from, date_to)
        periods: list[Period] = []
        if period and start:
            periods = _periods(start, end, period, "period")
        if period:
            cell_of = _cell_reader(periods) if periods else None
            for acc in self.by_value.values():
                acc[_CELLS] = _cells_by_period(acc[_CELLS], cell_of, len(periods))
        else:
            for acc in self.by_value.values():
                acc[_CELLS] = []
        keep: Callable[[str | None], bool] | None = None
        if only_groups is not None:
            from ..textnorm import fold

            wanted = {fold(g) for g in only_groups}
            keep = lambda key: key is not None and fold(key) in wanted  # noqa: E731
        keys_for = self._keys_for
        # Each value's sums go to the total and to its groups: values are few however many
        # activities there are.
        total = _acc(len(periods))
        groups: dict[str | None, list] = {}  # in the order the groups first appear
        left_out: set = set()  # groups only_groups leaves out
        for value, acc in self.by_value.items():
            _add(total, acc)
            for key in keys_for(value):
                group = groups.get(key)
                if group is None and key not in left_out:
                    if keep is None or keep(key):
                        group = groups[key] = _acc(len(periods))
                    else:
                        left_out.add(key)
                if group is not None:
                    _add(group, acc)
        kept: dict[str | None, list | None] = dict(groups)
        if by in ("week", "month") and start:
            # Periods as rows run through the whole range too: a week with nothing in it is news.
            for p in _periods(start, end, by, "grouping"):
                kept.setdefault(p.label, None)

        rows = [_built(key, acc, periods) for key, acc in kept.items()]
        if by in ("week", "month"):
            rows.sort(key=lambda r: (r.group is None, r.group or ""))
        else:
            rows.sort(key=lambda r: (-r.tally.activities, _name_key(r.group)))
        total_row = _built(None, total, periods, is_total=True)
        return Rollup(by, period, periods, rows, total_row, start, end, self.skipped)


def _cells_by_period(by_day: dict, cell_of, count: int) -> list:
    """One accumulator's cells by day, added up into the periods of the grid (days outside it
    left out), in the order the days were first counted."""
    cells: list = [None] * count
    if cell_of is None:
        return cells
    for day, tally in by_day.items():
        i = cell_of(day)
        if i < 0:
            continue
        mine = cells[i]
        if mine is None:
            cells[i] = tally
        else:
            mine[0] += tally[0]
            mine[1] += tally[1]
            if not mine[2]:
                mine[2] = tally[2]
            mine[3] += tally[3]
    return cells


def _periods(start: str, end: str, kind: str, field: str) -> list[Period]:
    """The periods of `kind` from `start` to `end`, for the `field` of a rollup ("period": the
    grid's columns, "grouping": the rows of a rollup by week or month)."""
    found = periods_between(date.fromisoformat(start), date.fromisoformat(end), cast(PeriodKind, kind))
    if len(found) > MAX_PERIODS:
        raise TooManyPeriods(field, kind, start, end, len(found), MAX_PERIODS)
    return found
