"""Reading an exchange file in whatever shape and encoding it arrives in: the bytes decoded, the
shape told (envelope, JSON list, JSON Lines, CSV), each record validated as it is parsed.

Shapes read: the envelope written by `export`, a bare JSON list of activities, JSON Lines, CSV
(as `formats.iter_csv` writes it, or as a spreadsheet saves it). Encodings: UTF-8 with or without
a BOM, UTF-16 with a BOM, GBK (tried when UTF-8 fails).
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson

from ..errors import LogbookError, NotFound, UsageError, ValidationError
from ..formats import CsvReadError, csv_header, read_csv_rows
from ..i18n import N_, Reason, _, os_reason
from ..models import NAME_MAX, Categories, Community
from .records import ExchangeFile, Problem, _csv_record, _json_type, _shorten, _Validator
from .stamps import _STAMP_RE

FORMAT_NAME = "logbook"
FORMAT_VERSION = 1
_ID_RE = re.compile(r"^[0-9a-f]{32}$")


class ExchangeFileError(LogbookError):
    """A file that cannot be read as an exchange file at all (exit 1)."""


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a file named on the command line, or a one-line error saying why not."""
    from ..inputs import read_input_file

    p = Path(path)
    try:
        return read_input_file(p, shown=str(path), expected="an exchange file")
    except FileNotFoundError:
        raise NotFound(_("no such file: {file}").format(file=path)) from None
    except IsADirectoryError:
        raise UsageError(_("{file} is a directory; expected an exchange file").format(file=path)) from None
    except PermissionError:
        raise ExchangeFileError(_("{file} cannot be read: permission denied").format(file=path)) from None
    except OSError as err:
        if p.is_dir():
            raise UsageError(_("{file} is a directory; expected an exchange file").format(file=path)) from None
        raise ExchangeFileError(
            _("{file} cannot be read: {reason}").format(file=path, reason=os_reason(err).text())
        ) from None


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
                _("unknown encoding {name} for --encoding: expected utf-8, gbk, gb18030 or utf-16").format(
                    name=repr(encoding)
                )
            ) from None
        if codec == "utf-8" and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as err:
            raise ExchangeFileError(
                _("{file} is not {encoding} text: {where}").format(file=name, encoding=encoding, where=_bad_bytes(err))
            ) from None
        used = encoding
    elif raw.startswith(codecs.BOM_UTF8):
        try:
            text = raw[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as err:
            raise ExchangeFileError(
                _("{file} starts with a UTF-8 byte order mark but is not UTF-8: {where}").format(
                    file=name, where=_bad_bytes(err)
                )
            ) from None
        used = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ExchangeFileError(
                _("{file} is not UTF-16 text: {where}").format(file=name, where=_bad_bytes(err))
            ) from None
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
                    _(
                        "{file} is neither UTF-8 nor GBK text ({where} as UTF-8); name its encoding with --encoding"
                    ).format(file=name, where=_bad_bytes(utf8_err))
                ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        if text.count("\x00") * 3 > len(text):
            message = _(
                "{file} contains a NUL character (line {line}), which no text file holds; "
                "if it is UTF-16 without a byte order mark, pass --encoding utf-16"
            )
        else:
            message = _("{file} contains a NUL character (line {line}), which no text file holds")
        raise ExchangeFileError(message.format(file=name, line=line))
    return text, used


def _bad_bytes(err: UnicodeDecodeError) -> str:
    bad = err.object[err.start : min(err.end, err.start + 4)]
    return _("bytes {bytes} at offset {offset}").format(bytes=bad.hex(" "), offset=err.start)


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
        raise ExchangeFileError(_("{file} is empty; expected an exchange file, JSON Lines or CSV").format(file=name))
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
    leading = _SPACE.match(text)
    start = leading.end() if leading else 0
    try:
        data = orjson.loads(text)
        parsed = True
    except (orjson.JSONDecodeError, RecursionError) as err:
        parsed = False
        if text[start] == "{" and _first_line_is_object(text, start):
            return "jsonl", _jsonl_items(text, name), None, text.count("\n") + 1
        if text[start] in "[{":
            raise ExchangeFileError(
                _("{file} is not valid JSON: {reason}").format(file=name, reason=_json_reason(err))
            ) from None
    if parsed:
        if isinstance(data, list):
            return "list", _drain(data, "record"), None, len(data)
        if isinstance(data, dict):
            if _is_data_file(data):
                raise ExchangeFileError(
                    _(
                        "{file} is a logbook data file, not an exchange file; export it first with "
                        "`logbook --db {file} export -o FILE`"
                    ).format(file=name)
                )
            if {"format", "version", "activities", "deleted"} & data.keys():
                items = _envelope_items(data, name)
                return "envelope", _drain(items, "record"), data, len(items)
            if {"title", "date", "id"} & data.keys():  # JSON Lines holding one record
                return "jsonl", iter([("line 1", data)]), None, 1
            raise ExchangeFileError(
                _(
                    '{file} is a JSON object without "format" or "activities"; expected the '
                    "exchange envelope {envelope}"
                ).format(file=name, envelope='{"format": "logbook", "version": 1, "activities": [...]}')
            )
        raise ExchangeFileError(
            _(
                "{file} holds a single JSON value ({type}); expected the exchange envelope, a list of "
                "activities, JSON Lines or CSV"
            ).format(file=name, type=_json_type(data))
        )
    header = csv_header(_first_line(text, start))
    lowered = {h.lower() for h in header}
    if "title" in lowered and ("date" in lowered or "id" in lowered):
        lead = text.count("\n", 0, start)
        body = text[start:] if start else text
        return "csv", _csv_items(body, lead, name), None, body.count("\n") + 1
    first = _first_line(text, start).strip()
    raise ExchangeFileError(
        _(
            "{file} is not an exchange file: not JSON, not JSON Lines, and not CSV with a header row "
            "naming title and date (its first line is {line})"
        ).format(file=name, line=repr(_shorten(first, 60)))
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
            yield where, Problem(name, where, None, Reason(N_("not valid JSON ({reason})"), reason=_json_reason(err)))


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
            reason = _("a cell is longer than 131,072 characters, far past what any field holds")
        raise ExchangeFileError(
            _("{file}, line {line}: cannot read the CSV: {reason}").format(
                file=name, line=err.line + lead, reason=reason
            )
        ) from None


def _json_reason(err: BaseException) -> str:
    if isinstance(err, RecursionError):
        return "nested too deeply"
    message = str(err)
    if message.startswith("depth limit exceeded"):
        return "nested deeper than 1024 levels" + message[len("depth limit exceeded") :]
    return message


def _envelope_items(data: dict, name: str) -> list:
    """The envelope's list of activities, once its head says it can be read."""
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise ExchangeFileError(
            _("{file} has format {value}; expected {expected}").format(
                file=name, value=_shorten(repr(fmt), 60), expected=repr(FORMAT_NAME)
            )
        )
    version = data.get("version", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ExchangeFileError(
            _("{file} has version {value}; expected a whole number").format(
                file=name, value=_shorten(repr(version), 60)
            )
        )
    if version > FORMAT_VERSION:
        raise ExchangeFileError(
            _("{file} is exchange format version {version}; this program reads up to {newest}. Upgrade logbook").format(
                file=name, version=version, newest=FORMAT_VERSION
            )
        )
    for key in ("activities", "deleted", "communities"):
        value = data.get(key)
        if value is not None and not isinstance(value, list):
            raise ExchangeFileError(
                _("{file}: {key} must be a list, got {type}").format(file=name, key=key, type=_json_type(value))
            )
    return data.get("activities") or []


def _read_envelope_head(data: dict, xf: ExchangeFile) -> None:
    author, stamp = data.get("author"), data.get("exported_at")
    xf.author = author if isinstance(author, str) else None
    xf.exported_at = stamp if isinstance(stamp, str) else None
    for i, item in enumerate(data.get("deleted") or [], 1):
        where = f"deleted {i}"
        if not isinstance(item, dict):
            xf.problems.append(
                Problem(xf.name, where, None, Reason(N_("expected an object, got {type}"), type=_json_type(item)))
            )
            continue
        ident, at = item.get("id"), item.get("deleted_at")
        if not isinstance(ident, str) or not _ID_RE.match(ident.lower()):
            xf.problems.append(
                Problem(
                    xf.name, where, "id", Reason(N_("{value} is not 32 hex characters"), value=_shorten(repr(ident)))
                )
            )
        elif not isinstance(at, str) or not _STAMP_RE.match(at):
            xf.problems.append(
                Problem(
                    xf.name,
                    where,
                    "deleted_at",
                    Reason(N_("{value} is not a UTC time like 2025-03-27T08:00:00Z"), value=_shorten(repr(at))),
                )
            )
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
                return key, Reason(
                    N_("{length} characters long; at most {limit} allowed"),
                    length=f"{len(value):,}",
                    limit=f"{NAME_MAX:,}",
                )
            if "\x00" in value:
                return key, Reason(N_("contains a NUL character"))
    aliases = item.get("aliases")
    if isinstance(aliases, list):
        for alias in aliases:
            if not isinstance(alias, str):
                return "aliases", Reason(N_("expected a list of names, got {value}"), value=_shorten(repr(alias)))
            if len(alias) > NAME_MAX or "\x00" in alias:
                return "aliases", Reason(
                    N_("an alias longer than {limit} characters or holding a NUL character"), limit=NAME_MAX
                )
    return None
