"""What a hostile review of the store found, each finding reproduced: undo that walked past an
entry it could not restore or obeyed a damaged history, a main file that disagrees with its month
files, pruning of files the store never wrote, modes under a careless umask, hand-broken records
and keys, and damage messages that named the wrong backup. Each ends in one of two ways: the
command does exactly what it says, or it refuses in one line and the logbook stays as it was."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys

import pytest
from conftest import ROOT, add, run
from logbook_files import every_file, main_tables, month_files, part_files, stored_activities

NOBODY = 65534


def months_dir(db_path):
    return db_path.with_name(db_path.name + ".d")


def backups_dir(db_path):
    return db_path.with_name(db_path.name + ".backups")


def history_path(db_path):
    return backups_dir(db_path) / "history.json"


def one_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def three_months(db_path):
    """Five activities over three months, each added by its own write."""
    ids = [
        add("垃圾分类培训会", "-c", "安贞西里社区", "--date", "2025-01-10", "--people", "30"),
        add("消防演练", "-c", "黄寺社区", "--date", "2025-02-11", "--people", "20"),
        add("老年人防诈骗讲座", "-c", "外馆社区", "--date", "2025-03-12", "--people", "15"),
        add("亲子阅读", "-c", "外馆社区", "--date", "2025-03-13", "--people", "12"),
        add("义诊", "-c", "黄寺社区", "--date", "2025-02-20", "--people", "50"),
    ]
    return ids


def listed_ids(*extra: str) -> set[str]:
    result = run("list", "--all", "--format", "jsonl", *extra)
    assert result.exit_code == 0, result.stderr
    return {json.loads(line)["id"] for line in result.stdout.splitlines()}


# -- 1. undo reverts exactly the newest change, or refuses -------------------------------------


def test_undo_refuses_when_the_newest_change_cannot_be_restored(db_path, three_months):
    # The newest change (the 义诊 add) replaced February's file; its backup names the old one.
    newest = history_path(db_path)
    entry = json.loads(newest.read_text(encoding="utf-8"))[-1]
    assert "义诊" in entry["summary"]
    needed = [n for n in entry["partitions"] if n.startswith("2025-02") and not n.endswith(".keys.json")]
    assert needed
    (months_dir(db_path) / needed[0]).unlink()
    before = every_file(db_path)
    result = run("undo")
    assert result.exit_code == 3
    line = one_error(result)
    assert needed[0] in line and "义诊" in line
    assert every_file(db_path) == before
    # Nothing cascades: a later write keeps every older file, and every activity is still there.
    add("新的活动", "-c", "黄寺社区", "--date", "2025-03-20")
    after = every_file(db_path)
    assert all(name in after for name in before if name.startswith(backups_dir(db_path).name))
    assert set(three_months) <= listed_ids()


def test_undo_refuses_when_the_newest_backup_is_missing(db_path, three_months):
    entry = json.loads(history_path(db_path).read_text(encoding="utf-8"))[-1]
    backup = entry["files"]["logbook.json"]
    (backups_dir(db_path) / backup).unlink()
    before = every_file(db_path)
    result = run("undo")
    assert result.exit_code == 3
    assert backup in one_error(result)
    assert every_file(db_path) == before


# -- 2. a main file that disagrees with its month files ------------------------------------------


def _record(activity_id: str, day: str, title: str) -> dict:
    return {
        "id": activity_id,
        "date": day,
        "start": None,
        "end": None,
        "title": title,
        "category": "文化",
        "communities": ["黄寺社区"],
        "street": None,
        "participants": 9,
        "participants_approx": False,
        "organizers": [],
        "partners": [],
        "speakers": [],
        "groups": [],
        "tags": [],
        "location": None,
        "notes": None,
        "source": None,
        "author": "王社工",
        "created_at": "2025-03-01T00:00:00Z",
        "updated_at": "2025-03-01T00:00:00Z",
    }


def test_a_record_inserted_with_plain_tinydb_into_the_main_file(db_path, three_months):
    from tinydb import TinyDB

    with TinyDB(db_path, encoding="utf-8") as db:
        db.table("activities").insert(_record("ab" * 16, "2025-03-15", "手工插入的活动"))
    before = every_file(db_path)
    for args in (["list"], ["add", "又一个活动", "-c", "黄寺社区"], ["report"]):
        result = run(*args)
        assert result.exit_code == 3, args
        assert "check --fix" in one_error(result)
    assert every_file(db_path) == before
    checked = run("check")
    assert checked.exit_code == 3 and "activities" in checked.stdout + checked.stderr
    fixed = run("check", "--fix")
    assert fixed.exit_code in (0, 1), fixed.stderr
    assert listed_ids() == set(three_months) | {"ab" * 16}
    assert "activities" not in main_tables(db_path)


@pytest.mark.parametrize("damage", ["missing", "empty", "lacks a month"])
def test_an_index_of_months_that_lost_months(db_path, three_months, damage):
    tables = main_tables(db_path)
    if damage == "missing":
        del tables["periods"]
    elif damage == "empty":
        tables["periods"] = {}
    else:
        tables["periods"] = {k: v for k, v in tables["periods"].items() if v["period"] != "2025-02"}
    db_path.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
    before = every_file(db_path)
    for args in (["add", "又一个活动", "-c", "黄寺社区"], ["list"], ["delete", three_months[0], "--yes"]):
        result = run(*args)
        assert result.exit_code == 3, (args, result.stderr)
        one_error(result)
    assert every_file(db_path) == before  # no month file was deleted, nothing written
    checked = run("check")
    assert checked.exit_code == 3
    assert run("check", "--fix").exit_code in (0, 1)
    assert listed_ids() == set(three_months)
    assert run("check").exit_code in (0, 1)  # whatever it reports, the index agrees again
    assert "disagree" not in run("check").stdout


def test_deleting_every_activity_of_a_month_is_no_disagreement(db_path, three_months):
    assert run("delete", three_months[0], "--yes").exit_code == 0  # January is now empty
    assert listed_ids() == set(three_months[1:])
    add("新的活动", "-c", "黄寺社区", "--date", "2025-03-21")
    assert run("undo").exit_code == 0
    assert run("undo").exit_code == 0
    assert listed_ids() == set(three_months)


# -- 4. undo checks the backup before it moves anything -----------------------------------------


@pytest.mark.parametrize(
    "content", [b"not json at all", b"{}", b'{"_meta": {"1": {"schema_version": 99}}}', b'{"foo": [1, 2]}', b""]
)
def test_undo_refuses_a_damaged_or_foreign_backup(db_path, three_months, content):
    entry = json.loads(history_path(db_path).read_text(encoding="utf-8"))[-1]
    (backups_dir(db_path) / entry["files"]["logbook.json"]).write_bytes(content)
    before = every_file(db_path)
    result = run("undo")
    assert result.exit_code == 3
    assert entry["files"]["logbook.json"] in one_error(result)
    assert every_file(db_path) == before
    assert listed_ids() == set(three_months)


# -- 5. only files the store wrote and recorded are pruned --------------------------------------


def test_files_put_beside_the_logbook_by_hand_are_never_deleted(db_path, three_months):
    mine = {
        backups_dir(db_path) / "my copy.json": b'{"kept": 1}',
        backups_dir(db_path) / "000001-logbook.json.bak.json": b"{}",
        months_dir(db_path) / "export-2025.json": b'{"format": "x"}',
        months_dir(db_path) / "2025-03.copy.json": b"[]",
        months_dir(db_path) / "notes.txt": b"hello",
    }
    for path, content in mine.items():
        path.write_bytes(content)
    for i in range(4):
        add(f"活动{i}", "-c", "黄寺社区", "--date", f"2025-0{1 + i % 3}-2{i}")
    assert run("undo").exit_code == 0
    add("再一个", "-c", "黄寺社区")
    for path, content in mine.items():
        assert path.read_bytes() == content


def test_pruned_history_still_deletes_what_the_store_wrote(db_path, monkeypatch):
    import logbook.storage.history as history_mod

    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 3)
    for i in range(8):
        add(f"活动{i}", "-c", "黄寺社区", "--date", "2025-03-10")
    names = sorted(p.name for p in months_dir(db_path).iterdir())
    # the live month, and the months named by three kept backups (month and keys files)
    assert len(names) <= 2 * 4, names
    assert len([p for p in backups_dir(db_path).iterdir() if p.name != "history.json"]) == 3


# -- 8. names in the history are plain file names inside the backups folder ---------------------


@pytest.mark.parametrize(
    "files",
    [
        {"logbook.json": "../../s.json"},
        {"logbook.json": "/tmp/s.json"},
        {"../logbook.json": "000001-logbook.json"},
        {"logbook.json": ".."},
    ],
)
def test_undo_refuses_names_outside_the_backups_folder(db_path, tmp_path, three_months, files):
    outside = tmp_path / "s.json"
    outside.write_text(json.dumps(main_tables(db_path)), encoding="utf-8")
    items = json.loads(history_path(db_path).read_text(encoding="utf-8"))
    items[-1]["files"] = files
    history_path(db_path).write_text(json.dumps(items), encoding="utf-8")
    before = every_file(db_path)
    result = run("undo")
    assert result.exit_code == 3
    one_error(result)
    assert outside.exists()
    assert every_file(db_path) == before


# -- 9. modes, whatever the umask ----------------------------------------------------------------


def _umask_000_add(db, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", LOGBOOK_DB=str(db))
    return subprocess.run(
        [sys.executable, "-m", "logbook", "add", *args],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0),
        timeout=60,
    )


def test_everything_the_logbook_creates_is_private_under_umask_000(tmp_path):
    db = tmp_path / "new" / "folder" / "logbook.json"
    for title in ("第一个活动", "第二个活动"):
        done = _umask_000_add(db, title, "-c", "黄寺社区")
        assert done.returncode == 0, done.stderr
    for folder in (db.parent, db.parent.parent, months_dir(db), backups_dir(db)):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [db, db.with_name(db.name + ".lock"), *months_dir(db).iterdir(), *backups_dir(db).iterdir()]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_folders_left_open_by_an_earlier_version_are_closed_by_the_next_write(db_path, three_months):
    for folder in (months_dir(db_path), backups_dir(db_path)):
        os.chmod(folder, 0o755)
    add("又一个活动", "-c", "黄寺社区")
    for folder in (months_dir(db_path), backups_dir(db_path)):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a file away")
@pytest.mark.parametrize("whose", ["history", "backup"])
def test_a_history_or_backup_not_owned_by_the_user_is_refused(db_path, three_months, whose):
    entry = json.loads(history_path(db_path).read_text(encoding="utf-8"))[-1]
    target = history_path(db_path) if whose == "history" else backups_dir(db_path) / entry["files"]["logbook.json"]
    os.chown(target, NOBODY, NOBODY)
    before = every_file(db_path)
    result = run("undo")
    assert result.exit_code == 3
    assert "owned" in one_error(result)
    assert every_file(db_path) == before


# -- 14. a month file with hand-broken records ---------------------------------------------------


BROKEN = [
    lambda r: r.pop("id"),
    lambda r: r.pop("date"),
    lambda r: r.update(participants="many"),
    lambda r: r.update(title=42),
    lambda r: r.update(communities="黄寺社区"),
    lambda r: r.update(date="2025-02-30"),
]


def _break_march(db_path, count):
    """Break `count` March records in place, and add one that is not an object at all."""
    path = [p for p in month_files(db_path) if p.name.startswith("2025-03")][0]
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["activities"]
    broken_ids = []
    for key, change in zip(list(rows)[:count], BROKEN):
        broken_ids.append(rows[key].get("id"))
        change(rows[key])
    rows["99"] = ["not", "a", "record"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, broken_ids


@pytest.fixture
def march_broken(db_path):
    good = [add(f"三月活动{i}", "-c", "黄寺社区", "--date", f"2025-03-{10 + i}", "--people", "10") for i in range(9)]
    other = add("二月活动", "-c", "黄寺社区", "--date", "2025-02-10", "--people", "10")
    path, broken = _break_march(db_path, len(BROKEN))
    # A field left empty by hand is read as empty: that record is readable, not broken.
    lenient = good[len(BROKEN)]
    data = json.loads(path.read_text(encoding="utf-8"))
    for record in data["activities"].values():
        if isinstance(record, dict) and record.get("id") == lenient:
            record["communities"] = None
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    survivors = set(good[len(BROKEN) :]) | {other}
    return path, survivors, set(good[: len(BROKEN)])


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--all"],
        ["list", "--month", "2025-03"],
        ["report"],
        ["report", "--by", "week"],
        ["digest"],
        ["search", "活动"],
        ["export"],
    ],
)
def test_broken_records_are_named_once_and_the_rest_is_read(march_broken, args):
    path, survivors, _ = march_broken
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1, result.stderr
    assert path.name in warnings[0] and "99" in warnings[0]
    assert "Traceback" not in result.stderr


def test_export_carries_every_readable_record(march_broken):
    _, survivors, _ = march_broken
    result = run("export")
    assert result.exit_code == 0
    ids = {r["id"] for r in result.json["activities"]}
    assert ids == survivors


@pytest.mark.parametrize(
    "write",
    [
        ["add", "新活动", "-c", "黄寺社区", "--date", "2025-03-28"],
        ["community", "rename", "黄寺社区", "黄寺新社区"],
        ["delete", "PLACEHOLDER", "--yes"],
    ],
)
def test_writes_keep_broken_records_untouched(db_path, march_broken, write):
    path, survivors, broken = march_broken
    stored_broken = [
        r
        for r in json.loads(path.read_text(encoding="utf-8"))["activities"].values()
        if not isinstance(r, dict) or r.get("id") in broken or "id" not in r
    ]
    if "PLACEHOLDER" in write:
        write = [sorted(survivors)[0] if a == "PLACEHOLDER" else a for a in write]
    if write[0] == "community":
        assert run("community", "add", "黄寺社区", "--street", "安贞街道").exit_code == 0
    result = run(*write)
    assert result.exit_code == 0, result.stderr
    after = stored_activities(db_path)
    for record in stored_broken:
        assert record in after
    assert run("undo").exit_code == 0


def test_check_lists_broken_records(march_broken):
    path, _, _ = march_broken
    result = run("check")
    assert result.exit_code == 1
    assert path.name in result.stdout
    assert result.stdout.count(path.name) >= len(BROKEN) + 1


# -- 15. a malformed history is advisory for writes ----------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        '[{"seq": 1, "at": "x", "summary": "s", "files": null}]',
        '[{"seq": 1, "at": "x", "summary": "s", "files": {"a/b": "000001-logbook.json"}}]',
        '[{"seq": 1, "at": "x", "summary": "s", "files": {"": "000001-logbook.json"}}]',
        '{"not": "a list"}',
        "[1, 2, 3]",
        "not json",
        "DIRECTORY",
    ],
)
def test_a_malformed_history_never_blocks_a_write(db_path, three_months, content):
    path = history_path(db_path)
    path.unlink()
    if content == "DIRECTORY":
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")
    undone = run("undo")  # undo says what is wrong, and changes nothing
    assert undone.exit_code == 3
    assert "history" in one_error(undone)
    result = run("add", "照常记录", "-c", "黄寺社区")
    assert result.exit_code == 0, result.stderr
    assert "Warning:" in result.stderr and "history.damaged.json" in result.stderr
    kept = backups_dir(db_path) / "history.damaged.json"
    assert kept.is_dir() if content == "DIRECTORY" else kept.read_text(encoding="utf-8") == content
    assert "照常记录" in run("list").stdout
    assert set(three_months) <= listed_ids()
    assert run("undo").exit_code == 0  # a new history starts with the change just made
    assert "照常记录" not in run("list").stdout
    assert set(three_months) <= listed_ids()


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to give a file away")
def test_a_history_of_another_user_is_left_alone(db_path, three_months):
    path = history_path(db_path)
    os.chown(path, NOBODY, NOBODY)
    before = path.read_bytes()
    result = run("add", "照常记录", "-c", "黄寺社区")
    assert result.exit_code == 0, result.stderr
    assert "another user" in result.stderr
    assert path.read_bytes() == before and path.stat().st_uid == NOBODY
    assert set(three_months) <= listed_ids()


# -- 19. damage messages name the newest real backup ---------------------------------------------


def test_a_damage_message_names_the_newest_backup_not_the_history(db_path, three_months):
    db_path.write_text("{ broken", encoding="utf-8")
    result = run("list")
    assert result.exit_code == 3
    line = one_error(result)
    newest = sorted(p.name for p in backups_dir(db_path).iterdir() if re.match(r"\d{6}-", p.name))[-1]
    assert newest in line and "history.json" not in line


# -- 20. what check must see, and check --fix repair ---------------------------------------------


def test_check_finds_and_fixes_a_record_outside_its_month(db_path, three_months):
    path = [p for p in month_files(db_path) if p.name.startswith("2025-01")][0]
    data = json.loads(path.read_text(encoding="utf-8"))
    record = next(iter(data["activities"].values()))
    record["date"] = "2024-12-02"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1 and "2024-12-02" in result.stdout and "misplaced" in result.stdout
    assert record["id"] not in listed_ids("--month", "2024-12")
    assert run("check", "--fix").exit_code in (0, 1)
    assert record["id"] in listed_ids("--month", "2024-12")
    assert "misplaced" not in run("check").stdout


def test_check_finds_and_fixes_the_same_id_in_two_months(db_path, three_months):
    jan = [p for p in month_files(db_path) if p.name.startswith("2025-01")][0]
    feb = [p for p in month_files(db_path) if p.name.startswith("2025-02")][0]
    jan_data = json.loads(jan.read_text(encoding="utf-8"))
    record = next(iter(jan_data["activities"].values()))
    record["updated_at"] = "2025-01-10T00:00:00Z"
    jan.write_text(json.dumps(jan_data, ensure_ascii=False), encoding="utf-8")
    data = json.loads(feb.read_text(encoding="utf-8"))
    twin = dict(record, date="2025-02-01", title="改过的副本", updated_at="2025-03-29T00:00:00Z")
    data["activities"]["9"] = twin
    feb.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1 and record["id"][:8] in result.stdout
    assert run("check", "--fix").exit_code in (0, 1)
    listing = [json.loads(line) for line in run("list", "--all", "--format", "jsonl").stdout.splitlines()]
    copies = [r for r in listing if r["id"] == record["id"]]
    assert len(copies) == 1 and copies[0]["title"] == "改过的副本"  # the newer one is kept


@pytest.mark.parametrize("damage", ["truncated", "stale"])
def test_search_and_check_see_through_damaged_keys(db_path, damage):
    ids = [add(f"防诈骗讲座第{i}场", "-c", "黄寺社区", "--date", f"2025-03-{i + 1:02d}") for i in range(13)]
    keys = [p for p in part_files(db_path) if p.name.endswith(".keys.json")][0]
    if damage == "truncated":
        raw = keys.read_bytes()
        keys.write_bytes(raw[: len(raw) // 2])
    else:
        data = json.loads(keys.read_text(encoding="utf-8"))
        for entry in list(data["search_keys"].values())[:5]:
            entry["key"] = "无关的文字"
        keys.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("search", "防诈骗", "--all", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 13
    assert run("search", "防诈骗").stdout.count("防诈骗") >= 13 or "13" in run("search", "防诈骗").stderr
    checked = run("check")
    assert checked.exit_code == 1 and keys.name in checked.stdout
    assert run("check", "--fix").exit_code in (0, 1)
    assert keys.name not in run("check").stdout
    assert len(ids) == 13
