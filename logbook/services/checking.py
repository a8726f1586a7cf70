"""The health of a logbook, and the fixes that are safe to make without asking (`check`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import checks
from ..errors import ReadOnly
from ..i18n import _, ngettext
from ..models import Categories
from ..registry import Registry
from ..repair import inspect, mend
from ..storage import Store


@dataclass
class CheckResult:
    health: checks.Health
    fixed: list[str] = field(default_factory=list)  # activities whose content the fix changed
    fixed_deletions: list[str] = field(default_factory=list)  # deletions re-dated to now

    @property
    def index_disagrees(self) -> bool:
        """Whether the main file disagrees with its month files (damage, not a finding)."""
        return any(f.kind == "index" for f in self.health.findings)


def examine(store: Store, *, today: date, now: str, categories: Categories) -> checks.Health:
    """Every finding: first about the files (`repair.inspect`), then about the records."""
    store.look_afresh()
    files = inspect(store)
    health = checks.check_docs(
        store.activity_docs(),
        store.communities(),
        today=today,
        categories=categories,
        now=now,
        tombstones=store.tombstones(),
    )
    health.findings[:0] = [checks.Finding(f.kind, f.ids, f.message, f.fixable) for f in files]
    health.checked += sum(1 for f in files if f.kind == "schema")
    health.findings.sort(key=lambda f: checks.KINDS.index(f.kind))
    return health


def check(store: Store, *, today: date, now: str, categories: Categories, fix: bool) -> CheckResult:
    """The logbook's health; with `fix`, what is safe fixed first, as one change (one undo),
    and the health after it."""
    health = examine(store, today=today, now=now, categories=categories)
    result = CheckResult(health)
    if not (fix and health.fixable):
        return result
    if store.readonly:
        raise ReadOnly(_("{logbook} is read-only; a fix needs a logbook of your own").format(logbook=store.label))
    with store.transaction("check --fix", repair=True) as tx:
        files = [f for f in health.findings if f.kind in checks.FILE_KINDS and f.fixable]
        mended = mend(store, tx, files)
        for activity in checks.safe_fixes(tx.activities(), Registry(tx.communities()), now=now):
            activity.updated_at = now
            tx.update(activity)
            result.fixed.append(activity.id)
        # A deletion stamped far ahead of the clock is a deletion made now.
        for ident in checks.tombstones_ahead(tx.tombstones(), now=now):
            tx.delete(ident, now)
            result.fixed_deletions.append(ident)
        # the history keeps its summaries in English, as it keeps the commands' names
        tx.summary = f"check --fix: {describe_fixes(result.fixed, result.fixed_deletions, mended)}"
    result.health = examine(store, today=today, now=now, categories=categories)
    return result


def fixed_sentence(activities: list[str], deletions: list[str]) -> str:
    """What a fix changed, said to the person who asked for it, in their language."""
    if not deletions:
        return ngettext("Fixed {count} activity", "Fixed {count} activities", len(activities)).format(
            count=len(activities)
        )
    if not activities:
        return ngettext("Fixed {count} deletion", "Fixed {count} deletions", len(deletions)).format(
            count=len(deletions)
        )
    # two counts, each with its plural: the deletions' part is its own phrase
    part = ngettext("{count} deletion", "{count} deletions", len(deletions)).format(count=len(deletions))
    return ngettext(
        "Fixed {count} activity and {deletions}", "Fixed {count} activities and {deletions}", len(activities)
    ).format(count=len(activities), deletions=part)


def describe_fixes(activities: list[str], deletions: list[str], mended: int = 0) -> str:
    """What a fix changed, as the undo history records it (in English): activities whose
    content changed (`mended`: moved or read back by the file repairs), and deletions."""
    said = _n(len(activities) + mended, "activity", "activities")
    if deletions:
        said += " and " + _n(len(deletions), "deletion", "deletions")
    return said


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
