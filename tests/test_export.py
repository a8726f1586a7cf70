"""`logbook export`: the exchange envelope, JSON Lines, CSV for spreadsheets, Markdown; filters,
tombstones, -o FILE, --encoding gbk; and the files read back by their real consumers."""

import csv
import io
import json
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, add, run

from logbook.models import FIELD_ORDER

STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


@pytest.fixture
def two_activities(registry):
    first = add(
        "垃圾分类志愿者培训会",
        "--date",
        "2025-03-27",
        "--community",
        "安贞西里",
        "--category",
        "培训",
        "--people",
        "40余",
        "--tag",
        "垃圾分类",
    )
    second = add(
        "消防安全进社区",
        "--date",
        "2025-03-20",
        "--community",
        "和平街一社区",
        "--category",
        "安全",
        "--people",
        "25",
        "--partner",
        "安贞消防救援站",
    )
    return first, second


def test_envelope_shape_and_fields(two_activities):
    first, second = two_activities
    result = run("export")
    assert result.exit_code == 0, result.stderr
    data = result.json
    assert list(data) == ["format", "version", "exported_at", "author", "communities", "activities", "deleted"]
    assert data["format"] == "logbook" and data["version"] == 1
    assert STAMP.match(data["exported_at"])
    assert data["author"] == "王社工"
    assert [c["name"] for c in data["communities"]] == [
        "安贞西里社区",
        "安贞里社区",
        "黄寺社区",
        "和平街一社区",
        "和平街十一社区",
    ]
    assert data["communities"][0] == {"name": "安贞西里社区", "street": "安贞街道", "aliases": ["安贞西里"]}
    # oldest first, every field in the documented order
    assert [a["id"] for a in data["activities"]] == [second, first]
    assert all(list(a) == list(FIELD_ORDER) for a in data["activities"])
    training = data["activities"][1]
    assert training["communities"] == ["安贞西里社区"] and training["street"] == "安贞街道"
    assert training["participants"] == 40 and training["participants_approx"] is True
    assert data["deleted"] == []
    assert result.stderr == "Exported 2 activities\n"


def test_the_envelope_has_one_entry_of_each_list_a_line(two_activities, db_path):
    first, second = two_activities
    run("delete", first, "--yes")
    add("第三条", "--date", "2025-01-05", "--note", 'a "quoted" },{"id": inside')
    raw = run("export").stdout
    lines = raw.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and raw.endswith("}\n")
    assert lines[1:5] == ['  "format": "logbook",', '  "version": 1,', lines[3], '  "author": "王社工",']
    records = [line for line in lines if line.startswith('    {"id":') and '"deleted_at"' not in line]
    assert [json.loads(line.rstrip(","))["id"] for line in records] == [
        json.loads(raw)["activities"][i]["id"] for i in range(2)
    ]
    assert json.loads(records[0].rstrip(","))["notes"] == 'a "quoted" },{"id": inside'  # one line, not split
    [tombstone] = [line for line in lines if '"deleted_at"' in line]
    assert json.loads(tombstone)["id"] == first
    assert '  "activities": [' in lines and '  "deleted": [' in lines


def test_an_empty_export_is_a_whole_envelope(db_path):
    raw = run("export").stdout
    assert json.loads(raw)["activities"] == [] and '"activities": [],' in raw


def test_months_not_known_to_be_in_order_are_sorted(db_path):
    from logbook_files import main_tables, rewrite_activities

    ids = [add(f"活动{i}", "--date", f"2025-03-{10 + i}") for i in range(3)]
    rewrite_activities(db_path, lambda records: records.reverse())
    data = main_tables(db_path)
    for entry in data["periods"].values():
        del entry["sorted"]  # as written before months were kept oldest first
    db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [a["id"] for a in run("export").json["activities"]] == ids


def test_an_export_that_fails_midway_leaves_the_old_file(two_activities, tmp_path, db_path):
    """The export is written while the months are read: a damaged later month stops it, and
    the file it was to replace stays as it was."""
    from logbook_files import month_files

    target = tmp_path / "out.json"
    target.write_text("旧的导出", encoding="utf-8")
    add("更早的一个月", "--date", "2024-06-01")
    first, last = month_files(db_path)
    last.write_text("{ 坏了", encoding="utf-8")
    result = run("export", "-o", str(target))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {last} is not valid JSON")
    assert target.read_text(encoding="utf-8") == "旧的导出"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_a_reader_that_stops_reading_ends_the_export_quietly(tmp_path):
    """`logbook export | head`: no traceback, no summary of what nobody read, exit 0."""
    import os
    import sys

    from mixed_logbook import build

    book = build(tmp_path / "logbook.json")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "logbook", "--db", str(book.path), "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout.read(100).startswith(b'{\n  "format": "logbook"')
    proc.stdout.close()  # far more than a pipe holds is still to come
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""
    assert len(run("--db", str(book.path), "export").stdout.encode()) > 2 * 65536  # twice what a pipe holds


