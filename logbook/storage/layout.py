"""The files of a logbook and what their names and contents mean: table and field names, the
naming of month, keys and backup files, the month a date belongs to, the one-record-a-line layout
of a month file, and what a main file must hold to be read."""

from __future__ import annotations

import os
import re

import orjson

from ..i18n import N_, Message, message
from ..models import FIELD_SET

SCHEMA_VERSION = 2
LEGACY_SCHEMA = 1  # one file holding every activity: read as is, split by the first write
MIN_PREFIX = 4
HISTORY_MAX_ENTRIES = 50
HISTORY_MAX_BYTES = 256 * 1024 * 1024
FILE_MODE = 0o600
DIR_MODE = 0o700

ACTIVITIES = "activities"
DELETED = "deleted"
COMMUNITIES = "communities"
META = "_meta"
PERIODS = "periods"
_MAIN_TABLES = (META, COMMUNITIES, DELETED, PERIODS)
SEARCH_KEYS = "search_keys"  # the table of a month's keys file
_SEARCH_KEY = "search_key"  # in records written before keys had their own file: read, not written
_KEYS_SUFFIX = ".keys.json"
UNDATED = "undated"  # the month of a record whose date is not a date (only in damaged files)

_ACTIVITY_FIELDS = FIELD_SET
_MONTH = re.compile(r"^\d{4}-\d{2}$")
SHORT_ID = 8  # the index keeps this much of each id: enough to find its month, a quarter of the bytes


_LINE_KEY = re.compile(rb'\n"\d+":')  # a document's key at the start of its line


def _tables_bytes(data: dict, known: list[bytes | None] | None = None) -> bytes:
    """A TinyDB database as logbook writes it. A file of one table (a month, its keys) is
    compact, a document a line:

        {"activities":{
        "1":{"id":"…","date":"2025-03-02",…},
        "2":{…}
        }}

    One record a line reads well enough, shows a change as one changed line, and lets an export
    copy the records rather than make their JSON again (`_document_lines`). Any other (the main
    file) is indented.

    `known`, for a file of one table, gives the JSON of its documents, in order, where it is
    already made (a record written back as it was read, the bytes `_document_spans` found for
    it): those are copied rather than made again."""
    if len(data) != 1:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2)
    ((table, docs),) = data.items()
    if not docs:
        return orjson.dumps(data) + b"\n"
    # orjson's compact JSON of a value does not depend on what holds it, so documents made one
    # at a time and joined are the bytes of the whole (and ~3x faster to make than splitting
    # the whole into lines afterwards).
    dumps = orjson.dumps
    if known is not None and len(known) == len(docs):
        body = b",\n".join(
            [
                b"%b:%b" % (dumps(key), dumps(doc) if made is None else made)
                for (key, doc), made in zip(docs.items(), known)
            ]
        )
    else:
        body = b",\n".join([b"%b:%b" % (dumps(key), dumps(doc)) for key, doc in docs.items()])
    return b"{%b:{\n%b\n}}\n" % (dumps(table), body)


def _document_lines(raw: bytes, table: str, indent: bytes, count: int) -> bytes | None:
    """The documents of a file `_tables_bytes` wrote, one a line as written, without their
    `"12":` keys and each line starting with `indent`; None if the file is not in that layout
    (`count` documents, parsed from the same bytes, one a line)."""
    head = b'{"%s":{\n' % table.encode()
    if not (raw.startswith(head) and raw.endswith(b"}\n}}\n")):
        return None
    lines, found = _LINE_KEY.subn(b"\n" + indent, raw[len(head) - 1 : -4])
    return lines[1:] if found == count else None


def _document_spans(raw: bytes, table: str, count: int) -> list[tuple[int, int]] | None:
    """Where each document's JSON starts and ends in a file `_tables_bytes` wrote (one a line,
    as `_document_lines` reads it), in file order; None if the file is not in that layout."""
    head = b'{"%s":{\n' % table.encode()
    if not (raw.startswith(head) and raw.endswith(b"}\n}}\n")):
        return None
    keys = list(_LINE_KEY.finditer(raw, len(head) - 1, len(raw) - 4))
    if len(keys) != count:
        return None
    # a line is `"12":{...},`: its document ends before the comma, the last one before "\n}}"
    ends = [key.start() - 1 for key in keys[1:]] + [len(raw) - 4]
    return [(key.end(), end) for key, end in zip(keys, ends)]


