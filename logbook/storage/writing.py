"""How a Store writes: the lock, the transaction that commits once, backups and the history
entry, and retiring what no kept main file needs."""

from __future__ import annotations

import errno
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DataFileError, LockTimeout, ReadOnly
from ..i18n import _, os_reason
from .files import SafeStorage, _free_name, _fsync_dir, _private, atomic_write_bytes, make_private_dirs
from .history import HistoryEntry, HistoryProblem, _prune, _write_history, read_history
from .index import _index_entry
from .layout import (
    ACTIVITIES,
    DIR_MODE,
    FILE_MODE,
    SEARCH_KEYS,
    keys_file,
    part_seq,
)
from .retiring import Retiring
from .transaction import Transaction


class Writing(Retiring):
    """How a Store writes: the lock, the transaction that commits once, backups and the history"""

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self, summary: str = "change", *, repair: bool = False) -> Iterator[Transaction]:
        """Hold the lock, read the logbook afresh, let the caller change it, commit it.

        Only the months the changes touch are read and written. If the body raises, nothing is
        written and the logbook stays as it was. A main file that disagrees with its month files
        is refused, unless `repair` (check --fix, which reads the months back in).
        """
        if self.readonly:
            raise ReadOnly(
                _("{logbook} is read-only; use --db to write to a logbook of your own").format(logbook=self.label)
            )
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
    def _lock(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        assert self.path is not None
        directory = self.path.parent
        try:
            make_private_dirs(directory)
        except OSError as err:
            raise DataFileError(
                _("cannot create the folder {folder}: {reason}").format(folder=directory, reason=os_reason(err).text())
            ) from None
        if self.path.is_dir():
            raise DataFileError(_("{path} is a directory, not a logbook file").format(path=self.path))
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise LockTimeout(
                _(
                    "{logbook} is locked by another logbook process (waited {seconds} s for "
                    "{lock}); try again when it has finished"
                ).format(logbook=self.label, seconds=f"{self.lock_timeout:g}", lock=self.lock_path)
            ) from None
        except OSError as err:
            raise DataFileError(
                _("cannot lock {logbook}: {reason} ({lock})").format(
                    logbook=self.label, reason=os_reason(err).text(), lock=self.lock_path
                )
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
            foreign = "another user" in str(problem)  # str(): the English
            if not foreign:
                aside = _free_name(path.with_name("history.damaged.json"))
                try:
                    os.replace(path, aside)
                except OSError:
                    foreign = True
            if foreign:
                self._warn(
                    _(
                        "the undo history {file} {problem}, so it was left alone: this change cannot "
                        "be undone and no backup is pruned"
                    ).format(file=path, problem=problem.problem.text())
                )
                return None
            self._warn(
                _(
                    "the undo history {file} {problem}; it was kept as {aside}, and a new history "
                    "starts with this change (older changes cannot be undone)"
                ).format(file=path, problem=problem.problem.text(), aside=aside)
            )
            return []

    def _commit(self, tx: Transaction) -> None:
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
                keys, known_keys = tx.keys_of(period, docs)
                known = tx.stored_bytes(period, docs) + [None] * len(broken)
                crcs = []
                for file, table, rows, made in (
                    (name, ACTIVITIES, docs + broken, known),
                    (keys_file(name), SEARCH_KEYS, keys, known_keys),
                ):
                    target = self.parts_dir / file
                    written.append(target)
                    crcs.append(_write_table(target, table, rows, made))
                # a month holding records logbook cannot read is looked at record by record
                periods[period] = _index_entry(period, name, docs, None if broken else crcs[0], crcs[1])
            if written:
                _fsync_dir(self.parts_dir)
            tables = tx.main_tables(periods, seq)
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
                history, released = self._record_history(history, tx.summary, backup, main.files(), current, main.seq)
                recorded = True
                if backup:
                    self._make_backup(backup)
            SafeStorage(self.path).write(tables)
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
            if err.errno == errno.ENOSPC:
                said = _("cannot write {logbook}: the disk is full. The logbook was left as it was")
            else:
                said = _("cannot write {logbook}: {reason}. The logbook was left as it was")
            raise DataFileError(said.format(logbook=self.label, reason=os_reason(err).text())) from None
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
        self,
        history: list[HistoryEntry],
        summary: str,
        backup: str | None,
        partitions: list[str],
        current: set[str],
        main_seq: int,
    ) -> tuple[list[HistoryEntry], set[str]]:
        """Add the entry of this change, prune the history to its bounds, write it; return the
        kept history and the month files that only the pruned entries named."""
        from ..dates import now_utc_iso

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


def _write_table(path: Path, table: str, rows: list, known: list[bytes | None] | None = None) -> int:
    """Write a new file of the month folder through TinyDB (documents 1, 2, … in order), not
    yet synced with its folder (the caller syncs it once for all); its checksum. `known`: the
    JSON of rows written back as read (see `SafeStorage.known`)."""
    from tinydb import TinyDB

    with TinyDB(path, storage=SafeStorage, sync_dir=False) as db:
        db.storage.known = known
        # A document that is not an object (kept as found, in a file edited by hand) cannot go
        # through a Table; the storage writes such a month whole.
        if all(isinstance(row, dict) for row in rows):
            db.table(table, cache_size=0).insert_multiple(rows)
        else:
            db.storage.write({table: {str(i): row for i, row in enumerate(rows, 1)}})
        if db.storage.raw is None:  # an empty table: TinyDB writes nothing for it
            db.storage.write({table: {}})
        return zlib.crc32(db.storage.raw)
