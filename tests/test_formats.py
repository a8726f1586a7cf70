"""Machine formats of every listing (list, search, community list): json, jsonl, csv, md, read
back by real parsers, in the field order the README documents."""

import csv
import io
import json
import re

import pytest
from conftest import ROOT, add, run, run_proc

from logbook.formats import FIELD_ORDER, LIST_FIELDS, Format, split_list

# Names that break naive joining: separators (ASCII and full-width), commas, quotes, line breaks,
# backslashes, Markdown pipes.
AWKWARD = ["甲;乙", "丙；丁", "张三,李四", '“引号”与"quotes"', "第一行\n第二行", "C:\\路径\\", "a|b", "末尾\\"]


@pytest.fixture
def awkward():
    """A logbook of two activities whose names hold every awkward character."""
    first = add(
        "议事会，讨论“停车”|收费",
        "--date",
        "2025-03-27",
        "--people",
        "40余",
        *[arg for name in AWKWARD for arg in ("--tag", name)],
        "--partner",
        "律所;分所",
        "--speaker",
        '王"老师"',
        "--organizer",
        "居委会\n党委",
        "--group",
        "居民,志愿者",
        "--community",
        "安贞西里社区",
        "--note",
        "备注，含逗号\n和换行",
        "--location",
        "活动室 | 二层",
    )
    second = add("培训", "--date", "2025-03-28")
    return [second, first]  # newest first


