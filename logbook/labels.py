"""Labels a person reads for numbers with honesty marks: an approximate head count and a change
against the previous period. Decided here once, for tables, digests and exports alike."""

from __future__ import annotations

from typing import Literal

# "+" reads as typed (`40+`, one activity's head count: list, show, markdown export, drafts);
# "≥" reads as a bound (`≥296`, a sum in a report or a digest where some count was approximate).
Notation = Literal["+", "≥"]


def people_label(count: int | None, approx: bool, notation: Notation = "≥") -> str:
    """A head count or a sum as shown to people: `≥40` or `40+` when approximate, "" when
    unknown."""
    if count is None:
        return ""
    if not approx:
        return str(count)
    return f"{count}+" if notation == "+" else f"≥{count}"


def delta_label(change: int) -> str:
    """A change against the previous period: `+3`, `-2`, `±0`."""
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"-{-change}"
    return "±0"
