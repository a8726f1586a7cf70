"""Undo, and what it relies on: whether a history entry landed, is complete, and may be dropped;
the backup checked before anything moves."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson

from ..errors import DataFileError, NotFound, ReadOnly
from ..i18n import N_, Message, _, message, os_reason
from .base import StoreBase
from .files import _fsync_dir, _owned_by_someone_else, _put_back
from .history import HistoryEntry, HistoryProblem, _write_history, read_history
from .index import _Main
from .layout import _BACKUP_NAME, _meta_problem


class Undoing(StoreBase):
    """Undo, and what it relies on: whether a history entry landed, is complete, and may be dropped;"""

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

    def _backup_never_made(self, entry: HistoryEntry) -> bool:
        """Whether `entry` was recorded by a writer killed before it made its backup (or by an
        undo killed after removing it): the backup alone is missing, and the main file still
        carries the write number the entry backed up."""
        if entry.main_seq is None:
            return False
        missing = self._missing(entry)
        backups = [n for n in entry.files.values() if n]
        return bool(missing) and missing == backups and self._live_seq() == entry.main_seq

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
            elif not self._backup_never_made(last):
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
            raise ReadOnly(_("{logbook} is read-only; there is nothing to undo").format(logbook=self.label))
        assert self.path is not None
        untouched = _("The logbook was left as it was")
        with self._lock():
            # A damaged file, or one a newer logbook wrote, is never replaced, not even by undo.
            self._read_file()
            backups = self.backup_dir
            try:
                history = read_history(backups, self.path.name)
            except HistoryProblem as problem:
                raise DataFileError(
                    _("cannot undo: the undo history {file} {problem}. {untouched}").format(
                        file=backups / "history.json", problem=problem.problem.text(), untouched=untouched
                    )
                ) from None
            history = self._settled_history(history)
            if not history:
                raise NotFound(_("nothing to undo: the kept history is empty"))
            entry = history[-1]
            missing = self._missing(entry)
            if missing:
                where = ", ".join(str((backups if _BACKUP_NAME.match(n) else self.parts_dir) / n) for n in missing)
                raise DataFileError(
                    _("cannot undo {change}: it needs {files}, which is missing. {untouched}").format(
                        change=repr(entry.summary), files=where, untouched=untouched
                    )
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
                raise DataFileError(
                    _("cannot undo in {logbook}: {reason}. {untouched}").format(
                        logbook=self.label, reason=os_reason(err).text(), untouched=untouched
                    )
                ) from None
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
        problem: Message | None
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                problem = message(N_("is not a file"))
            elif _owned_by_someone_else(info):
                problem = message(N_("is owned by another user (uid {uid})"), uid=info.st_uid)
            else:
                problem = None
                data = orjson.loads(path.read_bytes())
        except OSError as err:
            problem = message(N_("cannot be read ({reason})"), reason=os_reason(err))
        except orjson.JSONDecodeError:
            problem = message(N_("is not valid JSON"))
        if problem is None:
            problem = _meta_problem(data, required=True)
        if problem is None:
            main = _Main(data)
            gone = [n for n in main.files() if not (self.parts_dir / n).exists()]
            if main.problems:
                problem = main.problems[0]
            elif gone:
                problem = message(N_("names month files that are missing ({files})"), files=", ".join(gone[:3]))
        if problem is not None:
            raise DataFileError(
                _("cannot undo: the backup {file} {problem}. {untouched}").format(
                    file=path, problem=problem.text(), untouched=untouched
                )
            )
