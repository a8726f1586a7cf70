"""Rich renderables built from data: tables and detail views. Returns them; never prints.

User text is always wrapped in `Text` (never parsed as markup) and passed through `safe()`, so a
title holding `[red]` or an escape sequence shows literally and never styles or moves a terminal.
Text columns fold (Rich wraps only at spaces, which Chinese has none of) and the date never wraps.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from rich import box
from rich.table import Table
from rich.text import Text

from .models import Activity, Categories, Community

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(value) -> str:
    """Text as it may reach a terminal: control characters shown as `\\xNN`, not obeyed."""
    if value is None:
        return ""
    text = str(value)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
    if activity.participants is None:
        return ""
    return f"{activity.participants}+" if activity.participants_approx else str(activity.participants)


def activity_table(
    activities: Iterable[Activity],
    *,
    plain: bool = False,
    highlight=None,
    categories: Categories | None = None,
) -> Table:
    """The listing of activities; `highlight(title) -> [(start, end)]` marks search matches."""
    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    table.add_column("ID", no_wrap=True, style="cyan" if not plain else "")
    table.add_column("Date", no_wrap=True)
    table.add_column("Title", overflow="fold", ratio=3)
    table.add_column("Category", overflow="fold")
    table.add_column("Communities", overflow="fold", ratio=2)
    table.add_column("People", justify="right", no_wrap=True)
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


def activity_detail(activity: Activity, *, plain: bool = False) -> Table:
    """Every field of one activity, one per row."""
    table = Table(box=None if plain else box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("field", style="bold" if not plain else "", no_wrap=True)
    table.add_column("value", overflow="fold")
    record = activity.to_dict()
    for name, value in record.items():
        if isinstance(value, list):
            shown = "、".join(value)
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif name == "participants" and value is not None:
            shown = people(activity)
        else:
            shown = value
        table.add_row(name, text(shown))
    return table


def community_table(communities: list[Community], counts: dict[str, int], *, plain: bool = False) -> Table:
    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    table.add_column("Community", overflow="fold")
    table.add_column("Street", overflow="fold")
    table.add_column("Aliases", overflow="fold")
    table.add_column("Activities", justify="right", no_wrap=True)
    for c in communities:
        table.add_row(text(c.name), text(c.street), text("、".join(c.aliases)), str(counts.get(c.name, 0)))
    return table
