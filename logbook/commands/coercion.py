"""Option values converted without loading pydantic.

Typer 0.29 converts every option and argument value through a pydantic TypeAdapter, built when
the command runs: importing pydantic and building the adapters costs ~70 ms, more than all of
logbook's own start-up. Our options are text, whole numbers, flags, choices (enums) and lists of those,
which need no pydantic. `install` gives each such parameter a converter that handles the values
that are plainly valid and hands anything else (a bad number, an unknown choice) to Typer's own
converter, so every error message stays Typer's, word for word.

It relies on Typer's parameter internals (`typer._coercion.RuntimeParam`,
`build_runtime_param`, a parameter's `_runtime_param` and `type_descriptor`), so pyproject.toml
pins the Typer minor release it is tested on, and tests/test_typer_internals.py fails loudly,
naming what is missing, when a Typer release moves them: no silent fallback.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args, get_origin

_MISSING = object()


def _leaf(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """The converted value when it is plainly valid, else _MISSING."""
    if annotation is str:
        return value if isinstance(value, str) else _MISSING
    if annotation is bool:
        return value if isinstance(value, bool) else _MISSING
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and value.isascii() and value.isdigit():
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
            if info.parser is None:
                if get_origin(annotation) is list:
                    if isinstance(value, (list, tuple)):
                        item_type = get_args(annotation)[0]
                        items = [_leaf(item_type, info, v, ctx) for v in value]
                        if all(i is not _MISSING for i in items):
                            return items
                else:
                    converted = _leaf(annotation, info, value, ctx)
                    if converted is not _MISSING:
                        return converted
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
            param._runtime_param = lean(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )
        pending.extend(getattr(cmd, "commands", {}).values())
