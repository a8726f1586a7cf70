"""The logbook split by month: what is on disk, what each command reads, how a write commits,
how undo and the history keep month files, and how a one-file (schema 1) logbook is read and
then migrated."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import tempfile

from conftest import FullDisk, add, run
from logbook_files import every_file, main_tables, month_files, part_files, stored_activities, stored_keys
from torture_harness import crash_run, history

import logbook.storage.history as history_mod
import logbook.storage.loading as loading_mod
from logbook.models import Activity, Community
from logbook.storage import Store

STAMP = "2025-01-01T00:00:00Z"
COMMUNITIES = ["安贞西里社区", "安贞里社区", "黄寺社区", "和平街一社区", "樱花园社区"]
STREETS = {
    "安贞西里社区": "安贞街道",
    "安贞里社区": "安贞街道",
    "黄寺社区": "安贞街道",
    "和平街一社区": "和平街街道",
    "樱花园社区": "和平街街道",
}


def activity(
    i: int, day: str, *, activity_id: str | None = None, community: str | None = None, title: str | None = None
) -> Activity:
    community = community or COMMUNITIES[i % len(COMMUNITIES)]
    return Activity(
        id=activity_id or f"{i:032x}",
        date=day,
        title=title or f"社区活动第{i}场",
        communities=[community],
        street=STREETS.get(community),
        participants=10 + i % 40,
        notes="居民积极参与，社工做好记录。",
        start=f"{9 + i % 8:02d}:00",
        created_at=STAMP,
        updated_at=STAMP,
    )


def seed(db_path, activities, *, communities=True):
    store = Store(db_path)
    with store.transaction("seed") as tx:
        if communities:
            tx.set_communities([Community(c, STREETS[c]) for c in COMMUNITIES])
        for a in activities:
            tx.add(a)
    return store


def spread(n: int, rng: random.Random, first=(2023, 1), months=27) -> list[Activity]:
    out = []
    for i in range(n):
        m = rng.randrange(months)
        year, month = first[0] + (first[1] - 1 + m) // 12, (first[1] - 1 + m) % 12 + 1
        day = rng.randint(1, 28)
        if (year, month) > (2025, 3) or (year, month, day) > (2025, 3, 30):
            year, month, day = 2025, 3, rng.randint(1, 30)
        out.append(activity(i, f"{year}-{month:02d}-{day:02d}", activity_id=f"{rng.getrandbits(128):032x}"))
    return out


def keys_name(month_file) -> str:
    return month_file.name[: -len(".json")] + ".keys.json"


def months_dir(db_path):
    return db_path.with_name(db_path.name + ".d")


# -- the files ------------------------------------------------------------------------------------


def test_layout_is_tinydb_files_a_person_can_open(db_path):
    from tinydb import TinyDB
    from tinydb.storages import JSONStorage

    seed(db_path, [activity(1, "2025-01-15"), activity(2, "2025-03-02"), activity(3, "2025-03-20")])
    run("delete", f"{2:032x}", "--yes")
    tables = main_tables(db_path)
    assert set(tables) == {"_meta", "communities", "deleted", "periods"}
    assert tables["_meta"]["1"]["schema_version"] == 2
    index = sorted(tables["periods"].values(), key=lambda e: e["period"])
    assert [(e["period"], e["count"]) for e in index] == [("2025-01", 1), ("2025-03", 1)]
    assert index[1]["ids"] == f"{3:032x}"[:8]  # enough of each id to find its month
    assert index[1]["communities"] == {COMMUNITIES[3]: "2025-03-20"}
    files = month_files(db_path)
    assert [f.name for f in files] == [e["file"] for e in index]
    assert all(re.fullmatch(r"2025-0[13]\.\d{6}\.json", f.name) for f in files)
    with TinyDB(db_path, storage=JSONStorage, access_mode="r") as db:
        assert db.table("_meta").all()[0]["schema_version"] == 2
        assert [c["name"] for c in db.table("communities").all()] == COMMUNITIES
        assert [d["id"] for d in db.table("deleted").all()] == [f"{2:032x}"]
    for path, wanted in zip(files, [1, 3]):
        with TinyDB(path, storage=JSONStorage, access_mode="r") as db:
            [doc] = db.table("activities").all()
            assert doc["id"] == f"{wanted:032x}" and "search_key" not in doc
        with TinyDB(
            path.with_name(path.name.replace(".json", ".keys.json")), storage=JSONStorage, access_mode="r"
        ) as db:
            [entry] = db.table("search_keys").all()  # kept apart: only search reads them
            assert entry["id"] == f"{wanted:032x}" and entry["key"]
    assert (months_dir(db_path).stat().st_mode & 0o777) == 0o700


def test_add_writes_only_its_month_under_a_new_name(db_path):
    seed(db_path, [activity(1, "2025-01-15"), activity(2, "2025-02-10"), activity(3, "2025-03-02")])
    jan, feb, mar = month_files(db_path)
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in (jan, feb, mar)}
    add("三月的新活动", "--date", "2025-03-28")
    jan2, feb2, mar2 = month_files(db_path)
    assert (jan2.name, feb2.name) == (jan.name, feb.name)
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in (jan2, feb2)} == {
        k: v for k, v in before.items() if k != mar.name
    }
    assert mar2.name != mar.name and mar.read_bytes() == before[mar.name][1]  # kept for undo
    assert history(db_path)[-1]["partitions"] == [n for p in (jan, feb, mar) for n in (p.name, keys_name(p))]
    assert run("undo").exit_code == 0
    assert [p.name for p in month_files(db_path)] == [jan.name, feb.name, mar.name]


def test_recent_commands_never_open_an_old_month(db_path):
    """Old month files made unreadable: what works on recent months still works, and what reads
    the whole history says which file is damaged."""
    rng = random.Random(3)
    acts = spread(400, rng)
    seed(db_path, acts)
    recent = max(acts, key=lambda a: a.date)
    for path in month_files(db_path):
        if path.name < "2025-02":
            path.write_bytes(b"{ damaged")
    assert run("list").exit_code == 0
    assert run("list", "--week", "this", "--format", "json").exit_code == 0
    assert run("list", "--month", "2025-03", "--limit", "3").exit_code == 0
    assert run("show", recent.id[:8]).exit_code == 0
    assert run("digest", "--week", "2025-W13", "--format", "json").exit_code == 0
    new = add("新的活动", "--community", "安贞西里")
    assert run("edit", new[:8], "--title", "改过的").exit_code == 0
    assert run("edit", recent.id[:8], "--people", "55").exit_code == 0
    assert run("delete", new[:8], "--yes").exit_code == 0
    assert run("list", "--community", "安贞西里", "--from", "2025-02-01", "--format", "json").exit_code == 0
    # the newest 20 matches come from recent months; older ones are counted from their keys
    assert run("search", "活动").stderr == "400 activities found; 20 shown, --all or --limit N for more\n"
    for args in (["search", "活动", "--all"], ["list", "--all"], ["report", "--by", "community"], ["export"]):
        result = run(*args)
        assert result.exit_code == 3, args
        assert re.match(
            rf"Error: {re.escape(str(months_dir(db_path)))}/20\d\d-\d\d\.\d{{6}}\.json is not valid JSON", result.stderr
        )


def test_a_missing_month_file_is_named(db_path):
    seed(db_path, [activity(1, "2025-01-15"), activity(2, "2025-03-02")])
    jan, _ = month_files(db_path)
    jan.unlink()
    result = run("list", "--all")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {db_path} names the month file {jan.name}, which is missing")
    before = every_file(db_path)
    assert run("edit", f"{1:032x}", "--title", "x").exit_code == 3  # a write that needs it: refused
    assert every_file(db_path) == before


# -- reading only what is needed, the same answers ---------------------------------------------


def test_latest_listing_and_its_count_match_the_whole_history(db_path):
    rng = random.Random(11)
    acts = spread(300, rng)
    seed(db_path, acts)
    everything = run("list", "--all", "--format", "json").json
    assert len(everything) == 300
    for args in (
        [],
        ["--from", "2024-05-17"],
        ["--to", "2024-11-03"],
        ["--month", "2024-02"],
        ["--from", "2023-03-31", "--to", "2023-04-01"],
        ["--on", "2024-06-06"],
    ):
        wanted = [r for r in everything if _within(r["date"], args)]
        for limit in (1, 7, 20, 150, 400):
            got = run("list", *args, "--limit", str(limit), "--format", "json").json
            assert got == wanted[:limit], (args, limit)
            table = run("list", *args, "--limit", str(limit))
            shown = min(limit, len(wanted))
            if len(wanted) > limit:
                assert f"{shown} of {len(wanted)} shown" in table.stderr
            else:
                assert "shown" not in table.stderr


def _within(day: str, args: list[str]) -> bool:
    opts = dict(zip(args[::2], args[1::2]))
    if "--month" in opts:
        return day.startswith(opts["--month"])
    if "--on" in opts:
        return day == opts["--on"]
    return opts.get("--from", "") <= day <= opts.get("--to", "9999")


def test_show_resolves_prefixes_across_months(db_path):
    seed(
        db_path,
        [
            activity(1, "2024-02-01", activity_id="abcd" + "0" * 28),
            activity(2, "2025-03-01", activity_id="abcd" + "1" * 28),
            activity(3, "2025-03-02", activity_id="ef01" + "2" * 28),
        ],
    )
    result = run("show", "abcd")
    assert result.exit_code == 1
    assert "matches 2 activities" in result.stderr
    assert "abcd00000000 (2024-02-01" in result.stderr and "abcd11111111 (2025-03-01" in result.stderr
    assert run("show", "abcd0", "--format", "json").json["date"] == "2024-02-01"
    assert run("show", "EF01", "--format", "json").json["id"] == "ef01" + "2" * 28
    assert run("show", "0000").exit_code == 1  # inside an id, not its start
    assert run("show", "2222").exit_code == 1


def test_ids_that_share_their_first_8_characters_are_told_apart(db_path):
    """The index keeps 8 characters of each id: a longer prefix is decided in the month files."""
    same = "abcd1234"
    seed(
        db_path,
        [
            activity(1, "2024-02-01", activity_id=same + "0" * 24),
            activity(2, "2025-03-01", activity_id=same + "1" * 24),
        ],
    )
    assert run("show", same).exit_code == 1
    assert run("show", same + "1", "--format", "json").json["date"] == "2025-03-01"
    assert run("edit", same + "0", "--title", "改了").exit_code == 0
    assert run("show", same + "0", "--format", "json").json["title"] == "改了"
    assert run("show", same + "1", "--format", "json").json["title"] != "改了"
    assert run("add", "新的", "--date", "2025-03-02").exit_code == 0  # an id not held is new
    assert run("delete", same + "1", "--yes").exit_code == 0
    assert run("show", same, "--format", "json").json["id"] == same + "0" * 24


def test_an_index_of_whole_ids_is_read_and_written_short(db_path):
    """Main files written before the index kept 8 characters of each id kept all 32."""
    seed(db_path, [activity(1, "2024-02-01", activity_id="ab" * 16), activity(2, "2025-03-01", activity_id="cd" * 16)])
    data = main_tables(db_path)
    for entry, record in zip(sorted(data["periods"].values(), key=lambda e: e["period"]), stored_activities(db_path)):
        entry["ids"] = record["id"]
    db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("show", "abab", "--format", "json").json["date"] == "2024-02-01"
    assert run("show", "cd" * 16, "--format", "json").json["date"] == "2025-03-01"
    assert run("edit", "cdcd", "--title", "新标题").exit_code == 0
    index = {e["period"]: e["ids"] for e in main_tables(db_path)["periods"].values()}
    assert index == {"2024-02": "ab" * 16, "2025-03": "cd" * 4}  # the month written is short now
    assert run("show", "ababab", "--format", "json").json["date"] == "2024-02-01"


def test_last_dates_and_names_in_use_agree_with_the_records(db_path):
    rng = random.Random(5)
    acts = spread(250, rng)
    acts.append(activity(999, "2024-07-09", community="未登记社区"))
    store = seed(db_path, acts)
    for before in ("2023-01-01", "2023-06-15", "2024-07-09", "2024-07-10", "2025-03-01", "2026-01-01"):
        expected: dict[str, str] = {}
        for a in acts:
            if a.date < before:
                for c in a.communities:
                    expected[c] = max(expected.get(c, ""), a.date)
        assert Store(db_path).last_dates(before) == expected, before
    used, streets = store.names_in_use()
    assert set(used) == {c for a in acts for c in a.communities}
    assert set(streets) == {a.street for a in acts if a.street}


def test_the_digest_reads_two_months_and_says_what_the_whole_history_says(db_path):
    from datetime import date

    from logbook import dates
    from logbook import report as reports
    from logbook.digest_formats import write_digest

    rng = random.Random(8)
    acts = spread(500, rng, first=(2024, 6), months=10)
    seed(db_path, acts)
    store = Store(db_path)
    today = date(2025, 3, 30)
    for week in ("2025-W13", "2025-W10", "2025-W05", "2024-W40", "2024-W23"):
        period = dates.parse_week(week, today)
        whole = reports.digest(store.activities(date_to=period.end.isoformat()), store.communities(), period, today)
        expected = write_digest(whole, "json")
        result = run("digest", "--week", week, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == expected, week


# -- writing ------------------------------------------------------------------------------------


def test_an_edit_that_changes_the_month_moves_the_record_and_undo_moves_it_back(db_path):
    seed(db_path, [activity(1, "2025-01-15"), activity(2, "2025-03-02"), activity(3, "2025-03-05")])
    moved = f"{2:032x}"
    assert run("edit", moved, "--date", "2025-01-20").exit_code == 0
    index = {e["period"]: e for e in main_tables(db_path)["periods"].values()}
    assert index["2025-01"]["ids"] == f"{f'{1:032x}'[:8]} {moved[:8]}" and index["2025-03"]["ids"] == f"{3:032x}"[:8]
    assert [a["id"] for a in stored_activities(db_path)] == [f"{1:032x}", moved, f"{3:032x}"]
    assert run("show", moved, "--format", "json").json["date"] == "2025-01-20"
    assert run("undo").exit_code == 0
    assert run("show", moved, "--format", "json").json["date"] == "2025-03-02"
    assert [a["id"] for a in stored_activities(db_path)] == [f"{1:032x}", moved, f"{3:032x}"]


def test_deleting_the_last_record_of_a_month_drops_the_month(db_path):
    seed(db_path, [activity(1, "2024-11-15"), activity(2, "2025-03-02")])
    assert run("delete", f"{1:032x}", "--yes").exit_code == 0
    assert [e["period"] for e in main_tables(db_path)["periods"].values()] == ["2025-03"]
    assert [p.name[:7] for p in months_dir(db_path).iterdir() if p.name.startswith("2024")] == ["2024-11"] * 2
    add("再来一条")  # the next write retires nothing the undo history still needs
    assert run("undo").exit_code == 0 and run("undo").exit_code == 0
    assert run("show", f"{1:032x}", "--format", "json").json["date"] == "2024-11-15"


def test_a_transaction_reads_only_the_months_it_touches(db_path, monkeypatch):
    seed(db_path, spread(200, random.Random(2)))
    opened = []
    real = Store._load_partition

    def spy(self, main, period):
        opened.append(period)
        return real(self, main, period)

    monkeypatch.setattr(Store, "_load_partition", spy)
    store = Store(db_path)
    with store.transaction("x") as tx:
        tx.add(activity(5000, "2024-08-08", activity_id="f" * 32))
    assert opened == ["2024-08"]
    opened.clear()
    with store.transaction("y") as tx:
        tx.update(Activity(**{**tx.get("ffff").to_dict(), "date": "2023-02-02"}))
    assert sorted(opened) == ["2023-02", "2024-08"]
    opened.clear()
    with store.transaction("z") as tx:
        tx.set_communities([Community("新社区")])
    assert opened == []
    assert store.get("ffff").date == "2023-02-02"


def test_an_import_reads_only_the_months_of_its_records(db_path, monkeypatch):
    """The merge finds ids through the index and matches rows without an id in the month of
    their date: the plan is the one a snapshot of every activity gives."""
    from logbook import exchange

    acts = spread(300, random.Random(3))
    seed(db_path, acts)
    twin = activity(9000, acts[1].date, activity_id="e" * 32, title=acts[1].title, community=acts[1].communities[0])
    store = Store(db_path)
    with store.transaction("twin") as tx:
        tx.add(twin)
    incoming = [
        {**acts[0].to_dict(), "title": "改过的标题", "updated_at": "2025-02-01T00:00:00Z"},
        {"id": "d" * 32, "date": "2024-11-11", "title": "新活动", "communities": [COMMUNITIES[1]]},
        {"date": acts[1].date, "title": acts[1].title, "communities": acts[1].communities, "participants": 99},
        {"date": acts[5].date, "title": acts[5].title, "communities": acts[5].communities, "participants": 99},
    ]
    raw = json.dumps(
        {
            "format": "logbook",
            "version": 1,
            "activities": incoming,
            "deleted": [{"id": acts[9].id, "deleted_at": "2025-03-01T00:00:00Z"}],
        }
    ).encode()
    now = "2025-03-30T00:00:00Z"

    def plan(snapshot):
        monkeypatch.setattr(exchange.records, "new_id", lambda: "c" * 32)
        merge = exchange.Merge(snapshot, now=now)
        summary = merge.add_file(exchange.read_exchange(raw, "in.json", now=now))
        ops = [(op[0], op[1] if isinstance(op[1], str) else op[1].to_dict(), *op[2:]) for op in merge.ops]
        return ops, summary.to_dict(), merge.months_over(0)

    every = store.activities()
    whole = plan(exchange.Snapshot({a.id: a for a in every}, {}, store.communities()))
    opened = []
    real = Store._load_partition

    def spy(self, main, period):
        opened.append(period)
        return real(self, main, period)

    monkeypatch.setattr(Store, "_load_partition", spy)
    with store.transaction("import") as tx:
        assert plan(exchange.Snapshot.of_transaction(tx)) == whole
    wanted = {acts[0].date[:7], acts[9].date[:7], acts[1].date[:7], acts[5].date[:7]}
    assert set(opened) == wanted
    assert [op[0] for op in whole[0]] == ["update", "add", "update", "update", "delete"]
    assert whole[0][2][1]["id"] in (acts[1].id, twin.id)  # two records hold that natural key
    assert whole[0][3][1]["id"] == acts[5].id


def test_killed_after_writing_its_month_file_leaves_the_old_logbook(db_path):
    first = add("第一条", "--date", "2025-03-01")
    add("第二条", "--date", "2025-02-01")
    before = every_file(db_path)
    listed = run("list", "--all", "--format", "json").stdout
    probe = db_path.parent / "probe"
    probe.mkdir()
    for item in (db_path, db_path.with_name(db_path.name + ".lock")):
        shutil.copy2(item, probe / item.name)
    for folder in (".backups", ".d"):
        shutil.copytree(db_path.with_name(db_path.name + folder), probe / (db_path.name + folder))
    trace = db_path.parent / "calls.txt"
    args = ["edit", first, "--title", "被杀的修改"]
    assert crash_run(args, db=probe / db_path.name, trace=trace).returncode == 0
    calls = trace.read_text(encoding="utf-8").splitlines()
    [n] = [
        int(c.split()[0])
        for c in calls
        if re.search(r" replace\(\.2025-03\.\d{6}\.json\..*\.tmp,2025-03\.\d{6}\.json\)$", c)
    ]
    killed = crash_run(args, db=db_path, when=("after", n))
    assert killed.returncode == -9
    orphans = set(every_file(db_path)) - set(before)
    assert len(orphans) == 1 and re.search(r"\.d/2025-03\.\d{6}\.json$", orphans.pop())
    assert run("list", "--all", "--format", "json").stdout == listed  # the old logbook
    add("第三条")
    assert not any(name in every_file(db_path) for name in orphans)
    assert run("undo").exit_code == 0
    assert run("list", "--all", "--format", "json").stdout == listed


def test_disk_full_on_the_main_file_removes_the_month_files_written(db_path, monkeypatch):
    add("一")
    add("二", "--date", "2025-02-01")
    before = every_file(db_path)
    real_fdopen, real_mkstemp = os.fdopen, tempfile.mkstemp
    writing = []

    def mkstemp(prefix, suffix, dir):
        writing.append(prefix)
        return real_mkstemp(prefix=prefix, suffix=suffix, dir=dir)

    def fdopen(fd, mode):
        handle = real_fdopen(fd, mode)
        return FullDisk(handle) if writing[-1] == ".logbook.json." else handle  # the month file goes through

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "fdopen", fdopen)
    result = run("edit", stored_activities(db_path)[0]["id"], "--title", "三")
    monkeypatch.undo()
    assert [p for p in writing if p != ".history.json."] == [
        ".2025-02.000003.json.",
        ".2025-02.000003.keys.json.",
        ".logbook.json.",
    ]
    assert result.exit_code == 3
    assert "the disk is full. The logbook was left as it was" in result.stderr
    assert every_file(db_path) == before


def test_history_keeps_the_month_files_of_kept_backups_and_retires_the_rest(db_path, monkeypatch):
    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 2)
    ids = [add(f"活动{i}", "--date", f"2025-0{1 + i % 3}-10") for i in range(3)]
    for i in range(6):
        assert run("edit", ids[i % 3], "--title", f"改名{i}").exit_code == 0
    named = {p.name for p in part_files(db_path)}
    for entry in history(db_path):
        named.update(entry["partitions"])
    assert {p.name for p in months_dir(db_path).iterdir()} == named
    assert len(named) <= 2 * (3 + 2)  # each month file with its keys file
    for i in (5, 4):
        assert run("undo").stdout.startswith(f"Reverted: edit {ids[i % 3][:8]} 改名{i}")
    assert run("undo").exit_code == 1
    assert run("show", ids[0], "--format", "json").json["title"] == "改名3"


def test_a_reader_holding_an_old_main_file_reads_the_new_logbook(db_path, monkeypatch):
    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 1)
    seed(db_path, [activity(1, "2025-03-01")])
    reader = Store(db_path)
    assert reader.count() == 1  # has read the main file
    for i in range(3):
        add(f"新{i}", "--date", "2025-03-02")  # the month file it names is retired
    assert [a.title for a in reader.activities()][-1] == "新2"
    assert len(reader.activities()) == 4


def test_tables_of_a_later_version_are_kept(db_path):
    add("一")
    data = main_tables(db_path)
    data["settings"] = {"1": {"colour": "蓝"}}
    db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    add("二")
    assert main_tables(db_path)["settings"] == {"1": {"colour": "蓝"}}


# -- a schema 1 logbook ----------------------------------------------------------------------------


def _one_file_logbook(db_path, acts) -> bytes:
    """A logbook as logbook 0.1 wrote it: every table in one file, schema 1."""
    from logbook.storage.records import _doc_from_activity

    data = {
        "_meta": {"1": {"schema_version": 1, "created_at": STAMP}},
        "communities": {str(i): {"name": c, "street": STREETS[c], "aliases": []} for i, c in enumerate(COMMUNITIES, 1)},
        "activities": {str(i): _doc_from_activity(a) for i, a in enumerate(acts, 1)},
        "deleted": {"1": {"id": "e" * 32, "deleted_at": STAMP}},
    }
    raw = json.dumps(data, ensure_ascii=False, indent=2).encode()
    db_path.write_bytes(raw)
    os.chmod(db_path, 0o600)
    return raw


def test_a_one_file_logbook_is_read_as_it_is(db_path):
    acts = spread(60, random.Random(4))
    raw = _one_file_logbook(db_path, acts)
    listed = run("list", "--all", "--format", "json")
    assert listed.exit_code == 0 and len(listed.json) == 60
    assert run("list", "--limit", "5", "--format", "json").json == listed.json[:5]
    assert run("show", acts[7].id[:8], "--format", "json").json["id"] == acts[7].id
    assert run("search", "社区活动第7场", "--format", "json").json[0]["id"] == acts[7].id
    assert run("digest", "--format", "json").exit_code == 0
    assert db_path.read_bytes() == raw and not months_dir(db_path).exists()


def test_a_one_file_logbook_is_split_by_its_first_write_and_undo_puts_it_back(db_path):
    acts = spread(60, random.Random(6))
    raw = _one_file_logbook(db_path, acts)
    listed = run("list", "--all", "--format", "json").json
    new = add("迁移后的第一条", "--date", "2025-03-29")
    tables = main_tables(db_path)
    assert tables["_meta"]["1"]["schema_version"] == 2 and "activities" not in tables
    assert [d["id"] for d in tables["deleted"].values()] == ["e" * 32]
    after = run("list", "--all", "--format", "json").json
    assert [r for r in after if r["id"] != new] == listed
    assert len(stored_activities(db_path)) == 61
    [backup] = [p for p in db_path.with_name(db_path.name + ".backups").iterdir() if p.name != "history.json"]
    assert backup.read_bytes() == raw  # the one file, kept before it was split
    assert run("undo").stdout.startswith(f"Reverted: add {new[:8]}")
    assert db_path.read_bytes() == raw
    assert run("list", "--all", "--format", "json").json == listed
    add("再写一条")  # split again; the month files of the undone split are retired
    assert {p.name for p in months_dir(db_path).iterdir()} == {p.name for p in part_files(db_path)}


# -- records made into activities --------------------------------------------------------------


def test_activities_read_are_the_readers_own(db_path):
    """Lists of an activity read from the store are never shared with what a later read returns,
    for a split logbook, a one-file one held in memory, and the sample."""
    seed(db_path, [activity(1, "2025-03-01")])
    one_file = db_path.with_name("one.json")
    _one_file_logbook(one_file, [activity(2, "2025-03-02")])
    from logbook.sample import sample_data

    for store in (Store(db_path), Store(one_file), Store(None, data=sample_data())):
        first = store.activities()[0]
        first.communities.append("改动")
        first.tags.append("改动")
        again = store.activities()[0]
        assert "改动" not in again.communities and "改动" not in again.tags


def test_a_record_short_of_fields_is_still_read(db_path):
    """A record edited by hand to lose optional fields reads with their defaults."""
    from logbook_files import rewrite_activities

    seed(db_path, [activity(1, "2025-03-01")])

    def strip(records):
        for name in ("groups", "tags", "location", "source"):
            records[0].pop(name)

    rewrite_activities(db_path, strip)
    [a] = Store(db_path).activities()
    assert (a.groups, a.tags, a.location, a.source) == ([], [], None, None)
    assert a.title == "社区活动第1场"


def test_search_makes_activities_only_of_records_whose_key_matches(db_path, monkeypatch):
    seed(
        db_path,
        [
            activity(i, f"2025-0{1 + i % 3}-1{i % 9}", title=f"活动{i}" + ("冬奥" if i % 10 == 0 else ""))
            for i in range(60)
        ],
    )
    made = []
    real = loading_mod._activity_from_own_doc
    monkeypatch.setattr(loading_mod, "_activity_from_own_doc", lambda doc: made.append(doc["id"]) or real(doc))
    result = run("search", "冬奥", "--format", "json")
    assert result.exit_code == 0
    assert len(result.json) == 6 and len(made) == 6


def test_every_file_goes_through_logbooks_tinydb_storage(tmp_path):
    """SafeStorage is a TinyDB storage like any other: a TinyDB opened with it reads and writes
    through TinyDB's API, the file UTF-8 without escapes, private, replaced whole."""
    from tinydb import TinyDB, where

    from logbook.storage import SafeStorage

    path = tmp_path / "month.json"
    with TinyDB(path, storage=SafeStorage) as db:
        db.table("activities").insert_multiple(
            [{"title": "垃圾分类培训", "participants": 30}, {"title": "消防演练", "participants": 50}]
        )
    raw = path.read_bytes()
    assert "垃圾分类培训".encode() in raw and b"\\u" not in raw
    assert raw.count(b"\n") == 4  # a document a line
    assert os.stat(path).st_mode & 0o777 == 0o600
    with TinyDB(path, storage=SafeStorage) as db:
        assert [d["title"] for d in db.table("activities").search(where("participants") > 40)] == ["消防演练"]
    assert leftover_temp_files(tmp_path) == []


