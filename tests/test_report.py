"""`logbook report`: rollups cross-checked against `list` under the same filters, period grids,
approximate and missing head counts, activities reaching several communities, the orders, the
formats, and the errors."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest
from conftest import ROOT, add, check_golden, run, run_proc

BY = ("community", "street", "category", "tag", "organizer", "month", "week")


def report(*args: str, sample: bool = False) -> dict:
    result = run(*(["--sample"] if sample else []), "report", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.json


def _keys(record: dict, by: str) -> list:
    if by == "community":
        keys = list(dict.fromkeys(record["communities"]))
    elif by == "street":
        keys = [record["street"]] if record["street"] else []
    elif by == "category":
        keys = [record["category"]]
    elif by == "tag":
        keys = list(dict.fromkeys(record["tags"]))
    elif by == "organizer":
        keys = list(dict.fromkeys(record["organizers"]))
    elif by == "month":
        keys = [record["date"][:7]]
    else:
        y, w, _ = date.fromisoformat(record["date"]).isocalendar()
        keys = [f"{y}-W{w:02d}"]
    return keys or [None]


def _expected(records: list[dict], by: str) -> dict:
    """What a rollup must say, counted independently from `list --all --format json`."""
    out: dict = {}
    for r in records:
        for key in _keys(r, by):
            g = out.setdefault(
                key,
                {
                    "activities": 0,
                    "participants": 0,
                    "participants_approx": False,
                    "without_count": 0,
                    "communities": set(),
                    "categories": Counter(),
                },
            )
            g["activities"] += 1
            if r["participants"] is None:
                g["without_count"] += 1
            else:
                g["participants"] += r["participants"]
                g["participants_approx"] |= r["participants_approx"]
            g["communities"] |= set(r["communities"])
            g["categories"][r["category"]] += 1
    return out


FILTERS = [
    [],
    ["--month", "2025-03"],
    ["--week", "2025-W14"],
    ["--street", "安贞"],
    ["--category", "safety"],
    ["--tag", "消防"],
    ["--min-people", "30"],
    ["--from", "2025-04-10", "--to", "4/20"],
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: " ".join(f) or "all")
@pytest.mark.parametrize("by", BY)
def test_report_numbers_match_the_list_under_the_same_filter(by, flt):
    listed = run("--sample", "list", "--all", "--format", "json", *flt).json
    data = report("--by", by, *flt, sample=True)
    expected = _expected(listed, by)
    got = {g["group"]: g for g in data["groups"]}
    if by in ("month", "week"):
        # the range's empty periods are rows too, with zeros
        assert {k for k, g in got.items() if g["activities"]} == set(expected)
    else:
        assert set(got) == set(expected)
    for key, want in expected.items():
        g = got[key]
        assert (g["activities"], g["participants"], g["participants_approx"], g["without_count"]) == (
            want["activities"],
            want["participants"],
            want["participants_approx"],
            want["without_count"],
        ), key
        assert g["communities"] == len(want["communities"]), key
        top = want["categories"].most_common()
        assert [t["activities"] for t in g["top_categories"]] == [n for _, n in top][:3], key
    total = data["total"]
    assert total["activities"] == len(listed)
    assert total["participants"] == sum(r["participants"] or 0 for r in listed)
    assert total["without_count"] == sum(r["participants"] is None for r in listed)
    assert total["participants_approx"] == any(r["participants_approx"] for r in listed)
    assert total["communities"] == len({c for r in listed for c in r["communities"]})


def test_report_by_community_filtered_to_communities(registry):
    add("联合议事会", "--community", "安贞西里", "--community", "黄寺社区", "--people", "30")
    add("义诊", "--community", "黄寺社区", "--people", "40余")
    add("培训", "--community", "和平街一社区")
    data = report("--by", "community", "--community", "黄寺")
    assert [g["group"] for g in data["groups"]] == ["黄寺社区"]  # not its partner 安贞西里
    listed = run("list", "--community", "黄寺", "--all", "--format", "json").json
    assert data["groups"][0]["activities"] == len(listed) == 2


def test_several_communities_count_once_each_and_once_in_the_total(registry):
    add(
        "街道联席会",
        "--community",
        "安贞西里",
        "--community",
        "安贞里社区",
        "--community",
        "黄寺社区",
        "--people",
        "30",
    )
    add("入户宣传", "--community", "黄寺社区", "--people", "12")
    data = report("--by", "community")
    rows = {g["group"]: (g["activities"], g["participants"]) for g in data["groups"]}
    assert rows == {"黄寺社区": (2, 42), "安贞里社区": (1, 30), "安贞西里社区": (1, 30)}
    assert (data["total"]["activities"], data["total"]["participants"]) == (2, 42)
    assert data["total"]["communities"] == 3
    # activities desc, then ties in pinyin order: 安贞里 (anzhenli) before 安贞西里 (anzhenxili)
    assert [g["group"] for g in data["groups"]] == ["黄寺社区", "安贞里社区", "安贞西里社区"]


def test_approximate_and_missing_head_counts(registry):
    add("消防演练", "--community", "黄寺社区", "--people", "80余", "--category", "安全")
    add("消防宣传", "--community", "黄寺社区", "--people", "20", "--category", "安全")
    add("消防检查", "--community", "黄寺社区", "--category", "安全")
    add("议事会", "--community", "安贞里社区", "--people", "15", "--category", "会议")
    data = report("--by", "category")
    safety, meeting = data["groups"]
    assert safety == {
        "group": "安全",
        "activities": 3,
        "participants": 100,
        "participants_approx": True,
        "without_count": 1,
        "communities": 1,
        "top_categories": [{"category": "安全", "activities": 3}],
    }
    assert meeting["participants_approx"] is False and meeting["without_count"] == 0
    table = run("report", "--by", "category").stdout
    lines = table.splitlines()
    assert lines[0].split() == ["Category", "Activities", "Participants", "No", "count", "Communities"]
    assert lines[1].split() == ["安全", "3", "100+", "1", "1"]
    assert lines[2].split() == ["会议", "1", "15", "0", "1"]
    assert lines[3].split() == ["Total", "4", "115+", "1", "2"]


def test_groups_without_a_value_and_ties_in_pinyin_order():
    add("甲", "--tag", "重阳节", "--date", "2025-03-20")
    add("乙", "--tag", "安全", "--date", "2025-03-21")
    add("丙", "--tag", "长者", "--date", "2025-03-22")
    add("丁", "--date", "2025-03-23")
    data = report("--by", "tag")
    # one each: 安全 an, 长者 chang (a place-name reading), 重阳节 chong; no tag last
    assert [g["group"] for g in data["groups"]] == ["安全", "长者", "重阳节", None]
    assert "(none)" in run("report", "--by", "tag").stdout


def test_report_period_grid(registry):
    add("三月活动", "--date", "2025-03-05", "--community", "黄寺社区", "--people", "10")
    add("三月活动二", "--date", "2025-03-06", "--community", "黄寺社区", "--people", "5+")
    add("五月活动", "--date", "2025-05-20", "--community", "安贞里社区", "--people", "20")
    data = report("--by", "community", "--period", "month")
    assert data["periods"] == ["2025-03", "2025-04", "2025-05"]  # April is empty and still there
    rows = {g["group"]: [(p["period"], p["activities"]) for p in g["periods"]] for g in data["groups"]}
    assert rows == {
        "黄寺社区": [("2025-03", 2), ("2025-04", 0), ("2025-05", 0)],
        "安贞里社区": [("2025-03", 0), ("2025-04", 0), ("2025-05", 1)],
    }
    march = data["groups"][0]["periods"][0]
    assert (march["participants"], march["participants_approx"]) == (15, True)
    assert [p["activities"] for p in data["total"]["periods"]] == [2, 0, 1]
    table = run("report", "--by", "community", "--period", "month").stdout.splitlines()
    assert table[0].split() == [
        "Community",
        "2025-03",
        "2025-04",
        "2025-05",
        "Activities",
        "Participants",
        "No",
        "count",
    ]
    assert table[1].split() == ["黄寺社区", "2", "0", "0", "2", "15+", "0"]
    assert table[2].split() == ["安贞里社区", "0", "0", "1", "1", "20", "0"]
    assert table[3].split() == ["Total", "2", "0", "1", "3", "35+", "0"]
    # the filter's dates set the range, even where they hold nothing
    data = report("--by", "community", "--period", "week", "--from", "2025-02-24", "--to", "2025-03-09")
    assert data["periods"] == ["2025-W09", "2025-W10"]
    assert [p["activities"] for p in data["total"]["periods"]] == [0, 2]
    quarters = report("--by", "street", "--period", "quarter")
    assert quarters["periods"] == ["2025-Q1", "2025-Q2"]
    assert [p["activities"] for p in quarters["total"]["periods"]] == [2, 1]


def test_report_by_week_runs_through_empty_weeks():
    add("第一周", "--date", "2025-03-03")
    add("第三周", "--date", "2025-03-19")
    add("第三周二", "--date", "2025-03-20")
    data = report("--by", "week")
    assert [(g["group"], g["activities"]) for g in data["groups"]] == [
        ("2025-W10", 1),
        ("2025-W11", 0),
        ("2025-W12", 2),
    ]  # calendar order, not by count


def test_report_sample_table_with_chart_whole():
    out = run("--sample", "report", "--by", "street", "--period", "week", "--chart").stdout
    check_golden("report-sample-street-week-chart.txt", out)


def test_report_sample_markdown_whole():
    out = run("--sample", "report", "--by", "community", "--month", "2025-03", "--format", "md").stdout
    check_golden("report-sample-community-2025-03.md", out)


def test_report_csv_reads_back():
    add("议事会", "--people", "12", "--category", "会议", "--tag", "停车")
    add("宣传", "--people", "30余", "--category", "安全", "--tag", "停车")
    out = run("report", "--by", "tag", "--format", "csv").stdout
    assert not out.startswith("\ufeff")  # into a pipe a BOM would break `cut` and `head`
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows == [
        {
            "tag": "停车",
            "activities": "2",
            "participants": "42",
            "participants_approx": "true",
            "without_count": "0",
            "communities": "0",
            "top_categories": "安全 1;会议 1",
        },
        {
            "tag": "Total",
            "activities": "2",
            "participants": "42",
            "participants_approx": "true",
            "without_count": "0",
            "communities": "0",
            "top_categories": "安全 1;会议 1",
        },
    ]


def test_report_csv_keeps_its_bom_in_a_file_and_reads_the_language(tmp_path, monkeypatch):
    add("宣传", "--people", "30余", "--category", "安全", "--tag", "停车")
    target = tmp_path / "统计.csv"
    result = run("report", "--by", "tag", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote the report to {target}\n"
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode("utf-8"))  # for Excel and WPS
    # stdout redirected into a file (`> report.csv`) is a file too
    with (tmp_path / "out.csv").open("w", encoding="utf-8") as handle:
        code = subprocess.run(
            [sys.executable, "-m", "logbook", "report", "--by", "tag", "-f", "csv"],
            stdout=handle,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        ).returncode
    assert code == 0
    assert (tmp_path / "out.csv").read_bytes() == data
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    out = run("report", "--by", "tag", "--format", "csv").stdout
    assert out.splitlines() == [
        "标签,活动数,参与人数,人数含约数,未记人数,覆盖社区,主要类别",
        "停车,1,30,true,0,0,安全 1",
        "合计,1,30,true,0,0,安全 1",
    ]
    assert run("report", "--by", "tag", "--format", "json").json == report("--by", "tag")


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_report_files_for_programs_are_utf8_whatever_the_locale(fmt):
    # A GB18030 or ASCII console must not turn a file meant for programs into its own encoding.
    add("宣传", "--people", "30", "--category", "安全", "--tag", "停车")
    expected = run_proc("report", "--by", "tag", "-f", fmt)
    for encoding in ("gb18030", "ascii"):
        result = subprocess.run(
            [sys.executable, "-m", "logbook", "report", "--by", "tag", "-f", fmt],
            capture_output=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING=encoding),
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode("utf-8").replace("\r\n", "\n") == expected.stdout


def test_report_as_a_spreadsheet(tmp_path, monkeypatch):
    from openpyxl import load_workbook

    target = tmp_path / "统计.xlsx"
    result = run("--sample", "report", "--by", "street", "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    data = report("--by", "street", sample=True)
    sheet = load_workbook(target).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Activities by street (participant sums include approximate counts)"
    assert rows[1] == ["Street", "Activities", "Participants", "No count", "Communities", "Top categories"]
    body = rows[2:]
    assert [r[0] for r in body] == [r["group"] or "(none)" for r in data["groups"]] + ["Total"]
    assert [r[1:4] for r in body[:-1]] == [
        [r["activities"], r["participants"], r["without_count"]] for r in data["groups"]
    ]
    assert body[-1][1:4] == [data["total"]["activities"], data["total"]["participants"], data["total"]["without_count"]]
    assert all(isinstance(v, int) for r in body for v in r[1:5])

    # with --period, one column a period; the headings in the reader's language
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run("--sample", "report", "--by", "category", "--period", "month", "-f", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    grid = report("--by", "category", "--period", "month", sample=True)
    rows = [list(r) for r in load_workbook(target).active.iter_rows(values_only=True)]
    assert rows[1] == ["类别", *grid["periods"], "活动数", "参与人数", "未记人数"]
    assert rows[-1][0] == "合计"
    assert rows[-1][1:-3] == [c["activities"] for c in grid["total"]["periods"]]
    assert [r[0] for r in rows[2:-1]] == [r["group"] for r in grid["groups"]]


def test_a_workbook_goes_to_a_pipe_and_is_refused_to_a_terminal(tmp_path, monkeypatch):
    from openpyxl import load_workbook

    target = tmp_path / "统计.xlsx"
    assert run("--sample", "report", "--by", "street", "-f", "xlsx", "-o", str(target)).exit_code == 0
    piped = subprocess.run(  # stdout is a pipe
        [sys.executable, "-m", "logbook", "--sample", "report", "--by", "street", "-f", "xlsx"],
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout[:2] == b"PK"  # a zip archive: the workbook's bytes, not text
    (tmp_path / "piped.xlsx").write_bytes(piped.stdout)

    def cells(path):
        return [list(r) for r in load_workbook(path).active.iter_rows(values_only=True)]

    assert cells(tmp_path / "piped.xlsx") == cells(target)

    import logbook.commands.reports as reports

    monkeypatch.setattr(reports, "stdout_is_terminal", lambda: True)
    result = run("--sample", "report", "-f", "xlsx")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: an .xlsx workbook is not for the terminal; write it with -o FILE\n",
    )


def test_user_text_in_a_report_prints_literally():
    add("标题", "--tag", "[red]红\x1b[31m")
    out = run("report", "--by", "tag").stdout
    assert "\x1b" not in out and "[red]红\\x1b[31m" in out
    md = run("report", "--by", "tag", "--format", "md").stdout
    assert "\x1b" not in md and "| [red]红\\\\x1b[31m | 1 |" in md  # md escapes the backslash


def test_empty_report_is_zeros(db_path):
    from logbook.storage import Store

    with Store(db_path).transaction("fixture") as tx:
        tx.set_communities([])
    result = run("report")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].split() == ["Total", "0", "0", "0"]
    assert "No activities match" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--by", "district"],
            "Error: invalid value 'district' for --by: expected one of community, "
            "street, category, tag, organizer, month, week",
        ),
        (["--period", "year"], "Error: invalid value 'year' for --period: expected one of week, month, quarter"),
        (["--format", "jsonl"], "Error: invalid value 'jsonl' for --format: expected one of table, json, csv, md"),
        (["--month", "2025-13"], "Error: invalid month '2025-13'"),
        (
            ["--period", "week", "--from", "2020-01-01", "--to", "2025-01-01"],
            "Error: 2020-01-01 to 2025-01-01 spans 262 weeks, too many for --period week",
        ),
    ],
)
def test_bad_values_are_one_line_exit_2(args, message, db_path):
    add("一条")
    before = db_path.read_bytes()
    result = run("report", *args)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert db_path.read_bytes() == before
