"""The Typer internals logbook relies on (logbook/commands/coercion.py converts option values
without pydantic; logbook/cli.py ends a process after running exit handlers). A Typer or Python
release that moves them fails here, by name, rather than slowing or breaking every command."""

from __future__ import annotations

import atexit
import inspect

import typer
from typer.main import get_command

from logbook.cli import build_app
from logbook.commands.coercion import install


def test_typer_still_has_the_coercion_internals_we_use():
    from typer import _coercion

    assert hasattr(_coercion, "RuntimeParam"), "typer._coercion.RuntimeParam is gone"
    assert hasattr(_coercion, "build_runtime_param"), "typer._coercion.build_runtime_param is gone"
    assert "_coerce_value" in vars(_coercion.RuntimeParam), "RuntimeParam._coerce_value is gone"
    params = inspect.signature(_coercion.RuntimeParam).parameters
    assert {"parameter_info", "annotation"} <= set(params), f"RuntimeParam takes {list(params)}"


def test_every_plain_option_gets_the_lean_converter():
    command = get_command(build_app("list"))
    ctx = command.context_class(command)
    install(command, ctx)
    sub = command.commands["list"]
    converted = [p for p in sub.params if getattr(p, "_runtime_param", None) is not None]
    assert any(p.name == "limit" for p in converted), [p.name for p in sub.params]
    for param in converted:
        assert type(param._runtime_param).__name__ == "LeanRuntimeParam"


def test_python_still_runs_exit_handlers_on_request():
    assert callable(getattr(atexit, "_run_exitfuncs", None)), "atexit._run_exitfuncs is gone"


def test_the_pinned_typer_is_the_one_installed():
    major, minor = (int(x) for x in typer.__version__.split(".")[:2])
    assert (major, minor) == (0, 29), f"coercion.py is tested on Typer 0.29, not {typer.__version__}"
