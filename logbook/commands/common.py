"""What every command shares: the per-run state (where the logbook is, today, who is logging),
the two consoles (data on stdout, chatter on stderr), and the writers of listings. The shared
filter options are in `filters.py`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

import typer

from ..errors import UsageError
from ..formats import Format, write_activities
from ..i18n import _
from ..models import Activity, Categories

# -- consoles ------------------------------------------------------------------------------


def _console(stderr: bool):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False, markup=False)


class _Consoles:
    """Built on first use, after CliRunner or a test has swapped sys.stdout."""

    @property
    def out(self):
        return _console(False)

    @property
    def err(self):
        return _console(True)


consoles = _Consoles()


def print_view(console, renderable) -> None:
    """A Rich view (a table, a detail view) on stdout: as Rich draws it at a terminal; off one (a
    pipe, a file, cron) the same lines without the spaces that pad them to the table's width."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    write_out(["".join(line.rstrip() + "\n" for line in captured.get().splitlines())])


def print_error(message: str) -> None:
    from ..i18n import _
    from ..plain import safe

    sys.stderr.write(_("Error: {message}").format(message=safe(message)) + "\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    from ..i18n import _
    from ..plain import safe

    sys.stderr.write(_("Warning: {message}").format(message=safe(message)) + "\n")
    sys.stderr.flush()


def info(message: str) -> None:
    from ..plain import safe

    sys.stderr.write(safe(message) + "\n")
    sys.stderr.flush()


_YES = {"y", "yes", "是", "是的", "好", "好的", "对", "確定", "确定", "確認", "确认"}


def ask(question: str) -> bool:
    """A yes-or-no question on stderr, answered on stdin; no unless the answer is yes (`y`,
    `yes`, `是`, `好` …, in either language). Ctrl-C or Ctrl-D ends the command: one line, exit
    130, nothing changed."""
    from ..errors import ExitCode
    from ..i18n import _

    sys.stderr.write(_("{question} [y/N] ").format(question=question))
    sys.stderr.flush()
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        answer = ""
    if not answer:  # Ctrl-D, Ctrl-C, or nothing more to read
        sys.stderr.write("\n")
        info(_("Interrupted"))
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    return answer.strip().lower() in _YES


def stdout_is_terminal() -> bool:
    return _is_terminal(sys.stdout)


def stdin_is_terminal() -> bool:
    return _is_terminal(sys.stdin)


def _is_terminal(stream) -> bool:
    # A stream the shell closed (`<&-`) is None in Python: it is no terminal.
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False


def stdout_is_file() -> bool:
    """Whether stdout is a regular file (`> ledger.csv`), not a pipe or a terminal: CSV written
    there starts with a BOM so Excel and WPS read it as UTF-8; into a pipe a BOM would break
    `cut`, `head` and `sort`."""
    import stat

    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (AttributeError, ValueError, OSError):  # a stream without a file (tests, tools)
        return False


def utf8_stdout() -> None:
    """Machine formats (JSON, CSV, Markdown, HTML) are UTF-8 whatever the locale: a GB18030 or
    ASCII console must not turn a file meant for programs into its own encoding."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding not in ("utf8", "utf8sig") and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.flush()
        sys.stdout.reconfigure(encoding="utf-8")


def write_out(chunks: Iterable[str]) -> None:
    """Data on stdout: as it is to a file or a pipe; at a terminal, through plain.safe, so that a
    record's text shows an escape sequence (a clipboard write, a link, a colour) instead of
    obeying it. Everything a command prints without Rich comes through here."""
    write = sys.stdout.write
    if stdout_is_terminal():
        from ..plain import safe_document

        chunks = map(safe_document, chunks)
    for chunk in chunks:
        write(chunk)
    sys.stdout.flush()


def write_bytes_out(chunks: Iterable[bytes], encoding: str = "utf-8", *, binary: bool = False) -> bool:
    """Bytes on stdout as they are, whatever the terminal's locale: an export is UTF-8 (or the GBK
    asked for) and a workbook binary, not whatever a Chinese-locale console would turn them into.
    At a terminal, text goes through plain.safe first, so that escape sequences in records are
    shown, not obeyed. False when the reader stopped reading (`| head`): there is nothing more to
    write or to say."""
    sys.stdout.flush()
    if stdout_is_terminal() and not binary:
        chunks = _terminal_safe_bytes(chunks, encoding)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        for chunk in chunks:
            sys.stdout.write(chunk.decode("utf-8", errors="replace"))
        return True
    try:
        from ..services.exporting import write_chunks

        write_chunks(buffer, chunks)
        buffer.flush()
    except BrokenPipeError:
        return False
    return True


def _terminal_safe_bytes(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    import codecs

    from ..plain import safe_document

    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    for chunk in chunks:
        yield safe_document(decoder.decode(chunk)).encode(encoding, errors="replace")
    tail = decoder.decode(b"", final=True)
    if tail:
        yield safe_document(tail).encode(encoding, errors="replace")


# -- state ---------------------------------------------------------------------------------


@dataclass
class State:
    db: str | None = None
    sample: bool = False
    _settings: object = field(default=None, repr=False)
    _store: object = field(default=None, repr=False)

    @property
    def settings(self):
        if self._settings is None:
            from ..config import load_settings

            self._settings = load_settings()
        return self._settings

    @property
    def categories(self) -> Categories:
        extra = self.settings.categories
        return Categories.with_extra(extra) if extra else Categories.builtin()

    @property
    def today(self) -> date:
        """Today in Beijing; LOGBOOK_TODAY pins it (tests, and re-running an old digest)."""
        pinned = os.environ.get("LOGBOOK_TODAY")
        if pinned:
            try:
                day = date.fromisoformat(pinned)
            except ValueError:
                raise UsageError(
                    _("LOGBOOK_TODAY={value} is not a YYYY-MM-DD date").format(value=repr(pinned))
                ) from None
            from ..dates import in_range, supported_range

            if not in_range(day):
                raise UsageError(
                    _("LOGBOOK_TODAY={value} is outside the supported range {range}").format(
                        value=repr(pinned), range=supported_range()
                    )
                )
            return day
        from ..dates import today_in_shanghai

        return today_in_shanghai()

    def now(self) -> str:
        from ..dates import now_utc_iso

        return now_utc_iso()

    @property
    def author(self) -> str:
        from ..config import current_author

        return current_author(self.settings)

    def store(self):
        if self._store is None:
            from ..storage import Store

            if self.sample:
                from ..sample import sample_data

                self._store = Store(None, data=sample_data(), categories=self.categories, label=_("the sample logbook"))
            else:
                from ..config import refuse_special_file, resolve_db_path

                path = resolve_db_path(self.db)
                refuse_special_file(path)
                self._store = Store(
                    path,
                    lock_timeout=self.settings.lock_timeout,
                    categories=self.categories,
                    on_warning=warn,
                )
        return self._store

    def writable_store(self):
        """The store, refusing up front (before any parsing of input) when it is read-only."""
        store = self.store()
        if store.readonly:
            from ..errors import ReadOnly

            raise ReadOnly(
                _("{logbook} is read-only; use --db to write to a logbook of your own").format(logbook=store.label)
            )
        return store

    def registry(self):
        from ..registry import Registry

        return Registry(self.store().communities())

    def missing_logbook(self):
        """The path --db or LOGBOOK_DB names when no logbook is there yet; None otherwise (the
        sample, the default logbook, or one that exists)."""
        if self.sample:
            return None
        from ..config import environ_text, resolve_db_path

        if self.db is None and environ_text("LOGBOOK_DB") is None:
            return None
        path = resolve_db_path(self.db)
        return None if path.exists() or path.is_symlink() else path

    def say_if_no_logbook(self, exit_code: int | None = None) -> bool:
        """When --db or LOGBOOK_DB names a logbook that does not exist, say so in one line on
        stderr naming the path (rather than show an empty listing without a word); with an
        `exit_code`, that line is an error and the command exits with it. True when there was no
        logbook."""
        path = self.missing_logbook()
        if path is None:
            return False
        message = _("no logbook at {path}: nothing has been logged there yet").format(path=path)
        if exit_code is None:
            info(message)
            return True
        print_error(message)
        raise typer.Exit(exit_code)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if obj is None:  # a command invoked without the root callback (library use)
        obj = ctx.find_root().obj = State()
    return obj


def more_to_show(shown: int, total: int) -> str:
    """The line under a listing cut short by --limit."""
    return _("{shown} of {total} shown; --all or --limit N for more").format(shown=shown, total=total)


# -- writing listings ------------------------------------------------------------------------


# A table longer than this, going to a pipe or a file, is written row by row (see below).
STREAM_AFTER = 500


def emit_activities(activities: Iterable[Activity], fmt: Format, *, highlight=None) -> None:
    """A listing on stdout: a table for people, or a machine format streamed as it is written.

    A Rich table costs ~0.3 ms a row and prints nothing until every row is measured, so a long
    table going to a pipe or a file (`list --all | less`, cron) is streamed instead: column widths
    from the first STREAM_AFTER rows, the same columns and look, longer cells folded. Shorter
    tables, and every table on a terminal, are Rich tables as before.
    """
    if fmt is not Format.table:
        utf8_stdout()
        write_out(write_activities(activities, fmt, bom=stdout_is_file()))
        return
    from itertools import chain, islice

    from ..render import activity_table

    console = consoles.out
    rows = iter(activities)
    head = list(islice(rows, STREAM_AFTER + 1))
    if console.is_terminal or len(head) <= STREAM_AFTER:
        every = head + list(rows)
        print_view(
            console,
            activity_table(
                every,
                plain=not console.is_terminal,
                highlight=highlight,
                columns=console.width if console.is_terminal else None,
            ),
        )
        return
    from ..render import stream_activity_lines, stream_widths

    widths = stream_widths(head, console.width)
    write_out(stream_activity_lines(chain(head, rows), widths))
