"""Fixtures shared by the tests: an isolated environment, a real logbook file in a temp
directory, and two ways to run the real CLI (in process with CliRunner, or as a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner

from logbook import i18n
from logbook.cli import app

TODAY = "2025-03-30"  # a Sunday: ISO week 2025-W13 is complete
ROOT = Path(__file__).resolve().parent.parent


# -- Hypothesis: full examples in CI and in every whole run, a fifth in the quick loop ---------
#
# Each property says how many examples it runs, through examples(n). That many run under the
# "ci" profile (which Hypothesis loads by itself on a CI runner) and under its "default" (a plain
# `pytest`, as .ci/run runs it). The quick loop, `pytest -m "not slow"`, loads "quick" and runs a
# fifth of them. HYPOTHESIS_PROFILE=ci or --hypothesis-profile=ci gives it the full number.

FULL_EXAMPLES = 100
settings.register_profile("ci", parent=settings.get_profile("ci"), max_examples=FULL_EXAMPLES)
settings.register_profile("quick", max_examples=FULL_EXAMPLES // 5)


def examples(n: int) -> int:
    """The examples of a property that runs `n` in full, under the profile loaded."""
    return max(2, n * settings.default.max_examples // FULL_EXAMPLES)


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        settings.load_profile(chosen)
    elif (
        settings.get_current_profile_name() == "default"
        and not config.getoption("hypothesis_profile", None)
        and "not slow" in " ".join((config.option.markexpr or "").split())
    ):
        settings.load_profile("quick")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """No test sees the user's logbook, settings, clock or terminal width."""
    monkeypatch.setenv("LOGBOOK_DB", str(tmp_path / "logbook.json"))
    monkeypatch.setenv("LOGBOOK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("LOGBOOK_TODAY", TODAY)
    monkeypatch.setenv("LOGBOOK_AUTHOR", "王社工")
    monkeypatch.setenv("LOGBOOK_LANG", "en")  # tests in Chinese set zh themselves
    i18n.use(i18n.ENGLISH)  # a library test must not read the language an earlier CLI run chose
    monkeypatch.setenv("LOGBOOK_LOCK_TIMEOUT", "10")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("LOGBOOK_ASCII", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "logbook.json"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self):
        return json.loads(self.stdout)


# Typer builds the click command from `app` on every CliRunner.invoke: some 80 ms, most of what
# a command costs in process. A real `logbook` builds it once per process; so do the tests.
_build_command = typer.testing._get_command
_app_command = None


def _command_once(typer_app):
    global _app_command
    if typer_app is not app:
        return _build_command(typer_app)
    if _app_command is None:
        _app_command = _build_command(app)
    return _app_command


typer.testing._get_command = _command_once


def run(*args: str, input: str | None = None) -> Run:
    """The real CLI in process."""
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def run_proc(*args: str, input: str | None = None, env: dict | None = None, timeout: float = 60) -> Run:
    """The real CLI as a separate process, as cron or a shell would start it."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    if env:
        full_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-m", "logbook", *args],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


class FullDisk:
    """A file handle on a full disk: every write fails with ENOSPC (the OS is simulated by
    wrapping what os.fdopen returns; the storage code runs unchanged)."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        import errno

        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.handle, name)


def add(*args: str) -> str:
    """Add an activity and return its full id."""
    result = run("add", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def registry():
    """A small registry: two streets, five communities, with aliases."""
    for name, street, aliases in [
        ("安贞西里社区", "安贞街道", ["安贞西里"]),
        ("安贞里社区", "安贞街道", []),
        ("黄寺社区", "安贞街道", []),
        ("和平街一社区", "和平街街道", []),
        ("和平街十一社区", "和平街街道", []),
    ]:
        args = ["community", "add", name, "--street", street]
        for alias in aliases:
            args += ["--alias", alias]
        result = run(*args)
        assert result.exit_code == 0, result.stderr


# -- helpers more than one test module uses -----------------------------------------------------

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare a whole output with its reviewed golden file. LOGBOOK_UPDATE_GOLDEN=1 rewrites
    the file instead; a rewritten file must be read and checked by hand before it is committed."""
    path = GOLDEN / name
    if os.environ.get("LOGBOOK_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """The mixed logbook of mixed_logbook.py, built once a module (read, never written)."""
    from mixed_logbook import build

    return build(tmp_path_factory.mktemp("mixed") / "logbook.json")


def listed(book, *args: str, command: str = "list") -> tuple[set[str], str]:
    """The ids a listing command gives on `book` (all of them, as JSON), and its stderr."""
    result = run("--db", str(book.path), command, "--all", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return {r["id"] for r in result.json}, result.stderr


def at_terminal(*args: str, env: dict | None = None, columns: int | None = None, check: bool = True) -> bytes:
    """`logbook ARGS` with its stdout and stderr on a pseudo-terminal, as a person sees it (colour
    on); with `check`, the command must succeed."""
    import pty

    leader, follower = pty.openpty()
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color", **(env or {}))
    if columns is not None:
        full_env["COLUMNS"] = str(columns)
    full_env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "logbook", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=full_env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    code = proc.wait(timeout=60)
    os.close(leader)
    if check:
        assert code == 0, b"".join(chunks)
    return b"".join(chunks)


def record(**fields) -> dict:
    """An exchange record of one activity, every field valid; `fields` change or add fields."""
    import uuid

    base = {
        "id": uuid.uuid4().hex,
        "date": "2025-03-27",
        "title": "垃圾分类志愿者培训会",
        "category": "培训",
        "communities": ["安贞西里社区"],
        "street": "安贞街道",
        "participants": 40,
        "participants_approx": False,
        "source": "typed",
        "author": "李社工",
        "created_at": "2025-03-27T08:00:00.000Z",
        "updated_at": "2025-03-27T08:00:00.000Z",
    }
    base.update(fields)
    return base


def envelope(activities=(), deleted=(), communities=()) -> dict:
    """The exchange file's envelope around these records, deletions and communities."""
    return {
        "format": "logbook",
        "version": 1,
        "exported_at": "2025-03-30T08:00:00.000Z",
        "author": "李社工",
        "communities": list(communities),
        "activities": list(activities),
        "deleted": list(deleted),
    }
