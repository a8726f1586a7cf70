"""`rollup` counts in one pass over the activities; these check it against the rollup it replaced
(kept below as the reference, as it was): the same rows in the same order, the same tallies, top
categories and period cells, the same totals and the same errors, for every --by, with and
without --period, date bounds and only_groups."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from logbook.errors import InvalidChoice, UsageError
from logbook.models import Activity
from logbook.report import (
    BY_CHOICES,
    PERIOD_CHOICES,
    TOP_CATEGORIES,
    Rollup,
    RollupRow,
    Tally,
    group_keys,
    rollup,
)
from logbook.report.rollups import _periods
from logbook.report.tally import _by_count_then_name, _name_key

# -- the reference: the rollup before the one-pass rewrite, copied as it was --------------------


def _ref_row(group, members: list[Activity], periods, is_total=False) -> RollupRow:
    communities = {c for a in members for c in a.communities}
    categories = Counter(a.category for a in members)
    cells = []
    for p in periods:
        start, end = p.iso_bounds()
        cells.append(Tally.of(a for a in members if start <= a.date <= end))
    return RollupRow(
        group=group,
        tally=Tally.of(members),
        communities=len(communities),
        top_categories=_by_count_then_name(categories)[:TOP_CATEGORIES],
        cells=cells,
        is_total=is_total,
    )


def _ref_span(activities, date_from, date_to):
    dates = [a.date for a in activities]
    start = date_from or (min(dates) if dates else None)
    end = date_to or (max(dates) if dates else None)
    if start is None or end is None or start > end:
        return None, None
    return start, end


def reference_rollup(activities, by, *, period=None, date_from=None, date_to=None, only_groups=None):
    # The errors as the library raises them now (the CLI names the options).
    if by not in BY_CHOICES:
        raise InvalidChoice("grouping", by, BY_CHOICES)
    if period is not None and period not in PERIOD_CHOICES:
        raise InvalidChoice("period", period, PERIOD_CHOICES)
    activities = list(activities)
    start, end = _ref_span(activities, date_from, date_to)
    periods = []
    if period and start:
        periods = _periods(start, end, period, "period")

    members: dict = {}
    for a in activities:
        for key in group_keys(a, by):
            members.setdefault(key, []).append(a)
    if only_groups is not None:
        from logbook.textnorm import fold

        wanted = {fold(g) for g in only_groups}
        members = {k: v for k, v in members.items() if k is not None and fold(k) in wanted}
    if by in ("week", "month") and start:
        for p in _periods(start, end, by, "grouping"):
            members.setdefault(p.label, [])

    rows = [_ref_row(key, group, periods) for key, group in members.items()]
    if by in ("week", "month"):
        rows.sort(key=lambda r: (r.group is None, r.group or ""))
    else:
        rows.sort(key=lambda r: (-r.tally.activities, _name_key(r.group)))
    total = _ref_row(None, activities, periods, is_total=True)
    return Rollup(by, period, periods, rows, total, start, end)


# -- comparing ----------------------------------------------------------------------------------


def _outcome(fn, activities, by, **kwargs):
    try:
        return "ok", fn(activities, by, **kwargs)
    except UsageError as err:
        return "error", (type(err), str(err))


def _typed(tally: Tally) -> tuple:
    return tuple((type(v), v) for v in tally.to_dict().values())


def assert_same(activities, by, **kwargs):
    got = _outcome(rollup, activities, by, **kwargs)
    want = _outcome(reference_rollup, activities, by, **kwargs)
    assert got[0] == want[0], (got, want)
    if got[0] == "error":
        assert got == want
        return
    new, ref = got[1], want[1]
    assert new == ref
    assert new.to_dict() == ref.to_dict()
    # == would take True for 1: the numbers must be of the same types too.
    for a, b in zip([*new.rows, new.total], [*ref.rows, ref.total]):
        assert _typed(a.tally) == _typed(b.tally)
        assert [_typed(c) for c in a.cells] == [_typed(c) for c in b.cells]
        assert type(a.communities) is type(b.communities)
    # the same activities as the store's records (dicts), as a whole-history report gives them
    records = _outcome(rollup, [a.to_dict() for a in activities], by, as_records=True, **kwargs)
    assert records == got


# -- random logbooks ----------------------------------------------------------------------------

COMMUNITIES = ["安贞西里社区", "和平街一社区", "和平街十社区", "小关社区", "惠新里社区", "长辛店社区"]
CATEGORIES = ["培训", "会议", "志愿服务", "义诊", "文化", "其他"]
TAGS = ["垃圾分类", "反诈", "消防", "亲子"]
ORGANIZERS = ["居委会", "物业公司", "街道社区建设办公室"]
STREETS = [None, "安贞街道", "和平街街道", "小关街道", ""]
FIRST, LAST = date(2024, 1, 1), date(2025, 12, 31)
# Group names as a user types them: some in Traditional script, some that match nothing.
ASKED = (
    COMMUNITIES
    + TAGS
    + ORGANIZERS
    + CATEGORIES
    + [
        "安貞西里社區",
        "安贞街道",
        "小关街道",
        "2024-03",
        "2024-W10",
        "2025-11",
        "无此社区",
    ]
)

iso_dates = st.dates(FIRST, LAST).map(date.isoformat)
bounds = st.none() | st.dates(date(2023, 10, 1), date(2026, 3, 31)).map(date.isoformat)


@st.composite
def activities(draw) -> list[Activity]:
    out = []
    for i in range(draw(st.integers(0, 30))):
        participants = draw(st.none() | st.integers(0, 300))
        out.append(
            Activity(
                id=f"{i:032x}",
                date=draw(iso_dates),
                title=f"活动{i}",
                category=draw(st.sampled_from(CATEGORIES)),
                # Duplicates too: a rollup counts an activity once in each of its groups.
                communities=draw(st.lists(st.sampled_from(COMMUNITIES), max_size=4)),
                street=draw(st.sampled_from(STREETS)),
                participants=participants,
                participants_approx=draw(st.booleans()),
                tags=draw(st.lists(st.sampled_from(TAGS), max_size=3)),
                organizers=draw(st.lists(st.sampled_from(ORGANIZERS), max_size=3)),
            )
        )
    return out


@settings(max_examples=examples(400), deadline=None)
@given(
    acts=activities(),
    by=st.sampled_from(BY_CHOICES),
    period=st.none() | st.sampled_from(PERIOD_CHOICES),
    date_from=bounds,
    date_to=bounds,
    only_groups=st.none() | st.lists(st.sampled_from(ASKED), max_size=4),
)
def test_one_pass_rollup_is_the_reference_rollup(acts, by, period, date_from, date_to, only_groups):
    assert_same(acts, by, period=period, date_from=date_from, date_to=date_to, only_groups=only_groups)


def _logbook(count: int, seed: int) -> list[Activity]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        participants = rng.choice([None, rng.randint(0, 400)])
        out.append(
            Activity(
                id=f"{i:032x}",
                date=(FIRST + timedelta(days=rng.randrange((LAST - FIRST).days + 1))).isoformat(),
                title=f"活动{i}",
                category=rng.choice(CATEGORIES),
                communities=rng.sample(COMMUNITIES, rng.choice([0, 1, 1, 1, 2, 3])),
                street=rng.choice(STREETS),
                participants=participants,
                participants_approx=participants is not None and rng.random() < 0.2,
                tags=rng.sample(TAGS, rng.randint(0, 2)),
                organizers=rng.sample(ORGANIZERS, rng.randint(0, 2)),
            )
        )
    return out


@pytest.mark.parametrize("by", BY_CHOICES)
@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"period": "quarter"},
        {"period": "month"},
        {"period": "week", "date_from": "2025-01-01"},
        {"date_from": "2024-05-07", "date_to": "2025-02-13", "period": "month"},
        # reversed bounds: no range, no grid
        {"date_from": "2025-02-13", "date_to": "2024-05-07", "period": "month"},
        {"only_groups": ["小关社区", "安貞西里社區", "反诈", "物业公司", "会议", "2024-06"]},
        {"period": "week"},
        {"period": "week", "date_from": "2023-01-01"},  # too many weeks: the same error
    ],
)
def test_a_larger_logbook_gives_the_reference_rollup(by, kwargs):
    assert_same(_logbook(1500, seed=BY_CHOICES.index(by)), by, **kwargs)


def test_too_many_periods_is_the_same_error():
    acts = _logbook(50, seed=3)
    cases = (("community", {"period": "week"}), ("week", {}), ("month", {"period": "week"}))
    for by, kwargs in cases:
        got = _outcome(rollup, acts, by, date_from="2020-01-01", **kwargs)
        assert got[0] == "error" and "too many" in got[1][1]
        assert got == _outcome(reference_rollup, acts, by, date_from="2020-01-01", **kwargs)


def test_no_activities_and_a_generator_of_them():
    for by in BY_CHOICES:
        assert_same([], by)
        assert_same([], by, period="month", date_from="2025-01-01", date_to="2025-03-31")
    acts = _logbook(200, seed=7)
    assert rollup(iter(acts), "community", period="month") == reference_rollup(acts, "community", period="month")


def test_bad_choices_give_the_same_errors():
    for by, period in (("district", None), ("community", "year")):
        assert _outcome(rollup, [], by, period=period) == _outcome(reference_rollup, [], by, period=period)
