"""The merge of exchange files into a logbook, computed as a plan against a snapshot of it:
the plan's operations, the summaries of each file, conflicts and refusals.

No printing and no clock: the caller passes `now`, reads the plan's summaries and applies the plan
inside one store transaction. The merge is a last-writer-wins register per id, so any two logbooks
merged in either order end identical: a record's version is its `updated_at`, a tombstone's its
`deleted_at`; the newer wins, a tombstone wins a tie against a record, and two different records
with the same `updated_at` are ordered by their content so that every logbook picks the same one.
A version stamped more than STAMP_SLACK ahead of the clock is refused: it would win every merge
until that day came.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

import orjson

from ..i18n import N_, Reason
from ..models import Activity, Community
from .records import ExchangeFile, IncomingRecord, Problem
from .snapshot import Live, Snapshot, month_of
from .stamps import stamp_ahead, stamp_key, stamp_limit

# The most activities one import may leave in any one month. A whole street office logs one or
# two thousand a month; a month past this is a mistake (a file of one date, a generated file), and
# every command that reads that month would pay for it. See Merge.months_over.
MONTH_MAX = 20_000


class Policy(str, Enum):
    """What wins when a record differs on both sides: the newer `updated_at`, ours, or theirs."""

    newer = "newer"
    keep = "keep"
    replace = "replace"  # type: ignore[assignment]  # shadows str.replace, which no Policy is asked for


@dataclass
class Conflict:
    id: str
    title: str
    winner: str  # "ours" or "theirs"
    reason: str

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "winner": self.winner, "reason": str(self.reason)}


@dataclass
class Refused:
    """A record or deletion not taken because a stamp of it is too far ahead of the clock."""

    id: str | None  # None for a row without an id (a hand-made sheet)
    where: str
    field: str
    stamp: str

    def to_dict(self) -> dict:
        return {"id": self.id, "where": self.where, "field": self.field, "stamp": self.stamp}


@dataclass
class FileSummary:
    name: str
    shape: str
    encoding: str
    added: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: int = 0
    older: int = 0  # of the skipped: older than ours, or deleted here since
    duplicates: int = 0  # of the skipped: rows without an id that match one on date, title, communities
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)  # stamped too far ahead of the clock
    invalid: list[Problem] = field(default_factory=list)
    communities_added: int = 0
    communities_updated: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "file": self.name,
            "shape": self.shape,
            "encoding": self.encoding,
            "added": self.added,
            "updated": self.updated,
            "deleted": self.deleted,
            "skipped": self.skipped,
            "older": self.older,
            "duplicates": self.duplicates,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "refused": [r.to_dict() for r in self.refused],
            "invalid": [p.to_dict() for p in self.invalid],
            "communities_added": self.communities_added,
            "communities_updated": self.communities_updated,
            "notes": [str(note) for note in self.notes],
        }


def _conflict_reason(tie: bool, theirs_newer: bool, policy: Policy) -> Reason:
    """Why a conflict went the way it did, in English for JSON and translatable for people."""
    if policy is Policy.newer:
        if tie:
            return Reason(N_("same updated_at, different content"))
        return Reason(N_("theirs is newer")) if theirs_newer else Reason(N_("ours is newer"))
    if tie:
        return Reason(N_("same updated_at, different content; --on-conflict {policy}"), policy=policy.value)
    if theirs_newer:
        return Reason(N_("theirs is newer; --on-conflict {policy}"), policy=policy.value)
    return Reason(N_("ours is newer; --on-conflict {policy}"), policy=policy.value)


def _canonical(activity: Activity) -> bytes:
    return orjson.dumps(activity.to_dict(), option=orjson.OPT_SORT_KEYS)


def natural_key(activity: Activity) -> tuple:
    """What identifies a record that carries no id: date, title and communities, folded."""
    from ..textnorm import fold

    return (activity.date, fold(activity.title), tuple(sorted({fold(c) for c in activity.communities})))


class Merge:
    """The merge of one or more files into a snapshot of the logbook.

    Each file is merged against the result of the files before it. The operations collected in
    `ops` are what `apply` replays on a store transaction; `changed` says whether there are any.
    """

    def __init__(self, snapshot: Snapshot, *, policy: Policy = Policy.newer, now: str) -> None:
        self.live = Live(snapshot)
        self.dead = dict(snapshot.tombstones)
        self.communities = [Community.from_dict(c.to_dict()) for c in snapshot.communities]
        self._communities_before = [c.to_dict() for c in self.communities]
        self.policy = Policy(policy)
        self.now = now
        self.limit = stamp_limit(now)
        self.ops: list[tuple] = []
        # Records without an id are matched by natural key, month by month as their dates ask:
        # a month's keys are those of the logbook as it was when the first such record came
        # (`_natural_base`), then of the records put since, first come first kept.
        self._natural: dict[str, dict[tuple, str]] | None = None
        self._natural_base: Live | None = None
        self._natural_since: dict[str, list[tuple[tuple, str]]] = {}
        self._snapshot = snapshot
        self._growth: dict[str, int] = {}  # month -> activities added to it, less those taken out

    @property
    def communities_changed(self) -> bool:
        return [c.to_dict() for c in self.communities] != self._communities_before

    @property
    def changed(self) -> bool:
        return bool(self.ops) or self.communities_changed

    def release(self) -> None:
        """Let go of the plan and of the logbook as it was, once applied: what an import of many
        records holds is then the transaction's copy alone, while it is written."""
        self._snapshot.release()
        self.live = Live(self._snapshot)
        self.dead = {}
        self.ops = []
        self._natural = None
        self._natural_base = None
        self._natural_since = {}

    def apply(self, tx) -> None:
        """Replay the merge on a transaction opened on the same logbook as the snapshot."""
        for op in self.ops:
            kind = op[0]
            if kind == "add":
                tx.add(op[1])
            elif kind == "update":
                tx.update(op[1])
            else:
                tx.delete(op[1], op[2])
        if self.communities_changed:
            tx.set_communities(self.communities)

    # -- one file --------------------------------------------------------------------------

    def add_file(self, xf: ExchangeFile, *, on_progress: Callable[[int, int], None] | None = None) -> FileSummary:
        summary = FileSummary(xf.name, xf.shape, xf.encoding, invalid=list(xf.problems), notes=list(xf.notes))
        if xf.communities:
            self._merge_communities(xf.communities, summary)
        registry = None
        done = 0
        for incoming in xf.records:
            if not incoming.had_id and registry is None:
                from ..registry import Registry

                registry = Registry(self.communities)
            self._merge_record(incoming, summary, registry)
            done += 1
            if on_progress is not None and done % 500 == 0:
                on_progress(done, len(xf.records))
        if on_progress is not None:
            on_progress(done, len(xf.records))
        for ident, deleted_at, where in xf.tombstones:
            self._merge_tombstone(ident, deleted_at, where, summary)
        return summary

    def _merge_record(self, incoming: IncomingRecord, summary: FileSummary, registry) -> None:
        theirs = incoming.activity
        ahead = stamp_ahead(theirs, self.limit)
        if ahead is not None:
            ident = theirs.id if incoming.had_id else None
            summary.refused.append(Refused(ident, incoming.where, ahead, getattr(theirs, ahead)))
            return
        match = None
        if not incoming.had_id:
            theirs = self._resolve_names(theirs, registry)
            match = self._natural_match(theirs)
            if match is not None:
                theirs = dataclasses.replace(theirs, id=match)
        ours = self.live.get(theirs.id)
        if ours is None:
            deleted_at = self.dead.get(theirs.id)
            if deleted_at is not None and (
                "updated_at" in incoming.missing or stamp_key(theirs.updated_at) <= stamp_key(deleted_at)
            ):
                summary.skipped += 1
                summary.older += 1
                return
            self._put("add", theirs)
            summary.added += 1
            return
        if incoming.missing:
            # What the file did not say is taken from our record; if the rest differs, the file
            # holds an edit made since, so it is stamped now.
            theirs = dataclasses.replace(theirs, **{k: getattr(ours, k) for k in incoming.missing})
            if theirs == ours:  # dataclass equality: every field
                summary.skipped += 1
                if match is not None:
                    summary.duplicates += 1
                return
            if "updated_at" in incoming.missing:
                theirs.updated_at = self.now
        if theirs == ours:  # dataclass equality: every field
            summary.skipped += 1
            return
        t_key, o_key = stamp_key(theirs.updated_at), stamp_key(ours.updated_at)
        tie = t_key == o_key
        # Two different versions with the same stamp are ordered by content, so that every
        # logbook merging them picks the same one.
        theirs_newer = _canonical(theirs) > _canonical(ours) if tie else t_key > o_key
        take = theirs_newer if self.policy is Policy.newer else self.policy is Policy.replace
        # A conflict is a merge in which the newer version did not win, or neither was newer.
        conflict = tie or take != theirs_newer
        reason = _conflict_reason(tie, theirs_newer, self.policy)
        if take:
            self._put("update", theirs)
            summary.updated += 1
        else:
            summary.skipped += 1
            if not theirs_newer and not tie:
                summary.older += 1
        if conflict:
            summary.conflicts.append(Conflict(ours.id, ours.title, "theirs" if take else "ours", reason))

    def _merge_tombstone(self, ident: str, deleted_at: str, where: str, summary: FileSummary) -> None:
        if stamp_key(deleted_at) > self.limit:
            summary.refused.append(Refused(ident, where, "deleted_at", deleted_at))
            return
        ours = self.live.get(ident)
        if ours is not None:
            if stamp_key(deleted_at) >= stamp_key(ours.updated_at):
                self._delete(ident, deleted_at)
                summary.deleted += 1
            return
        known = self.dead.get(ident)
        # the same instant written with another precision: the greater text, for every logbook
        if known is None or (stamp_key(deleted_at), deleted_at) > (stamp_key(known), known):
            # Kept so that the deletion travels on when this logbook is exported in turn.
            self._delete(ident, deleted_at)

    def months_over(self, limit: int) -> list[tuple[str, int]]:
        """The months this merge adds activities to that would then hold more than `limit`,
        with what they would hold, fullest first."""
        grown = {month for month, n in self._growth.items() if n > 0}
        held = {month: self._snapshot.count(month) for month in grown}
        over = [(m, held[m] + self._growth[m]) for m in grown if held[m] + self._growth[m] > limit]
        return sorted(over, key=lambda o: (-o[1], o[0]))

    def _grow(self, activity: Activity | None, by: int) -> None:
        if activity is not None:
            month = activity.date[:7]
            self._growth[month] = self._growth.get(month, 0) + by

    def _put(self, kind: str, activity: Activity) -> None:
        self._grow(self.live.get(activity.id), -1)
        self._grow(activity, 1)
        self.live.put(activity)
        self.dead.pop(activity.id, None)
        self.ops.append((kind, activity))
        if self._natural is not None:
            month = month_of(activity)
            keys = self._natural.get(month)
            if keys is not None:
                keys.setdefault(natural_key(activity), activity.id)
            else:
                self._natural_since.setdefault(month, []).append((natural_key(activity), activity.id))

    def _delete(self, ident: str, deleted_at: str) -> None:
        self._grow(self.live.pop(ident), -1)
        self.dead[ident] = deleted_at
        self.ops.append(("delete", ident, deleted_at))

    def _natural_match(self, activity: Activity) -> str | None:
        if self._natural is None:
            self._natural = {}
            self._natural_base = self.live.copy()
        month = month_of(activity)
        keys = self._natural.get(month)
        if keys is None:
            keys = self._natural[month] = {}
            assert self._natural_base is not None  # set above, on the first look-up
            for a in self._natural_base.in_month(month):
                keys.setdefault(natural_key(a), a.id)
            for key, ident in self._natural_since.pop(month, ()):
                keys.setdefault(key, ident)
        key = natural_key(activity)
        found = keys.get(key)
        if found is not None:
            held = self.live.get(found)
            if held is None or natural_key(held) != key:
                # stale: that record was deleted or changed since; look again the slow way, once
                # (a natural key holds the date: only that month can hold a match)
                found = next((a.id for a in self.live.in_month(month) if natural_key(a) == key), None)
                if found is None:
                    del keys[key]
                else:
                    keys[key] = found
        return found

    def _resolve_names(self, activity: Activity, registry) -> Activity:
        """A hand-made record (no id) names communities the way `add` would store them."""
        names: list[str] = []
        for typed in activity.communities:
            found = registry.find(typed)
            name = found.name if found is not None else typed
            if name not in names:
                names.append(name)
        street = activity.street
        if street:
            street = registry.resolve_street(street) or street
        elif names:
            street = registry.street_of(names)
        if names == activity.communities and street == activity.street:
            return activity
        return dataclasses.replace(activity, communities=names, street=street)

    def _merge_communities(self, incoming: Iterable[Community], summary: FileSummary) -> None:
        from ..registry import Registry
        from ..textnorm import fold

        for inc in incoming:
            registry = Registry(self.communities)
            mine = next((c for c in self.communities if c.name == inc.name), None) or registry.find(inc.name)
            if mine is None:
                aliases = [a for a in inc.aliases if registry.find(a) is None]
                self.communities.append(Community(inc.name, inc.street, aliases))
                summary.communities_added += 1
                continue
            aliases = list(mine.aliases)
            for alias in [inc.name, *inc.aliases]:
                if alias != mine.name and alias not in aliases and registry.find(alias) is None:
                    aliases.append(alias)
            street = mine.street or inc.street
            if mine.street and inc.street and fold(mine.street) != fold(inc.street):
                summary.notes.append(
                    Reason(
                        N_("community {name}: the file puts it in {theirs}, this logbook in {ours}; kept {ours}"),
                        name=mine.name,
                        theirs=inc.street,
                        ours=mine.street,
                    )
                )
            if aliases != mine.aliases or street != mine.street:
                mine.aliases = aliases
                mine.street = street
                summary.communities_updated += 1
