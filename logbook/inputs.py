"""Files named on the command line, read whole but within bounds: what kind of file a path is
(a device or a FIFO is no logbook, and a device is no input file), and at most MAX_INPUT_BYTES of
it, so that `import /dev/zero` or an endless pipe ends in one error instead of exhausting memory."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from .errors import UsageError
from .i18n import N_, _, ngettext

# The most an input file (import, import-text) may hold: more than twice an export of 100,000
# activities, far less than would exhaust a machine's memory.
MAX_INPUT_BYTES = 512 * 1024 * 1024

_KINDS = (
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISSOCK, N_("a socket")),
)

# What the commands that read a file name it and expect of it (`shown`, `expected`), written
# in English where they call; their Chinese is here.
_CALLERS_WORDS = (
    N_("standard input"),
    N_("an exchange file"),
    N_("a text file of articles"),
    N_("a text of articles"),
)


def _words(text: str) -> str:
    """A caller's words in the reader's language; a file's name as it is."""
    return _(text) if text in _CALLERS_WORDS else text


def special_kind(path, *, allow_fifo: bool = False) -> str | None:
    """What `path` is when it is neither a regular file nor a directory (following symlinks),
    such as "a character device" (in the reader's language); None otherwise, or when it cannot
    be looked at (missing, no permission: whoever opens it says so). A FIFO is allowed where a
    shell's pipe may be named as a file (`import <(…)`)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    for test, kind in _KINDS:
        if test(mode) and not (allow_fifo and stat.S_ISFIFO(mode)):
            return _(kind)
    return None


def size_words(count: int) -> str:
    if count >= 1024 * 1024:
        return _("{count} MB").format(count=count // (1024 * 1024))
    return ngettext("{count} byte", "{count} bytes", count).format(count=count)


def read_input_file(path, *, shown: str, expected: str, sep: str = ";", limit: int | None = None) -> bytes:
    """The bytes of a file named on the command line. A device or socket is refused before it is
    opened, a file over `limit` (MAX_INPUT_BYTES unless a command reads less) before it is read,
    and a pipe is read no further than that. OSErrors of opening and reading are left to the
    caller, which names them."""
    kind = special_kind(path, allow_fifo=True)
    if kind is not None:
        said = _("{file} is {kind}: expected {expected}") if sep == ":" else _("{file} is {kind}; expected {expected}")
        raise UsageError(said.format(file=_words(shown), kind=kind, expected=_words(expected)))
    limit = MAX_INPUT_BYTES if limit is None else limit
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise too_large(shown, expected, limit)
        return read_capped(handle, shown, expected, limit=limit)


def read_capped(handle: BinaryIO, shown: str, expected: str, *, limit: int | None = None) -> bytes:
    """All of `handle`, or a UsageError once it holds more than `limit` (MAX_INPUT_BYTES unless
    a command reads less)."""
    limit = MAX_INPUT_BYTES if limit is None else limit
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_large(shown, expected, limit)
    return data


def too_large(shown: str, expected: str, limit: int) -> UsageError:
    most = size_words(limit)
    return UsageError(
        _("{file} holds more than {most}; expected {expected} of at most {most}").format(
            file=_words(shown), most=most, expected=_words(expected)
        )
    )
