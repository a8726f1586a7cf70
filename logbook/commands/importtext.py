"""import-text: written reports (news articles, as scraped or pasted) turned into activities.

The command reads the text, has `logbook.extract` draft one activity per article, shows the
drafts, and saves the new ones on confirmation. Saved drafts are ordinary activities whose
`source` is `import-text:<file name>#<article number>` and whose notes hold the cleaned article.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import LogbookError, NotFound, ReadOnly, UsageError
from ..formats import WRITERS, Format
from ..i18n import N_, _, ngettext, os_reason, reason_text
from .common import ask, consoles, info, print_view, state, stdin_is_terminal, warn, write_out
from .filters import format_option

# The largest text read: hundreds of news reports (one is a few KB), read in a couple of
# seconds. A larger one is refused having read no more than one byte past the limit, from a file
# or standard input (logbook.inputs, whose limit for every input this is below).
MAX_TEXT_BYTES = 4 * 1024 * 1024


def import_text(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(metavar="FILE", help=N_("A text of one or more articles; - reads standard input."))
    ],
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help=N_(
                "The year of dates written without one (else one the text gives; "
                "a draft whose text gives none is not saved without it)."
            ),
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            metavar="DATE",
            help=N_("The date of articles that name none (with --article to pick them)."),
        ),
    ] = None,
    article: Annotated[
        list[str] | None,
        typer.Option("--article", "-a", metavar="N", help=N_("Only article N of the text (repeatable).")),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=N_("Show the drafts and stop."))] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help=N_("Save without asking; needed without a terminal."))
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help=N_("Under the table, say how each field was read or why it is empty."))
    ] = False,
    fmt: Annotated[
        str,
        format_option("listing", N_("table for people; json, jsonl, csv, md print the drafts as records.")),
    ] = Format.table,
) -> None:
    from .. import dates
    from ..extract import extract

    st = state(ctx)
    the_year = _parse_year(year) if year is not None else None
    fallback_date = dates.parse_date(on, st.today).isoformat() if on else None
    text, name = _read_input(file)
    store = st.store()
    drafts = extract(text, source_name=name, today=st.today, year=the_year, registry=st.registry())
    if not drafts:
        shown = _("standard input") if file == "-" else repr(file)
        raise LogbookError(
            _("{source} holds no article text: expected articles ending with ]]>, or separated by lines of ---").format(
                source=shown
            )
        )
    wanted = _parse_articles(article, len(drafts))
    if wanted:
        drafts = [d for d in drafts if d.number in wanted]

    from ..services.importing_text import DraftItem, draft_record, mark_duplicates, save_drafts

    items = [
        DraftItem(d, draft_record(d, categories=st.categories, author=st.author, fallback_date=fallback_date))
        for d in drafts
    ]
    mark_duplicates(items, store.activities())
    new = [i for i in items if i.status == "new"]

    if new and not dry_run:
        if store.readonly:
            raise ReadOnly(
                _("{logbook} is read-only; use --db to write to a logbook of your own").format(logbook=store.label)
            )
        if not yes and not stdin_is_terminal():
            raise UsageError(
                _(
                    "refusing to save without confirmation: not at a terminal; pass --yes to save, "
                    "or --dry-run to only see the drafts"
                )
            )

    _show(items, Format(fmt), explain)
    _summarise(items, dry_run)
    if dry_run or not new:
        if not new:
            info(_("Nothing to add"))
        return
    if not yes:
        question = ngettext("Save {count} activity?", "Save {count} activities?", len(new))
        if not ask(question.format(count=len(new))):
            info(_("Nothing saved"))
            raise typer.Exit(1)
    saved, skipped = save_drafts(store, name, new, now=st.now(), categories=st.categories)
    for item in skipped:
        warn(
            _("article {number} was saved meanwhile ({detail}); skipped").format(
                number=item.number, detail=reason_text(item.detail)
            )
        )
    for a in saved:
        info(_("Added {id} on {date}: {title}").format(id=a.short_id, date=a.date, title=a.title))
    info(
        ngettext("Saved {count} activity from {source}", "Saved {count} activities from {source}", len(saved)).format(
            count=len(saved), source=name
        )
    )


# -- input ---------------------------------------------------------------------------------


def _parse_year(value: str) -> int:
    from ..dates import FIRST_DAY, LAST_DAY

    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise UsageError(
            _("invalid year {value!r} for {option}: expected {expected}").format(
                value=value, option="--year", expected=_("a year such as 2025")
            )
        )
    if not FIRST_DAY.year <= int(text) <= LAST_DAY.year:
        raise UsageError(
            _("invalid year {value!r} for {option}: expected {expected}").format(
                value=value,
                option="--year",
                expected=_("a year from {first} to {last}").format(first=FIRST_DAY.year, last=LAST_DAY.year),
            )
        )
    return int(text)


def _parse_articles(values: list[str] | None, total: int) -> set[int]:
    wanted: set[int] = set()
    for value in values or []:
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= total:
            raise UsageError(
                ngettext(
                    "invalid article number {value!r} for {option}: "
                    "the text holds {total} article, numbered 1 to {total}",
                    "invalid article number {value!r} for {option}: "
                    "the text holds {total} articles, numbered 1 to {total}",
                    total,
                ).format(value=value, option="--article", total=total)
            )
        wanted.add(int(text))
    return wanted


def _read_input(file: str) -> tuple[str, str]:
    """The text and the name its records cite as their source."""
    from .. import inputs
    from ..inputs import read_capped, read_input_file
    from ..services.importing_text import decode_text

    limit = min(MAX_TEXT_BYTES, inputs.MAX_INPUT_BYTES)
    if file == "-":
        closed = UsageError(
            _("standard input is closed; expected the articles on it for '-', or name a file of articles")
        )
        if sys.stdin is None:  # the shell closed it (`<&-`)
            raise closed
        try:
            raw = read_capped(typer.get_binary_stream("stdin"), "standard input", "a text of articles", limit=limit)
        except RuntimeError:  # no binary stream behind it
            raise closed from None
        except OSError as err:
            raise LogbookError(
                _("standard input cannot be read: {reason}").format(reason=os_reason(err).text())
            ) from None
        return decode_text(raw, _("standard input")), "stdin"
    path = Path(file)
    try:
        raw = read_input_file(path, shown=repr(file), expected="a text file of articles", sep=":", limit=limit)
    except FileNotFoundError:
        raise NotFound(_("no file {file!r}").format(file=file)) from None
    except IsADirectoryError:
        raise UsageError(_("{file!r} is a directory: expected a text file of articles").format(file=file)) from None
    except PermissionError:
        raise LogbookError(_("{file!r} cannot be read: permission denied").format(file=file)) from None
    except OSError as err:
        raise LogbookError(
            _("{file!r} cannot be read: {reason}").format(file=file, reason=os_reason(err).text())
        ) from None
    return decode_text(raw, repr(file)), path.name


# -- the preview ---------------------------------------------------------------------------


def _show(items: list, fmt: Format, explain: bool) -> None:
    if fmt is Format.table:
        console = consoles.out
        from ..render_drafts import draft_table

        table = draft_table(
            items, plain=not console.is_terminal, given_date=_("date from --date"), columns=console.width
        )
        print_view(console, table)
        console.file.flush()
        if explain:
            from ..render import safe
            from ..render_drafts import field_label

            lines = []
            for item in items:
                lines.append(_("Article {number}: {source}").format(number=item.number, source=item.record["source"]))
                for field, why in _why(item.draft, translated=True).items():
                    lines.append(_("  {field}: {why}").format(field=field_label(field), why=why))
            write_out(safe(line) + "\n" for line in lines)
        return
    records = []
    for item in items:
        d = item.draft
        record = dict(item.record)
        record.update(
            {
                "article": item.number,
                "status": item.status,
                "status_detail": str(item.detail) or None,
                "left_empty": d.empty_fields(),
                "confidence": dict(d.confidence),
                "why": _why(d),
                "damaged": list(d.damaged),
                "year_assumed": d.year_assumed,
            }
        )
        records.append(record)
    write_out(WRITERS[fmt](records))


def _why(draft, *, translated: bool = False) -> dict[str, str]:
    """How each field was read or why it is empty, with the option that settles it named: the
    extractor says what the text leaves open (its hints), this command says how to give it.
    In English for programs (JSON), or in the reader's language for --explain."""
    from ..extract import Hint

    said = {
        Hint.GIVE_DATE: N_("{why}; give it with --date"),
        Hint.GIVE_THE_DATE: N_("{why}; give the date with --date"),
        Hint.YEAR_GIVEN: N_("{why} from --year"),
        Hint.SET_YEAR: N_("{why}; --year to set it"),
    }
    out = {}
    for field, why in draft.why.items():
        text = reason_text(why) if translated else str(why)
        hint = draft.hints.get(field)
        if hint is not None:
            text = (_(said[hint]) if translated else said[hint]).format(why=text)
        out[field] = text
    return out


