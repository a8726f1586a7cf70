"""`logbook import`: every shape and encoding it reads, the merge rules, validation before any
write, --dry-run, --on-conflict, --skip-invalid, several files in one transaction."""

import codecs
import json
import os
import re
import sys
import uuid

import pytest
from conftest import ROOT, add, envelope, record, run

STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def write(path, data, encoding="utf-8") -> str:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
    path.write_bytes(text.encode(encoding))
    return str(path)


def show(activity_id, *db):
    result = run(*db, "show", activity_id, "--format", "json")
    return result.json if result.exit_code == 0 else None


def activities(*db):
    return run(*db, "export").json["activities"]


def test_envelope_into_an_empty_logbook(tmp_path, db_path):
    a, b = record(), record(title="消防安全进社区", date="2025-03-20", participants=None)
    path = write(tmp_path / "in.json", envelope([a, b]))
    result = run("import", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +2 ~0 -0, 0 skipped\n"
    assert result.stderr == ""
    stored = show(a["id"])
    assert stored == {
        **{k: None for k in stored},
        **a,
        "start": None,
        "end": None,
        "organizers": [],
        "partners": [],
        "speakers": [],
        "groups": [],
        "tags": [],
        "location": None,
        "notes": None,
    }


def test_importing_the_same_file_twice_changes_nothing(tmp_path, db_path):
    path = write(
        tmp_path / "in.json",
        envelope(
            [record(), record(title="另一个")],
            [{"id": uuid.uuid4().hex, "deleted_at": "2025-03-28T00:00:00Z"}],
            [{"name": "安贞西里社区", "street": "安贞街道", "aliases": ["安贞西里"]}],
        ),
    )
    assert run("import", path).exit_code == 0
    before = db_path.read_bytes()
    history = (db_path.parent / "logbook.json.backups" / "history.json").read_bytes()
    again = run("import", path)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == f"import {path}: +0 ~0 -0, 2 skipped\n"
    assert again.stderr == "Nothing changed\n"
    assert db_path.read_bytes() == before
    assert (db_path.parent / "logbook.json.backups" / "history.json").read_bytes() == history


def test_the_newer_version_wins(tmp_path, db_path):
    ours = record(updated_at="2025-03-27T08:00:00.000Z")
    run("import", write(tmp_path / "a.json", envelope([ours])))
    theirs = dict(ours, title="垃圾分类志愿者培训会（第二期）", participants=45, updated_at="2025-03-28T09:30:00.000Z")
    result = run("import", write(tmp_path / "b.json", envelope([theirs])))
    assert result.stdout.endswith(": +0 ~1 -0, 0 skipped\n")
    assert show(ours["id"])["title"] == "垃圾分类志愿者培训会（第二期）"
    stale = dict(ours, title="旧标题", updated_at="2025-03-20T00:00:00Z")
    result = run("import", write(tmp_path / "c.json", envelope([stale])))
    assert result.stdout.endswith(": +0 ~0 -0, 1 skipped (1 stale)\n")
    assert show(ours["id"])["title"] == "垃圾分类志愿者培训会（第二期）"


def test_stamps_of_different_precision_compare_as_instants(tmp_path, db_path):
    ours = record(updated_at="2025-03-27T08:00:00.500Z")
    run("import", write(tmp_path / "a.json", envelope([ours])))
    # `…08:00:00Z` is half a second earlier, although as text it sorts after `…08:00:00.500Z`
    theirs = dict(ours, title="不该覆盖", updated_at="2025-03-27T08:00:00Z")
    result = run("import", write(tmp_path / "b.json", envelope([theirs])))
    assert result.stdout.endswith("1 skipped (1 stale)\n")
    assert show(ours["id"])["title"] == ours["title"]


@pytest.mark.parametrize(
    "policy, ours_stamp, theirs_stamp, title, line",
    [
        (
            "keep",
            "2025-03-27T08:00:00Z",
            "2025-03-28T08:00:00Z",
            "我们的",
            "kept ours (theirs is newer; --on-conflict keep)",
        ),
        (
            "replace",
            "2025-03-28T08:00:00Z",
            "2025-03-27T08:00:00Z",
            "他们的",
            "took theirs (ours is newer; --on-conflict replace)",
        ),
    ],
)
def test_on_conflict_keep_and_replace(tmp_path, db_path, policy, ours_stamp, theirs_stamp, title, line):
    ours = record(title="我们的", updated_at=ours_stamp)
    run("import", write(tmp_path / "a.json", envelope([ours])))
    theirs = dict(ours, title="他们的", updated_at=theirs_stamp)
    path = write(tmp_path / "b.json", envelope([theirs]))
    result = run("import", path, "--on-conflict", policy)
    assert result.exit_code == 0, result.stderr
    counts = "+0 ~1 -0, 0 skipped" if policy == "replace" else "+0 ~0 -0, 1 skipped"
    assert result.stdout == (f"import {path}: {counts}, 1 conflict\n  conflict {ours['id'][:8]} 我们的: {line}\n")
    assert show(ours["id"])["title"] == title


def test_newer_policy_by_default_and_a_bad_policy_is_a_usage_error(tmp_path):
    path = write(tmp_path / "a.json", envelope([record()]))
    result = run("import", path, "--on-conflict", "mine")
    assert result.exit_code == 2
    assert "mine" in result.stderr and "newer" in result.stderr


def test_same_stamp_different_content_is_a_conflict_settled_alike_everywhere(tmp_path):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    a = record(title="版本甲")
    b = dict(a, title="版本乙")
    fa, fb = write(tmp_path / "a.json", envelope([a])), write(tmp_path / "b.json", envelope([b]))
    run("--db", str(one), "import", fa)
    run("--db", str(two), "import", fb)
    r1 = run("--db", str(one), "import", fb)
    r2 = run("--db", str(two), "import", fa)
    assert "1 conflict" in r1.stdout and "same updated_at, different content" in r1.stdout
    assert "1 conflict" in r2.stdout
    assert show(a["id"], "--db", str(one)) == show(a["id"], "--db", str(two))


def test_a_newer_tombstone_deletes_an_older_one_does_not(tmp_path, db_path):
    gone, kept = record(), record(title="后来又改过", updated_at="2025-03-29T00:00:00Z")
    run("import", write(tmp_path / "a.json", envelope([gone, kept])))
    path = write(
        tmp_path / "b.json",
        envelope(
            deleted=[
                {"id": gone["id"], "deleted_at": "2025-03-28T00:00:00Z"},
                {"id": kept["id"], "deleted_at": "2025-03-28T00:00:00Z"},
            ]
        ),
    )
    result = run("import", path)
    assert result.stdout == f"import {path}: +0 ~0 -1, 0 skipped\n"
    assert show(gone["id"]) is None and show(kept["id"]) is not None
    assert [d["id"] for d in run("export").json["deleted"]] == [gone["id"]]


def test_a_record_deleted_here_later_stays_deleted_a_newer_one_comes_back(tmp_path, db_path):
    old, new = record(title="旧的"), record(title="新的", updated_at="2025-03-29T12:00:00Z")
    run("import", write(tmp_path / "a.json", envelope([old, new])))
    # tombstones stamped 2025-03-28 (earlier than `new` was edited, later than `old`)
    run(
        "import",
        write(
            tmp_path / "tomb.json",
            envelope(
                deleted=[
                    {"id": old["id"], "deleted_at": "2025-03-28T00:00:00Z"},
                ]
            ),
        ),
    )
    run("delete", new["id"], "--yes")  # deleted now: later than anything in the file
    path = write(tmp_path / "b.json", envelope([old, dict(new, updated_at="2025-03-29T13:00:00Z")]))
    result = run("import", path)
    assert result.stdout == f"import {path}: +0 ~0 -0, 2 skipped (2 stale)\n"
    assert show(old["id"]) is None and show(new["id"]) is None
    revived = dict(old, title="删除后又编辑", updated_at="2025-03-28T00:00:01Z")
    result = run("import", write(tmp_path / "c.json", envelope([revived])))
    assert result.stdout.endswith(": +1 ~0 -0, 0 skipped\n")
    assert show(old["id"])["title"] == "删除后又编辑"
    assert old["id"] not in [d["id"] for d in run("export").json["deleted"]]


def test_tombstones_for_unknown_records_are_kept_so_they_travel_on(tmp_path, db_path):
    stranger = uuid.uuid4().hex
    run(
        "import", write(tmp_path / "a.json", envelope(deleted=[{"id": stranger, "deleted_at": "2025-03-28T00:00:00Z"}]))
    )
    assert run("export").json["deleted"] == [{"id": stranger, "deleted_at": "2025-03-28T00:00:00Z"}]
    # a newer tombstone for it replaces the stamp, an older one does not
    run(
        "import", write(tmp_path / "b.json", envelope(deleted=[{"id": stranger, "deleted_at": "2025-03-29T00:00:00Z"}]))
    )
    run(
        "import", write(tmp_path / "c.json", envelope(deleted=[{"id": stranger, "deleted_at": "2025-03-01T00:00:00Z"}]))
    )
    assert run("export").json["deleted"] == [{"id": stranger, "deleted_at": "2025-03-29T00:00:00Z"}]


def test_bare_list_and_json_lines(tmp_path, db_path):
    a, b, c = record(), record(title="二"), record(title="三")
    listed = write(tmp_path / "list.json", [a, b])
    lines = write(tmp_path / "x.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in [b, c]) + "\n")
    result = run("import", listed, lines)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"import {listed}: +2 ~0 -0, 0 skipped\nimport {lines}: +1 ~0 -0, 1 skipped\ntotal: +3 ~0 -0, 1 skipped\n"
    )
    assert sorted(x["title"] for x in activities()) == sorted(["垃圾分类志愿者培训会", "二", "三"])


def test_one_record_of_json_lines(tmp_path, db_path):
    path = write(tmp_path / "one.jsonl", json.dumps(record(), ensure_ascii=False) + "\n")
    assert run("import", path).stdout.endswith(": +1 ~0 -0, 0 skipped\n")


HAND_MADE = (
    "date,title,communities,category,participants,notes\r\n"
    '2025/3/27,垃圾分类志愿者培训会,安贞西里,培训,40余,"第一行\n第二行, 有逗号"\r\n'
    "2025-03-28,楼道议事会,黄寺社区,会议,12,\r\n"
)


def test_rows_without_ids_match_on_date_title_and_community(tmp_path, db_path, registry):
    existing = add(
        "垃圾分类志愿者培训会",
        "--date",
        "2025-03-27",
        "--community",
        "安贞西里社区",
        "--category",
        "培训",
        "--people",
        "40余",
        "--note",
        "第一行\n第二行, 有逗号",
    )
    path = write(tmp_path / "hand.csv", HAND_MADE)
    result = run("import", path)
    assert result.exit_code == 0, result.stderr
    # the first row is the existing record, its date and community written differently; the
    # columns the sheet lacks (tags, author, ...) are left as the logbook has them
    assert result.stdout == f"import {path}: +1 ~0 -0, 1 skipped\n"
    rows = {a["title"]: a for a in activities()}
    assert rows["垃圾分类志愿者培训会"]["id"] == existing
    new = rows["楼道议事会"]
    assert new["street"] == "安贞街道"  # filled from the registry, as `add` does
    assert new["source"] == "import hand.csv" and new["author"] is None
    assert STAMP.match(new["created_at"]) and new["created_at"] == new["updated_at"]
    # the same sheet again changes nothing; a changed cell is an edit made now
    before = db_path.read_bytes()
    assert run("import", path).stdout == f"import {path}: +0 ~0 -0, 2 skipped\n"
    assert db_path.read_bytes() == before
    edited = write(tmp_path / "hand2.csv", HAND_MADE.replace(",12,", ",15,"))
    assert run("import", edited).stdout == f"import {edited}: +0 ~1 -0, 1 skipped\n"
    again = {a["title"]: a for a in activities()}["楼道议事会"]
    assert again["participants"] == 15 and again["id"] == new["id"]
    assert again["updated_at"] > new["updated_at"] and again["created_at"] == new["created_at"]
    assert again["source"] == "import hand.csv"
    # titles match folded: a row in Traditional characters is the same activity, edited
    traditional = write(
        tmp_path / "hand3.csv",
        HAND_MADE.replace(",12,", ",15,").replace("垃圾分类志愿者培训会", "垃圾分類志願者培訓會"),
    )
    assert run("import", traditional).stdout == f"import {traditional}: +0 ~1 -0, 1 skipped\n"
    assert show(existing)["title"] == "垃圾分類志願者培訓會"
    assert show(existing)["author"] == "王社工"


def test_records_with_ids_but_no_stamps_get_them(tmp_path, db_path):
    bare = {"id": uuid.uuid4().hex, "date": "2025-03-01", "title": "只有必填字段"}
    assert run("import", write(tmp_path / "a.json", [bare])).exit_code == 0
    stored = show(bare["id"])
    assert STAMP.match(stored["created_at"]) and stored["updated_at"] == stored["created_at"]
    assert stored["category"] == "其他" and stored["source"] is None


def test_csv_written_by_export_reads_back_with_all_fields(tmp_path, registry):
    ident = add(
        "消防演练",
        "--date",
        "2025-03-21",
        "--start",
        "9:00",
        "--end",
        "11:30",
        "--community",
        "黄寺",
        "--community",
        "安贞里社区",
        "--people",
        "30+",
        "--speaker",
        "李警官",
        "--group",
        "居民",
        "--group",
        "老人",
        "--location",
        "社区广场",
    )
    target = tmp_path / "x.csv"
    run("export", "--format", "csv", "-o", str(target))
    other = tmp_path / "other.json"
    assert run("--db", str(other), "import", str(target)).exit_code == 0
    assert show(ident, "--db", str(other)) == show(ident)


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", codecs.BOM_UTF8),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
    ],
)
def test_encodings_are_detected(tmp_path, db_path, encoding, bom):
    text = json.dumps([record(title="垃圾分类培训")], ensure_ascii=False)
    path = tmp_path / "in.json"
    path.write_bytes(bom + text.encode(encoding))
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(": +1 ~0 -0, 0 skipped\n")
    assert ("read as GBK" in result.stderr) == (encoding == "gbk")
    assert activities()[0]["title"] == "垃圾分类培训"


