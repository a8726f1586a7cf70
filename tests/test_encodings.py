"""What reaches stdout whatever the console's encoding: Chinese tables instead of a traceback
on a console that cannot encode them, UTF-8 for machine formats, a BOM only in a file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, add


def _raw(args: list[str], env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    full = dict(os.environ, PYTHONPATH=str(ROOT))
    full.pop("PYTHONIOENCODING", None)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "logbook", *args], env=full, stdout=stdout, stderr=subprocess.PIPE, timeout=60
    )


@pytest.fixture
def one_activity():
    return add("消防安全培训", "-c", "黄寺社区", "--date", "2025-03-20", "--people", "40+")


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
    ids=["ascii", "C-locale"],
)
def test_a_console_that_cannot_encode_chinese_gets_utf8_not_a_traceback(one_activity, env):
    for args in (["list"], ["show", one_activity[:8]], ["show", "zzzz"]):
        proc = _raw(args, env)
        assert b"Traceback" not in proc.stderr, proc.stderr
    proc = _raw(["list"], env)
    assert proc.returncode == 0
    assert "消防安全培训".encode() in proc.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "md"])
def test_machine_formats_are_utf8_under_a_gb18030_console(one_activity, fmt):
    proc = _raw(["list", "--format", fmt], {"PYTHONIOENCODING": "gb18030"})
    assert proc.returncode == 0
    assert "消防安全培训".encode() in proc.stdout


def test_csv_into_a_pipe_has_no_bom_and_into_a_file_has_one(one_activity, tmp_path):
    piped = _raw(["list", "--format", "csv"])
    assert piped.stdout.startswith(b"id,date,")
    target = tmp_path / "ledger.csv"
    with target.open("wb") as handle:
        assert _raw(["list", "--format", "csv"], stdout=handle).returncode == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid,date,")
