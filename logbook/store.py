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

The files are in TinyDB's format (tables of documents keyed by document id), written and read
here with orjson; TinyDB itself is not needed at run time (its storage rewrites a file in place
and re-reads it for every operation; shared/guide/STORAGE.md), which also spares every command
its import.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

import orjson

from .errors import AmbiguousId, DataFileError, LockTimeout, NotFound, ReadOnly, UsageError
from .models import FIELD_ORDER, LIST_FIELDS, Activity, Categories, Community, stored_record

SCHEMA_VERSION = 2
LEGACY_SCHEMA = 1  # one file holding every activity: read as is, split by the first write
MIN_PREFIX = 4
HISTORY_MAX_ENTRIES = 50
HISTORY_MAX_BYTES = 256 * 1024 * 1024
FILE_MODE = 0o600
DIR_MODE = 0o700

ACTIVITIES = "activities"
DELETED = "deleted"
COMMUNITIES = "communities"
META = "_meta"
PERIODS = "periods"
_MAIN_TABLES = (META, COMMUNITIES, DELETED, PERIODS)
SEARCH_KEYS = "search_keys"  # the table of a month's keys file
_SEARCH_KEY = "search_key"  # in records written before keys had their own file: read, not written
_KEYS_SUFFIX = ".keys.json"
UNDATED = "undated"  # the month of a record whose date is not a date (only in damaged files)

_ACTIVITY_FIELDS = frozenset(FIELD_ORDER)
_MONTH = re.compile(r"^\d{4}-\d{2}$")
SHORT_ID = 8  # the index keeps this much of each id: enough to find its month, a quarter of the bytes


def _dumps(data) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2)


_LINE_KEY = re.compile(rb'\n"\d+":')  # a document's key at the start of its line


def _table_bytes(table: str, rows: list[dict]) -> bytes:
    """A TinyDB file of one table, compact, a document a line:

        {"activities":{
        "1":{"id":"…","date":"2025-03-02",…},
        "2":{…}
        }}

    One record a line reads well enough, shows a change as one changed line, and lets an export
    copy the records rather than make their JSON again (`_document_lines`)."""
    raw = orjson.dumps({table: {str(i): row for i, row in enumerate(rows, 1)}})
    if not rows:
        return raw + b"\n"
    head = len(table) + 5  # {"activities":{
    # Documents are flat objects, and a `"` inside a string is escaped, so `},"` is found only
    # where one document ends and the next one's key begins.
    return raw[:head] + b"\n" + raw[head:-2].replace(b'},"', b'},\n"') + b"\n}}\n"


def _document_lines(raw: bytes, table: str, indent: bytes, count: int) -> bytes | None:
    """The documents of a file `_table_bytes` wrote, one a line as written, without their
    `"12":` keys and each line starting with `indent`; None if the file is not in that layout
    (`count` documents, parsed from the same bytes, one a line)."""
    head = b'{"%s":{\n' % table.encode()
    if not (raw.startswith(head) and raw.endswith(b"}\n}}\n")):
        return None
    lines, found = _LINE_KEY.subn(b"\n" + indent, raw[len(head) - 1 : -4])
    return lines[1:] if found == count else None


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # not possible on every platform (Windows); the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_file(path: Path, mode: int = FILE_MODE, *, sync_dir: bool = True) -> Iterator[BinaryIO]:
    """A file to write to `path` so that a reader or a crash sees the old file or the new one:
    a temp file beside it, flushed to disk and renamed over it once the body is done (removed if
    the body fails)."""
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    if sync_dir:
        _fsync_dir(directory)


def atomic_write_bytes(path: Path, payload: bytes, mode: int = FILE_MODE, *, sync_dir: bool = True) -> None:
    """Write `payload` to `path` so that a reader or a crash sees the old file or the new one."""
    with atomic_file(path, mode, sync_dir=sync_dir) as handle:
        handle.write(payload)


def keys_file(records_file: str) -> str:
    """The name of the file that holds the search keys of a month file's records."""
    return records_file[: -len(".json")] + _KEYS_SUFFIX


def export_order(doc: dict) -> tuple:
    """A stored record's place in a month file: oldest first, so that an export reads like a
    diary and two exports of the same data diff clean."""
    return (str(doc.get("date") or ""), str(doc.get("start") or ""), str(doc.get("created_at") or ""),
            str(doc.get("id") or ""))


def period_of(day: str) -> str:
    """The month (`YYYY-MM`) whose file holds an activity of this ISO date."""
    month = day[:7] if isinstance(day, str) else ""
    return month if _MONTH.match(month) else UNDATED


def _identity(info: os.stat_result) -> tuple:
    """What tells one main file from the next (an inode number alone is reused)."""
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)


def _month_bounds(period: str) -> tuple[str, str]:
    if not _MONTH.match(period):
        return "", "9999-99-99"
    return period + "-01", period + "-31"