def test_encoding_can_be_named(tmp_path, db_path):
    text = "title,date\n消防培训,2025-03-01\n"
    path = tmp_path / "gb.csv"
    path.write_bytes(text.encode("gb18030"))
    assert run("import", str(path), "--encoding", "gb18030").exit_code == 0
    assert activities()[0]["title"] == "消防培训"
    wrong = run("import", str(path), "--encoding", "utf-8")
    assert wrong.exit_code == 1
    assert wrong.stderr == f"Error: {path} is not utf-8 text: bytes cf at offset 11\n"
    unknown = run("import", str(path), "--encoding", "klingon")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("Error: unknown encoding 'klingon' for --encoding")


def test_every_invalid_record_is_listed_and_nothing_is_written(tmp_path, db_path):
    add("已有的活动", "--people", "3")
    before = db_path.read_bytes()
    path = write(
        tmp_path / "bad.json",
        envelope(
            [
                record(),
                record(date="2025-02-30"),
                record(title=""),
                record(participants=-3),
                record(category="跳舞"),
                "不是对象",
            ]
        ),
    )
    result = run("import", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"  {path}, record 2, field date: date '2025-02-30' is not a real YYYY-MM-DD date\n"
        f"  {path}, record 3, field title: title is missing\n"
        f"  {path}, record 4, field participants: participants must be >= 0, got -3\n"
        f"  {path}, record 5, field category: category '跳舞' is not one of 培训 (training), 会议 "
        "(meeting), 志愿服务 (volunteer), 义诊 (health), 文化 (culture), 安全 (safety), 便民服务 "
        "(service), 党建 (party), 其他 (other)\n"
        f"  {path}, record 6: expected an object, got a string\n"
        f"Error: 5 records are invalid in {path}; nothing was imported (--skip-invalid imports the valid rest)\n"
    )
    assert db_path.read_bytes() == before


