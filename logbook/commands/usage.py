"""The parser's complaints (an unknown option or command, a missing argument, a value where
none belongs) as our one `Error:` line in the reader's language, with the nearest right word."""

from __future__ import annotations

import difflib
import re
from typing import Any

from typer._click import exceptions as click_errors

from ..errors import UsageError
from ..i18n import _
from .helptext import _argument_name


class NoSuchCommand(UsageError):
    def __init__(self, name: str, commands: list[str]) -> None:
        close = difflib.get_close_matches(name, commands, n=3)
        if close:
            message = _("no such command: {name}; did you mean {suggestions}?").format(
                name=name, suggestions=", ".join(close)
            )
        else:
            message = _("no such command: {name}; the commands are: {commands}").format(
                name=name, commands=", ".join(sorted(commands))
            )
        super().__init__(message)


def _options_of(ctx: Any) -> list[str]:
    if ctx is None:
        return []
    names: list[str] = []
    for param in ctx.command.get_params(ctx):
        if param.param_type_name == "option":
            names += [o for o in list(param.opts) + list(param.secondary_opts) if o.startswith("--")]
    return names


def usage_message(err: click_errors.UsageError) -> str:
    """The message of a parser error, in the reader's language."""
    ctx = err.ctx
    command = ctx.command_path if ctx is not None else "logbook"
    if isinstance(err, click_errors.NoSuchOption):
        close = difflib.get_close_matches(err.option_name, _options_of(ctx), n=3)
        if close:
            return _("no such option: {option}; did you mean {suggestions}?").format(
                option=err.option_name, suggestions=", ".join(close)
            )
        return _("no such option: {option}; '{command} --help' lists the options").format(
            option=err.option_name, command=command
        )
    if isinstance(err, click_errors.MissingParameter) and err.param is not None:
        if err.param.param_type_name == "argument":
            return _("missing argument {name}; '{command} --help' says what it takes").format(
                name=_argument_name(err.param), command=command
            )
        return _("missing option {option}").format(option=err.param.opts[-1])
    if isinstance(err, click_errors.BadOptionUsage):
        if "does not take a value" in err.message:
            return _("{option} takes no value").format(option=err.option_name)
        return _("{option} needs a value").format(option=err.option_name)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", err.message or "")
    if extra:
        return _("unexpected extra argument: {values}; '{command} --help' says what it takes").format(
            values=extra.group(1), command=command
        )
    if isinstance(err, click_errors.BadParameter):
        name = err.param_hint or (err.param.opts[-1] if err.param is not None and err.param.opts else "")
        return _("invalid value for {option}: {reason}").format(option=name, reason=err.message)
    return err.format_message()
