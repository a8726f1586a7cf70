"""Logging and keeping activities: add, list, show, edit, delete, undo."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from typing import Annotated

import typer

from ..errors import NotFound, UsageError, ValidationError
from ..formats import Format, dumps_json
from ..i18n import N_, _, ngettext
from ..models import Activity, new_id
from ..query import SORTS
from . import completion
from .common import (
    CategoryOpt,
    CommunityOpt,
    FilterArgs,
    FormatOpt,
    FromOpt,
    MinPeopleOpt,
    MonthOpt,
    OnOpt,
    StreetOpt,
    TagOpt,
    ToOpt,
    WeekOpt,
    ask,
    build_filter,
    consoles,
    emit_activities,
    info,
    state,
    stdin_is_terminal,
    warn,
    write_out,
)

# Options that name people and things; each repeatable.
NamesOpt = list[str] | None


def _opt(*names: str, metavar: str, help: str, complete=None):
    return typer.Option(*names, metavar=metavar, help=help, autocompletion=complete)


def _parse_people(value: str) -> tuple[int, bool]:
    from ..numerals import parse_count

    try:
        return parse_count(value)
    except ValueError:
        raise UsageError(
            f"invalid head count {value!r} for --people: expected a whole number such as 40, "
            "or 40+ / 40余 for 'over 40'"
        ) from None


def _resolve_communities(st, typed: list[str]) -> tuple[list[str], object]:
    """Registered names for what was typed; an unknown name is kept with a warning."""
    registry = st.registry()
    names: list[str] = []
    for value in typed:
        value = value.strip()
        if not value:
            continue
        res = registry.resolve(value)
        if not res.known:
            if len(res.candidates) > 1 and value.isascii():
                hint = f"; it could be any of {', '.join(res.candidates)}."
            elif res.candidates:
                hint = f"; did you mean {', '.join(res.candidates)}?"
            else:
                hint = ""
            warn(f"community {value!r} is not in the registry{hint or '.'} Kept as typed")
        if res.name not in names:
            names.append(res.name)
    return names, registry


def _resolve_street(registry, value: str | None, communities: list[str]) -> str | None:
    if value:
        known = registry.resolve_street(value)
        if known is None:
            warn(f"street {value!r} is not in the registry; kept as typed")
            return value.strip()
        return known
    return registry.street_of(communities) if communities else None


def _validated(activity: Activity, st) -> Activity:
    try:
        activity.validate(st.categories)
    except ValidationError as err:
        raise UsageError(err.message) from None
    return activity


def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help=N_("What happened, in one line (1-200 characters)."))],
    on: Annotated[
        str | None,
        typer.Option("--date", "-d", metavar="DATE", help=N_("The day it happened (default today).")),
    ] = None,
    start: Annotated[str | None, typer.Option(metavar="HH:MM", help=N_("Start time."))] = None,
    end: Annotated[str | None, typer.Option(metavar="HH:MM", help=N_("End time."))] = None,
    community: Annotated[
        NamesOpt, _opt("--community", "-c", metavar="NAME", help=N_("A community reached (repeatable)."), complete=completion.communities)
    ] = None,
    street: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help=N_("The street (街道); filled from the registry."),
            autocompletion=completion.streets,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(metavar="NAME", autocompletion=completion.categories, help=N_("培训 training, 会议 meeting, 志愿服务 volunteer, 义诊 health, "
        "文化 culture, 安全 safety, 便民服务 service, 党建 party, 其他 other.")),
    ] = None,
    people: Annotated[
        str | None, typer.Option(metavar="N", help=N_("Participants: 40, or 40+ / 40余 for 'over 40'."))
    ] = None,
    organizer: Annotated[NamesOpt, _opt("--organizer", metavar="NAME", help=N_("Who ran it (repeatable)."))] = None,
    partner: Annotated[NamesOpt, _opt("--partner", metavar="NAME", help=N_("An outside organisation (repeatable)."))] = None,
    speaker: Annotated[NamesOpt, _opt("--speaker", metavar="NAME", help=N_("A lecturer (repeatable)."))] = None,
    group: Annotated[NamesOpt, _opt("--group", metavar="NAME", help=N_("People served: 居民, 老人 ... (repeatable)."))] = None,
    tag: Annotated[NamesOpt, _opt("--tag", "-t", metavar="TAG", help=N_("A free tag (repeatable)."), complete=completion.tags)] = None,
    location: Annotated[str | None, typer.Option(metavar="TEXT", help=N_("Where it took place."))] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", metavar="TEXT", help=N_("Notes."))] = None,
) -> None:
    from .. import dates

    st = state(ctx)
    store = st.writable_store()
    day = dates.parse_date(on, st.today) if on is not None else st.today
    communities, registry = _resolve_communities(st, community or [])
    count, approx = _parse_people(people) if people is not None else (None, False)
    now = st.now()
    activity = Activity(
        id=new_id(),
        date=day.isoformat(),
        title=title,
        category=category if category is not None else "其他",
        start=dates.parse_time(start) if start is not None else None,
        end=dates.parse_time(end) if end is not None else None,
        communities=communities,
        street=_resolve_street(registry, street, communities),
        participants=count,
        participants_approx=approx,
        organizers=organizer or [],
        partners=partner or [],
        speakers=speaker or [],
        groups=group or [],
        tags=tag or [],
        location=location,
        notes=note,
        source="typed",
        author=st.author,
        created_at=now,
        updated_at=now,
    )
    _validated(activity, st)
    with store.transaction(f"add {activity.short_id} {activity.title}") as tx:
        tx.add(activity)
    typer.echo(activity.id)
    info(f"Added {activity.short_id} on {activity.date}: {activity.title}")


def list_(
    ctx: typer.Context,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    on: OnOpt = None,
    week: WeekOpt = None,
    month: MonthOpt = None,
    community: CommunityOpt = None,
    street: StreetOpt = None,
    category: CategoryOpt = None,
    tag: TagOpt = None,
    min_people: MinPeopleOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help=N_("How many to show."))] = 20,
    all_: Annotated[bool, typer.Option("--all", "-a", help=N_("Show every match, no limit."))] = False,
    sort: Annotated[
        str, typer.Option(metavar="|".join(SORTS), help=N_("date (newest first), participants or community."))
    ] = "date",
    fmt: FormatOpt = Format.table,
) -> None:
    if sort not in SORTS:
        raise UsageError(f"invalid value {sort!r} for --sort: expected one of {', '.join(SORTS)}")
    st = state(ctx)
    flt = build_filter(
        st,
        FilterArgs(date_from, date_to, on, week, month, community, street, category, tag, min_people),
    )
    from ..services.listing import list_activities

    listing = list_activities(st.store(), flt, sort=sort, limit=None if all_ else limit)
    emit_activities(listing.shown, fmt)
    if fmt is Format.table and listing.total > len(listing.shown):
        info(f"{len(listing.shown)} of {listing.total} shown; --all or --limit N for more")


def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(
            metavar="ID", help=N_("The id, or any unique prefix of 4+ characters."), autocompletion=completion.ids
        )],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help=N_("table for people; json for programs."))
    ] = Format.table,
) -> None:
    activity = state(ctx).store().get(ref)
    if fmt is Format.table:
        from ..render import activity_detail

        console = consoles.out
        console.print(activity_detail(activity, plain=not console.is_terminal))
    elif fmt is Format.json:
        write_out([dumps_json(activity.to_dict()) + "\n"])
    else:
        emit_activities([activity], fmt)


def edit(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(
            metavar="ID", help=N_("The id, or any unique prefix of 4+ characters."), autocompletion=completion.ids
        )],
    title: Annotated[str | None, typer.Option(metavar="TEXT", help=N_("A new title."))] = None,
    on: Annotated[str | None, typer.Option("--date", "-d", metavar="DATE", help=N_("A new date."))] = None,
    start: Annotated[str | None, typer.Option(metavar="HH:MM", help=N_("A new start time."))] = None,
    end: Annotated[str | None, typer.Option(metavar="HH:MM", help=N_("A new end time."))] = None,
    category: Annotated[
        str | None, typer.Option(metavar="NAME", help=N_("A new category."), autocompletion=completion.categories)
    ] = None,
    street: Annotated[
        str | None, typer.Option(metavar="NAME", help=N_("A new street."), autocompletion=completion.streets)
    ] = None,
    people: Annotated[str | None, typer.Option(metavar="N", help=N_("A new head count (40, 40+)."))] = None,
    location: Annotated[str | None, typer.Option(metavar="TEXT", help=N_("A new location."))] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", metavar="TEXT", help=N_("New notes."))] = None,
    add_community: Annotated[NamesOpt, _opt("--add-community", metavar="NAME", help=N_("Add a community."), complete=completion.communities)] = None,
    remove_community: Annotated[NamesOpt, _opt("--remove-community", metavar="NAME", help=N_("Remove a community."), complete=completion.communities)] = None,
    add_organizer: Annotated[NamesOpt, _opt("--add-organizer", metavar="NAME", help=N_("Add an organizer."))] = None,
    remove_organizer: Annotated[NamesOpt, _opt("--remove-organizer", metavar="NAME", help=N_("Remove an organizer."))] = None,
    add_partner: Annotated[NamesOpt, _opt("--add-partner", metavar="NAME", help=N_("Add a partner."))] = None,
    remove_partner: Annotated[NamesOpt, _opt("--remove-partner", metavar="NAME", help=N_("Remove a partner."))] = None,
    add_speaker: Annotated[NamesOpt, _opt("--add-speaker", metavar="NAME", help=N_("Add a speaker."))] = None,
    remove_speaker: Annotated[NamesOpt, _opt("--remove-speaker", metavar="NAME", help=N_("Remove a speaker."))] = None,
    add_group: Annotated[NamesOpt, _opt("--add-group", metavar="NAME", help=N_("Add a group served."))] = None,
    remove_group: Annotated[NamesOpt, _opt("--remove-group", metavar="NAME", help=N_("Remove a group served."))] = None,
    add_tag: Annotated[NamesOpt, _opt("--add-tag", metavar="TAG", help=N_("Add a tag."), complete=completion.tags)] = None,
    remove_tag: Annotated[NamesOpt, _opt("--remove-tag", metavar="TAG", help=N_("Remove a tag."), complete=completion.tags)] = None,
    clear: Annotated[
        NamesOpt,
        _opt("--clear", metavar="FIELD", help=N_("Empty an optional field: start, end, street, people, "
             "location, notes, or a list field (repeatable).")),
    ] = None,
    editor: Annotated[bool, typer.Option("--editor", "-e", help=N_("Edit the record as JSON in $EDITOR."))] = False,
) -> None:
    from .. import dates

    st = state(ctx)
    store = st.writable_store()
    from ..services.editing import Edit, edit_activity

    lists = {
        "communities": (add_community, remove_community),
        "organizers": (add_organizer, remove_organizer),
        "partners": (add_partner, remove_partner),
        "speakers": (add_speaker, remove_speaker),
        "groups": (add_group, remove_group),
        "tags": (add_tag, remove_tag),
    }
    # Parse what was typed before taking the lock, so a bad value fails fast.
    try:
        change = Edit(
            title=title, location=location, notes=note, category=category, street=street,
            date=dates.parse_date(on, st.today).isoformat() if on is not None else None,
            start=dates.parse_time(start) if start is not None else None,
            end=dates.parse_time(end) if end is not None else None,
            people=_parse_people(people) if people is not None else None,
            adds={name: list(adds or []) for name, (adds, _) in lists.items()},
            removes={name: list(removes or []) for name, (_, removes) in lists.items()},
            clear=list(clear or []),
        )
    except UsageError as err:
        raise UsageError(err.message.replace("to clear:", "for --clear:")) from None
    if add_community:
        change.adds["communities"] = _resolve_communities(st, add_community)[0]
    if not change.changes_anything() and not editor:
        raise UsageError("nothing to change: give a field option such as --title or --add-tag, or --editor")
    registry = st.registry()
    done = edit_activity(
        store, ref, change, now=st.now(), categories=st.categories, warn=warn,
        resolve_street=lambda typed: _resolve_street(registry, typed, []),
        in_editor=(lambda a: _edit_in_editor(a, st)) if editor else None,
    )
    if not done.changed:
        info(f"{done.activity.short_id} unchanged")
        return
    info(f"Updated {done.activity.short_id}: {done.activity.title}")


# Fields the editor may not change: they identify the record and its history.
_FIXED = ("id", "created_at", "updated_at", "author", "source")


def _edit_in_editor(activity: Activity, st) -> Activity:
    variable = "VISUAL" if os.environ.get("VISUAL") else "EDITOR"
    editor_cmd = os.environ.get(variable)
    if not editor_cmd:
        raise UsageError("--editor needs the EDITOR environment variable set to an editor command")
    expected = "expected an editor command such as 'vim' or 'nano -w'"
    try:
        editor_argv = shlex.split(editor_cmd)
    except ValueError as err:  # an unbalanced quote or a trailing backslash
        raise UsageError(f"{variable}={editor_cmd!r} is not a command line: {err}; {expected}") from None
    if not editor_argv:
        raise UsageError(f"{variable}={editor_cmd!r} names no command; {expected}")
    record = activity.to_dict()
    fd, path = tempfile.mkstemp(prefix=f"logbook-{activity.short_id}-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(dumps_json(record) + "\n")
        try:
            code = subprocess.call([*editor_argv, path])
        except OSError as err:
            raise UsageError(f"cannot run the editor {editor_cmd!r}: {err.strerror or err}") from None
        if code != 0:
            raise UsageError(f"the editor {editor_cmd!r} exited with {code}; nothing was changed")
        import json

        try:
            with open(path, encoding="utf-8") as handle:
                edited = json.load(handle)
        except (FileNotFoundError, IsADirectoryError):  # removed, or replaced by a folder
            raise UsageError(
                f"the editor {editor_cmd!r} left no file to read back ({path}); nothing was changed"
            ) from None
        except OSError as err:
            raise UsageError(
                f"cannot read back the edited record {path}: {err.strerror or err}; nothing was changed"
            ) from None
        except (ValueError, UnicodeDecodeError) as err:
            raise UsageError(f"the edited record is not valid JSON ({err}); nothing was changed") from None
    finally:
        _remove_quietly(path)
    if not isinstance(edited, dict):
        raise UsageError("the edited record must be a JSON object; nothing was changed")
    for name in _FIXED:
        if name in edited and edited[name] != record[name]:
            raise UsageError(f"{name} cannot be changed in the editor; nothing was changed")
        edited[name] = record[name]
    try:
        return Activity.from_dict(edited, categories=st.categories)
    except ValidationError as err:
        raise UsageError(f"the edited record is invalid: {err.message}; nothing was changed") from None


def _remove_quietly(path: str) -> None:
    """Remove the editor's temp file, or the empty folder an editor left in its place."""
    try:
        os.unlink(path)
    except IsADirectoryError:
        try:
            os.rmdir(path)
        except OSError:
            pass
    except OSError:
        pass


