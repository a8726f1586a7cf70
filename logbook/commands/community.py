"""The community registry: `logbook community add|list|rename|remove`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import LogbookError, NotFound, UsageError
from ..formats import Format, dumps_json, iter_csv, md_table
from ..models import Community, clean_names, clean_text
from .common import consoles, info, state, warn, write_out

community_app = typer.Typer(
    help="The community registry: names, their street, and aliases.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@community_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The community's name, e.g. 安贞西里社区.")],
    street: Annotated[str | None, typer.Option("--street", "-s", metavar="NAME", help="Its street (街道).")] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", "-a", metavar="NAME", help="Another name it goes by (repeatable)."),
    ] = None,
) -> None:
    """Register a community (or add aliases and a street to a registered one)."""
    from ..registry import Registry

    st = state(ctx)
    store = st.writable_store()
    name = clean_text(name)
    if not name:
        raise UsageError("a community needs a name")
    aliases = clean_names(alias or [])
    _check_lengths([name, *aliases])
    with store.transaction(f"community add {name}") as tx:
        communities = tx.communities()
        registry = Registry(communities)
        existing = next((c for c in communities if c.name == name), None)
        for a in aliases:
            owner = registry.find(a)
            if owner is not None and owner.name != name:
                raise UsageError(f"alias {a!r} already names {owner.name}")
        if existing is None:
            clash = registry.find(name)
            if clash is not None:
                raise UsageError(f"{name!r} already names the registered community {clash.name}")
            if street:
                street = registry.resolve_street(street) or clean_text(street)
            communities.append(Community(name=name, street=street or None, aliases=aliases))
            message = f"Registered {name}" + (f" ({street})" if street else "")
        else:
            if street:
                existing.street = registry.resolve_street(street) or clean_text(street)
            existing.aliases = clean_names(existing.aliases + aliases)
            message = f"Updated {name}"
        tx.set_communities(communities)
    info(message)


@community_app.command("list")
def list_(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json, jsonl, csv or md.")] = Format.table,
) -> None:
    """List the registered communities in pinyin order, with their activity counts."""
    from ..registry import Registry

    st = state(ctx)
    store = st.store()
    registry = Registry(store.communities())
    communities = registry.sorted()
    counts: dict[str, int] = {}
    for a in store.activities():
        for c in a.communities:
            counts[c] = counts.get(c, 0) + 1
    records = [dict(c.to_dict(), activities=counts.get(c.name, 0)) for c in communities]
    if fmt is Format.table:
        from ..render import community_table

        console = consoles.out
        console.print(community_table(communities, counts, plain=not console.is_terminal))
    elif fmt is Format.json:
        write_out([dumps_json(records) + "\n"])
    elif fmt is Format.jsonl:
        write_out(dumps_json(r, indent=None) + "\n" for r in records)
    elif fmt is Format.csv:
        from ..formats import join_list

        rows = [dict(r, aliases=join_list(r["aliases"])) for r in records]
        write_out(iter_csv(rows, columns=("name", "street", "aliases", "activities")))
    else:
        rows = [(r["name"], r["street"] or "", "、".join(r["aliases"]), r["activities"]) for r in records]
        write_out([md_table(["name", "street", "aliases", "activities"], rows)])


@community_app.command("rename")
def rename(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="The registered name (or an alias of it).")],
    new: Annotated[str, typer.Argument(help="The new name.")],
    keep_alias: Annotated[
        bool, typer.Option("--keep-alias/--no-keep-alias", help="Keep the old name as an alias.")
    ] = True,
) -> None:
    """Rename a community and rewrite every activity that names it."""
    from ..registry import Registry
    from ..textnorm import fold

    st = state(ctx)
    store = st.writable_store()
    new = clean_text(new)
    if not new:
        raise UsageError("the new name is empty")
    _check_lengths([new])
    unchanged = renamed = None
    with store.transaction(f"community rename {old} -> {new}") as tx:
        communities = tx.communities()
        registry = Registry(communities)
        target = registry.find(old)
        if target is None:
            raise NotFound(f"no registered community {old!r}")
        # The registered name again, or written in the other script, width or case (the same
        # name to every search and filter): nothing to rename, so nothing is written, not even
        # an undo entry. With or without 社区 is a different name to read, and is renamed.
        if fold(new) == fold(target.name):
            unchanged = target.name
        else:
            renamed = _rename(tx, communities, registry, target, new, keep_alias, now=st.now())
    if unchanged == new:
        info(f"{new} already has that name; nothing changed")
    elif unchanged is not None:
        info(f"{new} is {unchanged} written another way (script, width or case); nothing changed")
    else:
        old_name, rewritten = renamed
        info(f"Renamed {old_name} to {new}; {rewritten} activities rewritten")


def _rename(tx, communities, registry, target, new: str, keep_alias: bool, *, now: str) -> tuple[str, int]:
    """Rename `target` to `new` in the registry and in every activity that names it; the old
    name and how many activities were rewritten."""
    clash = registry.find(new)
    if clash is not None and clash is not target:
        raise UsageError(f"{new!r} already names the registered community {clash.name}")
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
    return old_name, rewritten


@community_app.command("remove")
def remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The registered name (or an alias of it).")],
    force: Annotated[
        bool, typer.Option("--force", help="Remove it even while activities name it (they keep the name).")
    ] = False,
) -> None:
    """Remove a community from the registry (refused while activities use it)."""
    from ..registry import Registry

    st = state(ctx)
    store = st.writable_store()
    with store.transaction(f"community remove {name}") as tx:
        communities = tx.communities()
        target = Registry(communities).find(name)
        if target is None:
            raise NotFound(f"no registered community {name!r}")
        used = sum(1 for a in tx.activities() if target.name in a.communities)
        if used and not force:
            raise LogbookError(
                f"{target.name} is used by {used} activities; rename it instead, or pass --force"
            )
        tx.set_communities([c for c in communities if c is not target])
    if used:
        warn(f"{used} activities still name {target.name}, now unregistered")
    info(f"Removed {target.name}")


def _check_lengths(names: list[str]) -> None:
    """A registered name must fit in the activities that will carry it."""
    from ..models import NAME_MAX

    for name in names:
        if len(name) > NAME_MAX:
            raise UsageError(
                f"a community name of {len(name)} characters ({name[:20]}…); at most {NAME_MAX}"
            )


def register(app: typer.Typer) -> None:
    app.add_typer(community_app, name="community")
