"""What the mixins of a Store share: its settings and the state of one command, where its files
are, and the methods one mixin calls of another. Each mixin (loading, reading, writing, undo)
derives from `StoreBase`, so what it relies on is declared here, and `Store` gives it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeVar

from ..errors import DataFileError
from ..i18n import Message
from ..models import Activity, Categories
from .history import HistoryEntry
from .index import _Main
from .layout import _BACKUP_NAME

_T = TypeVar("_T")


class StoreBase(ABC):
    """The attributes every mixin of a Store may use (set by `Store.__init__`), the places of
    its files, and the methods of one mixin that another calls (each given by the mixin named)."""

    # -- settings ------------------------------------------------------------------------------

    path: Path | None  # the main file; None for the sample logbook, held in memory
    readonly: bool
    lock_timeout: float
    categories: Categories
    label: str  # how messages name the logbook
    on_warning: Callable[[str], None] | None

    # -- state of one command ------------------------------------------------------------------

    _preloaded: dict | None  # the tables of a logbook held in memory (the sample)
    _main_state: _Main | None  # the main file as parsed, until `_forget`
    _warned: set[str]
    # month files holding records that cannot be read: file name -> [(document id, record, why)]
    unreadable: dict[str, list[tuple[str, object, str]]]
    tolerant: bool  # read a main file that disagrees with its months (check)

    # -- locations -----------------------------------------------------------------------------

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
            (int(match.group(1)), p)
            for p in self.backup_dir.iterdir()
            if (match := _BACKUP_NAME.match(p.name)) and p.name.endswith(suffix)
        ]
        return max(backups)[1] if backups else None

    # -- given by Loading ----------------------------------------------------------------------

    @abstractmethod
    def _main(self) -> _Main: ...

    @abstractmethod
    def _warn(self, message: str) -> None: ...

    @abstractmethod
    def _forget(self) -> None: ...

    @abstractmethod
    def _refuse_problems(self, main: _Main) -> None: ...

    @abstractmethod
    def _read_main(self) -> _Main: ...

    @abstractmethod
    def _read_file(self) -> dict: ...

    @abstractmethod
    def _read_partition(self, main: _Main, period: str) -> list[dict]: ...

    @abstractmethod
    def _load_partition(self, main: _Main, period: str) -> tuple[list[dict], bytes | None]: ...

    @abstractmethod
    def _read_keys(self, main: _Main, period: str) -> list[dict] | None: ...

    @abstractmethod
    def _load_keys(self, main: _Main, period: str) -> tuple[list[dict], bytes] | None: ...

    @staticmethod
    @abstractmethod
    def _builder(main: _Main) -> Callable[[dict], Activity]: ...

    @abstractmethod
    def _changed_error(self) -> DataFileError: ...

    @abstractmethod
    def _damaged(self, what: Message, path: Path | None = None) -> DataFileError: ...

    @abstractmethod
    def _verified_bytes(self, main: _Main, period: str) -> bytes | None: ...

    @abstractmethod
    def _reading(self, read: Callable[[_Main], _T]) -> _T: ...

    @abstractmethod
    def _periods(
        self, main: _Main, date_from: str | None, date_to: str | None, newest_first: bool = False
    ) -> list[str]: ...

    # -- given by Writing ----------------------------------------------------------------------

    @abstractmethod
    def _lock(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def _named_by_backups(self, history: list[HistoryEntry]) -> set[str]: ...

    # -- given by Undoing ----------------------------------------------------------------------

    @abstractmethod
    def _settled_history(self, history: list[HistoryEntry]) -> list[HistoryEntry]: ...