def _summarise(items: list, dry_run: bool) -> None:
    counts: dict[str, list[int]] = {}
    for item in items:
        counts.setdefault(item.shown_status, []).append(item.number)
    parts = []
    if counts.get("new"):
        said = _("{count} would be added") if dry_run else _("{count} to add")
        parts.append(said.format(count=len(counts["new"])))
    if counts.get("duplicate"):
        parts.append(
            _("{count} already in the logbook ({numbers})").format(
                count=len(counts["duplicate"]), numbers=_numbers(counts["duplicate"])
            )
        )
    if counts.get("no date"):
        nums = counts["no date"]
        parts.append(
            _("{count} without a date, not saved ({numbers}: give it with --date DATE --article N)").format(
                count=len(nums), numbers=_numbers(nums)
            )
        )
    if counts.get("no year"):
        nums = counts["no year"]
        parts.append(
            _("{count} without a year, not saved ({numbers}: give it with --year YEAR)").format(
                count=len(nums), numbers=_numbers(nums)
            )
        )
    if counts.get("no title"):
        parts.append(
            _("{count} without a readable title ({numbers})").format(
                count=len(counts["no title"]), numbers=_numbers(counts["no title"])
            )
        )
    info(
        ngettext("{count} article: {parts}", "{count} articles: {parts}", len(items)).format(
            count=len(items), parts=_("; ").join(parts)
        )
    )


def _numbers(numbers: list[int]) -> str:
    return ngettext("article {numbers}", "articles {numbers}", len(numbers)).format(
        numbers=_(", ").join(map(str, numbers))
    )


def register(app: typer.Typer) -> None:
    app.command("import-text", help=N_("Turn written reports into activities: preview the drafts, then save them."))(
        import_text
    )
