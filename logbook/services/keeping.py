"""Keeping activities one at a time: adding one, and deleting some as one change (`add`,
`delete`)."""

from __future__ import annotations

from ..errors import NotFound
from ..i18n import _
from ..models import Activity
from ..storage import Store


def add_activity(store: Store, activity: Activity) -> None:
    """Add one validated activity as one change (undo names it by its id and title)."""
    with store.transaction(f"add {activity.short_id} {activity.title}") as tx:
        tx.add(activity)


def find_activities(store: Store, refs: list[str]) -> list[Activity]:
    """The activities `refs` (ids or unique prefixes) name, each once, in the order named;
    NotFound for a ref that names none, or several."""
    found: list[Activity] = []
    for ref in refs:
        activity = store.get(ref)
        if activity.id not in {a.id for a in found}:
            found.append(activity)
    return found


def delete_activities(store: Store, targets: list[Activity], *, now: str) -> None:
    """Delete `targets` as one change, leaving tombstones for exports. If another process
    deleted one of them since they were found, nothing is deleted (NotFound)."""
    with store.transaction("delete") as tx:
        for a in targets:
            if tx.by_id(a.id) is None:
                raise NotFound(_("activity {id} was deleted meanwhile; nothing was deleted").format(id=a.short_id))
            tx.delete(a.id, now)
        tx.summary = "delete " + ", ".join(f"{a.short_id} {a.title}" for a in targets)
