"""Moving logbooks between people: import, a merge of exchange files, CSV and ledgers."""

from __future__ import annotations

import sys
from contextlib import ExitStack, contextmanager
from typing import Annotated

import typer

from ..errors import InvalidRecords, LogbookError, ReadOnly, UsageError
from ..exchange import Policy
from ..formats import Format
from ..i18n import N_, _, ngettext, reason_text
from .common import consoles, info, state, warn, write_out
from .filters import format_option

# Files bigger than this show a progress bar while they are read and merged (at a terminal).
PROGRESS_BYTES = 2_000_000
LEDGER_PROGRESS_BYTES = 200_000  # a workbook is compressed: some 4,000 rows
# What the bar says of each step of the import.
_STEPS = {"reading": N_("reading {file}"), "merging": N_("merging {file}")}


@contextmanager
def _progress(enabled: bool):
    """A transient bar on stderr, only at a terminal; yields a callback(label, done, total)."""
    if not enabled:
        yield None
        return
    from rich.markup import escape
    from rich.progress import Progress, TaskID

    from ..plain import safe

    with Progress(console=consoles.err, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(escape(safe(label)), total=total or None)
            bar.update(tasks[label], completed=done, total=total or None)

        yield report


# Refused records and deletions listed one a line in the text summary; --format json lists all.
REFUSED_SHOWN = 10


def _summary_lines(summaries, dry_run: bool) -> list[str]:
    from ..render import safe
    from ..services.importing import counts as _counts

    lines: list[str] = []
    for s in summaries:
        verb = _("would import {file}: {counts}") if dry_run else _("import {file}: {counts}")
        lines.append(verb.format(file=safe(s.name), counts=_counts(s)))
        for c in s.conflicts:
            side = _("kept ours") if c.winner == "ours" else _("took theirs")
            lines.append(
                _("  conflict {id} {title}: {side} ({reason})").format(
                    id=c.id[:8], title=safe(c.title), side=side, reason=reason_text(c.reason)
                )
            )
        for r in s.refused[:REFUSED_SHOWN]:
            lines.append(
                _("  refused {which}: {field} {stamp} is more than a day ahead of this computer's clock").format(
                    which=r.id[:8] if r.id else r.where, field=r.field, stamp=safe(r.stamp)
                )
            )
        if len(s.refused) > REFUSED_SHOWN:
            lines.append(
                _("  … and {count} more refused (--format json lists them all)").format(
                    count=len(s.refused) - REFUSED_SHOWN
                )
            )
        if s.communities_added or s.communities_updated:
            lines.append(
                _("  registry: {added} communities added, {updated} updated").format(
                    added=s.communities_added, updated=s.communities_updated
                )
            )
    if len(summaries) > 1:
        total = type(summaries[0])("total", "", "")
        for s in summaries:
            total.added += s.added
            total.updated += s.updated
            total.deleted += s.deleted
            total.skipped += s.skipped
            total.older += s.older
            total.duplicates += s.duplicates
            total.conflicts.extend(s.conflicts)
            total.refused.extend(s.refused)
        lines.append(_("total: {counts}").format(counts=_counts(total)))
    return lines


def _mapping(values: list[str] | None) -> dict[str, str] | None:
    """`--map HEADER=FIELD`, repeated, as {header: field}."""
    if not values:
        return None
    out: dict[str, str] = {}
    for value in values:
        header, sep, target = value.partition("=")
        if not sep or not header.strip() or not target.strip():
            raise UsageError(_("--map {value}: expected HEADER=FIELD, such as 负责人=organizers").format(value=value))
        out[header.strip()] = target.strip()
    return out


def import_(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help=N_(
                "Exchange files (JSON envelope or list), JSON Lines or CSV, or ledgers (.xlsx, .xlsm, "
                ".xls, .ods, or CSV with Chinese headers)."
            ),
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help=N_("Show what would change; write nothing."))
    ] = False,
    on_conflict: Annotated[
        Policy,
        typer.Option(
            "--on-conflict",
            help=N_(
                "When a record differs on both sides: the newer "
                "updated_at wins (newer), ours stays (keep), or theirs is taken (replace)."
            ),
        ),
    ] = Policy.newer,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="NAME",
            help=N_(
                "Read the files in this encoding (utf-8, gbk, gb18030, utf-16); default: detected (UTF-8, else GBK)."
            ),
        ),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help=N_("Import the valid records even if some are invalid."))
    ] = False,
    fmt: Annotated[str, format_option("summary", N_("The summary as text or json."))] = Format.text,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="HEADER=FIELD",
            help=N_("Read a ledger's column HEADER as FIELD (repeatable); overrides the table of Chinese headers."),
        ),
    ] = None,
    sheet: Annotated[
        list[str] | None,
        typer.Option("--sheet", metavar="NAME", help=N_("Read only this sheet of a workbook (repeatable).")),
    ] = None,
    community: Annotated[
        str | None,
        typer.Option(
            "--community",
            "-c",
            metavar="NAME",
            help=N_("The community of a ledger's rows that no column, sheet name or title places."),
        ),
    ] = None,
) -> None:
    """Merge exchange files, JSON Lines, CSV or ledgers (台账) into the logbook (`register` gives
    the help shown)."""
    from ..formats import dumps_json
    from ..services.importing import import_files

    fmt = Format(fmt)
    st = state(ctx)
    store = st.store()
    if store.readonly and not dry_run:
        raise ReadOnly(
            _("{store} is read-only; use --db to import into a logbook of your own").format(store=store.label)
        )
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(
                _("unknown encoding {name} for --encoding: expected utf-8, gbk, gb18030 or utf-16").format(
                    name=repr(encoding)
                )
            ) from None
    columns = _mapping(mapping)
    with ExitStack() as bar:

        def start(size: int, ledger_size: int):
            """The bar, for files big enough to wait for, at a terminal only."""
            show = sys.stderr.isatty() and (size > PROGRESS_BYTES or ledger_size > LEDGER_PROGRESS_BYTES)
            report = bar.enter_context(_progress(show))
            if report is None:
                return None
            return lambda step, name, done, total: report(_(_STEPS[step]).format(file=name), done, total)

        try:
            result = import_files(
                store,
                files,
                dry_run=dry_run,
                policy=on_conflict,
                encoding=encoding,
                skip_invalid=skip_invalid,
                mapping=columns,
                sheets=sheet,
                community=community,
                now=st.now(),
                today=lambda: st.today,
                categories=st.categories,
                preview=fmt is Format.text,
                progress=start,
            )
        except InvalidRecords as err:
            from ..render import safe

            for problem in err.problems:
                sys.stderr.write(f"  {safe(problem.text())}\n")
            raise LogbookError(
                ngettext(
                    "{count} record is invalid in {files}; nothing was imported (--skip-invalid imports "
                    "the valid rest)",
                    "{count} records are invalid in {files}; nothing was imported (--skip-invalid "
                    "imports the valid rest)",
                    len(err.problems),
                ).format(count=len(err.problems), files=", ".join(err.files))
            ) from None
    summaries, changed, preview = result.summaries, result.changed, result.preview
    for name, used in result.files:
        if used not in ("utf-8", "utf-8-sig", "binary") and encoding is None:
            info(_("{file} was read as {encoding}").format(file=name, encoding=used.upper()))
    for s in summaries:
        for problem in s.invalid:
            warn(_("skipped invalid {problem}").format(problem=problem.text()))
        for note in s.notes:
            warn(reason_text(note))
    if preview:
        from .common import emit_activities

        emit_activities(preview, Format.table)
    if fmt is Format.json:
        write_out(
            [
                dumps_json(
                    {
                        "dry_run": dry_run,
                        "changed": changed,
                        "files": [s.to_dict() for s in summaries],
                    }
                )
                + "\n"
            ]
        )
    else:
        write_out(line + "\n" for line in _summary_lines(summaries, dry_run))
    if dry_run:
        info(_("Dry run: nothing was written"))
    elif not changed:
        info(_("Nothing changed"))


def register(app: typer.Typer) -> None:
    app.command("import", help=N_("Merge exchange files, JSON Lines, CSV or ledgers (台账) into the logbook."))(import_)
