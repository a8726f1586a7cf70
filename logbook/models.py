"""The activity record, the community registry entry and the category list: fields, validation,
conversion to and from plain dicts. Standard library only."""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field, fields
from datetime import date

from .dates import FIRST_DAY, LAST_DAY, supported_range
from .errors import ValidationError
from .i18n import _

TITLE_MAX = 200
TEXT_MAX = 20_000  # notes hold a whole article; anything longer is not a note
NAME_MAX = 100
PARTICIPANTS_MAX = 10_000_000

# Category: (stored Chinese name, English name, other accepted spellings).
# The Chinese name is what is stored; every spelling in either script resolves to it.
BUILTIN_CATEGORIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("培训", "training", ("培訓", "讲座", "講座")),
    ("会议", "meeting", ("會議", "议事协商", "議事協商", "议事", "議事", "协商", "協商")),
    ("志愿服务", "volunteer", ("志願服務", "志愿服務", "志愿")),
    ("义诊", "health", ("義診", "健康")),
    ("文化", "culture", ("文体", "文體")),
    ("安全", "safety", ("消防", "安全消防")),
    ("便民服务", "service", ("便民服務", "便民")),
    ("党建", "party", ("黨建",)),
    ("其他", "other", ("其它",)),
)

LIST_FIELDS = ("communities", "organizers", "partners", "speakers", "groups", "tags")
# The order every machine format writes fields in; documented in the README.
FIELD_ORDER = (
    "id",
    "date",
    "start",
    "end",
    "title",
    "category",
    "communities",
    "street",
    "participants",
    "participants_approx",
    "organizers",
    "partners",
    "speakers",
    "groups",
    "tags",
    "location",
    "notes",
    "source",
    "author",
    "created_at",
    "updated_at",
)

FIELD_SET = frozenset(FIELD_ORDER)  # a stored record holds exactly these keys
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FIRST_ISO, _LAST_ISO = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def new_id() -> str:
    return uuid.uuid4().hex


def short_id(activity_id: str) -> str:
    return activity_id[:8]


def clean_text(value: str) -> str:
    """Trim and NFC-normalise user text; inner content (control characters included) is kept."""
    return unicodedata.normalize("NFC", value).strip()


def clean_names(values) -> list[str]:
    """A list field as typed: trimmed, empty entries dropped, duplicates dropped, order kept."""
    out: list[str] = []
    for value in values or ():
        if not isinstance(value, str):
            raise ValidationError(f"expected a list of names, got {value!r}")
        name = clean_text(value)
        if name and name not in out:
            out.append(name)
    return out


