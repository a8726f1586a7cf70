"""A logbook: where its files are, and the reads, writes and undo that the mixins of this
package give it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


from ..models import Categories
from .index import _Main
from .layout import _BACKUP_NAME
from .loading import Loading
from .reading import Reading
from .records import _resolve_path
from .undo import Undoing
from .writing import Writing



class Store(Loading, Reading, Writing, Undoing):
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
        self.on_warning = on_warning
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
