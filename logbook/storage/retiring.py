"""Month files no kept main file needs: which those are (the logbook as it is now, the backups
the undo history keeps, backups copied in by hand), and removing them after a commit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import orjson

from .base import StoreBase
from .history import HistoryEntry
from .index import _Main
from .layout import _BACKUP_NAME, _KEYS_SUFFIX, ACTIVITIES, SHORT_ID, part_seq


class Retiring(StoreBase):
    """What a write removes once committed, and what the undo history's bound counts."""

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
        self,
        current: set[str],
        history: list[HistoryEntry],
        read_seq: int,
        released: set[str],
        periods: dict[str, dict],
        tombstones: dict[str, str],
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
