"""What every command shares: the per-run state (where the logbook is, today, who is logging),
the two consoles (data on stdout, chatter on stderr), the shared filter options declared once,
and the writers of listings."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

import typer

from ..errors import UsageError
from ..formats import Format, write_activities
from ..i18n import N_, _
from ..models import Activity, Categories
from ..query import Filter
from . import completion

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


# -- shared options --------------------------------------------------------------------------

FromOpt = Annotated[str | None, typer.Option("--from", metavar="DATE", help=N_("On or after this date."))]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="DATE", help=N_("On or before this date (inclusive)."))]
OnOpt = Annotated[str | None, typer.Option("--on", metavar="DATE", help=N_("On this one day."))]
WeekOpt = Annotated[
    str | None,
    typer.Option("--week", metavar="SPEC", help=N_("An ISO week: 2025-W13, this, last, or a date inside it.")),
]
MonthOpt = Annotated[str | None, typer.Option("--month", metavar="YYYY-MM", help=N_("A month: 2025-03, this, last."))]
CommunityOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--community",
        "-c",
        metavar="NAME",
        help=N_("Reaching this community (repeatable: any of them)."),
        autocompletion=completion.communities,
    ),
]
StreetOpt = Annotated[
    str | None,
    typer.Option("--street", metavar="NAME", help=N_("In this street (街道)."), autocompletion=completion.streets),
]
CategoryOpt = Annotated[
    str | None,
    typer.Option(
        "--category",
        metavar="NAME",
        help=N_("Of this category, in Chinese or English."),
        autocompletion=completion.categories,
    ),
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        help=N_("Carrying this tag (repeatable: all of them)."),
        autocompletion=completion.tags,
    ),
]
MinPeopleOpt = Annotated[
    int | None,
    typer.Option("--min-people", metavar="N", min=0, help=N_("With at least N participants.")),
]


def format_option(kind: str, help: str, *names: str):
    """The `--format` option of a command that writes the formats FORMATS_OF[kind]: its choices
    shown and completed from the registry, and a value it does not write refused in one line."""
    from ..formats import FORMATS_OF

    choices = FORMATS_OF[kind]

    def convert(value: str | None):
        if value is None:
            return None
        cleaned = value.strip().lower()
        for fmt in choices:
            if fmt.value == cleaned:
                return fmt
        raise UsageError(
            _("invalid value {value!r} for {option}: expected one of {choices}").format(
                value=value, option="--format", choices=", ".join(f.value for f in choices)
            )
        )

    def complete(incomplete: str) -> list[str]:
        return [f.value for f in choices if f.value.startswith(incomplete)]

    return typer.Option(
        *(names or ("--format", "-f")),
        metavar="|".join(f.value for f in choices),
        help=help,
        callback=convert,
        autocompletion=complete,
    )


FormatOpt = Annotated[str, format_option("listing", N_("table for people; json, jsonl, csv, md for programs."))]


@dataclass
class FilterArgs:
    """The shared filter options as typed, before they are resolved against the logbook."""

    date_from: str | None = None
    date_to: str | None = None
    on: str | None = None
    week: str | None = None
    month: str | None = None
    communities: list[str] | None = None
    street: str | None = None
    category: str | None = None
    tags: list[str] | None = None
    min_people: int | None = None


def build_filter(st: State, args: FilterArgs) -> Filter:
    """Resolve typed filter values: dates through the date parser, names through the registry.

    Communities and streets resolve in either script, with or without 社区/街道, by alias, and by
    pinyin (full or initials) when that names one community; names the records use without being
    registered count as known too. A value that matches nothing known, or pinyin that fits several
    names, is kept as typed (so the result is honestly empty) and a warning on stderr names the
    nearest known names or the candidates. Categories resolve from Chinese (either script) or
    English.
    """
    from .. import dates

    today = st.today
    flt = Filter(min_people=args.min_people)
    if args.date_from:
        flt.narrow_dates(dates.parse_date(args.date_from, today).isoformat(), None)
    if args.date_to:
        flt.narrow_dates(None, dates.parse_date(args.date_to, today).isoformat())
    if args.on:
        day = dates.parse_date(args.on, today).isoformat()
        flt.narrow_dates(day, day)
    if args.week:
        flt.narrow_dates(*dates.parse_week(args.week, today).iso_bounds())
    if args.month:
        flt.narrow_dates(*dates.parse_month(args.month, today).iso_bounds())
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        warn(
            _("the period {start} to {end} is empty: it ends before it starts").format(
                start=flt.date_from, end=flt.date_to
            )
        )
    typed_communities = [c for c in args.communities or [] if c.strip()]
    if typed_communities or (args.street and args.street.strip()):
        registry = st.registry()
        full = None  # the registry told the names records use: read only when needed

        def resolve(typed: str, how: str):
            nonlocal full
            res = getattr(registry, how)(typed)
            if res.known:  # registered names come first, so this is the answer either way
                return res
            if full is None:
                full = _filter_registry(st)
            return getattr(full, how)(typed)

        for typed in typed_communities:
            res = resolve(typed, "resolve")
            if not (res.known or res.in_records):
                _warn_unknown("community", typed, res.candidates, res.ambiguous)
            if res.name not in flt.communities:
                flt.communities.append(res.name)
            flt.community_spellings.extend(
                s for s in res.spellings if s != res.name and s not in flt.community_spellings
            )
        if args.street and args.street.strip():
            res = resolve(args.street, "resolve_street_name")
            if not (res.known or res.in_records):
                _warn_unknown("street", args.street, res.candidates, res.ambiguous)
            flt.street = res.name
    if args.category and args.category.strip():
        cats = st.categories
        resolved = cats.resolve(args.category)
        if resolved is None:
            from ..textnorm import suggest

            spellings = cats.names + [cats.english(n) for n in cats.names]
            _warn_unknown("category", args.category, suggest(args.category, spellings))
            resolved = args.category.strip()
        flt.category = resolved
    flt.tags = [t.strip() for t in args.tags or [] if t.strip()]
    return flt


def _filter_registry(st: State):
    """The registry, told which community and street names the records use."""
    from ..registry import Registry

    store = st.store()
    used, streets = store.names_in_use()  # from the index: no month is read
    return Registry(store.communities(), used=dict.fromkeys(used), used_streets=dict.fromkeys(streets))


_UNKNOWN = {
    "community": N_("no community is known as {name}"),
    "street": N_("no street is known as {name}"),
    "category": N_("no category is known as {name}"),
}
_UNKNOWN_HINT = {
    "community": N_("no community is known as {name}; did you mean {candidates}?"),
    "street": N_("no street is known as {name}; did you mean {candidates}?"),
    "category": N_("no category is known as {name}; did you mean {candidates}?"),
}
_AMBIGUOUS = {
    "community": N_("community {name} could be any of {candidates}; type more of the name to pick one"),
    "street": N_("street {name} could be any of {candidates}; type more of the name to pick one"),
}


def _warn_unknown(kind: str, typed: str, candidates: list[str], ambiguous: bool = False) -> None:
    name = repr(typed.strip())
    joined = ", ".join(candidates)
    if ambiguous:
        warn(_(_AMBIGUOUS[kind]).format(name=name, candidates=joined))
        return
    message = _UNKNOWN_HINT[kind] if candidates else _UNKNOWN[kind]
    warn(_(message).format(name=name, candidates=joined))


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
        console.print(
            activity_table(
                every,
                plain=not console.is_terminal,
                highlight=highlight,
                columns=console.width if console.is_terminal else None,
            )
        )
        return
    from ..render import stream_activity_lines, stream_widths

    widths = stream_widths(head, console.width)
    write_out(stream_activity_lines(chain(head, rows), widths))
