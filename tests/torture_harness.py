"""Tools for the crash and concurrency tests: seeding a big logbook fast, looking at it from
outside, and running real `logbook` processes that die at a chosen moment.

A logbook's state is compared as a `Snapshot` read through the public `Store` interface (live
activities, tombstones, the registry), so the tests keep working whatever the file layout is.

Two ways to kill a writer:

* At a chosen disk call. The child's `os` functions that touch the disk (open, link, replace,
  rename, unlink, fsync, chmod, mkdir, rmdir) are counted, and the child SIGKILLs itself just
  before or just after the n-th one, or lists them all. The operating system is instrumented, not
  our storage code, so every distinct on-disk moment of a write is reached deterministically.
  `crash_run` does it in a fresh interpreter; `Zygote` forks the children from one warm
  interpreter, which makes a run cost milliseconds instead of the start-up time.
* At a random moment. `run_and_kill` starts a plain `sys.executable -m logbook` process and
  SIGKILLs it from outside at a moment drawn from the command's measured timing, most often
  inside its write.

The workers of the concurrency test (`concurrent_writer`, `concurrent_reader`) live here too, so
that a child process can import them.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from logbook.models import Activity, Community  # noqa: E402
from logbook.storage import Store  # noqa: E402

STAMP = "2025-01-01T00:00:00.000Z"
STREETS = {
    "安贞街道": ["安贞西里社区", "安贞里社区", "黄寺社区", "外馆社区", "涌溪社区"],
    "和平街街道": ["和平街一社区", "和平街十一社区", "樱花园社区", "小黄庄社区"],
}
TITLES = [
    "垃圾分类志愿者培训会", "消防安全入户宣传", "老年人防诈骗讲座", "社区义诊进楼门",
    "议事协商会：加装电梯", "端午节包粽子活动", "儿童暑期托管班开班", "党员志愿服务日",
    "便民理发进社区", "楼门文化建设交流会",
]  # fmt: skip
NOTE = "居民积极参与，社工做好记录并收集意见建议；活动结束后整理照片和签到表。"


# What conftest.isolated_env pins, for processes started outside a test function's scope too.
PINNED_ENV = {
    "LOGBOOK_CONFIG": "/nonexistent/logbook-test-config.toml",
    "LOGBOOK_TODAY": "2025-03-30",
    "LOGBOOK_AUTHOR": "王社工",
    "LOGBOOK_LOCK_TIMEOUT": "30",
    "COLUMNS": "120",
    "NO_COLOR": "1",
}


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a real `logbook` process started by a test (as conftest.run_proc)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", **PINNED_ENV)
    env.update(extra)
    return env


def logbook_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "logbook", *args]


# -- seeding ---------------------------------------------------------------------------------


def make_activity(i: int, rng: random.Random, *, community: str | None = None, batch: str = "") -> Activity:
    """A realistic activity; `batch` keeps titles of different batches apart (so that `check`
    finds no duplicates of date, title and community)."""
    street = rng.choice(sorted(STREETS))
    name = community or rng.choice(STREETS[street])
    return Activity(
        id=f"{rng.getrandbits(128):032x}",
        date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        title=f"{rng.choice(TITLES)}（{batch}第{i}场）",
        category=rng.choice(["培训", "会议", "志愿服务", "义诊", "文化", "安全", "便民服务"]),
        communities=[name],
        street=street,
        participants=rng.randint(5, 120),
        organizers=["王社工"],
        tags=[rng.choice(["垃圾分类", "消防", "养老", "青少年"])],
        location="社区活动室",
        notes=NOTE * rng.randint(1, 3),
        source="typed",
        author="王社工",
        created_at=STAMP,
        updated_at=STAMP,
    )


def seed(
    path: Path, n: int, *, seed_value: int = 1, renamed: str | None = None, renamed_share: float = 0.25
) -> list[str]:
    """A logbook of `n` activities and the registry of STREETS, written in one transaction.

    With `renamed`, about `renamed_share` of the activities name that community (a rename then
    rewrites many records at once). Returns the ids in the order written.
    """
    rng = random.Random(seed_value)
    store = Store(path)
    ids = []
    with store.transaction("seed") as tx:
        tx.set_communities([Community(name=c, street=s) for s, names in STREETS.items() for c in names])
        for i in range(n):
            forced = renamed if renamed and rng.random() < renamed_share else None
            activity = make_activity(i, rng, community=forced)
            tx.add(activity)
            ids.append(activity.id)
    return ids


def exchange_file(path: Path, n: int, *, seed_value: int, community: str = "外馆社区") -> list[str]:
    """An exchange file (PRODUCT.md) of `n` new activities; returns their ids."""
    rng = random.Random(seed_value)
    acts = [make_activity(i, rng, community=community, batch=f"导入{seed_value}-").to_dict() for i in range(n)]
    for a in acts:
        a["source"] = "imported"
    envelope = {
        "format": "logbook", "version": 1, "exported_at": STAMP, "author": "李社工",
        "communities": [], "activities": acts, "deleted": [],
    }  # fmt: skip
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    return [a["id"] for a in acts]


# -- looking at a logbook from outside --------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What a logbook holds, without the clock: live records (updated_at left out), the ids of
    tombstones, the registry."""

    acts: dict[str, tuple]
    tombs: frozenset[str]
    comms: tuple[tuple, ...]

    def record(self, activity_id: str) -> dict:
        return dict(self.acts[activity_id])


