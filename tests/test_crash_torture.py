"""Crash torture: real `logbook` processes killed with SIGKILL in the middle of their writes.

Two harnesses (see torture_harness.py):

* Every disk call. Each writing command is traced once; then, on a fresh copy of the same
  logbook, it is killed just before each of its disk calls in turn (and just after the last), so
  every on-disk moment of a write is reached, deterministically.
* Random kills. A logbook of a few thousand activities takes add, edit, delete, community rename
  and an import of 1,000 records, each killed at a random moment, mostly inside its write.
  LOGBOOK_TORTURE_KILLS sets how many kills in all (default 200).

After every kill the logbook opens, passes `logbook check`, and holds exactly the state from
before or from after the killed command, with every write acknowledged earlier still present. `undo` then reverts the right change, and the next
write sweeps the killed writer's leftovers.
"""

from __future__ import annotations

import os
import queue
import random
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run
from torture_harness import (
    Snapshot,
    Timing,
    Zygote,
    backup_files,
    crash_points,
    crash_run,
    exchange_file,
    history,
    leftovers,
    run_and_kill,
    seed,
    snapshot,
    write_signal,
)

pytestmark = pytest.mark.slow  # run by .ci/run; skip with -m "not slow"

RENAMED = "安贞西里社区"
WORKERS = max(2, min(4, os.cpu_count() or 2))


def anonymous(snap: Snapshot, known: set[str]) -> tuple:
    """A snapshot comparable across runs: records created by the command itself get a fresh id
    and creation time in every run, so those two fields are left out of them."""
    records = []
    for activity_id, record in snap.acts.items():
        if activity_id not in known:
            record = tuple(kv for kv in record if kv[0] not in ("id", "created_at"))
        records.append(record)
    return tuple(sorted(records)), snap.tombs, snap.comms


def check_opens(db: Path) -> None:
    """The logbook passes `logbook check`."""
    result = run("--db", str(db), "check")
    assert result.exit_code == 0, result.stdout + result.stderr


def assert_tidy(db: Path) -> None:
    """No temp files left, and every kept backup is one the history refers to."""
    assert leftovers(db) == []
    referenced = {name for entry in history(db) for name in entry["files"].values() if name}
    assert set(backup_files(db)) <= referenced


# -- every disk call ---------------------------------------------------------------------------


@dataclass
class Pristine:
    folder: Path
    ids: list[str]
    seeded: Snapshot  # after the seed
    before_prev: Snapshot  # before the last change
    before: Snapshot  # the logbook every case starts from
    last_summary: str
    prev_summary: str
    import_file: Path

    @property
    def db(self) -> Path:
        return self.folder / "logbook.json"

    @property
    def known(self) -> set[str]:
        return set(self.before.acts) | set(self.before.tombs)

    def copy(self, dest: Path) -> Path:
        shutil.copytree(self.folder, dest, symlinks=True)
        return dest / "logbook.json"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Pristine:
    """40 activities, a registry, and a history whose last two changes are known."""
    folder = tmp_path_factory.mktemp("pristine")
    db = folder / "logbook.json"
    ids = seed(db, 40, renamed=RENAMED)
    seeded = snapshot(db)
    result = crash_run(["community", "add", "空置社区", "--street", "安贞街道"], db=db)
    assert result.returncode == 0, result.stderr
    before_prev = snapshot(db)
    result = crash_run(["add", "前一条", "-c", "黄寺社区", "--people", "8"], db=db)
    assert result.returncode == 0, result.stderr
    last_id = result.stdout.strip()
    import_file = folder / "incoming.json"
    exchange_file(import_file, 200, seed_value=99)
    return Pristine(
        folder, ids, seeded, before_prev, snapshot(db),
        last_summary=f"add {last_id[:8]} 前一条", prev_summary="community add 空置社区",
        import_file=import_file,
    )  # fmt: skip