def delete(
    ctx: typer.Context,
    refs: Annotated[list[str], typer.Argument(
            metavar="ID...", help=N_("Ids or unique prefixes of 4+ characters."), autocompletion=completion.ids
        )],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=N_("Do not ask; needed without a terminal."))] = False,
) -> None:
    st = state(ctx)
    store = st.writable_store()
    targets: list[Activity] = []
    for ref in refs:
        found = store.get(ref)
        if found.id not in {t.id for t in targets}:
            targets.append(found)
    if not yes:
        if not stdin_is_terminal():
            raise UsageError("refusing to delete without confirmation: not at a terminal; pass --yes")
        for a in targets:
            info(f"  {a.short_id}  {a.date}  {a.title}")
        question = ngettext("Delete {count} activity?", "Delete {count} activities?", len(targets))
        if not ask(question.format(count=len(targets))):
            info(_("Nothing deleted"))
            raise typer.Exit(1)
    now = st.now()
    with store.transaction("delete") as tx:
        for a in targets:
            if tx.by_id(a.id) is None:
                raise NotFound(f"activity {a.short_id} was deleted meanwhile; nothing was deleted")
            tx.delete(a.id, now)
        tx.summary = "delete " + ", ".join(f"{a.short_id} {a.title}" for a in targets)
    for a in targets:
        info(f"Deleted {a.short_id}: {a.title}")


def undo(ctx: typer.Context) -> None:
    from ..render import safe

    entry = state(ctx).store().undo()
    typer.echo(f"Reverted: {safe(entry.summary)} (made {entry.at})")


def register(app: typer.Typer) -> None:
    app.command("add", help=N_("Log an activity; prints its id."))(add)
    app.command("list", help=N_("List activities, newest first."))(list_)
    app.command("show", help=N_("Show one activity, every field."))(show)
    app.command("edit", help=N_("Change an activity's fields."))(edit)
    app.command("delete", help=N_("Delete activities (asks first at a terminal)."))(delete)
    app.command("undo", help=N_("Revert the last change to the logbook and say what it was."))(undo)
