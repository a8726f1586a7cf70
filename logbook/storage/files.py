"""Writing files so that nothing is lost: atomic replacement with fsync, private modes whatever the
umask, and the TinyDB storage that reads and writes every file of a logbook that way."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import orjson
from tinydb.storages import Storage

from .layout import DIR_MODE, FILE_MODE, _tables_bytes


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


def _owned_by_someone_else(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is not None and info.st_uid != getuid()


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


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class SafeStorage(Storage):
    """The TinyDB storage of every file of a logbook: `TinyDB(path, storage=SafeStorage)`.

    Unlike TinyDB's JSONStorage, which rewrites a file in place and re-parses it for every
    operation, it parses a file once (orjson), keeps what it read, and writes UTF-8 without
    `\\u` escapes to a temp file that is flushed to disk and renamed over the file, mode 0600
    (see atomic_file): a reader or a crash sees the old file or the new one. `raw` holds the
    bytes last read or written (their checksum goes in the index). A missing or empty file is an
    empty database only to `read`; the store decides what that means before it reads.
    """

    def __init__(self, path, *, sync_dir: bool = True) -> None:
        self.path = Path(path)
        self.sync_dir = sync_dir
        self.raw: bytes | None = None
        self._data: dict | None = None
        # the JSON of documents the next write of a one-table file holds unchanged, in their
        # order (None for one to make): set by whoever read them from another file
        self.known: list[bytes | None] | None = None

    def read(self) -> dict | None:
        if self._data is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            self.raw = raw
            self._data = None if raw.isspace() or not raw else orjson.loads(raw)
        return self._data

    def write(self, data: dict) -> None:
        payload = _tables_bytes(data, self.known)
        self.known = None
        atomic_write_bytes(self.path, payload, sync_dir=self.sync_dir)
        self.raw, self._data = payload, data
