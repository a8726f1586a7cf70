"""Moving logbooks between people: the exchange file read in whatever shape and encoding it
arrives in, and its merge into a logbook, computed as a plan against the current records.

No printing and no clock: the caller passes `now`, reads the plan's summaries and applies the plan
inside one store transaction. Shapes read: the envelope written by `export`, a bare JSON list of
activities, JSON Lines, CSV (as `formats.iter_csv` writes it, or as a spreadsheet saves it).
Encodings: UTF-8 with or without a BOM, UTF-16 with a BOM, GBK (tried when UTF-8 fails).

The merge is a last-writer-wins register per id, so any two logbooks merged in either order end
identical: a record's version is its `updated_at`, a tombstone's its `deleted_at`; the newer wins,
a tombstone wins a tie against a record, and two different records with the same `updated_at`
are ordered by their content so that every logbook picks the same one. A version stamped more than
STAMP_SLACK ahead of the clock is refused: it would win every merge until that day came.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path

import orjson

from .errors import LogbookError, NotFound, UsageError, ValidationError
from .formats import LIST_SEPARATOR, CsvReadError, csv_header, iter_csv, read_csv_rows, split_list
from .models import (
    FIELD_ORDER,
    LIST_FIELDS,
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Activity,
    Categories,
    Community,
    clean_text,
    new_id,
)

FORMAT_NAME = "logbook"
FORMAT_VERSION = 1
BOOKKEEPING = ("created_at", "updated_at")
# How far ahead of the clock a stamp may be and still be taken as it is: clocks drift and get set
# to the wrong time zone. Further ahead, a record or a deletion would win every merge.
STAMP_SLACK = timedelta(days=1)
# The most activities one import may leave in any one month. A whole street office logs one or
# two thousand a month; a month past this is a mistake (a file of one date, a generated file), and
# every command that reads that month would pay for it. See Merge.months_over.
MONTH_MAX = 20_000

_ID_RE = re.compile(r"^[0-9a-f]{32}$")
_STAMP_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$")
_LOOSE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_WHOLE = re.compile(r"^\d+(?:\.0+)?$")
_TRUE = {"true", "yes", "y", "1", "是", "t"}
_FALSE = {"false", "no", "n", "0", "否", "f"}
_FIELDS = frozenset(FIELD_ORDER)
# The longest text each field may hold; anything past it is refused before validation looks at
# it (a 50 MB "title" must not be normalised, case-folded and converted first).
_FIELD_MAX = {"title": TITLE_MAX, **{name: NAME_MAX for name in LIST_FIELDS}}
_MESSAGE_MAX = 200


class ExchangeFileError(LogbookError):
    """A file that cannot be read as an exchange file at all (exit 1)."""


class ExportEncodingError(LogbookError):
    """A record holds a character the asked-for export encoding cannot write (exit 1)."""


class Policy(str, Enum):
    """What wins when a record differs on both sides: the newer `updated_at`, ours, or theirs."""

    newer = "newer"
    keep = "keep"
    replace = "replace"


# -- what a file holds ---------------------------------------------------------------------------


@dataclass
class Problem:
    """One reason a record (or part of the file) cannot be imported."""

    file: str
    where: str  # "record 3", "line 7", "community 2", "deleted 1"
    field: str | None
    reason: str

    def __str__(self) -> str:
        parts = [self.file, self.where]
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(p for p in parts if p) + f": {self.reason}"

    def to_dict(self) -> dict:
        return {"file": self.file, "where": self.where, "field": self.field, "reason": self.reason}


@dataclass(slots=True)
class IncomingRecord:
    where: str
    activity: Activity
    had_id: bool
    missing: frozenset[str]  # fields the file left out; stamps among them are `now` for now


@dataclass
class ExchangeFile:
    """A file read and validated: what can be imported, and what cannot."""

    name: str
    shape: str  # envelope | list | jsonl | csv
    encoding: str
    records: list[IncomingRecord] = field(default_factory=list)
    tombstones: list[tuple[str, str, str]] = field(default_factory=list)  # id, deleted_at, where
    communities: list[Community] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seen: int = 0  # records in the file, valid or not
    author: str | None = None
    exported_at: str | None = None


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a file named on the command line, or a one-line error saying why not."""
    from .inputs import read_input_file

    p = Path(path)
    try:
        return read_input_file(p, shown=str(path), expected="an exchange file")
    except FileNotFoundError:
        raise NotFound(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory; expected an exchange file") from None
    except PermissionError:
        raise ExchangeFileError(f"{path} cannot be read: permission denied") from None
    except OSError as err:
        if p.is_dir():
            raise UsageError(f"{path} is a directory; expected an exchange file") from None
        raise ExchangeFileError(f"{path} cannot be read: {err.strerror or err}") from None


def decode(raw: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read with.

    Without `encoding`: a byte order mark decides; else UTF-8, else GBK (what Excel and WPS on
    Chinese Windows write). A NUL character is refused: no text file holds one.
    """
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise UsageError(
                f"unknown encoding {encoding!r} for --encoding: expected utf-8, gbk, gb18030 or utf-16"
            ) from None
        if codec == "utf-8" and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as err:
            raise ExchangeFileError(
                f"{name} is not {encoding} text: {_bad_bytes(err)}"
            ) from None
        used = encoding
    elif raw.startswith(codecs.BOM_UTF8):
        try:
            text = raw[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError as err:
            raise ExchangeFileError(
                f"{name} starts with a UTF-8 byte order mark but is not UTF-8: {_bad_bytes(err)}"
            ) from None
        used = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ExchangeFileError(f"{name} is not UTF-16 text: {_bad_bytes(err)}") from None
        used = "utf-16"
    else:
        try:
            text = raw.decode("utf-8")
            used = "utf-8"
        except UnicodeDecodeError as utf8_err:
            try:
                text = raw.decode("gbk")
                used = "gbk"
            except UnicodeDecodeError:
                raise ExchangeFileError(
                    f"{name} is neither UTF-8 nor GBK text ({_bad_bytes(utf8_err)} as UTF-8); "
                    "name its encoding with --encoding"
                ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        hint = "; if it is UTF-16 without a byte order mark, pass --encoding utf-16" if (
            text.count("\x00") * 3 > len(text)
        ) else ""
        raise ExchangeFileError(
            f"{name} contains a NUL character (line {line}), which no text file holds{hint}"
        )
    return text, used


def _bad_bytes(err: UnicodeDecodeError) -> str:
    bad = err.object[err.start : min(err.end, err.start + 4)]
    return f"bytes {bad.hex(' ')} at offset {err.start}"


def read_exchange(
    raw: bytes,
    name: str,
    *,
    now: str,
    encoding: str | None = None,
    categories: Categories | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ExchangeFile:
    """Read and validate one file. File-level failures (not text, not JSON, the wrong shape)
    raise ExchangeFileError; problems with single records are collected in `.problems`.

    Records without `created_at`/`updated_at` get `now`; records without an id get a new one
    (the merge may match them to an existing record instead).
    """
    text, used = decode(raw, name, encoding)
    if not text or text.isspace():
        raise ExchangeFileError(f"{name} is empty; expected an exchange file, JSON Lines or CSV")
    shape, items, head, total = _parse(text, name)
    del text  # the items hold what they still need
    xf = ExchangeFile(name=name, shape=shape, encoding=used)
    if head is not None:
        _read_envelope_head(head, xf)
    # Each record is validated as it is parsed and only its activity is kept: the raw items
    # (lines, dicts of a parsed list) are let go one by one, so a file is never held as text,
    # as parsed JSON and as activities all at once.
    base = os.path.basename(name) or name
    validate = _Validator(name, base, now, categories)
    done = 0
    for where, item in items:
        if isinstance(item, Problem):
            xf.problems.append(item)
        else:
            result = validate(item, where)
            if isinstance(result, Problem):
                xf.problems.append(result)
            else:
                xf.records.append(result)
        done += 1
        if on_progress is not None and done % 500 == 0:
            on_progress(done, max(total, done))
    xf.seen = done
    if on_progress is not None:
        on_progress(done, done)
    return xf


_SPACE = re.compile(r"\s*")


def _first_line(text: str, start: int = 0) -> str:
    """The line of `text` that begins at `start`, without copying the rest of the text."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _parse(text: str, name: str) -> tuple[str, Iterator[tuple[str, object]], dict | None, int]:
    """The shape of the file, its records as (where, raw item or Problem) in the order they
    come (produced as they are read), the envelope's head, and about how many records there
    are (for progress)."""
    start = _SPACE.match(text).end()
    try:
        data = orjson.loads(text)
        parsed = True
    except (orjson.JSONDecodeError, RecursionError) as err:
        parsed = False
        if text[start] == "{" and _first_line_is_object(text, start):
            return "jsonl", _jsonl_items(text, name), None, text.count("\n") + 1
        if text[start] in "[{":
            raise ExchangeFileError(f"{name} is not valid JSON: {_json_reason(err)}") from None
    if parsed:
        if isinstance(data, list):
            return "list", _drain(data, "record"), None, len(data)
        if isinstance(data, dict):
            if _is_data_file(data):
                raise ExchangeFileError(
                    f"{name} is a logbook data file, not an exchange file; export it first with "
                    f"`logbook --db {name} export -o FILE`"
                )
            if {"format", "version", "activities", "deleted"} & data.keys():
                items = _envelope_items(data, name)
                return "envelope", _drain(items, "record"), data, len(items)
            if {"title", "date", "id"} & data.keys():  # JSON Lines holding one record
                return "jsonl", iter([("line 1", data)]), None, 1
            raise ExchangeFileError(
                f"{name} is a JSON object without \"format\" or \"activities\"; expected the "
                'exchange envelope {"format": "logbook", "version": 1, "activities": [...]}'
            )
        raise ExchangeFileError(
            f"{name} holds a single JSON value ({_json_type(data)}); expected the exchange envelope, "
            "a list of activities, JSON Lines or CSV"
        )
    header = csv_header(_first_line(text, start))
    lowered = {h.lower() for h in header}
    if "title" in lowered and ("date" in lowered or "id" in lowered):
        lead = text.count("\n", 0, start)
        body = text[start:] if start else text
        return "csv", _csv_items(body, lead, name), None, body.count("\n") + 1
    first = _first_line(text, start).strip()
    raise ExchangeFileError(
        f"{name} is not an exchange file: not JSON, not JSON Lines, and not CSV with a header row "
        f"naming title and date (its first line is {_shorten(first, 60)!r})"
    )


def _is_data_file(data: dict) -> bool:
    return "_meta" in data and isinstance(data.get("activities", {}), dict)


def _first_line_is_object(text: str, start: int) -> bool:
    first = _first_line(text, start).strip()
    try:
        return isinstance(orjson.loads(first), dict)
    except (orjson.JSONDecodeError, RecursionError):
        return False


def _jsonl_items(text: str, name: str) -> Iterator[tuple[str, object]]:
    """The lines of JSON Lines parsed one at a time, as they are asked for."""
    number, start, size = 0, 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        number += 1
        line = text[start:end]
        start = end + 1
        if not line or line.isspace():
            continue
        where = f"line {number}"
        try:
            yield where, orjson.loads(line)
        except (orjson.JSONDecodeError, RecursionError) as err:
            yield where, Problem(name, where, None, f"not valid JSON ({_json_reason(err)})")


def _drain(items: list, label: str) -> Iterator[tuple[str, object]]:
    """The items of a parsed list, each let go from the list as it is handed out."""
    for i in range(len(items)):
        item, items[i] = items[i], None
        yield f"{label} {i + 1}", item


def _csv_items(body: str, lead: int, name: str) -> Iterator[tuple[str, object]]:
    """The rows of a CSV text as records, read one at a time; `lead` lines came before it."""
    try:
        for line, row in read_csv_rows(body):
            where = f"line {line + lead}"
            yield where, _csv_record(row, where, name)
    except CsvReadError as err:
        reason = str(err)
        if "field larger than field limit" in reason:
            reason = "a cell is longer than 131,072 characters, far past what any field holds"
        raise ExchangeFileError(f"{name}, line {err.line + lead}: cannot read the CSV: {reason}") from None


def _json_reason(err: BaseException) -> str:
    if isinstance(err, RecursionError):
        return "nested too deeply"
    message = str(err)
    if message.startswith("depth limit exceeded"):
        return "nested deeper than 1024 levels" + message[len("depth limit exceeded"):]
    return message


def _json_type(value) -> str:
    """What a JSON value is, with its article: "a number", "an object"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _envelope_items(data: dict, name: str) -> list:
    """The envelope's list of activities, once its head says it can be read."""
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise ExchangeFileError(
            f"{name} has format {_shorten(repr(fmt), 60)}; expected {FORMAT_NAME!r}"
        )
    version = data.get("version", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ExchangeFileError(f"{name} has version {_shorten(repr(version), 60)}; expected a whole number")
    if version > FORMAT_VERSION:
        raise ExchangeFileError(
            f"{name} is exchange format version {version}; this program reads up to "
            f"{FORMAT_VERSION}. Upgrade logbook"
        )
    for key in ("activities", "deleted", "communities"):
        value = data.get(key)
        if value is not None and not isinstance(value, list):
            raise ExchangeFileError(
                f"{name}: {key} must be a list, got {_json_type(value)}"
            )
    return data.get("activities") or []


def _read_envelope_head(data: dict, xf: ExchangeFile) -> None:
    author, stamp = data.get("author"), data.get("exported_at")
    xf.author = author if isinstance(author, str) else None
    xf.exported_at = stamp if isinstance(stamp, str) else None
    for i, item in enumerate(data.get("deleted") or [], 1):
        where = f"deleted {i}"
        if not isinstance(item, dict):
            xf.problems.append(Problem(xf.name, where, None, f"expected an object, got {_json_type(item)}"))
            continue
        ident, at = item.get("id"), item.get("deleted_at")
        if not isinstance(ident, str) or not _ID_RE.match(ident.lower()):
            xf.problems.append(
                Problem(xf.name, where, "id", f"{_shorten(repr(ident))} is not 32 hex characters")
            )
        elif not isinstance(at, str) or not _STAMP_RE.match(at):
            xf.problems.append(Problem(
                xf.name, where, "deleted_at",
                f"{_shorten(repr(at))} is not a UTC time like 2025-03-27T08:00:00Z",
            ))
        else:
            xf.tombstones.append((ident.lower(), at, where))
    for i, item in enumerate(data.get("communities") or [], 1):
        where = f"community {i}"
        problem = _check_community(item)
        if problem is not None:
            xf.problems.append(Problem(xf.name, where, problem[0], problem[1]))
            continue
        try:
            xf.communities.append(Community.from_dict(item))
        except ValidationError as err:
            xf.problems.append(Problem(xf.name, where, err.field, _shorten(err.message)))


def _check_community(item) -> tuple[str | None, str] | None:
    if not isinstance(item, dict):
        return None  # from_dict names the problem
    for key in ("name", "street"):
        value = item.get(key)
        if isinstance(value, str):
            if len(value) > NAME_MAX:
                return key, f"{len(value):,} characters long; at most {NAME_MAX} allowed"
            if "\x00" in value:
                return key, "contains a NUL character"
    aliases = item.get("aliases")
    if isinstance(aliases, list):
        for alias in aliases:
            if not isinstance(alias, str):
                return "aliases", f"expected a list of names, got {_shorten(repr(alias))}"
            if len(alias) > NAME_MAX or "\x00" in alias:
                return "aliases", f"an alias longer than {NAME_MAX} characters or holding a NUL character"
    return None


# -- one record ----------------------------------------------------------------------------------


def _csv_record(row: dict, where: str, name: str) -> dict | Problem:
    """A CSV row as a record dict: lists split, head counts read, empty cells as null."""
    extra = row.pop(None, None)
    if extra and any(cell.strip() for cell in extra):
        return Problem(name, where, None, f"{len(extra)} more cells than the header has columns")
    out: dict = {}
    approx_from_count = False
    for column, cell in row.items():
        key = column.lower()
        if key not in _FIELDS:
            continue
        text = cell.strip()
        if key in LIST_FIELDS:
            out[key] = split_list(cell)
        elif key == "participants":
            if not text:
                out[key] = None
            elif _WHOLE.match(text):
                out[key] = int(text.split(".")[0])
            else:
                from .numerals import parse_count

                try:
                    out[key], approx = parse_count(text)
                except ValueError:
                    return Problem(
                        name, where, key,
                        f"{_shorten(repr(text))} is not a head count: expected a whole number "
                        "such as 40, or 40+ / 40余",
                    )
                approx_from_count = approx_from_count or approx
        elif key == "participants_approx":
            if not text:
                out[key] = None
            elif text.lower() in _TRUE:
                out[key] = True
            elif text.lower() in _FALSE:
                out[key] = False
            else:
                return Problem(name, where, key, f"{_shorten(repr(text))} is not true or false")
        elif key == "date":
            loose = _LOOSE_DATE.match(text)
            out[key] = f"{loose[1]}-{int(loose[2]):02d}-{int(loose[3]):02d}" if loose else (text or None)
        else:
            out[key] = text or None
    if approx_from_count:
        out["participants_approx"] = True
    return out


class _NoNames(list):
    """The empty list of names that the records of an import share (most of their six list
    fields are empty): a list to everyone reading it, refusing to be changed in place, since
    every record holding it would change. Records are changed by giving them a new list."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("the shared empty list of an imported record cannot be changed in place")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


NO_NAMES = _NoNames()


class _Validator:
    """Validates the records of one file. What records of a file have in common is made once
    and shared: the set of fields they leave out (rows of a sheet all lack the same columns), the
    `source` of records without an id, and empty lists of names, so a record costs its activity's
    own values and little more."""

    def __init__(self, name: str, base: str, now: str, categories: Categories | None) -> None:
        self.name, self.base, self.now, self.categories = name, base, now, categories
        self.source = f"import {base}"
        self._missing: dict[frozenset, frozenset] = {}

    def __call__(self, item, where: str) -> IncomingRecord | Problem:
        result = _validate(item, where, self.name, self.base, self.now, self.categories, self.source)
        if isinstance(result, IncomingRecord):
            result.missing = self._missing.setdefault(result.missing, result.missing)
            for name in LIST_FIELDS:
                if not getattr(result.activity, name):
                    setattr(result.activity, name, NO_NAMES)
        return result


def _validate(
    item, where: str, name: str, base: str, now: str, categories: Categories | None,
    source: str | None = None,
) -> IncomingRecord | Problem:
    if isinstance(item, Problem):
        return item
    if not isinstance(item, dict):
        return Problem(name, where, None, f"expected an object, got {_json_type(item)}")
    data = {k: v for k, v in item.items() if k in _FIELDS}
    for key, value in data.items():
        if (isinstance(value, str) and (len(value) > TEXT_MAX or "\x00" in value)) or (
            isinstance(value, list) or (key in LIST_FIELDS and value is not None)
        ):
            problem = _precheck(key, value)
            if problem is not None:
                return Problem(name, where, key, problem)
    ident = data.get("id")
    had_id = ident not in (None, "")
    if not had_id:
        data["id"] = new_id()
    # A field the file does not mention (a column the sheet lacks) is left as the logbook has it
    # when the record is matched; a new record takes the field's default.
    missing = {key for key in FIELD_ORDER if key not in item and key != "id"}
    for key in BOOKKEEPING:
        if data.get(key) in (None, ""):
            data[key] = now
            missing.add(key)
    if not had_id and not data.get("source"):
        data["source"] = source or f"import {base}"
        missing.add("source")
    try:
        activity = Activity.from_dict(data, categories=categories)
    except ValidationError as err:
        return Problem(name, where, err.field, _shorten(err.message))
    return IncomingRecord(where, activity, had_id, frozenset(missing))


def _precheck(key: str, value) -> str | None:
    """Refuse what validation should never have to look at: huge strings, NUL characters,
    a list field that is not a list. Exact limits are the model's to enforce."""
    if isinstance(value, str):
        if len(value) > TEXT_MAX:
            limit = _FIELD_MAX.get(key, TEXT_MAX)
            return f"{len(value):,} characters long; at most {limit:,} allowed"
        if "\x00" in value:
            return "contains a NUL character"
    if key in LIST_FIELDS and value is not None:
        if not isinstance(value, list):
            return f"must be a list of names, got {_json_type(value)}"
        for item in value:
            if not isinstance(item, str):
                return f"expected a list of names, got {_shorten(repr(item))} in it"
            if len(item) > TEXT_MAX:
                return f"a name of {len(item):,} characters; at most {NAME_MAX} allowed"
            if "\x00" in item:
                return "a name contains a NUL character"
    return None


def _shorten(text: str, limit: int = _MESSAGE_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the merge -----------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """The logbook as the merge starts from it."""

    activities: dict[str, Activity]
    tombstones: dict[str, str]
    communities: list[Community]

    @classmethod
    def of_store(cls, store) -> "Snapshot":
        return cls(
            {a.id: a for a in store.activities()},
            {t["id"]: t["deleted_at"] for t in store.tombstones()},
            store.communities(),
        )

    @classmethod
    def of_transaction(cls, tx) -> "Snapshot":
        return cls({a.id: a for a in tx.activities()}, tx.tombstones(), tx.communities())


@dataclass
class Conflict:
    id: str
    title: str
    winner: str  # "ours" or "theirs"
    reason: str

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "winner": self.winner, "reason": self.reason}


@dataclass
class Refused:
    """A record or deletion not taken because a stamp of it is too far ahead of the clock."""

    id: str | None  # None for a row without an id (a hand-made sheet)
    where: str
    field: str
    stamp: str

    def to_dict(self) -> dict:
        return {"id": self.id, "where": self.where, "field": self.field, "stamp": self.stamp}


@dataclass
class FileSummary:
    name: str
    shape: str
    encoding: str
    added: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: int = 0
    older: int = 0  # of the skipped: older than ours, or deleted here since
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)  # stamped too far ahead of the clock
    invalid: list[Problem] = field(default_factory=list)
    communities_added: int = 0
    communities_updated: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "file": self.name,
            "shape": self.shape,
            "encoding": self.encoding,
            "added": self.added,
            "updated": self.updated,
            "deleted": self.deleted,
            "skipped": self.skipped,
            "older": self.older,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "refused": [r.to_dict() for r in self.refused],
            "invalid": [p.to_dict() for p in self.invalid],
            "communities_added": self.communities_added,
            "communities_updated": self.communities_updated,
            "notes": list(self.notes),
        }


def stamp_key(stamp: str) -> str:
    """A UTC stamp in a form that compares correctly whatever its precision
    (`…08:00:00Z` and `…08:00:00.000Z` are the same instant)."""
    m = _STAMP_RE.match(stamp)
    if not m:
        return stamp
    return f"{m[1]}.{(m[2] or '').ljust(6, '0')}"


def stamp_limit(now: str) -> str:
    """The stamp_key past which a stamp is more than STAMP_SLACK ahead of `now`."""
    moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
    try:
        moment += STAMP_SLACK
    except OverflowError:
        return stamp_key(now)
    return stamp_key(f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond:06d}Z")


def stamp_ahead(activity: Activity, limit: str) -> str | None:
    """The first stamp of `activity` (updated_at, then created_at) past `limit`, by name."""
    for name in ("updated_at", "created_at"):
        if stamp_key(getattr(activity, name)) > limit:
            return name
    return None


def _canonical(activity: Activity) -> bytes:
    return orjson.dumps(activity.to_dict(), option=orjson.OPT_SORT_KEYS)


def natural_key(activity: Activity) -> tuple:
    """What identifies a record that carries no id: date, title and communities, folded."""
    from .textnorm import fold

    return (activity.date, fold(activity.title), tuple(sorted({fold(c) for c in activity.communities})))


class Merge:
    """The merge of one or more files into a snapshot of the logbook.

    Each file is merged against the result of the files before it. The operations collected in
    `ops` are what `apply` replays on a store transaction; `changed` says whether there are any.
    """

    def __init__(self, snapshot: Snapshot, *, policy: Policy = Policy.newer, now: str) -> None:
        self.live = dict(snapshot.activities)
        self.dead = dict(snapshot.tombstones)
        self.communities = [Community.from_dict(c.to_dict()) for c in snapshot.communities]
        self._communities_before = [c.to_dict() for c in self.communities]
        self.policy = Policy(policy)
        self.now = now
        self.limit = stamp_limit(now)
        self.ops: list[tuple] = []
        self._natural: dict[tuple, str] | None = None
        self._before = snapshot.activities
        self._growth: dict[str, int] = {}  # month -> activities added to it, less those taken out

    @property
    def communities_changed(self) -> bool:
        return [c.to_dict() for c in self.communities] != self._communities_before

    @property
    def changed(self) -> bool:
        return bool(self.ops) or self.communities_changed

    def release(self) -> None:
        """Let go of the plan and of the logbook as it was, once applied: what an import of many
        records holds is then the transaction's copy alone, while it is written."""
        self.live = {}
        self.dead = {}
        self.ops = []
        self._natural = None
        self._before = {}

    def apply(self, tx) -> None:
        """Replay the merge on a transaction opened on the same logbook as the snapshot."""
        for op in self.ops:
            kind = op[0]
            if kind == "add":
                tx.add(op[1])
            elif kind == "update":
                tx.update(op[1])
            else:
                tx.delete(op[1], op[2])
        if self.communities_changed:
            tx.set_communities(self.communities)

    # -- one file --------------------------------------------------------------------------

    def add_file(
        self, xf: ExchangeFile, *, on_progress: Callable[[int, int], None] | None = None
    ) -> FileSummary:
        summary = FileSummary(xf.name, xf.shape, xf.encoding, invalid=list(xf.problems))
        if xf.communities:
            self._merge_communities(xf.communities, summary)
        registry = None
        done = 0
        for incoming in xf.records:
            if not incoming.had_id and registry is None:
                from .registry import Registry

                registry = Registry(self.communities)
            self._merge_record(incoming, summary, registry)
            done += 1
            if on_progress is not None and done % 500 == 0:
                on_progress(done, len(xf.records))
        if on_progress is not None:
            on_progress(done, len(xf.records))
        for ident, deleted_at, where in xf.tombstones:
            self._merge_tombstone(ident, deleted_at, where, summary)
        return summary

    def _merge_record(self, incoming: IncomingRecord, summary: FileSummary, registry) -> None:
        theirs = incoming.activity
        ahead = stamp_ahead(theirs, self.limit)
        if ahead is not None:
            ident = theirs.id if incoming.had_id else None
            summary.refused.append(Refused(ident, incoming.where, ahead, getattr(theirs, ahead)))
            return
        if not incoming.had_id:
            theirs = self._resolve_names(theirs, registry)
            match = self._natural_match(theirs)
            if match is not None:
                theirs = dataclasses.replace(theirs, id=match)
        ours = self.live.get(theirs.id)
        if ours is None:
            deleted_at = self.dead.get(theirs.id)
            if deleted_at is not None and (
                "updated_at" in incoming.missing
                or stamp_key(theirs.updated_at) <= stamp_key(deleted_at)
            ):
                summary.skipped += 1
                summary.older += 1
                return
            self._put("add", theirs)
            summary.added += 1
            return
        if incoming.missing:
            # What the file did not say is taken from our record; if the rest differs, the file
            # holds an edit made since, so it is stamped now.
            theirs = dataclasses.replace(theirs, **{k: getattr(ours, k) for k in incoming.missing})
            if theirs == ours:  # dataclass equality: every field
                summary.skipped += 1
                return
            if "updated_at" in incoming.missing:
                theirs.updated_at = self.now
        if theirs == ours:  # dataclass equality: every field
            summary.skipped += 1
            return
        t_key, o_key = stamp_key(theirs.updated_at), stamp_key(ours.updated_at)
        tie = t_key == o_key
        # Two different versions with the same stamp are ordered by content, so that every
        # logbook merging them picks the same one.
        theirs_newer = _canonical(theirs) > _canonical(ours) if tie else t_key > o_key
        take = theirs_newer if self.policy is Policy.newer else self.policy is Policy.replace
        # A conflict is a merge in which the newer version did not win, or neither was newer.
        conflict = tie or take != theirs_newer
        if tie:
            reason = "same updated_at, different content"
        else:
            reason = ("theirs" if theirs_newer else "ours") + " is newer"
        if self.policy is not Policy.newer:
            reason += f"; --on-conflict {self.policy.value}"
        if take:
            self._put("update", theirs)
            summary.updated += 1
        else:
            summary.skipped += 1
            if not theirs_newer and not tie:
                summary.older += 1
        if conflict:
            summary.conflicts.append(
                Conflict(ours.id, ours.title, "theirs" if take else "ours", reason)
            )

    def _merge_tombstone(self, ident: str, deleted_at: str, where: str, summary: FileSummary) -> None:
        if stamp_key(deleted_at) > self.limit:
            summary.refused.append(Refused(ident, where, "deleted_at", deleted_at))
            return
        ours = self.live.get(ident)
        if ours is not None:
            if stamp_key(deleted_at) >= stamp_key(ours.updated_at):
                self._delete(ident, deleted_at)
                summary.deleted += 1
            return
        known = self.dead.get(ident)
        # the same instant written with another precision: the greater text, for every logbook
        if known is None or (stamp_key(deleted_at), deleted_at) > (stamp_key(known), known):
            # Kept so that the deletion travels on when this logbook is exported in turn.
            self._delete(ident, deleted_at)

    def months_over(self, limit: int) -> list[tuple[str, int]]:
        """The months this merge adds activities to that would then hold more than `limit`,
        with what they would hold, fullest first."""
        grown = {month for month, n in self._growth.items() if n > 0}
        held = dict.fromkeys(grown, 0)
        if grown:
            for a in self._before.values():
                month = a.date[:7]
                if month in held:
                    held[month] += 1
        over = [(m, held[m] + self._growth[m]) for m in grown if held[m] + self._growth[m] > limit]
        return sorted(over, key=lambda o: (-o[1], o[0]))

    def _grow(self, activity: Activity | None, by: int) -> None:
        if activity is not None:
            month = activity.date[:7]
            self._growth[month] = self._growth.get(month, 0) + by

    def _put(self, kind: str, activity: Activity) -> None:
        self._grow(self.live.get(activity.id), -1)
        self._grow(activity, 1)
        self.live[activity.id] = activity
        self.dead.pop(activity.id, None)
        self.ops.append((kind, activity))
        if self._natural is not None:
            self._natural.setdefault(natural_key(activity), activity.id)

    def _delete(self, ident: str, deleted_at: str) -> None:
        self._grow(self.live.pop(ident, None), -1)
        self.dead[ident] = deleted_at
        self.ops.append(("delete", ident, deleted_at))

    def _natural_match(self, activity: Activity) -> str | None:
        if self._natural is None:
            self._natural = {}
            for a in self.live.values():
                self._natural.setdefault(natural_key(a), a.id)
        key = natural_key(activity)
        found = self._natural.get(key)
        if found is not None and (found not in self.live or natural_key(self.live[found]) != key):
            # stale: that record was deleted or changed since; look again the slow way, once
            found = next((a.id for a in self.live.values() if natural_key(a) == key), None)
            if found is None:
                del self._natural[key]
            else:
                self._natural[key] = found
        return found

    def _resolve_names(self, activity: Activity, registry) -> Activity:
        """A hand-made record (no id) names communities the way `add` would store them."""
        names: list[str] = []
        for typed in activity.communities:
            found = registry.find(typed)
            name = found.name if found is not None else typed
            if name not in names:
                names.append(name)
        street = activity.street
        if street:
            street = registry.resolve_street(street) or street
        elif names:
            street = registry.street_of(names)
        if names == activity.communities and street == activity.street:
            return activity
        return dataclasses.replace(activity, communities=names, street=street)

    def _merge_communities(self, incoming: Iterable[Community], summary: FileSummary) -> None:
        from .registry import Registry
        from .textnorm import fold

        for inc in incoming:
            registry = Registry(self.communities)
            mine = next((c for c in self.communities if c.name == inc.name), None) or registry.find(inc.name)
            if mine is None:
                aliases = [a for a in inc.aliases if registry.find(a) is None]
                self.communities.append(Community(inc.name, inc.street, aliases))
                summary.communities_added += 1
                continue
            aliases = list(mine.aliases)
            for alias in [inc.name, *inc.aliases]:
                if alias != mine.name and alias not in aliases and registry.find(alias) is None:
                    aliases.append(alias)
            street = mine.street or inc.street
            if mine.street and inc.street and fold(mine.street) != fold(inc.street):
                summary.notes.append(
                    f"community {mine.name}: the file puts it in {inc.street}, this logbook in "
                    f"{mine.street}; kept {mine.street}"
                )
            if aliases != mine.aliases or street != mine.street:
                mine.aliases = aliases
                mine.street = street
                summary.communities_updated += 1


# -- export --------------------------------------------------------------------------------------


RECORD_INDENT = b"    "  # of a record's line in the envelope


def envelope_chunks(
    months: Iterable[tuple[list[dict], bytes | None]],
    communities: Iterable[Community],
    tombstones: Iterable[tuple[str, str]],
    *,
    exported_at: str,
    author: str | None,
) -> Iterator[bytes]:
    """The envelope as UTF-8 JSON, in pieces as the activities come: a list of records at a
    time, already in store.export_order, with their lines when the store has them as they are
    to be written (see Store.records). Characters as themselves (only control characters, which
    JSON cannot carry raw, are escaped); one entry of each list a line, so that a changed record
    is one changed line and a file of 100,000 is written as fast as it is read."""
    yield b"{\n"
    head = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "exported_at": exported_at, "author": author}
    for key, value in head.items():
        yield b'  "%s": %s,\n' % (key.encode(), orjson.dumps(value))
    yield b'  "communities": ' + _lines([c.to_dict() for c in communities], last=False)
    yield b'  "activities": ['
    first = True
    for records, lines in months:
        if not records:
            continue
        yield b"\n" if first else b",\n"
        if lines is None:
            # Records are flat objects whose first key is the id, and a `"` inside a string is
            # escaped, so `},{"id":` is found only between two records.
            body = orjson.dumps(records)
            lines = RECORD_INDENT + body[1:-1].replace(b'},{"id":', b'},\n' + RECORD_INDENT + b'{"id":')
        yield lines
        first = False
    yield b"]," if first else b"\n  ],"
    deleted = [
        {"id": ident, "deleted_at": at}
        for ident, at in sorted(tombstones, key=lambda t: (stamp_key(t[1]), t[0]))
    ]
    yield b'\n  "deleted": ' + _lines(deleted, last=True) + b"}\n"


