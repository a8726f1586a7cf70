"""Rollups and the weekly digest as plain data: what the report and digest commands print, before
anyone decides how it looks. Pure: no I/O, no clock; the digest takes `today` as a parameter.

Counting rules, shared by both: an activity that reaches several communities (or carries several
tags, or has several organizers) counts once in each of those groups, and once in any total.
Participants are summed over the activities that have a head count; the sum is approximate
(shown with "≥") when any count in it was (`40余`), and activities without a head count are
counted apart, never guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter, itemgetter

from .dates import Period, is_supported_iso, month_of, periods_between, previous, quarter_of, week_of
from .errors import UsageError
from .models import Activity, Community

BY_CHOICES = ("community", "street", "category", "tag", "organizer", "month", "week")
PERIOD_CHOICES = ("week", "month", "quarter")
MAX_PERIODS = 120  # more columns than this is no longer a table anyone can read
TOP_CATEGORIES = 3
SILENT_WEEKS = 4

# -- counting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Activities and their participants, with the honesty marks a sum of head counts needs."""

    activities: int = 0
    participants: int = 0
    participants_approx: bool = False  # some count in the sum was approximate (40余)
    without_count: int = 0  # activities with no head count, left out of the sum

    @classmethod
    def of(cls, activities: Iterable[Activity]) -> "Tally":
        n = people = missing = 0
        approx = False
        for a in activities:
            n += 1
            if a.participants is None:
                missing += 1
            else:
                people += a.participants
                approx = approx or a.participants_approx
        return cls(n, people, approx, missing)

    def to_dict(self) -> dict:
        return {
            "activities": self.activities,
            "participants": self.participants,
            "participants_approx": self.participants_approx,
            "without_count": self.without_count,
        }


def people_label(count: int | None, approx: bool) -> str:
    """A head count or a sum as shown to people: `≥40` when approximate, "" when unknown."""
    if count is None:
        return ""
    return f"≥{count}" if approx else str(count)


def delta_label(change: int) -> str:
    """A change against the previous period: `+3`, `-2`, `±0`."""
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"-{-change}"
    return "±0"


def _name_key(name: str | None) -> tuple:
    """Names in pinyin order; the missing name (None) last."""
    from .textnorm import pinyin_sort_key

    return (1, ()) if name is None else (0, pinyin_sort_key(name))


def _by_count_then_name(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], _name_key(item[0])))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


# -- rollups --------------------------------------------------------------------------------


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
            out["periods"] = [
                {"period": p.label, **cell.to_dict()} for p, cell in zip(periods, self.cells)
            ]
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
# approx, without_count])]. Plain numbers during the one pass over the activities; the Tally
# and RollupRow objects are made once, at the end (`_built`).
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

        return value_of, lambda value: [value] if type(value) is str else (_unique(value) or [None])
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
    if by not in BY_CHOICES:
        raise UsageError(f"invalid value {by!r} for --by: expected one of {', '.join(BY_CHOICES)}")
    if period is not None and period not in PERIOD_CHOICES:
        raise UsageError(
            f"invalid value {period!r} for --period: expected one of {', '.join(PERIOD_CHOICES)}"
        )
    get = itemgetter if as_records else attrgetter
    skipped: list[tuple[object, object]] = []
    activities = _dated(activities, as_records, skipped)
    periods: list[Period] = []
    if period:
        # The grid's columns are known before the activities are counted into them.
        activities = list(activities)
        start, end = _span(set(map(get("date"), activities)), date_from, date_to)
        if start:
            periods = _periods(start, end, period, "--period")
        dates = None
    else:
        # Without a grid the activities are counted as they come, each while it is fresh in
        # memory (a store's month just read): the range is known once they are all counted.
        dates = set()

    keep: Callable[[str | None], bool] | None = None
    if only_groups is not None:
        from .textnorm import fold

        wanted = {fold(g) for g in only_groups}
        keep = lambda key: key is not None and fold(key) in wanted  # noqa: E731
    value_of, keys_for = _grouping(by, get)
    fields_of = get("participants", "participants_approx", "communities", "category", "date")
    cell_of = _cell_reader(periods) if periods else None
    # First what the activities of each distinct value add up to (one accumulator an activity),
    # then each value's sums go to the total and to its groups: values are few however many
    # activities there are.
    by_value: dict[object, list] = {}
    for a in activities:
        value = value_of(a)
        count, approx, communities, category, day = fields_of(a)
        if dates is not None:
            dates.add(day)
        acc = by_value.get(value)
        if acc is None:
            acc = by_value[value] = _acc(len(periods))
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
        if cell_of is not None:
            cell = cell_of(day)
            if cell >= 0:
                tally = acc[_CELLS][cell]
                if tally is None:
                    tally = acc[_CELLS][cell] = [0, 0, False, 0]
                tally[0] += 1
                if count is None:
                    tally[3] += 1
                else:
                    tally[1] += count
                    if not tally[2]:
                        tally[2] = approx
    if dates is not None:
        start, end = _span(dates, date_from, date_to)
    total = _acc(len(periods))
    groups: dict[str | None, list] = {}  # in the order the groups first appear
    left_out: set = set()  # groups only_groups leaves out
    for value, acc in by_value.items():
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
        for p in _periods(start, end, by, "--by"):
            kept.setdefault(p.label, None)

    rows = [_built(key, acc, periods) for key, acc in kept.items()]
    if by in ("week", "month"):
        rows.sort(key=lambda r: (r.group is None, r.group or ""))
    else:
        rows.sort(key=lambda r: (-r.tally.activities, _name_key(r.group)))
    total_row = _built(None, total, periods, is_total=True)
    return Rollup(by, period, periods, rows, total_row, start, end, skipped)


