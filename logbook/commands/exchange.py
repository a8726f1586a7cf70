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
from ..i18n import N_
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
    info,
    state,
    stdout_is_terminal,
    warn,
    write_out,
)

# Files bigger than this show a progress bar while they are read and merged (at a terminal).
PROGRESS_BYTES = 2_000_000


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"


class ExportEncoding(str, Enum):
    utf8 = "utf-8"
    gbk = "gbk"


class SummaryFormat(str, Enum):
    text = "text"
    json = "json"


def _write_stdout(chunks: Iterable[bytes], encoding: str = "utf-8") -> bool:
    """Bytes as they are, whatever the terminal's locale: an export is UTF-8 (or the GBK asked
    for), not whatever a Chinese-locale console would turn it into. At a terminal its text goes
    through plain.safe first, so that escape sequences in records are shown, not obeyed. False
    when the reader stopped reading (`| head`): there is nothing more to write or to say."""
    sys.stdout.flush()
    if stdout_is_terminal():
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
        raise LogbookError(f"cannot write {path}: {err.strerror or err}") from None


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
        ExportFormat,
        typer.Option("--format", "-f", help="json: the exchange envelope (with registry and deletions); "
                     "jsonl, csv or md: the activities only."),
    ] = ExportFormat.json,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
    ] = None,
    encoding: Annotated[
        ExportEncoding,
        typer.Option("--encoding", help="utf-8 (CSV with a BOM), or gbk for CSV that old Excel opens."),
    ] = ExportEncoding.utf8,
    deleted: Annotated[
        bool | None,
        typer.Option("--deleted/--no-deleted", help="Carry the deletions (tombstones) in the JSON "
                     "envelope. Default: all of them, unless a filter is given."),
    ] = None,
) -> None:
    """Write the exchange file: the JSON envelope, JSON Lines, CSV or Markdown."""
    st = state(ctx)
    if encoding is ExportEncoding.gbk and fmt is not ExportFormat.csv:
        raise UsageError(
            f"--encoding gbk is for --format csv (old Excel); {fmt.value} is always UTF-8"
        )
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
        store, flt, fmt=fmt.value, encoding=encoding.value,
        with_deleted=flt.is_empty if deleted is None else deleted,  # a filtered export: none unless asked
        exported_at=st.now(), author=st.author,
    )
    chunks, tombstones = made.chunks, made.tombstones
    if target is not None:
        _write_file(target, chunks)
    elif not _write_stdout(chunks, encoding.value):
        return
    exported = made.exported
    noun = "activity" if exported == 1 else "activities"
    carried = f" and {len(tombstones)} deletions" if fmt is ExportFormat.json and tombstones else ""
    target = f" to {output}" if output and output != "-" else ""
    info(f"Exported {exported} {noun}{carried}{target}")
    if tombstones and fmt is not ExportFormat.json:
        info(f"{len(tombstones)} deletions are not in this file: only --format json carries them")


