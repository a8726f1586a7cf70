"""`check`: the logbook's health, and `--fix` for what can be fixed."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..i18n import N_, _, ngettext
from .common import (
    info,
    state,
    write_out,
)

# Files bigger than this show a progress bar while they are read and merged (at a terminal).


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def _check_kinds() -> dict[str, str]:
    """The kinds of finding as `check` lists them (JSON keeps the English words)."""

    names = {
        "index": N_("index"),
        "schema": N_("schema"),
        "misplaced": N_("misplaced"),
        "twice": N_("twice"),
        "keys": N_("keys"),
        "duplicate": N_("duplicate"),
        "future": N_("future"),
        "stamp": N_("stamp"),
        "community": N_("community"),
        "street": N_("street"),
        "head-count": N_("head-count"),
    }
    return {kind: _(name) for kind, name in names.items()}


def _check_id(ident: str) -> str:
    """An id as `check` lists it: its first 8 characters, or, for a record without one, which
    record of the file it is (`record 3`, as JSON names it)."""

    position = ident[len("record ") :] if ident.startswith("record ") else ""
    if position.isdigit():
        return _("record {position}").format(position=position)
    return ident[:8]


def _check_line(f, kinds: dict[str, str]) -> str:
    """One finding, one line: its kind, the first ids, what is wrong, and whether --fix fixes it."""
    from ..plain import pad
    from ..render import safe

    ids = " ".join(_check_id(i) for i in f.ids[:3])
    if len(f.ids) > 3:
        ids += f" +{len(f.ids) - 3}"
    said = safe(f.message.text())
    if f.fixable:
        said = _("{problem} (--fix)").format(problem=said)
    return f"{pad(kinds.get(f.kind, f.kind), 10)}  {pad(ids, 17)}  {said}\n"


# check's docstring, which --help shows: marked here for the catalog, in the same words
_CHECK_HELP = N_("Check the logbook's health: schema, duplicates, future dates, unknown communities, head counts.")


def check(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=N_(
                "Fix what is safe: community names written as an alias "
                "or in the other script, streets the registry knows, and stamps far "
                "ahead of the clock."
            ),
        ),
    ] = False,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=N_("The findings as text or json."))
    ] = CheckFormat.text,
) -> None:
    """Check the logbook's health: schema, duplicates, future dates, unknown communities, head counts."""
    from ..formats import dumps_json
    from ..services.checking import check as check_logbook
    from ..services.checking import fixed_sentence

    st = state(ctx)
    store = st.store()
    store.on_warning = None  # what cannot be read is listed below, one finding a record
    result = check_logbook(store, today=st.today, now=st.now(), categories=st.categories, fix=fix)
    health, fixed, fixed_deletions = result.health, result.fixed, result.fixed_deletions
    if fmt is CheckFormat.json:
        write_out([dumps_json(dict(health.to_dict(), fixed=fixed, fixed_deletions=fixed_deletions)) + "\n"])
    else:
        kinds = _check_kinds()
        write_out(["".join(_check_line(f, kinds) for f in health.findings)])
    if fixed or fixed_deletions:
        info(fixed_sentence(fixed, fixed_deletions))
    checked = health.checked
    if health.ok:
        info(
            ngettext(
                "No problems found in {count} activity", "No problems found in {count} activities", checked
            ).format(count=checked)
        )
        return
    n = len(health.findings)
    activities = ngettext("{count} activity", "{count} activities", checked).format(count=checked)
    if health.fixable:
        said = ngettext(
            "{count} problem found in {activities}; {fixable} can be fixed with --fix",
            "{count} problems found in {activities}; {fixable} can be fixed with --fix",
            n,
        )
    else:
        said = ngettext("{count} problem found in {activities}", "{count} problems found in {activities}", n)
    info(said.format(count=n, activities=activities, fixable=health.fixable))
    # a main file that disagrees with its months is damage (as every other command says), not
    # a finding about the records
    raise typer.Exit(3 if result.index_disagrees else 1)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
