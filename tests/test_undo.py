"""`logbook undo`: reverts the most recent change of every command that writes, says what it
was, walks back as far as the kept history allows, and keeps that history bounded; it works under
the lock, after a write that failed or was killed, and never overwrites a logbook it cannot read.
(test_cli_edit_delete.py covers the basic walk back over add and edit, and undo of a delete.)"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import time

import pytest
from conftest import add, run
from logbook_files import part_files
from torture_harness import (
    backup_files,
    child_env,
    crash_run,
    exchange_file,
    history,
    leftovers,
    snapshot,
)

import logbook.storage as store_mod
import logbook.storage.history as history_mod


def reverted(result) -> str:
    assert result.exit_code == 0, result.stderr
    match = re.fullmatch(r"Reverted: (.+) \(made \d{4}-\d\d-\d\d \d\d:\d\d\)\n", result.stdout)
    assert match, result.stdout
    return match.group(1)


@pytest.fixture
def base(db_path, registry):
    """The registry of conftest plus two activities, one of them typed with an alias the
    registry did not know yet (so `check --fix` has something safe to fix)."""
    a = add("垃圾分类培训会", "-c", "安贞西里社区", "--people", "30")
    b = add("消防演练", "-c", "黄寺社区", "--people", "20", "--tag", "消防")
    c = add("老年人防诈骗讲座", "-c", "外馆", "--people", "15")
    assert run("community", "add", "外馆社区", "--street", "安贞街道", "--alias", "外馆").exit_code == 0
    return {"a": a, "b": b, "c": c}


def _writes(base, tmp_path):
    a, b = base["a"], base["b"]
    incoming = tmp_path / "incoming.json"
    exchange_file(incoming, 30, seed_value=5)
    report = tmp_path / "report.txt"
    report.write_text("2025年3月27日上午，黄寺社区开展消防安全培训，40余名居民参加。\n", encoding="utf-8")
    return {
        "add": (["add", "新增的活动", "-c", "黄寺社区"], r"add [0-9a-f]{8} 新增的活动"),
        "edit": (["edit", a[:6], "--title", "改过的标题"], rf"edit {a[:8]} 改过的标题"),
        "delete": (["delete", a, b, "--yes"], rf"delete {a[:8]} 垃圾分类培训会, {b[:8]} 消防演练"),
        "community add": (["community", "add", "新社区", "--street", "和平街街道"], "community add 新社区"),
        "community rename": (["community", "rename", "安贞西里", "安贞西里东社区"],
                             "community rename 安贞西里 -> 安贞西里东社区"),
        "community remove": (["community", "remove", "和平街十一社区"], "community remove 和平街十一社区"),
        "import": (["import", str(incoming)], r"import incoming\.json: .+"),
        "import-text": (["import-text", str(report), "--yes"], r"import-text report\.txt: 1 activity"),
        "check --fix": (["check", "--fix"], r"check --fix: 1 activit(y|ies)"),
    }  # fmt: skip


WRITES = [
    "add",
    "edit",
    "delete",
    "community add",
    "community rename",
    "community remove",
    "import",
    "import-text",
    "check --fix",
]


@pytest.mark.parametrize("kind", WRITES)
def test_undo_reverts_each_kind_of_write_byte_for_byte_and_names_it(db_path, base, tmp_path, kind):
    args, summary = _writes(base, tmp_path)[kind]
    before = db_path.read_bytes()
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert db_path.read_bytes() != before
    assert re.fullmatch(summary, reverted(run("undo")))
    assert db_path.read_bytes() == before  # the very file, not just the same records


def test_undo_walks_back_as_far_as_the_kept_history_allows(db_path, monkeypatch):
    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 5)
    ids = [add(f"第{i}场活动") for i in range(8)]
    kept = json.loads(run("list", "--all", "--format", "json").stdout)
    assert len(kept) == 8 and len(history(db_path)) == 5
    for i in reversed(range(3, 8)):  # the last five changes, newest first
        assert reverted(run("undo")) == f"add {ids[i][:8]} 第{i}场活动"
    nothing = run("undo")
    assert nothing.exit_code == 1
    assert nothing.stderr == "Error: nothing to undo: the kept history is empty\n"
    titles = sorted(r["title"] for r in run("list", "--all", "--format", "json").json)
    assert titles == [f"第{i}场活动" for i in range(3)]
    assert backup_files(db_path) == []  # every backup went back into place


def test_nothing_to_undo_on_a_new_logbook_creates_nothing(db_path):
    result = run("undo")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: nothing to undo: the kept history is empty\n"
    assert not db_path.exists()
    assert not db_path.with_name(db_path.name + ".backups").exists()


def test_undo_is_refused_on_the_read_only_sample():
    result = run("--sample", "undo")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the sample logbook is read-only")


def test_history_and_backups_are_bounded_in_count(db_path, monkeypatch):
    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 4)
    for i in range(12):
        add(f"活动{i}", "--note", "记录" * 200)
    entries = history(db_path)
    assert len(entries) == 4
    assert len(backup_files(db_path)) == 4
    assert set(backup_files(db_path)) == {e["files"][db_path.name] for e in entries}
    assert [e["seq"] for e in entries] == sorted(e["seq"] for e in entries)


def test_history_and_backups_are_bounded_in_bytes(db_path, monkeypatch):
    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 1000)
    note = "社区居民积极参与，社工做好记录。" * 300  # ~14 KB a record
    ids = [add(f"活动{i}", "--note", note) for i in range(6)]
    # What one version of the logbook takes: the main file, its month file and keys file; an edit of a
    # title keeps both about this size, and a change kept for undo keeps one version of each.
    size = sum(p.stat().st_size for p in [db_path, *part_files(db_path)])
    limit = 3 * size + size // 2
    monkeypatch.setattr(history_mod, "HISTORY_MAX_BYTES", limit)
    for i in range(10):
        assert run("edit", ids[i % 6], "--title", f"改名{i}").exit_code == 0
    folder = db_path.with_name(db_path.name + ".backups")
    sizes = [(folder / name).stat().st_size for name in backup_files(db_path)]
    assert len(sizes) == 3 and sum(sizes) <= limit
    assert len(history(db_path)) == 3
    # undo goes back exactly as far as the bytes allowed, then says there is no more
    for i in (9, 8, 7):
        assert reverted(run("undo")) == f"edit {ids[i % 6][:8]} 改名{i}"
    assert run("undo").exit_code == 1


def test_one_backup_is_kept_even_if_larger_than_the_byte_limit(db_path, monkeypatch):
    monkeypatch.setattr(history_mod, "HISTORY_MAX_BYTES", 10)
    add("一")
    add("二")
    add("三")
    assert len(backup_files(db_path)) == 1
    assert reverted(run("undo")).endswith(" 三")
    assert run("undo").exit_code == 1


def test_undo_holds_the_lock_and_gives_up_with_exit_3(db_path, tmp_path):
    add("一")
    add("二")
    before, entries = db_path.read_bytes(), history(db_path)
    holder = _hold_lock(db_path, seconds=30)
    try:
        started = time.monotonic()
        result = run_env({"LOGBOOK_LOCK_TIMEOUT": "0.5"}, "undo")
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {db_path} is locked by another logbook process")
    assert elapsed < 10
    assert db_path.read_bytes() == before and history(db_path) == entries
    assert reverted(run("undo")).endswith(" 二")  # the holder is gone: undo works again


def _hold_lock(db_path, seconds: float) -> subprocess.Popen:
    """A second process that takes the logbook's lock and sits on it."""
    script = (
        "import sys, time\nfrom filelock import FileLock\n"
        "lock = FileLock(sys.argv[1]); lock.acquire()\n"
        "print('held', flush=True)\ntime.sleep(float(sys.argv[2]))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, f"{db_path}.lock", str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def run_env(env: dict, *args):
    """The CLI in process with some environment variables set for this one run."""
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return run(*args)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_undo_after_a_write_that_failed_reverts_the_last_real_change(db_path):
    """The disk fills while the new file is flushed, after the undo entry was recorded: the
    failed change must not become the one undo names."""
    first = add("第一条")
    add("第二条")
    before = db_path.read_bytes()
    real_fsync = os.fsync

    def fsync(fd):
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        if name.startswith(f".{db_path.name}.") and name.endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to tell the data file's fsync from the others")
    with pytest.MonkeyPatch.context() as patch:  # not monkeypatch.undo(): that drops LOGBOOK_DB
        patch.setattr(os, "fsync", fsync)
        result = run("edit", first, "--title", "不会写入")
    assert result.exit_code == 3
    assert "the disk is full" in result.stderr
    assert db_path.read_bytes() == before
    assert leftovers(db_path) == []
    assert reverted(run("undo")).endswith(" 第二条")
    assert reverted(run("undo")) == f"add {first[:8]} 第一条"


def _data_replace_call(db_path, args) -> int:
    """The number of the disk call with which `args` puts the new data file in place, found by
    running it on a copy of the logbook."""
    import shutil

    probe = db_path.parent / "probe"
    probe.mkdir()
    for kept in (db_path, db_path.with_name(db_path.name + ".lock")):
        shutil.copy2(kept, probe / kept.name)
    for folder in (db_path.with_name(db_path.name + ".backups"), db_path.with_name(db_path.name + ".d")):
        shutil.copytree(folder, probe / folder.name)
    trace = db_path.parent / "calls.txt"
    result = crash_run(args, db=probe / db_path.name, trace=trace)
    assert result.returncode == 0, result.stderr
    calls = trace.read_text(encoding="utf-8").splitlines()
    name = re.escape(db_path.name)
    [n] = [int(c.split()[0]) for c in calls if re.search(rf" replace\(\.{name}\..*\.tmp,{name}\)$", c)]
    shutil.rmtree(probe)
    return n


def test_undo_after_a_writer_killed_before_its_file_landed(db_path):
    """A writer killed after recording its undo entry and writing its temp file, just before the
    rename: undo ignores that entry and reverts the change before it; the next write sweeps."""
    first = add("第一条", "--people", "5")
    add("第二条")
    before = db_path.read_bytes()
    n = _data_replace_call(db_path, ["edit", first, "--title", "被杀的修改"])
    killed = crash_run(["edit", first, "--title", "被杀的修改"], db=db_path, when=("before", n))
    assert killed.returncode == -9
    assert db_path.read_bytes() == before
    assert leftovers(db_path)  # its temp file is still there
    assert len(history(db_path)) == 3  # and its undo entry
    assert reverted(run("undo")).endswith(" 第二条")
    assert add("第三条")
    assert leftovers(db_path) == []
    assert reverted(run("undo")).endswith(" 第三条")
    assert reverted(run("undo")) == f"add {first[:8]} 第一条"


def test_undo_after_a_writer_killed_just_after_its_file_landed(db_path):
    first = add("第一条")
    n = _data_replace_call(db_path, ["edit", first, "--title", "落地的修改"])
    killed = crash_run(["edit", first, "--title", "落地的修改"], db=db_path, when=("after", n))
    assert killed.returncode == -9
    assert snapshot(db_path).record(first)["title"] == "落地的修改"
    assert reverted(run("undo")) == f"edit {first[:8]} 落地的修改"
    assert snapshot(db_path).record(first)["title"] == "第一条"


@pytest.mark.parametrize("damage", ["newer", "empty", "not json"])
def test_undo_never_overwrites_a_logbook_it_cannot_read(db_path, damage):
    add("一")
    add("二")
    if damage == "newer":
        data = json.loads(db_path.read_text(encoding="utf-8"))
        data["_meta"]["1"]["schema_version"] = store_mod.SCHEMA_VERSION + 1
        db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif damage == "empty":
        db_path.write_bytes(b"")
    else:
        db_path.write_bytes(b'{"activities": {"1": ')
    before, entries = db_path.read_bytes(), history(db_path)
    result = run("undo")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {db_path} ")
    assert result.stderr.count("\n") == 1
    assert db_path.read_bytes() == before
    assert history(db_path) == entries


def test_undo_through_a_symbolic_link_restores_the_target(tmp_path, db_path):
    add("一")
    link = tmp_path / "link.json"
    link.symlink_to(db_path)
    assert run("--db", str(link), "add", "二").exit_code == 0
    assert reverted(run("--db", str(link), "undo")).endswith(" 二")
    assert link.is_symlink()
    assert [r["title"] for r in run("list", "--format", "json").json] == ["一"]


def test_undo_with_the_backups_gone_says_there_is_nothing_to_undo(db_path):
    import shutil

    add("一")
    add("二")
    shutil.rmtree(db_path.with_name(db_path.name + ".backups"))
    before = db_path.read_bytes()
    result = run("undo")
    assert result.exit_code == 1
    assert "nothing to undo" in result.stderr
    assert db_path.read_bytes() == before
    assert add("三")  # and writing goes on, with a new history
    assert reverted(run("undo")).endswith(" 三")


def test_undo_with_a_damaged_history_file_loses_nothing(db_path):
    add("一")
    add("二")
    history_file = db_path.with_name(db_path.name + ".backups") / "history.json"
    history_file.write_bytes(b"\x00garbage")
    before = db_path.read_bytes()
    result = run("undo")
    assert result.exit_code == 3 and "history.json is not valid JSON" in result.stderr
    assert db_path.read_bytes() == before
    add("三")
    assert reverted(run("undo")).endswith(" 三")
    assert sorted(r["title"] for r in run("list", "--format", "json").json) == ["一", "二"]
