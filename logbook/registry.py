"""The community registry: names as typed resolved to registered communities and their street.

Resolution order: the exact name, then the Simplified/Traditional fold, then an alias, then the
name with or without its 社区/街道 suffix, then pinyin (full or initials) when it is unambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Community


@dataclass
class Resolution:
    typed: str
    name: str  # what gets stored: the registered name, or the name as typed when unknown
    community: Community | None = None
    candidates: list[str] = field(default_factory=list)  # several pinyin matches, or suggestions

    @property
    def known(self) -> bool:
        return self.community is not None


class Registry:
    def __init__(self, communities: Iterable[Community]) -> None:
        self.communities = list(communities)

    def names(self) -> list[str]:
        return [c.name for c in self.communities]

    def streets(self) -> list[str]:
        out: list[str] = []
        for c in self.communities:
            if c.street and c.street not in out:
                out.append(c.street)
        return out

    def find(self, name: str) -> Community | None:
        """The registered community for `name`, by exact name, fold, alias or suffix."""
        from .textnorm import fold, strip_suffix

        typed = name.strip()
        for c in self.communities:
            if c.name == typed:
                return c
        key = fold(typed)
        for c in self.communities:
            if fold(c.name) == key:
                return c
        for c in self.communities:
            if any(fold(alias) == key for alias in c.aliases):
                return c
        bare = fold(strip_suffix(typed))
        if bare:
            for c in self.communities:
                if fold(strip_suffix(c.name)) == bare or any(
                    fold(strip_suffix(a)) == bare for a in c.aliases
                ):
                    return c
        return None

    def resolve(self, name: str) -> Resolution:
        typed = name.strip()
        found = self.find(typed)
        if found is not None:
            return Resolution(typed, found.name, found)
        if typed.isascii() and typed.replace(" ", "").isalpha():
            from .textnorm import pinyin_match

            hits = pinyin_match(typed, self.names())
            if len(hits) == 1:
                community = self.find(hits[0])
                return Resolution(typed, hits[0], community)
            if len(hits) > 1:
                return Resolution(typed, typed, None, hits)
        from .textnorm import suggest

        return Resolution(typed, typed, None, suggest(typed, self.names()))

    def resolve_street(self, street: str) -> str | None:
        """The registered spelling of a street typed in either script, with or without 街道."""
        from .textnorm import fold, strip_suffix

        key = fold(street.strip())
        bare = fold(strip_suffix(street.strip()))
        for s in self.streets():
            if fold(s) == key or fold(strip_suffix(s)) == bare:
                return s
        return None

    def street_of(self, names: Iterable[str]) -> str | None:
        """The one street all the given communities belong to, if the registry knows it."""
        streets = set()
        for name in names:
            c = self.find(name)
            if c is None or not c.street:
                return None
            streets.add(c.street)
        return streets.pop() if len(streets) == 1 else None

    def sorted(self) -> list[Community]:
        from .textnorm import pinyin_sort_key

        return sorted(self.communities, key=lambda c: pinyin_sort_key(c.name))
