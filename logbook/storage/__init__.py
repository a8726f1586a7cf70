"""The logbook on disk: TinyDB JSON files made safe, split by month so that recent work reads
one small file however many years the logbook holds.

Owns the file layout and everything that keeps it whole: orjson serialisation (UTF-8, no `\\u`
escapes), atomic replacement (temp file, fsync, os.replace, fsync of the directory), a lock file
around every read-modify-write, the `_meta` table with the schema version, hard-linked backups of
the previous main file and the undo history built on them. Commands see `Store` and
`Transaction` only; they never learn the file layout.

The layout (schema 2), every file a TinyDB JSON file a person can read and copy:

    logbook.json                  the main file: `_meta` (schema version), `communities`,
                                  `deleted` (tombstones) and `periods`, the index: for each
                                  month its file, its count, the first 8 characters of each
                                  id in it, and the last day each community and street
                                  appears in it
    logbook.json.d/2025-03.000042.json
                                  one month's activities (table `activities`), oldest first
    logbook.json.d/2025-03.000042.keys.json
                                  their precomputed search keys (table `search_keys`: id and
                                  key of each, in the same order)
    logbook.json.backups/         previous main files and history.json (undo)
    logbook.json.lock

The search keys (each record's text folded to one script) are as large as half the record;
kept apart, only `search` reads them, and a search reads the records of a month only when one
of its keys matches.

A write never changes a file: it writes the months it touched under new names (the number is
the write's sequence number) and then replaces the main file that names them. That replace is
the one commit point, so a crash leaves the old logbook or the new one, and a reader (who never
locks) always sees one consistent set: the main file it read and the month files it names, which
stay until no kept main file names them. Undo puts back a previous main file; the month files it
names are kept as long as its backup is.

A schema 1 logbook (one file holding every activity) is read as it is and rewritten in this
layout by its first write, after the usual backup (undo puts the single file back).

Every file is a TinyDB database read and written through `SafeStorage` (files.py), TinyDB's
own extension point: orjson, UTF-8 without escapes, atomic replacement, mode 0600, one parse a
command. Month and keys files are written with `Table.insert_multiple`; reads take the parsed
tables from `Storage.read()` once a command (TinyDB's Table would copy every document on every
query). The transaction (transaction.py) decides when a write happens: once a command, under the
lock.

The package's modules: layout (names and what files hold), files (writing safely, the
storage), index (the parsed main file), history (undo's record), records (records made into
activities), base (what the mixins below share and call of one another), loading / reading /
writing / undo (what a Store does, one concern each), transaction, store (the Store that puts
them together).
"""

from .files import SafeStorage, atomic_file, atomic_write_bytes, file_mode
from .history import HistoryEntry, HistoryProblem, read_history
from .index import PeriodInfo
from .layout import (
    ACTIVITIES,
    COMMUNITIES,
    DELETED,
    LEGACY_SCHEMA,
    META,
    PERIODS,
    SCHEMA_VERSION,
    SEARCH_KEYS,
    export_order,
    keys_file,
    part_seq,
    period_of,
)
from .records import activity_of_record, resolve_ref
from .store import Store
from .transaction import Transaction

__all__ = [
    "ACTIVITIES",
    "COMMUNITIES",
    "DELETED",
    "LEGACY_SCHEMA",
    "META",
    "PERIODS",
    "SCHEMA_VERSION",
    "SEARCH_KEYS",
    "HistoryEntry",
    "SafeStorage",
    "HistoryProblem",
    "PeriodInfo",
    "Store",
    "Transaction",
    "activity_of_record",
    "atomic_file",
    "atomic_write_bytes",
    "export_order",
    "file_mode",
    "keys_file",
    "part_seq",
    "period_of",
    "read_history",
    "resolve_ref",
]