def test_csv_and_json_lines_problems_name_the_line(tmp_path, db_path):
    sheet = write(tmp_path / "bad.csv", 'title,date,participants\n好,2025-03-01,很多\n"两行\n标题",2025-13-01,3\n')
    lines = write(
        tmp_path / "bad.jsonl", json.dumps(record()) + "\n\n{oops\n" + json.dumps(record(start="25:00")) + "\n"
    )
    result = run("import", sheet, lines)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"  {sheet}, line 2, field participants: '很多' is not a head count: expected a whole number "
        "such as 40, or 40+ / 40余",
        f"  {sheet}, line 3, field date: date '2025-13-01' is not a real YYYY-MM-DD date",
        f"  {lines}, line 3: not valid JSON (unexpected character, expected a string key: line 1 column 2 (char 1))",
        f"  {lines}, line 4, field start: start '25:00' is not HH:MM",
        f"Error: 4 records are invalid in {sheet}, {lines}; nothing was imported (--skip-invalid "
        "imports the valid rest)",
    ]
    assert not db_path.exists()


def test_skip_invalid_imports_the_valid_rest(tmp_path, db_path):
    good = record()
    path = write(tmp_path / "bad.json", [good, record(date="2025-02-30")])
    result = run("import", path, "--skip-invalid")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +1 ~0 -0, 0 skipped\n"
    assert result.stderr == (
        f"Warning: skipped invalid {path}, record 2, field date: date '2025-02-30' is not a real YYYY-MM-DD date\n"
    )
    assert [a["id"] for a in activities()] == [good["id"]]