def _dated(activities: Iterable, as_records: bool, skipped: list) -> Iterator:
    """The activities whose date is a supported day, as they come; the others' (id, date) go to
    `skipped`. Stored records were checked when written, but one edited by hand may say
    9999-12-31, whose week cannot be computed, or not be a date at all. Each distinct date is
    checked once."""
    verdicts: dict[str, bool] = {}
    for a in activities:
        day = a.get("date") if as_records else a.date
        ok = verdicts.get(day) if type(day) is str else False
        if ok is None:
            ok = verdicts[day] = is_supported_iso(day)
        if ok:
            yield a
        else:
            skipped.append((a.get("id") if as_records else a.id, day))


def _periods(start: str, end: str, kind: str, option: str) -> list[Period]:
    found = periods_between(date.fromisoformat(start), date.fromisoformat(end), kind)
    if len(found) > MAX_PERIODS:
        raise UsageError(
            f"{start} to {end} spans {len(found)} {kind}s, too many for {option} {kind} "
            f"(at most {MAX_PERIODS}): narrow the range with --from/--to, or use a longer period"
        )
    return found


# -- the weekly digest ----------------------------------------------------------------------

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass
class Headline:
    tally: Tally
    communities_reached: int  # registered communities (in scope) reached
    communities_registered: int  # registered communities in scope

    def to_dict(self) -> dict:
        return {
            **self.tally.to_dict(),
            "communities_reached": self.communities_reached,
            "communities_registered": self.communities_registered,
        }


@dataclass
class CommunityLine:
    community: str
    tally: Tally
    categories: list[tuple[str, int]]  # every category of its activities, most first

    def to_dict(self) -> dict:
        return {
            "community": self.community,
            **self.tally.to_dict(),
            "categories": [{"category": c, "activities": n} for c, n in self.categories],
        }


@dataclass
class StreetBlock:
    street: str | None  # None: communities not in the registry, or registered without a street
    tally: Tally  # distinct activities reaching any community listed under it
    communities: list[CommunityLine]

    def to_dict(self) -> dict:
        return {
            "street": self.street,
            **self.tally.to_dict(),
            "communities": [c.to_dict() for c in self.communities],
        }


@dataclass
class CategoryLine:
    category: str
    tally: Tally
    share: int  # whole percent of the week's activities

    def to_dict(self) -> dict:
        return {"category": self.category, **self.tally.to_dict(), "share_percent": self.share}


@dataclass
class DigestActivity:
    id: str
    date: str
    start: str | None
    end: str | None
    title: str
    category: str
    communities: list[str]
    participants: int | None
    participants_approx: bool

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def people(self) -> str:
        return people_label(self.participants, self.participants_approx)

    @classmethod
    def of(cls, a: Activity) -> "DigestActivity":
        return cls(
            a.id, a.date, a.start, a.end, a.title, a.category, list(a.communities),
            a.participants, a.participants_approx,
        )

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "category": self.category,
            "communities": list(self.communities),
            "participants": self.participants,
            "participants_approx": self.participants_approx,
        }