def _commands(p: Pristine) -> dict[str, tuple[list[str], str]]:
    """Each writing command with the summary its undo entry must carry (a regular expression)."""
    a, b, c = p.ids[0], p.ids[1], p.ids[2]
    return {
        "add": (["add", "崩溃中记下的活动", "-c", "黄寺社区", "--people", "25"],
                r"add [0-9a-f]{8} 崩溃中记下的活动"),
        "edit": (["edit", a, "--title", "改过的标题", "--add-tag", "复查"], rf"edit {a[:8]} 改过的标题"),
        "delete": (["delete", b, c, "--yes"], rf"delete {b[:8]} .+, {c[:8]} .+"),
        "community-add": (["community", "add", "新建社区", "--street", "安贞街道"], "community add 新建社区"),
        "community-rename": (["community", "rename", RENAMED, "安贞西里东社区"],
                             f"community rename {RENAMED} -> 安贞西里东社区"),
        "community-remove": (["community", "remove", "空置社区"], "community remove 空置社区"),
        "undo": (["undo"], re.escape(p.last_summary)),
        "import": (["import", "incoming.json"], r"import.*"),
    }  # fmt: skip


COMMANDS = ["add", "edit", "delete", "community-add", "community-rename", "community-remove", "undo", "import"]


def _undone(text: str, summary_re: str) -> bool:
    return re.match(rf"Reverted: {summary_re} \(made .+\)$", text.strip()) is not None


@pytest.fixture(scope="module")
def zygotes(tmp_path_factory):
    """Warm interpreters that fork the killed processes (see torture_harness.Zygote)."""
    pool: queue.Queue[Zygote] = queue.Queue()
    started = [Zygote(tmp_path_factory.mktemp("zygote")) for _ in range(WORKERS)]
    for z in started:
        pool.put(z)
    yield pool
    for z in started:
        z.close()


def check_in(z: Zygote, db: Path) -> None:
    """As check_opens, in a separate process."""
    result, _ = z.run(["check"], db=db)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", COMMANDS)
def test_a_write_killed_at_every_disk_call_leaves_the_old_or_the_new_logbook(pristine, zygotes, tmp_path, name):
    args, summary_re = _commands(pristine)[name]
    known = pristine.known

    # The command run to the end: what "after" looks like, and every disk call it makes.
    z = zygotes.get()
    try:
        result, calls = z.run(args, db=pristine.copy(tmp_path / "reference"), trace=True)
    finally:
        zygotes.put(z)
    assert result.returncode == 0, result.stderr
    assert calls, "the command made no disk calls"
    after = snapshot(tmp_path / "reference" / "logbook.json")
    assert anonymous(after, known) != anonymous(pristine.before, known)
    if name == "undo":
        assert after == pristine.before_prev
        after_undo = (re.escape(pristine.prev_summary), pristine.seeded)
    else:
        after_undo = (summary_re, pristine.before)
    before_undo = (re.escape(pristine.last_summary), pristine.before_prev)
    points = crash_points(calls)

    def case(n: int) -> str:
        when, i = points[n]
        where = f"killed {when} call {calls[i - 1]} of {name}"
        db = pristine.copy(tmp_path / f"case{n}")
        z = zygotes.get()
        try:
            res, _ = z.run(args, db=db, when=(when, i))
            assert res.killed, f"{where}: the process was not killed ({res.returncode}) {res.stderr}"
            observed = snapshot(db)
            check_in(z, db)
            shape = anonymous(observed, known)
            if shape == anonymous(pristine.before, known):
                outcome, (undo_re, undo_state) = "before", before_undo
            elif shape == anonymous(after, known):
                outcome, (undo_re, undo_state) = "after", after_undo
            else:
                raise AssertionError(f"{where}: the logbook is neither as before nor as after")
            # undo reverts the most recent change that really happened, and says which it was
            undone, _ = z.run(["undo"], db=db)
            assert undone.returncode == 0, f"{where}: {undone.stderr}"
            assert _undone(undone.stdout, undo_re), f"{where} ({outcome}): {undone.stdout!r}"
            assert snapshot(db) == undo_state, f"{where} ({outcome}): undo restored the wrong state"
            # the next write works and sweeps what the killed writer left behind
            nxt, _ = z.run(["add", "之后", "-c", "黄寺社区", "--people", "3"], db=db)
            assert nxt.returncode == 0, f"{where}: {nxt.stderr}"
            assert_tidy(db)
        finally:
            zygotes.put(z)
        shutil.rmtree(db.parent)
        return outcome

    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(case, range(len(points))))
    # every case was already checked to be the old or the new logbook, nothing lost or torn; the
    # one kill whose outcome needs no timing is the first: before any disk call, nothing changed
    assert points[0] == ("before", 1) and outcomes[0] == "before", outcomes


# -- random kills on a big logbook --------------------------------------------------------------

