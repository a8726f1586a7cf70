"""The community registry: names as typed resolved to registered communities and their street.

Resolution order: the exact name, then the Simplified/Traditional fold, then an alias, then the
name with or without its 社区/街道 suffix, then pinyin (full or initials) when it is unambiguous.

A registry can also be told the names the logbook's records use without their being registered
(`used`, `used_streets`): filters resolve against those too, so a logbook kept without a registry
still finds `安贞西里` from `安貞西裡社區` or `azxl`. Registered names always come first.
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
    ambiguous: bool = False  # the candidates all match what was typed (pinyin); pick one
    in_records: bool = False  # not registered, but records use this name
    registered: bool = False  # a registered street (streets have no Community of their own)

    @property
    def known(self) -> bool:
        """Registered: a community of the registry, or a street one of them lies in."""
        return self.community is not None or self.registered

    @property
    def spellings(self) -> list[str]:
        """Every name the resolved community goes by: its name and its aliases."""
        if self.community is None:
            return [self.name]
        return [self.community.name, *self.community.aliases]


def _is_pinyin(typed: str) -> bool:
    return typed.isascii() and typed.replace(" ", "").replace("'", "").isalpha()


def _same_name(typed: str, names: Iterable[str]) -> str | None:
    """The first of `names` equal to `typed` exactly, folded, or without 社区/街道 suffixes."""
    from .textnorm import fold, strip_suffix

    names = list(dict.fromkeys(n for n in names if n))
    if typed in names:
        return typed
    key = fold(typed)
    for n in names:
        if fold(n) == key:
            return n
    bare = fold(strip_suffix(typed))
    if bare:
        for n in names:
            if fold(strip_suffix(n)) == bare:
                return n
    return None


def _one_spelling_each(names: Iterable[str]) -> list[str]:
    """One name per place however many ways records spell it (script, 社区 or not), preferring
    a spelling in Simplified; in the order first seen."""
    from .textnorm import fold, strip_suffix, to_simplified

    chosen: dict[str, str] = {}
    for name in dict.fromkeys(names):
        key = fold(strip_suffix(name))
        if key not in chosen or (to_simplified(chosen[key]) != chosen[key] and to_simplified(name) == name):
            chosen[key] = name
    return list(chosen.values())


class Registry:
    def __init__(
        self,
        communities: Iterable[Community],
        *,
        used: Iterable[str] = (),
        used_streets: Iterable[str] = (),
    ) -> None:
        self.communities = list(communities)
        # Only the names that are not a registered one in another spelling: those resolve (and
        # are suggested) as the registered name.
        self.used = _one_spelling_each(n for n in used if n and self.find(n) is None)
        streets = self.streets()
        self.used_streets = _one_spelling_each(s for s in used_streets if s and _same_name(s, streets) is None)

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
                if fold(strip_suffix(c.name)) == bare or any(fold(strip_suffix(a)) == bare for a in c.aliases):
                    return c
        return None

    def resolve(self, name: str) -> Resolution:
        """What `name` means: a registered community, else a name the records use, else
        nothing known (with the pinyin candidates when it was ambiguous, or suggestions)."""
        typed = name.strip()
        found = self.find(typed)
        if found is not None:
            return Resolution(typed, found.name, found)
        seen = _same_name(typed, self.used)
        if seen is not None:
            return Resolution(typed, seen, None, in_records=True)
        if _is_pinyin(typed):
            from .textnorm import pinyin_match

            hits = pinyin_match(typed, self.names())
            if not hits:  # registered names first; the names records use only when none fits
                hits = pinyin_match(typed, self.used)
            if len(hits) == 1:
                community = self.find(hits[0])
                return Resolution(typed, hits[0], community, in_records=community is None)
            if len(hits) > 1:
                return Resolution(typed, typed, None, hits, ambiguous=True)
        from .textnorm import suggest

        return Resolution(typed, typed, None, suggest(typed, self.names() + self.used))

    def resolve_street_name(self, street: str) -> Resolution:
        """What a street typed in either script, with or without 街道, or in pinyin means."""
        typed = street.strip()
        known = _same_name(typed, self.streets())
        if known is not None:
            return Resolution(typed, known, registered=True)
        seen = _same_name(typed, self.used_streets)
        if seen is not None:
            return Resolution(typed, seen, None, in_records=True)
        if _is_pinyin(typed):
            from .textnorm import pinyin_match

            hits = pinyin_match(typed, self.streets()) or pinyin_match(typed, self.used_streets)
            if len(hits) == 1:
                registered = hits[0] in self.streets()
                return Resolution(typed, hits[0], registered=registered, in_records=not registered)
            if len(hits) > 1:
                return Resolution(typed, typed, None, hits, ambiguous=True)
        from .textnorm import suggest

        return Resolution(typed, typed, None, suggest(typed, self.streets() + self.used_streets))

    def resolve_street(self, street: str) -> str | None:
        """The registered spelling of a street typed in either script, with or without 街道,
        or in pinyin when that is unambiguous; None when the registry does not know it."""
        res = self.resolve_street_name(street)
        return res.name if res.known else None

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