def test_dry_run_shows_the_summary_and_writes_nothing(tmp_path, db_path):
    first = record()
    run("import", write(tmp_path / "a.json", envelope([first])))
    before = db_path.read_bytes()
    path = write(
        tmp_path / "b.json",
        envelope([dict(first, title="改过", updated_at="2025-03-29T00:00:00Z"), record(title="新")]),
    )
    result = run("import", path, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"would import {path}: +1 ~1 -0, 0 skipped\n"
    assert result.stderr == "Dry run: nothing was written\n"
    assert db_path.read_bytes() == before


def test_dry_run_does_not_create_a_logbook(tmp_path, db_path):
    run("import", write(tmp_path / "a.json", [record()]), "--dry-run")
    assert not db_path.exists()


def test_several_files_are_one_change_undone_at_once(tmp_path, db_path):
    add("原有的", "--people", "1")
    a = write(tmp_path / "a.json", envelope([record(title="甲")]))
    b = write(tmp_path / "b.jsonl", json.dumps(record(title="乙"), ensure_ascii=False) + "\n")
    before = db_path.read_bytes()
    assert run("import", a, b).exit_code == 0
    assert len(activities()) == 3
    undo = run("undo")
    assert undo.stdout.startswith("Reverted: import a.json, b.jsonl: +1 ~0 -0, 0 skipped; +1 ~0 -0, 0 skipped")
    assert db_path.read_bytes() == before


def test_one_bad_file_among_several_writes_nothing(tmp_path, db_path):
    add("原有的", "--people", "1")
    before = db_path.read_bytes()
    good = write(tmp_path / "a.json", [record()])
    bad = write(tmp_path / "b.json", "{not json")
    result = run("import", good, bad)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad} is not valid JSON: ")
    assert db_path.read_bytes() == before