def test_utf8_without_escapes_except_control_characters():
    add("社区\x1b[31m消防\x07培训", "--people", "10", "--note", "“引号”与\t制表符")
    raw = run("export").stdout.encode("utf-8")
    assert "社区".encode() in raw and "“引号”".encode() in raw
    escapes = re.findall(rb"\\u[0-9a-fA-F]{4}", raw)
    assert escapes == [b"\\u001b", b"\\u0007"]  # JSON cannot carry those raw; nothing else escaped
    record = json.loads(raw)["activities"][0]
    assert record["title"] == "社区\x1b[31m消防\x07培训"
    assert record["notes"] == "“引号”与\t制表符"


def test_deletions_travel_in_the_envelope(two_activities):
    first, second = two_activities
    assert run("delete", first, "--yes").exit_code == 0
    result = run("export")
    data = result.json
    assert [a["id"] for a in data["activities"]] == [second]
    assert len(data["deleted"]) == 1
    assert list(data["deleted"][0]) == ["id", "deleted_at"]
    assert data["deleted"][0]["id"] == first and STAMP.match(data["deleted"][0]["deleted_at"])
    assert result.stderr == "Exported 1 activity and 1 deletions\n"


def test_filters_select_activities_and_leave_tombstones_out(two_activities):
    first, second = two_activities
    gone = add("已删除的活动", "--date", "2025-03-21", "--people", "3")
    run("delete", gone, "--yes")
    by_community = run("export", "--community", "安贞西里")
    assert [a["id"] for a in by_community.json["activities"]] == [first]
    assert by_community.json["deleted"] == []  # a filtered export carries no tombstones ...
    asked = run("export", "--community", "安贞西里", "--deleted").json
    assert [d["id"] for d in asked["deleted"]] == [gone]  # ... unless asked
    assert run("export", "--no-deleted").json["deleted"] == []
    for args, expected in [
        (("--on", "2025-03-20"), [second]),
        (("--week", "2025-W13"), [first]),
        (("--month", "2025-03", "--category", "安全"), [second]),
        (("--street", "和平街街道"), [second]),
        (("--tag", "垃圾分类"), [first]),
        (("--min-people", "30"), [first]),
        (("--from", "2025-03-28"), []),
    ]:
        result = run("export", *args)
        assert result.exit_code == 0, result.stderr
        assert [a["id"] for a in result.json["activities"]] == expected, args


