"""A logbook: its settings, and the reads, writes and undo that the mixins of this package give
it (what they share, the places of its files included, is declared in base.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..i18n import _
from ..models import Categories
from .loading import Loading
from .lookups import Lookups
from .reading import Reading
from .records import _resolve_path
from .undo import Undoing
from .writing import Writing


class Store(Loading, Reading, Lookups, Writing, Undoing):
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
        self.label = label or (str(self.path) if self.path else _("the sample logbook"))
        self._clock = clock
        self._preloaded = data
        self._main_state = None
        self.on_warning = on_warning
        self._warned = set()
        self.unreadable = {}
        self.tolerant = False

    def data_files(self) -> list[Path]:
        """The files that make up the logbook as it is now: the main file and its month files."""
        if self.path is None or not self.path.exists():
            return []
        return [self.path] + [self.parts_dir / name for name in self._main().files()]
