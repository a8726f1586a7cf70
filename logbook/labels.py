"""Labels a person reads for numbers with honesty marks: an approximate head count and a change
against the previous period. Decided here once, for tables, digests and exports alike."""

from __future__ import annotations

from typing import Literal

# "+" reads as typed (`40+`): one activity's head count where a file or a program reads it (the
# Markdown export, drafts). What a person reads in a table or a digest goes through head_count.
Notation = Literal["+"]


def people_label(count: int | None, approx: bool, notation: Notation = "+") -> str:
    """A head count as typed: `40+` when approximate, "" when unknown; the same in either
    language."""
    if count is None:
        return ""
    return f"{count}+" if approx else str(count)


def head_count(count: int | None, approx: bool, *, total: bool = False) -> str:
    """A head count as the reader's language writes it, "" when unknown. One activity's count:
    `40+` in English, `40余` in Chinese; a sum where some count was approximate (`total`):
    `296+` in English, `至少 296` in Chinese."""
    if count is None:
        return ""
    if not approx:
        return str(count)
    from .i18n import _, is_chinese

    if not is_chinese():  # English writes a count and a sum alike: `40+`, `296+`
        return f"{count}+"
    if total:
        # TRANSLATORS: a sum of head counts where some were approximate; English shows "296+".
        return _("at least {count} in all").format(count=count)
    # TRANSLATORS: one activity's approximate head count; English shows "40+".
    return _("over {count}").format(count=count)


def delta_label(change: int) -> str:
    """A change against the previous period: `+3`, `-2`, `±0`."""
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"-{-change}"
    return "±0"
