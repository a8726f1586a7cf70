"""The undo history (backups/history.json): its entries, reading it without trusting it, writing it,
and keeping it bounded."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from ..i18n import N_, Message, message, os_reason
from .files import _dumps, _owned_by_someone_else, atomic_write_bytes
from .layout import _BACKUP_NAME, _PART_NAME, _PLAIN_NAME, HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES


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


def _is_plain(name) -> bool:
    return isinstance(name, str) and bool(_PLAIN_NAME.match(name)) and name not in (".", "..")


class HistoryProblem(Exception):
    """history.json cannot be used: its message says why (a phrase: "is not valid JSON"),
    `str()` in English, `.problem.text()` in the reader's language."""

    def __init__(self, problem: Message) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _entry_of(item, main_name: str) -> HistoryEntry:
    if not isinstance(item, dict):
        raise HistoryProblem(message(N_("holds an entry that is not an object")))
    seq, at, summary, files = item.get("seq"), item.get("at"), item.get("summary"), item.get("files")
    partitions = item.get("partitions", [])
    if not (isinstance(seq, int) and not isinstance(seq, bool) and isinstance(at, str) and isinstance(summary, str)):
        raise HistoryProblem(message(N_("holds an entry without its number, time or summary")))
    if not isinstance(files, dict) or not files:
        raise HistoryProblem(
            message(
                N_("holds an entry ({summary}) whose files are {files}, not file names"),
                summary=repr(summary),
                files=repr(files),
            )
        )
    for data_name, backup in files.items():
        if data_name != main_name:
            raise HistoryProblem(
                message(
                    N_("names {name} as the file to restore, which is not this logbook's main file ({main})"),
                    name=repr(data_name),
                    main=main_name,
                )
            )
        if backup is not None and not (_is_plain(backup) and _BACKUP_NAME.match(backup)):
            raise HistoryProblem(
                message(N_("names {name} as a backup, which is not a file of its backups folder"), name=repr(backup))
            )
    if not (isinstance(partitions, list) and all(isinstance(n, str) and _PART_NAME.match(n) for n in partitions)):
        raise HistoryProblem(
            message(N_("holds an entry ({summary}) whose month files are not month file names"), summary=repr(summary))
        )
    main_seq = item.get("main_seq")
    if main_seq is not None and (not isinstance(main_seq, int) or isinstance(main_seq, bool)):
        raise HistoryProblem(
            message(N_("holds an entry ({summary}) whose main_seq is not a number"), summary=repr(summary))
        )
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
                raise HistoryProblem(message(N_("is not a file")))
            if _owned_by_someone_else(info):
                raise HistoryProblem(message(N_("is owned by another user (uid {uid})"), uid=info.st_uid))
            raw = handle.read()
    except FileNotFoundError:
        return []
    except IsADirectoryError:
        raise HistoryProblem(message(N_("is a folder, not a file"))) from None
    except OSError as err:
        raise HistoryProblem(message(N_("cannot be read ({reason})"), reason=os_reason(err))) from None
    try:
        items = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise HistoryProblem(message(N_("is not valid JSON"))) from None
    if not isinstance(items, list):
        raise HistoryProblem(message(N_("is not a list of changes")))
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