@dataclass
class Activity:
    id: str
    date: str
    title: str
    category: str = "其他"
    start: str | None = None
    end: str | None = None
    communities: list[str] = field(default_factory=list)
    street: str | None = None
    participants: int | None = None
    participants_approx: bool = False
    organizers: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    location: str | None = None
    notes: str | None = None
    source: str | None = None
    author: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def short_id(self) -> str:
        return short_id(self.id)

    def to_dict(self) -> dict:
        """The record in FIELD_ORDER, every field present (None for unknown)."""
        # Read from the instance dict, lists copied after: an export makes one for every record.
        values = self.__dict__
        out = {name: values[name] for name in FIELD_ORDER}
        for name in LIST_FIELDS:
            if isinstance(out[name], list):
                out[name] = list(out[name])
        return out

    @classmethod
    def from_dict(cls, data: dict, *, categories: Categories | None = None) -> Activity:
        """Build and validate a record from a dict (as stored or imported).

        Unknown keys are ignored; missing optional fields take their defaults. Raises
        ValidationError naming the field and the reason on the first problem.
        """
        if not isinstance(data, dict):
            raise ValidationError(f"expected an object, got {type(data).__name__}")
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        for required in ("id", "date", "title"):
            if kwargs.get(required) in (None, ""):
                raise ValidationError(_("{field} is missing").format(field=required), required)
        for name in LIST_FIELDS:
            value = kwargs.get(name)
            if value is None:
                kwargs[name] = []
            elif isinstance(value, str):
                raise ValidationError(_("{field} must be a list of names, got a string").format(field=name), name)
        if kwargs.get("participants_approx") is None:
            kwargs["participants_approx"] = False
        activity = cls(**kwargs)
        activity.validate(categories)
        return activity

    def validate(self, categories: Categories | None = None) -> None:
        """Check every field against the contract; normalise text in place."""
        _check_str(self, "id")
        self.id = self.id.lower()
        if not _ID_RE.match(self.id):
            raise ValidationError(_("id {value} is not 32 hex characters").format(value=repr(self.id)), "id")
        _check_str(self, "date")
        if not _DATE_RE.match(self.date) or not _is_real_date(self.date):
            raise ValidationError(_("date {value} is not a real YYYY-MM-DD date").format(value=repr(self.date)), "date")
        if not _FIRST_ISO <= self.date <= _LAST_ISO:
            raise ValidationError(
                _("date {value} is outside the supported range {range}").format(
                    value=repr(self.date), range=supported_range()
                ),
                "date",
            )
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                _check_str(self, name)
                if not _TIME_RE.match(value):
                    raise ValidationError(_("{field} {value} is not HH:MM").format(field=name, value=repr(value)), name)
        if self.start and self.end and self.end < self.start:
            raise ValidationError(_("end {end} is before start {start}").format(end=self.end, start=self.start), "end")
        _check_str(self, "title")
        self.title = clean_text(self.title)
        if not self.title:
            raise ValidationError(_("title is empty"), "title")
        if len(self.title) > TITLE_MAX:
            raise ValidationError(
                _("title is {length} characters long; at most {most} allowed").format(
                    length=len(self.title), most=TITLE_MAX
                ),
                "title",
            )
        _check_str(self, "category")
        cats = categories or Categories.builtin()
        resolved = cats.resolve(self.category)
        if resolved is None:
            raise ValidationError(
                _("category {value} is not one of {choices}").format(
                    value=repr(self.category), choices=cats.describe()
                ),
                "category",
            )
        self.category = resolved
        for name in LIST_FIELDS:
            try:
                setattr(self, name, clean_names(getattr(self, name)))
            except ValidationError as err:
                raise ValidationError(_("{field}: {reason}").format(field=name, reason=err.message), name) from None
            for item in getattr(self, name):
                if len(item) > NAME_MAX:
                    raise ValidationError(
                        _("{field}: a name of {length} characters; at most {most}").format(
                            field=name, length=len(item), most=NAME_MAX
                        ),
                        name,
                    )
        if self.participants is not None:
            if isinstance(self.participants, bool) or not isinstance(self.participants, int):
                raise ValidationError(
                    _("participants must be a whole number >= 0, got {value}").format(value=repr(self.participants)),
                    "participants",
                )
            if self.participants < 0:
                raise ValidationError(
                    _("participants must be >= 0, got {value}").format(value=self.participants),
                    "participants",
                )
            if self.participants > PARTICIPANTS_MAX:
                # Not a head count, and past 64 bits not even storable in the JSON file.
                raise ValidationError(
                    _("participants must be at most {most}, got {value}").format(
                        most=PARTICIPANTS_MAX, value=self.participants
                    ),
                    "participants",
                )
        if not isinstance(self.participants_approx, bool):
            raise ValidationError(
                _("participants_approx must be true or false, got {value}").format(
                    value=repr(self.participants_approx)
                ),
                "participants_approx",
            )
        if self.participants is None:
            self.participants_approx = False
        for name in ("street", "location", "notes", "source", "author"):
            value = getattr(self, name)
            if value is None:
                continue
            _check_str(self, name)
            value = clean_text(value)
            if len(value) > TEXT_MAX:
                raise ValidationError(
                    _("{field} is longer than {most} characters").format(field=name, most=TEXT_MAX), name
                )
            setattr(self, name, value or None)
        for name in ("created_at", "updated_at"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _STAMP_RE.match(value):
                raise ValidationError(
                    _("{field} {value} is not a UTC time like 2025-03-27T08:00:00Z").format(
                        field=name, value=repr(value)
                    ),
                    name,
                )

    def text_fields(self) -> list[str]:
        """What search looks through, one entry a field so phrases never cross fields."""
        out = [self.title, self.notes or "", self.street or "", self.location or ""]
        for name in LIST_FIELDS:
            out.extend(getattr(self, name))
        return out

    def search_fields(self) -> list[str]:
        """What an activity's search key is made of (textnorm.search_key)."""
        return self.text_fields() + list(self.communities)


@dataclass
class Community:
    name: str
    street: str | None = None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "street": self.street, "aliases": list(self.aliases)}

    @classmethod
    def from_dict(cls, data: dict) -> Community:
        if not isinstance(data, dict):
            raise ValidationError(f"expected a community object, got {type(data).__name__}")
        name = data.get("name")
        if not isinstance(name, str) or not clean_text(name):
            raise ValidationError("community name is missing", "name")
        street = data.get("street")
        if street is not None and not isinstance(street, str):
            raise ValidationError(f"street must be text, got {street!r}", "street")
        aliases = data.get("aliases") or []
        if not isinstance(aliases, list):
            raise ValidationError("aliases must be a list of names", "aliases")
        return cls(
            name=clean_text(name),
            street=clean_text(street) or None if street else None,
            aliases=clean_names(aliases),
        )


