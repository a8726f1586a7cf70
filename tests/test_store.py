"""The data file: missing, empty, broken, newer, a directory, a dangling link; backups; locks."""

import json
import os

import pytest
from conftest import FullDisk, add, run

from logbook.models import Activity
from logbook.storage import SCHEMA_VERSION, Store


def test_missing_file_is_a_new_logbook(db_path):
    result = run("list", "--format", "json")
    assert result.exit_code == 0 and result.json == []
    assert not db_path.exists()  # reading creates nothing
    add("第一条")
    assert db_path.exists()


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b'{"activities": {"1": ', "is not valid JSON"),
        (b"[1, 2, 3]", "is not a logbook"),
        (b'{"activities": {"1": {"id": "x"}}}', "has no _meta table"),
    ],
)
def test_damaged_file_is_exit_3_and_never_overwritten(db_path, content, reason):
    db_path.write_bytes(content)
    for args in (["list"], ["add", "新的"]):
        result = run(*args)
        assert result.exit_code == 3, result.stderr
        assert result.stderr.startswith(f"Error: {db_path} {reason}")
        assert "no backup was found" in result.stderr
        assert db_path.read_bytes() == content


def test_damaged_file_names_the_newest_backup(db_path):
    add("一")
    add("二")
    db_path.write_bytes(b"")
    result = run("list")
    assert result.exit_code == 3
    backups = sorted((db_path.parent / "logbook.json.backups").glob("0*-logbook.json"))
    assert str(backups[-1]) in result.stderr  # the newest backup, never history.json


def test_newer_schema_is_refused_untouched(db_path):
    add("一")
    data = json.loads(db_path.read_text(encoding="utf-8"))
    data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = db_path.read_bytes()
    for args in (["list"], ["add", "x"], ["show", "abcd"]):
        result = run(*args)
        assert result.exit_code == 3
        assert "written by a newer logbook" in result.stderr
    assert db_path.read_bytes() == before


def test_directory_and_dangling_symlink(tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    result = run("--db", str(folder), "add", "x")
    assert result.exit_code == 3
    assert result.stderr == f"Error: {folder} is a directory, not a logbook file\n"
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "missing.json")
    result = run("--db", str(link), "list")
    assert result.exit_code == 3
    assert "symbolic link to a missing file" in result.stderr
    assert link.is_symlink()


def test_symlink_to_a_logbook_is_written_through(tmp_path, db_path):
    add("一")
    link = tmp_path / "link.json"
    link.symlink_to(db_path)
    assert run("--db", str(link), "add", "二").exit_code == 0
    assert link.is_symlink()
    assert len(run("list", "--format", "json").json) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run("--db", str(folder / "lb.json"), "add", "x")
        assert result.exit_code == 3
        assert result.stderr.startswith("Error: ")
    finally:
        folder.chmod(0o700)


def test_backups_rotate_and_are_bounded(db_path, monkeypatch):
    import logbook.storage.history as history_mod

    monkeypatch.setattr(history_mod, "HISTORY_MAX_ENTRIES", 5)
    for i in range(9):
        add(f"活动{i}")
    backups = sorted((db_path.parent / "logbook.json.backups").glob("*.json"))
    names = [b.name for b in backups if b.name != "history.json"]
    assert len(names) == 5
    assert names[-1].startswith("000009") or names[-1].startswith("000008")


def test_lock_timeout_is_exit_3(db_path, monkeypatch):
    from filelock import FileLock

    add("一")
    monkeypatch.setenv("LOGBOOK_LOCK_TIMEOUT", "0.2")
    before = db_path.read_bytes()
    with FileLock(str(db_path) + ".lock"):
        result = run("add", "二")
    assert result.exit_code == 3
    assert "is locked by another logbook process" in result.stderr
    assert db_path.read_bytes() == before
    assert run("list").exit_code == 0  # reading needs no lock


def test_failed_transaction_writes_nothing(db_path):
    add("一")
    before = db_path.read_bytes()
    store = Store(db_path)
    with pytest.raises(RuntimeError):
        with store.transaction("x") as tx:
            tx.add(
                Activity(
                    id="a" * 32,
                    date="2025-01-01",
                    title="半途",
                    created_at="2025-01-01T00:00:00Z",
                    updated_at="2025-01-01T00:00:00Z",
                )
            )
            raise RuntimeError("boom")
    assert db_path.read_bytes() == before


def test_disk_full_is_a_clear_error_and_nothing_changes(db_path, monkeypatch):

    add("一")
    before = db_path.read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    result = run("add", "二")
    assert result.exit_code == 3
    assert result.stderr == f"Error: cannot write {db_path}: the disk is full. The logbook was left as it was\n"
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert db_path.read_bytes() == before
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]
