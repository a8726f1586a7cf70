"""The draft an article is read into (fields, confidence, why each empty) and the rule for
putting a value in it."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

# The fields a draft fills, in the order the preview and the accuracy table show them.
FIELDS = (
    "title",
    "date",
    "start",  # (and "end", when the text gives one: a time of day is optional)
    "category",
    "communities",
    "street",
    "participants",
    "speakers",
    "partners",
    "location",
)
# A field read with less confidence than this stays empty. The title is the exception: a record
# needs one, and the article's own first words are never wrong, only sometimes unhelpful.
MIN_CONFIDENCE = 0.5
TITLE_SOFT_MAX = 60


class Hint(Enum):
    """How the caller can settle what a reader left open or guessed. The library says which; the
    caller, who knows what it calls its inputs (the CLI: --date, --year), says how."""

    GIVE_DATE = "give it"  # no date in the text: a date for the article
    GIVE_THE_DATE = "give the date"  # only a vague word such as 近日: a date for the article
    YEAR_GIVEN = "year given"  # the year of a date written without one came from `year`
    SET_YEAR = "set the year"  # that year was assumed; `year` sets it


@dataclass
class Draft:
    """One article read as an activity: the record fields found, how sure each is, and why the
    others stayed empty."""

    number: int  # 1-based position of the article in its text
    text: str  # the cleaned article, in its own script: becomes the notes
    source: str
    record: dict = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)  # per field: how it was read or why empty
    hints: dict[str, Hint] = field(default_factory=dict)  # per field: how the caller can settle it
    damaged: list[str] = field(default_factory=list)  # spans lost in the scrape, as written
    year_assumed: bool = False

    @property
    def digest(self) -> str:
        return article_digest(self.text)

    def empty_fields(self) -> list[str]:
        return [name for name in FIELDS if self.record.get(name) in (None, [], "")]

    def to_dict(self) -> dict:
        return {
            "article": self.number,
            **self.record,
            "confidence": dict(self.confidence),
            "why": dict(self.why),
            "hints": {name: hint.name for name, hint in self.hints.items()},
            "damaged": list(self.damaged),
            "year_assumed": self.year_assumed,
        }


def article_digest(text: str) -> str:
    """The fingerprint of an article's cleaned text, as it is stored in the notes."""
    normal = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def put(draft: Draft, name: str, value, conf: float, why: str, *, always: bool = False) -> None:
    empty = value in (None, [], "")
    if not empty and (conf >= MIN_CONFIDENCE or always):
        draft.record[name] = value
        draft.confidence[name] = round(conf, 2)
    else:
        draft.record[name] = [] if isinstance(value, list) else None
    if why:
        draft.why[name] = why
