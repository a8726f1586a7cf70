"""Several processes at once: 8 writers of mixed kinds with readers running all the while lose
nothing and never see a broken file; a lock held too long ends in exit 3, never a hang.
(test_processes.py has the first, smaller version: 4 processes adding 10 records each.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, add, run, run_proc
from torture_harness import STAMP, child_env, exchange_file, snapshot

from logbook.models import Activity, Community
from logbook.storage import Store

pytestmark = pytest.mark.slow  # run by .ci/run; skip with -m "not slow"

WRITERS = 8
WRITES = int(os.environ.get("LOGBOOK_CONCURRENT_WRITES", "50"))


def _python(code: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    """A worker process with the tests folder importable."""
    full_env = child_env(PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests'}", **(env or {}))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_eight_writers_with_readers_lose_nothing_and_readers_never_fail(db_path, registry, tmp_path):
    shared = add("共享的活动", "-c", "黄寺社区", "--people", "10")
    go, stop = tmp_path / "go", tmp_path / "stop"
    env = {"LOGBOOK_DB": str(db_path), "LOGBOOK_LOCK_TIMEOUT": "120"}
    writers = [
        _python("import sys, torture_harness as h; h.concurrent_writer(int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:])",
                str(n), str(WRITES), shared, str(go), str(tmp_path / f"writer{n}.json"), env=env)
        for n in range(WRITERS)
    ]  # fmt: skip
    readers = [
        _python("import sys, torture_harness as h; h.concurrent_reader(*sys.argv[1:4], sys.argv[4] == '1')",
                str(stop), str(go), str(tmp_path / f"reader{n}.json"), "1",
                env=env)
        for n in range(2)
    ]  # fmt: skip
    # and a shell-like reader: fresh `logbook` processes, one after another
    go.touch()
    shell_reads, shell_failures = 0, []
    try:
        while any(w.poll() is None for w in writers):
            args = ["list", "--all", "--format", "json"] if shell_reads % 2 == 0 else ["list"]
            result = run_proc(*args, env=env)
            shell_reads += 1
            if result.exit_code != 0:
                shell_failures.append(result.stderr)
            elif "--format" in args:
                json.loads(result.stdout)
        for w in writers:
            _, err = w.communicate(timeout=600)
            assert w.returncode == 0, err
    finally:
        stop.touch()
        for p in writers + readers:
            if p.poll() is None:
                try:
                    p.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    p.kill()
    for r in readers:
        _, err = r.communicate()
        assert r.returncode == 0, err

    expected_live: dict[str, str] = {}
    expected_gone: set[str] = set()
    expected_tags: list[str] = []
    for n in range(WRITERS):
        report = json.loads((tmp_path / f"writer{n}.json").read_text(encoding="utf-8"))
        assert report["failures"] == [], report["failures"]
        expected_live.update(report["live"])
        expected_gone.update(report["deleted"])
        expected_tags += report["tags"]
    assert expected_gone and expected_tags and len(expected_live) > WRITERS  # every kind was written

    state = snapshot(db_path)
    records = {i: state.record(i) for i in state.acts}
    # every add is there (unless its own writer deleted it), with the title of its last edit
    assert {i: records[i]["title"] for i in records if i != shared} == expected_live
    assert expected_gone <= state.tombs and not expected_gone & set(records)
    # no tag added to the shared record by any process was lost to another's write
    assert sorted(records[shared]["tags"]) == sorted(expected_tags)
    assert run("check").exit_code == 0

    for n in range(2):
        report = json.loads((tmp_path / f"reader{n}.json").read_text(encoding="utf-8"))
        assert report["failures"] == [], report["failures"][:3]
        assert report["reads"] >= 10
    assert shell_failures == []
    assert shell_reads >= 1


# -- a lock held too long -------------------------------------------------------------------------


def hold_lock(db_path: Path, seconds: float) -> subprocess.Popen:
    """Another process that takes the logbook's lock through filelock and sits on it."""
    script = (
        "import sys, time\nfrom filelock import FileLock\n"
        "lock = FileLock(sys.argv[1]); lock.acquire()\n"
        "print('held', flush=True)\ntime.sleep(float(sys.argv[2]))\n"
    )
    proc = _python(script, f"{db_path}.lock", str(seconds))
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture(scope="module")
def stuck(tmp_path_factory):
    """A logbook with a few records (one naming a community by an alias the registry learnt
    later, for `check --fix` to fix), and a process stuck while holding its lock. Shared by the
    tests below: none of them may change it."""
    folder = tmp_path_factory.mktemp("stuck")
    db = folder / "logbook.json"
    store = Store(db)
    with store.transaction("seed") as tx:
        tx.set_communities(
            [
                Community("黄寺社区", "安贞街道"),
                Community("和平街一社区", "和平街街道"),
                Community("外馆社区", "安贞街道", ["外馆"]),
            ]
        )
        for i, (title, community) in enumerate(
            [("垃圾分类培训会", "黄寺社区"), ("消防演练", "黄寺社区"), ("防诈骗讲座", "外馆")]
        ):
            tx.add(
                Activity(
                    id=f"{i + 1:032x}",
                    date=f"2025-03-2{i}",
                    title=title,
                    communities=[community],
                    participants=10,
                    created_at=STAMP,
                    updated_at=STAMP,
                )
            )
    incoming = folder / "incoming.json"
    exchange_file(incoming, 5, seed_value=3)
    holder = hold_lock(db, seconds=600)
    yield db
    holder.kill()
    holder.wait()


