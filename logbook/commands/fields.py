"""What `add` and `edit` share: the options that name people and things, and a typed head count,
community or street resolved against the registry."""

from __future__ import annotations

import typer

from ..errors import UsageError, ValidationError
from ..i18n import _
from ..models import Activity
from .common import warn

# Options that name people and things; each repeatable.
NamesOpt = list[str] | None


def names_option(*names: str, metavar: str, help: str, complete=None):
    return typer.Option(*names, metavar=metavar, help=help, autocompletion=complete)


def parse_people(value: str) -> tuple[int, bool]:
    from ..numerals import parse_count

    try:
        return parse_count(value)
    except ValueError:
        raise UsageError(
            _(
                "invalid head count {value} for --people: expected a whole number such as 40, "
                "or 40+ / 40余 for 'over 40'"
            ).format(value=repr(value))
        ) from None


def resolve_communities(st, typed: list[str]) -> tuple[list[str], object]:
    """Registered names for what was typed; an unknown name is kept with a warning."""
    registry = st.registry()
    names: list[str] = []
    for value in typed:
        value = value.strip()
        if not value:
            continue
        res = registry.resolve(value)
        if not res.known:
            if len(res.candidates) > 1 and value.isascii():
                message = _("community {name} is not in the registry; it could be any of {candidates}. Kept as typed")
            elif res.candidates:
                message = _("community {name} is not in the registry; did you mean {candidates}? Kept as typed")
            else:
                message = _("community {name} is not in the registry. Kept as typed")
            warn(message.format(name=repr(value), candidates=", ".join(res.candidates)))
        if res.name not in names:
            names.append(res.name)
    return names, registry


def resolve_street(registry, value: str | None, communities: list[str]) -> str | None:
    if value:
        known = registry.resolve_street(value)
        if known is None:
            warn(_("street {name} is not in the registry; kept as typed").format(name=repr(value)))
            return value.strip()
        return known
    return registry.street_of(communities) if communities else None


def validated(activity: Activity, st) -> Activity:
    try:
        activity.validate(st.categories)
    except ValidationError as err:
        raise UsageError(err.message) from None
    return activity
