"""What an exchange file holds once read (ExchangeFile, IncomingRecord, Problem), and the
validation of one record, from a parsed item or a CSV row, into an activity or a problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ValidationError
from ..formats import split_list
from ..i18n import N_, Reason
from ..models import (
    FIELD_ORDER,
    LIST_FIELDS,
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Activity,
    Categories,
    Community,
    new_id,
)

BOOKKEEPING = ("created_at", "updated_at")
_LOOSE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_WHOLE = re.compile(r"^\d+(?:\.0+)?$")
_HH_MM = re.compile(r"^\d{2}:\d{2}$")
_FORMULA_START = ("=", "+", "-", "@")
_TRUE = {"true", "yes", "y", "1", "是", "t"}
_FALSE = {"false", "no", "n", "0", "否", "f"}
_FIELDS = frozenset(FIELD_ORDER)
# The longest text each field may hold; anything past it is refused before validation looks at
# it (a 50 MB "title" must not be normalised, case-folded and converted first).
_FIELD_MAX = {"title": TITLE_MAX, **{name: NAME_MAX for name in LIST_FIELDS}}
_MESSAGE_MAX = 200


# -- what a file holds ---------------------------------------------------------------------------


@dataclass
class Problem:
    """One reason a record (or part of the file) cannot be imported."""

    file: str
    where: str  # "record 3", "line 7", "community 2", "deleted 1", "sheet 3月, row 7"
    field: str | None
    reason: str
    column: str | None = None  # a ledger's column, as its header names it
    where_shown: str | None = None  # `where` in the reader's language, when it differs

    def __str__(self) -> str:
        parts = [self.file, self.where]
        if self.column:
            parts.append(f"column {self.column}")
        elif self.field:
            parts.append(f"field {self.field}")
        return ", ".join(p for p in parts if p) + f": {self.reason}"

    def text(self) -> str:
        """The problem in the reader's language (`str()` is the English JSON carries)."""
        from ..i18n import _, reason_text

        where = self.where_shown or self.where
        reason = reason_text(self.reason)
        if self.column:
            return _("{file}, {where}, column {column}: {reason}").format(
                file=self.file, where=where, column=self.column, reason=reason
            )
        if self.field:
            return _("{file}, {where}, field {field}: {reason}").format(
                file=self.file, where=where, field=self.field, reason=reason
            )
        return _("{file}, {where}: {reason}").format(file=self.file, where=where, reason=reason)

    def to_dict(self) -> dict:
        out = {"file": self.file, "where": self.where, "field": self.field, "reason": str(self.reason)}
        if self.column:
            out["column"] = self.column
        return out


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
    notes: list[str] = field(default_factory=list)  # for the person importing (a ledger's)


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


# -- one record ----------------------------------------------------------------------------------


def _csv_record(row: dict, where: str, name: str) -> dict | Problem:
    """A CSV row as a record dict: lists split, head counts read, empty cells as null."""
    extra = row.pop(None, None)
    if extra and any(cell.strip() for cell in extra):
        return Problem(
            name, where, None, Reason(N_("{count} more cells than the header has columns"), count=len(extra))
        )
    out: dict = {}
    approx_from_count = False
    for column, cell in row.items():
        key = column.lower()
        if key not in _FIELDS:
            continue
        text = cell.strip()
        if text[:1] == "'" and text.lstrip("'")[:1] in _FORMULA_START:
            # the spreadsheet convention for "this is text" (`export --format csv` writes it)
            cell = text = text[1:]
        if key in LIST_FIELDS:
            out[key] = split_list(cell)
        elif key == "participants":
            if not text:
                out[key] = None
            elif _WHOLE.match(text):
                out[key] = int(text.split(".")[0])
            else:
                from ..numerals import parse_count

                try:
                    out[key], approx = parse_count(text)
                except ValueError:
                    return Problem(
                        name,
                        where,
                        key,
                        Reason(
                            N_("{value} is not a head count: expected a whole number such as 40, or 40+ / 40余"),
                            value=_shorten(repr(text)),
                        ),
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
                return Problem(name, where, key, Reason(N_("{value} is not true or false"), value=_shorten(repr(text))))
        elif key in ("start", "end") and text and not _HH_MM.match(text):
            out[key] = _spreadsheet_time(text)
        elif key == "date":
            loose = _LOOSE_DATE.match(text)
            out[key] = f"{loose[1]}-{int(loose[2]):02d}-{int(loose[3]):02d}" if loose else (text or None)
        else:
            out[key] = text or None
    if approx_from_count:
        out["participants_approx"] = True
    return out


def _spreadsheet_time(text: str) -> str:
    """A time as a spreadsheet saves it (`9:00`, `09:00:00`, `09:00:00 AM`, `上午9:00`) as HH:MM;
    text that is no time is left for validation to name."""
    from ..ledgers.cells import CellError, read_time

    try:
        return read_time(text)
    except CellError:
        return text


class _NoNames(list):
    """The empty list of names that the records of an import share (most of their six list
    fields are empty): a list to everyone reading it, refusing to be changed in place, since
    every record holding it would change. Records are changed by giving them a new list."""

    def _refuse(self, *args, **kwargs):  # a programming error, not a message for people
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
    item,
    where: str,
    name: str,
    base: str,
    now: str,
    categories: Categories | None,
    source: str | None = None,
) -> IncomingRecord | Problem:
    if isinstance(item, Problem):
        return item
    if not isinstance(item, dict):
        return Problem(name, where, None, Reason(N_("expected an object, got {type}"), type=_json_type(item)))
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
            return Reason(
                N_("{length} characters long; at most {limit} allowed"), length=f"{len(value):,}", limit=f"{limit:,}"
            )
        if "\x00" in value:
            return Reason(N_("contains a NUL character"))
    if key in LIST_FIELDS and value is not None:
        if not isinstance(value, list):
            return Reason(N_("must be a list of names, got {type}"), type=_json_type(value))
        for item in value:
            if not isinstance(item, str):
                return Reason(N_("expected a list of names, got {value} in it"), value=_shorten(repr(item)))
            if len(item) > TEXT_MAX:
                return Reason(
                    N_("a name of {length} characters; at most {limit} allowed"),
                    length=f"{len(item):,}",
                    limit=NAME_MAX,
                )
            if "\x00" in item:
                return Reason(N_("a name contains a NUL character"))
    return None


def _shorten(text: str, limit: int = _MESSAGE_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
