"""The logbook on disk: a TinyDB JSON file made safe.

Owns the file format and everything that keeps it whole: orjson serialisation (UTF-8, no `\\u`
escapes), atomic replacement (temp file, fsync, os.replace, fsync of the directory), a lock file
around every read-modify-write, the `_meta` table with the schema version, hard-linked backups of
the previous file and the undo history built on them. Commands see `Store` and `Transaction` only;
they never learn the file layout. The only module that imports tinydb.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from .errors import AmbiguousId, DataFileError, LockTimeout, NotFound, ReadOnly, UsageError
from .models import FIELD_ORDER, Activity, Categories, Community

SCHEMA_VERSION = 1
MIN_PREFIX = 4
HISTORY_MAX_ENTRIES = 50
HISTORY_MAX_BYTES = 256 * 1024 * 1024
FILE_MODE = 0o600

ACTIVITIES = "activities"
DELETED = "deleted"
COMMUNITIES = "communities"
META = "_meta"
_SEARCH_KEY = "search_key"  # stored beside the record, never exported

_ACTIVITY_FIELDS = frozenset(FIELD_ORDER)


def _dumps(data) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2)


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


def atomic_write_bytes(path: Path, payload: bytes, mode: int = FILE_MODE) -> None:
    """Write `payload` to `path` so that a reader or a crash sees the old file or the new one."""
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
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
    _fsync_dir(directory)


class _SafeStorage(Storage):
    """TinyDB storage that parses once per command and writes only when told to flush.

    TinyDB calls `write` after every table operation; a command makes several, and each would
    rewrite the whole file. Here `write` only keeps the data; `Store` flushes once per transaction
    with an atomic replace, so a command's changes land together or not at all.
    """

    def __init__(self, data: dict) -> None:
        self.data = data
        self.dirty = False

    def read(self):
        return self.data

    def write(self, data) -> None:
        self.data = data
        self.dirty = True

    def close(self) -> None:
        pass


@dataclass
class HistoryEntry:
    seq: int
    at: str
    summary: str
    files: dict[str, str | None]  # data file name -> backup file name (None: did not exist)

    def to_dict(self) -> dict:
        return {"seq": self.seq, "at": self.at, "summary": self.summary, "files": self.files}


class Store:
    """A logbook file. Reads need no lock (files are replaced atomically); writes go through
    `transaction()`, which holds the lock from the fresh read to the atomic write."""

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
    ) -> None:
        self.path = _resolve_path(path) if path is not None else None
        self.readonly = readonly or path is None
        self.lock_timeout = lock_timeout
        self.categories = categories or Categories.builtin()
        self.label = label or (str(self.path) if self.path else "the sample logbook")
        self._clock = clock
        self._preloaded = data
        self._db: TinyDB | None = None
        self._storage: _SafeStorage | None = None

    # -- locations -------------------------------------------------------------------------

    @property
    def backup_dir(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".backups")

    @property
    def lock_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".lock")

    def newest_backup(self) -> Path | None:
        if self.path is None or not self.backup_dir.is_dir():
            return None
        backups = sorted(p for p in self.backup_dir.iterdir() if p.name.endswith(".json"))
        return backups[-1] if backups else None

    # -- loading ---------------------------------------------------------------------------

    def _load(self) -> TinyDB:
        if self._db is None:
            data = self._preloaded if self._preloaded is not None else self._read_file()
            self._storage = _SafeStorage(data)
            self._db = TinyDB(storage=lambda: self._storage)
        return self._db

    def _damaged(self, what: str) -> DataFileError:
        backup = self.newest_backup()
        hint = f"; the newest backup is {backup}" if backup else "; no backup was found"
        return DataFileError(f"{self.label} {what}. It was left untouched{hint}")

    def _read_file(self) -> dict:
        assert self.path is not None
        path = self.path
        if path.is_symlink() and not path.exists():
            raise DataFileError(f"{path} is a symbolic link to a missing file")
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}
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
        return data

    def _check_meta(self, data: dict) -> None:
        meta_table = data.get(META)
        has_data = any(bool(v) for k, v in data.items() if k != META)
        if not meta_table:
            if has_data:
                raise self._damaged("has no _meta table, so it was not written by logbook")
            return
        if not isinstance(meta_table, dict):
            raise self._damaged("has a broken _meta table")
        meta = next(iter(meta_table.values()), {})
        version = meta.get("schema_version") if isinstance(meta, dict) else None
        if not isinstance(version, int):
            raise self._damaged("has no schema_version in its _meta table")
        if version > SCHEMA_VERSION:
            raise DataFileError(
                f"{self.label} was written by a newer logbook (schema {version}; this program "
                f"reads up to {SCHEMA_VERSION}). Upgrade logbook; the file was left untouched"
            )

    # -- reading ---------------------------------------------------------------------------

    def _table(self, name: str):
        return self._load().table(name)

    def _docs(self, name: str) -> Iterable[dict]:
        data = self._load().storage.read()
        return (data.get(name) or {}).values()

    def activities(self, *, date_from: str | None = None, date_to: str | None = None) -> list[Activity]:
        """Live activities, optionally within an inclusive ISO date range, in file order."""
        out = []
        for doc in self._docs(ACTIVITIES):
            day = doc.get("date", "")
            if date_from and day < date_from:
                continue
            if date_to and day > date_to:
                continue
            out.append(_activity_from_doc(doc))
        return out

    def search_keys(self, *, date_from: str | None = None, date_to: str | None = None) -> Iterator[tuple[Activity, str]]:
        """Activities with their precomputed search keys (computed when written)."""
        for doc in self._docs(ACTIVITIES):
            day = doc.get("date", "")
            if (date_from and day < date_from) or (date_to and day > date_to):
                continue
            yield _activity_from_doc(doc), doc.get(_SEARCH_KEY) or ""

    def activity_docs(self) -> list[dict]:
        """The stored activity records as plain dicts, not validated (for `check`)."""
        return [
            {k: v for k, v in doc.items() if k != _SEARCH_KEY} if isinstance(doc, dict) else doc
            for doc in self._docs(ACTIVITIES)
        ]

    def count(self) -> int:
        return len(self._load().storage.read().get(ACTIVITIES) or {})

    def get(self, ref: str) -> Activity:
        """The activity whose id starts with `ref` (4+ hex characters)."""
        return resolve_ref(ref, self.activities())

    def tombstones(self) -> list[dict]:
        return [dict(doc) for doc in self._docs(DELETED)]

    def communities(self) -> list[Community]:
        return [Community.from_dict(doc) for doc in self._docs(COMMUNITIES)]

    def meta(self) -> dict:
        docs = list(self._docs(META))
        return dict(docs[0]) if docs else {}

    def history(self) -> list[HistoryEntry]:
        if self.path is None:
            return []
        return _read_history(self.backup_dir)

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self, summary: str = "change") -> Iterator["Transaction"]:
        """Hold the lock, read the file afresh, let the caller change it, write it atomically.

        If the body raises, nothing is written and the file stays as it was.
        """
        if self.readonly:
            raise ReadOnly(f"{self.label} is read-only; use --db to write to a logbook of your own")
        assert self.path is not None
        with self._lock():
            self._sweep_temp_files()
            self._db = None  # another process may have written since we last read
            self._preloaded = None
            db = self._load()
            tx = Transaction(self, db, summary)
            try:
                yield tx
                if tx.changed:
                    tx.apply()
                    self._flush(tx.summary)
            except BaseException:
                self._db = None
                raise

    @contextmanager
    def _lock(self):
        from filelock import FileLock, Timeout

        assert self.path is not None
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DataFileError(f"cannot create the folder {directory}: {err.strerror or err}") from None
        if self.path.is_dir():
            raise DataFileError(f"{self.path} is a directory, not a logbook file")
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout)
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
            yield
        finally:
            lock.release()

    def _sweep_temp_files(self) -> None:
        """Temp files of writers killed mid-write; safe to remove while we hold the lock."""
        assert self.path is not None
        leftovers = list(self.path.parent.glob(f".{self.path.name}.*.tmp"))
        if self.backup_dir.is_dir():  # the history and copied backups are written the same way
            leftovers += self.backup_dir.glob(".*.tmp")
        for leftover in leftovers:
            try:
                leftover.unlink()
            except OSError:
                pass

    def _flush(self, summary: str) -> None:
        assert self.path is not None and self._storage is not None
        data = self._storage.data
        payload = _dumps(data)
        try:
            self._settled_history()
            backup = self._backup_current()
            # The undo entry is recorded before the file is replaced: a writer killed in between
            # leaves an entry whose backup is still the live file, which undo knows to skip
            # (`_landed`). Recorded after, a kill would leave a change that undo cannot name.
            self._record_history(summary, {self.path.name: backup})
            atomic_write_bytes(self.path, payload)
        except OSError as err:
            self._db = None
            try:
                self._settled_history()  # drop the entry of the change that did not happen
            except OSError:
                pass
            reason = "the disk is full" if err.errno == errno.ENOSPC else (err.strerror or str(err))
            raise DataFileError(
                f"cannot write {self.label}: {reason}. The logbook was left as it was"
            ) from None
        self._storage.dirty = False

    def _backup_current(self) -> str | None:
        """Keep the file about to be replaced. A hard link costs nothing: the old file is never
        modified in place, only replaced."""
        assert self.path is not None
        if not self.path.exists():
            return None
        backups = self.backup_dir
        backups.mkdir(exist_ok=True)
        history = _read_history(backups)
        seq = (history[-1].seq + 1) if history else 1
        name = f"{seq:06d}-{self.path.name}"
        target = backups / name
        if target.exists():
            target.unlink()
        try:
            os.link(self.path, target)
        except OSError:  # file systems without hard links (FAT on a USB stick)
            atomic_write_bytes(target, self.path.read_bytes())
        return name

    def _record_history(self, summary: str, files: dict[str, str | None]) -> None:
        from .dates import now_utc_iso

        backups = self.backup_dir
        backups.mkdir(exist_ok=True)
        history = _read_history(backups)
        seq = (history[-1].seq + 1) if history else 1
        for name in files.values():  # the backup's number wins if it ran ahead
            if name:
                seq = max(seq, int(name.split("-", 1)[0]))
        history.append(HistoryEntry(seq, now_utc_iso(), summary, files))
        history = _prune(backups, history)
        _write_history(backups, history)

    def _complete(self, entry: HistoryEntry) -> bool:
        """Whether every backup the entry names is still kept (an undo moves them back)."""
        return all(name is None or (self.backup_dir / name).exists() for name in entry.files.values())

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

    def _settled_history(self) -> list[HistoryEntry]:
        """The history without trailing entries of changes that never landed (called under the
        lock); rewritten only if one was dropped."""
        backups = self.backup_dir
        history = _read_history(backups)
        kept = list(history)
        while kept and self._complete(kept[-1]) and not self._landed(kept[-1]):
            kept.pop()
        if len(kept) != len(history):
            _write_history(backups, kept)
        return kept

    def undo(self) -> HistoryEntry:
        """Put back the files as they were before the most recent change; return what it was."""
        if self.readonly:
            raise ReadOnly(f"{self.label} is read-only; there is nothing to undo")
        assert self.path is not None
        with self._lock():
            # A damaged file, or one a newer logbook wrote, is never replaced, not even by undo.
            self._read_file()
            backups = self.backup_dir
            history = _read_history(backups)
            while history:
                entry = history.pop()
                if self._complete(entry) and self._landed(entry):
                    break
            else:
                _write_history(backups, []) if backups.is_dir() else None
                raise NotFound("nothing to undo: the kept history is empty")
            try:
                for data_name, backup_name in entry.files.items():
                    target = self.path.with_name(data_name)
                    if backup_name is None:
                        try:
                            target.unlink()
                        except FileNotFoundError:
                            pass
                    else:
                        os.replace(backups / backup_name, target)
            except OSError as err:
                raise DataFileError(
                    f"cannot undo in {self.label}: {err.strerror or err}. The logbook was left as it was"
                ) from None
            _fsync_dir(self.path.parent)
            try:
                _write_history(backups, history)
            except OSError:
                pass  # the undo is done; the entry left behind names a backup that is gone, so it is skipped
            self._db = None
            return entry


class Transaction:
    """The changes of one command, applied to the freshly read logbook and written once."""

    def __init__(self, store: Store, db: TinyDB, summary: str) -> None:
        self.store = store
        self.db = db
        self.summary = summary
        self.changed = False
        data = db.storage.read()
        self._doc_ids: dict[str, int] = {}
        self._current: dict[str, Activity] = {}
        for doc_id, doc in (data.get(ACTIVITIES) or {}).items():
            self._doc_ids[doc["id"]] = int(doc_id)
            self._current[doc["id"]] = _activity_from_doc(doc)
        self._tombstones: dict[str, str] = {
            doc["id"]: doc["deleted_at"] for doc in (data.get(DELETED) or {}).values()
        }
        self._added: dict[str, Activity] = {}
        self._updated: dict[str, Activity] = {}
        self._removed: set[str] = set()
        self._new_tombstones: dict[str, str] = {}
        self._communities: list[Community] | None = None

    # reading inside the transaction sees its own changes
    def activities(self) -> list[Activity]:
        return list(self._current.values())

    def get(self, ref: str) -> Activity:
        return resolve_ref(ref, self._current.values())

    def by_id(self, activity_id: str) -> Activity | None:
        return self._current.get(activity_id)

    def tombstone(self, activity_id: str) -> str | None:
        return self._tombstones.get(activity_id)

    def tombstones(self) -> dict[str, str]:
        return dict(self._tombstones)

    def communities(self) -> list[Community]:
        if self._communities is None:
            self._communities = self.store.communities()
        return list(self._communities)

    # changing
    def add(self, activity: Activity) -> None:
        if activity.id in self._current:
            raise UsageError(f"an activity with id {activity.id} already exists")
        self._current[activity.id] = activity
        if activity.id in self._removed:
            self._removed.discard(activity.id)
            self._updated[activity.id] = activity
        else:
            self._added[activity.id] = activity
        self._tombstones.pop(activity.id, None)
        self._new_tombstones.pop(activity.id, None)
        self.changed = True

    def update(self, activity: Activity) -> None:
        if activity.id not in self._current:
            raise NotFound(f"no activity with id {activity.id}")
        self._current[activity.id] = activity
        if activity.id in self._added:
            self._added[activity.id] = activity
        else:
            self._updated[activity.id] = activity
        self.changed = True

    def delete(self, activity_id: str, deleted_at: str) -> None:
        """Remove an activity and leave a tombstone so the deletion travels in exports."""
        if activity_id in self._current:
            del self._current[activity_id]
            if self._added.pop(activity_id, None) is None:
                self._updated.pop(activity_id, None)
                self._removed.add(activity_id)
        self._tombstones[activity_id] = deleted_at
        self._new_tombstones[activity_id] = deleted_at
        self.changed = True

    def set_communities(self, communities: list[Community]) -> None:
        self._communities = list(communities)
        self.changed = True

    def apply(self) -> None:
        """Bulk-apply the collected changes: one pass per table, however many records changed."""
        from .dates import now_utc_iso

        db = self.db
        acts = db.table(ACTIVITIES)
        gone = [self._doc_ids[i] for i in self._removed if i in self._doc_ids]
        if gone:
            acts.remove(doc_ids=gone)
        if self._updated:
            updated = self._updated
            ids = [self._doc_ids[i] for i in updated if i in self._doc_ids]

            def replace(doc: dict) -> None:
                new = _doc_from_activity(updated[doc["id"]])
                doc.clear()
                doc.update(new)

            acts.update(replace, doc_ids=ids)
        if self._added:
            acts.insert_multiple(_doc_from_activity(a) for a in self._added.values())
        if self._new_tombstones:
            dead = db.table(DELETED)
            existing = {doc["id"]: doc.doc_id for doc in dead.all()}
            replace_ids = [existing[i] for i in self._new_tombstones if i in existing]
            if replace_ids:
                dead.remove(doc_ids=replace_ids)
            dead.insert_multiple(
                {"id": i, "deleted_at": at} for i, at in self._new_tombstones.items()
            )
        revived = (set(self._added) | set(self._updated)) & set(self._current)
        if revived and db.table(DELETED).all():
            # a record brought back (an import, an undo of a merge) must not stay tombstoned
            dead = db.table(DELETED)
            stale = [doc.doc_id for doc in dead.all() if doc["id"] in revived]
            if stale:
                dead.remove(doc_ids=stale)
        if self._communities is not None:
            table = db.table(COMMUNITIES)
            table.truncate()
            table.insert_multiple(c.to_dict() for c in self._communities)
        meta = db.table(META)
        if not meta.all():
            meta.insert({"schema_version": SCHEMA_VERSION, "created_at": now_utc_iso()})
        else:
            meta.update({"schema_version": SCHEMA_VERSION})


def resolve_ref(ref: str, activities: Iterable[Activity]) -> Activity:
    """The one activity whose id starts with `ref`; AmbiguousId lists the candidates."""
    key = ref.strip().lower()
    if len(key) < MIN_PREFIX or any(c not in "0123456789abcdef" for c in key):
        raise UsageError(
            f"invalid id {ref!r}: expected {MIN_PREFIX} or more hex characters of an activity id"
        )
    found = [a for a in activities if a.id.startswith(key)]
    if not found:
        raise NotFound(f"no activity with id {ref!r}")
    if len(found) > 1:
        listing = ", ".join(f"{a.id[:12]} ({a.date} {a.title[:20]})" for a in found[:10])
        raise AmbiguousId(f"id {ref!r} matches {len(found)} activities: {listing}")
    return found[0]


def _activity_from_doc(doc: dict) -> Activity:
    # Stored records were validated when written; rebuilding them must stay cheap.
    return Activity(**{k: (list(v) if isinstance(v, list) else v) for k, v in doc.items() if k in _ACTIVITY_FIELDS})


def _doc_from_activity(activity: Activity) -> dict:
    from .textnorm import search_key

    doc = activity.to_dict()
    doc[_SEARCH_KEY] = search_key(activity.text_fields() + list(activity.communities))
    return doc


def _resolve_path(path: Path) -> Path:
    path = Path(path)
    # Writing through a symlink would replace the link with a file; write to its target.
    if path.is_symlink() and path.exists():
        return Path(os.path.realpath(path))
    return path


def _read_history(backups: Path) -> list[HistoryEntry]:
    try:
        raw = (backups / "history.json").read_bytes()
        items = orjson.loads(raw)
        return [HistoryEntry(**item) for item in items]
    except (OSError, orjson.JSONDecodeError, TypeError):
        return []


def _write_history(backups: Path, history: list[HistoryEntry]) -> None:
    atomic_write_bytes(backups / "history.json", _dumps([h.to_dict() for h in history]))


def _prune(backups: Path, history: list[HistoryEntry]) -> list[HistoryEntry]:
    """Keep the history bounded in count and in bytes; delete backups nothing refers to."""
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

    sizes = [size(e) for e in history]
    while len(history) > 1 and sum(sizes) > HISTORY_MAX_BYTES:
        history.pop(0)
        sizes.pop(0)
    keep = {name for e in history for name in e.files.values() if name}
    for item in backups.iterdir():
        if item.name.endswith(".json") and item.name != "history.json" and item.name not in keep:
            try:
                item.unlink()
            except OSError:
                pass
    return history


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
