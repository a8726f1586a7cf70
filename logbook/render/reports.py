"""The report and the weekly digest at a terminal: the rollup table fitted to the terminal's width
(bars, short headings, columns dropped in a stated order) and the digest's view."""

from __future__ import annotations

import os
from typing import Any

from rich.table import Table
from rich.text import Text

from ..i18n import _
from ..plain import safe, width
from .activities import table_box, text

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
    """A report as one table at its natural width, the chart (if any) as its last column."""
    layout = _RollupLayout(rollup, plain)
    return layout.table(chart=(BAR_WIDTH // 2 if rollup.periods else BAR_WIDTH) if chart else 0)


def rollup_view(rollup, *, plain: bool = False, chart: bool = False, columns: int = 80):
    """A report that fits `columns` terminal columns, made narrower step by step, in this order,
    until it does:

    1. the chart's bars shrink (to half), then move under the table;
    2. headings wider than their numbers take their short forms (`Acts`, `活动`); a heading
       is never broken inside a word;
    3. top categories fold onto more lines, between two categories (never `安全` / `4`);
    4. columns are left out: top categories, then communities reached, then "no count";
    5. a grid of periods is cut into tables of fewer periods, one under the other;
    6. group names fold.

    What still does not fit runs past the edge rather than cut a number."""
    from rich.console import Group

    layout = _RollupLayout(rollup, plain)
    full_bar = BAR_WIDTH // 2 if rollup.periods else BAR_WIDTH
    if chart:
        for bar_width in (full_bar, full_bar // 2):
            table = layout.table(chart=bar_width)
            if layout.measure(table) <= columns:
                return table
    steps = [
        lambda: layout.shorten(),
        lambda: layout.narrow_categories(columns),
        lambda: layout.drop("top_categories"),
        lambda: layout.drop("communities"),
        lambda: layout.drop("without_count"),
    ]
    tables = [layout.table()]
    for step in steps:
        if max(layout.measure(t) for t in tables) <= columns:
            break
        step()
        tables = [layout.table()]
    if max(layout.measure(t) for t in tables) > columns and rollup.periods:
        tables = layout.split_periods(columns)
    if max(layout.measure(t) for t in tables) > columns:
        layout.fold_groups()
        tables = layout.split_periods(columns) if rollup.periods else [layout.table()]
    parts: list = []
    for i, table in enumerate(tables):
        parts += [Text("")] if i else []
        parts.append(table)
    if chart:
        parts += [Text(""), _chart_below(rollup, plain, columns)]
    return parts[0] if len(parts) == 1 else Group(*parts)


class _RollupLayout:
    """The columns of a report (headings, cells, how each aligns), made narrower in place."""

    def __init__(self, rollup, plain: bool) -> None:
        from ..digest_formats import rollup_cells, rollup_columns, rollup_keys

        self.rollup, self.plain = rollup, plain
        rows = [rollup_cells(rollup, row) for row in [*rollup.rows, rollup.total]]
        self.columns: list[dict[str, Any]] = [
            {"key": key, "header": header, "cells": [r[i] for r in rows]}
            for i, (key, header) in enumerate(zip(rollup_keys(rollup), rollup_columns(rollup, compact=True)))
        ]
        self.fold_group = 0  # columns the group names fold at; 0: they do not fold

    def measure(self, renderable) -> int:
        from rich.console import Console
        from rich.measure import Measurement

        console = Console(width=10_000)
        return Measurement.get(console, console.options, renderable).maximum

    def shorten(self) -> None:
        from ..digest_formats import SHORT_HEADINGS

        for column in self.columns:
            # only where the heading is what makes the column wide
            widest = max(width(c) for c in column["cells"])
            if column["key"] in SHORT_HEADINGS and width(column["header"]) > widest:
                column["header"] = _(SHORT_HEADINGS[column["key"]])

    def drop(self, key: str) -> None:
        self.columns = [c for c in self.columns if c["key"] != key]

    def narrow_categories(self, columns: int) -> None:
        """Top categories folded between categories into the room left, never narrower than
        its heading or its widest category."""
        column = next((c for c in self.columns if c["key"] == "top_categories"), None)
        if column is None:
            return
        widest = max(width(c) for c in column["cells"])
        room = columns - (self.measure(self.table()) - widest)
        items = [[f"{c} {n}" for c, n in row.top_categories] for row in [*self.rollup.rows, self.rollup.total]]
        # an item and the `、` after it
        floor = max([width(column["header"])] + [width(i) + 2 for row in items for i in row])
        column["cells"] = [_fold_items([safe(i) for i in row], max(room, floor)) for row in items]

    def fold_groups(self) -> None:
        group = self.columns[0]
        self.fold_group = max(8, width(group["header"]))

    def split_periods(self, columns: int) -> list[Table]:
        """The grid cut into the fewest tables that fit, of periods shared out evenly, each with
        the group names, the totals in the last."""
        whole = self.columns
        periods = [c for c in whole if c["key"] == "period"]
        group, rest = whole[0], [c for c in whole[1:] if c["key"] != "period"]
        try:
            for parts in range(1, len(periods) + 1):
                size = -(-len(periods) // parts)
                chunks = [periods[i : i + size] for i in range(0, len(periods), size)]
                tables = []
                for i, chunk in enumerate(chunks):
                    self.columns = [group, *chunk, *(rest if i == len(chunks) - 1 else [])]
                    tables.append(self.table())
                if max(self.measure(t) for t in tables) <= columns:
                    break
        finally:
            self.columns = whole
        return tables

    def table(self, chart: int = 0) -> Table:
        plain, rollup = self.plain, self.rollup
        table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
        for column in self.columns:
            key, header = column["key"], column["header"]
            if key == "group":
                table.add_column(
                    header,
                    overflow="fold",
                    no_wrap=not self.fold_group,
                    max_width=self.fold_group or None,
                    min_width=width(header),
                )
            elif key == "top_categories":
                table.add_column(header, no_wrap=True)
            else:
                table.add_column(header, justify="right", no_wrap=True)
        if chart:
            table.add_column("", no_wrap=True, style="" if plain else "green")
        largest = max((row.tally.activities for row in rollup.rows), default=0)
        count = len(rollup.rows)
        for i, row in enumerate(rollup.rows):
            cells = [text(c["cells"][i]) for c in self.columns]
            if chart:
                cells.append(Text(bar(row.tally.activities, largest, chart)))
            table.add_row(*cells, end_section=i == count - 1)
        total = [text(c["cells"][count], None if plain else "bold") for c in self.columns]
        if chart:
            total.append(Text(""))
        table.add_row(*total)
        return table


def _fold_items(items: list[str], cols: int) -> str:
    """Items joined with `、`, on as many lines of at most `cols` columns as they need, each line
    broken after a `、` and never inside an item."""
    lines: list[str] = []
    line = ""
    for i, item in enumerate(items):
        piece = item + ("、" if i < len(items) - 1 else "")
        if line and width(line + piece) > cols:
            lines.append(line)
            line = ""
        line += piece
    if line:
        lines.append(line)
    return "\n".join(lines)


def _chart_below(rollup, plain: bool, columns: int) -> Table:
    """The chart as its own table under the report: a group, its bar, its activities."""
    from ..digest_formats import group_label

    names = [group_label(row) for row in rollup.rows]
    counts = [str(row.tally.activities) for row in rollup.rows]
    name_width = max([width(n) for n in names] + [1])
    count_width = max([width(c) for c in counts] + [1])
    bar_width = max(4, min(BAR_WIDTH, columns - name_width - count_width - 4))
    largest = max((row.tally.activities for row in rollup.rows), default=0)
    table = Table(box=None, show_header=False, show_edge=False, pad_edge=False)
    table.add_column(no_wrap=True, overflow="fold")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True, style="" if plain else "green")
    for name, count, row in zip(names, counts, rollup.rows):
        table.add_row(text(name), count, Text(bar(row.tally.activities, largest, bar_width)))
    return table


def fit_width(renderable) -> int:
    """The width `renderable` (a table, or tables one under the other) takes, that Rich does not
    shrink it and turn counts into `…`."""
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(width=10_000)
    return Measurement.get(console, console.options, renderable).maximum


def _plain_table(plain: bool) -> Table:
    return Table(
        box=table_box(plain),
        show_edge=not plain,
        pad_edge=not plain,
        header_style="bold",
        title_justify="left",
    )


def digest_view(digest, *, plain: bool = False, columns: int = 80):
    """The weekly digest for a terminal: headings, the headline numbers, one table a street and
    for the categories, the week day by day, the quiet communities and the gaps.

    It fits `columns` terminal columns: a community's categories fold between two categories
    (never `安全` / `1`) into the room its table leaves; an activity's communities stand one a
    line; below 100 columns the week's days head their activities as rows of their own instead
    of taking a column, and the head count's heading takes its short form; below 72 an
    activity's category follows its title instead of taking a column."""
    from rich.console import Group

    from ..digest_formats import words

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
            rows = words.community_rows(block)
            for row in rows:
                table.add_row(*(text(c) for c in row[:3]), "")
            room = columns - fit_width(table)
            table.columns[3]._cells.clear()
            table = _plain_table(plain)
            table.title = words.labelled(words.street_name(block.street), words.street_summary(block.tally))
            for i, name in enumerate(words.cols_community()):
                if i in (1, 2):
                    table.add_column(name, justify="right", no_wrap=True)
                else:
                    table.add_column(name, no_wrap=True)
            for row, line in zip(rows, block.communities):
                items = [f"{safe(c)} {n}" for c, n in line.categories]
                floor = max([width(i) + 2 for i in items] + [width(str(table.columns[3].header))])
                table.add_row(*(text(c) for c in row[:3]), text(_fold_items(items, max(room, floor))))
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
        narrow = columns < 100
        time_, activity_, category_, community_, people_ = words.cols_days()
        if narrow:
            from ..digest_formats import SHORT_HEADINGS

            people_ = _(SHORT_HEADINGS["participants"])
        else:
            table.add_column(_("Date"), no_wrap=True)
        names = [
            _fold_items([safe(c) for c in a.communities], 1) if a.communities else words.communities_cell(a)
            for day in digest.days
            for a in day.activities
        ]
        # Narrower still, an activity's category follows its title: `title (category)`.
        merged = columns < 72
        table.add_column(time_, no_wrap=True)
        table.add_column(activity_, overflow="fold", ratio=3, min_width=max(8, width(activity_)))
        if not merged:
            table.add_column(category_, overflow="fold", min_width=width(category_))
        table.add_column(community_, no_wrap=True)
        table.add_column(people_, justify="right", no_wrap=True)
        cells = iter(names)
        for i, day in enumerate(digest.days):
            if narrow:
                table.add_row(Text(words.day_label(day), style="" if plain else "bold"))
            for j, a in enumerate(day.activities):
                row = [] if narrow else [words.day_label(day) if j == 0 else ""]
                what = (
                    [text(words.aside(safe(a.title), safe(a.category)))]
                    if merged
                    else [text(a.title), text(a.category)]
                )
                table.add_row(
                    *row,
                    words.time_label(a),
                    *what,
                    text(next(cells)),
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
