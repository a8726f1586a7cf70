"""Rich renderables built from data: tables and detail views. Returns them; never prints.

User text is always wrapped in `Text` (never parsed as markup) and passed through `safe()`, so a
title holding `[red]` or an escape sequence shows literally and never styles or moves a terminal.
Text columns fold (Rich wraps only at spaces, which Chinese has none of) and the date never wraps.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from rich import box
from rich.table import Table
from rich.text import Text

from .i18n import N_, _
from .labels import head_count
from .models import Activity, Categories, Community
from .plain import fold, pad, width
from .plain import safe  # noqa: F401  (imported from here too)


def text(value, style: str | None = None) -> Text:
    return Text(safe(value), style=style or "")


def table_box(plain: bool):
    """Box characters only on a terminal; LOGBOOK_ASCII=1 asks for ASCII ones where a terminal
    draws ambiguous-width box characters double wide."""
    if plain:
        return None
    if os.environ.get("LOGBOOK_ASCII"):
        return box.ASCII2
    return box.SIMPLE_HEAVY


def people(activity: Activity) -> str:
    return head_count(activity.participants, activity.participants_approx)


# The listing's columns, in the reader's language when shown.
_COLUMNS = (N_("ID"), N_("Date"), N_("Title"), N_("Category"), N_("Communities"), N_("People"))


def activity_table(
    activities: Iterable[Activity],
    *,
    plain: bool = False,
    highlight=None,
    categories: Categories | None = None,
) -> Table:
    """The listing of activities; `highlight(title) -> [(start, end)]` marks search matches."""
    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    id_, date_, title_, category_, communities_, people_ = (_(c) for c in _COLUMNS)
    table.add_column(id_, no_wrap=True, style="cyan" if not plain else "")
    table.add_column(date_, no_wrap=True)
    table.add_column(title_, overflow="fold", ratio=3)
    table.add_column(category_, overflow="fold")
    table.add_column(communities_, overflow="fold", ratio=2)
    table.add_column(people_, justify="right", no_wrap=True)
    for a in activities:
        title = text(a.title)
        if highlight is not None:
            for start, end in highlight(a.title):
                title.stylize("bold reverse", start, end)
        table.add_row(
            a.short_id,
            a.date,
            title,
            text(a.category),
            text("、".join(a.communities)),
            people(a),
        )
    return table


# The plain listing written row by row, for listings too long for one Rich table (~0.3 ms a row,
# and nothing is printed until the last row is measured). Same columns and look as
# `activity_table(plain=True)`: a header, two spaces between columns, long text folded.
_FOLDING = (2, 3, 4)  # Title, Category, Communities may fold; the others never do
_GAP = "  "


def _stream_cells(a: Activity) -> tuple[str, ...]:
    return (a.short_id, a.date, safe(a.title), safe(a.category), safe("、".join(a.communities)), people(a))


def stream_widths(activities: Iterable[Activity], total: int) -> list[int]:
    """Column widths for a streamed listing, measured on the rows at hand (the first few hundred)
    and narrowed to fit `total` cells: the widest folding column gives way first."""
    widths = [width(_(h)) for h in _COLUMNS]
    for a in activities:
        for i, cell in enumerate(_stream_cells(a)):
            widths[i] = max(widths[i], max((width(line) for line in cell.split("\n")), default=0))
    room = total - len(_GAP) * (len(widths) - 1)
    while sum(widths) > room:
        widest = max(_FOLDING, key=lambda i: (widths[i], -i))
        if widths[widest] <= 4:
            break
        widths[widest] -= 1
    return widths


def stream_activity_lines(activities: Iterable[Activity], widths: list[int]) -> Iterator[str]:
    """The header, then each activity as one or more lines (folded cells), each ending in a
    newline; text cells padded by their width in cells, so CJK stays aligned."""

    def render(cells: tuple[str, ...]) -> str:
        columns = [fold(c, w) if i in _FOLDING else [c] for i, (c, w) in enumerate(zip(cells, widths))]
        height = max(len(c) for c in columns)
        out = []
        for row in range(height):
            parts = []
            for i, (lines, w) in enumerate(zip(columns, widths)):
                text = lines[row] if row < len(lines) else ""
                parts.append(pad(text, w, right=i == len(widths) - 1))
            out.append(_GAP.join(parts).rstrip() + "\n")
        return "".join(out)

    yield render(tuple(_(h) for h in _COLUMNS))
    for a in activities:
        yield render(_stream_cells(a))


# What `show` calls each field, in FIELD_ORDER; participants_approx is told by the head count
# itself (`40+`, `40余`), so it has no row of its own.
_FIELD_LABELS = {
    "id": N_("ID"),
    "date": N_("Date"),
    "start": N_("Starts"),
    "end": N_("Ends"),
    "title": N_("Title"),
    "category": N_("Category"),
    "communities": N_("Communities"),
    "street": N_("Street"),
    "participants": N_("People"),
    "organizers": N_("Organizers"),
    "partners": N_("Partners"),
    "speakers": N_("Speakers"),
    "groups": N_("Groups served"),
    "tags": N_("Tags"),
    "location": N_("Location"),
    "notes": N_("Notes"),
    "source": N_("Source"),
    "author": N_("Logged by"),
    "created_at": N_("Created"),
    "updated_at": N_("Updated"),
}

# How a record came in, for the sources that are a word rather than a file's name.
_SOURCES = {"typed": N_("typed"), "sample": N_("sample")}


def beijing_time(stamp: str | None) -> str:
    """A record's UTC stamp (`2025-03-30T06:05:00.000Z`) as Beijing time, `2025-03-30 14:05`;
    anything that is not such a stamp as it is."""
    if not stamp:
        return ""
    from datetime import datetime, timezone

    from .dates import SHANGHAI

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return f"{moment.astimezone(SHANGHAI):%Y-%m-%d %H:%M}"


def activity_detail(activity: Activity, *, plain: bool = False) -> Table:
    """Every field of one activity, one per row, under the names a person reads; the times it
    was logged and changed in Beijing time."""
    table = Table(box=None if plain else box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("field", style="bold" if not plain else "", no_wrap=True)
    table.add_column("value", overflow="fold")
    record = activity.to_dict()
    for name, label in _FIELD_LABELS.items():
        value = record[name]
        if isinstance(value, list):
            shown = "、".join(value)
        elif name == "participants":
            shown = people(activity)
        elif name in ("created_at", "updated_at"):
            shown = beijing_time(value)
        elif name == "source" and value in _SOURCES:
            shown = _(_SOURCES[value])
        else:
            shown = value
        table.add_row(_(label), text(shown))
    return table


def community_table(communities: list[Community], counts: dict[str, int], *, plain: bool = False) -> Table:
    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    table.add_column(_("Community"), overflow="fold")
    table.add_column(_("Street"), overflow="fold")
    table.add_column(_("Aliases"), overflow="fold")
    table.add_column(_("Activities"), justify="right", no_wrap=True)
    for c in communities:
        table.add_row(text(c.name), text(c.street), text("、".join(c.aliases)), str(counts.get(c.name, 0)))
    return table


# -- reports and the weekly digest ------------------------------------------------------------

_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_WIDTH = 24


def bar(value: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar `value/largest` of `width` cells, in eighths of a cell; `#` where
    LOGBOOK_ASCII asks for plain characters."""
    if largest <= 0 or value <= 0:
        return ""
    if os.environ.get("LOGBOOK_ASCII"):
        return "#" * max(1, round(width * value / largest))
    eighths = max(1, round(8 * width * value / largest))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def rollup_table(rollup, *, plain: bool = False, chart: bool = False) -> Table:
    """A report: one row a group, the totals row last; with periods, one column a period."""
    from .digest_formats import rollup_cells, rollup_columns

    columns = rollup_columns(rollup, compact=True)
    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    for i, name in enumerate(columns):
        if i == 0:
            table.add_column(name, overflow="fold", min_width=4)
        elif not rollup.periods and name == _("Top categories"):
            table.add_column(name, overflow="fold")
        else:
            table.add_column(name, justify="right", no_wrap=True)
    if chart:
        table.add_column("", no_wrap=True, style="" if plain else "green")
    largest = max((row.tally.activities for row in rollup.rows), default=0)
    width = BAR_WIDTH // 2 if rollup.periods else BAR_WIDTH
    for i, row in enumerate(rollup.rows):
        cells = [text(c) for c in rollup_cells(rollup, row)]
        if chart:
            cells.append(Text(bar(row.tally.activities, largest, width)))
        table.add_row(*cells, end_section=i == len(rollup.rows) - 1)
    total = [text(c, None if plain else "bold") for c in rollup_cells(rollup, rollup.total)]
    if chart:
        total.append(Text(""))
    table.add_row(*total)
    return table


