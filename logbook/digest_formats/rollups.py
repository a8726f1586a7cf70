"""The rollup report's machine formats (JSON, CSV, Markdown, an .xlsx sheet) and the labels of its
columns, shared with the terminal table."""

from __future__ import annotations

import csv
import io

from ..formats import BOM, dumps_json, md_table
from ..i18n import N_, _
from ..labels import head_count
from ..report import Rollup, RollupRow
from .words import (
    list_of,
    one_line,
)

# -- the rollup report's machine formats ---------------------------------------------------------

BY_HEADINGS = {
    "community": N_("Community"),
    "street": N_("Street"),
    "category": N_("Category"),
    "tag": N_("Tag"),
    "organizer": N_("Organizer"),
    "month": N_("Month"),
    "week": N_("Week"),
}
# The same columns in a CSV file, where the English names are keys a script may read by.
CSV_HEADINGS = {
    "activities": N_("activities"),
    "participants": N_("participants"),
    "participants_approx": N_("participants_approx"),
    "without_count": N_("without_count"),
    "communities": N_("communities"),
    "top_categories": N_("top_categories"),
}
CSV_BY = {
    "community": N_("community"),
    "street": N_("street"),
    "category": N_("category"),
    "tag": N_("tag"),
    "organizer": N_("organizer"),
    "month": N_("month"),
    "week": N_("week"),
}


def total_label() -> str:
    # TRANSLATORS: the first cell of a report's totals row.
    return _("Total")


def group_label(row: RollupRow) -> str:
    if row.is_total:
        return total_label()
    # TRANSLATORS: a report's row for activities without the grouped field (no tag, no street).
    return _("(none)") if row.group is None else one_line(row.group)


def top_categories_label(row: RollupRow) -> str:
    return list_of(f"{one_line(c)} {n}" for c, n in row.top_categories)


def _shows_communities(r: Rollup) -> bool:
    # By community every row would count the partners of its joint activities: noise, not news.
    return r.by != "community"


def _shows_top_categories(r: Rollup) -> bool:
    return r.by != "category"


def period_label(r: Rollup, period, compact: bool) -> str:
    """`2025-W13`; in a table of weeks that share one ISO year, the short `W13`."""
    years = {p.label[:4] for p in r.periods}
    if compact and r.period == "week" and len(years) == 1:
        return period.label[5:]
    return period.label


def rollup_columns(r: Rollup, *, compact: bool = False) -> list[str]:
    """The columns of a report as the table, Markdown and the spreadsheet show them."""
    head = [_(BY_HEADINGS[r.by])]
    counts = [_("Activities"), _("Participants"), _("No count")]
    if r.periods:
        return head + [period_label(r, p, compact) for p in r.periods] + counts
    head += counts
    if _shows_communities(r):
        head.append(_("Communities"))
    if _shows_top_categories(r):
        head.append(_("Top categories"))
    return head


def rollup_keys(r: Rollup) -> list[str]:
    """What each column of rollup_columns holds: "group", "period", "activities",
    "participants", "without_count", "communities", "top_categories"."""
    keys = ["group"] + ["period"] * len(r.periods) + ["activities", "participants", "without_count"]
    if not r.periods:
        if _shows_communities(r):
            keys.append("communities")
        if _shows_top_categories(r):
            keys.append("top_categories")
    return keys


# The headings a table takes when the terminal is narrow (a header word is never broken).
SHORT_HEADINGS = {
    # TRANSLATORS: "Activities" in a narrow table: a short word, not an abbreviation if you can.
    "activities": N_("Acts"),
    # TRANSLATORS: "Participants" in a narrow table.
    "participants": N_("People"),
    # TRANSLATORS: "No count" in a narrow table.
    "without_count": N_("No #"),
    # TRANSLATORS: "Top categories" in a narrow table.
    "top_categories": N_("Top"),
}


def rollup_cells(r: Rollup, row: RollupRow) -> list[str]:
    t = row.tally
    cells = [group_label(row)]
    if r.periods:
        cells += [str(c.activities) for c in row.cells]
    cells += [
        str(t.activities),
        head_count(t.participants, t.participants_approx, total=True),
        str(t.without_count),
    ]
    if not r.periods:
        if _shows_communities(r):
            cells.append(str(row.communities))
        if _shows_top_categories(r):
            cells.append(top_categories_label(row))
    return cells


def rollup_values(r: Rollup, row: RollupRow) -> list:
    """A row as a spreadsheet holds it: the columns of rollup_columns, numbers as numbers (a sum
    with approximate counts in it is its number; the sheet's title says so)."""
    t = row.tally
    values: list = [group_label(row)]
    if r.periods:
        values += [c.activities for c in row.cells]
    values += [t.activities, t.participants, t.without_count]
    if not r.periods:
        if _shows_communities(r):
            values.append(row.communities)
        if _shows_top_categories(r):
            values.append(top_categories_label(row))
    return values


def rollup_json(r: Rollup) -> str:
    return dumps_json(r.to_dict()) + "\n"


def rollup_md(r: Rollup) -> str:
    rows = [rollup_cells(r, row) for row in r.rows] + [rollup_cells(r, r.total)]
    return md_table(rollup_columns(r), rows)


def rollup_csv(r: Rollup, *, bom: bool = True) -> str:
    """For spreadsheets: numbers as numbers (the approximate mark in its own column), a BOM so
    Excel and WPS read UTF-8 (`bom=False` into a pipe, where it would break `cut` and `head`),
    the totals row last with `Total` (合计) in the first column. Headers are the reader's
    language: English ones are the keys of the JSON report."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    head = [_(CSV_BY[r.by])]
    if r.periods:
        head += [p.label for p in r.periods]
    head += [_(name) for name in CSV_HEADINGS.values()]
    writer.writerow(head)
    for row in [*r.rows, r.total]:
        t = row.tally
        cells = [total_label() if row.is_total else row.group or ""]
        if r.periods:
            cells += [str(c.activities) for c in row.cells]
        cells += [
            str(t.activities),
            str(t.participants),
            "true" if t.participants_approx else "false",
            str(t.without_count),
            str(row.communities),
            ";".join(f"{c} {n}" for c, n in row.top_categories),
        ]
        writer.writerow(cells)
    return (BOM if bom else "") + buffer.getvalue()


ROLLUP_WRITERS = {"json": rollup_json, "csv": rollup_csv, "md": rollup_md}


def write_rollup(r: Rollup, fmt: str, *, bom: bool = True) -> str:
    if fmt == "csv":
        return rollup_csv(r, bom=bom)
    return ROLLUP_WRITERS[fmt](r)


def rollup_sheet_title(r: Rollup) -> str:
    """The title row of a report's spreadsheet."""
    title = _("Activities by {group}").format(group=_(CSV_BY[r.by]))
    if r.total.tally.participants_approx:
        title += " " + _("(participant sums include approximate counts)")
    return title


def write_rollup_xlsx(r: Rollup, target) -> None:
    """The report as an .xlsx sheet: one row a group, numbers as numbers, the totals row last;
    with periods, one column a period."""
    from ..ledgers import write_rollup as write_sheet

    write_sheet(
        target,
        rollup_columns(r),
        [rollup_values(r, row) for row in r.rows],
        totals=rollup_values(r, r.total),
        title=rollup_sheet_title(r),
        sheet=_("Report"),
    )
