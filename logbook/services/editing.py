"""Changing one activity (`edit`): which fields change, how lists grow and shrink, when the
street follows the communities, and that nothing is written when nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import UsageError, ValidationError
from ..i18n import N_, _
from ..models import LIST_FIELDS, Activity, Categories
from ..registry import Registry
from ..storage import Store

# The fields a change may clear, by the names people type.
CLEARABLE = frozenset({"start", "end", "street", "people", "participants", "location", "notes", "note", *LIST_FIELDS})

# A name to remove that the list does not hold, a sentence for each list.
_NOT_AMONG = {
    "communities": N_("{item} is not among the communities of {id}"),
    "organizers": N_("{item} is not among the organizers of {id}"),
    "partners": N_("{item} is not among the partners of {id}"),
    "speakers": N_("{item} is not among the speakers of {id}"),
    "groups": N_("{item} is not among the groups of {id}"),
    "tags": N_("{item} is not among the tags of {id}"),
}


@dataclass
class Edit:
    """What to change, values already parsed (dates ISO, times HH:MM, head counts counted)."""

    title: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    category: str | None = None
    location: str | None = None
    notes: str | None = None
    people: tuple[int, bool] | None = None
    street: str | None = None  # as typed; resolved through the registry
    adds: dict[str, list[str]] = field(default_factory=dict)  # list field -> names to add
    removes: dict[str, list[str]] = field(default_factory=dict)  # list field -> names to remove
    clear: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in self.clear:
            if name not in CLEARABLE:
                raise UsageError(
                    _("invalid field {name} for --clear: expected one of {fields}").format(
                        name=repr(name), fields=", ".join(sorted(CLEARABLE))
                    )
                )

    def changes_anything(self) -> bool:
        simple = (
            self.title,
            self.date,
            self.start,
            self.end,
            self.category,
            self.location,
            self.notes,
            self.people,
            self.street,
        )
        return (
            any(v is not None for v in simple)
            or any(self.adds.values())
            or any(self.removes.values())
            or bool(self.clear)
        )


@dataclass
class Edited:
    activity: Activity
    changed: bool


def apply(
    activity: Activity,
    edit: Edit,
    registry: Registry,
    warn: Callable[[str], None],
    resolve_street: Callable[[str], str | None],
) -> Activity:
    """A changed copy of `activity` (not validated)."""
    a = Activity(**activity.to_dict())
    for name in ("title", "date", "start", "end", "category", "location", "notes"):
        value = getattr(edit, name)
        if value is not None and (value or name in ("title", "category", "location", "notes")):
            setattr(a, name, value)
    if edit.people is not None:
        a.participants, a.participants_approx = edit.people
    for name in edit.clear:
        if name in ("people", "participants"):
            a.participants, a.participants_approx = None, False
        elif name in ("notes", "note"):
            a.notes = None
        elif name in LIST_FIELDS:
            setattr(a, name, [])
        else:
            setattr(a, name, None)
    for name in LIST_FIELDS:
        values = list(getattr(a, name))
        for item in edit.adds.get(name) or []:
            if item.strip() and item.strip() not in values:
                values.append(item.strip())
        for item in edit.removes.get(name) or []:
            if item.strip() not in values:
                warn(_(_NOT_AMONG[name]).format(item=repr(item.strip()), id=a.short_id))
            values = [v for v in values if v != item.strip()]
        setattr(a, name, values)
    if edit.street is not None:
        a.street = resolve_street(edit.street) if edit.street else registry.street_of(a.communities)
    elif edit.adds.get("communities") or edit.removes.get("communities"):
        a.street = registry.street_of(a.communities) or a.street
    return a


def edit_activity(
    store: Store,
    ref: str,
    edit: Edit,
    *,
    now: str,
    categories: Categories,
    warn: Callable[[str], None],
    resolve_street: Callable[[str], str | None],
    in_editor: Callable[[Activity], Activity] | None = None,
) -> Edited:
    """Apply `edit` (then `in_editor`, a person's own changes) to the activity `ref` names, in
    one change; nothing is written when the record comes out as it was."""
    with store.transaction("edit") as tx:
        activity = tx.get(ref)
        before = activity.to_dict()
        changed = apply(activity, edit, Registry(tx.communities()), warn, resolve_street)
        if in_editor is not None:
            changed = in_editor(changed)
        try:
            changed.validate(categories)
        except ValidationError as err:
            raise UsageError(err.message) from None
        if changed.to_dict() == before:
            return Edited(changed, False)
        changed.updated_at = now
        tx.update(changed)
        tx.summary = f"edit {changed.short_id} {changed.title}"
    return Edited(changed, True)