def test_registry_entries_merge(tmp_path, db_path):
    run("community", "add", "安贞西里社区", "--street", "安贞街道", "--alias", "安贞西里")
    run("community", "add", "黄寺社区", "--street", "安贞街道")
    path = write(
        tmp_path / "a.json",
        envelope(
            communities=[
                {"name": "安贞西里社区", "street": "安贞街道", "aliases": ["安贞西里", "安貞西裡"]},
                {"name": "黄寺社区", "street": "和平街街道", "aliases": []},
                {"name": "樱花园社区", "street": "和平街街道", "aliases": ["樱花园"]},
                {"name": "安華里社區", "street": None, "aliases": []},
            ]
        ),
    )
    result = run("import", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"import {path}: +0 ~0 -0, 0 skipped\n  registry: 2 communities added, 0 updated\n")
    assert result.stderr == (
        "Warning: community 黄寺社区: the file puts it in 和平街街道, this logbook in 安贞街道; kept 安贞街道\n"
    )
    listed = {c["name"]: c for c in run("community", "list", "--format", "json").json}
    assert listed["安贞西里社区"]["aliases"] == ["安贞西里"]  # 安貞西裡 already resolves to it
    assert listed["黄寺社区"]["street"] == "安贞街道"
    assert listed["樱花园社区"] == {
        "name": "樱花园社区",
        "street": "和平街街道",
        "aliases": ["樱花园"],
        "activities": 0,
    }
    assert "安華里社區" in listed
    assert run("import", path).stderr.endswith("Nothing changed\n")


