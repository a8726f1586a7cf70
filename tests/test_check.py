"""`logbook check`: each kind of finding, exit 0 when clean and 1 with the list, --fix for what
is safe only (in one undoable change), --format json."""

import pytest
from conftest import add, run
from logbook_files import rewrite_activities, stored_activities


def test_a_clean_logbook(registry):
    add("消防安全培训", "--community", "安贞西里", "--people", "30", "--date", "2025-03-27")
    add("居民议事会", "--community", "黄寺社区", "--people", "12")
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr == "No problems found in 2 activities\n"


def test_an_empty_logbook_is_clean(db_path):
    result = run("check")
    assert (result.exit_code, result.stderr) == (0, "No problems found in 0 activities\n")
    assert not db_path.exists()


@pytest.fixture
def troubled():
    """A logbook with one of each finding; the alias arrived after the record that used it."""
    ids = {}
    ids["future"] = add("春季运动会", "--date", "2025-04-02", "--people", "80")
    ids["alias"] = add("楼道议事会", "--community", "安贞西里", "--people", "9", "--date", "2025-03-25")
    run("community", "add", "安贞西里社区", "--street", "安贞街道", "--alias", "安贞西里")
    ids["dup1"] = add("消防培训", "--community", "安贞西里社区", "--people", "3", "--date", "2025-03-20")
    ids["dup2"] = add("消防培訓", "--community", "安貞西裡社區", "--people", "3", "--date", "2025-03-20")
    ids["unknown"] = add("义诊", "--community", "安贞西里二社区", "--people", "20", "--date", "2025-03-21")
    ids["nocount"] = add("书法交流", "--community", "安贞西里社区", "--date", "2025-03-22")
    return ids


def test_every_kind_of_finding_is_listed(troubled):
    i = {k: v[:8] for k, v in troubled.items()}
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"duplicate   {i['dup1']} {i['dup2']}  2025-03-20 消防培训 (安贞西里社区): 2 records\n"
        f"future      {i['future']}           2025-04-02 春季运动会: after today (2025-03-30)\n"
        # each kind oldest first, as the records are kept
        f"community   {i['unknown']}           '安贞西里二社区' is not in the registry; did you mean 安贞西里社区?\n"
        f"community   {i['alias']}           '安贞西里' is 安贞西里社区 in the registry (--fix)\n"
        f"street      {i['alias']}           2025-03-25 楼道议事会: no street; the registry puts 安贞西里 in 安贞街道 (--fix)\n"
        f"head-count  {i['nocount']}           2025-03-22 书法交流: no head count\n"
    )
    assert result.stderr == "6 problems found in 6 activities; 2 can be fixed with --fix\n"


def test_fix_resolves_aliases_and_fills_streets_in_one_change(troubled, db_path):
    before = run("show", troubled["alias"], "--format", "json").json
    untouched = {k: run("show", v, "--format", "json").json for k, v in troubled.items() if k != "alias"}
    result = run("check", "--fix")
    assert result.exit_code == 1  # what cannot be fixed safely is still there
    assert "(--fix)" not in result.stdout
    assert result.stdout.count("\n") == 4
    assert result.stderr == "Fixed 1 activity\n4 problems found in 6 activities\n"
    after = run("show", troubled["alias"], "--format", "json").json
    assert after["communities"] == ["安贞西里社区"] and after["street"] == "安贞街道"
    assert after["updated_at"] > before["updated_at"]  # an edit: it travels in the next export
    assert {k: before[k] for k in before if k not in ("communities", "street", "updated_at")} == {
        k: after[k] for k in after if k not in ("communities", "street", "updated_at")
    }
    for key, record in untouched.items():
        assert run("show", record["id"], "--format", "json").json == record, key
    fixed = db_path.read_bytes()
    undo = run("undo")
    assert undo.stdout.startswith("Reverted: check --fix: 1 activity")
    assert run("show", troubled["alias"], "--format", "json").json == before
    assert db_path.read_bytes() != fixed


