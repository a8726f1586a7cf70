"""Finding activities: which months to read for a listing or a search, and how many there are
in all (`list`, `search`)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..models import Activity
from ..query import Filter, newest_first_key, order_key, sort_activities
from ..storage import Store
from ..storage.layout import UNDATED, period_of


@dataclass
class Listing:
    shown: list[Activity]  # in the order asked for, at most `limit` of them
    total: int  # how many match in all


def list_activities(store: Store, flt: Filter, *, sort: str = "date", limit: int | None = None) -> Listing:
    """The activities `flt` selects, sorted; with a `limit`, only that many. Newest first with
    no filter but dates, only the newest months are read and the total comes from the index."""
    if sort == "date" and limit is not None and flt.only_dates():
        found, total = store.newest(limit, date_from=flt.date_from, date_to=flt.date_to)
    elif limit is not None and (key := order_key(sort)) is not None and not _undated(store):
        selected = (a for a in store.iter_activities(date_from=flt.date_from, date_to=flt.date_to) if flt.matches(a))
        return Listing(*_first_in_order(selected, key, limit))
    else:
        found = flt.apply(store.activities(date_from=flt.date_from, date_to=flt.date_to))
        total = len(found)
    return _listing(found, total, sort, limit)


def all_activities(store: Store, flt: Filter, *, sort: str = "date") -> Iterable[Activity]:
    """Every activity `flt` selects, sorted (`list --all`). Newest first, the months are read
    newest first and each is sorted and handed on before the next is read, so a whole history
    costs about one month's memory rather than every activity at once. Another order, or a
    record with no date (only in a damaged file, where the order of its month is not the order
    of its dates), sorts everything together."""
    if sort != "date" or _undated(store):
        return list_activities(store, flt, sort=sort).shown
    return _newest_month_by_month(store, flt)


def _undated(store: Store) -> bool:
    return any(p.period == UNDATED for p in store.periods())


def _first_in_order(
    activities: Iterable[Activity], key: Callable[[Activity], Any], limit: int
) -> tuple[list[Activity], int]:
    """The first `limit` of `activities` (read oldest month first, as the store reads them) in
    `key`'s order, newest first among equals, as `sort_activities` orders them all; and how
    many there were. Only `limit` are kept as the months go by, so that a whole history costs a
    month's memory, not every activity at once. (Not for records with no date: a month's order
    is its dates' only where every record has one.)"""
    seen = 0

    def numbered() -> Iterator[tuple[int, Activity]]:
        nonlocal seen
        for _month, month in groupby(activities, key=lambda a: period_of(a.date)):
            for activity in sorted(month, key=newest_first_key):
                seen += 1
                yield seen, activity  # a later number is a newer activity

    if limit < 1:  # (nsmallest would read nothing, and every one is still counted)
        return [], sum(1 for _ in activities)
    first = heapq.nsmallest(limit, numbered(), key=lambda pair: (key(pair[1]), -pair[0]))
    return [activity for _, activity in first], seen


def _newest_month_by_month(store: Store, flt: Filter) -> Iterator[Activity]:
    found = store.iter_activities(date_from=flt.date_from, date_to=flt.date_to, newest_first=True)
    for _month, activities in groupby(found, key=lambda a: period_of(a.date)):
        yield from sorted(flt.apply(activities), key=newest_first_key, reverse=True)


def search_activities(store: Store, flt: Filter, *, sort: str = "date", limit: int | None = None) -> Listing:
    """The activities whose text matches `flt.terms` (and the rest of `flt`), sorted. Newest
    first with a `limit`, older months are only counted, from their stored search keys, when the
    words alone decide a match; a month none of whose keys can match is not read."""

    def accept(activity: Activity, key: str) -> bool:
        return flt.matches(activity, key or None)  # a record with no stored key is folded once

    key_filter = flt.key_predicate()

    def matching() -> Iterator[Activity]:
        pairs = store.search_keys(date_from=flt.date_from, date_to=flt.date_to, key_filter=key_filter)
        return (activity for activity, key in pairs if accept(activity, key))

    if sort == "date" and limit is not None:
        found, total = store.search_newest(
            limit,
            key_filter=key_filter,
            accept=accept,
            date_from=flt.date_from,
            date_to=flt.date_to,
            count_by_keys=flt.only_dates(and_words=True),
        )
    elif limit is not None and (order := order_key(sort)) is not None and not _undated(store):
        return Listing(*_first_in_order(matching(), order, limit))
    else:
        found = list(matching())
        total = len(found)
    return _listing(found, total, sort, limit)


def _listing(found: list[Activity], total: int, sort: str, limit: int | None) -> Listing:
    found = sort_activities(found, sort)
    return Listing(found if limit is None else found[:limit], total)
