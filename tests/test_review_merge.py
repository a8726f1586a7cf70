"""What a hostile review of merging found: stamps from a clock set ahead that would win every
merge, a community rename that changes nothing but still rewrote every record, and imports so
large that one month file alone took gigabytes to read."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import add, run


def files_of(db_path: Path) -> dict[str, bytes]:
    """Every file the logbook keeps (main file, months, backups, history) by name, with its
    bytes; the lock file is only a lock."""
    folder = db_path.parent
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name.startswith(db_path.name) or (
            path.is_file() and path.parent.name.startswith(db_path.name)
        ):
            if not path.name.endswith(".lock"):
                out[str(path.relative_to(folder))] = path.read_bytes()
    return out


# -- 7. a rename that changes nothing writes nothing ----------------------------------------------


@pytest.fixture
def named(registry):
    """Two activities that name 安贞西里社区, one that does not."""
    return [
        add("垃圾分类志愿者培训会", "--community", "安贞西里", "--people", "40", "--date", "2025-03-27"),
        add("消防安全进社区", "--community", "安贞西里社区", "--community", "黄寺社区", "--date", "2025-03-20"),
        add("居民议事会", "--community", "黄寺社区", "--date", "2025-03-21"),
    ]


@pytest.mark.parametrize("old, new, said", [
    ("安贞西里社区", "安贞西里社区", "安贞西里社区 already has that name; nothing changed\n"),
    # the old name typed as an alias or in the other script: the same community
    ("安贞西里", "安贞西里社区", "安贞西里社区 already has that name; nothing changed\n"),
    ("安貞西裡社區", "安贞西里社区", "安贞西里社区 already has that name; nothing changed\n"),
    # the new name is the registered one in the other script or full-width: the same name
    ("安贞西里社区", "安貞西裡社區",
     "安貞西裡社區 is 安贞西里社区 written another way (script, width or case); nothing changed\n"),
    ("安贞西里", " 安貞西裡社區 ",
     "安貞西裡社區 is 安贞西里社区 written another way (script, width or case); nothing changed\n"),
])
def test_a_rename_to_the_same_name_writes_nothing(named, db_path, old, new, said):
    before = files_of(db_path)
    records = run("export").json["activities"]
    result = run("community", "rename", old, new)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", said)
    assert files_of(db_path) == before  # no month, no main file, no backup, no undo entry
    assert run("export").json["activities"] == records
    assert run("community", "rename", old, new, "--no-keep-alias").stderr == said
    assert files_of(db_path) == before


def test_undo_after_a_rename_that_changed_nothing_reverts_the_change_before_it(named):
    assert run("community", "rename", "安贞西里社区", "安贞西里社区").exit_code == 0
    undone = run("undo")
    assert undone.exit_code == 0
    assert undone.stdout.startswith("Reverted: add ")


def test_a_rename_that_drops_the_suffix_is_a_real_rename(named):
    """With or without 社区 resolves to the same community, but it is a different name to read
    in every listing and report, so asking for it renames."""
    result = run("community", "rename", "安贞西里社区", "安贞西里")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Renamed 安贞西里社区 to 安贞西里; 2 activities rewritten\n"
    [c] = [c for c in run("community", "list", "--format", "json").json if c["name"] == "安贞西里"]
    assert c["aliases"] == ["安贞西里社区"]
    assert run("show", named[0], "--format", "json").json["communities"] == ["安贞西里"]
    assert run("show", named[2], "--format", "json").json["communities"] == ["黄寺社区"]
