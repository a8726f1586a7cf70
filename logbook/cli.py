"""The `logbook` command: the Typer app, its global options, and the one place where a
LogbookError becomes `Error: …` on stderr and an exit code. Commands live in logbook/commands/."""

from __future__ import annotations

import gc
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import ExitCode, LogbookError


class _LogbookGroup(TyperGroup):
    """Turns every known failure into one line on stderr and its exit code, never a traceback."""

    def parse_args(self, ctx, args):
        from .commands.coercion import install

        install(self, ctx)  # convert option values without loading pydantic
        return super().parse_args(ctx, args)

    def invoke(self, ctx) -> Any:
        try:
            return super().invoke(ctx)
        except LogbookError as err:
            from .commands.common import print_error

            print_error(err.message)
            raise typer.Exit(int(err.exit_code)) from None


app = typer.Typer(
    cls=_LogbookGroup,
    name="logbook",
    help="A logbook of community activities: log them in one line, find them, report on them, "
    "and merge logbooks between people.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"logbook {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="The logbook file (else LOGBOOK_DB, else the platform's user data folder).",
        ),
    ] = None,
    sample: Annotated[
        bool,
        typer.Option("--sample", help="Open the bundled sample logbook, read-only."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and stop."
        ),
    ] = False,
) -> None:
    from .commands.common import State

    ctx.obj = State(db=db, sample=sample)


def _register() -> None:
    from .commands import activities, community, find, reports, exchange, importtext

    for module in (activities, community, find, reports, exchange, importtext):
        module.register(app)


_register()


def main() -> None:
    """Console entry point."""
    # One command, then the process ends. Python's cycle collector would rescan every record a
    # command holds, again and again while they are made (a third of a whole-history command at
    # 100,000 activities), and finds nothing: records, their lists and dicts hold no cycles.
    # Memory is freed by reference counting as before.
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