@dataclass
class Day:
    date: str
    weekday: str  # 周一 … 周日
    activities: list[DigestActivity]

    def to_dict(self) -> dict:
        return {
            "date": self.date,
            "weekday": self.weekday,
            "activities": [a.to_dict() for a in self.activities],
        }


@dataclass
class Silent:
    community: str
    street: str | None
    last_activity: str | None  # the date of its last activity up to the week's end; None: never
    weeks: int | None  # whole weeks without activity, this one included; None: never

    def to_dict(self) -> dict:
        return {
            "community": self.community,
            "street": self.street,
            "last_activity": self.last_activity,
            "weeks_silent": self.weeks,
        }


@dataclass
class Gaps:
    without_count: list[DigestActivity]  # no head count
    without_community: list[DigestActivity]  # names no community
    unregistered: list[str]  # community names reached that the registry does not know

    @property
    def empty(self) -> bool:
        return not (self.without_count or self.without_community or self.unregistered)

    def to_dict(self) -> dict:
        return {
            "without_count": [a.to_dict() for a in self.without_count],
            "without_community": [a.to_dict() for a in self.without_community],
            "unregistered_communities": list(self.unregistered),
        }


@dataclass
class Digest:
    week: Period
    previous_week: Period
    complete: bool  # False while the week is still running (or lies ahead) on `today`
    today: date
    scope: dict[str, object]  # the filters that narrowed it ({} for the whole logbook)
    headline: Headline
    previous: Headline
    streets: list[StreetBlock]
    categories: list[CategoryLine]
    days: list[Day]
    inactive: list[tuple[str | None, list[str]]]  # (street, communities) with nothing this week
    silent: list[Silent]
    gaps: Gaps
    silent_weeks: int = SILENT_WEEKS
    skipped: list[tuple[object, object]] = field(default_factory=list)  # as Rollup.skipped

    @property
    def is_empty(self) -> bool:
        return self.headline.tally.activities == 0

    @property
    def change(self) -> dict[str, int]:
        now, before = self.headline, self.previous
        return {
            "activities": now.tally.activities - before.tally.activities,
            "participants": now.tally.participants - before.tally.participants,
            "communities_reached": now.communities_reached - before.communities_reached,
        }

    @property
    def inactive_count(self) -> int:
        return sum(len(names) for _, names in self.inactive)

    def to_dict(self) -> dict:
        start, end = self.week.iso_bounds()
        return {
            "week": self.week.label,
            "from": start,
            "to": end,
            "complete": self.complete,
            "scope": dict(self.scope),
            "headline": self.headline.to_dict(),
            "previous": {"week": self.previous_week.label, **self.previous.to_dict()},
            "change": self.change,
            "streets": [s.to_dict() for s in self.streets],
            "categories": [c.to_dict() for c in self.categories],
            "days": [d.to_dict() for d in self.days],
            "inactive": [{"street": s, "communities": list(n)} for s, n in self.inactive],
            "silent_weeks": self.silent_weeks,
            "silent": [s.to_dict() for s in self.silent],
            "gaps": self.gaps.to_dict(),
        }


def _in(period: Period, a: Activity) -> bool:
    start, end = period.iso_bounds()
    return start <= a.date <= end


def _activity_order(a: Activity) -> tuple:
    from .textnorm import pinyin_sort_key

    return (a.date, a.start or "", pinyin_sort_key(a.title), a.id)


