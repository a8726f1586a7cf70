"""Where a ledger's cells come from: a workbook (.xlsx, .xlsm, .xls, .ods) read with
python-calamine, or a CSV file decoded the way the exchange importer decodes one. This module owns
turning a file into named sheets of raw cell rows; what the cells mean is `cells` and `reader`'s.

python-calamine rather than openpyxl for reading: it is a Rust reader that handles all four
workbook formats (openpyxl reads only .xlsx/.xlsm), returns typed cells (dates, times, numbers,
booleans) without evaluating anything, and reads a 10,000-row sheet several times faster than
openpyxl's read-only mode. openpyxl stays the writer (`writer`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..exchange import ExchangeFileError, decode, read_bytes
from ..i18n import _, os_reason

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt")


@dataclass
class Sheet:
    """One sheet as rows of cells (str, int, float, bool, date, datetime, time or ''), row 1 first;
    `merged` holds the (first row, first column, last row, last column) of merged ranges, 0-based."""

    name: str
    rows: list[list]
    merged: list[tuple[int, int, int, int]]
    csv: bool = False  # the one "sheet" of a CSV file, named after the file


def is_ledger_file(path: str | os.PathLike) -> bool:
    """Whether `path` names a file this package reads by its suffix (a workbook or a CSV)."""
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES + CSV_SUFFIXES


def read_sheets(path: str | os.PathLike, *, encoding: str | None = None) -> list[Sheet]:
    """The sheets of a workbook, or the one sheet of a CSV file (named after the file).

    Raises ExchangeFileError (or the errors of `exchange.read_bytes`) with one line saying why
    the file cannot be read."""
    p = Path(path)
    if p.suffix.lower() in WORKBOOK_SUFFIXES:
        return _workbook_sheets(p)
    raw = read_bytes(p)
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        return _workbook_sheets(p)  # a workbook saved under another suffix
    text, _used = decode(raw, str(path), encoding)
    return [Sheet(p.stem, csv_rows(text, str(path)), [], csv=True)]


def csv_rows(text: str, name: str) -> list[list]:
    """The rows of a CSV text as lists of cells, blank lines kept (they separate a title from the
    table as blank rows do in a sheet). Any line ending (CRLF, LF, CR) and a BOM are accepted; a
    cell's protective leading `'` before = + - @ (`writer.csv_safe`) is taken off."""
    import csv

    from ..formats import BOM, _lines

    if text.startswith(BOM):
        text = text[1:]
    reader = csv.reader(_lines(text))
    try:
        return [[_unquote(cell) for cell in row] for row in reader]
    except csv.Error as err:
        raise ExchangeFileError(
            _("{file} is not a CSV file that can be read (line {line}): {reason}").format(
                file=name, line=reader.line_num, reason=err
            )
        ) from None


def _unquote(cell: str) -> str:
    if cell.startswith("'") and cell.lstrip("'")[:1] in ("=", "+", "-", "@"):
        return cell[1:]
    return cell


def _workbook_sheets(p: Path) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(p))
    except FileNotFoundError:
        read_bytes(p)  # raises the one-line error the importer gives for a missing file
        raise
    except (CalamineError, ValueError, OSError) as err:
        raise ExchangeFileError(
            _("{file} cannot be read as a workbook: {reason}").format(file=p, reason=_first_line(err))
        ) from None
    sheets = []
    try:
        for name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(name)
                rows = sheet.to_python(skip_empty_area=False)
                ranges = sheet.merged_cell_ranges or []  # None where the format has none
                merged = [(a[0], a[1], b[0], b[1]) for a, b in ranges]
            except (CalamineError, ValueError) as err:
                raise ExchangeFileError(
                    _("{file}, sheet {sheet} cannot be read: {reason}").format(
                        file=p, sheet=name, reason=_first_line(err)
                    )
                ) from None
            sheets.append(Sheet(name, rows, merged))
    finally:
        book.close()
    return sheets


def _first_line(err: BaseException) -> str:
    if isinstance(err, OSError) and err.errno is not None:
        return os_reason(err).text()
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:200]
