"""Real processes: several writers at once lose nothing; a writer killed mid-write leaves the old
file or the new one, never a broken one."""

import json
import random
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, run_proc
from logbook_files import stored_activities

from logbook.models import Activity
from logbook.storage import Store

pytestmark = pytest.mark.slow  # run by .ci/run; skip with -m "not slow"


def test_four_processes_adding_at_once_lose_nothing(db_path):
    script = (
        "import sys, subprocess\n"
        "for i in range(10):\n"
        "    r = subprocess.run([sys.executable, '-m', 'logbook', 'add', f'进程{sys.argv[1]}-{i}'], capture_output=True)\n"
        "    assert r.returncode == 0, r.stderr\n"
    )
    env_py = {"PYTHONPATH": str(ROOT)}
    import os

    env = dict(os.environ, **env_py)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env) for n in range(4)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0, 0]
    result = run_proc("list", "--all", "--format", "json")
    titles = sorted(r["title"] for r in json.loads(result.stdout))
    assert titles == sorted(f"进程{n}-{i}" for n in range(4) for i in range(10))


def _big_logbook(db_path, n=6000):
    store = Store(db_path)
    now = "2025-01-01T00:00:00Z"
    with store.transaction("seed") as tx:
        for i in range(n):
            tx.add(
                Activity(
                    id=f"{i:032x}",
                    date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    title=f"社区活动第{i}场",
                    notes="居民积极参与，社工做好记录。" * 20,
                    communities=["安贞西里社区"],
                    created_at=now,
                    updated_at=now,
                )
            )


def test_sigkill_mid_write_leaves_old_or_new_file(db_path):
    _big_logbook(db_path)
    rng = random.Random(7)
    import os

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    counts = set()
    for attempt in range(8):
        before = len(stored_activities(db_path))
        proc = subprocess.Popen(
            [sys.executable, "-m", "logbook", "add", f"被杀的{attempt}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.9))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = len(stored_activities(db_path))  # the main file and its month files: whole JSON
        assert after in (before, before + 1)
        counts.add(after - before)
        result = run_proc("list", "--limit", "1", "--format", "json")
        assert result.exit_code == 0, result.stderr
    # the next write sweeps the temp files the killed writers left behind
    assert run_proc("add", "之后").exit_code == 0
    assert not [p for p in db_path.parent.rglob("*") if p.name.endswith(".tmp")]
