"""`export`: the exchange file and the formats for people, to a file or to stdout."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import LogbookError, UsageError
from ..formats import Format
from ..i18n import N_, _, ngettext, os_reason
from .common import info, state, stdout_is_terminal, write_bytes_out
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


class ExportEncoding(str, Enum):
    utf8 = "utf-8"
    gbk = "gbk"


class LedgerHeaders(str, Enum):
    zh = "zh"
    en = "en"


def _write_file(path: Path, chunks: Iterable[bytes]) -> None:
    """Write the export to `path` atomically: the old file stays whole until the new one is."""
    from ..storage import atomic_file

    try:
        with atomic_file(path) as handle:
            from ..services.exporting import write_chunks

            write_chunks(handle, chunks)
    except OSError as err:
        raise LogbookError(_("cannot write {file}: {reason}").format(file=path, reason=os_reason(err).text())) from None


def export(
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
    fmt: Annotated[
        str,
        format_option(
            "export",
            N_(
                "json: the exchange envelope (with registry and deletions); "
                "jsonl, csv, md or xlsx (the ledger): the activities only."
            ),
        ),
    ] = Format.json,
    output: OutputOpt = None,
    encoding: Annotated[
        ExportEncoding,
        typer.Option("--encoding", help=N_("utf-8 (CSV with a BOM), or gbk for CSV that old Excel opens.")),
    ] = ExportEncoding.utf8,
    deleted: Annotated[
        bool | None,
        typer.Option(
            "--deleted/--no-deleted",
            help=N_(
                "Carry the deletions (tombstones) in the JSON envelope. Default: all of them, unless a filter is given."
            ),
        ),
    ] = None,
    headers: Annotated[
        LedgerHeaders | None,
        typer.Option(
            "--headers",
            help=N_(
                "The ledger's column headers (--format xlsx): zh, as "
                "offices write them (the default), or en, the field names."
            ),
        ),
    ] = None,
) -> None:
    """Write the exchange file: the JSON envelope, JSON Lines, CSV, Markdown or the .xlsx ledger
    (`register` gives the help shown)."""
    fmt = Format(fmt)
    st = state(ctx)
    if encoding is ExportEncoding.gbk and fmt is not Format.csv:
        raise UsageError(
            _("--encoding gbk is for --format csv (old Excel); {format} is always UTF-8").format(format=fmt.value)
        )
    if headers is not None and fmt is not Format.xlsx:
        raise UsageError(
            _("--headers is for --format xlsx; {format} always has the field names").format(format=fmt.value)
        )
    if fmt is Format.xlsx and not (output and output != "-") and stdout_is_terminal():
        raise UsageError(_("an .xlsx ledger is not for the terminal; write it with -o FILE"))
    flt = build_filter(
        st,
        FilterArgs(date_from, date_to, on, week, month, community, street, category, tag, min_people),
    )
    store = st.store()
    target = None
    if output and output != "-":
        from .outputs import output_path

        target = output_path(st, output)
    from ..services.exporting import export as make_export

    made = make_export(
        store,
        flt,
        fmt=fmt.value,
        encoding=encoding.value,
        with_deleted=flt.is_empty if deleted is None else deleted,  # a filtered export: none unless asked
        exported_at=st.now(),
        author=st.author,
        english_headers=headers is LedgerHeaders.en,
    )
    chunks, tombstones = made.chunks, made.tombstones
    if target is not None:
        _write_file(target, chunks)
    elif not write_bytes_out(chunks, encoding.value, binary=fmt is Format.xlsx):
        return
    exported = made.exported
    carried = fmt is Format.json and bool(tombstones)
    to_file = bool(output and output != "-")
    if carried and to_file:
        line = ngettext(
            "Exported {count} activity and {deletions} deletions to {file}",
            "Exported {count} activities and {deletions} deletions to {file}",
            exported,
        )
    elif carried:
        line = ngettext(
            "Exported {count} activity and {deletions} deletions",
            "Exported {count} activities and {deletions} deletions",
            exported,
        )
    elif to_file:
        line = ngettext("Exported {count} activity to {file}", "Exported {count} activities to {file}", exported)
    else:
        line = ngettext("Exported {count} activity", "Exported {count} activities", exported)
    info(line.format(count=exported, deletions=len(tombstones), file=output))
    if tombstones and fmt is not Format.json:
        info(_("{count} deletions are not in this file: only --format json carries them").format(count=len(tombstones)))


def register(app: typer.Typer) -> None:
    app.command(
        "export", help=N_("Write the exchange file: the JSON envelope, JSON Lines, CSV, Markdown or the .xlsx ledger.")
    )(export)
