"""Named failures of the logbook library, each carrying the exit code the CLI turns it into."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # not found, conflict, invalid import, a check that found problems
    USAGE = 2  # a bad option or value
    DATA = 3  # the data file: unreadable, locked past the timeout, newer schema
    INTERRUPTED = 130


class LogbookError(Exception):
    """A known failure: the CLI prints `Error: <message>` and exits with `exit_code`."""

    exit_code: ExitCode = ExitCode.FAILED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(LogbookError):
    """A value the user typed is not one we accept."""

    exit_code = ExitCode.USAGE


class NotFound(LogbookError):
    """No activity, community or file answers to what was asked for."""


class AmbiguousId(LogbookError):
    """An id prefix matches more than one activity."""


class ValidationError(LogbookError):
    """A record does not satisfy the contract of the activity record."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ReadOnly(LogbookError):
    """A write was asked of a logbook opened read-only (the bundled sample)."""


class DataFileError(LogbookError):
    """The data file cannot be used: unreadable, unparsable, newer schema, not ours."""

    exit_code = ExitCode.DATA


class LockTimeout(DataFileError):
    """Another process held the logbook's lock past the timeout."""
