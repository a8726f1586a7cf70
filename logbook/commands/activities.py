"""Logging and keeping activities: add, list, show, edit, delete, undo."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from typing import Annotated

import typer

from ..errors import ExitCode, NotFound, UsageError, ValidationError
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
    format_option,
    info,
    more_to_show,
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
            _(
                "invalid head count {value} for --people: expected a whole number such as 40, "
                "or 40+ / 40余 for 'over 40'"
            ).format(value=repr(value))
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
                message = _("community {name} is not in the registry; it could be any of {candidates}. Kept as typed")
            elif res.candidates:
                message = _("community {name} is not in the registry; did you mean {candidates}? Kept as typed")
            else:
                message = _("community {name} is not in the registry. Kept as typed")
            warn(message.format(name=repr(value), candidates=", ".join(res.candidates)))
        if res.name not in names:
            names.append(res.name)
    return names, registry


def _resolve_street(registry, value: str | None, communities: list[str]) -> str | None:
    if value:
        known = registry.resolve_street(value)
        if known is None:
            warn(_("street {name} is not in the registry; kept as typed").format(name=repr(value)))
            return value.strip()
        return known
    return registry.street_of(communities) if communities else None


def bad_sort(sort: str) -> str:
    return _("invalid value {value} for --sort: expected one of {choices}").format(
        value=repr(sort), choices=", ".join(SORTS)
    )


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
        NamesOpt,
        _opt(
            "--community",
            "-c",
            metavar="NAME",
            help=N_("A community reached (repeatable)."),
            complete=completion.communities,
        ),
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
        typer.Option(
            metavar="NAME",
            autocompletion=completion.categories,
            help=N_(
                "培训 training, 会议 meeting, 志愿服务 volunteer, 义诊 health, "
                "文化 culture, 安全 safety, 便民服务 service, 党建 party, 其他 other."
            ),
        ),
    ] = None,
    people: Annotated[
        str | None, typer.Option(metavar="N", help=N_("Participants: 40, or 40+ / 40余 for 'over 40'."))
    ] = None,
    organizer: Annotated[NamesOpt, _opt("--organizer", metavar="NAME", help=N_("Who ran it (repeatable)."))] = None,
    partner: Annotated[
        NamesOpt, _opt("--partner", metavar="NAME", help=N_("An outside organisation (repeatable)."))
    ] = None,
    speaker: Annotated[NamesOpt, _opt("--speaker", metavar="NAME", help=N_("A lecturer (repeatable)."))] = None,
    group: Annotated[
        NamesOpt, _opt("--group", metavar="NAME", help=N_("People served: 居民, 老人 ... (repeatable)."))
    ] = None,
    tag: Annotated[
        NamesOpt, _opt("--tag", "-t", metavar="TAG", help=N_("A free tag (repeatable)."), complete=completion.tags)
    ] = None,
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
    info(_("Added {id} on {date}: {title}").format(id=activity.short_id, date=activity.date, title=activity.title))


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
        raise UsageError(bad_sort(sort))
    st = state(ctx)
    flt = build_filter(
        st,
        FilterArgs(date_from, date_to, on, week, month, community, street, category, tag, min_people),
    )
    from ..services.listing import list_activities

    if st.say_if_no_logbook() and fmt is Format.table:
        return
    listing = list_activities(st.store(), flt, sort=sort, limit=None if all_ else limit)
    emit_activities(listing.shown, Format(fmt))
    if fmt is Format.table and listing.total > len(listing.shown):
        info(more_to_show(len(listing.shown), listing.total))


def show(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=N_("The id, or any unique prefix of 4+ characters."), autocompletion=completion.ids
        ),
    ],
    fmt: Annotated[str, format_option("listing", N_("table for people; json for programs."))] = Format.table,
) -> None:
    st = state(ctx)
    try:
        activity = st.store().get(ref)
    except NotFound:
        st.say_if_no_logbook(exit_code=int(ExitCode.FAILED))
        raise
    if fmt is Format.table:
        from ..render import activity_detail

        console = consoles.out
        console.print(activity_detail(activity, plain=not console.is_terminal))
    elif fmt is Format.json:
        write_out([dumps_json(activity.to_dict()) + "\n"])
    else:
        emit_activities([activity], Format(fmt))


def edit(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=N_("The id, or any unique prefix of 4+ characters."), autocompletion=completion.ids
        ),
    ],
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
    add_community: Annotated[
        NamesOpt, _opt("--add-community", metavar="NAME", help=N_("Add a community."), complete=completion.communities)
    ] = None,
    remove_community: Annotated[
        NamesOpt,
        _opt("--remove-community", metavar="NAME", help=N_("Remove a community."), complete=completion.communities),
    ] = None,
    add_organizer: Annotated[NamesOpt, _opt("--add-organizer", metavar="NAME", help=N_("Add an organizer."))] = None,
    remove_organizer: Annotated[
        NamesOpt, _opt("--remove-organizer", metavar="NAME", help=N_("Remove an organizer."))
    ] = None,
    add_partner: Annotated[NamesOpt, _opt("--add-partner", metavar="NAME", help=N_("Add a partner."))] = None,
    remove_partner: Annotated[NamesOpt, _opt("--remove-partner", metavar="NAME", help=N_("Remove a partner."))] = None,
    add_speaker: Annotated[NamesOpt, _opt("--add-speaker", metavar="NAME", help=N_("Add a speaker."))] = None,
    remove_speaker: Annotated[NamesOpt, _opt("--remove-speaker", metavar="NAME", help=N_("Remove a speaker."))] = None,
    add_group: Annotated[NamesOpt, _opt("--add-group", metavar="NAME", help=N_("Add a group served."))] = None,
    remove_group: Annotated[NamesOpt, _opt("--remove-group", metavar="NAME", help=N_("Remove a group served."))] = None,
    add_tag: Annotated[
        NamesOpt, _opt("--add-tag", metavar="TAG", help=N_("Add a tag."), complete=completion.tags)
    ] = None,
    remove_tag: Annotated[
        NamesOpt, _opt("--remove-tag", metavar="TAG", help=N_("Remove a tag."), complete=completion.tags)
    ] = None,
    clear: Annotated[
        NamesOpt,
        _opt(
            "--clear",
            metavar="FIELD",
            help=N_(
                "Empty an optional field: start, end, street, people, location, notes, or a list field (repeatable)."
            ),
        ),
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
    change = Edit(
        title=title,
        location=location,
        notes=note,
        category=category,
        street=street,
        date=dates.parse_date(on, st.today).isoformat() if on is not None else None,
        start=dates.parse_time(start) if start is not None else None,
        end=dates.parse_time(end) if end is not None else None,
        people=_parse_people(people) if people is not None else None,
        adds={name: list(adds or []) for name, (adds, _removes) in lists.items()},
        removes={name: list(removes or []) for name, (_adds, removes) in lists.items()},
        clear=list(clear or []),
    )
    if add_community:
        change.adds["communities"] = _resolve_communities(st, add_community)[0]
    if not change.changes_anything() and not editor:
        raise UsageError(_("nothing to change: give a field option such as --title or --add-tag, or --editor"))
    registry = st.registry()
    done = edit_activity(
        store,
        ref,
        change,
        now=st.now(),
        categories=st.categories,
        warn=warn,
        resolve_street=lambda typed: _resolve_street(registry, typed, []),
        in_editor=(lambda a: _edit_in_editor(a, st)) if editor else None,
    )
    if not done.changed:
        info(_("{id} unchanged").format(id=done.activity.short_id))
        return
    info(_("Updated {id}: {title}").format(id=done.activity.short_id, title=done.activity.title))


# Fields the editor may not change: they identify the record and its history.
_FIXED = ("id", "created_at", "updated_at", "author", "source")


def _edit_in_editor(activity: Activity, st) -> Activity:
    """The record as the person leaves it in their editor. A record that does not hold (not JSON,
    a field it may not change, a value out of bounds) reopens the editor on their own text with
    the error in comment lines at the top, as `git commit` does, rather than throwing the edit
    away; saving an empty file cancels, and saving the same faulty text again gives up."""
    variable = "VISUAL" if os.environ.get("VISUAL") else "EDITOR"
    editor_cmd = os.environ.get(variable)
    if not editor_cmd:
        raise UsageError(_("--editor needs the EDITOR environment variable set to an editor command"))
    expected = _("expected an editor command such as 'vim' or 'nano -w'")
    try:
        editor_argv = shlex.split(editor_cmd)
    except ValueError as err:  # an unbalanced quote or a trailing backslash
        raise UsageError(
            _("{variable}={command} is not a command line: {reason}; {expected}").format(
                variable=variable, command=repr(editor_cmd), reason=err, expected=expected
            )
        ) from None
    if not editor_argv:
        raise UsageError(
            _("{variable}={command} names no command; {expected}").format(
                variable=variable, command=repr(editor_cmd), expected=expected
            )
        )
    record = activity.to_dict()
    text = dumps_json(record) + "\n"
    problem: str | None = None
    fd, path = tempfile.mkstemp(prefix=f"logbook-{activity.short_id}-", suffix=".json")
    os.close(fd)
    try:
        while True:
            saved = _run_editor(editor_cmd, editor_argv, path, _with_problem(text, problem))
            body = _without_comments(saved)
            if not body.strip():
                info(_("The edited record was empty; edit cancelled, nothing was changed"))
                raise typer.Exit(int(ExitCode.FAILED))
            try:
                return _read_edited(body, record, st.categories)
            except UsageError as err:
                if problem is not None and body == text:  # saved as it was: the person gave up
                    raise UsageError(
                        _("the edited record is invalid: {reason}; nothing was changed").format(reason=err.message)
                    ) from None
                text, problem = body, err.message
    finally:
        _remove_quietly(path)


def _with_problem(text: str, problem: str | None) -> str:
    """The record to edit, after comment lines saying what was wrong with it the last time."""
    if problem is None:
        return text
    lines = [
        _("The edited record is invalid: {reason}").format(reason=problem),
        _("Correct it and save; an empty file cancels the edit. Lines starting with # are ignored."),
    ]
    return "".join(f"# {line}\n" for line in lines) + text


def _without_comments(text: str) -> str:
    """The text without its `#` lines (JSON has none of its own: a string cannot hold a line break)."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("#"))


