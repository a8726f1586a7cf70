"""Ledgers (台账) as exchange files: a workbook, or a CSV whose header is not our own export's,
read by `logbook.ledgers` and validated record by record as any exchange file is, so that the
import merges them the same way (all or nothing, natural keys for rows without an id)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import LogbookError
from ..models import Categories
from .reading import decode
from .records import ExchangeFile, Problem, _Validator

SHAPE = "ledger"
WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (.xlsx, .ods), OLE2 (.xls)


def is_ledger(raw: bytes, name: str, encoding: str | None = None) -> bool:
    """Whether a file is a ledger rather than an exchange file: a workbook by its suffix or its
    bytes, or a text that is neither JSON nor CSV headed by our own field names."""
    from ..formats import csv_header
    from ..ledgers.sources import WORKBOOK_SUFFIXES

    if Path(name).suffix.lower() in WORKBOOK_SUFFIXES or raw.startswith(WORKBOOK_MAGIC):
        return True
    head = raw[:65536]
    text = None
    for cut in range(4):  # the head may end inside a character
        try:
            text, _used = decode(head[: len(head) - cut], name, encoding)
            break
        except LogbookError:
            continue
    if text is None:
        return False  # the exchange reader says why it cannot be read
    text = text.lstrip("\ufeff").lstrip()
    if not text or text[0] in "[{":
        return False
    first = text.split("\n", 1)[0]
    lowered = {h.lower() for h in csv_header(first)}
    if "title" in lowered and ("date" in lowered or "id" in lowered):
        return False  # our own CSV, or a spreadsheet's save of it
    # a ledger has a header row among its first lines; anything else is for the exchange reader
    # to refuse in its words
    from ..ledgers.headers import find_header
    from ..ledgers.sources import csv_rows

    try:
        rows = csv_rows("\n".join(text.splitlines()[:40]), name)
    except LogbookError:
        return False
    return find_header(rows) is not None


def read_ledger_file(
    raw: bytes,
    name: str,
    *,
    now: str,
    registry=None,
    default_community: str | None = None,
    sheets: Iterable[str] | None = None,
    mapping: dict[str, str] | None = None,
    categories: Categories | None = None,
    today=None,
    encoding: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ExchangeFile:
    """A ledger read and validated as an ExchangeFile (shape `ledger`); its notes (columns left
    out, summary sheets skipped) in `.notes`. Rows the ledger cannot read are problems with the
    sheet, row and column they are in."""
    from ..ledgers import read_ledger_sheets
    from ..ledgers.sources import Sheet, _workbook_sheets, csv_rows

    p = Path(name)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods") or raw.startswith(WORKBOOK_MAGIC):
        book = _workbook_sheets(p)
        used = "binary"
    else:
        text, used = decode(raw, name, encoding)
        book = [Sheet(p.stem, csv_rows(text, name), [], csv=True)]
        del text
    read = read_ledger_sheets(
        book,
        name,
        registry=registry,
        default_community=default_community,
        sheets=sheets,
        mapping=mapping,
        categories=categories,
        today=today,
    )
    del book
    xf = ExchangeFile(name=name, shape=SHAPE, encoding=used)
    xf.notes = list(read.notes)
    for problem in read.problems:
        xf.problems.append(_problem(problem))
    validate = _Validator(name, os.path.basename(name) or name, now, categories)
    total = len(read.rows) + len(read.problems)
    done = 0
    for row in read.rows:
        result = validate(row.record, _where(row.sheet, row.row))
        if isinstance(result, Problem):
            result.where_shown = _where_shown(row.sheet, row.row)
            xf.problems.append(result)
        else:
            xf.records.append(result)
        done += 1
        if on_progress is not None and done % 500 == 0:
            on_progress(done, total)
    xf.seen = total
    if on_progress is not None:
        on_progress(total, total)
    return xf


def _problem(p) -> Problem:
    return Problem(
        p.file, _where(p.sheet, p.row), None, p.reason, column=p.column, where_shown=_where_shown(p.sheet, p.row)
    )


def _where(sheet: str | None, row: int) -> str:
    """Where a row is, in English, as JSON carries it (a CSV has no sheets)."""
    return f"row {row}" if sheet is None else f"sheet {sheet}, row {row}"


def _where_shown(sheet: str | None, row: int) -> str:
    from ..i18n import _

    if sheet is None:
        return _("row {row}").format(row=row)
    return _("sheet {sheet}, row {row}").format(sheet=sheet, row=row)
