"""Finding activities by what they say: `logbook search TERMS… [filters]`.

Every word must occur in the title, notes, communities, street, names, tags or location; `-word`
excludes. Both sides are folded to one form (Simplified, case-folded, pinyin glosses removed), and
the record's side was folded when it was written: a query reads the stored search keys and folds
only its own words.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from ..formats import Format
from ..i18n import N_, _, ngettext
from ..query import SORTS
from .common import emit_activities, info, state
from .filters import (
    AllOpt,
    CategoryOpt,
    CommunityOpt,
    FilterArgs,
    FormatOpt,
    FromOpt,
    LimitOpt,
    MinPeopleOpt,
    MonthOpt,
    OnOpt,
    SortOpt,
    StreetOpt,
    TagOpt,
    ToOpt,
    WeekOpt,
    build_filter,
)
from .helptext import LogbookCommand


def protect_exclusions(args: list[str], params) -> list[str]:
    """`args` rearranged so that every `-word` reaches TERMS instead of the option parser.

    The option parser would read `-消防` as the short options `-消` `-防`, and `-cat` as
    `-c at`. Here only an option's exact spelling (`-c NAME`, `--limit 5`, `--limit=5`, `-a`)
    stays an option; any other argument that starts with one `-` is a word to exclude and is
    moved after `--`, where everything is a term. An unknown `--long` option is left to the
    parser, which reports it.
    """
    takes_value: set[str] = set()
    flags: set[str] = set()
    for param in params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        names = [*param.opts, *param.secondary_opts]
        (flags if param.is_flag or param.count else takes_value).update(names)
    kept: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            words.extend(args[i + 1 :])
            break
        if arg in takes_value:
            kept.extend(args[i : i + 2])
            i += 2
            continue
        if arg in flags or arg.startswith("--") or not arg.startswith("-") or arg == "-":
            kept.append(arg)
        else:
            words.append(arg)
        i += 1
    return kept + (["--", *words] if words else [])


class SearchCommand(LogbookCommand):
    """A command whose `-word` arguments are search terms, not options."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        return super().parse_args(ctx, protect_exclusions(list(args), self.get_params(ctx)))


def search(
    ctx: typer.Context,
    terms: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TERMS",
            help=N_(
                "Words that must all occur (in either script); -word excludes a word. "
                "Quote a phrase that holds a space."
            ),
            show_default=False,
        ),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    on: OnOpt = None,
    week: WeekOpt = None,
    month: MonthOpt = None,
    community: CommunityOpt = None,
    street: StreetOpt = None,
    category: CategoryOpt = None,
    tag: TagOpt = None,
    min_people: MinPeopleOpt = None,
    limit: LimitOpt = 20,
    all_: AllOpt = False,
    sort: SortOpt = "date",
    fmt: FormatOpt = Format.table,
) -> None:
    from ..textnorm import fold

    if sort not in SORTS:
        from .activities import bad_sort

        raise UsageError(bad_sort(sort))
    words = [t for t in terms or [] if fold(t[1:] if len(t) > 1 and t.startswith("-") else t)]
    if not words:
        shown = " ".join(repr(t) for t in terms or [])
        if shown:
            message = _(
                "nothing to search for in {terms}: give one or more words "
                "(-word excludes one), e.g. logbook search 培训 -消防"
            ).format(terms=shown)
        else:
            message = _(
                "nothing to search for: give one or more words (-word excludes one), e.g. logbook search 培训 -消防"
            )
        raise UsageError(message)
    st = state(ctx)
    flt = build_filter(
        st,
        FilterArgs(date_from, date_to, on, week, month, community, street, category, tag, min_people),
    )
    flt.terms = words
    if st.say_if_no_logbook() and fmt is Format.table:
        return
    from ..services.listing import search_activities

    listing = search_activities(st.store(), flt, sort=sort, limit=None if all_ else limit)
    found, total = listing.shown, listing.total
    emit_activities(found, Format(fmt), highlight=title_highlighter(words))
    if total > len(found):
        message = ngettext(
            "{total} activity found; {shown} shown, --all or --limit N for more",
            "{total} activities found; {shown} shown, --all or --limit N for more",
            total,
        )
    else:
        message = ngettext("{total} activity found", "{total} activities found", total)
    info(message.format(total=total, shown=len(found)))


def title_highlighter(words: list[str]):
    """For the table: the spans of a title that the search words matched, as written."""
    from ..textnorm import highlight_spans

    return lambda title: highlight_spans(title, words)


def register(app: typer.Typer) -> None:
    app.command(
        "search", cls=SearchCommand, help=N_("Find activities by words in their title, notes, names, tags or location.")
    )(search)
