"""The logbook's files looked at closely, for `check`, and mended, for `check --fix`: a main file
whose index lost months (or that holds records of its own), records dated outside their file's
month, one id in two places, keys files that no longer match their records, and records that
cannot be read at all (named, never touched)."""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import orjson

from .checks import Finding, Said, in_english
from .i18n import N_, Message, message
from .models import stored_record
from .storage import ACTIVITIES, Store, Transaction, keys_file, part_seq, period_of
from .storage.records import _activity_from_doc, _search_key_of


@dataclass
class FileFinding:
    kind: str  # index, schema (a record that cannot be read), misplaced, twice, keys
    ids: list[str]
    message: Message
    fixable: bool = True


def inspect(store: Store) -> list[FileFinding]:
    """What is wrong with the files themselves (the records' content is `checks`' business)."""
    if store.path is None:
        return []
    store.tolerant = True
    main = store._main()
    findings = [
        FileFinding("index", [], message(N_("{file} {problem}"), file=str(store.path), problem=problem))
        for problem in main.problems
    ]
    if main.legacy is not None:
        return findings
    seen: dict[str, list[str]] = {}
    for period in main.period_names():
        name = main.periods[period]["file"]
        docs = store._read_partition(main, period)
        for key, doc, why in store.unreadable.get(name, ()):
            ident = doc.get("id") if isinstance(doc, dict) and isinstance(doc.get("id"), str) else ""
            english = in_english(lambda doc=doc: stored_record(doc, store.categories)[1]) or why
            template = N_("{problem} ({file}, document {key}: left as it is)")
            values = {"file": str(store.parts_dir / name), "key": key}
            findings.append(
                FileFinding(
                    "schema",
                    [ident] if ident else [],
                    Said(
                        template.format(problem=english, **values),
                        local=Message(template, dict(values, problem=why)).text(),
                    ),
                    fixable=False,
                )
            )
        for doc in docs:
            seen.setdefault(doc["id"], []).append(period)
            if period_of(doc["date"]) != period:
                findings.append(
                    FileFinding(
                        "misplaced",
                        [doc["id"]],
                        message(
                            N_("{date} {title} is kept in {file}, the file of {month}"),
                            date=doc["date"],
                            title=doc["title"],
                            file=name,
                            month=period,
                        ),
                    )
                )
        stale = _keys_problem(store, main, period, docs)
        if stale:
            findings.append(
                FileFinding(
                    "keys",
                    [],
                    message(N_("{file} {problem}"), file=str(store.parts_dir / keys_file(name)), problem=stale),
                )
            )
    for ident, periods in seen.items():
        if len(periods) > 1:
            findings.append(
                FileFinding(
                    "twice",
                    [ident],
                    message(
                        N_("activity {id} is kept {count} times ({months})"),
                        id=ident[:8],
                        count=len(periods),
                        months=", ".join(periods),
                    ),
                )
            )
    return findings


def _keys_problem(store: Store, main, period: str, docs: list[dict]) -> Message | None:
    entry = main.periods[period]
    path = store.parts_dir / keys_file(entry["file"])
    if not path.exists():
        return message(N_("is missing")) if entry.get("keys_crc") is not None else None
    keys = store._read_keys(main, period)
    if keys is None:
        return message(N_("does not match its records (damaged or edited): a search reads the records instead"))
    try:
        trusted = entry.get("crc") is not None and entry["crc"] == zlib.crc32(
            (store.parts_dir / entry["file"]).read_bytes()
        )
    except OSError:
        trusted = False
    if trusted:
        return None
    stored = {k["id"]: k["key"] for k in keys}
    if any(stored.get(doc["id"]) != _search_key_of(_activity_from_doc(doc)) for doc in docs):
        return message(N_("holds keys of records since edited by hand: a search may miss them"))
    return None


def mend(store: Store, tx: Transaction, findings: Sequence[FileFinding | Finding]) -> int:
    """Fix in `tx` what `inspect` found (as it is, or as `check` reports it): read lost months
    back in, move misplaced records, keep the newest copy of an id, make keys again. Returns how
    many records moved or went."""
    changed = 0
    if any(f.kind == "index" for f in findings):
        changed += _rebuild(store, tx)
    for f in findings:
        if f.kind == "misplaced":
            activity = tx.by_id(f.ids[0])
            if activity is not None:
                tx.update(activity)
                changed += 1
        elif f.kind == "twice":
            changed += tx.keep_newest(f.ids[0])
    if any(f.kind == "keys" for f in findings):
        for period in tx.main.period_names():
            tx.rewrite(period)
    return changed


def _rebuild(store: Store, tx: Transaction) -> int:
    """Read every month file this main file could have named (written at or before its write,
    whatever the index says) and the main file's own activities, keep the newest version of
    each record (a deletion newer than it wins), and index them afresh."""
    from .exchange import stamp_key

    main = tx.main
    candidates: list[tuple[int, dict]] = []
    try:
        names = os.listdir(store.parts_dir)
    except OSError:
        names = []
    for name in sorted(names, key=lambda n: part_seq(n) or 0):
        seq = part_seq(name)
        if seq is None or seq > main.seq or name.endswith(".keys.json"):
            continue
        try:
            rows = orjson.loads((store.parts_dir / name).read_bytes()).get(ACTIVITIES)
        except (OSError, orjson.JSONDecodeError, AttributeError):
            continue
        if isinstance(rows, dict):
            candidates += [(seq, doc) for doc in rows.values()]
    own = main.data.get(ACTIVITIES)
    if isinstance(own, dict):
        candidates += [(main.seq + 1, doc) for doc in own.values()]
    newest: dict[str, tuple[str, int, dict]] = {}
    unreadable: list = []
    for seq, doc in candidates:
        record, _why = stored_record(doc, store.categories)
        if record is None:
            if seq > main.seq and doc not in unreadable:  # kept only from the main file itself
                unreadable.append(doc)
            continue
        version = (stamp_key(record["updated_at"]), seq)
        known = newest.get(record["id"])
        if known is None or version >= known[:2]:
            newest[record["id"]] = (*version, record)
    for period in main.period_names():  # what the index names and cannot be read stays as it is
        if period not in tx.main.periods:
            continue
        store._read_partition(main, period)
        unreadable += [doc for _, doc, _ in store.unreadable.get(main.periods[period]["file"], ())]
    tombstones = tx.tombstones()
    records = [
        r
        for _, _, r in newest.values()
        if not (r["id"] in tombstones and stamp_key(tombstones[r["id"]]) >= stamp_key(r["updated_at"]))
    ]
    before = sum(main.count(p) for p in main.period_names())
    tx.replace_all(records, unreadable)
    return abs(len(records) - before)
