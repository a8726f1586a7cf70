"""The community registry (`community add|list|rename|remove`): names, aliases that may not
clash, and a rename that rewrites every activity naming the community."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import LogbookError, NotFound, UsageError
from ..i18n import _
from ..models import NAME_MAX, Community, clean_names, clean_text
from ..registry import Registry
from ..storage import Store


class InUse(LogbookError):
    """A community that activities still name cannot simply be removed."""

    def __init__(self, name: str, used: int) -> None:
        super().__init__(f"{name} is used by {used} activities")
        self.name, self.used = name, used


@dataclass
class Registered:
    name: str
    street: str | None
    new: bool  # registered now (else aliases or a street were added to it)


@dataclass
class Renamed:
    old: str  # the registered name before
    new: str
    rewritten: int  # activities rewritten
    same_as: str | None = None  # set when `new` is the registered name already (written alike)


def check_lengths(names: list[str]) -> None:
    """A registered name must fit in the activities that will carry it."""
    for name in names:
        if len(name) > NAME_MAX:
            raise UsageError(
                _("a community name of {length} characters ({start}…); at most {most}").format(
                    length=len(name), start=name[:20], most=NAME_MAX
                )
            )


def register(store: Store, name: str, street: str | None, aliases: list[str]) -> Registered:
    """Register a community, or add aliases and a street to a registered one."""
    name = clean_text(name)
    if not name:
        raise UsageError(_("a community needs a name"))
    aliases = clean_names(aliases)
    check_lengths([name, *aliases])
    with store.transaction(f"community add {name}") as tx:
        communities = tx.communities()
        registry = Registry(communities)
        existing = next((c for c in communities if c.name == name), None)
        for alias in aliases:
            owner = registry.find(alias)
            if owner is not None and owner.name != name:
                raise UsageError(_("alias {alias} already names {name}").format(alias=repr(alias), name=owner.name))
        if street:
            street = registry.resolve_street(street) or clean_text(street)
        if existing is None:
            clash = registry.find(name)
            if clash is not None:
                raise UsageError(
                    _("{typed} already names the registered community {name}").format(typed=repr(name), name=clash.name)
                )
            communities.append(Community(name=name, street=street or None, aliases=aliases))
        else:
            if street:
                existing.street = street
            existing.aliases = clean_names(existing.aliases + aliases)
        tx.set_communities(communities)
    return Registered(name, street or None, existing is None)


def rename(store: Store, old: str, new: str, *, keep_alias: bool, now: str) -> Renamed:
    """Rename a community in the registry and in every activity that names it, in one change.
    The registered name again, or written in the other script, width or case (the same name to
    every search and filter), is nothing to rename: nothing is written, not even an undo entry.
    With or without 社区 is a different name to read, and is renamed."""
    from ..textnorm import fold

    new = clean_text(new)
    if not new:
        raise UsageError(_("the new name is empty"))
    check_lengths([new])
    with store.transaction(f"community rename {old} -> {new}") as tx:
        communities = tx.communities()
        registry = Registry(communities)
        target = registry.find(old)
        if target is None:
            raise NotFound(_("no registered community {name}").format(name=repr(old)))
        if fold(new) == fold(target.name):
            return Renamed(target.name, new, 0, same_as=target.name)
        clash = registry.find(new)
        if clash is not None and clash is not target:
            raise UsageError(
                _("{typed} already names the registered community {name}").format(typed=repr(new), name=clash.name)
            )
        old_name = target.name
        target.name = new
        aliases = [a for a in target.aliases if a != new]
        if keep_alias:
            aliases.append(old_name)
        target.aliases = clean_names(aliases)
        tx.set_communities(communities)
        rewritten = 0
        for a in tx.activities():
            if old_name in a.communities:
                a.communities = clean_names([new if c == old_name else c for c in a.communities])
                a.updated_at = now
                tx.update(a)
                rewritten += 1
    return Renamed(old_name, new, rewritten)


def remove(store: Store, name: str, *, force: bool) -> tuple[str, int]:
    """Remove a community from the registry; refused (InUse) while activities name it, unless
    `force` (they keep the name). The name removed and how many activities still name it."""
    with store.transaction(f"community remove {name}") as tx:
        communities = tx.communities()
        target = Registry(communities).find(name)
        if target is None:
            raise NotFound(_("no registered community {name}").format(name=repr(name)))
        used = sum(1 for a in tx.activities() if target.name in a.communities)
        if used and not force:
            raise InUse(target.name, used)
        tx.set_communities([c for c in communities if c is not target])
    return target.name, used


def activity_counts(store: Store) -> dict[str, int]:
    """How many activities name each community."""
    counts: dict[str, int] = {}
    for a in store.activities():
        for c in a.communities:
            counts[c] = counts.get(c, 0) + 1
    return counts
