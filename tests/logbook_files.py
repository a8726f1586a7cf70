"""A logbook's files read (and, to plant damage, changed) directly, the way a person or another
program would, without logbook's code: the main file, and the month files its `periods` index
names. Tests use these to check what is really stored."""

from __future__ import annotations

import json
from pathlib import Path


def main_tables(db_path: Path) -> dict:
    """The main file's tables (`_meta`, `communities`, `deleted`, `periods`)."""
    return json.loads(Path(db_path).read_text(encoding="utf-8"))


def month_files(db_path: Path) -> list[Path]:
    """The month files the main file names, oldest month first."""
    db_path = Path(db_path)
    data = main_tables(db_path)
    if "activities" in data:  # a schema 1 logbook: one file
        return []
    entries = sorted(data.get("periods", {}).values(), key=lambda e: e["period"])
    return [db_path.with_name(db_path.name + ".d") / e["file"] for e in entries]


def keys_files(db_path: Path) -> list[Path]:
    """The search keys files of the month files the main file names, in the same order."""
    return [path.with_name(path.name[: -len(".json")] + ".keys.json") for path in month_files(db_path)]


def part_files(db_path: Path) -> list[Path]:
    """Every file of the month folder the main file names: each month file and its keys file."""
    return [p for pair in zip(month_files(db_path), keys_files(db_path)) for p in pair]


def stored_keys(db_path: Path) -> dict[str, str]:
    """Every stored search key by the id of its record (a one-file logbook keeps them in the
    records)."""
    data = main_tables(db_path)
    if "activities" in data:
        return {r["id"]: r["search_key"] for r in data["activities"].values() if "search_key" in r}
    out = {}
    for path in keys_files(db_path):
        out.update((e["id"], e["key"]) for e in json.loads(path.read_text(encoding="utf-8"))["search_keys"].values())
    return out


def rewrite_keys(db_path: Path, change) -> None:
    """Let `change(entries)` edit each month's stored search keys ({"id", "key"}) in place, as a
    hand edit would: for tests that plant keys."""
    _rewrite(keys_files(db_path), "search_keys", change)


def reseal(db_path: Path) -> None:
    """Record in the index the checksums of the month and keys files as they are now, as if
    logbook had written them: for tests that plant content logbook must then trust."""
    import zlib

    db_path = Path(db_path)
    data = main_tables(db_path)
    folder = db_path.with_name(db_path.name + ".d")
    for entry in data["periods"].values():
        keys = entry["file"][: -len(".json")] + ".keys.json"
        entry["crc"] = zlib.crc32((folder / entry["file"]).read_bytes())
        if (folder / keys).exists():
            entry["keys_crc"] = zlib.crc32((folder / keys).read_bytes())
    db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def stored_activities(db_path: Path) -> list[dict]:
    """Every stored activity record, month by month in file order (a one-file logbook's records
    carry their search keys)."""
    data = main_tables(db_path)
    if "activities" in data:
        return list(data["activities"].values())
    out = []
    for path in month_files(db_path):
        out += json.loads(path.read_text(encoding="utf-8"))["activities"].values()
    return out


def rewrite_activities(db_path: Path, change) -> None:
    """Let `change(records)` edit the stored records of each month in place, as a hand edit of
    the files would (no backup, no index update): for tests that plant damage."""
    _rewrite(month_files(db_path), "activities", change)


def _rewrite(paths: list[Path], table: str, change) -> None:
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = list(data[table].values())
        change(rows)
        data[table] = {str(i): r for i, r in enumerate(rows, 1)}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def every_file(db_path: Path) -> dict[str, bytes]:
    """Every file of the logbook (main file, month folder, backups) by relative name, with its
    bytes: to show that a failed command changed nothing."""
    db_path = Path(db_path)
    out = {}
    for path in sorted(db_path.parent.glob(db_path.name + "*")):
        if path.is_file():
            out[path.name] = path.read_bytes()
        elif path.is_dir():
            for item in sorted(path.rglob("*")):
                if item.is_file():
                    out[str(item.relative_to(db_path.parent))] = item.read_bytes()
    return out


def copy_logbook(source: Path, target: Path) -> None:
    """Copy a logbook as a person would: the main file and its month folder."""
    import shutil

    source, target = Path(source), Path(target)
    shutil.copy2(source, target)
    months = source.with_name(source.name + ".d")
    if months.is_dir():
        shutil.copytree(months, target.with_name(target.name + ".d"))