def snapshot(path: Path) -> Snapshot:
    """Open the logbook the way a command does and read all of it; raises if it does not open."""
    store = Store(path, readonly=True)
    acts = {}
    for a in store.activities():
        d = a.to_dict()
        d.pop("updated_at")
        acts[a.id] = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in d.items()))
    tombs = frozenset(t["id"] for t in store.tombstones())
    comms = tuple(sorted((c.name, c.street, tuple(c.aliases)) for c in store.communities()))
    return Snapshot(acts, tombs, comms)


def leftovers(path: Path) -> list[Path]:
    """Temp files a killed writer may leave, beside the logbook, among its backups and among its
    month files."""
    found = [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    for folder in (path.with_name(path.name + ".backups"), path.with_name(path.name + ".d")):
        if folder.is_dir():
            found += [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    return found


def backup_files(path: Path) -> list[str]:
    backups = path.with_name(path.name + ".backups")
    if not backups.is_dir():
        return []
    return sorted(p.name for p in backups.iterdir() if p.name != "history.json")


def history(path: Path) -> list[dict]:
    try:
        return json.loads(path.with_name(path.name + ".backups").joinpath("history.json").read_text("utf-8"))
    except FileNotFoundError:
        return []


# -- killing a process at a chosen system call -------------------------------------------------

# Counts the os calls that touch the disk and SIGKILLs the process itself just before or just
# after the n-th one ("before:N", "after:N"); lists the calls when asked to.
_INSTRUMENT = r"""
import os, signal

def _instrument(spec, lines):
    when, _, n = spec.partition(":")
    n = int(n) if n else 0
    count = [0]

    def describe(args):
        out = []
        for a in args:
            if isinstance(a, (str, bytes, os.PathLike)):
                out.append(os.path.basename(os.fsdecode(a)))
            elif isinstance(a, int) and not isinstance(a, bool):
                out.append("fd" if a > 2 else str(a))
        return ",".join(out)

    def wrap(name):
        real = getattr(os, name)

        def wrapper(*args, **kwargs):
            count[0] += 1
            if lines is not None:
                flags = args[1] if name == "open" and len(args) > 1 else 0
                lines.append(f"{count[0]} {name}({describe(args[:1] if name == 'open' else args)})"
                             + (" creates" if flags & os.O_CREAT else ""))
            if when == "before" and count[0] == n:
                os.kill(os.getpid(), signal.SIGKILL)
            try:
                result = real(*args, **kwargs)
            except BaseException:
                if lines is not None:  # nothing happened: no moment "after" it to kill at
                    lines[-1] += " fails"
                raise
            if when == "after" and count[0] == n:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        setattr(os, name, wrapper)

    for name in ("open", "link", "replace", "rename", "unlink", "remove", "fsync", "chmod", "mkdir", "rmdir"):
        wrap(name)
"""

# A plain child: instrument, then run the real CLI entry point.
_CHILD = (
    _INSTRUMENT
    + r"""
import atexit, sys
_lines = [] if os.environ.get("LOGBOOK_TEST_TRACE") else None
_trace = os.environ.pop("LOGBOOK_TEST_TRACE", "")
_instrument(os.environ.pop("LOGBOOK_TEST_CRASH", ""), _lines)
if _trace:
    atexit.register(lambda: open(_trace, "w", encoding="utf-8").write("\n".join(_lines)))
sys.argv = ["logbook", *sys.argv[1:]]
from logbook.cli import main
main()
"""
)

# A warm parent that forks one child per request: the child is a real process running the real
# CLI, started in milliseconds instead of the interpreter's and the libraries' start-up time.
_ZYGOTE = (
    _INSTRUMENT
    + r"""
import json, sys, tempfile, traceback
import typer.main
import logbook.cli
protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
_null = os.open(os.devnull, os.O_WRONLY)
os.dup2(_null, 1)
os.dup2(_null, 2)
command = typer.main.get_command(logbook.cli.app)

def _warm_up():
    # Run each kind of command once here, so that what they import lazily is loaded already.
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "warm.json")
        for args in (["community", "add", "黄寺社区", "--street", "安贞街道"],
                     ["add", "预热", "-c", "黄寺社区", "--people", "3"], ["list"],
                     ["list", "--format", "json"], ["community", "rename", "黄寺社区", "黄寺新社区"],
                     ["community", "remove", "黄寺新社区", "--force"], ["undo"], ["check"]):
            try:
                command.main(["--db", db, *args], prog_name="logbook", standalone_mode=False)
            except BaseException:
                pass

_warm_up()
for line in sys.stdin:
    req = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        lines = [] if req["trace"] else None
        try:
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            for fd, path in ((1, req["stdout"]), (2, req["stderr"])):
                target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(target, fd)
                os.close(target)
            os.environ.clear()
            os.environ.update(req["env"])
            os.chdir(req["cwd"])
            _instrument(req["crash"], lines)
            try:
                command.main(req["args"], prog_name="logbook")
                code = 0
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        except BaseException:
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
                if lines is not None:
                    with open(req["trace"], "w", encoding="utf-8") as fh:
                        fh.write("\n".join(lines))
            finally:
                os._exit(code)
    _, status = os.waitpid(pid, 0)
    protocol.write(json.dumps({"code": os.waitstatus_to_exitcode(status)}) + "\n")
    protocol.flush()
"""
)


@dataclass
class CrashResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def crash_run(
    args: list[str], *, db: Path, when: tuple[str, int] | None = None, trace: Path | None = None, timeout: float = 120
) -> CrashResult:
    """Run `logbook ARGS` in a fresh interpreter, killed at the disk call `when` names."""
    env = child_env(LOGBOOK_DB=str(db))
    if when:
        env["LOGBOOK_TEST_CRASH"] = f"{when[0]}:{when[1]}"
    if trace:
        env["LOGBOOK_TEST_TRACE"] = str(trace)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=str(db.parent),
    )
    return CrashResult(proc.returncode, proc.stdout, proc.stderr)


class Zygote:
    """Runs `logbook ARGS` in children forked from one warm interpreter, one at a time."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        scratch.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _ZYGOTE],
            env=child_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.n = 0

    def run(
        self, args: list[str], *, db: Path, when: tuple[str, int] | None = None, trace: bool = False
    ) -> tuple[CrashResult, list[str]]:
        self.n += 1
        out, err, calls = (self.scratch / f"{self.n}.{kind}" for kind in ("out", "err", "calls"))
        req = {
            "args": args, "env": child_env(LOGBOOK_DB=str(db)), "cwd": str(db.parent),
            "crash": f"{when[0]}:{when[1]}" if when else "", "trace": str(calls) if trace else "",
            "stdout": str(out), "stderr": str(err),
        }  # fmt: skip
        self.proc.stdin.write(json.dumps(req, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the zygote process died")
        code = json.loads(line)["code"]
        result = CrashResult(code, out.read_text("utf-8"), err.read_text("utf-8"))
        listed = calls.read_text("utf-8").splitlines() if trace and calls.exists() else []
        for path in (out, err, calls):
            path.unlink(missing_ok=True)
        return result, listed

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def crash_points(calls: list[str]) -> list[tuple[str, int]]:
    """The distinct moments at which to kill a command whose disk calls are `calls`.

    To a process killed by a signal (the page cache survives; only a power cut would differ),
    an fsync, a read-only open or a mkdir of an existing folder changes nothing, so a kill just
    before any of them equals a kill just before the call that came earlier. Kept: before the
    first call; right after each call that can change the folder; and for each file created,
    also the moment before its next call, once its content has been written.
    """
    points = [("before", 1)]
    for i, call in enumerate(calls, start=1):
        if call.endswith(" fails"):  # changed nothing (an exclusive create of a file that exists)
            continue
        name = call.split(" ", 1)[1].split("(", 1)[0]
        if name in ("link", "replace", "rename", "unlink", "remove", "chmod", "rmdir") or (
            name == "open" and call.endswith(" creates")
        ):
            points.append(("after", i))
            if name == "open" and i < len(calls):
                points.append(("before", i + 1))
    if points[-1] != ("after", len(calls)):
        points.append(("after", len(calls)))
    return points


# -- killing a process from outside at a random moment -----------------------------------------


def write_signal(path: Path) -> tuple:
    """Cheap to poll: changes as soon as a write begins (a backup link raises the data file's
    link count, a temp file or a rename changes a folder's mtime) and when it commits."""
    out = []
    for p in (path, path.parent, path.with_name(path.name + ".backups")):
        try:
            st = os.stat(p)
            out.append((st.st_ino, st.st_nlink, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


@dataclass
class Timing:
    """Measured uncrashed runs of one command: from start to exit, and from the first change in
    the logbook's folder to the moment the new data file is in place (the commit)."""

    total: list[float] = field(default_factory=list)
    commit: list[float] = field(default_factory=list)

    @staticmethod
    def _median(values: list[float], default: float) -> float:
        return sorted(values)[len(values) // 2] if values else default

    @property
    def d(self) -> float:
        return self._median(self.total, 0.6)

    @property
    def c(self) -> float:
        return self._median(self.commit, 0.05)


@dataclass
class KillOutcome:
    returncode: int
    stdout: str
    stderr: str
    mode: str
    delay: float

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def run_and_kill(
    args: list[str], *, db: Path, timing: Timing, rng: random.Random | None, timeout: float = 300
) -> KillOutcome:
    """Start `logbook ARGS` and SIGKILL it; without `rng`, let it finish and time it.

    The moment is chosen from the command's measured timing: a random moment of its whole run
    ("anywhere"), near its end ("late"), or, most often, a random moment between the first
    change in the logbook's folder and a little past the measured commit ("write"), since that
    is where damage could happen. A run that ends before the kill is timed like a full run.
    """
    mode = "full" if rng is None else rng.choices(["write", "late", "anywhere"], weights=[6, 2, 2])[0]
    quiet = write_signal(db)
    inode = _inode(db)
    proc = subprocess.Popen(
        logbook_cmd(*args), env=child_env(LOGBOOK_DB=str(db)), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    start = time.monotonic()
    kill_at = None
    if mode == "anywhere":
        kill_at = start + rng.uniform(0, 1.1 * timing.d)
    elif mode == "late":
        kill_at = start + rng.uniform(0.75 * timing.d, 1.05 * timing.d)
    changed_at = committed_at = None
    while proc.poll() is None:
        now = time.monotonic()
        if changed_at is None and write_signal(db) != quiet:
            changed_at = now
            if mode == "write":
                kill_at = now + rng.uniform(0, 1.25 * timing.c)
        if changed_at is not None and committed_at is None and _inode(db) != inode:
            committed_at = now
        if kill_at is not None and now >= kill_at:
            proc.send_signal(signal.SIGKILL)
            break
        if now - start > timeout:
            proc.kill()
            raise TimeoutError(args)
        time.sleep(0.0005)
    end = time.monotonic()
    out, err = proc.communicate()
    if proc.returncode == 0:
        timing.total.append(end - start)
        if changed_at is not None and committed_at is not None:
            timing.commit.append(committed_at - changed_at)
    delay = (kill_at - start) if kill_at is not None else end - start
    return KillOutcome(proc.returncode, out.decode(), err.decode(), mode, delay)


# -- concurrent writers and readers --------------------------------------------------------------


def cli_in_process():
    """The CLI's click command, built once, and a runner that captures what one call prints.
    Used by the worker processes of the concurrency test: each is a real process that runs many
    commands without paying the interpreter's start-up each time."""
    import contextlib
    import io

    import typer.main

    from logbook.cli import app

    command = typer.main.get_command(app)

    def call(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = 0
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                command.main(list(args), prog_name="logbook")
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        return code, out.getvalue(), err.getvalue()

    return call


def _wait_for(go: Path) -> None:
    while not go.exists():
        time.sleep(0.005)


def concurrent_writer(n: int, writes: int, shared: str, go: str, report: str) -> None:
    """Worker `n`: `writes` writes of mixed kinds on its own records and tags on the shared one;
    writes what it expects to find afterwards to `report` (JSON)."""
    call = cli_in_process()
    rng = random.Random(n)
    mine: dict[str, str] = {}  # id -> current title
    deleted: list[str] = []
    tags: list[str] = []
    failures: list[str] = []
    _wait_for(Path(go))
    for i in range(writes):
        kind = rng.choice(["add", "add", "edit", "tag", "delete"]) if mine else "add"
        if kind == "add":
            title = f"进程{n}的第{i}条活动"
            code, out, err = call("add", title, "-c", "黄寺社区", "--people", str(i))
            if code == 0:
                mine[out.strip()] = title
        elif kind == "edit":
            target = rng.choice(sorted(mine))
            title = f"进程{n}改了第{i}次"
            code, out, err = call("edit", target, "--title", title, "--people", f"{i}+")
            if code == 0:
                mine[target] = title
        elif kind == "tag":
            tag = f"进程{n}-标签{i}"
            code, out, err = call("edit", shared, "--add-tag", tag)
            if code == 0:
                tags.append(tag)
        else:
            target = rng.choice(sorted(mine))
            code, out, err = call("delete", target, "--yes")
            if code == 0:
                del mine[target]
                deleted.append(target)
        if code != 0:
            failures.append(f"{kind}: exit {code}: {err.strip()}")
    Path(report).write_text(
        json.dumps(
            {"live": mine, "deleted": deleted, "tags": tags, "failures": failures},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def concurrent_reader(stop: str, go: str, report: str, digest: bool) -> None:
    """Reads the logbook over and over until `stop` exists: every read must succeed and parse."""
    call = cli_in_process()
    reads = 0
    failures: list[str] = []
    _wait_for(Path(go))
    while not Path(stop).exists():
        views = [("list", "--all", "--format", "json"), ("list", "--limit", "5")]
        if digest:
            views.append(("digest", "--week", "this", "--format", "json"))
        for args in views:
            code, out, err = call(*args)
            reads += 1
            if code != 0 or "Traceback" in err:
                failures.append(f"{' '.join(args)}: exit {code}: {err.strip()[:300]}")
            elif "--format" in args:
                try:
                    json.loads(out)
                except ValueError as problem:
                    failures.append(f"{' '.join(args)}: output is not JSON ({problem})")
    Path(report).write_text(json.dumps({"reads": reads, "failures": failures}, ensure_ascii=False), encoding="utf-8")