def _lines(items: list[dict], *, last: bool) -> bytes:
    end = b"\n" if last else b",\n"
    if not items:
        return b"[]" + end
    return b"[\n    " + b",\n    ".join(orjson.dumps(item) for item in items) + b"\n  ]" + end


def encode_csv(records: list[dict], encoding: str) -> bytes:
    """CSV for spreadsheets: UTF-8 with a BOM (Excel and WPS read it as UTF-8), or GBK for old
    Excel, which has no BOM. A character GBK cannot hold is an error naming the record, never a
    silent `?`."""
    if encoding in ("utf-8", "utf8"):
        return "".join(iter_csv(records)).encode("utf-8")
    chunks = iter_csv(records, bom=False)
    out = [next(chunks).encode(encoding)]
    for record, chunk in zip(records, chunks):
        try:
            out.append(chunk.encode(encoding))
        except UnicodeEncodeError as err:
            bad = err.object[err.start : err.end]
            where = next((name for name in FIELD_ORDER if bad in _cell_text(record, name)), "a field")
            raise ExportEncodingError(
                f"record {record['id'][:8]} ({record['date']} {_shorten(clean_text(record['title']), 40)}) "
                f"has {bad!r} (U+{ord(bad[0]):04X}) in {where}, which {encoding.upper()} cannot "
                "hold; export in UTF-8 (the default) instead, or edit the record"
            ) from None
    return b"".join(out)


def _cell_text(record: dict, name: str) -> str:
    value = record[name]
    if name in LIST_FIELDS:
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)