def _in_range(period: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether the month may hold activities dated within [date_from, date_to]."""
    if not _MONTH.match(period):
        return True  # only a damaged record lands here; the date test then decides
    if date_from and period < date_from[:7]:
        return False
    if date_to and period > date_to[:7]:
        return False
    return True


def _outside(day: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether an activity of this date falls outside [date_from, date_to]."""
    return bool((date_from and day < date_from) or (date_to and day > date_to))


def _whole(period: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether every activity a month may hold is dated within [date_from, date_to]."""
    first, last = _month_bounds(period)
    return (not date_from or first >= date_from) and (not date_to or last <= date_to)


def _newest_first(period: str) -> tuple:
    return (bool(_MONTH.match(period)), period)


@dataclass
class HistoryEntry:
    seq: int
    at: str
    summary: str
    files: dict[str, str | None]  # data file name -> backup file name (None: did not exist)
    # the month files the backed-up main file names: kept while this entry is
    partitions: list[str] = field(default_factory=list)
    # the write number of the main file backed up: an entry recorded by a writer killed before
    # it made the backup is told by the main file still carrying this number
    main_seq: int | None = None

    def to_dict(self) -> dict:
        out = {"seq": self.seq, "at": self.at, "summary": self.summary, "files": self.files}
        if self.partitions:
            out["partitions"] = self.partitions
        if self.main_seq is not None:
            out["main_seq"] = self.main_seq
        return out


@dataclass
class PeriodInfo:
    """One month of the logbook as the index describes it."""

    period: str
    count: int
    file: str | None = None


class _Changed(Exception):
    """A month file named by the main file we read is gone because the logbook changed since."""


class _Main:
    """The parsed main file: its tables, and the index of months (or, for a schema 1 file, the
    activity records themselves grouped by month)."""

    def __init__(self, data: dict, identity: tuple | None = None) -> None:
        self.data = data
        self.identity = identity  # of the file read (`_identity`), to notice it was replaced
        self.legacy: dict[str, list[dict]] | None = None
        self.periods: dict[str, dict] = {}
        # What makes this main file disagree with its month files: a write is refused while
        # there is any, and `check --fix` reads the months back in (Store.repair).
        self.problems: list[str] = []
        if self.meta.get("schema_version", LEGACY_SCHEMA) != LEGACY_SCHEMA:
            if PERIODS not in data:
                self.problems.append("has no index of months (its periods table)")
            extra = data.get(ACTIVITIES)
            if extra:
                self.problems.append(
                    f"holds {len(extra)} activities in an activities table of its own, where a "
                    "logbook split by month keeps none (added with TinyDB or by hand?)"
                )
            entries = [d for d in (data.get(PERIODS) or {}).values() if isinstance(d, dict)]
            self.periods = {e["period"]: e for e in sorted(entries, key=lambda e: _newest_first(e["period"]))}
        else:
            self.legacy = {}
            for doc in (data.get(ACTIVITIES) or {}).values():
                day = doc.get("date", "") if isinstance(doc, dict) else ""
                self.legacy.setdefault(period_of(day), []).append(doc)
            self.legacy = dict(sorted(self.legacy.items(), key=lambda kv: _newest_first(kv[0])))

    def table(self, name: str) -> list:
        table = self.data.get(name) or {}
        return list(table.values()) if isinstance(table, dict) else []

    @property
    def meta(self) -> dict:
        docs = self.table(META)
        return dict(docs[0]) if docs and isinstance(docs[0], dict) else {}

    @property
    def seq(self) -> int:
        value = self.meta.get("seq")
        return value if isinstance(value, int) else 0

    def period_names(self) -> list[str]:
        """Every month that holds activities, oldest first."""
        return list(self.legacy) if self.legacy is not None else list(self.periods)

    def count(self, period: str) -> int:
        if self.legacy is not None:
            return len(self.legacy.get(period, ()))
        return int(self.periods[period].get("count", 0))

    def files(self) -> list[str]:
        """The month files and their keys files."""
        out = []
        for entry in self.periods.values():
            out += (entry["file"], keys_file(entry["file"]))
        return out

    def in_export_order(self) -> bool:
        """Whether every month file holds its records oldest first (as written since they are),
        so that the months one after another are in the order of an export."""
        return self.legacy is None and all(
            e.get("sorted") is True and _MONTH.match(p) for p, e in self.periods.items()
        )

    def periods_with_prefix(self, key: str) -> list[str]:
        """The months that may hold an activity whose id starts with `key`. The index keeps the
        first SHORT_ID characters of each id (main files written before kept all 32), so a month
        named here is read to know which of its ids match."""
        if self.legacy is not None:
            return [p for p, docs in self.legacy.items() if any(str(d.get("id", "")).startswith(key) for d in docs)]
        found = []
        for period, entry in self.periods.items():
            ids = entry.get("ids", "")
            width = ids.find(" ") if " " in ids else len(ids)
            if not width:
                continue
            part = key[:width]
            at = ids.find(part)
            while at != -1:
                if at % (width + 1) == 0:
                    found.append(period)
                    break
                at = ids.find(part, at + 1)
        return found


def _index_entry(period: str, file: str, docs: list[dict], crc: int | None = None, keys_crc: int | None = None) -> dict:
    """What the main file says about one month: its file, count, ids, the last day each
    community and street appears, and the checksums of the month file and its keys file as
    written (a file whose bytes no longer match was edited by hand: its records are each looked
    at before use, and its keys are not trusted)."""
    communities: dict[str, str] = {}
    streets: dict[str, str] = {}
    for doc in docs:
        day = doc.get("date") or ""
        for name in doc.get("communities") or ():
            if day > communities.get(name, ""):
                communities[name] = day
        street = doc.get("street")
        if street and day > streets.get(street, ""):
            streets[street] = day
    return {
        "period": period,
        "file": file,
        "count": len(docs),
        "ids": " ".join(doc["id"][:SHORT_ID] for doc in docs),
        "communities": communities,
        "streets": streets,
        "sorted": True,  # the file holds its records oldest first
        "crc": crc,
        "keys_crc": keys_crc,
    }


class Store:
    """A logbook. Reads need no lock (files are replaced atomically, month files never change);
    writes go through `transaction()`, which holds the lock from the fresh read to the commit."""

    def __init__(
        self,
        path: Path | None,
        *,
        readonly: bool = False,
        lock_timeout: float = 10.0,
        categories: Categories | None = None,
        data: dict | None = None,
        label: str | None = None,
        clock=None,
        on_warning: Callable[[str], None] | None = None,
    ) -> None:
        self.path = _resolve_path(path) if path is not None else None
        self.readonly = readonly or path is None
        self.lock_timeout = lock_timeout
        self.categories = categories or Categories.builtin()
        self.label = label or (str(self.path) if self.path else "the sample logbook")
        self._clock = clock
        self._preloaded = data
        self._main_state: _Main | None = None
        self._on_warning = on_warning
        self._warned: set[str] = set()
        # month files holding records that cannot be read: file name -> [(document id, record, why)]
        self.unreadable: dict[str, list[tuple[str, object, str]]] = {}
        self.tolerant = False  # read a main file that disagrees with its months (check)

    # -- locations -------------------------------------------------------------------------

    @property
    def backup_dir(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".backups")

    @property
    def lock_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".lock")

    @property
    def parts_dir(self) -> Path:
        """The folder of month files."""
        assert self.path is not None
        return self.path.with_name(self.path.name + ".d")

    def newest_backup(self) -> Path | None:
        if self.path is None or not self.backup_dir.is_dir():
            return None
        suffix = "-" + self.path.name
        backups = [
            (int(match.group(1)), p) for p in self.backup_dir.iterdir()
            if (match := _BACKUP_NAME.match(p.name)) and p.name.endswith(suffix)
        ]
        return max(backups)[1] if backups else None

    def data_files(self) -> list[Path]:
        """The files that make up the logbook as it is now: the main file and its month files."""
        if self.path is None or not self.path.exists():
            return []
        return [self.path] + [self.parts_dir / name for name in self._main().files()]

    # -- loading ---------------------------------------------------------------------------

    def _main(self) -> _Main:
        if self._main_state is None:
            if self._preloaded is not None:
                self._main_state = _Main(self._preloaded)
            else:
                self._main_state = self._read_main()
                if not self.tolerant:
                    self._refuse_problems(self._main_state)
        return self._main_state

    def _warn(self, message: str) -> None:
        """Say something once per command (through `on_warning`; kept silent without it)."""
        if message not in self._warned:
            self._warned.add(message)
            if self._on_warning is not None:
                self._on_warning(message)

    def _refuse_problems(self, main: _Main) -> None:
        if main.problems:
            raise DataFileError(
                f"{self.label} {main.problems[0]}, so it disagrees with its month files; it was "
                "left untouched. Run `logbook check --fix` to read the months back in"
            )

    def problems(self) -> list[str]:
        """How the main file disagrees with the month files on disk (for `check`)."""
        if self.path is None:
            return []
        tolerant, self.tolerant = self.tolerant, True
        try:
            return list(self._main().problems)
        finally:
            self.tolerant = tolerant

    def _forget(self) -> None:
        self._main_state = None

    def _damaged(self, what: str, path: Path | None = None) -> DataFileError:
        backup = self.newest_backup()
        hint = f"; the newest backup is {backup}" if backup else "; no backup was found"
        name = str(path) if path is not None else self.label
        return DataFileError(f"{name} {what}. It was left untouched{hint}")

    def _read_main(self) -> _Main:
        data, identity = self._read_file_with_identity()
        main = _Main(data, identity)
        if main.legacy is None:
            main.problems += self._unlisted_months(main)
        return main

    def _unlisted_months(self, main: _Main) -> list[str]:
        """Month files on disk that hold a month the index does not list, written by a write this
        main file came after, and named by no kept backup: months the index lost (a hand edit,
        or a program that rewrote the main file)."""
        try:
            names = os.listdir(self.parts_dir)
        except OSError:
            return []
        found: dict[str, str] = {}
        for name in names:
            seq = part_seq(name)
            if seq is None or seq > main.seq or name.endswith(_KEYS_SUFFIX):
                continue
            period = name.split(".", 1)[0]
            if period not in main.periods:
                found[name] = period
        if not found:
            return []
        try:
            named = self._named_by_backups(read_history(self.backup_dir, self.path.name))
        except HistoryProblem:
            return []  # without the history an old backup's month cannot be told from a lost one
        lost = sorted(name for name in found if name not in named)
        if not lost:
            return []
        months = sorted({found[n] for n in lost})
        return [f"does not list {'、'.join(months)}, which {self.parts_dir / lost[-1]} holds"]

    def _read_file(self) -> dict:
        return self._read_file_with_identity()[0]

    def _read_file_with_identity(self) -> tuple[dict, tuple | None]:
        assert self.path is not None
        path = self.path
        if path.is_symlink() and not path.exists():
            raise DataFileError(f"{path} is a symbolic link to a missing file")
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            return {}, None
        except IsADirectoryError:
            raise DataFileError(f"{path} is a directory, not a logbook file") from None
        except PermissionError:
            raise DataFileError(f"{path} cannot be read: permission denied") from None
        except OSError as err:
            raise DataFileError(f"{path} cannot be read: {err.strerror or err}") from None
        if not raw.strip():
            raise self._damaged("is empty, which a logbook never is")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as err:
            raise self._damaged(f"is not valid JSON ({err})") from None
        if not isinstance(data, dict):
            raise self._damaged("is not a logbook (expected a JSON object of tables)")
        self._check_meta(data)
        return data, _identity(info)

    def _check_meta(self, data: dict) -> None:
        problem = _meta_problem(data)
        if problem is None:
            return
        if problem.startswith("was written by a newer logbook"):
            version = data[META][next(iter(data[META]))]["schema_version"]
            raise DataFileError(
                f"{self.label} was written by a newer logbook (schema {version}; this program "
                f"reads up to {SCHEMA_VERSION}). Upgrade logbook; the file was left untouched"
            )
        raise self._damaged(problem)

    def _read_partition(self, main: _Main, period: str) -> list[dict]:
        """The activity records of one month, as stored. Parsed afresh at each call and owned by
        the caller, except those of a one-file logbook held in memory (see `_builder`)."""
        return self._load_partition(main, period)[0]

    def _load_partition(self, main: _Main, period: str) -> tuple[list[dict], bytes | None]:
        """The records of one month and the file's bytes (None for a one-file logbook, and for
        a month file edited by hand, whose records are each looked at: those that cannot be
        read are set aside in `unreadable` and named in a warning)."""
        if main.legacy is not None:
            return main.legacy.get(period, []), None
        entry = main.periods[period]
        name = entry["file"]
        found = self._read_part(main, name, ACTIVITIES, "a month of a logbook")
        if found is None:
            raise self._damaged(f"names the month file {name}, which is missing from {self.parts_dir}")
        rows, raw = found
        if entry.get("crc") is not None and entry["crc"] == zlib.crc32(raw):
            return list(rows.values()), raw  # as logbook wrote it
        return self._sift(name, rows), None

    def _sift(self, name: str, rows: dict) -> list[dict]:
        """The records of a month file that can be read, each as logbook writes it."""
        good: list[dict] = []
        bad: list[tuple[str, object, str]] = []
        for key, doc in rows.items():
            record, why = stored_record(doc, self.categories)
            if record is None:
                bad.append((str(key), doc, why or "unreadable"))
                continue
            if record is not doc and isinstance(doc.get(_SEARCH_KEY), str):
                record[_SEARCH_KEY] = doc[_SEARCH_KEY]  # a record of the layout before keys files
            good.append(record)
        if bad:
            self.unreadable[name] = bad
            listed = ", ".join(key for key, _, _ in bad[:10]) + ("…" if len(bad) > 10 else "")
            self._warn(
                f"{len(bad)} records of {self.parts_dir / name} cannot be read (documents {listed}) "
                "and were left as they are; `logbook check` says what is wrong with each"
            )
        return good

    def _read_part(self, main: _Main, name: str, table: str, what: str) -> tuple[dict, bytes] | None:
        """The documents of a file of the month folder (by document id) and its bytes; None if
        it is missing (_Changed if it went because the logbook changed since `main` was read)."""
        path = self.parts_dir / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            if main.identity is not None and self._replaced_since(main):
                raise _Changed() from None
            return None
        except OSError as err:
            raise DataFileError(f"{path} cannot be read: {err.strerror or err}") from None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as err:
            raise self._damaged(f"is not valid JSON ({err})", path) from None
        rows = data.get(table) if isinstance(data, dict) else None
        if not isinstance(rows, dict):
            raise self._damaged(f"is not {what} (expected a {table} table)", path)
        return rows, raw

    def _read_keys(self, main: _Main, period: str) -> list | None:
        """The search keys file of one month, as stored ({"id", "key"} in the records' order);
        None when the month has none (a one-file logbook, or month files written before keys
        had their own file), or when it is not as logbook wrote it (truncated, edited): then
        the records carry their keys, or are folded when searched."""
        if main.legacy is not None:
            return None
        entry = main.periods[period]
        try:
            found = self._read_part(main, keys_file(entry["file"]), SEARCH_KEYS, "a month's search keys")
        except DataFileError:
            return None  # keys are made from the records: a damaged keys file costs only time
        if found is None:
            return None
        rows, raw = found
        expected = entry.get("keys_crc")
        if expected is not None and expected != zlib.crc32(raw):
            return None
        keys = list(rows.values())
        if not all(isinstance(k, dict) and isinstance(k.get("id"), str) and isinstance(k.get("key"), str) for k in keys):
            return None
        return keys

    @staticmethod
    def _builder(main: _Main) -> Callable[[dict], Activity]:
        """How to make activities of `main`'s records: month files are parsed for each read, so
        their records' lists can go to the activities as they are; the records of a one-file
        logbook (or the sample) stay in memory and are copied."""
        return _activity_from_doc if main.legacy is not None else _activity_from_own_doc

    def _changed_error(self) -> DataFileError:
        """For a read that goes on month by month as its caller asks, and cannot start again."""
        return DataFileError(
            f"{self.label} changed while it was read (another logbook command wrote to it); run "
            "the command again"
        )

    def _replaced_since(self, main: _Main) -> bool:
        assert self.path is not None
        try:
            info = self.path.stat()
        except OSError:
            return True
        return _identity(info) != main.identity

    def _reading(self, read: Callable[[_Main], object]):
        """Run `read` on the logbook as it is; if it changed under the read (a month file it
        named was retired meanwhile), read the new one. Month files are never changed, only
        replaced by new ones, so a read that completes saw one consistent logbook."""
        for _ in range(5):
            main = self._main()
            try:
                return read(main)
            except _Changed:
                self._forget()
        raise DataFileError(f"{self.label} kept changing while it was read; run the command again")

    def _periods(self, main: _Main, date_from: str | None, date_to: str | None, newest_first: bool = False) -> list[str]:
        names = [p for p in main.period_names() if _in_range(p, date_from, date_to)]
        return names[::-1] if newest_first else names

    # -- reading ---------------------------------------------------------------------------

    def activities(self, *, date_from: str | None = None, date_to: str | None = None) -> list[Activity]:
        """Live activities, optionally within an inclusive ISO date range, month by month in file
        order. Reads only the months the range touches."""

        def read(main: _Main) -> list[Activity]:
            out = []
            build = self._builder(main)
            for period in self._periods(main, date_from, date_to):
                docs = self._read_partition(main, period)
                if _whole(period, date_from, date_to):
                    out += map(build, docs)  # the whole month is in the range
                    continue
                for doc in docs:
                    day = doc.get("date", "")
                    if _outside(day, date_from, date_to):
                        continue
                    out.append(build(doc))
            return out

        return self._reading(read)

    def iter_activities(
        self, *, date_from: str | None = None, date_to: str | None = None, newest_first: bool = False
    ) -> Iterator[Activity]:
        """Live activities within the range, one month at a time (oldest month first, or newest
        first), each month in file order: a caller that stops early reads no further months."""
        main = self._main()
        build = self._builder(main)
        for period in self._periods(main, date_from, date_to, newest_first):
            try:
                docs = self._read_partition(main, period)
            except _Changed:
                raise self._changed_error() from None
            for doc in docs:
                day = doc.get("date", "")
                if _outside(day, date_from, date_to):
                    continue
                yield build(doc)

    def newest(self, limit: int, *, date_from: str | None = None, date_to: str | None = None) -> tuple[list[Activity], int]:
        """The activities of the newest months in the range until `limit` of them are found
        (every activity of an older month is older, so these hold the `limit` newest), and how
        many the whole range holds: counted from the index, reading only the months the range
        cuts."""

        def read(main: _Main) -> tuple[list[Activity], int]:
            found: list[Activity] = []
            total = 0
            build = self._builder(main)
            for period in self._periods(main, date_from, date_to, newest_first=True):
                if len(found) >= limit and _whole(period, date_from, date_to):
                    total += main.count(period)
                    continue
                matched = [
                    build(doc)
                    for doc in self._read_partition(main, period)
                    if not _outside(doc.get("date", ""), date_from, date_to)
                ]
                total += len(matched)
                if len(found) < limit:
                    found += matched
            return found, total

        return self._reading(read)

    def search_keys(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        key_filter: Callable[[str], bool] | None = None,
    ) -> Iterator[tuple[Activity, str]]:
        """Activities with their precomputed search keys (computed when written), month by month;
        only the months the range touches are read, and none is kept once passed. With
        `key_filter`, a record whose stored key fails it is passed over before it is made into an
        activity, and a month none of whose keys passes is not read at all (a record without a
        stored key is always yielded, with the key "")."""
        main = self._main()
        build = self._builder(main)
        for period in self._periods(main, date_from, date_to):
            try:
                pairs = self._keyed_records(main, period, key_filter)
            except _Changed:
                raise self._changed_error() from None
            for doc, key in pairs:
                day = doc.get("date", "")
                if _outside(day, date_from, date_to):
                    continue
                yield build(doc), key

    def search_newest(
        self,
        limit: int,
        *,
        key_filter: Callable[[str], bool],
        accept: Callable[[Activity, str], bool],
        date_from: str | None = None,
        date_to: str | None = None,
        count_by_keys: bool = True,
    ) -> tuple[list[Activity], int]:
        """The newest matches of a search and how many there are in all: months are read newest
        first, and once `limit` matches are found an older month is only counted, from its keys
        alone (with `count_by_keys`: when a key that passes `key_filter` is a match). Every
        activity of an older month is older, so the matches returned hold the `limit` newest;
        `accept(activity, key)` decides a match."""

        def read(main: _Main) -> tuple[list[Activity], int]:
            found: list[Activity] = []
            total = 0
            build = self._builder(main)
            for period in self._periods(main, date_from, date_to, newest_first=True):
                whole = bool(_MONTH.match(period)) and _whole(period, date_from, date_to)
                if count_by_keys and whole and len(found) >= limit:
                    counted = self._count_keys(main, period, key_filter)
                    if counted is not None:
                        total += counted
                        continue
                for doc, key in self._keyed_records(main, period, key_filter):
                    day = doc.get("date", "")
                    if _outside(day, date_from, date_to):
                        continue
                    activity = build(doc)
                    if accept(activity, key):
                        total += 1
                        found.append(activity)
            return found, total

        return self._reading(read)

    def _count_keys(self, main: _Main, period: str, key_filter: Callable[[str], bool]) -> int | None:
        """How many of a month's stored keys pass `key_filter`; None when that needs the records
        (no keys file, or a record without a key)."""
        keys = self._read_keys(main, period)
        if keys is None:
            return None
        try:
            if not all(entry["key"] for entry in keys):
                return None
            return sum(1 for entry in keys if key_filter(entry["key"]))
        except (KeyError, TypeError):
            return None

    def _keyed_records(self, main: _Main, period: str, key_filter: Callable[[str], bool] | None) -> list[tuple[dict, str]]:
        """The records of one month whose key passes `key_filter` (or that have none), with
        their keys: from the month's keys file, reading its records only if one passes."""

        def passes(key: str) -> bool:  # a record without a key is folded when it is matched
            return not key or key_filter is None or key_filter(key)

        keys = self._read_keys(main, period)
        if keys is not None:
            try:
                wanted = [i for i, entry in enumerate(keys) if passes(entry["key"])]
            except (KeyError, TypeError):  # a keys file edited by hand: read the records' own way
                keys = None
            else:
                if not wanted:
                    return []
                docs = self._read_partition(main, period)
                if len(docs) == len(keys) and all(docs[i].get("id") == keys[i]["id"] for i in wanted):
                    return [(docs[i], keys[i]["key"]) for i in wanted]
                by_id = {e["id"]: e["key"] for e in keys if isinstance(e.get("id"), str)}
                pairs = [(doc, by_id.get(doc.get("id")) or "") for doc in docs]
                return [(d, k) for d, k in pairs if passes(k)]
        pairs = [(doc, doc.get(_SEARCH_KEY) or "") for doc in self._read_partition(main, period)]
        return [(d, k) for d, k in pairs if passes(k)]

    def records(
        self, *, date_from: str | None = None, date_to: str | None = None, indent: bytes | None = None
    ) -> Iterator[tuple[list[dict], bytes | None]]:
        """The stored records within the range as plain dicts (every field, no search key), a
        month at a time, each month oldest first (see `in_export_order`); the caller owns them.
        Not made into activities: for what writes every record out (export).

        With `indent`, each month comes with its records' JSON as the file holds them, one a
        line, each line starting with `indent`, "," and a newline between them: what an export
        of the whole month writes, copied rather than made again. None when the month is not
        whole in the range, or its file is not in that layout (written by hand, or before)."""
        main = self._main()
        for period in self._periods(main, date_from, date_to):
            try:
                docs, raw = self._load_partition(main, period)
            except _Changed:
                raise self._changed_error() from None
            lines = None
            if not _whole(period, date_from, date_to):
                docs = [
                    d for d in docs
                    if not _outside(d.get("date", ""), date_from, date_to)
                ]
            elif (indent is not None and raw is not None and b'"search_key":' not in raw
                    and sum(map(len, docs)) == len(FIELD_ORDER) * len(docs)):
                # every record as an export writes it: every field, no key; copy its line
                lines = _document_lines(raw, ACTIVITIES, indent, len(docs))
            if lines is None:
                docs = [
                    d if main.legacy is None and len(d) == len(FIELD_ORDER) and _SEARCH_KEY not in d
                    else _activity_from_doc(d).to_dict()
                    for d in docs
                ]
            yield docs, lines

    def in_export_order(self) -> bool:
        """Whether `records` yields the records in the order of an export (oldest first)."""
        return self._main().in_export_order()

    def activity_docs(self) -> list[dict]:
        """The stored activity records as plain dicts, not validated (for `check`)."""

        def read(main: _Main) -> list[dict]:
            return [
                {k: v for k, v in doc.items() if k != _SEARCH_KEY} if isinstance(doc, dict) else doc
                for period in main.period_names()
                for doc in self._read_partition(main, period)
            ]

        return self._reading(read)

    def count(self) -> int:
        main = self._main()
        return sum(main.count(p) for p in main.period_names())

    def periods(self) -> list[PeriodInfo]:
        """The months that hold activities, oldest first, with their counts (from the index)."""
        main = self._main()
        return [
            PeriodInfo(p, main.count(p), main.periods[p]["file"] if main.legacy is None else None)
            for p in main.period_names()
        ]

    def get(self, ref: str) -> Activity:
        """The activity whose id starts with `ref` (4+ hex characters): found in the index, read
        from its month's file alone."""
        key = _ref_key(ref)

        def read(main: _Main) -> Activity:
            build = self._builder(main)
            found = []
            for period in main.periods_with_prefix(key):
                found += [build(d) for d in self._read_partition(main, period) if str(d.get("id", "")).startswith(key)]
            return resolve_ref(ref, found)

        return self._reading(read)

    def last_dates(self, before: str) -> dict[str, str]:
        """For each community named by an activity dated before `before` (ISO date), the last such
        date. Whole months come from the index; only the month holding `before` is read."""

        def read(main: _Main) -> dict[str, str]:
            out: dict[str, str] = {}
            for period in main.period_names():
                first, _ = _month_bounds(period)
                if first >= before:
                    continue
                if main.legacy is None and _MONTH.match(period) and period < before[:7]:
                    pairs = main.periods[period].get("communities", {}).items()
                else:
                    pairs = [
                        (name, doc.get("date", ""))
                        for doc in self._read_partition(main, period)
                        if doc.get("date", "") < before
                        for name in doc.get("communities") or ()
                    ]
                for name, day in pairs:
                    if day > out.get(name, ""):
                        out[name] = day
            return out

        return self._reading(read)

    def names_in_use(self) -> tuple[list[str], list[str]]:
        """The community names and street names the activities use, from the index."""

        def read(main: _Main) -> tuple[list[str], list[str]]:
            communities: dict[str, None] = {}
            streets: dict[str, None] = {}
            if main.legacy is not None:
                for docs in main.legacy.values():
                    for doc in docs:
                        communities.update(dict.fromkeys(doc.get("communities") or ()))
                        if doc.get("street"):
                            streets[doc["street"]] = None
            else:
                for entry in main.periods.values():
                    communities.update(dict.fromkeys(entry.get("communities", {})))
                    streets.update(dict.fromkeys(entry.get("streets", {})))
            return list(communities), list(streets)

        return self._reading(read)

    def tombstones(self) -> list[dict]:
        return [dict(doc) for doc in self._main().table(DELETED)]

    def communities(self) -> list[Community]:
        return [Community.from_dict(doc) for doc in self._main().table(COMMUNITIES)]

    def meta(self) -> dict:
        return self._main().meta

    def history(self) -> list[HistoryEntry]:
        """The undo history ([] when there is none or it cannot be read)."""
        if self.path is None:
            return []
        try:
            return read_history(self.backup_dir, self.path.name)
        except HistoryProblem:
            return []

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self, summary: str = "change", *, repair: bool = False) -> Iterator["Transaction"]:
        """Hold the lock, read the logbook afresh, let the caller change it, commit it.

        Only the months the changes touch are read and written. If the body raises, nothing is
        written and the logbook stays as it was. A main file that disagrees with its month files
        is refused, unless `repair` (check --fix, which reads the months back in).
        """
        if self.readonly:
            raise ReadOnly(f"{self.label} is read-only; use --db to write to a logbook of your own")
        assert self.path is not None
        with self._lock():
            self._sweep_temp_files()
            for folder in (self.backup_dir, self.parts_dir):  # made by a version before, or a umask
                _private(folder, DIR_MODE)
            self._forget()  # another process may have written since we last read
            self._preloaded = None
            main = self._read_main()
            if not repair:
                self._refuse_problems(main)
            tx = Transaction(self, main, summary)
            try:
                yield tx
                if tx.changed:
                    self._commit(tx)
            finally:
                self._forget()

    @contextmanager
    def _lock(self):
        from filelock import FileLock, Timeout

        assert self.path is not None
        directory = self.path.parent
        try:
            make_private_dirs(directory)
        except OSError as err:
            raise DataFileError(f"cannot create the folder {directory}: {err.strerror or err}") from None
        if self.path.is_dir():
            raise DataFileError(f"{self.path} is a directory, not a logbook file")
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise LockTimeout(
                f"{self.label} is locked by another logbook process (waited {self.lock_timeout:g} s "
                f"for {self.lock_path}); try again when it has finished"
            ) from None
        except OSError as err:
            raise DataFileError(
                f"cannot lock {self.label}: {err.strerror or err} ({self.lock_path})"
            ) from None
        try:
            _private(self.lock_path, FILE_MODE)
            yield
        finally:
            lock.release()

    def _sweep_temp_files(self) -> None:
        """Temp files of writers killed mid-write; safe to remove while we hold the lock."""
        assert self.path is not None
        leftovers = list(self.path.parent.glob(f".{self.path.name}.*.tmp"))
        for folder in (self.backup_dir, self.parts_dir):
            if folder.is_dir():  # the history, copied backups and month files are written the same way
                leftovers += folder.glob(".*.tmp")
        for leftover in leftovers:
            try:
                leftover.unlink()
            except OSError:
                pass

    def _history_or_warn(self) -> list[HistoryEntry] | None:
        """The undo history for a write. One that cannot be read is moved aside (kept, never
        deleted) and a new one starts with this change; one that belongs to another user is
        left alone, and then the write goes on unrecorded and nothing is pruned (None)."""
        assert self.path is not None
        path = self.backup_dir / "history.json"
        try:
            return read_history(self.backup_dir, self.path.name)
        except HistoryProblem as problem:
            foreign = "another user" in str(problem)
            if not foreign:
                aside = _free_name(path.with_name("history.damaged.json"))
                try:
                    os.replace(path, aside)
                except OSError:
                    foreign = True
            if foreign:
                self._warn(
                    f"the undo history {path} {problem}, so it was left alone: this change cannot "
                    "be undone and no backup is pruned"
                )
                return None
            self._warn(
                f"the undo history {path} {problem}; it was kept as {aside}, and a new history "
                "starts with this change (older changes cannot be undone)"
            )
            return []

    def _commit(self, tx: "Transaction") -> None:
        """Write the months the transaction touched under new names, then the main file that
        names them (the commit point); then retire what no kept main file names."""
        assert self.path is not None
        main = tx.main
        seq = max(main.seq, self._highest_seq()) + 1
        periods = tx.base_periods()
        touched = tx.touched()
        written: list[Path] = []
        backup: str | None = None
        history = self._history_or_warn()
        recorded = False
        released: set[str] = set()
        try:
            if touched:
                make_private_dirs(self.parts_dir)
            for period in sorted(touched):
                docs = tx.docs_of(period)
                broken = tx.broken_of(period)
                if not docs and not broken:
                    periods.pop(period, None)
                    continue
                name = f"{period}.{seq:06d}.json"
                keys = tx.keys_of(period, docs)
                crcs = []
                for file, table, rows in ((name, ACTIVITIES, docs + broken), (keys_file(name), SEARCH_KEYS, keys)):
                    target = self.parts_dir / file
                    payload = _table_bytes(table, rows)
                    written.append(target)
                    atomic_write_bytes(target, payload, sync_dir=False)
                    crcs.append(zlib.crc32(payload))
                # a month holding records logbook cannot read is looked at record by record
                periods[period] = _index_entry(period, name, docs, None if broken else crcs[0], crcs[1])
            if written:
                _fsync_dir(self.parts_dir)
            payload = _dumps(tx.main_tables(periods, seq))
            current = {n for e in periods.values() for n in (e["file"], keys_file(e["file"]))}
            if history is not None:
                history = self._settled_history(history)
                backup = self._backup_name(history)
                # The undo entry is recorded first, then the backup made, then the main file
                # replaced: a writer killed in between leaves an entry whose backup is missing
                # while the main file still carries the number it names, or whose backup is still
                # the live file; either is dropped as a change that never happened
                # (`_settled_history`). Recorded after, a kill would leave a change undo cannot
                # name, and a backup nothing records.
                history, released = self._record_history(
                    history, tx.summary, backup, main.files(), current, main.seq
                )
                recorded = True
                if backup:
                    self._make_backup(backup)
            atomic_write_bytes(self.path, payload)
        except OSError as err:
            for path in written:
                try:
                    path.unlink()
                except OSError:
                    pass
            if recorded:
                try:
                    kept = self._settled_history(read_history(self.backup_dir, self.path.name))
                    if backup and not any(backup in e.files.values() for e in kept):
                        (self.backup_dir / backup).unlink()
                except (OSError, HistoryProblem):
                    pass
            reason = "the disk is full" if err.errno == errno.ENOSPC else (err.strerror or str(err))
            raise DataFileError(
                f"cannot write {self.label}: {reason}. The logbook was left as it was"
            ) from None
        if history is None:
            return  # without a history nothing can tell what the backups still need
        try:
            self._retire_partitions(current, history, main.seq, released, periods, tx.tombstones())
        except OSError:
            pass  # retired month files only take space; the next write tries again

    def _highest_seq(self) -> int:
        """The highest write number a month file carries: a new write numbers its files above
        every file still there (those of a change undone included), so a name is never reused
        and a reader holding an older main file never reads a different file under its name."""
        highest = 0
        if self.path is not None and self.parts_dir.is_dir():
            for name in os.listdir(self.parts_dir):
                seq = part_seq(name)
                if seq is not None:
                    highest = max(highest, seq)
        return highest

    def _backup_name(self, history: list[HistoryEntry]) -> str | None:
        """The name the backup of the main file about to be replaced will have (None when there
        is no main file yet)."""
        assert self.path is not None
        if not self.path.exists():
            return None
        seq = (history[-1].seq + 1) if history else 1
        return f"{seq:06d}-{self.path.name}"

    def _make_backup(self, name: str) -> None:
        """Keep the main file about to be replaced. A hard link costs nothing: the old file is
        never modified in place, only replaced."""
        assert self.path is not None
        make_private_dirs(self.backup_dir)
        target = self.backup_dir / name
        if target.exists():  # left by a writer killed before it recorded it
            target.unlink()
        try:
            os.link(self.path, target)
        except OSError:  # file systems without hard links (FAT on a USB stick)
            atomic_write_bytes(target, self.path.read_bytes())

    def _record_history(
        self, history: list[HistoryEntry], summary: str, backup: str | None, partitions: list[str],
        current: set[str], main_seq: int,
    ) -> tuple[list[HistoryEntry], set[str]]:
        """Add the entry of this change, prune the history to its bounds, write it; return the
        kept history and the month files that only the pruned entries named."""
        from .dates import now_utc_iso

        assert self.path is not None
        seq = (history[-1].seq + 1) if history else 1
        if backup:  # the backup's number wins if it ran ahead
            seq = max(seq, int(backup.split("-", 1)[0]))
        entry = HistoryEntry(seq, now_utc_iso(), summary, {self.path.name: backup}, list(partitions), main_seq)
        history = [*history, entry]
        make_private_dirs(self.backup_dir)
        kept, dropped = _prune(self.backup_dir, history, self._partition_sizes(current))
        _write_history(self.backup_dir, kept)
        still = {n for e in kept for n in e.partitions}
        released = {n for e in dropped for n in e.partitions} - still - current
        return kept, released

    def _partition_sizes(self, current: set[str]) -> Callable[[list[str]], int]:
        """Bytes that month files named only by kept backups take (for the history's bound);
        `current` are those the new main file names."""
        sizes: dict[str, int] = {}
        if self.path is not None and self.parts_dir.is_dir():
            for item in os.scandir(self.parts_dir):
                try:
                    sizes[item.name] = item.stat().st_size
                except OSError:
                    pass

        def size(names: list[str]) -> int:
            return sum(sizes.get(n, 0) for n in set(names) - current)

        return size

    def _named_by_backups(self, history: list[HistoryEntry]) -> set[str]:
        """The month files a kept main file names: each history entry's, and those of backups
        copied in by hand (not in the history)."""
        named = {n for e in history for n in e.partitions}
        recorded = {n for e in history for n in e.files.values() if n}
        if self.backup_dir.is_dir():
            for item in self.backup_dir.iterdir():
                if _BACKUP_NAME.match(item.name) and item.name not in recorded:
                    try:
                        named.update(_Main(orjson.loads(item.read_bytes())).files())
                    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
                        pass
        return named

    def _retire_partitions(
        self, current: set[str], history: list[HistoryEntry], read_seq: int, released: set[str],
        periods: dict[str, dict], tombstones: dict[str, str],
    ) -> None:
        """Remove the month files the store wrote that nothing needs any more: those of a change
        undone or of a writer killed before its commit (numbered above the main file this write
        read), those only pruned history entries named, and older ones every record of which is
        in the logbook as it is now. A file the store did not write, or one holding a record the
        logbook no longer has, is never removed. Under the lock, after a commit; a reader still
        holding an older main file re-reads (see `_reading`)."""
        assert self.path is not None
        folder = self.parts_dir
        if not folder.is_dir():
            return
        live = set(current) | self._named_by_backups(history)
        remaining = 0
        for item in folder.iterdir():
            seq = part_seq(item.name)
            if seq is None or item.name in live:
                remaining += 1
                continue
            if seq > read_seq or item.name in released or self._superseded(item, periods, tombstones):
                try:
                    item.unlink()
                    continue
                except OSError:
                    pass
            remaining += 1
        if not remaining:  # a logbook back in one file (the split undone, then written)
            try:
                folder.rmdir()
            except OSError:
                pass

    @staticmethod
    def _superseded(path: Path, periods: dict[str, dict], tombstones: dict[str, str]) -> bool:
        """Whether every record of an old month file is in the logbook now (or was deleted): its
        keys file goes with it."""
        if path.name.endswith(_KEYS_SUFFIX):
            return not path.with_name(path.name[: -len(_KEYS_SUFFIX)] + ".json").exists()
        try:
            rows = orjson.loads(path.read_bytes()).get(ACTIVITIES)
        except (OSError, orjson.JSONDecodeError, AttributeError):
            return False
        if not isinstance(rows, dict):
            return False
        short = {i for e in periods.values() for i in e.get("ids", "").split()}
        for doc in rows.values():
            ident = doc.get("id") if isinstance(doc, dict) else None
            if not isinstance(ident, str) or (ident[:SHORT_ID] not in short and ident not in tombstones):
                return False
        return True

    def _complete(self, entry: HistoryEntry) -> bool:
        """Whether every backup the entry names is still kept (an undo moves them back), and every
        month file its main file names."""
        return not self._missing(entry)

    def _missing(self, entry: HistoryEntry) -> list[str]:
        """The backups and month files an undo of `entry` needs that are not there."""
        missing = [name for name in entry.files.values() if name and not (self.backup_dir / name).exists()]
        return missing + [name for name in entry.partitions if not (self.parts_dir / name).exists()]

    def _landed(self, entry: HistoryEntry) -> bool:
        """Whether the change an entry records reached the data files. A writer killed (or failing)
        after recording the entry but before replacing the file leaves the backup and the live
        file the same file (a hard link), or the file it was to create still missing."""
        assert self.path is not None
        for data_name, backup_name in entry.files.items():
            target = self.path.with_name(data_name)
            if backup_name is None:
                if target.exists():
                    return True
                continue
            try:
                if not os.path.samefile(target, self.backup_dir / backup_name):
                    return True
            except OSError:
                return True
        return False

    def _live_seq(self) -> int | None:
        """The write number the main file carries now."""
        assert self.path is not None
        try:
            return _Main(orjson.loads(self.path.read_bytes())).seq
        except (OSError, orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
            return None

    def _settled_history(self, history: list[HistoryEntry]) -> list[HistoryEntry]:
        """The history without trailing entries of changes that never landed (a writer killed
        after recording its entry, or an undo killed after putting the backup back: either way
        the backup is the live file); called under the lock, rewritten only if one was dropped."""
        kept = list(history)
        while kept:
            last = kept[-1]
            if self._complete(last) and not self._landed(last):
                for name in last.files.values():  # a second name of the live file
                    if name:
                        try:
                            (self.backup_dir / name).unlink()
                        except OSError:
                            pass
            elif not (last.main_seq is not None and self._missing(last) == [n for n in last.files.values() if n]
                      and self._missing(last) and self._live_seq() == last.main_seq):
                break
            kept.pop()
        if kept != history:
            _write_history(self.backup_dir, kept)
        return kept

    def undo(self) -> HistoryEntry:
        """Put back the main file as it was before the most recent change (the month files it
        names were kept with it); return what the change was. Refuses, changing nothing, when
        that change cannot be put back whole: it never reverts an older one instead."""
        if self.readonly:
            raise ReadOnly(f"{self.label} is read-only; there is nothing to undo")
        assert self.path is not None
        untouched = "The logbook was left as it was"
        with self._lock():
            # A damaged file, or one a newer logbook wrote, is never replaced, not even by undo.
            self._read_file()
            backups = self.backup_dir
            try:
                history = read_history(backups, self.path.name)
            except HistoryProblem as problem:
                raise DataFileError(
                    f"cannot undo: the undo history {backups / 'history.json'} {problem}. {untouched}"
                ) from None
            history = self._settled_history(history)
            if not history:
                raise NotFound("nothing to undo: the kept history is empty")
            entry = history[-1]
            missing = self._missing(entry)
            if missing:
                where = ", ".join(
                    str((backups if _BACKUP_NAME.match(n) else self.parts_dir) / n) for n in missing
                )
                raise DataFileError(
                    f"cannot undo {entry.summary!r}: it needs {where}, which is missing. {untouched}"
                )
            for backup_name in entry.files.values():
                if backup_name:
                    self._check_backup(backups / backup_name, untouched)
            linked: list[Path] = []
            try:
                for data_name, backup_name in entry.files.items():
                    target = self.path.with_name(data_name)
                    if backup_name is None:
                        try:
                            target.unlink()
                        except FileNotFoundError:
                            pass
                    elif _put_back(backups / backup_name, target):
                        linked.append(backups / backup_name)
            except OSError as err:
                raise DataFileError(f"cannot undo in {self.label}: {err.strerror or err}. {untouched}") from None
            _fsync_dir(self.path.parent)
            # Killed before the history is written, the entry's backup is the live file, or is
            # gone while the live file carries the number the entry names: either way the next
            # command drops the entry as a change that is not there (`_settled_history`), so an
            # undo is never done twice.
            try:
                for path in linked:
                    path.unlink()
                _write_history(backups, history[:-1])
            except OSError:
                pass
            # The month files of the change undone stay until the next write retires them: a
            # reader may still hold the main file that named them.
            self._forget()
            return entry

    def _check_backup(self, path: Path, untouched: str) -> None:
        """Refuse (DataFileError) a backup that is not a logbook main file of ours whose month
        files are all there, before anything is moved."""
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                problem = "is not a file"
            elif _owned_by_someone_else(info):
                problem = f"is owned by another user (uid {info.st_uid})"
            else:
                problem = None
                data = orjson.loads(path.read_bytes())
        except OSError as err:
            problem = f"cannot be read ({err.strerror or err})"
        except orjson.JSONDecodeError:
            problem = "is not valid JSON"
        if problem is None:
            problem = _meta_problem(data, required=True)
        if problem is None:
            main = _Main(data)
            gone = [n for n in main.files() if not (self.parts_dir / n).exists()]
            if main.problems:
                problem = main.problems[0]
            elif gone:
                problem = f"names month files that are missing ({', '.join(gone[:3])})"
        if problem is not None:
            raise DataFileError(f"cannot undo: the backup {path} {problem}. {untouched}")


class Transaction:
    """The changes of one command, applied to the freshly read logbook and written once.

    Months are read when first needed: `add` reads the month of the new activity, `get` and
    `by_id` the month the index names, `activities()` every month."""

    def __init__(self, store: Store, main: _Main, summary: str) -> None:
        self.store = store
        self.main = main
        self.summary = summary
        self.changed = False
        # loaded months: id -> stored record (unchanged) or Activity (added or changed here)
        self._months: dict[str, dict[str, dict | Activity]] = {}
        self._objects: dict[str, Activity] = {}  # records read back, each built once
        self._where: dict[str, str | None] = {}  # month of every id this transaction moved
        self.dirty: set[str] = set()
        self._tombstones: dict[str, str] = {
            doc["id"]: doc["deleted_at"] for doc in main.table(DELETED) if isinstance(doc, dict)
        }
        self._revived: set[str] = set()
        self._communities: list[Community] | None = None
        self._broken: dict[str, list] = {}
        self._rebuilt = False

    # -- months ------------------------------------------------------------------------------

    def _month(self, period: str) -> dict[str, dict | Activity]:
        month = self._months.get(period)
        if month is None:
            month = {}
            kept: list = []
            if period in self.main.period_names():
                for doc in self.store._read_partition(self.main, period):
                    if doc["id"] in month:  # the same id twice in a file edited by hand
                        kept.append(doc)
                    else:
                        month[doc["id"]] = doc
                if self.main.legacy is None:
                    name = self.main.periods[period]["file"]
                    kept += [doc for _, doc, _ in self.store.unreadable.get(name, ())]
            self._months[period] = month
            self._broken[period] = kept
        return month

    def broken_of(self, period: str) -> list:
        """The stored documents of a month that cannot be read as activities (or repeat an id
        the month already holds): written back as they were, after the others."""
        self._month(period)
        return list(self._broken.get(period, ()))

    def base_periods(self) -> dict[str, dict]:
        """The index entries of the months as read (none for a one-file logbook, or when every
        month is written afresh)."""
        return dict(self.main.periods) if self.main.legacy is None and not self._rebuilt else {}

    def replace_all(self, records: list[dict], unreadable: list) -> None:
        """Make the logbook hold exactly these records (and these documents that cannot be
        read, kept as they are), every month written afresh and indexed again: for `check
        --fix` when the index lost months."""
        self._rebuilt = True
        self._months = {p: {} for p in self.main.period_names()}
        self._broken = {p: [] for p in self.main.period_names()}
        self._where = {}
        for doc in records:
            period = period_of(doc["date"])
            self._months.setdefault(period, {})[doc["id"]] = doc
            self._broken.setdefault(period, [])
            self._where[doc["id"]] = period
        for doc in unreadable:
            period = period_of(doc.get("date") if isinstance(doc, dict) else "")
            self._months.setdefault(period, {})
            self._broken.setdefault(period, []).append(doc)
        self.dirty |= set(self._months)
        self.changed = True

    def keep_newest(self, activity_id: str) -> int:
        """Keep one copy of an activity stored in several months (or twice in one): the newest
        (a later `updated_at`; the later month on a tie). Returns how many copies went."""
        copies: list[tuple[str, dict]] = []
        for period in self.main.period_names():
            item = self._month(period).get(activity_id)
            if item is not None:
                copies.append((period, item if isinstance(item, dict) else item.to_dict()))
            copies += [(period, d) for d in self._broken.get(period, ())
                       if isinstance(d, dict) and d.get("id") == activity_id]
        if len(copies) < 2:
            return 0
        keep_period, keep = max(copies, key=lambda c: (str(c[1].get("updated_at")), c[0]))
        for period, _ in copies:
            self._month(period).pop(activity_id, None)
            self._broken[period] = [d for d in self._broken.get(period, ())
                                    if not (isinstance(d, dict) and d.get("id") == activity_id)]
            self.dirty.add(period)
        self._month(keep_period)[activity_id] = keep
        self._where[activity_id] = keep_period
        self._objects.pop(activity_id, None)
        self.changed = True
        return len(copies) - 1

    def touched(self) -> set[str]:
        """The months to write: those changed, and every month of a one-file logbook (its first
        write splits it)."""
        return set(self.dirty) | (set(self.main.legacy) if self.main.legacy is not None else set())

    def rewrite(self, period: str) -> None:
        """Write a month again as it is (its keys made again): for `check --fix`."""
        self._month(period)
        self.dirty.add(period)
        self.changed = True

    def _period_holding(self, activity_id: str) -> str | None:
        if activity_id in self._where:
            return self._where[activity_id]
        for period in self.main.periods_with_prefix(activity_id):
            if activity_id in self._month(period):
                return period
        return None

    def _object(self, item: dict | Activity) -> Activity:
        if isinstance(item, Activity):
            return item
        built = self._objects.get(item["id"])
        if built is None:
            built = self._objects[item["id"]] = _activity_from_doc(item)
        return built

    def docs_of(self, period: str) -> list[dict]:
        """The records of a month as they are to be written: every field, no search key, oldest
        first."""
        docs = []
        for item in self._month(period).values():
            if isinstance(item, Activity):
                docs.append(item.to_dict())
            elif _SEARCH_KEY in item:  # read from a file written before keys had their own
                docs.append({k: v for k, v in item.items() if k != _SEARCH_KEY})
            else:
                docs.append(item)
        docs.sort(key=export_order)
        return docs

    def keys_of(self, period: str, docs: list[dict]) -> list[dict]:
        """The search keys of a month's records (`docs_of`), in their order: kept from the
        month's keys file (or the record) where the record is unchanged, computed for the rest."""
        month = self._month(period)
        known: dict[str, str] = {}
        if self.main.legacy is None and period in self.main.periods:
            for entry in self.store._read_keys(self.main, period) or ():
                if isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get("key"), str):
                    known[entry["id"]] = entry["key"]
        out = []
        for doc in docs:
            item = month.get(doc["id"])
            key = None
            if isinstance(item, dict):
                key = known.get(doc["id"]) or item.get(_SEARCH_KEY)
            if not isinstance(key, str) or not key:
                key = _search_key_of(self._object(item) if item is not None else _activity_from_doc(doc))
            out.append({"id": doc["id"], "key": key})
        return out

    def main_tables(self, periods: dict[str, dict], seq: int) -> dict:
        """The main file's tables after this transaction."""
        from .dates import now_utc_iso

        meta = self.main.meta
        meta.setdefault("created_at", now_utc_iso())
        meta["schema_version"] = SCHEMA_VERSION
        meta["seq"] = seq
        communities = (
            [c.to_dict() for c in self._communities]
            if self._communities is not None
            else self.main.table(COMMUNITIES)
        )
        tombstones = {i: at for i, at in self._tombstones.items() if i not in self._revived}
        ordered = sorted(periods.values(), key=lambda e: _newest_first(e["period"]))
        tables = {
            META: {"1": meta},
            COMMUNITIES: {str(i): c for i, c in enumerate(communities, 1)},
            DELETED: {str(i): {"id": k, "deleted_at": v} for i, (k, v) in enumerate(tombstones.items(), 1)},
            PERIODS: {str(i): e for i, e in enumerate(ordered, 1)},
        }
        for name, table in self.main.data.items():  # tables of a later version, kept as they are
            if name not in tables and name != ACTIVITIES:
                tables[name] = table
        return tables

    # -- reading inside the transaction sees its own changes -----------------------------------

    def activities(self) -> list[Activity]:
        periods = list(dict.fromkeys([*self.main.period_names(), *self._months]))
        return [self._object(item) for period in periods for item in self._month(period).values()]

    def get(self, ref: str) -> Activity:
        key = _ref_key(ref)
        candidates: dict[str, str] = {}
        for period in self.main.periods_with_prefix(key):
            for activity_id in self._month(period):
                if activity_id.startswith(key):
                    candidates[activity_id] = period
        for activity_id, period in self._where.items():
            if activity_id.startswith(key):
                candidates[activity_id] = period  # type: ignore[assignment]
        found = [a for a in (self.by_id(i) for i, p in candidates.items() if p is not None) if a is not None]
        return resolve_ref(ref, found)

    def by_id(self, activity_id: str) -> Activity | None:
        period = self._period_holding(activity_id)
        if period is None:
            return None
        item = self._month(period).get(activity_id)
        return self._object(item) if item is not None else None

    def tombstone(self, activity_id: str) -> str | None:
        return self._tombstones.get(activity_id)

    def tombstones(self) -> dict[str, str]:
        return dict(self._tombstones)

    def communities(self) -> list[Community]:
        if self._communities is None:
            self._communities = [Community.from_dict(doc) for doc in self.main.table(COMMUNITIES)]
        return list(self._communities)

    # -- changing --------------------------------------------------------------------------------

    def add(self, activity: Activity) -> None:
        if self._period_holding(activity.id) is not None:
            raise UsageError(f"an activity with id {activity.id} already exists")
        period = period_of(activity.date)
        self._month(period)[activity.id] = activity
        self._where[activity.id] = period
        self.dirty.add(period)
        self._tombstones.pop(activity.id, None)
        self._revived.add(activity.id)
        self.changed = True

    def update(self, activity: Activity) -> None:
        old = self._period_holding(activity.id)
        if old is None or activity.id not in self._month(old):
            raise NotFound(f"no activity with id {activity.id}")
        new = period_of(activity.date)
        if new != old:
            del self._month(old)[activity.id]
            self.dirty.add(old)
        self._month(new)[activity.id] = activity
        self._where[activity.id] = new
        self.dirty.add(new)
        self._revived.add(activity.id)
        self.changed = True

    def delete(self, activity_id: str, deleted_at: str) -> None:
        """Remove an activity and leave a tombstone so the deletion travels in exports."""
        period = self._period_holding(activity_id)
        if period is not None and self._month(period).pop(activity_id, None) is not None:
            self.dirty.add(period)
        self._where[activity_id] = None
        self._objects.pop(activity_id, None)
        self._revived.discard(activity_id)
        self._tombstones.pop(activity_id, None)  # a deletion again moves to the end, as it is new
        self._tombstones[activity_id] = deleted_at
        self.changed = True

    def set_communities(self, communities: list[Community]) -> None:
        self._communities = list(communities)
        self.changed = True


def _ref_key(ref: str) -> str:
    key = ref.strip().lower()
    if len(key) < MIN_PREFIX or any(c not in "0123456789abcdef" for c in key):
        raise UsageError(
            f"invalid id {ref!r}: expected {MIN_PREFIX} or more hex characters of an activity id"
        )
    return key


def resolve_ref(ref: str, activities: Iterable[Activity]) -> Activity:
    """The one activity whose id starts with `ref`; AmbiguousId lists the candidates."""
    key = _ref_key(ref)
    found = [a for a in activities if a.id.startswith(key)]
    if not found:
        raise NotFound(f"no activity with id {ref!r}")
    if len(found) > 1:
        listing = ", ".join(f"{a.id[:12]} ({a.date} {a.title[:20]})" for a in found[:10])
        raise AmbiguousId(f"id {ref!r} matches {len(found)} activities: {listing}")
    return found[0]


# Stored records were validated when written, and rebuilding them must stay cheap: the fields
# taken in Activity's order and passed by position cost ~2 µs a record, by name ~25 µs.
_IN_ORDER = itemgetter(*(f.name for f in fields(Activity)))


def _activity_from_own_doc(doc: dict) -> Activity:
    """An activity from a stored record nobody else holds: the record, holding every field and
    nothing else (as written), becomes the activity's own attributes (~0.5 µs, where building
    it field by field costs ~2 µs: a whole-history report makes 100,000)."""
    if doc.keys() == _ACTIVITY_FIELDS:
        activity = _new_activity(Activity)
        activity.__dict__ = doc
        return activity
    try:
        return Activity(*_IN_ORDER(doc))
    except KeyError:  # a record short of a field (written by hand): the long way
        return _activity_from_doc(doc)


_new_activity = object.__new__


def activity_of_record(record: dict) -> Activity:
    """An activity to look at (not to keep or change) of a record `Store.records` gave."""
    return _activity_from_own_doc(record)


def _activity_from_doc(doc: dict) -> Activity:
    """An activity from a stored record that stays in use: its lists are copied."""
    try:
        activity = Activity(*_IN_ORDER(doc))
    except KeyError:
        return Activity(**{k: (list(v) if isinstance(v, list) else v) for k, v in doc.items() if k in _ACTIVITY_FIELDS})
    for name in LIST_FIELDS:
        value = getattr(activity, name)
        if isinstance(value, list):
            setattr(activity, name, list(value))
    return activity


def _search_key_of(activity: Activity) -> str:
    from .textnorm import search_key

    return search_key(activity.search_fields())


def _doc_from_activity(activity: Activity) -> dict:
    """A record with its search key beside it: the one-file layout (schema 1, and the sample)."""
    doc = activity.to_dict()
    doc[_SEARCH_KEY] = _search_key_of(activity)
    return doc


def _resolve_path(path: Path) -> Path:
    path = Path(path)
    # Writing through a symlink would replace the link with a file; write to its target.
    if path.is_symlink() and path.exists():
        return Path(os.path.realpath(path))
    return path


_PLAIN_NAME = re.compile(r"^[^/\\\x00]+$")
_BACKUP_NAME = re.compile(r"^(\d{6})-[^/\\\x00]+$")
_PART_NAME = re.compile(r"^(\d{4}-\d{2}|" + UNDATED + r")\.(\d{6,})(\.keys)?\.json$")


def part_seq(name: str) -> int | None:
    """The write number of a file of the month folder the store wrote (`2025-03.000042.json` or
    its keys file); None for any other name, which the store never deletes."""
    match = _PART_NAME.match(name)
    return int(match.group(2)) if match else None


def _is_plain(name) -> bool:
    return isinstance(name, str) and bool(_PLAIN_NAME.match(name)) and name not in (".", "..")


class HistoryProblem(Exception):
    """history.json cannot be used: its message says why (a phrase: "is not valid JSON")."""


def _owned_by_someone_else(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is not None and info.st_uid != getuid()


def _entry_of(item, main_name: str) -> HistoryEntry:
    if not isinstance(item, dict):
        raise HistoryProblem("holds an entry that is not an object")
    seq, at, summary, files = item.get("seq"), item.get("at"), item.get("summary"), item.get("files")
    partitions = item.get("partitions", [])
    if not (isinstance(seq, int) and not isinstance(seq, bool) and isinstance(at, str) and isinstance(summary, str)):
        raise HistoryProblem("holds an entry without its number, time or summary")
    if not isinstance(files, dict) or not files:
        raise HistoryProblem(f"holds an entry ({summary!r}) whose files are {files!r}, not file names")
    for data_name, backup in files.items():
        if data_name != main_name:
            raise HistoryProblem(
                f"names {data_name!r} as the file to restore, which is not this logbook's main file ({main_name})"
            )
        if backup is not None and not (_is_plain(backup) and _BACKUP_NAME.match(backup)):
            raise HistoryProblem(f"names {backup!r} as a backup, which is not a file of its backups folder")
    if not (isinstance(partitions, list) and all(isinstance(n, str) and _PART_NAME.match(n) for n in partitions)):
        raise HistoryProblem(f"holds an entry ({summary!r}) whose month files are not month file names")
    main_seq = item.get("main_seq")
    if main_seq is not None and (not isinstance(main_seq, int) or isinstance(main_seq, bool)):
        raise HistoryProblem(f"holds an entry ({summary!r}) whose main_seq is not a number")
    return HistoryEntry(seq, at, summary, dict(files), list(partitions), main_seq)


def read_history(backups: Path, main_name: str) -> list[HistoryEntry]:
    """The undo history; [] when there is none. HistoryProblem when history.json is there but
    cannot be trusted: unreadable, malformed, naming files outside the backups folder, or not
    the user's own."""
    path = backups / "history.json"
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise HistoryProblem("is not a file")
            if _owned_by_someone_else(info):
                raise HistoryProblem(f"is owned by another user (uid {info.st_uid})")
            raw = handle.read()
    except FileNotFoundError:
        return []
    except IsADirectoryError:
        raise HistoryProblem("is a folder, not a file") from None
    except OSError as err:
        raise HistoryProblem(f"cannot be read ({err.strerror or err})") from None
    try:
        items = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise HistoryProblem("is not valid JSON") from None
    if not isinstance(items, list):
        raise HistoryProblem("is not a list of changes")
    return [_entry_of(item, main_name) for item in items]


def _write_history(backups: Path, history: list[HistoryEntry]) -> None:
    atomic_write_bytes(backups / "history.json", _dumps([h.to_dict() for h in history]))


def _prune(
    backups: Path, history: list[HistoryEntry], partition_bytes: Callable[[list[str]], int] | None = None
) -> tuple[list[HistoryEntry], list[HistoryEntry]]:
    """Keep the history bounded in count and in bytes (backups, and the month files only they
    name); delete the backups of the entries let go. Returns the kept and the dropped entries.
    Only backups the history recorded are deleted: anything else in the folder stays."""
    dropped = history[:-HISTORY_MAX_ENTRIES] if len(history) > HISTORY_MAX_ENTRIES else []
    history = history[-HISTORY_MAX_ENTRIES:]

    def size(entry: HistoryEntry) -> int:
        total = 0
        for name in entry.files.values():
            if name:
                try:
                    total += (backups / name).stat().st_size
                except OSError:
                    pass
        return total

    def kept_bytes() -> int:
        total = sum(sizes)
        if partition_bytes is not None:
            total += partition_bytes([n for e in history for n in e.partitions])
        return total

    sizes = [size(e) for e in history]
    while len(history) > 1 and kept_bytes() > HISTORY_MAX_BYTES:
        dropped.append(history.pop(0))
        sizes.pop(0)
    keep = {name for e in history for name in e.files.values() if name}
    for entry in dropped:
        for name in entry.files.values():
            if name and name not in keep:
                try:
                    (backups / name).unlink()
                except OSError:
                    pass
    return history, dropped


def _free_name(path: Path) -> Path:
    """`path`, or the first of `path` with .1, .2, … before its suffix that is not taken."""
    candidate, n = path, 0
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.stem}.{n}{path.suffix}")
    return candidate


def _put_back(backup: Path, target: Path) -> bool:
    """Make `target` the backup's file: a hard link of it renamed over the target (True; the
    backup is removed once the history no longer names it), or, where there are no hard links,
    the backup itself renamed (False)."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.undo.tmp")
    try:
        os.link(backup, temp)
    except OSError:
        os.replace(backup, target)
        return False
    try:
        os.replace(temp, target)
    except OSError:
        temp.unlink()
        raise
    return True


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parent, each 0700 whatever the umask (a folder that
    exists is left as it is)."""
    missing = []
    current = Path(folder)
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        _private(path, DIR_MODE)


def _private(path: Path, mode: int) -> None:
    """Set `path`'s mode to `mode` if it is ours and differs (a umask may have widened it)."""
    try:
        info = os.stat(path)
        if stat.S_IMODE(info.st_mode) != mode and not _owned_by_someone_else(info):
            os.chmod(path, mode)
    except OSError:
        pass


def _meta_problem(data: dict, *, required: bool = False) -> str | None:
    """What is wrong with a main file's `_meta` and tables, as a phrase ("has no _meta
    table…"); None when it is a logbook this program reads. With `required`, an empty file is
    not a logbook either (a backup never is one)."""
    if not isinstance(data, dict):
        return "is not a logbook (expected a JSON object of tables)"
    meta_table = data.get(META)
    has_data = any(bool(v) for k, v in data.items() if k != META)
    if not meta_table:
        if has_data or required:
            return "has no _meta table, so it was not written by logbook"
        return None
    if not isinstance(meta_table, dict):
        return "has a broken _meta table"
    meta = next(iter(meta_table.values()), {})
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool):
        return "has no schema_version in its _meta table"
    if version > SCHEMA_VERSION:
        return (f"was written by a newer logbook (schema {version}; this program reads up to "
                f"{SCHEMA_VERSION}); upgrade logbook")
    for name in (COMMUNITIES, DELETED, PERIODS, ACTIVITIES):
        if name in data and not isinstance(data[name], dict):
            return f"has a broken {name} table"
    for entry in (data.get(PERIODS) or {}).values():
        if not (isinstance(entry, dict) and isinstance(entry.get("period"), str)
                and isinstance(entry.get("file"), str) and isinstance(entry.get("ids"), str)
                and _PART_NAME.match(entry["file"]) and not entry["file"].endswith(_KEYS_SUFFIX)):
            return "has a broken index of months (the periods table)"
    return None


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
