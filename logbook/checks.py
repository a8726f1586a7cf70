"""The health of a logbook as data: records that break the schema, duplicates, dates in the
future, stamps ahead of the clock, community names the registry does not know, streets the
registry could fill, missing head counts; and the fixes that are safe to make without asking.
Pure: `today` and `now` are passed in."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .errors import ValidationError
from .i18n import N_, Message, message
from .models import Activity, Categories, Community

# The kinds of finding, in the order they are listed: first those about the files (the
# `repair` module's), then those about the records.
FILE_KINDS = ("index", "schema", "misplaced", "twice", "keys")
KINDS = (*FILE_KINDS, "duplicate", "future", "stamp", "community", "street", "head-count")


@dataclass
class Finding:
    kind: str
    ids: list[str]
    message: Message  # str() is the English of `--format json`; .text() the reader's language
    fixable: bool = False
    names: list[str] = field(default_factory=list)  # the community names it is about

    def to_dict(self) -> dict:
        return {"kind": self.kind, "ids": list(self.ids), "message": str(self.message), "fixable": self.fixable}


@dataclass(frozen=True)
class Said(Message):
    """A sentence made elsewhere in both languages, such as a validation error: `str()` the
    English, `text()` the reader's language (`local`)."""

    local: str = ""

    def __str__(self) -> str:
        return self.template

    def text(self) -> str:
        return self.local


def in_english(make):
    """What `make()` says when the interface is English, whatever the reader's language: the
    English of a message made in the reader's language (for JSON)."""
    from . import i18n

    was = i18n.current()
    if was == i18n.ENGLISH:
        return make()
    i18n.use(i18n.ENGLISH)
    try:
        return make()
    finally:
        i18n.use(was)


def _listed(names: list[str]) -> Message:
    """Names one after another: with commas in English (as JSON carries them), with the
    enumeration comma 、 in Chinese."""
    from .i18n import is_chinese

    return Said(", ".join(names), local=("、" if is_chinese() else ", ").join(names))


def _validation_error(doc, categories) -> ValidationError | None:
    try:
        Activity.from_dict(doc, categories=categories)
    except ValidationError as err:
        return err
    return None


def _where(err: ValidationError) -> str:
    where = f"{err.field}: " if err.field and not err.message.startswith(err.field) else ""
    return where + _shorten(err.message)


@dataclass
class Health:
    checked: int  # records looked at
    findings: list[Finding]
    unreadable: int = 0  # records so broken that a fix must not touch the logbook

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def fixable(self) -> int:
        return sum(1 for f in self.findings if f.fixable)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "problems": [f.to_dict() for f in self.findings],
        }


def check_docs(
    docs: Iterable,
    communities: Iterable[Community],
    *,
    today: date,
    categories: Categories | None = None,
    now: str | None = None,
    tombstones: Iterable[dict] = (),
) -> Health:
    """Check stored records (plain dicts, as the store keeps them) against the schema, then the
    valid ones against each other, the calendar and the registry; with `now`, the stamps of
    records and tombstones ({"id", "deleted_at"}) against the clock."""
    from .registry import Registry

    docs = list(docs)
    findings: list[Finding] = []
    valid: list[Activity] = []
    unreadable = 0
    for position, doc in enumerate(docs, 1):
        ident = doc.get("id") if isinstance(doc, dict) else None
        label = ident if isinstance(ident, str) and ident else f"record {position}"  # an id, as JSON carries it
        try:
            activity = Activity.from_dict(doc, categories=categories)
        except ValidationError as err:
            if not isinstance(doc, dict) or any(doc.get(k) in (None, "") for k in ("id", "date", "title")):
                unreadable += 1
            english = in_english(lambda doc=doc: _validation_error(doc, categories)) or err
            findings.append(Finding("schema", [label], Said(_where(english), local=_where(err))))
            continue
        valid.append(activity)
    findings.extend(check_activities(valid, Registry(communities), today=today, now=now))
    if now is not None:
        findings.extend(check_tombstones(tombstones, now=now))
    findings.sort(key=lambda f: KINDS.index(f.kind))
    return Health(len(docs), findings, unreadable)


