"""Moving logbooks between people: import, a merge of exchange files, CSV and ledgers."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..errors import LogbookError, ReadOnly, UsageError
from ..exchange import Policy
from ..formats import Format
from ..i18n import N_, _, ngettext, reason_text
from .common import consoles, info, state, warn, write_out
from .filters import format_option

# Files bigger than this show a progress bar while they are read and merged (at a terminal).
PROGRESS_BYTES = 2_000_000
LEDGER_PROGRESS_BYTES = 200_000  # a workbook is compressed: some 4,000 rows


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


def _counts(s) -> str:
    line = _("+{added} ~{updated} -{deleted}, {skipped} skipped").format(
        added=s.added, updated=s.updated, deleted=s.deleted, skipped=s.skipped
    )
    if s.older:
        line += _(" ({count} stale)").format(count=s.older)
    if s.duplicates and s.shape == "ledger":  # a ledger's rows carry no ids: say why they were skipped
        line += ngettext(
            " ({count} duplicate of an activity already here)",
            " ({count} duplicates of activities already here)",
            s.duplicates,
        ).format(count=s.duplicates)
    n = len(s.conflicts)
    if n:
        line += ngettext(", {count} conflict", ", {count} conflicts", n).format(count=n)
    if s.refused:
        line += _(", {count} refused").format(count=len(s.refused))
    return line


# Refused records and deletions listed one a line in the text summary; --format json lists all.
REFUSED_SHOWN = 10


def _summary_lines(summaries, dry_run: bool) -> list[str]:
    from ..render import safe

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


def _refuse_full_months(merge, files: list[str]) -> None:
    """Refuse, before anything is written, an import that would leave a month holding more
    than exchange.MONTH_MAX activities."""
    from .. import exchange

    over = merge.months_over(exchange.MONTH_MAX)
    if not over:
        return
    month, count = over[0]
    if len(over) > 1:
        text = ngettext(
            "importing {files} would put {count} activities in {month} (and {others} other month "
            "past it), more than the {most} a month can hold; nothing was imported",
            "importing {files} would put {count} activities in {month} (and {others} other months "
            "past it), more than the {most} a month can hold; nothing was imported",
            len(over) - 1,
        )
    else:
        text = _(
            "importing {files} would put {count} activities in {month}, more than the {most} a "
            "month can hold; nothing was imported"
        )
    raise LogbookError(
        text.format(
            files=", ".join(files),
            count=f"{count:,}",
            month=month,
            others=len(over) - 1,
            most=f"{exchange.MONTH_MAX:,}",
        )
    )


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
    from .. import exchange
    from ..formats import dumps_json

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
    now = st.now()
    raws = [(name, exchange.read_bytes(name)) for name in files]
    ledgers = {name for name, raw in raws if exchange.is_ledger(raw, name, encoding)}
    registry = None
    if ledgers:
        from ..registry import Registry

        registry = Registry(store.communities())
    show_bar = sys.stderr.isatty() and (
        sum(len(raw) for _n, raw in raws) > PROGRESS_BYTES
        or sum(len(raw) for name, raw in raws if name in ledgers) > LEDGER_PROGRESS_BYTES
    )
    with _progress(show_bar) as report:
        parsed = []
        for name, raw in raws:
            step = (lambda d, t, n=name: report(_("reading {file}").format(file=n), d, t)) if report else None
            if name in ledgers:
                parsed.append(
                    exchange.read_ledger_file(
                        raw,
                        name,
                        now=now,
                        registry=registry,
                        default_community=community,
                        sheets=sheet,
                        mapping=columns,
                        categories=st.categories,
                        today=st.today,
                        encoding=encoding,
                        on_progress=step,
                    )
                )
            else:
                parsed.append(
                    exchange.read_exchange(
                        raw, name, now=now, encoding=encoding, categories=st.categories, on_progress=step
                    )
                )
        del raws
        problems = [p for xf in parsed for p in xf.problems]
        if problems and not skip_invalid:
            from ..render import safe

            for problem in problems:
                sys.stderr.write(f"  {safe(problem.text())}\n")
            where = ", ".join(xf.name for xf in parsed if xf.problems)
            raise LogbookError(
                ngettext(
                    "{count} record is invalid in {files}; nothing was imported (--skip-invalid imports "
                    "the valid rest)",
                    "{count} records are invalid in {files}; nothing was imported (--skip-invalid "
                    "imports the valid rest)",
                    len(problems),
                ).format(count=len(problems), files=where)
            )

        def merge_all(snapshot):
            merge = exchange.Merge(snapshot, policy=on_conflict, now=now)
            summaries = []
            for xf in parsed:
                step = (lambda d, t, n=xf.name: report(_("merging {file}").format(file=n), d, t)) if report else None
                summaries.append(merge.add_file(xf, on_progress=step))
            _refuse_full_months(merge, files)
            for xf in parsed:  # the plan holds the records it takes; the rest can go
                xf.records.clear()
            return merge, summaries

        preview = []
        if dry_run:
            merge, summaries = merge_all(exchange.Snapshot.of_store(store))
            changed = merge.changed
            if ledgers and fmt is Format.text:
                preview = [op[1] for op in merge.ops if op[0] == "add"]
        else:
            with store.transaction("import") as tx:
                merge, summaries = merge_all(exchange.Snapshot.of_transaction(tx))
                changed = merge.changed
                if changed:
                    merge.apply(tx)
                    names = ", ".join(Path(xf.name).name for xf in parsed)
                    tx.summary = f"import {names}: " + "; ".join(_counts_en(s) for s in summaries)
                merge.release()  # the transaction holds the changes now, until they are written
    for xf in parsed:
        if xf.encoding not in ("utf-8", "utf-8-sig", "binary") and encoding is None:
            info(_("{file} was read as {encoding}").format(file=xf.name, encoding=xf.encoding.upper()))
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


def _counts_en(s) -> str:
    """The counts as the history keeps them: in English, whoever reads them later."""
    from ..i18n import ENGLISH, current, use

    language = current()
    if language == ENGLISH:
        return _counts(s)
    use(ENGLISH)
    try:
        return _counts(s)
    finally:
        use(language)


def register(app: typer.Typer) -> None:
    app.command("import", help=N_("Merge exchange files, JSON Lines, CSV or ledgers (台账) into the logbook."))(import_)
