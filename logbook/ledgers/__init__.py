"""Excel and CSV ledgers (台账), in and out, as a library: `read_ledger` finds the activity
tables of a workbook or CSV as offices keep them and returns plain records for the exchange
importer; `write_ledger` and `write_rollup` write the .xlsx an office hands up.

Modules: `sources` (files to sheets of cells), `headers` (column names to fields), `cells`
(cell values), `reader` (tables, rows, communities, problems, notes), `writer` (.xlsx out)."""

from .cells import CellError
from .headers import SYNONYMS, field_of, header_key
from .reader import LedgerRead, LedgerRow, RowProblem, read_ledger, read_ledger_sheets
from .sources import Sheet, is_ledger_file, read_sheets
from .writer import (
    LEDGER_COLUMNS,
    add_ledger_sheet,
    add_rollup_sheet,
    csv_safe,
    write_ledger,
    write_rollup,
)

__all__ = [
    "CellError",
    "LEDGER_COLUMNS",
    "LedgerRead",
    "LedgerRow",
    "RowProblem",
    "SYNONYMS",
    "Sheet",
    "add_ledger_sheet",
    "add_rollup_sheet",
    "csv_safe",
    "field_of",
    "header_key",
    "is_ledger_file",
    "read_ledger",
    "read_ledger_sheets",
    "read_sheets",
    "write_ledger",
    "write_rollup",
]
