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
from ..models import Activity, Categories
from ..query import Filter

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
    from ..render import safe

    sys.stderr.write(f"Error: {safe(message)}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    from ..render import safe

    sys.stderr.write(f"Warning: {safe(message)}\n")
    sys.stderr.flush()


def info(message: str) -> None:
    from ..render import safe

    sys.stderr.write(safe(message) + "\n")
    sys.stderr.flush()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def write_out(chunks: Iterable[str]) -> None:
    write = sys.stdout.write
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
                return date.fromisoformat(pinned)
            except ValueError:
                raise UsageError(f"LOGBOOK_TODAY={pinned!r} is not a YYYY-MM-DD date") from None
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
            from ..store import Store

            if self.sample:
                from ..sample import sample_data

                self._store = Store(
                    None, data=sample_data(), categories=self.categories, label="the sample logbook"
                )
            else:
                from ..config import resolve_db_path

                self._store = Store(
                    resolve_db_path(self.db),
                    lock_timeout=self.settings.lock_timeout,
                    categories=self.categories,
                )
        return self._store

    def writable_store(self):
        """The store, refusing up front (before any parsing of input) when it is read-only."""
        store = self.store()
        if store.readonly:
            from ..errors import ReadOnly

            raise ReadOnly(f"{store.label} is read-only; use --db to write to a logbook of your own")
        return store

    def registry(self):
        from ..registry import Registry

        return Registry(self.store().communities())


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if obj is None:  # a command invoked without the root callback (library use)
        obj = ctx.find_root().obj = State()
    return obj


# -- shared options --------------------------------------------------------------------------

FromOpt = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="On or after this date.")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="On or before this date (inclusive).")
]
OnOpt = Annotated[str | None, typer.Option("--on", metavar="DATE", help="On this one day.")]
WeekOpt = Annotated[
    str | None,
    typer.Option(
        "--week", metavar="SPEC", help="An ISO week: 2025-W13, this, last, or a date inside it."
    ),
]
MonthOpt = Annotated[
    str | None, typer.Option("--month", metavar="YYYY-MM", help="A month: 2025-03, this, last.")
]
CommunityOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--community", "-c", metavar="NAME", help="Reaching this community (repeatable: any of them)."
    ),
]
StreetOpt = Annotated[
    str | None, typer.Option("--street", metavar="NAME", help="In this street (街道).")
]
CategoryOpt = Annotated[
    str | None,
    typer.Option("--category", metavar="NAME", help="Of this category, in Chinese or English."),
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="Carrying this tag (repeatable: all of them)."),
]
MinPeopleOpt = Annotated[
    int | None,
    typer.Option("--min-people", metavar="N", min=0, help="With at least N participants."),
]
FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="table for people; json, jsonl, csv, md for programs."),
]


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

    A community or category that matches nothing known is kept (so the result is honestly empty)
    and a warning names the nearest known names.
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
        warn(f"the period {flt.date_from} to {flt.date_to} is empty: it ends before it starts")
    if args.communities or args.street:
        registry = st.registry()
        for typed in args.communities or []:
            res = registry.resolve(typed)
            if not res.known:
                _warn_unknown("community", typed, res.candidates)
            flt.communities.append(res.name)
        if args.street:
            street = registry.resolve_street(args.street)
            if street is None:
                from ..textnorm import suggest

                _warn_unknown("street", args.street, suggest(args.street, registry.streets()))
                street = args.street.strip()
            flt.street = street
    if args.category:
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


def _warn_unknown(kind: str, typed: str, candidates: list[str]) -> None:
    hint = f"; did you mean {', '.join(candidates)}?" if candidates else ""
    warn(f"no {kind} is known as {typed!r}{hint}")


# -- writing listings ------------------------------------------------------------------------


def emit_activities(activities: list[Activity], fmt: Format, *, highlight=None) -> None:
    """A listing on stdout: a table for people, or a machine format streamed as it is written."""
    if fmt is Format.table:
        from ..render import activity_table

        console = consoles.out
        console.print(activity_table(activities, plain=not console.is_terminal, highlight=highlight))
    else:
        write_out(write_activities(activities, fmt))
