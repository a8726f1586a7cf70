"""What a hostile review found about output and input paths: `-o` aimed at the logbook's own
files, escape sequences reaching a terminal through machine formats, arguments that are not
UTF-8, a closed stdin or a broken editor, and paths that are not files (a device, a FIFO, an
empty name). Each ends in one `Error:` line with its exit code, and loses nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import add, run


def one_error(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("Error: "), stderr
    return stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# -- 3. no -o may overwrite the logbook's own files ----------------------------------------------


@pytest.fixture
def two_months(db_path):
    add("消防安全培训", "--date", "2025-03-20", "--community", "安贞西里社区")
    add("垃圾分类宣传", "--date", "2025-02-10", "--community", "黄寺社区")
    return db_path


def _own_files(db: Path) -> dict[str, Path]:
    month = next(p for p in sorted(db.with_name(db.name + ".d").iterdir()) if p.name.startswith("2025-03"))
    return {
        "main file": db,
        "month file": month,
        "new file in the month folder": month.with_name("新.json"),
        "history": db.with_name(db.name + ".backups") / "history.json",
        "new file in the backups": db.with_name(db.name + ".backups") / "x.json",
        "lock": db.with_name(db.name + ".lock"),
        "main file through ..": db.parent / "子" / ".." / db.name,
        "month through ..": db.with_name(db.name + ".d") / ".." / (db.name + ".d") / month.name,
    }


COMMANDS = {
    "export json": ["export"],
    "export csv": ["export", "--format", "csv"],
    "digest": ["digest", "--week", "2025-W12"],
    "digest html": ["digest", "--week", "2025-W12", "--format", "html"],
}


OWN_FILES = [
    "main file", "month file", "new file in the month folder", "history", "new file in the backups",
    "lock", "main file through ..", "month through ..",
]


@pytest.mark.parametrize("target", OWN_FILES)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_output_option_writes_over_the_logbooks_own_files(two_months, tmp_path, command, target):
    (tmp_path / "子").mkdir()
    before = snapshot(tmp_path)
    path = _own_files(two_months)[target]
    result = run(*COMMANDS[command], "-o", str(path))
    assert result.exit_code == 2, result.stderr
    message = one_error(result.stderr)
    assert str(path) in message and "expected a file outside the logbook" in message
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_symlink_to_the_logbook_or_its_folder_is_refused_too(two_months, tmp_path, command):
    link = tmp_path / "链接.json"
    link.symlink_to(two_months)
    folder_link = tmp_path / "月份"
    folder_link.symlink_to(two_months.with_name(two_months.name + ".d"))
    before = snapshot(tmp_path)
    for path in (link, folder_link / "x.json"):
        result = run(*COMMANDS[command], "-o", str(path))
        assert result.exit_code == 2, result.stderr
        assert str(path) in one_error(result.stderr)
    assert snapshot(tmp_path) == before
    assert link.is_symlink()


def test_the_refusal_says_what_the_path_is(two_months):
    result = run("digest", "-o", str(two_months))
    assert result.stderr == (
        f"Error: -o {two_months} is the logbook itself; expected a file outside the logbook "
        "and its folders\n"
    )
    month_dir = two_months.with_name(two_months.name + ".d")
    result = run("export", "-o", str(month_dir / "a.json"))
    assert result.stderr == (
        f"Error: -o {month_dir / 'a.json'} is inside the logbook's folder {month_dir}; "
        "expected a file outside the logbook and its folders\n"
    )


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_directory_is_refused_as_an_output_file(two_months, tmp_path, command):
    result = run(*COMMANDS[command], "-o", str(tmp_path))
    assert result.exit_code == 2
    assert one_error(result.stderr) == f"Error: -o {tmp_path} is a directory; expected a file name\n"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_file_beside_the_logbook_is_written(two_months, tmp_path, command):
    target = tmp_path / "logbook.json.d.txt"  # a name that only starts like the folder
    result = run(*COMMANDS[command], "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.stat().st_size > 0
