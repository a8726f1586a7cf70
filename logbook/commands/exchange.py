"""Moving logbooks between people: export, import (a merge) and the health check."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import LogbookError, ReadOnly, UsageError
from ..exchange import Policy
from ..formats import Format
from ..i18n import N_, _, ngettext, reason_text
from .common import (
    CategoryOpt,
    CommunityOpt,
    FilterArgs,
    FromOpt,
    MinPeopleOpt,
    MonthOpt,
    OnOpt,
    StreetOpt,
    TagOpt,
    ToOpt,
    WeekOpt,
    build_filter,
    consoles,
    format_option,
    info,
    state,
    stdout_is_terminal,
    warn,
    write_out,
)

# Files bigger than this show a progress bar while they are read and merged (at a terminal).
PROGRESS_BYTES = 2_000_000
LEDGER_PROGRESS_BYTES = 200_000  # a workbook is compressed: some 4,000 rows


class ExportEncoding(str, Enum):
    utf8 = "utf-8"
    gbk = "gbk"


class LedgerHeaders(str, Enum):
    zh = "zh"
    en = "en"


def _write_stdout(chunks: Iterable[bytes], encoding: str = "utf-8", *, binary: bool = False) -> bool:
    """Bytes as they are, whatever the terminal's locale: an export is UTF-8 (or the GBK asked
    for), not whatever a Chinese-locale console would turn it into. At a terminal its text goes
    through plain.safe first, so that escape sequences in records are shown, not obeyed. False
    when the reader stopped reading (`| head`): there is nothing more to write or to say."""
    sys.stdout.flush()
    if stdout_is_terminal() and not binary:
        chunks = _terminal_safe(chunks, encoding)
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


def _terminal_safe(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    import codecs

    from ..plain import safe_document

    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    for chunk in chunks:
        yield safe_document(decoder.decode(chunk)).encode(encoding, errors="replace")
    tail = decoder.decode(b"", final=True)
    if tail:
        yield safe_document(tail).encode(encoding, errors="replace")


def _write_file(path: Path, chunks: Iterable[bytes]) -> None:
    """Write the export to `path` atomically: the old file stays whole until the new one is."""
    from ..storage import atomic_file

    try:
        with atomic_file(path) as handle:
            from ..services.exporting import write_chunks

            write_chunks(handle, chunks)
    except OSError as err:
        raise LogbookError(_("cannot write {file}: {reason}").format(file=path, reason=err.strerror or err)) from None


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
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help=N_("Write to FILE (atomically) instead of stdout.")),
    ] = None,
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
    elif not _write_stdout(chunks, encoding.value, binary=fmt is Format.xlsx):
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


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def _check_kinds() -> dict[str, str]:
    """The kinds of finding as `check` lists them (JSON keeps the English words)."""
    from ..i18n import _

    names = {
        "index": N_("index"),
        "schema": N_("schema"),
        "misplaced": N_("misplaced"),
        "twice": N_("twice"),
        "keys": N_("keys"),
        "duplicate": N_("duplicate"),
        "future": N_("future"),
        "stamp": N_("stamp"),
        "community": N_("community"),
        "street": N_("street"),
        "head-count": N_("head-count"),
    }
    return {kind: _(name) for kind, name in names.items()}


def _check_id(ident: str) -> str:
    """An id as `check` lists it: its first 8 characters, or, for a record without one, which
    record of the file it is (`record 3`, as JSON names it)."""
    from ..i18n import _

    position = ident[len("record ") :] if ident.startswith("record ") else ""
    if position.isdigit():
        return _("record {position}").format(position=position)
    return ident[:8]


def _check_line(f, kinds: dict[str, str]) -> str:
    """One finding, one line: its kind, the first ids, what is wrong, and whether --fix fixes it."""
    from ..i18n import _
    from ..plain import pad
    from ..render import safe

    ids = " ".join(_check_id(i) for i in f.ids[:3])
    if len(f.ids) > 3:
        ids += f" +{len(f.ids) - 3}"
    said = safe(f.message.text())
    if f.fixable:
        said = _("{problem} (--fix)").format(problem=said)
    return f"{pad(kinds.get(f.kind, f.kind), 10)}  {pad(ids, 17)}  {said}\n"


# check's docstring, which --help shows: marked here for the catalog, in the same words
_CHECK_HELP = N_("Check the logbook's health: schema, duplicates, future dates, unknown communities, head counts.")


def check(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=N_(
                "Fix what is safe: community names written as an alias "
                "or in the other script, streets the registry knows, and stamps far "
                "ahead of the clock."
            ),
        ),
    ] = False,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=N_("The findings as text or json."))
    ] = CheckFormat.text,
) -> None:
    """Check the logbook's health: schema, duplicates, future dates, unknown communities, head counts."""
    from ..formats import dumps_json
    from ..i18n import ngettext
    from ..services.checking import check as check_logbook
    from ..services.checking import fixed_sentence

    st = state(ctx)
    store = st.store()
    store.on_warning = None  # what cannot be read is listed below, one finding a record
    result = check_logbook(store, today=st.today, now=st.now(), categories=st.categories, fix=fix)
    health, fixed, fixed_deletions = result.health, result.fixed, result.fixed_deletions
    if fmt is CheckFormat.json:
        write_out([dumps_json(dict(health.to_dict(), fixed=fixed, fixed_deletions=fixed_deletions)) + "\n"])
    else:
        kinds = _check_kinds()
        write_out(["".join(_check_line(f, kinds) for f in health.findings)])
    if fixed or fixed_deletions:
        info(fixed_sentence(fixed, fixed_deletions))
    checked = health.checked
    if health.ok:
        info(
            ngettext(
                "No problems found in {count} activity", "No problems found in {count} activities", checked
            ).format(count=checked)
        )
        return
    n = len(health.findings)
    activities = ngettext("{count} activity", "{count} activities", checked).format(count=checked)
    if health.fixable:
        said = ngettext(
            "{count} problem found in {activities}; {fixable} can be fixed with --fix",
            "{count} problems found in {activities}; {fixable} can be fixed with --fix",
            n,
        )
    else:
        said = ngettext("{count} problem found in {activities}", "{count} problems found in {activities}", n)
    info(said.format(count=n, activities=activities, fixable=health.fixable))
    # a main file that disagrees with its months is damage (as every other command says), not
    # a finding about the records
    raise typer.Exit(3 if result.index_disagrees else 1)


def register(app: typer.Typer) -> None:
    app.command(
        "export", help=N_("Write the exchange file: the JSON envelope, JSON Lines, CSV, Markdown or the .xlsx ledger.")
    )(export)
    app.command("import", help=N_("Merge exchange files, JSON Lines, CSV or ledgers (台账) into the logbook."))(import_)
    app.command("check")(check)
