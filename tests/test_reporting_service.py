"""The reporting service called as a library (no CLI): a report counted a month at a time from a
real logbook is the rollup of the same activities held in memory, whichever way the service
reads them, and its refusals are structured errors that name the field, not an option."""

from __future__ import annotations

from datetime import date

import pytest

from logbook import dates
from logbook.errors import InvalidChoice, TooManyPeriods
from logbook.query import Filter
from logbook.report import BY_CHOICES, digest, rollup
from logbook.services import reporting
from logbook.storage import Store


@pytest.fixture(scope="module")
def store(book):
    return Store(book.path)


@pytest.mark.parametrize("by", BY_CHOICES)
@pytest.mark.parametrize("period", [None, "month"])
def test_a_whole_history_report_is_the_rollup_of_every_activity(store, by, period):
    assert reporting.report(store, Filter(), by=by, period=period) == rollup(store.activities(), by, period=period)


@pytest.mark.parametrize(
    "flt",
    [
        Filter(date_from="2025-02-03", date_to="2025-03-09"),  # cuts months: records, not activities
        Filter(category="培训"),  # beyond dates: activities
        Filter(date_from="2025-01-15", min_people=20),
    ],
)
def test_a_filtered_report_is_the_rollup_of_the_activities_it_selects(store, flt):
    selected = flt.apply(store.activities())
    got = reporting.report(store, flt, by="street", period="week")
    assert got == rollup(selected, "street", period="week", date_from=flt.date_from, date_to=flt.date_to)
    assert got.total.tally.activities == len(selected)


def test_a_report_by_community_filtered_to_one_keeps_that_one(store):
    flt = Filter(communities=["黄寺社区"])
    got = reporting.report(store, flt, by="community")
    assert [row.group for row in got.rows] == ["黄寺社区"]
    assert got.rows[0].tally.activities == len(flt.apply(store.activities()))


def test_choices_are_read_in_any_case(store):
    assert reporting.report(store, Filter(), by=" Category ", period="MONTH").by == "category"


@pytest.mark.parametrize(
    "kwargs, field, value, accepted",
    [
        ({"by": "district"}, "grouping", "district", BY_CHOICES),
        ({"period": "year"}, "period", "year", ("week", "month", "quarter")),
    ],
)
def test_a_bad_choice_is_a_structured_error_without_option_names(store, kwargs, field, value, accepted):
    with pytest.raises(InvalidChoice) as caught:
        reporting.report(store, Filter(), **kwargs)
    err = caught.value
    assert (err.field, err.value, err.accepted) == (field, value, accepted)
    assert "--" not in err.message


def test_too_many_periods_is_a_structured_error_without_option_names(store):
    with pytest.raises(TooManyPeriods) as caught:
        reporting.report(store, Filter(date_from="2020-01-01"), period="week")
    err = caught.value
    assert (err.field, err.kind, err.start, err.end, err.most) == ("period", "week", "2020-01-01", "2025-03-30", 120)
    assert err.count > 120 and "--" not in err.message
    with pytest.raises(TooManyPeriods) as caught:
        reporting.report(store, Filter(date_from="2020-01-01"), by="week")
    assert caught.value.field == "grouping"


@pytest.mark.parametrize("flt", [Filter(), Filter(category="培训"), Filter(communities=["黄寺社区"])])
def test_the_weekly_digest_is_the_digest_of_every_activity(store, flt):
    today = date(2025, 3, 30)
    week = dates.parse_week("2025-W12", today)
    want = digest(
        store.activities(),
        store.communities(),
        week,
        today,
        matches=None if flt.is_empty else flt.matches,
        scope_communities=reporting.community_names(flt) if flt.communities else None,
        scope_street=flt.street,
        scope={k: v for k, v in {"community": list(flt.communities), "category": flt.category}.items() if v},
    )
    assert reporting.weekly_digest(store, flt, week, today) == want


# -- the records a report counts: a few at a time, the same as a month at a time ---------------


def _batched(store: Store, **kwargs) -> list[dict]:
    batches = list(store.record_batches(size=7, **kwargs))
    assert all(0 < len(batch) <= 7 for batch in batches)
    return [record for batch in batches for record in batch]


def _by_month(store: Store, **kwargs) -> list[dict]:
    return [record for month, _ in store.records(**kwargs) for record in month]


@pytest.mark.parametrize(
    "kwargs", [{}, {"date_from": "2025-02-03", "date_to": "2025-03-09"}, {"date_to": "2025-01-20"}]
)
def test_record_batches_are_the_records_of_each_month(store, kwargs):
    got = _batched(store, **kwargs)
    assert got == _by_month(store, **kwargs) and got


def test_a_month_file_written_by_hand_is_read_its_own_way(book, tmp_path):
    from logbook_files import copy_logbook, reseal, rewrite_activities

    path = tmp_path / "logbook.json"
    copy_logbook(book.path, path)
    # indented, as a person's editor may leave it: no longer one record a line
    rewrite_activities(path, lambda rows: None)
    assert _batched(Store(path)) == _by_month(Store(path)) == _by_month(Store(book.path))
    reseal(path)  # the same, trusted as logbook's own: still not one record a line
    assert _batched(Store(path)) == _by_month(Store(book.path))


def test_a_damaged_record_is_left_out_of_a_report_as_of_every_read(book, tmp_path):
    from logbook_files import copy_logbook, rewrite_activities

    path = tmp_path / "logbook.json"
    copy_logbook(book.path, path)
    rewrite_activities(path, lambda rows: rows[0].update(date="2025-02-30"))
    store = Store(path)
    got = reporting.report(store, Filter(), by="category")
    unreadable = sum(len(bad) for bad in store.unreadable.values())
    assert unreadable == len(store.periods())
    assert got == rollup(store.activities(), "category")
    assert got.total.tally.activities == len(book.shadows) - unreadable
