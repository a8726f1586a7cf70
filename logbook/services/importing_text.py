"""Written reports to activities (`import-text`): drafts made records, duplicates found (of the
logbook and of each other), and the new ones saved as one change."""

from __future__ import annotations

import codecs
from typing import Any

from ..errors import LogbookError, ValidationError
from ..i18n import N_, Reason, _
from ..models import FIELD_ORDER, Activity, Categories, new_id
from ..storage import Store


def decode_text(raw: bytes, shown: str) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with its BOM (what Notepad saves as "Unicode"),
    else GBK as Chinese Windows writes it; else UTF-8 with the bad bytes shown as U+FFFD, which
    the preview then flags as damaged like any lost text. A NUL character is in no text (a
    program, a picture, a document, UTF-16 without its BOM): refused, rather than read as
    articles of lost characters."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            text = raw.decode("utf-8", errors="replace")
    if "\x00" in text:
        raise LogbookError(
            _(
                "{source} holds NUL characters, which no text holds: expected a text file of articles "
                "(UTF-8, GBK, or UTF-16 with its byte order mark)"
            ).format(source=shown)
        )
    return text


class DraftItem:
    """A draft on its way to the logbook: the extractor's draft, its record, and its fate."""

    def __init__(self, draft, record: dict) -> None:
        self.draft = draft
        self.record = record
        self.status = "new"  # new | duplicate | no date | no title
        self.detail = ""

    @property
    def number(self) -> int:
        return self.draft.number

    @property
    def waits_for_year(self) -> bool:
        """Not saved for want of a year only: the text gives the day, and --year would date it."""
        from ..extract import Hint

        return self.status == "no date" and self.draft.hints.get("date") is Hint.SET_YEAR

    @property
    def shown_status(self) -> str:
        """The status as the preview and the summary tell it: "no year" for a draft that waits
        for --year (its JSON status stays "no date")."""
        return "no year" if self.waits_for_year else self.status


def draft_record(draft, *, categories: Categories, author: str, fallback_date: str | None) -> dict:
    """The record a draft would be saved as (not validated yet)."""
    found = draft.record
    category = None
    if found.get("category"):
        category = categories.resolve(found["category"])
    record: dict[str, Any] = dict.fromkeys(FIELD_ORDER)
    record.update(
        {
            "date": found.get("date") or fallback_date,
            # a time read with the text's own date, not with one the caller gave
            "start": found.get("start") if found.get("date") else None,
            "end": found.get("end") if found.get("date") else None,
            "title": found.get("title"),
            "category": category or "其他",
            "communities": list(found.get("communities") or []),
            "street": found.get("street"),
            "participants": found.get("participants"),
            "participants_approx": bool(found.get("participants_approx")),
            "organizers": [],
            "partners": list(found.get("partners") or []),
            "speakers": list(found.get("speakers") or []),
            "groups": [],
            "tags": [],
            "location": found.get("location"),
            "notes": found.get("notes"),
            "source": found.get("source"),
            "author": author,
        }
    )
    return record


def _key(day: str | None, title: str | None, communities: list[str]) -> tuple:
    from ..textnorm import fold

    return (day, fold(title or ""), tuple(sorted(fold(c) for c in communities)))


def mark_duplicates(items: list[DraftItem], existing: list[Activity]) -> None:
    """Importing the same text again adds nothing: an article whose text is already in the
    notes of an imported record, or whose date, title and communities match a record, is a
    duplicate; so is a repeat of an earlier article of the same text."""
    from ..extract import article_digest

    by_digest: dict[str, str] = {}
    by_key: dict[tuple, str] = {}
    for a in existing:
        if a.notes and (a.source or "").startswith("import-text:"):
            by_digest.setdefault(article_digest(a.notes), a.short_id)
        by_key.setdefault(_key(a.date, a.title, a.communities), a.short_id)
    seen_digest: dict[str, int] = {}
    seen_key: dict[tuple, int] = {}
    for item in items:
        r = item.record
        digest = article_digest(r["notes"] or "")
        key = _key(r["date"], r["title"], r["communities"])
        if digest in by_digest:
            item.status, item.detail = "duplicate", Reason(N_("already in the logbook as {id}"), id=by_digest[digest])
        elif r["date"] and key in by_key:
            item.status, item.detail = (
                "duplicate",
                Reason(N_("same date, title and communities as {id}"), id=by_key[key]),
            )
        elif digest in seen_digest:
            item.status, item.detail = (
                "duplicate",
                Reason(N_("same text as article {number}"), number=seen_digest[digest]),
            )
        elif r["date"] and key in seen_key:
            item.status, item.detail = "duplicate", Reason(N_("same as article {number}"), number=seen_key[key])
        elif not r["date"]:
            item.status, item.detail = "no date", Reason(N_("not saved"))
        elif not any(ch.isalnum() for ch in (r["title"] or "").replace("?", "")):
            item.status, item.detail = "no title", Reason(N_("nothing readable to call it"))
        seen_digest.setdefault(digest, item.number)
        if r["date"]:
            seen_key.setdefault(key, item.number)


def save_drafts(
    store: Store, name: str, items: list[DraftItem], *, now: str, categories: Categories
) -> tuple[list[Activity], list[DraftItem]]:
    """Save the new drafts as one change: the activities saved, and the drafts found to be
    duplicates only now (checked again under the lock: another import may have landed since
    the preview)."""
    with store.transaction(f"import-text {name}") as tx:
        fresh = [DraftItem(i.draft, dict(i.record)) for i in items]
        mark_duplicates(fresh, tx.activities())
        saved: list[Activity] = []
        skipped: list[DraftItem] = []
        for item in fresh:
            if item.status != "new":
                skipped.append(item)
                continue
            record = dict(item.record, id=new_id(), created_at=now, updated_at=now)
            try:
                activity = Activity.from_dict(record, categories=categories)
            except ValidationError as err:
                raise LogbookError(
                    _("article {number}: {problem}; nothing was saved").format(number=item.number, problem=err.message)
                ) from None
            tx.add(activity)
            saved.append(activity)
        noun = "activity" if len(saved) == 1 else "activities"
        tx.summary = f"import-text {name}: {len(saved)} {noun}"
    return saved, skipped
