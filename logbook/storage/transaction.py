"""The changes of one command, applied to the logbook as read and written once."""

from __future__ import annotations

from ..errors import NotFound, UsageError
from ..i18n import _
from ..models import Activity, Community
from .base import StoreBase
from .index import _Main
from .layout import (
    _SEARCH_KEY,
    ACTIVITIES,
    COMMUNITIES,
    DELETED,
    META,
    PERIODS,
    SCHEMA_VERSION,
    SEARCH_KEYS,
    _document_spans,
    _newest_first,
    export_order,
    period_of,
)
from .records import _activity_from_doc, _ref_key, _search_key_of, resolve_ref


class Transaction:
    """The changes of one command, applied to the freshly read logbook and written once.

    Months are read when first needed: `add` reads the month of the new activity, `get` and
    `by_id` the month the index names, `activities()` every month."""

    def __init__(self, store: StoreBase, main: _Main, summary: str) -> None:
        self.store = store
        self.main = main
        self.summary = summary
        self.changed = False
        # loaded months: id -> stored record (unchanged) or Activity (added or changed here)
        self._months: dict[str, dict[str, dict | Activity]] = {}
        self._objects: dict[str, Activity] = {}  # records read back, each built once
        self._where: dict[str, str | None] = {}  # month of every id this transaction moved
        self.dirty: set[str] = set()
        self._tombstones: dict[str, str] = {
            doc["id"]: doc["deleted_at"] for doc in main.table(DELETED) if isinstance(doc, dict)
        }
        self._revived: set[str] = set()
        self._communities: list[Community] | None = None
        self._broken: dict[str, list] = {}
        # a month file's bytes as logbook wrote them, and its records as parsed from them: the
        # records written back unchanged reuse their bytes (`stored_bytes`)
        self._raw: dict[str, tuple[bytes, list[dict]]] = {}
        self._rebuilt = False

    # -- months ------------------------------------------------------------------------------

    def _month(self, period: str) -> dict[str, dict | Activity]:
        month = self._months.get(period)
        if month is None:
            month = {}
            kept: list = []
            if period in self.main.period_names():
                docs, raw = self.store._load_partition(self.main, period)
                if raw is not None:
                    self._raw[period] = (raw, docs)
                for doc in docs:
                    if doc["id"] in month:  # the same id twice in a file edited by hand
                        kept.append(doc)
                    else:
                        month[doc["id"]] = doc
                if self.main.legacy is None:
                    name = self.main.periods[period]["file"]
                    kept += [doc for _, doc, _ in self.store.unreadable.get(name, ())]
            self._months[period] = month
            self._broken[period] = kept
        return month

    def broken_of(self, period: str) -> list:
        """The stored documents of a month that cannot be read as activities (or repeat an id
        the month already holds): written back as they were, after the others."""
        self._month(period)
        return list(self._broken.get(period, ()))

    def base_periods(self) -> dict[str, dict]:
        """The index entries of the months as read (none for a one-file logbook, or when every
        month is written afresh)."""
        return dict(self.main.periods) if self.main.legacy is None and not self._rebuilt else {}

    def replace_all(self, records: list[dict], unreadable: list) -> None:
        """Make the logbook hold exactly these records (and these documents that cannot be
        read, kept as they are), every month written afresh and indexed again: for `check
        --fix` when the index lost months."""
        self._rebuilt = True
        self._raw = {}
        self._months = {p: {} for p in self.main.period_names()}
        self._broken = {p: [] for p in self.main.period_names()}
        self._where = {}
        for doc in records:
            period = period_of(doc["date"])
            self._months.setdefault(period, {})[doc["id"]] = doc
            self._broken.setdefault(period, [])
            self._where[doc["id"]] = period
        for doc in unreadable:
            period = period_of(doc.get("date") if isinstance(doc, dict) else "")
            self._months.setdefault(period, {})
            self._broken.setdefault(period, []).append(doc)
        self.dirty |= set(self._months)
        self.changed = True

    def keep_newest(self, activity_id: str) -> int:
        """Keep one copy of an activity stored in several months (or twice in one): the newest
        (a later `updated_at`; the later month on a tie). Returns how many copies went."""
        copies: list[tuple[str, dict]] = []
        for period in self.main.period_names():
            item = self._month(period).get(activity_id)
            if item is not None:
                copies.append((period, item if isinstance(item, dict) else item.to_dict()))
            copies += [
                (period, d) for d in self._broken.get(period, ()) if isinstance(d, dict) and d.get("id") == activity_id
            ]
        if len(copies) < 2:
            return 0
        keep_period, keep = max(copies, key=lambda c: (str(c[1].get("updated_at")), c[0]))
        for period, _copy in copies:
            self._month(period).pop(activity_id, None)
            self._broken[period] = [
                d for d in self._broken.get(period, ()) if not (isinstance(d, dict) and d.get("id") == activity_id)
            ]
            self.dirty.add(period)
        self._month(keep_period)[activity_id] = keep
        self._where[activity_id] = keep_period
        self._objects.pop(activity_id, None)
        self.changed = True
        return len(copies) - 1

    def touched(self) -> set[str]:
        """The months to write: those changed, and every month of a one-file logbook (its first
        write splits it)."""
        return set(self.dirty) | (set(self.main.legacy) if self.main.legacy is not None else set())

    def rewrite(self, period: str) -> None:
        """Write a month again as it is (its keys made again): for `check --fix`."""
        self._month(period)
        self.dirty.add(period)
        self.changed = True

    def _period_holding(self, activity_id: str) -> str | None:
        if activity_id in self._where:
            return self._where[activity_id]
        for period in self.main.periods_with_prefix(activity_id):
            if activity_id in self._month(period):
                return period
        return None

    def _object(self, item: dict | Activity) -> Activity:
        if isinstance(item, Activity):
            return item
        built = self._objects.get(item["id"])
        if built is None:
            built = self._objects[item["id"]] = _activity_from_doc(item)
        return built

    def docs_of(self, period: str) -> list[dict]:
        """The records of a month as they are to be written: every field, no search key, oldest
        first."""
        docs = []
        for item in self._month(period).values():
            if isinstance(item, Activity):
                docs.append(item.to_dict())
            elif _SEARCH_KEY in item:  # read from a file written before keys had their own
                docs.append({k: v for k, v in item.items() if k != _SEARCH_KEY})
            else:
                docs.append(item)
        docs.sort(key=export_order)
        return docs

    def stored_bytes(self, period: str, docs: list[dict]) -> list[bytes | None]:
        """For each of `docs` (`docs_of`), its JSON as the month file read holds it when it is
        written back unchanged, else None: writing a month then makes only the JSON of what
        changed (`SafeStorage.write`)."""
        found = self._raw.get(period)
        spans = _document_spans(found[0], ACTIVITIES, len(found[1])) if found is not None else None
        if found is None or spans is None:
            return [None] * len(docs)
        raw, read = found
        by_object = {id(doc): raw[start:end] for doc, (start, end) in zip(read, spans)}
        return [by_object.get(id(doc)) for doc in docs]

    def keys_of(self, period: str, docs: list[dict]) -> tuple[list[dict], list[bytes | None]]:
        """The search keys of a month's records (`docs_of`), in their order, and the JSON of
        each as its keys file holds it (None where made here): kept from the month's keys file
        (or the record) where the record is unchanged, computed for the rest."""
        month = self._month(period)
        known: dict[str, tuple[str, bytes | None]] = {}
        if self.main.legacy is None and period in self.main.periods:
            stored = self.store._load_keys(self.main, period)
            if stored is not None:
                keys, raw = stored
                spans = _document_spans(raw, SEARCH_KEYS, len(keys))
                slices = [raw[start:end] for start, end in spans] if spans is not None else [None] * len(keys)
                known = {entry["id"]: (entry["key"], piece) for entry, piece in zip(keys, slices)}
        out: list[dict] = []
        pieces: list[bytes | None] = []
        for doc in docs:
            item = month.get(doc["id"])
            key: object = None
            piece = None
            if isinstance(item, dict):
                key, piece = known.get(doc["id"]) or (item.get(_SEARCH_KEY), None)
            if not isinstance(key, str) or not key:
                key, piece = _search_key_of(self._object(item) if item is not None else _activity_from_doc(doc)), None
            out.append({"id": doc["id"], "key": key})
            pieces.append(piece)
        return out, pieces

    def main_tables(self, periods: dict[str, dict], seq: int) -> dict:
        """The main file's tables after this transaction."""
        from ..dates import now_utc_iso

        meta = self.main.meta
        meta.setdefault("created_at", now_utc_iso())
        meta["schema_version"] = SCHEMA_VERSION
        meta["seq"] = seq
        communities = (
            [c.to_dict() for c in self._communities] if self._communities is not None else self.main.table(COMMUNITIES)
        )
        tombstones = {i: at for i, at in self._tombstones.items() if i not in self._revived}
        ordered = sorted(periods.values(), key=lambda e: _newest_first(e["period"]))
        tables = {
            META: {"1": meta},
            COMMUNITIES: {str(i): c for i, c in enumerate(communities, 1)},
            DELETED: {str(i): {"id": k, "deleted_at": v} for i, (k, v) in enumerate(tombstones.items(), 1)},
            PERIODS: {str(i): e for i, e in enumerate(ordered, 1)},
        }
        for name, table in self.main.data.items():  # tables of a later version, kept as they are
            if name not in tables and name != ACTIVITIES:
                tables[name] = table
        return tables

    # -- reading inside the transaction sees its own changes -----------------------------------

    def activities(self) -> list[Activity]:
        periods = list(dict.fromkeys([*self.main.period_names(), *self._months]))
        return [self._object(item) for period in periods for item in self._month(period).values()]

    def month_activities(self, period: str) -> list[Activity]:
        """The activities of one month, in the order `activities()` gives them."""
        return [self._object(item) for item in self._month(period).values()]

    def months_holding(self, activity_id: str) -> list[str]:
        """The months that hold this id, in the order of `activities()`: one, unless a file
        edited by hand holds it twice. Reads only the months the index names for it."""
        return [p for p in self.main.periods_with_prefix(activity_id) if activity_id in self._month(p)]

    def period_names(self) -> list[str]:
        """The months as `activities()` goes through them."""
        return list(dict.fromkeys([*self.main.period_names(), *self._months]))

    def count(self, period: str) -> int:
        """How many activities a month held when read, from the index."""
        return self.main.count(period) if period in self.main.period_names() else 0

    def get(self, ref: str) -> Activity:
        key = _ref_key(ref)
        candidates: dict[str, str | None] = {}  # id -> its month (None: deleted here)
        for period in self.main.periods_with_prefix(key):
            for activity_id in self._month(period):
                if activity_id.startswith(key):
                    candidates[activity_id] = period
        for activity_id, where in self._where.items():
            if activity_id.startswith(key):
                candidates[activity_id] = where
        found = [a for a in (self.by_id(i) for i, p in candidates.items() if p is not None) if a is not None]
        return resolve_ref(ref, found)

    def by_id(self, activity_id: str) -> Activity | None:
        period = self._period_holding(activity_id)
        if period is None:
            return None
        item = self._month(period).get(activity_id)
        return self._object(item) if item is not None else None

    def tombstone(self, activity_id: str) -> str | None:
        return self._tombstones.get(activity_id)

    def tombstones(self) -> dict[str, str]:
        return dict(self._tombstones)

    def communities(self) -> list[Community]:
        if self._communities is None:
            self._communities = [Community.from_dict(doc) for doc in self.main.table(COMMUNITIES)]
        return list(self._communities)

    # -- changing --------------------------------------------------------------------------------

    def add(self, activity: Activity) -> None:
        if self._period_holding(activity.id) is not None:
            raise UsageError(_("an activity with id {id} already exists").format(id=activity.id))
        period = period_of(activity.date)
        self._month(period)[activity.id] = activity
        self._where[activity.id] = period
        self.dirty.add(period)
        self._tombstones.pop(activity.id, None)
        self._revived.add(activity.id)
        self.changed = True

    def update(self, activity: Activity) -> None:
        old = self._period_holding(activity.id)
        if old is None or activity.id not in self._month(old):
            raise NotFound(_("no activity with id {ref}").format(ref=activity.id))
        new = period_of(activity.date)
        if new != old:
            del self._month(old)[activity.id]
            self.dirty.add(old)
        self._month(new)[activity.id] = activity
        self._where[activity.id] = new
        self.dirty.add(new)
        self._revived.add(activity.id)
        self.changed = True

    def delete(self, activity_id: str, deleted_at: str) -> None:
        """Remove an activity and leave a tombstone so the deletion travels in exports."""
        period = self._period_holding(activity_id)
        if period is not None and self._month(period).pop(activity_id, None) is not None:
            self.dirty.add(period)
        self._where[activity_id] = None
        self._objects.pop(activity_id, None)
        self._revived.discard(activity_id)
        self._tombstones.pop(activity_id, None)  # a deletion again moves to the end, as it is new
        self._tombstones[activity_id] = deleted_at
        self.changed = True

    def set_communities(self, communities: list[Community]) -> None:
        self._communities = list(communities)
        self.changed = True