def records(*args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.json


def read_csv(text: str) -> list[dict]:
    # In process stdout is no file: no BOM (a file gets one, see tests/test_encodings.py).
    assert not text.startswith("\ufeff"), "CSV into a pipe carries no BOM"
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames is not None
    return list(reader)


def csv_record(row: dict) -> dict:
    """A CSV row turned back into a record the way an importer would."""
    out = {}
    for name in FIELD_ORDER:
        cell = row[name]
        if name in LIST_FIELDS:
            out[name] = split_list(cell)
        elif name == "participants":
            out[name] = int(cell) if cell else None
        elif name == "participants_approx":
            assert cell in ("true", "false")
            out[name] = cell == "true"
        else:
            out[name] = cell or None
    return out


def read_md(text: str) -> list[list[str]]:
    """The cells of a Markdown table: split at unescaped pipes, escapes undone."""
    rows = []
    for line in text.splitlines():
        assert line.startswith("|") and line.endswith("|"), line
        cells = re.split(r"(?<!\\)\|", line[1:-1])
        rows.append([c.strip().replace("\\|", "|").replace("\\\\", "\\") for c in cells])
    return rows


# -- json and jsonl ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "-无此词"]])
def test_json_is_an_array_of_full_records_in_the_documented_order(awkward, command):
    got = records(*command)
    assert [r["id"] for r in got] == awkward
    for record in got:
        assert list(record) == list(FIELD_ORDER)
        assert record == run("show", record["id"], "--format", "json").json
    first = got[1]
    assert first["tags"] == AWKWARD
    assert first["participants"] == 40 and first["participants_approx"] is True


def test_json_has_no_unicode_escapes(awkward):
    text = run("list", "--format", "json").stdout
    assert "\\u" not in text and "停车" in text


@pytest.mark.parametrize("command", [["list"], ["search", "-无此词"]])
def test_jsonl_is_one_full_record_a_line(awkward, command):
    lines = run(*command, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == records(*command)


# -- csv ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "-无此词"]])
def test_csv_reads_back_with_the_csv_module_and_split_list(awkward, command):
    result = run(*command, "--format", "csv")
    rows = read_csv(result.stdout)
    assert list(rows[0]) == list(FIELD_ORDER)
    assert [csv_record(r) for r in rows] == records(*command)
    assert rows[1]["notes"] == "备注，含逗号\n和换行"


def test_csv_from_a_real_process_reads_back_as_bytes(awkward):
    result = run_proc("list", "--format", "csv")
    raw = result.stdout.encode("utf-8")
    assert raw.startswith(b"id,date,")  # a pipe: no BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert split_list(rows[1]["tags"]) == AWKWARD


def test_three_hundred_mixed_records_survive_csv(book):
    as_json = records("--db", str(book.path), "list", "--all")
    text = run("--db", str(book.path), "list", "--all", "--format", "csv").stdout
    assert [csv_record(r) for r in read_csv(text)] == as_json
    assert len(as_json) == 300


# -- md ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "-无此词"]])
def test_md_is_a_table_of_the_main_fields(awkward, command):
    rows = read_md(run(*command, "--format", "md").stdout)
    header, rule, *body = rows
    assert header == ["id", "date", "title", "category", "communities", "street", "participants"]
    assert all(set(cell) <= {"-"} for cell in rule)
    assert [r[0] for r in body] == [i[:8] for i in awkward]
    assert body[1][2] == "议事会，讨论“停车”|收费"
    assert body[1][4:] == ["安贞西里社区", "", "40+"]
    assert all(len(r) == len(header) for r in body)


# -- empty listings ----------------------------------------------------------------------------


def test_an_empty_listing_in_every_format():
    assert run("list", "--format", "json").stdout == "[]\n"
    assert run("list", "--format", "jsonl").stdout == ""
    assert read_csv(run("list", "--format", "csv").stdout) == []
    text = run("search", "无", "--format", "csv").stdout
    assert read_csv(text) == [] and text.splitlines() == [",".join(FIELD_ORDER)]
    assert len(read_md(run("search", "无", "--format", "md").stdout)) == 2


# -- community list ----------------------------------------------------------------------------


@pytest.fixture
def communities():
    for args in (
        ["芍药居十社区", "--street", "太阳宫地区", "--alias", "芍药居10;旧名", "--alias", "芍藥居十"],
        ["芍药居二社区", "--street", "太阳宫地区"],
        ["安贞西里社区", "--street", "安贞街道", "--alias", "安贞西里"],
    ):
        assert run("community", "add", *args).exit_code == 0
    add("活动", "--community", "芍药居十")
    add("活动", "--community", "芍藥居十社區")
    return [
        {"name": "安贞西里社区", "street": "安贞街道", "aliases": ["安贞西里"], "activities": 0},
        {"name": "芍药居二社区", "street": "太阳宫地区", "aliases": [], "activities": 0},
        {"name": "芍药居十社区", "street": "太阳宫地区", "aliases": ["芍药居10;旧名", "芍藥居十"], "activities": 2},
    ]


def test_community_list_json_and_jsonl(communities):
    assert run("community", "list", "--format", "json").json == communities
    lines = run("community", "list", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == communities


def test_community_list_csv_reads_back(communities):
    rows = read_csv(run("community", "list", "--format", "csv").stdout)
    assert list(rows[0]) == ["name", "street", "aliases", "activities"]
    back = [
        {
            "name": r["name"],
            "street": r["street"] or None,
            "aliases": split_list(r["aliases"]),
            "activities": int(r["activities"]),
        }
        for r in rows
    ]
    assert back == communities


def test_community_list_md(communities):
    header, _, *body = read_md(run("community", "list", "--format", "md").stdout)
    assert header == ["name", "street", "aliases", "activities"]
    assert [r[0] for r in body] == [c["name"] for c in communities]
    assert body[2][3] == "2"


# -- documented --------------------------------------------------------------------------------


def test_the_readme_documents_the_field_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("Fields always come in this order") :]
    paragraph = paragraph[: paragraph.index("\n\n")]
    order = paragraph.split(":", 1)[1].split(". Unknown values")[0]
    assert tuple(re.findall(r"`([a-z_]+)`", order)) == FIELD_ORDER
    after = paragraph.split("`community list`")[1]
    assert re.findall(r"`([a-z_]+)`", after) == ["name", "street", "aliases", "activities"]


# Every command with --format (its words, then what it needs to run): each value its --help
# offers must work, and a value it does not offer must be refused in one line (import-text
# offered the formats of other commands and crashed on them).
FORMAT_COMMANDS = [
    (("list",), ()),
    (("search",), ("议事",)),
    (("show",), ("{id}",)),
    (("community", "list"), ()),
    (("import-text",), ("{report}", "--dry-run", "--year", "2025")),
    (("export",), ()),
    (("import",), ("{exchange}",)),
    (("check",), ()),
    (("report",), ("--by", "community")),
    (("digest",), ()),
]


@pytest.mark.parametrize(("command", "needs"), FORMAT_COMMANDS, ids=lambda c: " ".join(c))
def test_every_format_a_command_offers_works_and_no_other(command, needs, tmp_path):
    assert run("community", "add", "安贞西里社区", "--street", "安贞街道").exit_code == 0
    activity = add(
        "社区议事会", "--date", "2025-03-27", "--community", "安贞西里社区", "--people", "30", "--category", "会议"
    )
    report = tmp_path / "report.txt"
    report.write_text("青禾社区开展邻里议事会\n3月21日上午,青禾社区召开议事会,30余名居民参加。\n", encoding="utf-8")
    exchange = tmp_path / "in.jsonl"
    exchange.write_text('{"date": "2025-03-02", "title": "青禾社区义诊"}\n', encoding="utf-8")
    args = [*command, *(part.format(id=activity, report=report, exchange=exchange) for part in needs)]
    match = re.search(r"--format\s+(\w+(?:\|\w+)+)", run(*command, "--help").stdout)
    assert match
    offered = match.group(1).split("|")
    for fmt in offered:
        # A workbook is a file: named with -o.
        out = ("-o", str(tmp_path / "out.xlsx")) if fmt == "xlsx" else ()
        result = run(*args, *out, "--format", fmt)
        assert result.exit_code == 0, (fmt, result.stderr)
    unoffered = next(f.value for f in Format if f.value not in offered)
    refused = run(*args, "--format", unoffered)
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        f"Error: invalid value {unoffered!r} for --format: expected one of {', '.join(offered)}"
    ]
