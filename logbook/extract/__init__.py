"""Draft activities from written reports: split a text into articles, clean each, and read the
fields an activity record needs, each with a confidence. Pure: no files, no clock, no store.

The rule throughout is that an empty field beats a wrong one. Every reader below looks for one
kind of evidence that people writing community news use consistently (a date written `3月27日`,
a head count next to 参加, a name after 老师) and gives up, leaving the field empty with a reason,
when the evidence is missing, contradictory or damaged. Text lost in the scrape (`??`, mojibake)
is masked before anything is read from it and reported, never guessed back.

Fields are read from the Simplified form of the article (names, titles and categories are stored
in Simplified like everything typed); the notes keep the cleaned article in its own script.
"""

from __future__ import annotations

import re
from datetime import date

from ..i18n import N_, Reason
from ..models import TEXT_MAX
from ..textnorm import clean_scrape, damaged_spans
from .articles import Article, split_text
from .categories import read_category
from .clock import read_clock
from .draft import FIELDS, MIN_CONFIDENCE, Draft, Hint, article_digest, put
from .partners import read_partners
from .people import read_participants
from .places import read_places
from .speakers import read_speakers
from .titles import read_title
from .when import read_date

__all__ = ["Draft", "Hint", "article_digest", "extract", "extract_article", "split_text", "FIELDS", "MIN_CONFIDENCE"]


def extract(
    text: str,
    *,
    source_name: str,
    today: date,
    year: int | None = None,
    registry=None,
) -> list[Draft]:
    """Draft one activity per article of `text`; see `extract_article`."""
    return [
        extract_article(part, number=n, source_name=source_name, today=today, year=year, registry=registry)
        for n, part in enumerate(split_text(text), start=1)
    ]


def extract_article(
    raw: str,
    *,
    number: int = 1,
    source_name: str = "stdin",
    today: date,
    year: int | None = None,
    registry=None,
) -> Draft:
    """Clean one article and read an activity from it.

    `year` is the year for dates written without one (else a year the text gives for it, else
    the latest year in which the day fell on the weekday written after it; else no date).
    `registry` (a `logbook.registry.Registry`) is tried first for community names and gives their street.
    """
    # A lone surrogate (from text decoded with errors="surrogateescape") is a lost character.
    text = clean_scrape(re.sub("[\ud800-\udfff]", "\ufffd", raw))
    draft = Draft(number=number, text=text, source=f"import-text:{source_name}#{number}")
    draft.damaged = [text[a:b] for a, b in damaged_spans(text)]
    art = Article(text)

    title, conf_title, why = read_title(art)
    put(draft, "title", title, conf_title, why, always=True)
    found = read_date(art, today, year)
    put(draft, "date", *found[:3])
    draft.year_assumed = found[3]
    if found[4] is not None:
        draft.hints["date"] = found[4]
    times, conf, why = read_clock(art, draft.record["date"])
    put(draft, "start", times[0] if times else None, conf, why)
    put(draft, "end", times[1] if times else None, conf, "")
    communities, street, location, place_why = read_places(art, registry)
    put(draft, "communities", communities, 0.85 if communities else 0, place_why["communities"])
    put(draft, "street", *street)
    put(draft, "location", location, 0.8 if location else 0, place_why["location"])
    count, conf, why = read_participants(art)
    put(draft, "participants", count[0] if count else None, conf, why)
    draft.record["participants_approx"] = bool(count and count[1] and "participants" in draft.confidence)
    put(draft, "category", *read_category(art, title, conf_title))
    speakers, why = read_speakers(art)
    put(draft, "speakers", speakers, 0.75 if speakers else 0, why)
    partners, why = read_partners(art, registry)
    put(draft, "partners", partners, 0.75 if partners else 0, why)

    notes = text
    if len(notes) > TEXT_MAX:
        notes = notes[:TEXT_MAX]
        draft.why["notes"] = Reason(
            N_("the article is longer than {count} characters; the notes keep the start"), count=TEXT_MAX
        )
    draft.record["notes"] = notes
    draft.record["source"] = draft.source
    return draft
