"""Machine formats of activity listings: one registry, each format with its writer.

JSON is an array of full records in FIELD_ORDER, UTF-8 without `\\u` escapes; JSON Lines one record
a line; CSV a header row with list fields joined by `;` (a literal `;` or `\\` in a name is
backslash-escaped so the field reads back), UTF-8 with a BOM so Excel and WPS open it; Markdown a
pipe table for pasting into reports.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from enum import Enum

import orjson

from .labels import people_label
from .models import FIELD_ORDER, LIST_FIELDS, Activity

LIST_SEPARATOR = ";"
BOM = "\ufeff"


class Format(str, Enum):
    """Every format logbook writes. Which command writes which is FORMATS_OF: the one registry
    the `--format` options are built from (commands/filters.py `format_option`)."""

    table = "table"
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    html = "html"
    xlsx = "xlsx"


LISTING = (Format.table, Format.json, Format.jsonl, Format.csv, Format.md)
FORMATS_OF: dict[str, tuple[Format, ...]] = {
    "listing": LISTING,  # list, search, show, community list, import-text's drafts
    "export": (Format.json, Format.jsonl, Format.csv, Format.md, Format.xlsx),
    "summary": (Format.text, Format.json),  # import's summary, check's findings
    "report": (Format.table, Format.json, Format.csv, Format.md, Format.xlsx),
    "digest": (Format.text, Format.md, Format.html, Format.json),
}


def dumps_json(value, *, indent: int | None = 2) -> str:
    """JSON as people and `jq` read it: UTF-8 characters as themselves, no `\\u` escapes.

    Indented, it is orjson's, the same text as the json module's: that one indents with Python
    closures that refer to each other, a reference cycle every call, and with the cycle collector
    off (`cli.main`) each stayed until the process ended (~3 KB a record: 290 MB for a JSON
    listing of 100,000). A value orjson does not write (a lone surrogate, a key that is not a
    string) still goes to the json module."""
    if indent == 2:
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
        except TypeError:
            pass
    return json.dumps(value, ensure_ascii=False, indent=indent)


def join_list(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(
        # split_list also splits at a full-width `；` (typed in spreadsheets): escape it too.
        v.replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\" + LIST_SEPARATOR).replace("；", "\\；")
        for v in values
    )


def split_list(text: str) -> list[str]:
    """The inverse of join_list; a full-width `；` typed by hand in a spreadsheet also separates.
    `、` and `，` do not: names often hold them."""
    if text is None:
        return []
    out, current, escaped = [], [], False
    for ch in text:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in (LIST_SEPARATOR, "；"):
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        current.append("\\")
    out.append("".join(current))
    return [item.strip() for item in out if item.strip()]


def record_to_row(record: dict, columns=FIELD_ORDER, *, formula_safe: bool = False) -> dict[str, str]:
    """A record as CSV cells: lists joined, booleans as true/false, None as empty; with
    `formula_safe`, a cell a spreadsheet would run as a formula gets a leading `'`."""
    row = {}
    for name in columns:
        value = record.get(name)
        if name in LIST_FIELDS or isinstance(value, list):
            row[name] = join_list(value or [])
        elif isinstance(value, bool):
            row[name] = "true" if value else "false"
        elif value is None:
            row[name] = ""
        else:
            row[name] = str(value)
    if formula_safe:
        from .ledgers.writer import csv_safe

        for name, cell in row.items():
            row[name] = csv_safe(cell)
    return row


def iter_json(records: Iterable[dict]) -> Iterator[str]:
    """A JSON array written record by record, so a long listing streams."""
    first = True
    yield "["
    for record in records:
        body = dumps_json(record, indent=2).replace("\n", "\n  ")
        yield ("\n  " if first else ",\n  ") + body
        first = False
    yield "\n]\n" if not first else "]\n"


def iter_jsonl(records: Iterable[dict]) -> Iterator[str]:
    for record in records:
        yield dumps_json(record, indent=None) + "\n"


def iter_csv(
    records: Iterable[dict], *, columns=FIELD_ORDER, bom: bool = True, formula_safe: bool = False
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    yield (BOM if bom else "") + buffer.getvalue()
    for record in records:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(record_to_row(record, columns, formula_safe=formula_safe))
        yield buffer.getvalue()


MD_COLUMNS = ("id", "date", "title", "category", "communities", "street", "participants")


def md_cell(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def iter_md(records: Iterable[dict], columns=MD_COLUMNS) -> Iterator[str]:
    yield "| " + " | ".join(columns) + " |\n"
    yield "|" + "|".join("---" for _ in columns) + "|\n"
    for record in records:
        cells = []
        for name in columns:
            value = record.get(name)
            if name == "id" and value:
                value = value[:8]
            elif name in LIST_FIELDS:
                value = "、".join(value or [])
            elif name == "participants" and value is not None:
                value = people_label(value, bool(record.get("participants_approx")), "+")
            cells.append(md_cell(value))
        yield "| " + " | ".join(cells) + " |\n"


def md_table(headers: list[str], rows: Iterable[Iterable]) -> str:
    """A Markdown table of arbitrary rows (reports use it)."""
    lines = ["| " + " | ".join(md_cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        lines.append("| " + " | ".join(md_cell(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


WRITERS = {
    Format.json: iter_json,
    Format.jsonl: iter_jsonl,
    Format.csv: iter_csv,
    Format.md: iter_md,
}


def write_activities(activities: Iterable[Activity], fmt: Format, *, bom: bool = True) -> Iterator[str]:
    """The chunks of a machine-format listing of activities; `bom` for CSV only."""
    records = (a.to_dict() for a in activities)
    return iter_csv(records, bom=bom) if fmt is Format.csv else WRITERS[fmt](records)


# -- readers -----------------------------------------------------------------------------------


class CsvReadError(ValueError):
    """A CSV file that the csv module cannot read; `line` is where it gave up."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def read_csv_rows(text: str) -> Iterator[tuple[int, dict]]:
    """The rows of a CSV text (as iter_csv writes it, or as a spreadsheet saves it) as
    (line number where the row starts, {column: cell}). Column names are trimmed; rows with every
    cell empty are left out; cells past the header's columns go under the key None. Raises
    CsvReadError for what the csv module refuses, such as a cell longer than its field limit
    (131,072 characters, far past anything a record holds).
    """
    if text.startswith(BOM):
        text = text[1:]
    reader = csv.reader(_lines(text))
    try:
        header = next(reader, None)
    except csv.Error as err:
        raise CsvReadError(str(err), 1) from None
    if header is None:
        return
    columns = [name.strip() for name in header]
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise CsvReadError(str(err), start) from None
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        row: dict = dict(zip(columns, cells))
        if len(cells) > len(columns):
            row[None] = cells[len(columns) :]
        yield start, row


# A line as io.StringIO(newline="") splits them: ended by \r\n, \r or \n, kept with its ending.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` for the csv module, one at a time (a StringIO would first copy the
    whole text, at four bytes a character)."""
    return (m.group() for m in _LINE.finditer(text))


def csv_header(text: str) -> list[str]:
    """The trimmed column names of a CSV text's first row ([] when it has none)."""
    if text.startswith(BOM):
        text = text[1:]
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    try:
        row = next(csv.reader([first.rstrip("\r")]), [])
    except csv.Error:
        return []
    return [name.strip() for name in row]