def _run_editor(editor_cmd: str, editor_argv: list[str], path: str, text: str) -> str:
    """Write `text` to `path`, let the editor change it, and read back what it saved."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    try:
        code = subprocess.call([*editor_argv, path])
    except OSError as err:
        raise UsageError(
            _("cannot run the editor {command}: {reason}").format(command=repr(editor_cmd), reason=err.strerror or err)
        ) from None
    if code != 0:
        raise UsageError(
            _("the editor {command} exited with {code}; nothing was changed").format(
                command=repr(editor_cmd), code=code
            )
        )
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (FileNotFoundError, IsADirectoryError):  # removed, or replaced by a folder
        raise UsageError(
            _("the editor {command} left no file to read back ({path}); nothing was changed").format(
                command=repr(editor_cmd), path=path
            )
        ) from None
    except OSError as err:
        raise UsageError(
            _("cannot read back the edited record {path}: {reason}; nothing was changed").format(
                path=path, reason=err.strerror or err
            )
        ) from None
    except UnicodeDecodeError as err:
        raise UsageError(
            _("the edited record is not valid JSON ({reason}); nothing was changed").format(reason=err)
        ) from None


def _read_edited(body: str, record: dict, categories) -> Activity:
    """The record in the edited text; UsageError saying what is wrong with it."""
    import json

    try:
        edited = json.loads(body)
    except ValueError as err:
        raise UsageError(_("not valid JSON ({reason})").format(reason=err)) from None
    if not isinstance(edited, dict):
        raise UsageError(_("the record must be a JSON object"))
    for name in _FIXED:
        if name in edited and edited[name] != record[name]:
            raise UsageError(_("{field} cannot be changed in the editor").format(field=name))
        edited[name] = record[name]
    try:
        return Activity.from_dict(edited, categories=categories)
    except ValidationError as err:
        raise UsageError(err.message) from None


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
    refs: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...", help=N_("Ids or unique prefixes of 4+ characters."), autocompletion=completion.ids
        ),
    ],
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
            raise UsageError(_("refusing to delete without confirmation: not at a terminal; pass --yes"))
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
                raise NotFound(_("activity {id} was deleted meanwhile; nothing was deleted").format(id=a.short_id))
            tx.delete(a.id, now)
        tx.summary = "delete " + ", ".join(f"{a.short_id} {a.title}" for a in targets)
    for a in targets:
        info(_("Deleted {id}: {title}").format(id=a.short_id, title=a.title))


def undo(ctx: typer.Context) -> None:
    from ..render import beijing_time, safe

    entry = state(ctx).store().undo()
    # when the change was made, as a person in Beijing reads the time (as `show` gives it)
    typer.echo(_("Reverted: {change} (made {at})").format(change=safe(entry.summary), at=beijing_time(entry.at)))


def register(app: typer.Typer) -> None:
    app.command("add", help=N_("Log an activity; prints its id."))(add)
    app.command("list", help=N_("List activities, newest first."))(list_)
    app.command("show", help=N_("Show one activity, every field."))(show)
    app.command("edit", help=N_("Change an activity's fields."))(edit)
    app.command("delete", help=N_("Delete activities (asks first at a terminal)."))(delete)
    app.command("undo", help=N_("Revert the last change to the logbook and say what it was."))(undo)
