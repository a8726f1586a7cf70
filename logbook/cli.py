"""The `logbook` command: the Typer app, its global options, and the one place where a
LogbookError becomes `Error: …` on stderr and an exit code. Commands live in logbook/commands/."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from . import __version__
from .commands.helptext import LogbookCommand, LogbookGroupBase
from .errors import ExitCode, LogbookError
from .i18n import N_


class _LogbookGroup(LogbookGroupBase):
    """Turns every known failure into one line on stderr and its exit code, never a traceback:
    ours (LogbookError), the parser's (an unknown option, a missing argument), and Ctrl-C or
    Ctrl-D at a prompt."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # The language is chosen before anything is shown, from the words as typed: `--lang`
        # must win over the environment for --help and for the errors of parsing itself.
        from typer._click import exceptions as click_errors

        from . import i18n
        from .commands.common import print_error

        words = list(sys.argv[1:] if args is None else args)
        _streams_that_speak_chinese()
        i18n.use(i18n.choose(option=_lang_option(words), setting=_lang_setting))
        try:
            code = super().main(
                words,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except click_errors.NoArgsIsHelpError as shown:
            sys.stdout.write(shown.format_message())
            code = 0
        except click_errors.UsageError as err:
            from .commands.usage import usage_message

            print_error(usage_message(err))
            code = int(ExitCode.USAGE)
        except typer.Abort:  # Ctrl-C or Ctrl-D at a prompt
            print_interrupted()
            code = int(ExitCode.INTERRUPTED)
        except LogbookError as err:  # a value refused while the words were parsed
            print_error(err.message)
            code = int(err.exit_code)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from .commands.usage import NoSuchCommand

            raise NoSuchCommand(name, list(COMMAND_MODULES))
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx, args):
        from .commands.coercion import install

        _refuse_undecodable(args)
        install(self, ctx)  # convert option values without loading pydantic
        return super().parse_args(ctx, args)

    def invoke(self, ctx) -> Any:
        try:
            return super().invoke(ctx)
        except LogbookError as err:
            from .commands.common import print_error

            print_error(err.message)
            raise typer.Exit(int(err.exit_code)) from None
        except KeyboardInterrupt:
            print_interrupted()
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


def print_interrupted() -> None:
    from .commands.common import info
    from .i18n import _

    info(_("Interrupted"))


class _SubGroup(LogbookGroupBase):
    """A group of subcommands (`community`): its help in the reader's language."""


