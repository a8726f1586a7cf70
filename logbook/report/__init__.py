"""Rollups and the weekly digest as plain data (Activity in, dataclasses out): what the report and
digest commands print, before the output side decides how it looks. Pure: no I/O, no clock.

`tally` holds the counting rules both share, `rollups` the counting by group and period,
`digests` the weekly digest. Head-count labels (`≥40`, `40+`) belong to `logbook.labels`.
"""

from .digests import (
    SILENT_WEEKS,
    WEEKDAYS,
    CategoryLine,
    CommunityLine,
    Day,
    Digest,
    DigestActivity,
    Gaps,
    Headline,
    Silent,
    StreetBlock,
    digest,
)
from .rollups import BY_CHOICES, MAX_PERIODS, PERIOD_CHOICES, TOP_CATEGORIES, Rollup, RollupRow, group_keys, rollup
from .tally import Tally

__all__ = [
    "BY_CHOICES",
    "MAX_PERIODS",
    "PERIOD_CHOICES",
    "SILENT_WEEKS",
    "TOP_CATEGORIES",
    "WEEKDAYS",
    "CategoryLine",
    "CommunityLine",
    "Day",
    "Digest",
    "DigestActivity",
    "Gaps",
    "Headline",
    "Rollup",
    "RollupRow",
    "Silent",
    "StreetBlock",
    "Tally",
    "digest",
    "group_keys",
    "rollup",
]
