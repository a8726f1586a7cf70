"""Which activities a command works on: the shared Filter and the orders a listing can take.
Pure: no I/O, no clock."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import Activity

SORTS = ("date", "participants", "community")


@dataclass
class Filter:
    """Every filter the listing commands share; all given parts must hold (AND)."""

    date_from: str | None = None  # inclusive ISO dates
    date_to: str | None = None
    communities: list[str] = field(default_factory=list)  # any of them
    street: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)  # all of them
    min_people: int | None = None
    terms: list[str] = field(default_factory=list)  # search words; "-word" excludes
    # Other names of the wanted communities (their aliases), which match like the names do;
    # kept apart from `communities` so that reports still show one row a community.
    community_spellings: list[str] = field(default_factory=list)

    def narrow_dates(self, start: str | None, end: str | None) -> None:
        """Intersect the date range with [start, end]."""
        if start and (self.date_from is None or start > self.date_from):
            self.date_from = start
        if end and (self.date_to is None or end < self.date_to):
            self.date_to = end

    def only_dates(self, *, and_words: bool = False) -> bool:
        """Whether the filter asks for nothing but a date range (and, with `and_words`, search
        words): what a store answers from its months (and their keys) alone."""
        return self == Filter(date_from=self.date_from, date_to=self.date_to, terms=self.terms if and_words else [])

    @property
    def is_empty(self) -> bool:
        return not (
            self.date_from
            or self.date_to
            or self.communities
            or self.street
            or self.category
            or self.tags
            or self.min_people is not None
            or self.terms
        )

    def matches(self, activity: Activity, search_key: str | None = None) -> bool:
        if self.date_from and activity.date < self.date_from:
            return False
        if self.date_to and activity.date > self.date_to:
            return False
        if self.category and activity.category != self.category:
            return False
        if self.min_people is not None and (activity.participants is None or activity.participants < self.min_people):
            return False
        if self.communities:
            wanted = {_name_key(c) for c in (*self.communities, *self.community_spellings)}
            if not any(_name_key(c) in wanted for c in activity.communities):
                return False
        if self.street and _name_key(activity.street or "") != _name_key(self.street):
            return False
        if self.tags:
            have = {_fold(t) for t in activity.tags}
            if not all(_fold(t) in have for t in self.tags):
                return False
        if self.terms:
            if search_key is None:
                from .textnorm import search_key as make_key

                search_key = make_key(activity.search_fields())
            wanted_terms, excluded = _compiled_terms(tuple(self.terms))
            if not all(t in search_key for t in wanted_terms):
                return False
            if any(t in search_key for t in excluded):
                return False
        return True

    def key_predicate(self) -> Callable[[str], bool] | None:
        """Whether a stored search key holds every search word and no excluded one: the part of
        `matches` that needs only the key, made once for this query's words, for a store to call
        on every stored key of the whole history before it makes an activity of any record
        (None: no words, every key passes)."""
        if not self.terms:
            return None
        wanted_terms, excluded = _compiled_terms(tuple(self.terms))
        if len(wanted_terms) == 1 and not excluded:
            word = wanted_terms[0]
            return lambda key: word in key
        return lambda key: all(t in key for t in wanted_terms) and not any(t in key for t in excluded)

    def apply(self, activities: Iterable[Activity]) -> list[Activity]:
        return [a for a in activities if self.matches(a)]


# Names (communities, streets, tags) are few and repeat across records: fold each once.
@functools.lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    from .textnorm import fold

    return fold(name)


@functools.lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """A place name compared in either script, with or without 社区/街道."""
    from .textnorm import fold, strip_suffix

    return fold(strip_suffix(name)) or fold(name)


@functools.lru_cache(maxsize=256)
def _compiled_terms(terms: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The folded words to find and to exclude, folded once a query rather than once a record;
    the rule is textnorm.matches' own."""
    from .textnorm import split_terms

    return split_terms(terms)


def newest_first_key(activity: Activity) -> tuple:
    return (activity.date, activity.start or "", activity.created_at, activity.id)


def order_key(by: str) -> Callable[[Activity], Any] | None:
    """What `sort_activities` orders by after the newest-first order it starts from: most
    participants first (none after 0), or the first community in pinyin order (none last);
    None for the date alone."""
    if by == "participants":
        return lambda a: 1 if a.participants is None else -a.participants
    if by == "community":
        from .textnorm import pinyin_sort_key

        return lambda a: (not a.communities, pinyin_sort_key(a.communities[0]) if a.communities else ())
    return None


def sort_activities(activities: list[Activity], by: str = "date") -> list[Activity]:
    """Newest first by date; most participants first; or by community name in pinyin order
    (each of the two newest first among equals)."""
    newest = sorted(activities, key=newest_first_key, reverse=True)
    key = order_key(by)
    return newest if key is None else sorted(newest, key=key)
