"""The community registry: `logbook community add|list|rename|remove`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import LogbookError
from ..formats import Format, dumps_json, iter_csv, md_table
from ..i18n import N_, _, ngettext
from . import completion
from .common import consoles, info, print_view, state, stdout_is_file, utf8_stdout, warn, write_out
from .filters import format_option

community_app = typer.Typer(
    help=N_("The community registry: names, their street, and aliases."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@community_app.command("add", help=N_("Register a community (or add aliases and a street to a registered one)."))
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=N_("The community's name, e.g. 安贞西里社区."))],
    street: Annotated[
        str | None,
        typer.Option(
            "--street", "-s", metavar="NAME", help=N_("Its street (街道)."), autocompletion=completion.streets
        ),
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", "-a", metavar="NAME", help=N_("Another name it goes by (repeatable).")),
    ] = None,
) -> None:
    from ..services import communities

    done = communities.register(state(ctx).writable_store(), name, street, alias or [])
    if done.new:
        if done.street:
            info(_("Registered {name} ({street})").format(name=done.name, street=done.street))
        else:
            info(_("Registered {name}").format(name=done.name))
    else:
        info(_("Updated {name}").format(name=done.name))


@community_app.command("list", help=N_("List the registered communities in pinyin order, with their activity counts."))
def list_(
    ctx: typer.Context,
    fmt: Annotated[str, format_option("listing", N_("table, json, jsonl, csv or md."))] = Format.table,
) -> None:
    from ..registry import Registry

    st = state(ctx)
    store = st.store()
    registry = Registry(store.communities())
    communities = registry.sorted()
    from ..services.communities import activity_counts

    counts = activity_counts(store)
    records = [dict(c.to_dict(), activities=counts.get(c.name, 0)) for c in communities]
    if fmt is not Format.table:
        utf8_stdout()
    if fmt is Format.table:
        from ..render import community_table

        console = consoles.out
        print_view(console, community_table(communities, counts, plain=not console.is_terminal))
    elif fmt is Format.json:
        write_out([dumps_json(records) + "\n"])
    elif fmt is Format.jsonl:
        write_out(dumps_json(r, indent=None) + "\n" for r in records)
    elif fmt is Format.csv:
        from ..formats import join_list

        rows = [dict(r, aliases=join_list(r["aliases"])) for r in records]
        write_out(iter_csv(rows, columns=("name", "street", "aliases", "activities"), bom=stdout_is_file()))
    else:
        cells = [(r["name"], r["street"] or "", "、".join(r["aliases"]), r["activities"]) for r in records]
        write_out([md_table(["name", "street", "aliases", "activities"], cells)])


@community_app.command("rename", help=N_("Rename a community and rewrite every activity that names it."))
def rename(
    ctx: typer.Context,
    old: Annotated[
        str, typer.Argument(help=N_("The registered name (or an alias of it)."), autocompletion=completion.communities)
    ],
    new: Annotated[str, typer.Argument(help=N_("The new name."))],
    keep_alias: Annotated[
        bool, typer.Option("--keep-alias/--no-keep-alias", help=N_("Keep the old name as an alias."))
    ] = True,
) -> None:
    from ..services import communities

    st = state(ctx)
    done = communities.rename(st.writable_store(), old, new, keep_alias=keep_alias, now=st.now())
    if done.same_as == done.new:
        info(_("{name} already has that name; nothing changed").format(name=done.new))
    elif done.same_as is not None:
        info(
            _("{name} is {same} written another way (script, width or case); nothing changed").format(
                name=done.new, same=done.same_as
            )
        )
    else:
        info(
            ngettext(
                "Renamed {old} to {new}; {count} activity rewritten",
                "Renamed {old} to {new}; {count} activities rewritten",
                done.rewritten,
            ).format(old=done.old, new=done.new, count=done.rewritten)
        )


@community_app.command("remove", help=N_("Remove a community from the registry (refused while activities use it)."))
def remove(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help=N_("The registered name (or an alias of it)."), autocompletion=completion.communities)
    ],
    force: Annotated[
        bool, typer.Option("--force", help=N_("Remove it even while activities name it (they keep the name)."))
    ] = False,
) -> None:
    from ..services import communities

    try:
        removed, used = communities.remove(state(ctx).writable_store(), name, force=force)
    except communities.InUse as err:
        raise LogbookError(
            ngettext(
                "{name} is used by {count} activity; rename it instead, or pass --force",
                "{name} is used by {count} activities; rename it instead, or pass --force",
                err.used,
            ).format(name=err.name, count=err.used)
        ) from None
    if used:
        warn(
            ngettext(
                "{count} activity still names {name}, now unregistered",
                "{count} activities still name {name}, now unregistered",
                used,
            ).format(count=used, name=removed)
        )
    info(_("Removed {name}").format(name=removed))


def register(app: typer.Typer) -> None:
    app.add_typer(community_app, name="community")