def leftover_temp_files(folder):
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_month_written_back_reuses_the_bytes_of_its_unchanged_records(db_path):
    """Rewriting a month copies the JSON of the records it read unchanged and makes only that of
    the changed ones; the file is byte for byte what writing its records afresh gives, keys
    file included, and each record and key is the one now stored."""
    from logbook.storage.layout import _tables_bytes

    rng = random.Random(7)
    seed(db_path, spread(60, rng, first=(2025, 1), months=2))
    store = Store(db_path)
    edited = stored_activities(db_path)[3]
    with store.transaction("change") as tx:
        changed = tx.by_id(edited["id"])
        changed.title = "改过的标题：社区议事会"
        tx.update(changed)
        tx.add(activity(900, edited["date"], activity_id="f" * 32, title="新加的活动"))
    for path in part_files(db_path):
        raw = path.read_bytes()
        assert raw == _tables_bytes(json.loads(raw))
    records = {a["id"]: a for a in stored_activities(db_path)}
    assert records[edited["id"]]["title"] == "改过的标题：社区议事会"
    assert records["f" * 32]["title"] == "新加的活动"
    keys = stored_keys(db_path)
    assert "改过的标题:社区议事会" in keys[edited["id"]] and "新加的活动" in keys["f" * 32]
    assert set(keys) == set(records)
    assert run("check").exit_code == 0
