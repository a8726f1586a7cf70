"""`--help` in the reader's language: the usage line, the command's help, its arguments,
options and subcommands, laid out by display width (a Chinese character takes two columns).

Typer's own help formatting writes its headings and notes (`Usage:`, `Options`, `[default: …]`)
in English and wraps text by counting characters, which breaks Chinese lines; these classes lay
out the same parts themselves, every word from our catalog. Help texts are written in the code as
N_("…") (English, marked for the catalog) and translated here, when shown.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Any

from typer.core import TyperCommand, TyperGroup

from ..i18n import N_, _
from ..plain import width, wrap

# Typer's completion options, when the app offers them: their help comes from Typer in English.
_TYPER_HELP = {
    "install_completion": N_("Install completion for the current shell."),
    "show_completion": N_("Show completion for the current shell, to copy it or customise the installation."),
}
# The words that stand for a value in usage lines and option lists, read in the reader's
# language (as git's Chinese help writes <路径>); formats such as HH:MM and YYYY-MM stay.
_METAVARS = {
    "DATE": N_("DATE"),
    "FIELD": N_("FIELD"),
    "FILE": N_("FILE"),
    "ID": N_("ID"),
    "NAME": N_("NAME"),
    "PATH": N_("PATH"),
    "SPEC": N_("WEEK"),
    "TAG": N_("TAG"),
    "TERMS": N_("TERMS"),
    "TEXT": N_("TEXT"),
    "TITLE": N_("TITLE"),
}
_INDENT = 2
_GAP = 2


def _columns() -> int:
    try:
        cols = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        cols = 0
    if cols <= 0:
        import shutil

        cols = shutil.get_terminal_size((80, 24)).columns
    return max(40, min(cols, 100))


def _word(name: str) -> str:
    """A metavar in the reader's language: `FILE...` reads `文件...` in Chinese."""
    base = name[:-3] if name.endswith("...") else name
    known = _METAVARS.get(base)
    return (_(known) + name[len(base) :]) if known else name


def metavar(param: Any) -> str:
    """What a value of an option looks like: its metavar, its choices, N for a number, TEXT."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if param.metavar:
        return _word(param.metavar)
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    from typing import get_args, get_origin

    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "|".join(str(m.value) for m in annotation)
    if annotation is int:
        return "N"
    return _(_METAVARS["TEXT"])


def _argument_name(param: Any) -> str:
    name = param.metavar or (param.name or "").upper()
    return _word(name + ("..." if param.nargs != 1 and not name.endswith("...") else ""))


def _default_shown(param: Any) -> str | None:
    if not getattr(param, "show_default", False) or param.required:
        return None
    default = param.default
    if callable(default) or default is None or isinstance(default, bool) or default == [] or default == ():
        return None
    if isinstance(default, Enum):
        default = default.value
    return str(default)


def _help_of(param: Any) -> str:
    if param.name == "help":
        return _("Show this message and exit.")
    text = _TYPER_HELP.get(param.name or "") or param.help or ""
    text = _(text) if text else ""
    notes = []
    default = _default_shown(param)
    if default is not None:
        notes.append(_("[default: {value}]").format(value=default))
    if param.required:
        notes.append(_("[required]"))
    return "  ".join(part for part in [text, *notes] if part)


def _usage(command: Any, ctx: Any) -> str:
    pieces = [_("[OPTIONS]")]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = _argument_name(param)
            pieces.append(name if param.required else f"[{name}]")
    if isinstance(command, TyperGroup):
        pieces.append(_("COMMAND [ARGS]..."))
    return _("Usage: {command} {arguments}").format(command=ctx.command_path, arguments=" ".join(pieces))


def _table(rows: list[tuple[str, str]], cols: int) -> list[str]:
    """Two columns, the second wrapped; a first column too wide takes a line of its own."""
    if not rows:
        return []
    left = min(max(width(name) for name, _help in rows), 30)
    room = max(cols - _INDENT - left - _GAP, 20)
    out = []
    for name, text in rows:
        body = wrap(text, room) if text else [""]
        if width(name) > left:
            out.append(" " * _INDENT + name)
            out += [" " * (_INDENT + left + _GAP) + line for line in body]
            continue
        first = " " * _INDENT + name + " " * (left - width(name) + _GAP) + body[0]
        out.append(first.rstrip())
        out += [" " * (_INDENT + left + _GAP) + line for line in body[1:]]
    return out


def summary(command: Any) -> str:
    """A command's help up to its first full stop, for the list of commands."""
    text = _(command.short_help or command.help or "")
    first = text.split("\n\n")[0].replace("\n", " ").strip()
    for stop in ("。", ". "):
        if stop in first:
            return first.split(stop)[0] + stop.strip()
    return first


def render(command: Any, ctx: Any) -> str:
    cols = _columns()
    lines = wrap(_usage(command, ctx), cols)
    if command.help:
        lines.append("")
        lines += [" " * _INDENT + line for line in wrap(_(command.help), cols - _INDENT)]
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            arguments.append((_argument_name(param), _help_of(param)))
        else:
            names = ", ".join(sorted(param.opts, key=len) + list(param.secondary_opts))
            shown = metavar(param)
            options.append((f"{names} {shown}" if shown else names, _help_of(param)))
    for heading, rows in ((_("Arguments:"), arguments), (_("Options:"), options)):
        if rows:
            lines += ["", heading, *_table(rows, cols)]
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, summary(sub)))
        if rows:
            lines += ["", _("Commands:"), *_table(rows, cols)]
    return "\n".join(lines) + "\n"


class LogbookCommand(TyperCommand):
    """A command whose help is written in the reader's language."""

    def format_help(self, ctx, formatter) -> None:
        formatter.write(render(self, ctx))


class LogbookGroupBase(TyperGroup):
    """A group (the app, `community`) whose help is written in the reader's language."""

    def format_help(self, ctx, formatter) -> None:
        formatter.write(render(self, ctx))
