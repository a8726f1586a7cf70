"""Stored records made into activities cheaply, and activities found by a prefix of their id."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import fields
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..errors import AmbiguousId, NotFound, UsageError
from ..i18n import _
from ..models import LIST_FIELDS, Activity
from .layout import _ACTIVITY_FIELDS, _SEARCH_KEY, MIN_PREFIX


def _ref_key(ref: str) -> str:
    key = ref.strip().lower()
    if len(key) < MIN_PREFIX or any(c not in "0123456789abcdef" for c in key):
        raise UsageError(
            _("invalid id {ref}: expected {least} or more hex characters of an activity id").format(
                ref=repr(ref), least=MIN_PREFIX
            )
        )
    return key


def resolve_ref(ref: str, activities: Iterable[Activity]) -> Activity:
    """The one activity whose id starts with `ref`; AmbiguousId lists the candidates."""
    key = _ref_key(ref)
    found = [a for a in activities if a.id.startswith(key)]
    if not found:
        raise NotFound(_("no activity with id {ref}").format(ref=repr(ref)))
    if len(found) > 1:
        listing = ", ".join(f"{a.id[:12]} ({a.date} {a.title[:20]})" for a in found[:10])
        raise AmbiguousId(
            _("id {ref} matches {count} activities: {listing}").format(ref=repr(ref), count=len(found), listing=listing)
        )
    return found[0]


# Stored records were validated when written, and rebuilding them must stay cheap: the fields
# taken in Activity's order and passed by position cost ~2 µs a record, by name ~25 µs.
_IN_ORDER = itemgetter(*(f.name for f in fields(Activity)))


def _activity_from_own_doc(doc: dict) -> Activity:
    """An activity from a stored record nobody else holds: the record, holding every field and
    nothing else (as written), becomes the activity's own attributes (~0.5 µs, where building
    it field by field costs ~2 µs: a whole-history report makes 100,000)."""
    if doc.keys() == _ACTIVITY_FIELDS:
        activity = _new_activity(Activity)
        activity.__dict__ = doc
        return activity
    try:
        return Activity(*_IN_ORDER(doc))
    except KeyError:  # a record short of a field (written by hand): the long way
        return _activity_from_doc(doc)


_new_activity = object.__new__


def activity_of_record(record: dict) -> Activity:
    """An activity to look at (not to keep or change) of a record `Store.records` gave."""
    return _activity_from_own_doc(record)


def _activity_from_doc(doc: dict) -> Activity:
    """An activity from a stored record that stays in use: its lists are copied."""
    try:
        activity = Activity(*_IN_ORDER(doc))
    except KeyError:
        known: dict[str, Any] = {
            k: (list(v) if isinstance(v, list) else v) for k, v in doc.items() if k in _ACTIVITY_FIELDS
        }
        return Activity(**known)
    for name in LIST_FIELDS:
        value = getattr(activity, name)
        if isinstance(value, list):
            setattr(activity, name, list(value))
    return activity


def _search_key_of(activity: Activity) -> str:
    from ..textnorm import search_key

    return search_key(activity.search_fields())


def _doc_from_activity(activity: Activity) -> dict:
    """A record with its search key beside it: the one-file layout (schema 1, and the sample)."""
    doc = activity.to_dict()
    doc[_SEARCH_KEY] = _search_key_of(activity)
    return doc


def _resolve_path(path: Path) -> Path:
    path = Path(path)
    # Writing through a symlink would replace the link with a file; write to its target.
    if path.is_symlink() and path.exists():
        return Path(os.path.realpath(path))
    return path