WRITES_UNDER_LOCK = {
    "add": ["add", "等锁的活动"],
    "edit": ["edit", f"{1:032x}", "--title", "等锁的修改"],
    "delete": ["delete", f"{2:032x}", "--yes"],
    "undo": ["undo"],
    "community add": ["community", "add", "新社区"],
    "community rename": ["community", "rename", "黄寺社区", "黄寺新社区"],
    "community remove": ["community", "remove", "和平街一社区"],
    "import": ["import", "incoming.json"],
    "check --fix": ["check", "--fix"],
}


@pytest.mark.parametrize("kind", list(WRITES_UNDER_LOCK))
def test_a_lock_held_too_long_is_exit_3_with_a_clear_message(stuck, kind):
    before = stuck.read_bytes()
    args = [a if a != "incoming.json" else str(stuck.parent / a) for a in WRITES_UNDER_LOCK[kind]]
    started = time.monotonic()
    result = run_proc(*args, env={"LOGBOOK_DB": str(stuck), "LOGBOOK_LOCK_TIMEOUT": "1"}, timeout=60)
    elapsed = time.monotonic() - started
    assert result.exit_code == 3, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Error: {stuck} is locked by another logbook process (waited 1 s for {stuck}.lock); "
        "try again when it has finished"
    )
    assert 1 <= elapsed < 30  # it waited for the timeout, and no longer
    assert stuck.read_bytes() == before


def test_readers_need_no_lock(stuck):
    views = [(["list"], 0), (["show", f"{1:032x}"], 0), (["community", "list"], 0)]
    views += [(["digest", "--week", "2025-W12"], 0)]
    views += [(["check"], 1)]  # it finds the alias, read-only
    for args, code in views:
        result = run_proc(*args, env={"LOGBOOK_DB": str(stuck), "LOGBOOK_LOCK_TIMEOUT": "1"}, timeout=60)
        assert result.exit_code == code, (args, result.stderr)


def test_a_stuck_writer_that_is_killed_leaves_no_stale_lock(db_path):
    add("一")
    holder = hold_lock(db_path, seconds=120)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert Path(f"{db_path}.lock").exists()  # the file stays; the lock on it died with its owner
    started = time.monotonic()
    result = run_proc("add", "二", env={"LOGBOOK_LOCK_TIMEOUT": "5"})
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - started < 5
    assert len(run("list", "--format", "json").json) == 2


def test_writers_wait_for_a_short_lock_and_all_get_through(db_path):
    add("一")
    holder = hold_lock(db_path, seconds=2)
    env = child_env(LOGBOOK_DB=str(db_path), LOGBOOK_LOCK_TIMEOUT="60")
    started = time.monotonic()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "logbook", "add", f"排队{i}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert time.monotonic() - started >= 1.5  # they queued behind the holder
    holder.wait()
    assert sorted(r["title"] for r in run("list", "--format", "json").json) == ["一", "排队0", "排队1", "排队2"]
