"""Counting what happened (`report`, `digest`): which months to read, whether their records are
counted as stored or made into activities first, and the weekly digest's reads."""

from __future__ import annotations

from datetime import date

from ..dates import Period
from ..errors import InvalidChoice
from ..query import Filter
from ..report import BY_CHOICES, PERIOD_CHOICES, Digest, Rollup
from ..storage import Store


def report(store: Store, flt: Filter, *, by: str = "community", period: str | None = None) -> Rollup:
    """The activities `flt` selects counted by `by` (one of BY_CHOICES), in columns of `period`
    (one of PERIOD_CHOICES) when given; either may be typed in any case. Records are counted
    as they are read, a few at a time, and let go before the next are read, so the whole
    history costs little more memory than one month. A filter of dates alone counts the stored
    records as they are, without making activities of them; any other filter looks at each
    record as an activity.

    Raises InvalidChoice (field "grouping" or "period") for a value that is none of the choices,
    before anything is read, and TooManyPeriods when the range spans more than a table shows."""
    from ..report.rollups import Counting

    by = _choice("grouping", by, BY_CHOICES)
    period = _choice("period", period, PERIOD_CHOICES) if period is not None else None
    as_records = flt.only_dates()
    counting = Counting(by, period=period, as_records=as_records)
    if as_records:
        for batch in store.record_batches(date_from=flt.date_from, date_to=flt.date_to):
            counting.add(batch)
    else:
        found = store.iter_activities(date_from=flt.date_from, date_to=flt.date_to)
        counting.add(a for a in found if flt.matches(a))
    return counting.result(
        date_from=flt.date_from,
        date_to=flt.date_to,
        only_groups=community_names(flt) if by == "community" and flt.communities else None,
    )


def weekly_digest(store: Store, flt: Filter, period: Period, today: date) -> Digest:
    """The digest of the week `period` (a Period of dates.parse_week) as of `today`, of the
    activities `flt` selects (its dates are not looked at: the week is the range). With no
    filter, the week and the one before are read, and earlier months only through the index,
    which keeps the last day each community was reached; with one, every month up to the week
    (a "silent" community is then one with no matching activity)."""
    from .. import dates
    from ..report import digest

    scope: dict[str, object] = {}
    if flt.communities:
        scope["community"] = list(flt.communities)
    if flt.street:
        scope["street"] = flt.street
    if flt.category:
        scope["category"] = flt.category
    if flt.tags:
        scope["tag"] = list(flt.tags)
    if flt.min_people is not None:
        scope["min_people"] = flt.min_people
    if flt.is_empty:
        since = dates.month_of(dates.previous(period).start).start.isoformat()
        activities = store.activities(date_from=since, date_to=period.end.isoformat())
        last_seen = store.last_dates(before=since)
    else:
        activities = store.activities(date_to=period.end.isoformat())
        last_seen = None
    return digest(
        activities,
        store.communities(),
        period,
        today,
        matches=None if flt.is_empty else flt.matches,
        scope_communities=community_names(flt) if flt.communities else None,
        scope_street=flt.street,
        scope=scope,
        last_seen=last_seen,
    )


def community_names(flt: Filter) -> list[str]:
    """The communities a filter asks for, with every other spelling of them it matches."""
    return list(flt.communities) + list(getattr(flt, "community_spellings", []))


def _choice(field: str, value: str, accepted: tuple[str, ...]) -> str:
    cleaned = value.strip().lower()
    if cleaned not in accepted:
        raise InvalidChoice(field, value, accepted)
    return cleaned
