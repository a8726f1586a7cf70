"""Record versions: UTC stamps compared whatever their precision, and how far ahead of the
clock a stamp may be before it is refused."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..models import Activity

# How far ahead of the clock a stamp may be and still be taken as it is: clocks drift and get set
# to the wrong time zone. Further ahead, a record or a deletion would win every merge.
STAMP_SLACK = timedelta(days=1)
_STAMP_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$")


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
