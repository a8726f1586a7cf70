"""Values for shell completion (Typer's own: `logbook --install-completion`): community and
street names, categories, tags, and ids with their titles. Each reads the main file's index of
months, never every month, so a tab stays quick at 100,000 activities; anything that goes wrong
completes nothing rather than printing into the user's command line."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import typer

# How many ids to offer before the user has typed any of one; more is noise at a prompt.
ID_CHOICES = 30


def _store(ctx: typer.Context):
    """The logbook the command line being completed points at (its --db / --sample, else the
    environment), opened read-only for the index."""
    from .common import State

    root = ctx.find_root()
    params = root.params or {}
    return State(db=params.get("db"), sample=bool(params.get("sample"))).store()


def _quietly(make: Callable[[], Iterable]) -> list:
    try:
        return list(make())
    except Exception:  # completion must never print a traceback into a shell prompt
        return []


def _matching(names: Iterable[str], incomplete: str) -> list[str]:
    from ..textnorm import fold

    wanted = fold(incomplete)
    seen: dict[str, None] = {}
    for name in names:
        if name and name not in seen and fold(name).startswith(wanted):
            seen[name] = None
    return list(seen)


def communities(ctx: typer.Context, incomplete: str) -> list[str]:
    """Registered community names and the names activities use."""

    def make():
        store = _store(ctx)
        registered = [c.name for c in store.communities()]
        in_use, _streets = store.names_in_use()
        return _matching(sorted(registered) + sorted(in_use), incomplete)

    return _quietly(make)


def streets(ctx: typer.Context, incomplete: str) -> list[str]:
    def make():
        store = _store(ctx)
        registered = [c.street for c in store.communities() if c.street]
        _names, in_use = store.names_in_use()
        return _matching(sorted(registered) + sorted(in_use), incomplete)

    return _quietly(make)


def categories(ctx: typer.Context, incomplete: str) -> list[str]:
    from .common import State

    def make():
        entries = State().categories.entries
        return _matching([zh for zh, _en, _ in entries] + [en for _zh, en, _ in entries], incomplete)

    return _quietly(make)


def tags(ctx: typer.Context, incomplete: str) -> list[str]:
    """Tags of the newest month's activities: tags are not in the index, and the ones in use
    lately are the ones a person types again."""

    def make():
        store = _store(ctx)
        recent, _total = store.newest(200)
        return _matching((t for a in recent for t in a.tags), incomplete)

    return _quietly(make)


def ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Short ids with the title beside them (zsh and fish show it): the newest when nothing is
    typed yet, else those starting with what is typed, read from their months alone."""

    def make():
        store = _store(ctx)
        typed = incomplete.strip().lower()
        if len(typed) < 4:  # too short to look up: the newest, as `list` shows them
            recent, _total = store.newest(200)
            found = [a for a in recent if a.id.startswith(typed)][:ID_CHOICES]
        else:
            found = store.starting_with(typed, ID_CHOICES)
        return [(a.short_id, f"{a.date} {a.title}") for a in found]

    return _quietly(make)