class Categories:
    """The configurable category list: each entry a stored Chinese name plus accepted spellings."""

    def __init__(self, entries: list[tuple[str, str, tuple[str, ...]]]) -> None:
        self.entries = entries
        self._lookup: dict[str, str] = {}
        for zh, en, others in entries:
            for spelling in (zh, en, *others):
                self._lookup.setdefault(spelling.casefold(), zh)

    @classmethod
    def builtin(cls) -> Categories:
        return _BUILTIN

    @classmethod
    def with_extra(cls, extra: list[str]) -> Categories:
        entries = list(BUILTIN_CATEGORIES)
        names = {zh for zh, _, _ in entries}
        for name in extra:
            if name not in names:
                entries.append((name, name, ()))
        return cls(entries)

    @property
    def names(self) -> list[str]:
        return [zh for zh, _, _ in self.entries]

    def english(self, zh: str) -> str:
        for name, en, _spellings in self.entries:
            if name == zh:
                return en
        return zh

    def resolve(self, value: str) -> str | None:
        """The stored name for any accepted spelling (Chinese in either script, English)."""
        key = clean_text(value).casefold()
        if key in self._lookup:
            return self._lookup[key]
        # Traditional spellings not listed fold through the search key form.
        from .textnorm import to_simplified

        return self._lookup.get(to_simplified(key))

    def describe(self) -> str:
        return ", ".join(f"{zh} ({en})" for zh, en, _ in self.entries)


_BUILTIN = Categories(list(BUILTIN_CATEGORIES))


def _copy(value):
    return list(value) if isinstance(value, list) else value


def _check_str(activity: Activity, name: str) -> None:
    value = getattr(activity, name)
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be text, got {value!r}", name)
    if "\x00" in value:
        raise ValidationError(f"{name} contains a NUL character", name)


def _is_real_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


_TEXT_OR_NONE = ("start", "end", "street", "location", "notes", "source", "author")


def _sound(doc: dict) -> bool:
    """Whether a stored record has the shape logbook writes: every field, each of its type (a
    quick look, a few µs: the full validation is `Activity.from_dict`)."""
    if doc.keys() != FIELD_SET:
        return False
    ident, day, people = doc["id"], doc["date"], doc["participants"]
    if not (
        type(ident) is str
        and _ID_RE.match(ident)
        and type(day) is str
        and _DATE_RE.match(day)
        and _is_real_date(day)
        and type(doc["title"]) is str
        and doc["title"]
        and type(doc["category"]) is str
        and type(doc["participants_approx"]) is bool
        and (people is None or (type(people) is int and 0 <= people <= PARTICIPANTS_MAX))
        and type(doc["created_at"]) is str
        and type(doc["updated_at"]) is str
    ):
        return False
    for name in LIST_FIELDS:
        value = doc[name]
        if type(value) is not list or not all(type(item) is str for item in value):
            return False
    return all(doc[name] is None or type(doc[name]) is str for name in _TEXT_OR_NONE)


def stored_record(doc, categories: Categories | None = None) -> tuple[dict | None, str | None]:
    """A record read from a file that may have been edited by hand: (the record as logbook
    writes it, None), or (None, what is wrong with it) when it cannot be read as an activity."""
    if isinstance(doc, dict) and _sound(doc):
        return doc, None
    try:
        return Activity.from_dict(doc, categories=categories).to_dict(), None
    except ValidationError as err:
        return None, err.message
    except (TypeError, ValueError, AttributeError) as err:
        return None, str(err) or type(err).__name__
