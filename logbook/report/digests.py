"""The weekly digest as data: one ISO week of activities (Activity in) turned into a `Digest` of
dataclasses, compared with the week before. Pure: no I/O, no clock; `today` is a parameter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from ..dates import Period, is_supported_iso, previous, week_of
from ..models import Activity, Community
from .tally import Tally, _by_count_then_name, _dated, _name_key, _unique

SILENT_WEEKS = 4

# The `weekday` value of the JSON digest (data, the same in either language); what a person reads
# is the catalog's (digest_formats.weekday).
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

    @classmethod
    def of(cls, a: Activity) -> DigestActivity:
        return cls(
            a.id,
            a.date,
            a.start,
            a.end,
            a.title,
            a.category,
            list(a.communities),
            a.participants,
            a.participants_approx,
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
    from ..textnorm import pinyin_sort_key

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
    from ..textnorm import fold

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
        days.append(Day(day_iso, WEEKDAYS[d.weekday()], [DigestActivity.of(a) for a in this if a.date == day_iso]))

    reached_now = {c for a in this for c in a.communities}
    by_street: dict[str | None, list[str]] = {}
    for community in registered:
        if community.name not in reached_now:
            by_street.setdefault(community.street, []).append(community.name)
    inactive = [(street, sorted(by_street[street], key=_name_key)) for street in sorted(by_street, key=_name_key)]

    # (A last date from the index is of a record written by hand when it is no supported day.)
    last_seen = {c: day for c, day in (last_seen or {}).items() if is_supported_iso(day)}
    for a in pool:
        for c in a.communities:
            if a.date > last_seen.get(c, ""):
                last_seen[c] = a.date
    silent = []
    for community in registered:
        last = last_seen.get(community.name)
        if last is None:
            silent.append(Silent(community.name, community.street, None, None))
            continue
        weeks = (week.start - week_of(date.fromisoformat(last)).start).days // 7
        if weeks >= SILENT_WEEKS:
            silent.append(Silent(community.name, community.street, last, weeks))
    silent.sort(key=lambda s: (s.last_activity is not None, s.last_activity or "", _name_key(s.community)))

    unregistered = sorted({c for a in this for c in a.communities if c not in street_of and in_scope(c)}, key=_name_key)
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
