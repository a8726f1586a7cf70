"""The one guard every `-o FILE` passes: a command writes anywhere but over the logbook's own
files (its main file, lock, month folder and backups), however the path is spelled."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError

EXPECTED = "expected a file outside the logbook and its folders"


def output_path(st, output: str, option: str = "-o") -> Path:
    """The file `output` names, or a UsageError when writing it would replace part of a logbook:
    the one the command runs on or, under --sample, the one --db or LOGBOOK_DB names. Symlinks
    and `..` are followed first, so neither can lead a write into the logbook."""
    path = Path(output).expanduser()
    if path.is_dir():
        raise UsageError(f"{option} {output} is a directory; expected a file name")
    store = st.store()
    if store.path is not None:
        main, lock, folders = store.path, store.lock_path, (store.parts_dir, store.backup_dir)
    else:  # the sample: keep the user's own logbook safe all the same
        from ..config import resolve_db_path

        try:
            main = resolve_db_path(st.db)
        except UsageError:
            return path
        # As Store names them beside its main file.
        lock = main.with_name(main.name + ".lock")
        folders = (main.with_name(main.name + ".d"), main.with_name(main.name + ".backups"))
    target = _real(path)
    if target == _real(main) or _same_file(path, main):
        raise UsageError(f"{option} {output} is the logbook itself; {EXPECTED}")
    if target == _real(lock):
        raise UsageError(f"{option} {output} is the logbook's lock file; {EXPECTED}")
    for folder in folders:
        if _real(folder) in (target, *target.parents):
            raise UsageError(f"{option} {output} is inside the logbook's folder {folder}; {EXPECTED}")
    return path


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same_file(a: Path, b: Path) -> bool:
    """A second name for the same file (a hard link, a bind mount)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