def check_activities(activities: list[Activity], registry, *, today: date, now: str | None = None) -> list[Finding]:
    from .exchange import natural_key, stamp_ahead, stamp_limit

    findings: list[Finding] = []
    groups: dict[tuple, list[Activity]] = {}
    for a in activities:
        groups.setdefault(natural_key(a), []).append(a)
    for group in groups.values():
        if len(group) > 1:
            first = group[0]
            if first.communities:
                said = message(
                    N_("{date} {title} ({communities}): {count} records"),
                    date=first.date,
                    title=first.title,
                    communities="、".join(first.communities),
                    count=len(group),
                )
            else:
                said = message(
                    N_("{date} {title}: {count} records"),
                    date=first.date,
                    title=first.title,
                    count=len(group),
                )
            findings.append(Finding("duplicate", [a.id for a in group], said))
    day = today.isoformat()
    for a in activities:
        if a.date > day:
            findings.append(
                Finding(
                    "future",
                    [a.id],
                    message(N_("{date} {title}: after today ({today})"), date=a.date, title=a.title, today=day),
                )
            )
    if now is not None:
        limit = stamp_limit(now)
        for a in activities:
            name = stamp_ahead(a, limit)
            if name is not None:
                findings.append(
                    Finding(
                        "stamp",
                        [a.id],
                        message(
                            N_(
                                "{date} {title}: {field} {stamp} is more than a day ahead of this "
                                "computer's clock; it would win every merge"
                            ),
                            date=a.date,
                            title=a.title,
                            field=name,
                            stamp=getattr(a, name),
                        ),
                        fixable=True,
                    )
                )
    uses: dict[str, list[str]] = {}
    for a in activities:
        for name in a.communities:
            uses.setdefault(name, []).append(a.id)
    for name, ids in uses.items():
        found = registry.find(name)
        many = len(ids) > 1  # the count is said only when there is more than one: a plural
        if found is None:
            from .textnorm import suggest

            near = suggest(name, registry.names())
            values = {"name": repr(name), "count": len(ids), "near": _listed(near)}
            if near:
                template = (
                    N_("{name} ({count} activities) is not in the registry; did you mean {near}?")
                    if many
                    else N_("{name} is not in the registry; did you mean {near}?")
                )
            else:
                template = (
                    N_("{name} ({count} activities) is not in the registry")
                    if many
                    else N_("{name} is not in the registry")
                )
            findings.append(Finding("community", ids, Message(template, values), names=[name]))
        elif found.name != name:
            template = (
                N_("{name} ({count} activities) is {registered} in the registry")
                if many
                else N_("{name} is {registered} in the registry")
            )
            findings.append(
                Finding(
                    "community",
                    ids,
                    Message(template, {"name": repr(name), "count": len(ids), "registered": found.name}),
                    fixable=True,
                    names=[name],
                )
            )
    street_of = _cached_street_of(registry)
    for a in activities:
        if not a.street and a.communities:
            street = street_of(a.communities)
            if street:
                findings.append(
                    Finding(
                        "street",
                        [a.id],
                        message(
                            N_("{date} {title}: no street; the registry puts {communities} in {street}"),
                            date=a.date,
                            title=a.title,
                            communities="、".join(a.communities),
                            street=street,
                        ),
                        fixable=True,
                    )
                )
    for a in activities:
        if a.participants is None:
            findings.append(
                Finding("head-count", [a.id], message(N_("{date} {title}: no head count"), date=a.date, title=a.title))
            )
    return findings


def check_tombstones(tombstones: Iterable[dict], *, now: str) -> list[Finding]:
    """Deletions stamped so far ahead of the clock that they would win every merge."""
    from .exchange import stamp_key, stamp_limit

    limit = stamp_limit(now)
    return [
        Finding(
            "stamp",
            [t["id"]],
            message(
                N_(
                    "deletion: deleted_at {stamp} is more than a day ahead of this computer's clock; "
                    "it would win every merge"
                ),
                stamp=t["deleted_at"],
            ),
            fixable=True,
        )
        for t in tombstones
        if isinstance(t.get("deleted_at"), str) and stamp_key(t["deleted_at"]) > limit
    ]


def tombstones_ahead(tombstones: dict[str, str], *, now: str) -> list[str]:
    """The ids of the deletions a fix brings back to `now`."""
    return [f.ids[0] for f in check_tombstones(({"id": i, "deleted_at": at} for i, at in tombstones.items()), now=now)]


def safe_fixes(activities: Iterable[Activity], registry, *, now: str | None = None) -> list[Activity]:
    """Changed copies of the activities a fix may touch without asking anyone: community names
    written as an alias or in the other script become the registered name, a missing street is
    filled from the registry, and (with `now`) a stamp far ahead of the clock becomes `now`.
    Nothing else is ever changed. `updated_at` is the caller's to set to `now`."""
    from .exchange import stamp_key, stamp_limit

    limit = stamp_limit(now) if now is not None else None
    out: list[Activity] = []
    registered: dict[str, str] = {}
    street_of = _cached_street_of(registry)
    for a in activities:
        names: list[str] = []
        for typed in a.communities:
            if typed not in registered:
                found = registry.find(typed)
                registered[typed] = found.name if found is not None else typed
            name = registered[typed]
            if name not in names:
                names.append(name)
        street = a.street
        if not street and names:
            street = street_of(names)
        created = a.created_at
        ahead = False
        if limit is not None and now is not None:  # a limit comes from `now`
            ahead = stamp_key(a.updated_at) > limit or stamp_key(created) > limit
            if stamp_key(created) > limit:
                created = now
        if names != a.communities or street != a.street or ahead:
            out.append(dataclasses.replace(a, communities=names, street=street, created_at=created))
    return out


def _cached_street_of(registry):
    """registry.street_of, asked once per combination of names (a logbook repeats them)."""
    cache: dict[tuple, str | None] = {}

    def street_of(names: list[str]) -> str | None:
        key = tuple(names)
        if key not in cache:
            cache[key] = registry.street_of(names)
        return cache[key]

    return street_of


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
