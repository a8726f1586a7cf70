"""Writing ledgers: the .xlsx an office hands up (a title row, Chinese headers, one row an
activity, real date and time cells, head counts as numbers, the id last so the file reads back),
and a rollup sheet of a report (labels and numbers, totals last). openpyxl in write-only mode:
rows stream to the file, so memory stays flat however many activities there are. Text that a
spreadsheet would run as a formula is written as text (and `csv_safe` is the CSV convention)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from datetime import date, time
from typing import IO

from ..models import Activity
from ..plain import width
from .cells import names_cell

# The ledger's columns in order, with the Chinese header an office reads; the id last.
LEDGER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "日期"),
    ("start", "开始时间"),
    ("end", "结束时间"),
    ("title", "活动名称"),
    ("category", "类别"),
    ("communities", "社区"),
    ("street", "街道"),
    ("participants", "参与人数"),
    ("participants_approx", "约数"),
    ("organizers", "主办单位"),
    ("partners", "协办单位"),
    ("speakers", "主讲人"),
    ("groups", "服务对象"),
    ("tags", "标签"),
    ("location", "地点"),
    ("notes", "备注"),
    ("source", "来源"),
    ("author", "记录人"),
    ("id", "编号"),
)
APPROX_MARK = "约"  # in the 约数 column beside an approximate head count
FORMULA_START = ("=", "+", "-", "@")
_WIDTH_MIN, _WIDTH_MAX = 6, 50
_WIDTH_ALL, _WIDTH_EVERY = 2000, 50  # widths from every row up to 2,000, then every 50th
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def csv_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: text starting with = + - @ gets the
    leading `'` spreadsheets read as "this is text" (the ledger reader takes it off again). Text
    that already starts with `'` and one of them gets another, so that taking one off gives it
    back as it was."""
    if text.startswith(FORMULA_START) or (text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_START):
        return "'" + text
    return text


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, never empty."""
    return (_SHEET_BAD.sub("_", name).strip("'") or "Sheet")[:31]


def write_ledger(
    target: str | os.PathLike | IO[bytes],
    activities: Sequence[Activity],
    *,
    title: str | None = None,
    english_headers: bool = False,
    sheet: str = "活动台账",
) -> None:
    """Write `activities` as an .xlsx ledger to a path or binary file."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    add_ledger_sheet(book, activities, title=title, english_headers=english_headers, sheet=sheet)
    book.save(target)


def add_ledger_sheet(
    book,
    activities: Sequence[Activity],
    *,
    title: str | None = None,
    english_headers: bool = False,
    sheet: str = "活动台账",
) -> None:
    """Add a ledger sheet to a write-only openpyxl Workbook (a report can add its rollup after)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(sheet_title(sheet))
    fields = [name for name, _ in LEDGER_COLUMNS]
    headers = fields if english_headers else [zh for _, zh in LEDGER_COLUMNS]
    values = _LazyRows(activities if isinstance(activities, list) else list(activities), english_headers)
    for i, cols in enumerate(_widths(headers, values), start=1):
        ws.column_dimensions[get_column_letter(i)].width = cols
    last = get_column_letter(len(fields))
    top = 2 if title else 1
    ws.freeze_panes = f"A{top + 1}"  # before the first row: write-only writes the view first
    if title:
        cell = WriteOnlyCell(ws, value=_text(title))
        cell.font = Font(bold=True, size=14)
        cell.alignment = Alignment(horizontal="center")
        ws.append([cell])
        ws.merged_cells.add(f"A1:{last}1")
    bold = Font(bold=True)
    ws.append([_styled(WriteOnlyCell(ws, value=h), font=bold) for h in headers])
    count = 0
    for row in values:
        ws.append([_cell(ws, WriteOnlyCell, value) for value in row])
        count += 1
    ws.auto_filter.ref = f"A{top}:{last}{top + count}"


def write_rollup(
    target: str | os.PathLike | IO[bytes],
    headers: Sequence[str],
    rows: Iterable[Sequence],
    *,
    totals: Sequence | None = None,
    title: str | None = None,
    sheet: str = "汇总",
) -> None:
    """Write a report's rollup as an .xlsx sheet: labels as text, numbers as numbers, `totals`
    as the last row."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    add_rollup_sheet(book, headers, rows, totals=totals, title=title, sheet=sheet)
    book.save(target)


