"""The options every listing command shares, declared once: the filters (dates, community,
street, category, tags, head count) and their resolution against the logbook, and `--format`
from the format registry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

from ..errors import UsageError
from ..i18n import N_, _
from ..query import SORTS, Filter
from . import completion
from .common import State, warn

# Typer reads a command's options from its signature, so every listing command names these
# parameters again (`date_from: FromOpt = None, …`): each option is declared once, here, and the
# lines that repeat in the signatures are the parameter list itself, on purpose.
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


# The options of a listing cut short, and of a command that writes a file.
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, help=N_("How many to show."))]
AllOpt = Annotated[bool, typer.Option("--all", "-a", help=N_("Show every match, no limit."))]
SortOpt = Annotated[
    str, typer.Option(metavar="|".join(SORTS), help=N_("date (newest first), participants or community."))
]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help=N_("Write it to FILE (atomically), not stdout.")),
]
