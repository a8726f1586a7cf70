"""`logbook edit`, `delete` and `undo`."""

import json
import sys
import textwrap

from conftest import add, run


def record(activity_id):
    return run("show", activity_id, "--format", "json").json


def test_edit_fields_and_lists():
    activity_id = add("议事会", "--tag", "旧", "--people", "10")
    before = record(activity_id)
    result = run(
        "edit",
        activity_id[:6],
        "--title",
        "楼道堆物议事协商会",
        "--date",
        "3月20日",
        "--people",
        "30余",
        "--category",
        "会议",
        "--add-tag",
        "楼道治理",
        "--remove-tag",
        "旧",
        "--add-speaker",
        "毕宇珠",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Updated {activity_id[:8]}")
    after = record(activity_id)
    assert after["title"] == "楼道堆物议事协商会"
    assert after["date"] == "2025-03-20"
    assert (after["participants"], after["participants_approx"]) == (30, True)
    assert after["category"] == "会议"
    assert after["tags"] == ["楼道治理"]
    assert after["speakers"] == ["毕宇珠"]
    assert after["created_at"] == before["created_at"]
    assert after["updated_at"] > before["updated_at"]


def test_edit_clear_and_nothing_to_change():
    activity_id = add("议事会", "--people", "10", "--location", "活动室")
    assert run("edit", activity_id, "--clear", "people", "--clear", "location").exit_code == 0
    after = record(activity_id)
    assert after["participants"] is None and after["location"] is None
    nothing = run("edit", activity_id)
    assert nothing.exit_code == 2
    assert nothing.stderr.startswith("Error: nothing to change")
    bad = run("edit", activity_id, "--clear", "title")
    assert bad.exit_code == 2


def test_edit_invalid_value_leaves_file_unchanged(db_path):
    activity_id = add("议事会")
    before = db_path.read_bytes()
    for args in (
        ["--date", "2025-02-30"],
        ["--people", "很多"],
        ["--title", "x" * 201],
        ["--start", "25:00"],
        ["--category", "跳舞"],
    ):
        result = run("edit", activity_id, *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert db_path.read_bytes() == before


def test_edit_with_editor_validates_on_save(tmp_path, monkeypatch):
    activity_id = add("议事会", "--people", "10")
    script = tmp_path / "fake_editor.py"
    script.write_text(
        textwrap.dedent("""
        import json, sys
        path = sys.argv[1]
        with open(path, encoding="utf-8") as f:
            rec = json.loads("".join(line for line in f if not line.startswith("#")))
        rec["title"] = "改过的标题"
        rec["participants"] = int(__import__("os").environ.get("NEW_PEOPLE", "12"))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(rec, f, ensure_ascii=False)
    """),
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = run("edit", activity_id, "--editor")
    assert result.exit_code == 0, result.stderr
    assert record(activity_id)["title"] == "改过的标题"
    assert record(activity_id)["participants"] == 12
    monkeypatch.setenv("NEW_PEOPLE", "-3")
    bad = run("edit", activity_id, "--editor")
    assert bad.exit_code == 2
    # Saved twice with the same fault: the editor reopened once, then the edit gave up.
    assert bad.stderr == (
        "Error: the edited record is invalid: participants must be >= 0, got -3; nothing was changed\n"
    )
    assert record(activity_id)["participants"] == 12


def test_editor_missing():
    activity_id = add("议事会")
    result = run("edit", activity_id, "--editor")
    assert result.exit_code == 2
    assert "EDITOR" in result.stderr


def test_delete_needs_yes_without_terminal_and_leaves_tombstone(db_path):
    keep = add("保留")
    gone = add("删除")
    refused = run("delete", gone)
    assert refused.exit_code == 2
    assert "pass --yes" in refused.stderr
    result = run("delete", gone[:5], "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Deleted {gone[:8]}: 删除\n"
    assert [r["id"] for r in run("list", "--format", "json").json] == [keep]
    data = json.loads(db_path.read_text(encoding="utf-8"))
    [tomb] = data["deleted"].values()
    assert tomb["id"] == gone and tomb["deleted_at"].endswith("Z")
    assert run("show", gone).exit_code == 1


def test_delete_unknown_id_deletes_nothing(db_path):
    one = add("一")
    before = db_path.read_bytes()
    result = run("delete", one, "deadbeef", "--yes")
    assert result.exit_code == 1
    assert db_path.read_bytes() == before


def test_undo_walks_back_and_says_what():
    first = add("第一")
    second = add("第二")
    run("edit", second, "--title", "第二改")
    result = run("undo")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Reverted: edit {second[:8]} 第二改")
    assert record(second)["title"] == "第二"
    assert run("undo").stdout.startswith(f"Reverted: add {second[:8]} 第二")
    assert [r["id"] for r in run("list", "--format", "json").json] == [first]
    assert run("undo").exit_code == 0
    assert run("list", "--format", "json").json == []
    nothing = run("undo")
    assert nothing.exit_code == 1
    assert nothing.stderr == "Error: nothing to undo: the kept history is empty\n"


def test_undo_of_delete_brings_it_back():
    one = add("一")
    run("delete", one, "--yes")
    assert run("undo").exit_code == 0
    assert record(one)["title"] == "一"