def test_output_file_is_written_atomically_and_stdout_stays_empty(two_activities, tmp_path):
    target = tmp_path / "out" / "安贞.json"
    target.parent.mkdir()
    result = run("export", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Exported 2 activities to {target}\n"
    on_disk = json.loads(target.read_text(encoding="utf-8"))
    again = run("export").json
    on_disk.pop("exported_at"), again.pop("exported_at")
    assert on_disk == again
    assert [p.name for p in target.parent.iterdir()] == ["安贞.json"]  # no temp file left


def test_output_into_a_missing_folder_or_onto_a_folder(two_activities, tmp_path):
    missing = run("export", "-o", str(tmp_path / "nowhere" / "x.json"))
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: cannot write ") and "nowhere" in missing.stderr
    folder = run("export", "-o", str(tmp_path))
    assert folder.exit_code == 2
    assert folder.stderr == f"Error: -o {tmp_path} is a directory; expected a file name\n"


def test_empty_logbook_exports_a_valid_empty_envelope():
    data = run("export").json
    assert (data["activities"], data["deleted"], data["communities"]) == ([], [], [])


def test_sample_logbook_exports_read_only():
    result = run("--sample", "export", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 120
    assert all(json.loads(line)["id"] for line in lines)


def test_jsonl_is_one_activity_a_line_and_says_deletions_are_left_out(two_activities):
    first, second = two_activities
    run("delete", first, "--yes")
    result = run("export", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [second]
    assert "1 deletions are not in this file: only --format json carries them" in result.stderr


def test_markdown_table(two_activities):
    out = run("export", "--format", "md").stdout.splitlines()
    assert out[0] == "| id | date | title | category | communities | street | participants |"
    assert out[3].endswith("| 垃圾分类志愿者培训会 | 培训 | 安贞西里社区 | 安贞街道 | 40+ |")


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jq_reads_the_envelope(two_activities, tmp_path):
    target = tmp_path / "x.json"
    run("export", "-o", str(target))
    titles = subprocess.run(
        ["jq", "-r", '.activities[] | [.date, .title, (.communities | join(","))] | @tsv', str(target)],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert titles == "2025-03-20\t消防安全进社区\t和平街一社区\n2025-03-27\t垃圾分类志愿者培训会\t安贞西里社区\n"
    count = subprocess.run(["jq", ".activities | length", str(target)], capture_output=True, check=True)
    assert count.stdout == b"2\n"


def test_a_strict_json_reader_reads_the_envelope(two_activities, tmp_path):
    """What the jq test proves, with a reader that is always present."""
    target = tmp_path / "x.json"
    run("export", "-o", str(target))
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # JSON has no BOM
    data = json.loads(raw.decode("utf-8", errors="strict"), parse_constant=pytest.fail)
    rows = [(a["date"], a["title"], ",".join(a["communities"])) for a in data["activities"]]
    assert rows == [
        ("2025-03-20", "消防安全进社区", "和平街一社区"),
        ("2025-03-27", "垃圾分类志愿者培训会", "安贞西里社区"),
    ]


NOTES = '第一行，有逗号, 还有"引号"\n第二行；分号\r\n第三行 \\ 反斜杠'


def test_csv_with_multiline_notes_commas_and_quotes_reads_back(tmp_path, registry):
    ident = add(
        '议事协商会, "楼道"治理',
        "--date",
        "2025-03-18",
        "--people",
        "12",
        "--community",
        "黄寺",
        "--note",
        NOTES,
        "--tag",
        "楼道;治理",
        "--tag",
        "议事",
        "--organizer",
        "张三\\李四",
    )
    target = tmp_path / "x.csv"
    result = run("export", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel and WPS read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == list(FIELD_ORDER)
    assert row["title"] == '议事协商会, "楼道"治理'
    assert row["notes"] == NOTES
    assert row["tags"] == "楼道\\;治理;议事"
    # and back through import, into a new logbook
    other = tmp_path / "other.json"
    back = run("--db", str(other), "import", str(target))
    assert back.exit_code == 0, back.stderr
    assert back.stdout == f"import {target}: +1 ~0 -0, 0 skipped\n"
    original = run("show", ident, "--format", "json").json
    copy = run("--db", str(other), "show", ident, "--format", "json").json
    assert copy == original
    assert copy["tags"] == ["楼道;治理", "议事"] and copy["organizers"] == ["张三\\李四"]


def test_csv_in_gbk_for_old_excel(two_activities, tmp_path):
    target = tmp_path / "gbk.csv"
    result = run("export", "--format", "csv", "--encoding", "gbk", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.decode("gbk"), newline="")))
    assert [r["title"] for r in rows] == ["消防安全进社区", "垃圾分类志愿者培训会"]
    other = tmp_path / "other.json"
    back = run("--db", str(other), "import", str(target))
    assert back.exit_code == 0, back.stderr
    assert "was read as GBK" in back.stderr
    assert run("--db", str(other), "export").json["activities"] == run("export").json["activities"]


def test_gbk_cannot_hold_every_character_and_says_which_record(tmp_path):
    add("普通的活动", "--date", "2025-03-01", "--people", "5")
    odd = add("𠮷野家志愿服务", "--date", "2025-03-02", "--people", "5")
    target = tmp_path / "gbk.csv"
    result = run("export", "--format", "csv", "--encoding", "gbk", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: record {odd[:8]} (2025-03-02 𠮷野家志愿服务) has '𠮷' (U+20BB7) in title, which GBK "
        "cannot hold; export in UTF-8 (the default) instead, or edit the record\n"
    )
    assert not target.exists()
    assert result.stdout == ""


def test_gbk_is_only_for_csv():
    result = run("export", "--format", "json", "--encoding", "gbk")
    assert result.exit_code == 2
    assert result.stderr == "Error: --encoding gbk is for --format csv (old Excel); json is always UTF-8\n"


def test_export_then_import_into_an_empty_logbook_gives_the_same_records(two_activities, tmp_path):
    first, _ = two_activities
    run("edit", first, "--add-tag", "已编辑")
    target = tmp_path / "x.json"
    run("export", "-o", str(target))
    other = tmp_path / "other.json"
    assert run("--db", str(other), "import", str(target)).exit_code == 0
    mine, theirs = run("export").json, run("--db", str(other), "export").json
    assert theirs["activities"] == mine["activities"]
    assert theirs["communities"] == mine["communities"]


def test_export_never_overwrites_the_logbook_itself(two_activities, db_path):
    before = db_path.read_bytes()
    result = run("export", "-o", str(db_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: -o {db_path} is the logbook itself; expected a file outside the logbook and its folders\n"
    )
    assert db_path.read_bytes() == before
