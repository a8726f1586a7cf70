"""Counting what happened: `report` (rollups by community, street, category ... over periods)
and `digest` (the weekly digest, for cron)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import ExitCode, LogbookError, UsageError
from ..formats import Format
from ..i18n import N_, _, ngettext, os_reason
from ..report import BY_CHOICES, PERIOD_CHOICES
from .common import (
    consoles,
    info,
    print_view,
    state,
    stdout_is_file,
    stdout_is_terminal,
    utf8_stdout,
    warn,
    write_bytes_out,
    write_out,
)
from .filters import (
    CategoryOpt,
    CommunityOpt,
    FilterArgs,
    FromOpt,
    MinPeopleOpt,
    MonthOpt,
    OnOpt,
    OutputOpt,
    StreetOpt,
    TagOpt,
    ToOpt,
    WeekOpt,
    build_filter,
    format_option,
)

# The option each field of a rollup comes from, for its errors.
_OPTIONS = {"grouping": "--by", "period": "--period"}
# A number of periods of each kind, as an error counts them: `60 weeks`.
_KINDS = {"week": N_("weeks"), "month": N_("months"), "quarter": N_("quarters")}


def report(
    ctx: typer.Context,
    by: Annotated[
        str,
        typer.Option("--by", "-b", metavar="|".join(BY_CHOICES), help=N_("What to group the activities by.")),
    ] = "community",
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            metavar="|".join(PERIOD_CHOICES),
            help=N_("One column a week, month or quarter, from the first to the last of the range."),
        ),
    ] = None,
    chart: Annotated[bool, typer.Option("--chart", help=N_("Draw a bar a group (activities), in the table."))] = False,
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
    fmt: Annotated[
        str,
        format_option("report", N_("table for people; json, csv, md for programs; xlsx for a spreadsheet.")),
    ] = Format.table,
    output: OutputOpt = None,
) -> None:
    """Count activities, participants and communities reached, by group and period."""
    from ..errors import InvalidChoice, TooManyPeriods
    from ..services import reporting

    fmt = Format(fmt)
    st = state(ctx)
    if fmt is Format.xlsx and output is None and stdout_is_terminal():
        raise UsageError(_("an .xlsx workbook is not for the terminal; write it with -o FILE"))
    if fmt is Format.table and output is not None:
        raise UsageError(_("-o writes json, csv, md or xlsx; choose one with --format"))
    path = None
    if output is not None:
        from .outputs import output_path

        path = output_path(st, output)
    flt = build_filter(
        st,
        FilterArgs(date_from, date_to, on, week, month, community, street, category, tag, min_people),
    )
    # A cron job on a wrong path fails loudly rather than report nothing.
    st.say_if_no_logbook(exit_code=int(ExitCode.DATA))
    try:
        result = reporting.report(st.store(), flt, by=by, period=period)
    except InvalidChoice as err:
        raise UsageError(
            _("invalid value {value} for {option}: expected one of {choices}").format(
                value=repr(err.value), option=_OPTIONS[err.field], choices=", ".join(err.accepted)
            )
        ) from None
    except TooManyPeriods as err:
        raise UsageError(
            _(
                "{start} to {end} spans {count} {kinds}, too many for {option} {kind} (at most "
                "{most}): narrow the range with --from/--to, or use a longer period"
            ).format(
                start=err.start,
                end=err.end,
                count=err.count,
                kinds=_(_KINDS[err.kind]),
                kind=err.kind,
                option=_OPTIONS[err.field],
                most=err.most,
            )
        ) from None
    _warn_skipped(result.skipped)
    if fmt is Format.table:
        from ..render import fit_width, rollup_view

        console = consoles.out
        view = rollup_view(result, plain=not console.is_terminal, chart=chart, columns=console.width)
        # What cannot be made to fit runs past the terminal's edge rather than cut its numbers.
        console.width = max(console.width, fit_width(view))
        print_view(console, view)
        if not result.total.tally.activities:
            info(_("No activities match; nothing to count"))
        return
    from ..digest_formats import write_rollup, write_rollup_xlsx

    if chart:
        info(_("--chart draws in the table only; ignored for --format {format}").format(format=fmt.value))
    if fmt is Format.xlsx:
        import io

        buffer = io.BytesIO()
        write_rollup_xlsx(result, buffer)
        data = buffer.getvalue()
        if path is None:  # into a pipe or a file the shell opened, as `export -f xlsx` writes
            write_bytes_out([data], binary=True)
            return
    elif path is None:
        # Files for programs are UTF-8 whatever the console; a BOM only into a file, for Excel.
        utf8_stdout()
        write_out([write_rollup(result, fmt.value, bom=stdout_is_file())])
        return
    else:
        data = write_rollup(result, fmt.value).encode("utf-8")
    _write_file(path, data, _("cannot write the report to {path}: {reason}"))
    info(_("Wrote the report to {path}").format(path=path))


def _write_file(path, data: bytes, failed: str) -> None:
    """`data` written to `path` atomically; `failed` (with {path} and {reason}) when it cannot."""
    from ..storage import atomic_write_bytes

    try:
        atomic_write_bytes(path, data)
    except OSError as err:
        reason = os_reason(err).text()
        raise LogbookError(failed.format(path=repr(str(path)), reason=reason)) from None


def _warn_skipped(skipped: list) -> None:
    """One line about the activities a report or digest left out for their dates."""
    if not skipped:
        return
    from ..dates import SUPPORTED_RANGE

    listed = ", ".join(f"{str(ident)[:8]} {day if isinstance(day, str) else repr(day)}" for ident, day in skipped[:3])
    if len(skipped) > 3:
        listed = _("{listed} and {count} more").format(listed=listed, count=len(skipped) - 3)
    warn(
        ngettext(
            "{count} activity not counted: dated outside {range}, or not a date ({listed}); logbook check lists them",
            "{count} activities not counted: dated outside {range}, or not a date ({listed}); logbook check lists them",
            len(skipped),
        ).format(count=len(skipped), range=SUPPORTED_RANGE, listed=listed)
    )


def digest(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week",
            metavar="SPEC",
            help=N_(
                "The ISO week: 2025-W13, this, last, or a date inside it (default: the last "
                "complete week, Monday to Sunday, in Beijing time)."
            ),
        ),
    ] = None,
    community: CommunityOpt = None,
    street: StreetOpt = None,
    category: CategoryOpt = None,
    tag: TagOpt = None,
    min_people: MinPeopleOpt = None,
    fmt: Annotated[
        str,
        format_option("digest", N_("text (plain off a terminal, for mail), md, html (one self-contained page), json.")),
    ] = Format.text,
    output: OutputOpt = None,
) -> None:
    """The weekly digest of one ISO week, for people and for cron."""
    from .. import dates
    from ..services import reporting

    fmt = Format(fmt)
    st = state(ctx)
    if output is not None:
        from .outputs import output_path

        path = output_path(st, output)
    today = st.today
    # By default the last complete week, read as `--week last` is (and refused alike in the
    # first days of the supported range, when that week lies before it).
    period = dates.parse_week(week or "last", today)
    # A digest is one week: of the shared filters it takes those that narrow what is counted.
    flt = build_filter(
        st,
        FilterArgs(communities=community, street=street, category=category, tags=tag, min_people=min_people),
    )
    # A cron job on a wrong path fails loudly rather than mail an empty digest every Monday.
    st.say_if_no_logbook(exit_code=int(ExitCode.DATA))
    result = reporting.weekly_digest(st.store(), flt, period, today)
    _warn_skipped(result.skipped)
    # Colour and tables only when a person watches: the real stdout is a terminal. Rich alone
    # would also draw them under FORCE_COLOR, which a cron environment may carry.
    if output is None and fmt is Format.text and stdout_is_terminal():
        from ..render import digest_view

        console = consoles.out
        print_view(console, digest_view(result, columns=console.width))
        return
    from ..digest_formats import write_digest

    document = write_digest(result, fmt.value)
    if output is None:
        if fmt is not Format.text:  # files for programs and browsers are UTF-8; the text follows the locale
            utf8_stdout()
        write_out([document])
        return
    _write_file(path, document.encode("utf-8"), _("cannot write the digest to {path}: {reason}"))
    info(_("Wrote the digest of {week} to {path}").format(week=period.label, path=path))


def register(app: typer.Typer) -> None:
    app.command("report", help=N_("Count activities, participants and communities reached, by group and period."))(
        report
    )
    app.command("digest", help=N_("The weekly digest of one ISO week, for people and for cron."))(digest)