def digest(
    activities: Iterable[Activity],
    communities: Iterable[Community],
    week: Period,
    today: date,
    *,
    matches: Callable[[Activity], bool] | None = None,
    scope_communities: Iterable[str] | None = None,
    scope_street: str | None = None,
    scope: dict[str, object] | None = None,
    last_seen: dict[str, str] | None = None,
) -> Digest:
    """The digest of one ISO week.

    `activities` may be the whole logbook: only those up to the week's end count (so a digest of
    an old week reads the same later), and `matches` narrows them further (category, tag ...).
    Or `activities` may start at the week before, with `last_seen` giving, for each community,
    the last date an earlier activity reached it (what "silent for weeks" needs from the past).
    `scope_communities` / `scope_street` narrow the registered communities the digest answers
    for, as the --community / --street filters do. `scope` is only echoed, to say what was asked.
    """
    from .textnorm import fold

    end = week.end.isoformat()
    skipped: list[tuple[object, object]] = []
    pool = [a for a in _dated(activities, False, skipped) if a.date <= end and (matches is None or matches(a))]
    communities = list(communities)
    registered = communities
    if scope_street is not None:
        registered = [c for c in registered if fold(c.street or "") == fold(scope_street)]
    if scope_communities is not None:
        wanted = {fold(n) for n in scope_communities}
        registered = [c for c in registered if fold(c.name) in wanted]
        in_scope: Callable[[str], bool] = lambda name: fold(name) in wanted  # noqa: E731
    else:
        in_scope = lambda name: True  # noqa: E731
    street_of = {c.name: c.street for c in communities}
    names = {c.name for c in registered}

    this = sorted((a for a in pool if _in(week, a)), key=_activity_order)
    before_week = previous(week)
    before = [a for a in pool if _in(before_week, a)]

    def headline(items: list[Activity]) -> Headline:
        reached = {c for a in items for c in a.communities if c in names}
        return Headline(Tally.of(items), len(reached), len(names))

    # Per community, grouped by the street the registry gives it.
    by_community: dict[str, list[Activity]] = {}
    for a in this:
        for c in _unique(a.communities):
            if in_scope(c):
                by_community.setdefault(c, []).append(a)
    blocks: dict[str | None, dict[str, list[Activity]]] = {}
    for c, items in by_community.items():
        blocks.setdefault(street_of.get(c), {})[c] = items
    streets = []
    for street in sorted(blocks, key=_name_key):
        lines = [
            CommunityLine(c, Tally.of(items), _by_count_then_name(Counter(a.category for a in items)))
            for c, items in blocks[street].items()
        ]
        lines.sort(key=lambda line: (-line.tally.activities, _name_key(line.community)))
        distinct = {a.id: a for items in blocks[street].values() for a in items}
        streets.append(StreetBlock(street, Tally.of(distinct.values()), lines))

    total = len(this)
    categories = []
    for cat, _ in _by_count_then_name(Counter(a.category for a in this)):
        items = [a for a in this if a.category == cat]
        categories.append(CategoryLine(cat, Tally.of(items), _percent(len(items), total)))

    days = []
    for day_iso in _unique(a.date for a in this):
        d = date.fromisoformat(day_iso)
        days.append(
            Day(day_iso, WEEKDAYS[d.weekday()], [DigestActivity.of(a) for a in this if a.date == day_iso])
        )

    reached_now = {c for a in this for c in a.communities}
    by_street: dict[str | None, list[str]] = {}
    for c in registered:
        if c.name not in reached_now:
            by_street.setdefault(c.street, []).append(c.name)
    inactive = [
        (street, sorted(by_street[street], key=_name_key)) for street in sorted(by_street, key=_name_key)
    ]

    # (A last date from the index is of a record written by hand when it is no supported day.)
    last_seen = {c: day for c, day in (last_seen or {}).items() if is_supported_iso(day)}
    for a in pool:
        for c in a.communities:
            if a.date > last_seen.get(c, ""):
                last_seen[c] = a.date
    silent = []
    for c in registered:
        last = last_seen.get(c.name)
        if last is None:
            silent.append(Silent(c.name, c.street, None, None))
            continue
        weeks = (week.start - week_of(date.fromisoformat(last)).start).days // 7
        if weeks >= SILENT_WEEKS:
            silent.append(Silent(c.name, c.street, last, weeks))
    silent.sort(key=lambda s: (s.last_activity is not None, s.last_activity or "", _name_key(s.community)))

    unregistered = sorted(
        {c for a in this for c in a.communities if c not in street_of and in_scope(c)}, key=_name_key
    )
    gaps = Gaps(
        without_count=[DigestActivity.of(a) for a in this if a.participants is None],
        without_community=[DigestActivity.of(a) for a in this if not a.communities],
        unregistered=unregistered,
    )
    return Digest(
        week=week,
        previous_week=before_week,
        complete=today > week.end,
        today=today,
        scope=dict(scope or {}),
        headline=headline(this),
        previous=headline(before),
        streets=streets,
        categories=categories,
        days=days,
        inactive=inactive,
        silent=silent,
        gaps=gaps,
        skipped=skipped,
    )


def _percent(part: int, whole: int) -> int:
    """Whole percent, halves rounded up (Python's round() would round 12.5 to 12)."""
    if whole == 0:
        return 0
    return (200 * part + whole) // (2 * whole)

