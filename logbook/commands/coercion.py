"""Option values converted without loading pydantic.

Typer 0.29 converts every option and argument value through a pydantic TypeAdapter, built when
the command runs: importing pydantic and building the adapters costs ~70 ms, more than all of
logbook's own start-up. Our options are text, whole numbers, flags, choices (enums) and lists of those,
which need no pydantic. `install` gives each such parameter a converter that takes the values
that are plainly valid, refuses a bad number or an unknown choice with our one `Error:` line in the
reader's language (naming the accepted forms), and hands anything else to Typer's own converter.

It relies on Typer's parameter internals (`typer._coercion.RuntimeParam`,
`build_runtime_param`, a parameter's `_runtime_param` and `type_descriptor`), so pyproject.toml
pins the Typer minor release it is tested on, and tests/test_typer_internals.py fails loudly,
naming what is missing, when a Typer release moves them: no silent fallback.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, get_args, get_origin

_MISSING = object()
_WHOLE = re.compile(r"[+-]?[0-9]+")


def option_label(param: Any) -> str:
    """The option as a person types it: its long name (`--limit`), else its name."""
    opts = list(getattr(param, "opts", ()) or ())
    longs = [o for o in opts if o.startswith("--")]
    return (longs or opts or [str(getattr(param, "name", ""))])[0]


def _refuse(annotation: Any, info: Any, value: Any, param: Any) -> None:
    """A value of a number or choice option that is not one: one line naming what is accepted."""
    from ..errors import UsageError
    from ..i18n import _

    option = option_label(param) if param.param_type_name == "option" else param.human_readable_name
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        raise UsageError(
            _("invalid value {value!r} for {option}: expected one of {choices}").format(
                value=value, option=option, choices=", ".join(str(m.value) for m in annotation)
            )
        )
    if annotation is int:
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if low is not None and high is not None:
            expected = _("a whole number from {low} to {high}").format(low=low, high=high)
        elif low is not None:
            expected = _("a whole number of at least {low}").format(low=low)
        else:
            expected = _("a whole number")
        raise UsageError(
            _("invalid value {value!r} for {option}: expected {expected}").format(
                value=value, option=option, expected=expected
            )
        )


def _leaf(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """The converted value when it is plainly valid, else _MISSING."""
    if annotation is str:
        return value if isinstance(value, str) else _MISSING
    if annotation is bool:
        return value if isinstance(value, bool) else _MISSING
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and _WHOLE.fullmatch(value):
            number = int(value)
        else:
            return _MISSING
        if getattr(info, "clamp", False):
            return _MISSING
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if (low is not None and number < low) or (high is not None and number > high):
            return _MISSING
        return number
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        if isinstance(value, str) and getattr(ctx, "token_normalize_func", None) is None:
            for member in annotation:
                if member.value == value:
                    return member
        return _MISSING
    return _MISSING


def _plain(annotation: Any) -> bool:
    if annotation in (str, int, bool) or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return True
    return get_origin(annotation) is list and len(get_args(annotation)) == 1 and _plain(get_args(annotation)[0])


def _lean_class():
    from typer._coercion import RuntimeParam, build_runtime_param

    class LeanRuntimeParam(RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation, info = self.annotation, self.parameter_info
            if info.parser is None and not getattr(info, "clamp", False):
                if get_origin(annotation) is list:
                    if isinstance(value, (list, tuple)):
                        item_type = get_args(annotation)[0]
                        items = [_leaf(item_type, info, v, ctx) for v in value]
                        for item, given in zip(items, value):
                            if item is _MISSING and isinstance(given, str):
                                _refuse(item_type, info, given, param)
                        if all(i is not _MISSING for i in items):
                            return items
                else:
                    converted = _leaf(annotation, info, value, ctx)
                    if converted is not _MISSING:
                        return converted
                    if isinstance(value, str):
                        _refuse(annotation, info, value, param)
            # Anything else, errors included, exactly as Typer would.
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    return LeanRuntimeParam


def install(command: Any, ctx: Any) -> None:
    """Give the plain parameters of `command` and of all its subcommands (their help options
    included, made here with the names `ctx` gives them) the lean converter."""
    lean = _lean_class()
    pending = [command]
    while pending:
        cmd = pending.pop()
        params = list(getattr(cmd, "params", ()))
        helper = cmd.get_help_option(ctx)
        if helper is not None:
            params.append(helper)
        for param in params:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is None or getattr(param, "_runtime_param", _MISSING) is not None:
                continue  # not Typer's kind of parameter, or already converted once
            if descriptor.file_annotation is not None or not _plain(descriptor.annotation):
                continue
            if getattr(descriptor.parameter_info, "parser", None) is not None:
                continue
            param._runtime_param = lean(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
        pending.extend(getattr(cmd, "commands", {}).values())
