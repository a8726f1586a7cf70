"""`edit`: change an activity's fields from options, or in the editor."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from typing import Annotated

import typer

from ..errors import ExitCode, UsageError, ValidationError
from ..formats import dumps_json
from ..i18n import N_, _, os_reason
from ..models import Activity
from . import completion
from .common import info, state, warn
from .fields import NamesOpt, names_option, parse_people, resolve_communities, resolve_street


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
        NamesOpt,
        names_option("--add-community", metavar="NAME", help=N_("Add a community."), complete=completion.communities),
    ] = None,
    remove_community: Annotated[
        NamesOpt,
        names_option(
            "--remove-community", metavar="NAME", help=N_("Remove a community."), complete=completion.communities
        ),
    ] = None,
    add_organizer: Annotated[
        NamesOpt, names_option("--add-organizer", metavar="NAME", help=N_("Add an organizer."))
    ] = None,
    remove_organizer: Annotated[
        NamesOpt, names_option("--remove-organizer", metavar="NAME", help=N_("Remove an organizer."))
    ] = None,
    add_partner: Annotated[NamesOpt, names_option("--add-partner", metavar="NAME", help=N_("Add a partner."))] = None,
    remove_partner: Annotated[
        NamesOpt, names_option("--remove-partner", metavar="NAME", help=N_("Remove a partner."))
    ] = None,
    add_speaker: Annotated[NamesOpt, names_option("--add-speaker", metavar="NAME", help=N_("Add a speaker."))] = None,
    remove_speaker: Annotated[
        NamesOpt, names_option("--remove-speaker", metavar="NAME", help=N_("Remove a speaker."))
    ] = None,
    add_group: Annotated[NamesOpt, names_option("--add-group", metavar="NAME", help=N_("Add a group served."))] = None,
    remove_group: Annotated[
        NamesOpt, names_option("--remove-group", metavar="NAME", help=N_("Remove a group served."))
    ] = None,
    add_tag: Annotated[
        NamesOpt, names_option("--add-tag", metavar="TAG", help=N_("Add a tag."), complete=completion.tags)
    ] = None,
    remove_tag: Annotated[
        NamesOpt, names_option("--remove-tag", metavar="TAG", help=N_("Remove a tag."), complete=completion.tags)
    ] = None,
    clear: Annotated[
        NamesOpt,
        names_option(
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
        people=parse_people(people) if people is not None else None,
        adds={name: list(adds or []) for name, (adds, _removes) in lists.items()},
        removes={name: list(removes or []) for name, (_adds, removes) in lists.items()},
        clear=list(clear or []),
    )
    if add_community:
        change.adds["communities"] = resolve_communities(st, add_community)[0]
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
        resolve_street=lambda typed: resolve_street(registry, typed, []),
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
            _("cannot run the editor {command}: {reason}").format(
                command=repr(editor_cmd), reason=os_reason(err).text()
            )
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
                path=path, reason=os_reason(err).text()
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


def register(app: typer.Typer) -> None:
    app.command("edit", help=N_("Change an activity's fields."))(edit)