def fit_width(table: Table, floor: int = 8) -> int:
    """The narrowest width at which `table` cuts no number: Rich, short of room, shrinks every
    column alike and would turn counts into `…`. Columns that fold keep at least `floor` cells."""
    total = 0
    for column in table.columns:
        cells = [column.header, *column.cells]
        widest = max((width(c.plain if isinstance(c, Text) else str(c)) for c in cells), default=0)
        total += widest if column.no_wrap else min(widest, floor)
    return total + 3 * len(table.columns) + 2


def _plain_table(plain: bool) -> Table:
    return Table(
        box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold",
        title_justify="left",
    )


def digest_view(digest, *, plain: bool = False):
    """The weekly digest for a terminal: headings, the headline numbers, one table a street and
    for the categories, the week day by day, the quiet communities and the gaps."""
    from rich.console import Group

    from . import digest_formats as words

    heading = "" if plain else "bold"
    section = "" if plain else "bold underline"
    parts: list = [Text(words.title_line(digest), style=heading)]
    for note, style in ((words.scope_line(digest), ""), (words.incomplete_line(digest), "yellow")):
        if note:
            parts.append(Text(note, style="" if plain else style))

    parts += [Text(""), Text(words.h_summary(), style=section)]
    summary = Table(box=None, show_header=False, pad_edge=False)
    summary.add_column("label", no_wrap=True)
    summary.add_column("value", overflow="fold")
    for label, value in words.summary_items(digest):
        summary.add_row(label, Text(value, style="" if plain else "bold"))
    parts += [summary, Text(words.compared_to(digest), style="" if plain else "dim")]

    if digest.is_empty:
        parts += [Text(""), Text(words.empty_week())]
    else:
        parts += [Text(""), Text(words.h_communities(), style=section)]
        for block in digest.streets:
            table = _plain_table(plain)
            table.title = words.labelled(words.street_name(block.street), words.street_summary(block.tally))
            for i, name in enumerate(words.cols_community()):
                if i in (1, 2):
                    table.add_column(name, justify="right", no_wrap=True)
                else:
                    table.add_column(name, overflow="fold")
            for row in words.community_rows(block):
                table.add_row(*(text(c) for c in row))
            parts.append(table)
        parts += [Text(""), Text(words.h_categories(), style=section)]
        table = _plain_table(plain)
        for i, name in enumerate(words.cols_category()):
            table.add_column(name, justify="right" if i else "left", no_wrap=i > 0, overflow="fold")
        for row in words.category_rows(digest):
            table.add_row(*(text(c) for c in row))
        parts.append(table)
        parts += [Text(""), Text(words.h_days(), style=section)]
        table = _plain_table(plain)
        time_, activity_, category_, community_, people_ = words.cols_days()
        table.add_column(_("Date"), no_wrap=True)
        table.add_column(time_, no_wrap=True)
        table.add_column(activity_, overflow="fold", ratio=3)
        table.add_column(category_, overflow="fold")
        table.add_column(community_, overflow="fold", ratio=2)
        table.add_column(people_, justify="right", no_wrap=True)
        for i, day in enumerate(digest.days):
            for j, a in enumerate(day.activities):
                table.add_row(
                    words.day_label(day) if j == 0 else "",
                    words.time_label(a),
                    text(a.title),
                    text(a.category),
                    text(words.communities_cell(a)),
                    words.people_cell(a),
                    end_section=j == len(day.activities) - 1 and i < len(digest.days) - 1,
                )
        parts.append(table)

    parts += [Text(""), Text(words.h_quiet(), style=section)]
    parts.append(Text(words.labelled(words.inactive_heading(digest), "" if digest.inactive else words.none_word())))
    for street, names in digest.inactive:
        parts.append(Text("  " + words.labelled(words.street_name(street), words.list_of(safe(n) for n in names))))
    parts.append(Text(words.labelled(words.silent_heading(digest), "" if digest.silent else words.none_word())))
    for s in digest.silent:
        parts.append(Text("  " + words.labelled(words.silent_name(s), words.silent_words(s))))

    parts += [Text(""), Text(words.h_gaps(), style=section)]
    groups = words.gap_groups(digest)
    if not groups:
        parts.append(Text(f"  {words.none_word()}"))
    for title, items in groups:
        parts.append(Text(words.labelled(title), style="" if plain else "yellow"))
        parts += [Text(f"  {item}") for item in items]
    return Group(*parts)
