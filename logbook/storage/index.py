"""The parsed main file: its tables and the index of months it keeps (or, for a one-file logbook,
the records themselves grouped by month)."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, Message, message
from .layout import _MONTH, ACTIVITIES, LEGACY_SCHEMA, META, PERIODS, SHORT_ID, _newest_first, keys_file, period_of

_ID_LENGTH = 32  # of an activity id
_SCANS_BEFORE_MAP = 8  # ids looked up by scanning the index before a map of it is made


@dataclass
class PeriodInfo:
    """One month of the logbook as the index describes it."""

    period: str
    count: int
    file: str | None = None


class _Changed(Exception):
    """A month file named by the main file we read is gone because the logbook changed since."""


class _Main:
    """The parsed main file: its tables, and the index of months (or, for a schema 1 file, the
    activity records themselves grouped by month)."""

    def __init__(self, data: dict, identity: tuple | None = None) -> None:
        self.data = data
        self.identity = identity  # of the file read (`_identity`), to notice it was replaced
        self.legacy: dict[str, list[dict]] | None = None
        self.periods: dict[str, dict] = {}
        # What makes this main file disagree with its month files: a write is refused while
        # there is any, and `check --fix` reads the months back in (Store.repair).
        self.problems: list[Message] = []
        self._prefixes: tuple | None = None  # see _lookup
        self._scans = 0
        if self.meta.get("schema_version", LEGACY_SCHEMA) != LEGACY_SCHEMA:
            if PERIODS not in data:
                self.problems.append(message(N_("has no index of months (its periods table)")))
            extra = data.get(ACTIVITIES)
            if extra:
                self.problems.append(
                    message(
                        N_(
                            "holds 1 activity in an activities table of its own, where a logbook "
                            "split by month keeps none (added with TinyDB or by hand?)"
                        )
                        if len(extra) == 1
                        else N_(
                            "holds {count} activities in an activities table of its own, where a "
                            "logbook split by month keeps none (added with TinyDB or by hand?)"
                        ),
                        count=len(extra),
                    )
                )
            entries = [d for d in (data.get(PERIODS) or {}).values() if isinstance(d, dict)]
            self.periods = {e["period"]: e for e in sorted(entries, key=lambda e: _newest_first(e["period"]))}
        else:
            self.legacy = {}
            for doc in (data.get(ACTIVITIES) or {}).values():
                day = doc.get("date", "") if isinstance(doc, dict) else ""
                self.legacy.setdefault(period_of(day), []).append(doc)
            self.legacy = dict(sorted(self.legacy.items(), key=lambda kv: _newest_first(kv[0])))

    def table(self, name: str) -> list:
        table = self.data.get(name) or {}
        return list(table.values()) if isinstance(table, dict) else []

    @property
    def meta(self) -> dict:
        docs = self.table(META)
        return dict(docs[0]) if docs and isinstance(docs[0], dict) else {}

    @property
    def seq(self) -> int:
        value = self.meta.get("seq")
        return value if isinstance(value, int) else 0

    def period_names(self) -> list[str]:
        """Every month that holds activities, oldest first."""
        return list(self.legacy) if self.legacy is not None else list(self.periods)

    def count(self, period: str) -> int:
        if self.legacy is not None:
            return len(self.legacy.get(period, ()))
        return int(self.periods[period].get("count", 0))

    def files(self) -> list[str]:
        """The month files and their keys files."""
        out: list[str] = []
        for entry in self.periods.values():
            out += (entry["file"], keys_file(entry["file"]))
        return out

    def in_export_order(self) -> bool:
        """Whether every month file holds its records oldest first (as written since they are),
        so that the months one after another are in the order of an export."""
        return self.legacy is None and all(e.get("sorted") is True and _MONTH.match(p) for p, e in self.periods.items())

    def periods_with_prefix(self, key: str) -> list[str]:
        """The months that may hold an activity whose id starts with `key`. The index keeps the
        first SHORT_ID characters of each id (main files written before kept all 32), so a month
        named here is read to know which of its ids match."""
        if len(key) >= _ID_LENGTH or self.legacy is None:
            found = self._lookup(key)
            if found is not None:
                return found
        if self.legacy is not None:
            return [p for p, docs in self.legacy.items() if any(str(d.get("id", "")).startswith(key) for d in docs)]
        return self._scan(key, self.periods)

    def _lookup(self, key: str) -> list[str] | None:
        """`periods_with_prefix` from a map of the index's ids made once (an import looks up
        every id it brings); None when the map cannot answer: a key shorter than the ids kept,
        or a month whose ids are not all of one width (written by hand)."""
        if self._prefixes is None:
            # a command that looks up an id or two (add, edit) scans: making the map of
            # 100,000 ids costs more than a few scans
            self._scans += 1
            if self._scans <= _SCANS_BEFORE_MAP:
                return None
            self._prefixes = self._prefix_map()
        by_width, irregular = self._prefixes
        if self.legacy is None and any(len(key) < w for w in by_width):
            return None
        found: set[str] = set()
        for width, prefixes in by_width.items():
            held = prefixes.get(key[:width])
            if held is not None:
                found.update(held)
        if irregular:
            found.update(self._scan(key, irregular))
        if len(found) < 2:
            return list(found)
        return [p for p in self.period_names() if p in found]

    def _prefix_map(self) -> tuple[dict[int, dict[str, list[str]]], dict[str, dict]]:
        """For each width of the ids kept, the months each kept id is in; and the months whose
        ids cannot be mapped."""
        by_width: dict[int, dict[str, list[str]]] = {}
        irregular: dict[str, dict] = {}
        if self.legacy is not None:
            months = by_width[_ID_LENGTH] = {}
            for period, docs in self.legacy.items():
                for doc in docs:
                    ident = doc.get("id") if isinstance(doc, dict) else None
                    if isinstance(ident, str) and len(ident) >= _ID_LENGTH:
                        months.setdefault(ident[:_ID_LENGTH], []).append(period)
            return by_width, irregular
        for period, entry in self.periods.items():
            ids = entry.get("ids", "")
            if not isinstance(ids, str) or not ids:
                continue
            parts = ids.split(" ")
            width = len(parts[0])
            if not width or len(ids) != len(parts) * (width + 1) - 1 or any(len(p) != width for p in parts):
                irregular[period] = entry
                continue
            months = by_width.setdefault(width, {})
            shared = months.keys() & parts
            for part in shared:  # a prefix two months hold (or one month twice)
                if period not in months[part]:
                    months[part] = [*months[part], period]
            held = [period]  # one list for the ids of this month only
            months.update(dict.fromkeys([part for part in parts if part not in shared] if shared else parts, held))
        return by_width, irregular

    @staticmethod
    def _scan(key: str, periods: dict[str, dict]) -> list[str]:
        found = []
        for period, entry in periods.items():
            ids = entry.get("ids", "")
            width = ids.find(" ") if " " in ids else len(ids)
            if not width:
                continue
            part = key[:width]
            at = ids.find(part)
            while at != -1:
                if at % (width + 1) == 0:
                    found.append(period)
                    break
                at = ids.find(part, at + 1)
        return found


def _index_entry(period: str, file: str, docs: list[dict], crc: int | None = None, keys_crc: int | None = None) -> dict:
    """What the main file says about one month: its file, count, ids, the last day each
    community and street appears, and the checksums of the month file and its keys file as
    written (a file whose bytes no longer match was edited by hand: its records are each looked
    at before use, and its keys are not trusted)."""
    communities: dict[str, str] = {}
    streets: dict[str, str] = {}
    for doc in docs:
        day = doc.get("date") or ""
        for name in doc.get("communities") or ():
            if day > communities.get(name, ""):
                communities[name] = day
        street = doc.get("street")
        if street and day > streets.get(street, ""):
            streets[street] = day
    return {
        "period": period,
        "file": file,
        "count": len(docs),
        "ids": " ".join(doc["id"][:SHORT_ID] for doc in docs),
        "communities": communities,
        "streets": streets,
        "sorted": True,  # the file holds its records oldest first
        "crc": crc,
        "keys_crc": keys_crc,
    }
