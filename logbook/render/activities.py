"""Activities for people: the list table (Rich, or streamed line by line when long), `show`'s
detail view, the community table, and the helpers every table shares."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import UTC

from rich import box
from rich.table import Table
from rich.text import Text

from ..i18n import N_, _
from ..labels import head_count
from ..models import Activity, Categories, Community
from ..plain import fold, line_spans, narrowest, pad, safe, width


def text(value, style: str | None = None) -> Text:
    return Text(safe(value), style=style or "")


class Wrapped:
    """A cell of text that breaks into lines as Chinese is written: between any two Chinese
    characters, English between words, no line starting with `，。）`, the way `plain.wrap`
    breaks the digest and the help. Rich breaks a text only at its spaces and folds what is too
    long, which leaves `“安全用电 从我做起”` as `“安全用` on one line and `电` alone on the next.
    Styles (a search match) stay where they were."""

    def __init__(self, content: Text) -> None:
        self.content = content

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        plain = self.content.plain
        widest = max((width(line) for line in plain.split("\n")), default=0)
        return Measurement(min(narrowest(plain), widest), widest).with_maximum(options.max_width)

    def __rich_console__(self, console, options):
        for start, end in line_spans(self.content.plain, max(options.max_width, 1)):
            line = self.content[start:end]
            line.rstrip()
            yield line


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
    columns: int | None = None,
) -> Table:
    """The listing of activities; `highlight(title) -> [(start, end)]` marks search matches.

    Headings never break inside a word (a column is never narrower than its heading); on a
    terminal narrower than 72 `columns`, an activity's category follows its title
    (`title (category)`) instead of taking a column."""
    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    id_, date_, title_, category_, communities_, people_ = (_(c) for c in _COLUMNS)
    merged = columns is not None and columns < 72
    table.add_column(id_, no_wrap=True, style="cyan" if not plain else "")
    table.add_column(date_, no_wrap=True)
    table.add_column(title_, overflow="fold", ratio=3, min_width=max(8, width(title_)))
    if not merged:
        table.add_column(category_, overflow="fold", min_width=width(category_))
    table.add_column(communities_, overflow="fold", ratio=2, min_width=width(communities_))
    table.add_column(people_, justify="right", no_wrap=True)
    for a in activities:
        title = text(a.title)
        if highlight is not None:
            for start, end in highlight(a.title):
                title.stylize("bold reverse", start, end)
        if merged:
            from ..digest_formats import aside

            # The title as typed, its category in the brackets the reader's language writes.
            around = aside("\0", safe(a.category)).split("\0")
            title = Text.assemble(around[0], title, around[1]) if len(around) == 2 else title
        what = [Wrapped(title)] if merged else [Wrapped(title), text(a.category)]
        table.add_row(
            a.short_id,
            a.date,
            *what,
            Wrapped(text("、".join(a.communities))),
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
    from datetime import datetime

    from ..dates import SHANGHAI

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
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
        table.add_row(_(label), Wrapped(text(shown)))
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
