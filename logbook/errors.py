"""Named failures of the logbook library, each carrying the exit code the CLI turns it into."""

from __future__ import annotations

from enum import IntEnum

from .i18n import N_, _, ngettext

# The fields and periods these errors name, in the reader's language.
_WORDS = {
    "grouping": N_("grouping"),
    "period": N_("period"),
    "week": N_("week"),
    "month": N_("month"),
    "quarter": N_("quarter"),
}
# How many periods: English adds an s, Chinese a measure word where it needs one.
_PERIODS = {"week": N_("weeks"), "month": N_("months"), "quarter": N_("quarters")}


def _word(name: str) -> str:
    return _(_WORDS[name]) if name in _WORDS else name


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


class InvalidRecords(LogbookError):
    """Records of the files to import that cannot be imported, so nothing was: `problems` are
    the records' problems, `files` the names of the files they are in."""

    def __init__(self, problems: list, files: list[str]) -> None:
        super().__init__(
            ngettext(
                "{count} record is invalid in {files}; nothing was imported",
                "{count} records are invalid in {files}; nothing was imported",
                len(problems),
            ).format(count=len(problems), files=", ".join(files))
        )
        self.problems = problems
        self.files = files


class ReadOnly(LogbookError):
    """A write was asked of a logbook opened read-only (the bundled sample)."""


class DataFileError(LogbookError):
    """The data file cannot be used: unreadable, unparsable, newer schema, not ours."""

    exit_code = ExitCode.DATA


class LockTimeout(DataFileError):
    """Another process held the logbook's lock past the timeout."""


class InvalidChoice(UsageError):
    """A value that is none of the accepted forms. The library names the field; the CLI, which
    knows which option the value came from, names the option instead."""

    def __init__(self, field: str, value: object, accepted: tuple[str, ...]) -> None:
        super().__init__(
            _("invalid {field} {value}: expected one of {accepted}").format(
                field=_word(field), value=repr(value), accepted=", ".join(accepted)
            )
        )
        self.field = field
        self.value = value
        self.accepted = accepted


class TooManyPeriods(UsageError):
    """A range that spans more periods (weeks, months, quarters) than a table can show: `field`
    is what was to be counted by them, `kind` the period, `count` how many, `most` the limit."""

    def __init__(self, field: str, kind: str, start: str, end: str, count: int, most: int) -> None:
        periods = _(_PERIODS[kind]) if kind in _PERIODS else f"{kind}s"
        super().__init__(
            _(
                "{start} to {end} spans {count} {periods}, too many to count by {period} for the "
                "{field} (at most {most}): narrow the date range, or use a longer period"
            ).format(
                start=start, end=end, count=count, periods=periods, period=_word(kind), field=_word(field), most=most
            )
        )
        self.field = field
        self.kind = kind
        self.start = start
        self.end = end
        self.count = count
        self.most = most
