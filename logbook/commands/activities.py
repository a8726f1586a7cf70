"""Logging and keeping activities: add, list, show, delete, undo (edit is in `edit.py`)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import ExitCode, NotFound, UsageError
from ..formats import Format, dumps_json
from ..i18n import N_, _, ngettext
from ..models import Activity, new_id
from ..query import SORTS
from . import completion
from .common import ask, consoles, emit_activities, info, more_to_show, print_view, state, stdin_is_terminal, write_out
from .fields import NamesOpt, names_option, parse_people, resolve_communities, resolve_street, validated
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
    format_option,
)


def bad_sort(sort: str) -> str:
    return _("invalid value {value} for --sort: expected one of {choices}").format(
        value=repr(sort), choices=", ".join(SORTS)
    )


def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help=N_("What happened, in one line (1-200 characters)."))],
    on: Annotated[
        str | None,
        typer.Option("--date", "-d", metavar="DATE", help=N_("The day it happened (default today).")),
    ] = None,
    start: Annotated[str | None, typer.Option(metavar="HH:MM", help=N_("Start time."))] = None,
    end: Annotated[str | None, typer.Option(metavar="HH:MM", help=N_("End time."))] = None,
    community: Annotated[
        NamesOpt,
        names_option(
            "--community",
            "-c",
            metavar="NAME",
            help=N_("A community reached (repeatable)."),
            complete=completion.communities,
        ),
    ] = None,
    street: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help=N_("The street (街道); filled from the registry."),
            autocompletion=completion.streets,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            autocompletion=completion.categories,
            help=N_(
                "培训 training, 会议 meeting, 志愿服务 volunteer, 义诊 health, "
                "文化 culture, 安全 safety, 便民服务 service, 党建 party, 其他 other."
            ),
        ),
    ] = None,
    people: Annotated[
        str | None, typer.Option(metavar="N", help=N_("Participants: 40, or 40+ / 40余 for 'over 40'."))
    ] = None,
    organizer: Annotated[
        NamesOpt, names_option("--organizer", metavar="NAME", help=N_("Who ran it (repeatable)."))
    ] = None,
    partner: Annotated[
        NamesOpt, names_option("--partner", metavar="NAME", help=N_("An outside organisation (repeatable)."))
    ] = None,
    speaker: Annotated[NamesOpt, names_option("--speaker", metavar="NAME", help=N_("A lecturer (repeatable)."))] = None,
    group: Annotated[
        NamesOpt, names_option("--group", metavar="NAME", help=N_("People served: 居民, 老人 ... (repeatable)."))
    ] = None,
    tag: Annotated[
        NamesOpt,
        names_option("--tag", "-t", metavar="TAG", help=N_("A free tag (repeatable)."), complete=completion.tags),
    ] = None,
    location: Annotated[str | None, typer.Option(metavar="TEXT", help=N_("Where it took place."))] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", metavar="TEXT", help=N_("Notes."))] = None,
) -> None:
    from .. import dates

    st = state(ctx)
    store = st.writable_store()
    day = dates.parse_date(on, st.today) if on is not None else st.today
    communities, registry = resolve_communities(st, community or [])
    count, approx = parse_people(people) if people is not None else (None, False)
    now = st.now()
    activity = Activity(
        id=new_id(),
        date=day.isoformat(),
        title=title,
        category=category if category is not None else "其他",
        start=dates.parse_time(start) if start is not None else None,
        end=dates.parse_time(end) if end is not None else None,
        communities=communities,
        street=resolve_street(registry, street, communities),
        participants=count,
        participants_approx=approx,
        organizers=organizer or [],
        partners=partner or [],
        speakers=speaker or [],
        groups=group or [],
        tags=tag or [],
        location=location,
        notes=note,
        source="typed",
        author=st.author,
        created_at=now,
        updated_at=now,
    )
    validated(activity, st)
    from ..services.keeping import add_activity

    add_activity(store, activity)
    typer.echo(activity.id)
    info(_("Added {id} on {date}: {title}").format(id=activity.short_id, date=activity.date, title=activity.title))


def list_(
    ctx: typer.Context,
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
    if sort not in SORTS:
        raise UsageError(bad_sort(sort))
    st = state(ctx)
    flt = build_filter(
        st,
        FilterArgs(date_from, date_to, on, week, month, community, street, category, tag, min_people),
    )
    from ..services.listing import all_activities, list_activities

    if st.say_if_no_logbook() and fmt is Format.table:
        return
    if all_:
        emit_activities(all_activities(st.store(), flt, sort=sort), Format(fmt))
        return
    listing = list_activities(st.store(), flt, sort=sort, limit=limit)
    emit_activities(listing.shown, Format(fmt))
    if fmt is Format.table and listing.total > len(listing.shown):
        info(more_to_show(len(listing.shown), listing.total))


def show(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="ID", help=N_("The id, or any unique prefix of 4+ characters."), autocompletion=completion.ids
        ),
    ],
    fmt: Annotated[str, format_option("listing", N_("table for people; json for programs."))] = Format.table,
) -> None:
    st = state(ctx)
    try:
        activity = st.store().get(ref)
    except NotFound:
        st.say_if_no_logbook(exit_code=int(ExitCode.FAILED))
        raise
    if fmt is Format.table:
        from ..render import activity_detail

        console = consoles.out
        print_view(console, activity_detail(activity, plain=not console.is_terminal))
    elif fmt is Format.json:
        write_out([dumps_json(activity.to_dict()) + "\n"])
    else:
        emit_activities([activity], Format(fmt))


def delete(
    ctx: typer.Context,
    refs: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...", help=N_("Ids or unique prefixes of 4+ characters."), autocompletion=completion.ids
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=N_("Do not ask; needed without a terminal."))] = False,
) -> None:
    from ..services.keeping import delete_activities, find_activities

    st = state(ctx)
    store = st.writable_store()
    targets = find_activities(store, refs)
    if not yes:
        if not stdin_is_terminal():
            raise UsageError(_("refusing to delete without confirmation: not at a terminal; pass --yes"))
        for a in targets:
            info(f"  {a.short_id}  {a.date}  {a.title}")
        question = ngettext("Delete {count} activity?", "Delete {count} activities?", len(targets))
        if not ask(question.format(count=len(targets))):
            info(_("Nothing deleted"))
            raise typer.Exit(1)
    delete_activities(store, targets, now=st.now())
    for a in targets:
        info(_("Deleted {id}: {title}").format(id=a.short_id, title=a.title))


def undo(ctx: typer.Context) -> None:
    from ..render import beijing_time, safe

    entry = state(ctx).store().undo()
    # when the change was made, as a person in Beijing reads the time (as `show` gives it)
    typer.echo(_("Reverted: {change} (made {at})").format(change=safe(entry.summary), at=beijing_time(entry.at)))


def register(app: typer.Typer) -> None:
    app.command("add", help=N_("Log an activity; prints its id."))(add)
    app.command("list", help=N_("List activities, newest first."))(list_)
    app.command("show", help=N_("Show one activity, every field."))(show)
    app.command("delete", help=N_("Delete activities (asks first at a terminal)."))(delete)
    app.command("undo", help=N_("Revert the last change to the logbook and say what it was."))(undo)