def test_registry_merge_adds_aliases_and_a_missing_street(tmp_path, db_path):
    run("community", "add", "安贞里社区")
    path = write(
        tmp_path / "a.json",
        envelope(
            communities=[
                {"name": "安贞里社区", "street": "安贞街道", "aliases": ["安贞里", "安贞二里"]},
            ]
        ),
    )
    assert "registry: 0 communities added, 1 updated" in run("import", path).stdout
    listed = run("community", "list", "--format", "json").json
    assert listed == [{"name": "安贞里社区", "street": "安贞街道", "aliases": ["安贞二里"], "activities": 0}]


def test_the_sample_is_read_only_but_a_dry_run_works(tmp_path):
    path = write(tmp_path / "a.json", [record()])
    refused = run("--sample", "import", path)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: the sample logbook is read-only")
    dry = run("--sample", "import", path, "--dry-run")
    assert dry.exit_code == 0 and dry.stdout == f"would import {path}: +1 ~0 -0, 0 skipped\n"


def test_summary_as_json(tmp_path, db_path):
    ours = record(title="我们的", updated_at="2025-03-29T00:00:00Z")
    run("import", write(tmp_path / "a.json", [ours]))
    path = write(
        tmp_path / "b.json", [dict(ours, title="他们的", updated_at="2025-03-28T00:00:00Z"), record(title="新的")]
    )
    result = run("import", path, "--on-conflict", "replace", "--format", "json")
    data = result.json
    assert data["dry_run"] is False and data["changed"] is True
    (summary,) = data["files"]
    assert (summary["added"], summary["updated"], summary["deleted"], summary["skipped"]) == (1, 1, 0, 0)
    assert summary["conflicts"] == [
        {
            "id": ours["id"],
            "title": "我们的",
            "winner": "theirs",
            "reason": "ours is newer; --on-conflict replace",
        }
    ]
    assert (summary["shape"], summary["encoding"]) == ("list", "utf-8")


def test_user_text_in_the_summary_prints_literally(tmp_path, db_path):
    ours = record(title="\x1b[2J清屏[red]", updated_at="2025-03-28T00:00:00Z")
    run("import", write(tmp_path / "a.json", [ours]))
    path = write(tmp_path / "b.json", [dict(ours, title="x", updated_at="2025-03-29T00:00:00Z")])
    result = run("import", path, "--on-conflict", "keep")
    assert "\x1b" not in result.stdout
    assert "\\x1b[2J清屏[red]: kept ours" in result.stdout


def test_a_progress_bar_only_at_a_terminal(tmp_path):
    """A file big enough for the bar, imported once through a pseudo-terminal and once through
    pipes: the bar appears (and goes) on the terminal only, and both imports succeed."""
    pty = pytest.importorskip("pty")
    records = [record(title=f"活动{i}", notes="备注" * 600) for i in range(900)]
    path = write(tmp_path / "big.json", envelope(records))
    assert os.path.getsize(path) > 2_000_000
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100", TERM="xterm")
    env.pop("NO_COLOR", None)

    piped = __import__("subprocess").run(
        [sys.executable, "-m", "logbook", "--db", str(tmp_path / "piped.json"), "import", path],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stderr == b"" and piped.stdout.endswith(b": +900 ~0 -0, 0 skipped\n")

    out = bytearray()

    def read(fd):
        data = os.read(fd, 65536)
        out.extend(data)
        return data

    saved = os.environ.copy()
    os.environ.clear()
    os.environ.update(env)
    try:
        status = pty.spawn([sys.executable, "-m", "logbook", "--db", str(tmp_path / "tty.json"), "import", path], read)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert os.waitstatus_to_exitcode(status) == 0, out.decode(errors="replace")
    text = out.decode("utf-8", errors="replace")
    assert "reading" in text or "merging" in text
    assert ": +900 ~0 -0, 0 skipped" in text
