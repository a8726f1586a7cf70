"""Rich renderables built from data: tables and detail views. Returns them; never prints.

User text is always wrapped in `Text` (never parsed as markup) and passed through `safe()`, so a
title holding `[red]` or an escape sequence shows literally and never styles or moves a terminal.
Text columns fold (Rich wraps only at spaces, which Chinese has none of) and the date never wraps.
"""

from ..plain import safe
from .activities import (
    Wrapped,
    activity_detail,
    activity_table,
    beijing_time,
    community_table,
    people,
    stream_activity_lines,
    stream_widths,
    table_box,
    text,
)
from .reports import bar, digest_view, fit_width, rollup_table, rollup_view

__all__ = [
    "Wrapped",
    "activity_detail",
    "activity_table",
    "bar",
    "beijing_time",
    "community_table",
    "digest_view",
    "fit_width",
    "people",
    "rollup_table",
    "rollup_view",
    "safe",
    "stream_activity_lines",
    "stream_widths",
    "table_box",
    "text",
]