@contextmanager
def _progress(enabled: bool):
    """A transient bar on stderr, only at a terminal; yields a callback(label, done, total)."""
    if not enabled:
        yield None
        return
    from rich.markup import escape
    from rich.progress import Progress

    from ..plain import safe

    with Progress(console=consoles.err, transient=True) as bar:
        tasks: dict[str, object] = {}

        def report(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(escape(safe(label)), total=total or None)
            bar.update(tasks[label], completed=done, total=total or None)

        yield report


def _counts(s) -> str:
    line = f"+{s.added} ~{s.updated} -{s.deleted}, {s.skipped} skipped"
    if s.older:
        line += f" ({s.older} stale)"
    n = len(s.conflicts)
    if n:
        line += f", {n} conflict" + ("s" if n > 1 else "")
    if s.refused:
        line += f", {len(s.refused)} refused"
    return line


# Refused records and deletions listed one a line in the text summary; --format json lists all.
REFUSED_SHOWN = 10


def _summary_lines(summaries, dry_run: bool) -> list[str]:
    from ..render import safe

    lines: list[str] = []
    verb = "would import" if dry_run else "import"
    for s in summaries:
        lines.append(f"{verb} {safe(s.name)}: {_counts(s)}")
        for c in s.conflicts:
            side = "kept ours" if c.winner == "ours" else "took theirs"
            lines.append(f"  conflict {c.id[:8]} {safe(c.title)}: {side} ({c.reason})")
        for r in s.refused[:REFUSED_SHOWN]:
            lines.append(
                f"  refused {r.id[:8] if r.id else r.where}: {r.field} {safe(r.stamp)} is more "
                "than a day ahead of this computer's clock"
            )
        if len(s.refused) > REFUSED_SHOWN:
            lines.append(
                f"  … and {len(s.refused) - REFUSED_SHOWN} more refused (--format json lists them all)"
            )
        if s.communities_added or s.communities_updated:
            lines.append(
                f"  registry: {s.communities_added} communities added, "
                f"{s.communities_updated} updated"
            )
    if len(summaries) > 1:
        total = type(summaries[0])("total", "", "")
        for s in summaries:
            total.added += s.added
            total.updated += s.updated
            total.deleted += s.deleted
            total.skipped += s.skipped
            total.older += s.older
            total.conflicts.extend(s.conflicts)
            total.refused.extend(s.refused)
        lines.append(f"total: {_counts(total)}")
    return lines


def _refuse_full_months(merge, files: list[str]) -> None:
    """Refuse, before anything is written, an import that would leave a month holding more
    than exchange.MONTH_MAX activities."""
    from .. import exchange

    over = merge.months_over(exchange.MONTH_MAX)
    if not over:
        return
    month, count = over[0]
    more = f" (and {_n(len(over) - 1, 'other month', 'other months')} past it)" if len(over) > 1 else ""
    raise LogbookError(
        f"importing {', '.join(files)} would put {count:,} activities in {month}{more}, more than "
        f"the {exchange.MONTH_MAX:,} a month can hold; nothing was imported"
    )


def import_(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Exchange files (JSON envelope or list), JSON Lines or CSV."),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show what would change; write nothing.")
    ] = False,
    on_conflict: Annotated[
        Policy,
        typer.Option("--on-conflict", help="When a record differs on both sides: the newer "
                     "updated_at wins (newer), ours stays (keep), or theirs is taken (replace)."),
    ] = Policy.newer,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="NAME", help="Read the files in this encoding "
                     "(utf-8, gbk, gb18030, utf-16); default: detected (UTF-8, else GBK)."),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the valid records even if some are invalid.")
    ] = False,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="The summary as text or json.")
    ] = SummaryFormat.text,
) -> None:
    """Merge exchange files, JSON Lines or CSV into the logbook."""
    from .. import exchange
    from ..formats import dumps_json

    st = state(ctx)
    store = st.store()
    if store.readonly and not dry_run:
        raise ReadOnly(f"{store.label} is read-only; use --db to import into a logbook of your own")
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(
                f"unknown encoding {encoding!r} for --encoding: expected utf-8, gbk, gb18030 or utf-16"
            ) from None
    now = st.now()
    raws = [(name, exchange.read_bytes(name)) for name in files]
    show_bar = sys.stderr.isatty() and sum(len(raw) for _, raw in raws) > PROGRESS_BYTES
    with _progress(show_bar) as report:
        parsed = []
        for name, raw in raws:
            step = (lambda d, t, n=name: report(f"reading {n}", d, t)) if report else None
            parsed.append(exchange.read_exchange(
                raw, name, now=now, encoding=encoding, categories=st.categories, on_progress=step
            ))
        del raws
        problems = [p for xf in parsed for p in xf.problems]
        if problems and not skip_invalid:
            from ..render import safe

            for problem in problems:
                sys.stderr.write(f"  {safe(str(problem))}\n")
            where = ", ".join(xf.name for xf in parsed if xf.problems)
            noun = "record is" if len(problems) == 1 else "records are"
            raise LogbookError(
                f"{len(problems)} {noun} invalid in {where}; nothing was imported "
                "(--skip-invalid imports the valid rest)"
            )

        def merge_all(snapshot):
            merge = exchange.Merge(snapshot, policy=on_conflict, now=now)
            summaries = []
            for xf in parsed:
                step = (lambda d, t, n=xf.name: report(f"merging {n}", d, t)) if report else None
                summaries.append(merge.add_file(xf, on_progress=step))
            _refuse_full_months(merge, files)
            for xf in parsed:  # the plan holds the records it takes; the rest can go
                xf.records.clear()
            return merge, summaries

        if dry_run:
            merge, summaries = merge_all(exchange.Snapshot.of_store(store))
            changed = merge.changed
        else:
            with store.transaction("import") as tx:
                merge, summaries = merge_all(exchange.Snapshot.of_transaction(tx))
                changed = merge.changed
                if changed:
                    merge.apply(tx)
                    names = ", ".join(Path(xf.name).name for xf in parsed)
                    tx.summary = f"import {names}: " + "; ".join(_counts(s) for s in summaries)
                merge.release()  # the transaction holds the changes now, until they are written
    for xf in parsed:
        if xf.encoding not in ("utf-8", "utf-8-sig") and encoding is None:
            info(f"{xf.name} was read as {xf.encoding.upper()}")
    for s in summaries:
        for problem in s.invalid:
            warn(f"skipped invalid {problem}")
        for note in s.notes:
            warn(note)
    if fmt is SummaryFormat.json:
        write_out([dumps_json({
            "dry_run": dry_run,
            "changed": changed,
            "files": [s.to_dict() for s in summaries],
        }) + "\n"])
    else:
        write_out(line + "\n" for line in _summary_lines(summaries, dry_run))
    if dry_run:
        info("Dry run: nothing was written")
    elif not changed:
        info("Nothing changed")


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def _check_kinds() -> dict[str, str]:
    """The kinds of finding as `check` lists them (JSON keeps the English words)."""
    from ..i18n import _

    names = {
        "index": N_("index"), "schema": N_("schema"), "misplaced": N_("misplaced"),
        "twice": N_("twice"), "keys": N_("keys"), "duplicate": N_("duplicate"),
        "future": N_("future"), "stamp": N_("stamp"), "community": N_("community"),
        "street": N_("street"), "head-count": N_("head-count"),
    }
    return {kind: _(name) for kind, name in names.items()}


def _check_id(ident: str) -> str:
    """An id as `check` lists it: its first 8 characters, or, for a record without one, which
    record of the file it is (`record 3`, as JSON names it)."""
    from ..i18n import _

    position = ident[len("record "):] if ident.startswith("record ") else ""
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
        bool, typer.Option("--fix", help=N_("Fix what is safe: community names written as an alias "
                           "or in the other script, streets the registry knows, and stamps far "
                           "ahead of the clock."))
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
        info(ngettext("No problems found in {count} activity", "No problems found in {count} activities",
                      checked).format(count=checked))
        return
    n = len(health.findings)
    activities = ngettext("{count} activity", "{count} activities", checked).format(count=checked)
    if health.fixable:
        said = ngettext(
            "{count} problem found in {activities}; {fixable} can be fixed with --fix",
            "{count} problems found in {activities}; {fixable} can be fixed with --fix", n,
        )
    else:
        said = ngettext("{count} problem found in {activities}", "{count} problems found in {activities}", n)
    info(said.format(count=n, activities=activities, fixable=health.fixable))
    # a main file that disagrees with its months is damage (as every other command says), not
    # a finding about the records
    raise typer.Exit(3 if result.index_disagrees else 1)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
    app.command("check")(check)