def test_fix_leaves_a_clean_logbook_clean_and_unwritten(registry, db_path):
    add("消防安全培训", "--community", "安贞西里", "--people", "30")
    before = db_path.read_bytes()
    result = run("check", "--fix")
    assert (result.exit_code, result.stderr) == (0, "No problems found in 1 activity\n")
    assert db_path.read_bytes() == before


def test_fix_ending_clean_exits_0(db_path):
    add("楼道议事会", "--community", "安贞西里", "--people", "9")
    run("community", "add", "安贞西里社区", "--street", "安贞街道", "--alias", "安贞西里")
    result = run("check", "--fix")
    assert result.exit_code == 0
    assert result.stderr == "Fixed 1 activity\nNo problems found in 1 activity\n"


def test_json_findings(troubled):
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    data = result.json
    assert data["ok"] is False and data["checked"] == 6 and data["fixed"] == []
    kinds = [(p["kind"], p["fixable"]) for p in data["problems"]]
    assert kinds == [
        ("duplicate", False),
        ("future", False),
        ("community", False),
        ("community", True),
        ("street", True),
        ("head-count", False),
    ]
    assert data["problems"][0]["ids"] == [troubled["dup1"], troubled["dup2"]]


def _corrupt(db_path, **changes):
    """Edit the first stored record by hand, as someone with a text editor might."""
    edited = []

    def change(records):
        if edited:
            return
        doc = records[0]
        for key, value in changes.items():
            if value is ...:
                doc.pop(key)
            else:
                doc[key] = value
        edited.append(doc["id"])

    rewrite_activities(db_path, change)
    return edited[0]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"date": "2025-02-30"}, "date '2025-02-30' is not a real YYYY-MM-DD date ("),
        ({"participants": "很多"}, "participants must be a whole number >= 0, got '很多' ("),
        ({"tags": "不是列表"}, "tags must be a list of names, got a string ("),
        ({"category": "跳舞"}, "category '跳舞' is not one of 培训 (training), 会议"),
    ],
)
def test_schema_problems_in_a_hand_edited_file(db_path, changes, message):
    add("消防安全培训", "--people", "30")
    ident = _corrupt(db_path, **changes)
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"schema      {ident[:8]}           {message}")


def test_fix_leaves_unreadable_records_as_they_are(db_path):
    add("楼道议事会", "--community", "安贞西里", "--people", "9")
    add("消防安全培训", "--people", "30")
    run("community", "add", "安贞西里社区", "--street", "安贞街道", "--alias", "安贞西里")
    docs = stored_activities(db_path)
    assert len(docs) == 2  # both in this month's file
    rewrite_activities(db_path, lambda records: records[1].pop("title"))
    broken = stored_activities(db_path)[1]
    listed = run("check")
    assert listed.exit_code == 1
    assert f"schema      {docs[1]['id'][:8]}           title is missing (" in listed.stdout
    result = run("check", "--fix")
    assert result.exit_code == 1  # the record without a title is still there, and still listed
    assert "Fixed 1 activity" in result.stderr
    assert broken in stored_activities(db_path)
    assert [r["communities"] for r in stored_activities(db_path) if "title" in r] == [["安贞西里社区"]]


def test_a_damaged_logbook_is_a_data_file_error(db_path):
    db_path.write_text("{broken", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {db_path} is not valid JSON")


def test_the_sample_logbook_can_be_checked():
    result = run("--sample", "check")
    assert result.exit_code == 1
    kinds = {line.split()[0] for line in result.stdout.splitlines()}
    assert kinds == {"future", "head-count"}  # the sample runs past the pinned today


def test_user_text_in_findings_prints_literally():
    add("\x1b[2J[red]清屏", "--date", "2025-03-01")
    result = run("check")
    assert "\x1b" not in result.stdout
    assert "2025-03-01 \\x1b[2J[red]清屏: no head count" in result.stdout