def keys_file(records_file: str) -> str:
    """The name of the file that holds the search keys of a month file's records."""
    return records_file[: -len(".json")] + _KEYS_SUFFIX


def export_order(doc: dict) -> tuple:
    """A stored record's place in a month file: oldest first, so that an export reads like a
    diary and two exports of the same data diff clean."""
    return (
        str(doc.get("date") or ""),
        str(doc.get("start") or ""),
        str(doc.get("created_at") or ""),
        str(doc.get("id") or ""),
    )


def period_of(day: object) -> str:
    """The month (`YYYY-MM`) whose file holds an activity of this ISO date."""
    month = day[:7] if isinstance(day, str) else ""
    return month if _MONTH.match(month) else UNDATED


def _identity(info: os.stat_result) -> tuple:
    """What tells one main file from the next (an inode number alone is reused)."""
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)


def _month_bounds(period: str) -> tuple[str, str]:
    if not _MONTH.match(period):
        return "", "9999-99-99"
    return period + "-01", period + "-31"


def _in_range(period: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether the month may hold activities dated within [date_from, date_to]."""
    if not _MONTH.match(period):
        return True  # only a damaged record lands here; the date test then decides
    if date_from and period < date_from[:7]:
        return False
    if date_to and period > date_to[:7]:
        return False
    return True


def _outside(day: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether an activity of this date falls outside [date_from, date_to]."""
    return bool((date_from and day < date_from) or (date_to and day > date_to))


def _whole(period: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether every activity a month may hold is dated within [date_from, date_to]."""
    first, last = _month_bounds(period)
    return (not date_from or first >= date_from) and (not date_to or last <= date_to)


def _newest_first(period: str) -> tuple:
    return (bool(_MONTH.match(period)), period)


_PLAIN_NAME = re.compile(r"^[^/\\\x00]+$")
_BACKUP_NAME = re.compile(r"^(\d{6})-[^/\\\x00]+$")
_PART_NAME = re.compile(r"^(\d{4}-\d{2}|" + UNDATED + r")\.(\d{6,})(\.keys)?\.json$")


def part_seq(name: str) -> int | None:
    """The write number of a file of the month folder the store wrote (`2025-03.000042.json` or
    its keys file); None for any other name, which the store never deletes."""
    match = _PART_NAME.match(name)
    return int(match.group(2)) if match else None


def _meta_problem(data: dict, *, required: bool = False) -> Message | None:
    """What is wrong with a main file's `_meta` and tables, as a phrase ("has no _meta
    table…"); None when it is a logbook this program reads. With `required`, an empty file is
    not a logbook either (a backup never is one)."""
    if not isinstance(data, dict):
        return message(N_("is not a logbook (expected a JSON object of tables)"))
    meta_table = data.get(META)
    has_data = any(bool(v) for k, v in data.items() if k != META)
    if not meta_table:
        if has_data or required:
            return message(N_("has no _meta table, so it was not written by logbook"))
        return None
    if not isinstance(meta_table, dict):
        return message(N_("has a broken _meta table"))
    meta: object = next(iter(meta_table.values()), {})
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool):
        return message(N_("has no schema_version in its _meta table"))
    if version > SCHEMA_VERSION:
        return message(
            N_(
                "was written by a newer logbook (schema {version}; this program reads up to "
                "{supported}); upgrade logbook"
            ),
            version=version,
            supported=SCHEMA_VERSION,
        )
    for name in (COMMUNITIES, DELETED, PERIODS, ACTIVITIES):
        if name in data and not isinstance(data[name], dict):
            return message(N_("has a broken {table} table"), table=name)
    for entry in (data.get(PERIODS) or {}).values():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("period"), str)
            and isinstance(entry.get("file"), str)
            and isinstance(entry.get("ids"), str)
            and _PART_NAME.match(entry["file"])
            and not entry["file"].endswith(_KEYS_SUFFIX)
        ):
            return message(N_("has a broken index of months (the periods table)"))
    return None
