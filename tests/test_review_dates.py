"""Dates at and past the edges of the supported range, 1900-01-01 to 2199-12-31: refused with one
line wherever they come in (typed options, LOGBOOK_TODAY, imported files, written reports),
computed without a crash at the edges (a week that runs into 2200, the week before 1900), and
left out of the counts, with a warning, when a record edited by hand holds one."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import add, run
from logbook_files import reseal, rewrite_activities

from logbook import dates

RANGE = "1900-01-01 to 2199-12-31"


def refused(result, message: str, code: int = 2) -> None:
    assert result.exit_code == code, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Error: {message}\n"


def test_the_range_is_defined_once():
    assert (dates.FIRST_DAY, dates.LAST_DAY) == (date(1900, 1, 1), date(2199, 12, 31))
    assert dates.SUPPORTED_RANGE == RANGE


# -- typed values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["digest", "--week", "0001-W01"], f"week '0001-W01' is outside the supported range {RANGE}"),
        (["digest", "--week", "0001-01-01"], f"week '0001-01-01' is outside the supported range {RANGE}"),
        (["digest", "--week", "9999-W52"], f"week '9999-W52' is outside the supported range {RANGE}"),
        (["digest", "--week", "1899-W52"], f"week '1899-W52' is outside the supported range {RANGE}"),
        (["digest", "--week", "2200-W02"], f"week '2200-W02' is outside the supported range {RANGE}"),
        (["list", "--on", "0001-01-01"], f"date '0001-01-01' is outside the supported range {RANGE}"),
        (["list", "--from", "1899-12-31"], f"date '1899-12-31' is outside the supported range {RANGE}"),
        (["list", "--to", "2200/1/1"], f"date '2200/1/1' (2200-01-01) is outside the supported range {RANGE}"),
        (["report", "--from", "9999-12-31"], f"date '9999-12-31' is outside the supported range {RANGE}"),
        (
            ["export", "--to", "一八九九年十二月三十一日"],
            f"date '一八九九年十二月三十一日' (1899-12-31) is outside the supported range {RANGE}",
        ),
        (["list", "--week", "1899-12-31"], f"week '1899-12-31' is outside the supported range {RANGE}"),
        (["list", "--month", "1899-12"], f"month '1899-12' is outside the supported range {RANGE}"),
        (["report", "--month", "2200年1月"], f"month '2200年1月' (2200-01) is outside the supported range {RANGE}"),
        (["add", "社区消防演练", "--date", "9999-12-31"], f"date '9999-12-31' is outside the supported range {RANGE}"),
        (
            ["add", "社区消防演练", "--date", "1899年12月31日"],
            f"date '1899年12月31日' (1899-12-31) is outside the supported range {RANGE}",
        ),
        (["import-text", "-", "--date", "1899-12-31"], f"date '1899-12-31' is outside the supported range {RANGE}"),
        (["import-text", "-", "--year", "2200"], "invalid year '2200' for --year: expected a year from 1900 to 2199"),
        (["import-text", "-", "--year", "1899"], "invalid year '1899' for --year: expected a year from 1900 to 2199"),
    ],
)
def test_a_typed_date_outside_the_range_is_one_usage_error(args, message, db_path):
    refused(run(*args, input="2025年3月5日，安贞西里社区开展消防演练。"), message)
    assert not db_path.exists()


def test_edit_refuses_a_date_outside_the_range(db_path):
    ident = add("社区消防演练", "--date", "2025-03-05")
    before = db_path.read_bytes()
    refused(run("edit", ident, "--date", "2200-01-01"), f"date '2200-01-01' is outside the supported range {RANGE}")
    assert db_path.read_bytes() == before


def test_the_edges_themselves_are_accepted():
    for day in ("1900-01-01", "2199-12-31"):
        ident = add("社区消防演练", "--date", day)
        assert run("show", ident, "--format", "json").json["date"] == day


# -- LOGBOOK_TODAY -----------------------------------------------------------------------------


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
@pytest.mark.parametrize("args", [["digest"], ["add", "社区消防演练"], ["list", "--week", "this"]])
def test_a_pinned_today_outside_the_range_is_one_usage_error(today, args, monkeypatch, db_path):
    monkeypatch.setenv("LOGBOOK_TODAY", today)
    refused(run(*args), f"LOGBOOK_TODAY='{today}' is outside the supported range {RANGE}")
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("today", "args", "message"),
    [
        ("1900-01-01", ["add", "社区消防演练", "--date", "yesterday"], "date 'yesterday' (1899-12-31)"),
        ("1900-01-01", ["add", "社区消防演练", "--date", "上周三"], "date '上周三' (1899-12-27)"),
        ("1900-01-03", ["list", "--week", "last"], "week 'last' (1899-W52)"),
        ("1900-01-03", ["list", "--month", "上月"], "month '上月' (1899-12)"),
        ("1900-03-01", ["list", "--month", "12月"], "month '12月' (1899-12)"),
        # The digest's default week is the last complete one: before the range in its first week.
        ("1900-01-03", ["digest"], "week 'last' (1899-W52)"),
        ("2199-12-31", ["add", "社区消防演练", "--date", "明天"], "date '明天' (2200-01-01)"),
    ],
)
def test_a_relative_date_that_leaves_the_range_names_what_it_came_to(today, args, message, monkeypatch):
    monkeypatch.setenv("LOGBOOK_TODAY", today)
    refused(run(*args), f"{message} is outside the supported range {RANGE}")


# -- computing at the edges ----------------------------------------------------------------------


@pytest.fixture
def at_the_edges(monkeypatch):
    """Two activities in the first week of the range and two in the week holding its last day,
    with today its last day."""
    monkeypatch.setenv("LOGBOOK_TODAY", "2199-12-31")
    for day, title in [
        ("1900-01-01", "新年联欢会"), ("1900-01-07", "社区消防演练"),
        ("2199-12-30", "垃圾分类宣传"), ("2199-12-31", "跨年志愿服务"),
    ]:  # fmt: skip
        add(title, "--date", day, "--community", "安贞西里社区", "--people", "10")


def digest_json(*args):
    result = run("digest", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.json


def test_the_digest_of_the_week_holding_the_last_day(at_the_edges):
    for spec in ("this", "2199-12-31", "2200-W01", "本周"):
        d = digest_json("--week", spec)
        assert (d["week"], d["from"], d["to"]) == ("2200-W01", "2199-12-30", "2200-01-05")
        assert d["headline"]["activities"] == 2 and d["complete"] is False
        assert d["previous"]["week"] == "2199-W52"
    for fmt in ("text", "md", "html"):
        result = run("digest", "--week", "this", "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert "2200-W01" in result.stdout


def test_the_digest_by_default_and_of_the_first_week(at_the_edges):
    last = digest_json()
    assert last["week"] == "2199-W52" and last["headline"]["activities"] == 0
    first = digest_json("--week", "1900-W01")
    assert (first["from"], first["to"]) == ("1900-01-01", "1900-01-07")
    assert first["headline"]["activities"] == 2
    assert first["previous"] == {**first["previous"], "week": "1899-W52", "activities": 0}


@pytest.mark.parametrize(
    ("args", "labels"),
    [
        (["--by", "week", "--to", "1900-01-31"], ["1900-W01", "1900-W02", "1900-W03", "1900-W04", "1900-W05"]),
        (["--by", "month", "--to", "1900-03-31"], ["1900-01", "1900-02", "1900-03"]),
        (["--by", "week", "--from", "2199-12-16"], ["2199-W51", "2199-W52", "2200-W01"]),
        (["--by", "month", "--from", "2199-11-01"], ["2199-11", "2199-12"]),
    ],
)
def test_reports_by_period_at_the_edges(at_the_edges, args, labels):
    result = run("report", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [g["group"] for g in result.json["groups"]] == labels
    assert result.json["total"]["activities"] == 2


@pytest.mark.parametrize(
    ("args", "columns"),
    [
        (["--period", "week", "--from", "2199-12-20"], ["2199-W51", "2199-W52", "2200-W01"]),
        (["--period", "month", "--from", "2199-11-15"], ["2199-11", "2199-12"]),
        (["--period", "quarter", "--from", "2199-01-01"], ["2199-Q1", "2199-Q2", "2199-Q3", "2199-Q4"]),
        (["--period", "week", "--to", "1900-01-14"], ["1900-W01", "1900-W02"]),
        (["--period", "quarter", "--to", "1900-12-31"], ["1900-Q1", "1900-Q2", "1900-Q3", "1900-Q4"]),
    ],
)
def test_report_grids_at_the_edges(at_the_edges, args, columns):
    result = run("report", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json["periods"] == columns
    assert result.json["total"]["activities"] == 2
    table = run("report", *args, "--chart")
    assert table.exit_code == 0, table.stderr


def test_a_report_across_the_whole_range_is_refused_as_too_wide_not_crashed(at_the_edges):
    result = run("report", "--by", "week")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: 1900-01-01 to 2199-12-31 spans 15654 weeks, too many for --by week")


def test_listing_the_edge_weeks_and_months(at_the_edges):
    def titles(*args):
        result = run("list", *args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return sorted(a["title"] for a in result.json)

    assert titles("--week", "2200-W01") == titles("--month", "2199-12") == ["垃圾分类宣传", "跨年志愿服务"]
    assert titles("--week", "1900-01-01") == titles("--month", "1900年1月") == ["新年联欢会", "社区消防演练"]


def test_the_arithmetic_holds_at_both_ends():
    first, last = dates.FIRST_DAY, dates.LAST_DAY
    assert dates.previous(dates.week_of(first)).label == "1899-W52"
    assert dates.previous(dates.month_of(first)).label == "1899-12"
    assert dates.previous(dates.quarter_of(first)).label == "1899-Q4"
    assert dates.week_of(last).label == "2200-W01"
    assert dates.parse_week("this", last) == dates.parse_week("2200-W01", last) == dates.week_of(last)
    assert dates.parse_month("this", last).label == "2199-12"
    quarters = dates.periods_between(first, last, "quarter")
    assert (len(quarters), quarters[0].label, quarters[-1].label) == (1200, "1900-Q1", "2199-Q4")
    weeks = dates.periods_between(first, last, "week")
    assert (weeks[0].label, weeks[-1].label) == ("1900-W01", "2200-W01")


# -- imported files and written reports ----------------------------------------------------------


def record(ident: str, day: str) -> dict:
    return {
        "id": ident * 32, "date": day, "title": "社区消防演练", "category": "安全",
        "communities": ["安贞西里社区"], "participants": 30,
        "created_at": "2025-03-27T08:00:00.000Z", "updated_at": "2025-03-27T08:00:00.000Z",
    }  # fmt: skip


def test_an_import_of_records_outside_the_range_reports_them_as_invalid(tmp_path, db_path):
    path = tmp_path / "from-another-office.json"
    path.write_text(json.dumps([
        record("a", "2025-03-27"), record("b", "9999-12-31"), record("c", "1899-12-31"), record("d", "0001-01-01"),
    ]), encoding="utf-8")  # fmt: skip
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"  {path}, record 2, field date: date '9999-12-31' is outside the supported range {RANGE}",
        f"  {path}, record 3, field date: date '1899-12-31' is outside the supported range {RANGE}",
        f"  {path}, record 4, field date: date '0001-01-01' is outside the supported range {RANGE}",
        f"Error: 3 records are invalid in {path}; nothing was imported (--skip-invalid imports the valid rest)",
    ]
    assert not db_path.exists()
    skipping = run("import", str(path), "--skip-invalid")
    assert skipping.exit_code == 0, skipping.stderr
    assert [a["id"] for a in run("export").json["activities"]] == ["a" * 32]
    report = run("report", "--by", "week")
    assert report.exit_code == 0 and report.stderr == ""


def test_a_sheet_with_a_date_past_the_range_is_invalid_on_its_line(tmp_path, db_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,date,participants\n社区消防演练,2025/3/27,30\n跨年晚会,2200/1/1,80\n", encoding="utf-8")
    result = run("import", str(sheet))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"  {sheet}, line 3, field date: date '2200-01-01' is outside the supported range {RANGE}"
    )
    assert not db_path.exists()


def test_a_written_report_dated_outside_the_range_gets_no_date(tmp_path, db_path):
    path = tmp_path / "news.txt"
    path.write_text("1880年3月5日上午，安贞西里社区开展了消防安全知识讲座，共计30人参加。\n", encoding="utf-8")
    result = run("import-text", str(path), "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.stderr
    [draft] = result.json
    assert draft["date"] is None and draft["status"] == "no date"
    assert draft["why"]["date"] == f"1880-03-05 is outside the supported range {RANGE}"
    # As for any article that names no date, --date gives it one.
    saved = run("import-text", str(path), "--yes", "--date", "2025-03-05", "--article", "1")
    assert saved.exit_code == 0, saved.stderr
    assert [a["date"] for a in run("list", "--all", "--format", "json").json] == ["2025-03-05"]


def test_a_year_written_outside_the_range_in_chinese_numerals_gets_no_date(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("九九九九年三月五日，安贞西里社区开展消防演练。\n", encoding="utf-8")
    result = run("import-text", str(path), "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json[0]["date"] is None
    assert result.json[0]["why"]["date"] == f"9999-03-05 is outside the supported range {RANGE}"


# -- records written by hand -------------------------------------------------------------------


@pytest.fixture(params=["edited by hand", "stored by an earlier version"])
def hand_edited(request, db_path):
    """Four activities of 2025-W13, three of whose dates were then changed in the month file: past
    the range, before it, and a day that does not exist. Either by hand (the store sets aside
    the day that does not exist, and warns itself), or as if logbook had written them before it
    refused such dates (checksums resealed: the store trusts them)."""
    ids = [
        add("社区消防演练", "--date", f"2025-03-{day}", "--community", "安贞西里社区", "--category", "安全",
            "--people", "20")
        for day in (24, 25, 26, 27)
    ]  # fmt: skip
    planted = {ids[0]: "9999-12-31", ids[1]: "0001-01-01", ids[2]: "2025-02-30"}

    def change(rows):
        for row in rows:
            row["date"] = planted.get(row["id"], row["date"])

    rewrite_activities(db_path, change)
    if request.param == "stored by an earlier version":
        reseal(db_path)
    return request.param, ids


def not_counted(result) -> list[str]:
    """The warning about activities a report or digest left out for their dates; every line of
    stderr is a warning."""
    lines = result.stderr.splitlines()
    assert all(line.startswith("Warning: ") for line in lines), result.stderr
    return [line for line in lines if "not counted" in line]


def expected_warning(ids, dated) -> list[str]:
    listed = ", ".join(f"{i[:8]} {d}" for i, d in zip(ids, dated))
    noun = "activity" if len(dated) == 1 else "activities"
    return [
        f"Warning: {len(dated)} {noun} not counted: dated outside {RANGE}, or not a date ({listed}); "
        "logbook check lists them"
    ]


def left_out(how, ids, *which):
    """The warning for the planted activities `which` (indexes) that reach the report: the day
    that does not exist (2) only when the store trusted its file."""
    dated = {0: "9999-12-31", 1: "0001-01-01", 2: "2025-02-30"}
    kept = [i for i in which if i != 2 or how == "stored by an earlier version"]
    return expected_warning([ids[i] for i in kept], [dated[i] for i in kept])


@pytest.mark.parametrize(
    "args",
    [
        ["--by", "week"],
        ["--by", "month"],
        ["--by", "community"],
        ["--period", "week"],
        ["--period", "quarter", "--by", "street"],
        ["--category", "安全", "--by", "week"],  # activities made of the records, not the records
    ],
)
def test_reports_leave_out_hand_written_dates_with_a_warning(hand_edited, args):
    how, ids = hand_edited
    result = run("report", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json["total"]["activities"] == 1
    assert (result.json["from"], result.json["to"]) == ("2025-03-27", "2025-03-27")
    assert not_counted(result) == left_out(how, ids, 0, 1, 2)
    table = run("report", *args)
    assert table.exit_code == 0, table.stderr


def test_the_digest_leaves_out_hand_written_dates(hand_edited):
    how, ids = hand_edited
    whole = run("digest", "--week", "2025-W13", "--format", "json")
    assert whole.exit_code == 0, whole.stderr
    assert whole.json["headline"]["activities"] == 1
    # Filtered, the digest reads every earlier activity: the two dated before the week are met.
    narrowed = run("digest", "--week", "2025-W13", "--category", "安全", "--format", "json")
    assert narrowed.exit_code == 0, narrowed.stderr
    assert narrowed.json["headline"]["activities"] == 1
    assert not_counted(narrowed) == left_out(how, ids, 1, 2)


def test_check_names_the_hand_written_dates_and_other_commands_still_work(hand_edited):
    _, ids = hand_edited
    result = run("check")
    assert result.exit_code == 1
    for ident, day in zip(ids, ("9999-12-31", "0001-01-01")):
        assert f"{ident[:8]}" in result.stdout
        assert f"date '{day}' is outside the supported range {RANGE}" in result.stdout
    assert "date '2025-02-30' is not a real YYYY-MM-DD date" in result.stdout
    for args in (["list", "--all"], ["search", "消防"], ["export"], ["show", ids[0]]):
        other = run(*args)
        assert other.exit_code == 0, (args, other.stderr)


def test_edit_mends_a_hand_written_date(hand_edited):
    how, ids = hand_edited
    result = run("edit", ids[0], "--date", "2025-03-24")
    assert result.exit_code == 0, result.stderr
    report = run("report", "--by", "week", "--format", "json")
    assert report.json["total"]["activities"] == 2
    assert not_counted(report) == left_out(how, ids, 1, 2)
