"""Finding activities: which months to read for a listing or a search, and how many there are
in all (`list`, `search`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Activity
from ..query import Filter, sort_activities
from ..storage import Store


@dataclass
class Listing:
    shown: list[Activity]  # in the order asked for, at most `limit` of them
    total: int  # how many match in all


def list_activities(store: Store, flt: Filter, *, sort: str = "date", limit: int | None = None) -> Listing:
    """The activities `flt` selects, sorted; with a `limit`, only that many. Newest first with
    no filter but dates, only the newest months are read and the total comes from the index."""
    if sort == "date" and limit is not None and flt.only_dates():
        found, total = store.newest(limit, date_from=flt.date_from, date_to=flt.date_to)
    else:
        found = flt.apply(store.activities(date_from=flt.date_from, date_to=flt.date_to))
        total = len(found)
    return _listing(found, total, sort, limit)


def search_activities(store: Store, flt: Filter, *, sort: str = "date", limit: int | None = None) -> Listing:
    """The activities whose text matches `flt.terms` (and the rest of `flt`), sorted. Newest
    first with a `limit`, older months are only counted, from their stored search keys, when the
    words alone decide a match; a month none of whose keys can match is not read."""

    def accept(activity: Activity, key: str) -> bool:
        return flt.matches(activity, key or None)  # a record with no stored key is folded once

    if sort == "date" and limit is not None:
        found, total = store.search_newest(
            limit,
            key_filter=flt.key_predicate(),
            accept=accept,
            date_from=flt.date_from,
            date_to=flt.date_to,
            count_by_keys=flt.only_dates(and_words=True),
        )
    else:
        found = [
            activity
            for activity, key in store.search_keys(
                date_from=flt.date_from, date_to=flt.date_to, key_filter=flt.key_predicate()
            )
            if accept(activity, key)
        ]
        total = len(found)
    return _listing(found, total, sort, limit)


def _listing(found: list[Activity], total: int, sort: str, limit: int | None) -> Listing:
    found = sort_activities(found, sort)
    return Listing(found if limit is None else found[:limit], total)
