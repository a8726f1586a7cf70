"""The tools the project holds itself to, as configured in pyproject.toml: mypy finds nothing in
the logbook package, and ruff finds nothing to lint or reformat in the tree."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.slow  # a cold run checks every module: several seconds
def test_mypy_finds_nothing_in_the_package():
    pytest.importorskip("mypy", reason="mypy comes with the test extras: pip install -e '.[test]'")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(f"mypy found problems:\n{proc.stdout}{proc.stderr}", pytrace=False)


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_finds_nothing(command):
    pytest.importorskip("ruff", reason="ruff comes with the test extras: pip install -e '.[test]'")
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--quiet", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(f"ruff {' '.join(command)} found problems:\n{proc.stdout}{proc.stderr}", pytrace=False)