def _streams_that_speak_chinese() -> None:
    """A console that cannot encode Chinese (LC_ALL=C without UTF-8 mode, PYTHONIOENCODING=ascii)
    gets UTF-8 instead of a traceback halfway through a table: the records are Chinese."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "社区活动".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.flush()
                stream.reconfigure(encoding="utf-8")


def _lang_option(args: list[str]) -> str | None:
    """The value of a `--lang` given before the command (`--lang zh`, `--lang=zh`); a value that
    is not a language we speak is left for the option to refuse, in the next language found."""
    from .i18n import CHOICES

    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            return value if value.strip().lower() in CHOICES else None
        if not arg.startswith("-") and (i == 0 or args[i - 1] not in _GLOBAL_WITH_VALUE):
            return None  # the command's own words begin
    return None


def _lang_setting() -> str | None:
    from .config import language_setting

    return language_setting()


def _refuse_undecodable(args: list[str]) -> None:
    """Bytes that are not UTF-8 in an argument (`add $'\\xff'`, a GBK file name) reach us as lone
    surrogates, which no record, file name in the index or message can hold: refused here, for
    every command at once, before anything is read or written."""
    from .plain import NOT_UTF8, undecodable

    for arg in args:
        shown = undecodable(arg)
        if shown is not None:
            from .commands.common import print_error

            print_error(f"the argument '{shown}' {NOT_UTF8}")
            raise typer.Exit(int(ExitCode.USAGE))


_APP_SETTINGS: dict[str, Any] = dict(
    cls=_LogbookGroup,
    name="logbook",
    help=N_(
        "A logbook of community activities: log them in one line, find them, report on them, "
        "and merge logbooks between people."
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion, values from commands/completion.py
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Which module of logbook/commands defines each command. A process runs one command, so it
# imports and builds only that one: Typer introspects the signature of every command it is
# given (~30 ms for all of them, on every run). tests/test_cli_basics.py keeps this in step
# with what the modules register.
COMMAND_MODULES = {
    "add": "activities",
    "list": "activities",
    "show": "activities",
    "edit": "edit",
    "delete": "activities",
    "undo": "activities",
    "search": "find",
    "report": "reports",
    "digest": "reports",
    "export": "export",
    "import": "exchange",
    "check": "check",
    "import-text": "importtext",
    "community": "community",
}
_GLOBAL_WITH_VALUE = ("--db", "--lang")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"logbook {__version__}")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help=N_("The logbook file (else LOGBOOK_DB, else the platform's user data folder)."),
        ),
    ] = None,
    sample: Annotated[
        bool,
        typer.Option("--sample", help=N_("Open the bundled sample logbook, read-only.")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="zh|en",
            help=N_("The language of the interface (else LOGBOOK_LANG, the settings file, the locale)."),
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=N_("Print the version and stop.")),
    ] = False,
) -> None:
    from .commands.common import State
    from .i18n import CHOICES

    if lang is not None and lang.strip().lower() not in CHOICES:
        from .errors import UsageError
        from .i18n import _

        raise UsageError(
            _("invalid value {value!r} for {option}: expected one of {choices}").format(
                value=lang, option="--lang", choices=", ".join(CHOICES)
            )
        )
    ctx.obj = State(db=db, sample=sample)


def build_app(command: str | None = None) -> typer.Typer:
    """The Typer app: with every command, or with `command` alone (a name of COMMAND_MODULES)."""
    from importlib import import_module

    app = typer.Typer(**_APP_SETTINGS)
    app.callback()(main_options)
    names = sorted(set(COMMAND_MODULES.values())) if command is None else [COMMAND_MODULES[command]]
    for name in names:
        import_module(f".commands.{name}", __package__).register(app)
    # Help in the reader's language: Typer's own classes give way to ours (a command with a
    # class of its own, like `search`, derives from LogbookCommand).
    for info in app.registered_commands:
        info.cls = LogbookCommand if info.cls in (None, TyperCommand) else info.cls
    for group in app.registered_groups:
        sub = group.typer_instance
        if sub is None:
            continue
        sub.info.cls = _SubGroup
        for info in sub.registered_commands:
            info.cls = LogbookCommand if info.cls in (None, TyperCommand) else info.cls
    if command is not None:
        app.registered_commands = [c for c in app.registered_commands if c.name == command]
        app.registered_groups = [g for g in app.registered_groups if g.name == command]
    return app


def command_named(args: list[str]) -> str | None:
    """The command `args` runs, when it is one we know; None when it asks for the whole app
    (no command, `--help` before one, or a name Typer should answer with "No such command")."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _GLOBAL_WITH_VALUE:
            i += 2
            continue
        if arg.startswith("-"):
            if arg in ("-h", "--help"):
                return None
            i += 1
            continue
        return arg if arg in COMMAND_MODULES else None
    return None


def __getattr__(name: str):
    # `logbook.cli.app`, with every command, is made when first asked for (tests, tools).
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console entry point."""
    # One command, then the process ends. Python's cycle collector would rescan every record a
    # command holds, again and again while they are made (a third of a whole-history command at
    # 100,000 activities), and finds nothing: records, their lists and dicts hold no cycles.
    # Memory is freed by reference counting as before.
    gc.disable()
    if not _streams_open():
        _exit_now(int(ExitCode.USAGE))
    try:
        build_app(command_named(sys.argv[1:]))(prog_name="logbook")  # also under `python -m`
    except KeyboardInterrupt:
        code = int(ExitCode.INTERRUPTED)
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            raise
        code = done.code or 0
    else:
        code = 0
    _exit_now(code)


def _streams_open() -> bool:
    """A stream the shell closed (`>&-`, `2>&-`) is None in Python. Without stderr, errors go
    nowhere but the exit code still tells; without stdout, a command's output would be lost, so
    it does nothing and says why."""
    import os

    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    if sys.stdout is None:
        from .commands.common import print_error

        print_error("standard output is closed; expected a terminal, a file or a pipe to write to")
        return False
    return True


def _exit_now(code: int) -> None:
    """End the process without freeing, one by one, the objects the command made: a command over
    the whole history holds some two million (~0.2 s to free, for nothing, as the process ends).
    Exit handlers run and the output is flushed first, as a normal exit would."""
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # closed by the shell
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that has gone (`| head`), or a closed stream
            pass
    os._exit(code)
