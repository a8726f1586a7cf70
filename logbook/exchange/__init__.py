"""Moving logbooks between people: exchange files read (reading, records), merged into a logbook
as a plan (merge, snapshot, stamps) and written (writing). Every name callers use is here.

The modules: records (what a file holds, one record validated), reading (bytes decoded, shapes
parsed), stamps (versions compared), snapshot (the logbook as the merge reads it, only the months
it needs), merge (the plan and its summaries), writing (the envelope and CSV).
"""

from .ledger import is_ledger, read_ledger_file
from .merge import MONTH_MAX, Conflict, FileSummary, Merge, Policy, Refused, Snapshot, natural_key
from .reading import FORMAT_NAME, FORMAT_VERSION, ExchangeFileError, decode, read_bytes, read_exchange
from .records import NO_NAMES, ExchangeFile, IncomingRecord, Problem
from .stamps import STAMP_SLACK, stamp_ahead, stamp_key, stamp_limit
from .writing import RECORD_INDENT, ExportEncodingError, encode_csv, envelope_chunks

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MONTH_MAX",
    "NO_NAMES",
    "RECORD_INDENT",
    "STAMP_SLACK",
    "Conflict",
    "ExchangeFile",
    "ExchangeFileError",
    "ExportEncodingError",
    "FileSummary",
    "IncomingRecord",
    "Merge",
    "Policy",
    "Problem",
    "Refused",
    "Snapshot",
    "decode",
    "encode_csv",
    "envelope_chunks",
    "is_ledger",
    "natural_key",
    "read_bytes",
    "read_exchange",
    "read_ledger_file",
    "stamp_ahead",
    "stamp_key",
    "stamp_limit",
]