def add_rollup_sheet(
    book,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    *,
    totals: Sequence | None = None,
    title: str | None = None,
    sheet: str = "汇总",
) -> None:
    """Add a rollup sheet (a report's rows of labels and numbers, totals last) to a write-only
    openpyxl Workbook."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(sheet_title(sheet))
    body = [list(r) for r in rows]
    every = [list(headers), *body] + ([list(totals)] if totals else [])
    for i, cols in enumerate(_widths(list(headers), every), start=1):
        ws.column_dimensions[get_column_letter(i)].width = cols
    ws.freeze_panes = "A3" if title else "A2"
    if title:
        ws.append([_styled(WriteOnlyCell(ws, value=_text(title)), font=Font(bold=True, size=14))])
        if len(headers) > 1:
            ws.merged_cells.add(f"A1:{get_column_letter(len(headers))}1")
    bold = Font(bold=True)
    ws.append([_styled(WriteOnlyCell(ws, value=_text(str(h))), font=bold) for h in headers])
    for row in body:
        ws.append([_cell(ws, WriteOnlyCell, v) for v in row])
    if totals:
        ws.append([_styled(_cell(ws, WriteOnlyCell, v, always=True), font=bold) for v in totals])


class _LazyRows:
    """The rows of a list of activities, made again each time they are walked (once for the
    widths' sample, once to write), so 100,000 rows are never all held as cells at once."""

    def __init__(self, activities: list, english: bool) -> None:
        self.activities, self.english = activities, english

    def __iter__(self):
        english = self.english
        return (_row_values(a, english) for a in self.activities)

    def sample(self):
        acts = self.activities
        picked = acts[:_WIDTH_ALL] + acts[_WIDTH_ALL::_WIDTH_EVERY]
        return (_row_values(a, self.english) for a in picked)


def _row_values(a: Activity, english: bool) -> list:
    approx = (True if english else APPROX_MARK) if a.participants_approx and a.participants is not None else None
    return [
        date.fromisoformat(a.date),
        _clock(a.start),
        _clock(a.end),
        a.title,
        a.category,
        names_cell(a.communities),
        a.street,
        a.participants,
        approx,
        names_cell(a.organizers),
        names_cell(a.partners),
        names_cell(a.speakers),
        names_cell(a.groups),
        names_cell(a.tags),
        a.location,
        a.notes,
        a.source,
        a.author,
        a.id,
    ]


def _clock(value: str | None) -> time | None:
    if not value:
        return None
    hour, minute = value.split(":")
    return time(int(hour), int(minute))


def _widths(headers: list[str], rows) -> list[int]:
    """Column widths in characters from the display width of the header and of the rows (a
    sample of them past the first 2,000), clamped to 6..50."""
    out = [width(str(h)) for h in headers]
    sample = rows.sample() if isinstance(rows, _LazyRows) else rows
    for row in sample:
        for i, value in enumerate(row):
            if value is None or i >= len(out):
                continue
            if isinstance(value, str):
                text = value if len(value) <= 2 * _WIDTH_MAX else value[: 2 * _WIDTH_MAX]
                cols = width(text.split("\n", 1)[0])
            elif isinstance(value, date):
                cols = 10
            elif isinstance(value, time):
                cols = 5
            else:
                cols = len(str(value))
            if cols > out[i]:
                out[i] = cols
    return [min(max(c + 2, _WIDTH_MIN), _WIDTH_MAX) for c in out]


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _styled(cell, *, font=None):
    if font is not None:
        cell.font = font
    return cell


def _cell(ws, make, value, always: bool = False):
    """A value as the cell it should be: text that starts like a formula stays text. A plain
    value stays a plain value (cheaper to write) unless `always` asks for a cell to style."""
    if always and not (isinstance(value, str) and value.startswith(FORMULA_START)) and not isinstance(value, time):
        return make(ws, value=_text(value) if isinstance(value, str) else value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        value = _text(value)
        if value.startswith(FORMULA_START):
            cell = make(ws, value=value)
            cell.data_type = "s"  # openpyxl would store `=…` as a formula
            cell.quotePrefix = True  # and a person editing it keeps it text
            return cell
        return value
    if isinstance(value, time):
        cell = make(ws, value=value)
        cell.number_format = "hh:mm"
        return cell
    return value