SEEDED = 2000
KILLS = int(os.environ.get("LOGBOOK_TORTURE_KILLS", "200"))
LANES = 2  # two logbooks tortured side by side, one per core


class Lane:
    """One logbook under torture, with what must hold in it."""

    def __init__(self, folder: Path, seed_value: int) -> None:
        self.folder = folder
        self.db = folder / "logbook.json"
        self.rng = random.Random(seed_value)
        self.seeded = seed(self.db, SEEDED, seed_value=seed_value, renamed=RENAMED)
        self.state = snapshot(self.db)
        self.verified = b""  # the data file as last verified
        self.timing: dict[str, Timing] = {}
        self.acked_adds: dict[str, str] = {}  # id -> title, acknowledged by a finished add
        self.acked_edits: dict[str, str] = {}  # id -> title
        self.acked_deletes: set[str] = set()
        self.untouchable: set[str] = set()  # acknowledged records no later command may change
        self.names = [RENAMED, "安贞西里东社区"]
        self.counter = 0
        self.kills: dict[str, dict[str, int]] = {}

    # a command of each kind, with the test of its effect
    def plan(self, kind: str):
        self.counter += 1
        n = self.counter
        before = self.state
        live = [i for i in self.seeded if i in before.acts and i not in self.untouchable]
        if kind == "add":
            title = f"崩溃中新增第{n}条"
            args = ["add", title, "-c", "樱花园社区", "--people", "12"]

            def landed(obs: Snapshot) -> bool:
                new = set(obs.acts) - set(before.acts)
                if len(new) != 1 or set(before.acts) - set(obs.acts):
                    return False
                (new_id,) = new
                return (
                    obs.record(new_id)["title"] == title
                    and obs.tombs == before.tombs
                    and obs.comms == before.comms
                    and _same(before, obs, set(before.acts))
                )
        elif kind == "edit":
            target = self.rng.choice(live)
            title = f"第{n}次修改的标题"
            args = ["edit", target, "--title", title, "--add-tag", f"复查{n}"]

            def landed(obs: Snapshot) -> bool:
                if set(obs.acts) != set(before.acts) or obs.tombs != before.tombs:
                    return False
                rec = obs.record(target)
                return (
                    rec["title"] == title
                    and f"复查{n}" in rec["tags"]
                    and _same(before, obs, set(before.acts) - {target})
                )
        elif kind == "delete":
            target = self.rng.choice(live)
            args = ["delete", target, "--yes"]

            def landed(obs: Snapshot) -> bool:
                return (
                    set(obs.acts) == set(before.acts) - {target}
                    and obs.tombs == before.tombs | {target}
                    and _same(before, obs, set(obs.acts))
                )
        elif kind == "rename":
            old, new = self.names
            args = ["community", "rename", old, new, "--no-keep-alias"]
            users = {i for i, rec in before.acts.items() if old in dict(rec)["communities"]}

            def landed(obs: Snapshot) -> bool:
                if set(obs.acts) != set(before.acts):
                    return False
                names = {c[0] for c in obs.comms}
                return (
                    new in names
                    and old not in names
                    and all(
                        new in obs.record(i)["communities"] and old not in obs.record(i)["communities"] for i in users
                    )
                    and _same(before, obs, set(before.acts) - users)
                )
        elif kind == "import":
            incoming = self.folder.parent / f"{self.folder.name}-import-{n}.json"
            ids = set(exchange_file(incoming, 1000, seed_value=self.rng.getrandbits(32)))
            args = ["import", str(incoming)]

            def landed(obs: Snapshot) -> bool:
                return set(obs.acts) == set(before.acts) | ids and _same(before, obs, set(before.acts))
        else:
            raise ValueError(kind)
        return args, landed

    def settle(self, kind: str, outcome, landed) -> str:
        """Look at the logbook after a command: it opens, it is as before or as after the
        command, and every acknowledged write is there. Returns "before" or "after".

        A kill that left the data file byte for byte the one verified last time (most kills
        inside a write die before the rename) needs no second look: that file opened, passed
        check and held every acknowledged write already."""
        raw = self.db.read_bytes()
        if outcome.killed and raw == self.verified:
            return "before"
        obs = snapshot(self.db)
        with CLI_LOCK:
            check_opens(self.db)
        if obs == self.state:
            seen = "before"
        elif landed(obs):
            seen = "after"
        else:
            raise AssertionError(
                f"{kind} killed ({outcome.mode}, {outcome.delay:.3f} s): the "
                "logbook is neither as before nor as after the command"
            )
        if not outcome.killed:
            assert outcome.returncode == 0, outcome.stderr
            assert seen == "after"
            self.acknowledge(kind, obs, outcome)
        for i, title in self.acked_adds.items():
            assert obs.record(i)["title"] == title, f"acknowledged add {i} lost"
        for i, title in self.acked_edits.items():
            assert obs.record(i)["title"] == title, f"acknowledged edit of {i} lost"
        for i in self.acked_deletes:
            assert i not in obs.acts and i in obs.tombs, f"acknowledged delete of {i} lost"
        if seen == "after" and kind == "rename":
            self.names.reverse()
        self.state, self.verified = obs, raw
        return seen

    def acknowledge(self, kind: str, obs: Snapshot, outcome) -> None:
        changed = {i for i in obs.acts if obs.acts[i] != self.state.acts.get(i)}
        if kind == "add":
            new_id = outcome.stdout.strip()
            self.acked_adds[new_id] = obs.record(new_id)["title"]
        elif kind == "edit":
            (target,) = changed
            self.acked_edits[target] = obs.record(target)["title"]
            self.untouchable.add(target)
        elif kind == "delete":
            (gone,) = set(self.state.acts) - set(obs.acts)
            self.acked_deletes.add(gone)

    def torture(self, kinds: list[str]) -> None:
        for kind in kinds:
            timing = self.timing.setdefault(kind, Timing())
            # a full run of each kind first, to measure it; then now and then one more
            while not timing.commit or self.rng.random() < 0.05:
                args, landed = self.plan(kind)
                self.settle(kind, run_and_kill(args, db=self.db, timing=timing, rng=None), landed)
            while True:
                args, landed = self.plan(kind)
                quiet = write_signal(self.db)
                outcome = run_and_kill(args, db=self.db, timing=timing, rng=self.rng)
                mid_write = write_signal(self.db) != quiet
                seen = self.settle(kind, outcome, landed)
                if outcome.killed:
                    tally = self.kills.setdefault(kind, {"before": 0, "after": 0, "mid_write": 0})
                    tally[seen] += 1
                    tally["mid_write"] += mid_write
                    break


CLI_LOCK = threading.Lock()  # CliRunner swaps sys.stdout: one in-process command at a time


def _same(before: Snapshot, obs: Snapshot, ids: set[str]) -> bool:
    return all(obs.acts.get(i) == before.acts[i] for i in ids)


def test_random_sigkills_never_lose_a_record(tmp_path):
    kinds = ["add", "edit", "delete", "rename", "import"]
    weights = {"add": 3, "edit": 2, "delete": 2, "rename": 1, "import": 2}
    rng = random.Random(2025)
    schedule = [k for k in kinds for _ in range(weights[k])]
    plan = [schedule[i % len(schedule)] for i in range(KILLS)]
    rng.shuffle(plan)
    lanes = [Lane(tmp_path / f"lane{n}", seed_value=n + 1) for n in range(LANES)]
    for lane in lanes:
        lane.folder.mkdir(exist_ok=True)
    shares = [plan[n::LANES] for n in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        for future in [pool.submit(lane.torture, share) for lane, share in zip(lanes, shares)]:
            future.result()

    totals: dict[str, dict[str, int]] = {}
    for lane in lanes:
        for kind, tally in lane.kills.items():
            total = totals.setdefault(kind, {"before": 0, "after": 0, "mid_write": 0})
            for key, value in tally.items():
                total[key] += value
        # a last write on each logbook sweeps the leftovers, and undo still knows what it did
        with CLI_LOCK:
            last = run("--db", str(lane.db), "add", "收尾", "-c", "樱花园社区", "--people", "1")
            assert last.exit_code == 0, last.stderr
            assert_tidy(lane.db)
            undone = run("--db", str(lane.db), "undo")
        assert undone.stdout.startswith(f"Reverted: add {last.stdout.strip()[:8]} 收尾")
        assert snapshot(lane.db) == lane.state

    kills = sum(t["before"] + t["after"] for t in totals.values())
    assert kills == KILLS, totals
    print(f"\n{kills} kills: {totals}")
    # where the kills landed (before or after the commit, inside a write or not) depends on the
    # machine's load, so it is reported above, not asserted: what must hold was checked per kill
