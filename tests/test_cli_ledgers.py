"""Ledgers through the real CLI: `import` of workbooks and CSV ledgers as offices keep them,
`export --format xlsx`, and the round trips (xlsx, and CSV after a spreadsheet saved it) with
every field of every activity checked. The ledgers are built here with openpyxl or as bytes."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from conftest import add, run
from openpyxl import Workbook, load_workbook

STAMPS = ("created_at", "updated_at")


def _records() -> list[dict]:
    result = run("export", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _without(records: list[dict], *keys: str) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in keys} for r in records]


@pytest.fixture
def filled(registry):
    """Activities that use every field, and text a spreadsheet would run as a formula."""
    add(
        "=1+1 垃圾分类讲座",
        "--date",
        "2024-12-03",
        "--start",
        "9:00",
        "--end",
        "10:30",
        "-c",
        "安贞西里社区",
        "-c",
        "安贞里社区",
        "--category",
        "培训",
        "--people",
        "50余",
        "--organizer",
        "安贞西里社区居委会",
        "--partner",
        "区城管委",
        "--partner",
        "区城管委、区环保局联合工作组",  # a name holding the separator of a ledger's cell
        "--speaker",
        "王佳宁",
        "--group",
        "老年人",
        "-t",
        "垃圾分类",
        "-t",
        "环保",
        "--location",
        "活动室",
        "--note",
        "-发放资料\n第二行, 有逗号",
    )
    add("@楼门议事会", "--date", "2024-12-04", "-c", "黄寺社区", "--category", "会议", "--people", "12")
    add("+志愿服务", "--date", "2024-12-05", "-c", "和平街一社区", "--category", "志愿服务")
    add(
        "重阳节敬老文艺演出",
        "--date",
        "2024-12-20",
        "--start",
        "14:00",
        "-c",
        "和平街十一社区",
        "--category",
        "文化",
        "--people",
        "80",
    )
    return _records()


# -- export --format xlsx ------------------------------------------------------------------------


def test_the_exported_ledger_is_what_a_spreadsheet_expects(tmp_path, filled):
    path = tmp_path / "台账.xlsx"
    result = run("export", "-f", "xlsx", "-o", str(path), "--street", "安贞街道", "--month", "2024-12")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Exported 2 activities to {path}\n"
    ws = load_workbook(path).active
    assert ws["A1"].value == "安贞街道 2024年12月 社区活动台账"
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:S4"
    assert [c.value for c in ws[2]] == [
        "日期",
        "开始时间",
        "结束时间",
        "活动名称",
        "类别",
        "社区",
        "街道",
        "参与人数",
        "约数",
        "主办单位",
        "协办单位",
        "主讲人",
        "服务对象",
        "标签",
        "地点",
        "备注",
        "来源",
        "记录人",
        "编号",
    ]
    first, second = filled[0], filled[1]
    assert [c.value for c in ws[3]] == [
        datetime(2024, 12, 3),
        time(9, 0),
        time(10, 30),
        "=1+1 垃圾分类讲座",
        "培训",
        "安贞西里社区、安贞里社区",
        "安贞街道",
        50,
        "约",
        "安贞西里社区居委会",
        "区城管委、“区城管委、区环保局联合工作组”",  # the name holding 、 in quotes
        "王佳宁",
        "老年人",
        "垃圾分类、环保",
        "活动室",
        "-发放资料\n第二行, 有逗号",
        "typed",
        "王社工",
        first["id"],
    ]
    assert [c.value for c in ws[4]] == [
        datetime(2024, 12, 4),
        None,
        None,
        "@楼门议事会",
        "会议",
        "黄寺社区",
        "安贞街道",
        12,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "typed",
        "王社工",
        second["id"],
    ]
    assert ws["A3"].is_date and ws["B3"].is_date
    assert isinstance(ws["H3"].value, int) and ws["H3"].data_type == "n"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate  # text is never a formula
    assert ws["D3"].data_type == "s"


def test_english_headers_and_a_title_without_filters(tmp_path, filled):
    path = tmp_path / "all.xlsx"
    assert run("export", "-f", "xlsx", "--headers", "en", "-o", str(path)).exit_code == 0
    ws = load_workbook(path).active
    assert ws["A1"].value == "社区活动台账"
    assert [c.value for c in ws[2]][:4] == ["date", "start", "end", "title"]
    assert ws.max_row == 2 + len(filled)


def test_a_ledger_is_refused_to_a_terminal_and_written_to_a_pipe(monkeypatch, filled):
    result = run("export", "-f", "xlsx")  # CliRunner's stdout is a pipe
    assert result.exit_code == 0 and result.stderr == "Exported 4 activities\n"
    import logbook.commands.export as exchange

    monkeypatch.setattr(exchange, "stdout_is_terminal", lambda: True)
    result = run("export", "-f", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "Error: an .xlsx ledger is not for the terminal; write it with -o FILE\n"


def test_headers_is_for_xlsx_only(filled):
    result = run("export", "-f", "csv", "--headers", "en")
    assert result.exit_code == 2
    assert "--headers is for --format xlsx" in result.stderr


def test_an_unknown_format_is_refused_from_the_registry():
    result = run("export", "-f", "xls")
    assert result.exit_code == 2
    assert "expected one of json, jsonl, csv, md, xlsx" in result.stderr


# -- round trips ---------------------------------------------------------------------------------


def test_an_xlsx_export_imports_back_into_the_same_activities(tmp_path, monkeypatch, filled):
    path = tmp_path / "out.xlsx"
    assert run("export", "-f", "xlsx", "-o", str(path)).exit_code == 0
    # into the same logbook: nothing changes
    before = (tmp_path / "logbook.json").read_bytes()
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +0 ~0 -0, 4 skipped\n"
    assert result.stderr == "Nothing changed\n"
    assert _records() == filled
    # into an empty logbook: the same activities, ids included (the ledger has no stamps)
    monkeypatch.setenv("LOGBOOK_DB", str(tmp_path / "empty.json"))
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +4 ~0 -0, 0 skipped\n"
    assert _without(_records(), *STAMPS) == _without(filled, *STAMPS)
    assert (tmp_path / "logbook.json").read_bytes() == before


def _spreadsheet_saved(csv_text: str) -> bytes:
    """Our CSV as Excel or LibreOffice on Chinese Windows saves it: no BOM, GBK, times as `9:00`
    and `10:30:00 AM`, booleans as TRUE/FALSE, CRLF."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    header = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows[1:]:
        cells = dict(zip(header, row))
        if cells["start"]:
            hour, minute = cells["start"].split(":")
            cells["start"] = f"{int(hour)}:{minute}"
        if cells["end"]:
            hour, minute = map(int, cells["end"].split(":"))
            cells["end"] = f"{(hour - 1) % 12 + 1:02d}:{minute:02d}:00 {'AM' if hour < 12 else 'PM'}"
        cells["participants_approx"] = cells["participants_approx"].upper()
        writer.writerow([cells[h] for h in header])
    return out.getvalue().encode("gbk")


def test_a_csv_export_saved_by_a_spreadsheet_imports_back_exactly(tmp_path, monkeypatch, filled):
    result = run("export", "-f", "csv")
    assert result.exit_code == 0
    assert "'=1+1 垃圾分类讲座" in result.stdout and "'@楼门议事会" in result.stdout
    assert "'-发放资料" in result.stdout and "'+志愿服务" in result.stdout
    saved = _spreadsheet_saved(result.stdout)
    assert b"9:00," in saved and b"10:30:00 AM" in saved and b"TRUE" in saved
    path = tmp_path / "saved.csv"
    path.write_bytes(saved)
    before = (tmp_path / "logbook.json").read_bytes()
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +0 ~0 -0, 4 skipped\n"
    assert (tmp_path / "logbook.json").read_bytes() == before
    monkeypatch.setenv("LOGBOOK_DB", str(tmp_path / "empty.json"))
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +4 ~0 -0, 0 skipped\n"
    assert f"{path} was read as GBK" in result.stderr
    assert _records() == filled  # every field, the stamps too


# -- importing ledgers as offices keep them ------------------------------------------------------


@pytest.fixture
def quarter(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "3月"
    ws.append(["安贞西里社区2024年第四季度活动台账"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：安贞西里社区  填报人：李某  填报日期：2025年1月6日"])
    ws.append([])
    ws.append(["序号", "日期", "时间", "活动名称", "类别", "参与人数（人）", "主讲人", "地点", "负责人"])
    ws.append(
        [1, date(2024, 10, 26), "8:30-10:00", "重阳节敬老文艺演出", "文化活动", "50余人", None, "社区活动室", "张三"]
    )
    ws.append([2, "2024.11.8", time(9, 0), "垃圾分类知识讲座", "讲座", 30, "王佳宁、畢宇珠", "二楼会议室", "张三"])
    ws.append([3, "12月3日", "下午2:00-4:00", "楼门议事会", "议事协商", "很多", None, None, "李四"])
    ws.append(["合计", None, None, None, None, 80])
    ws.append(["备注：人数以签到表为准"])
    summary = wb.create_sheet("汇总")
    summary.append(["社区", "活动次数", "参与人数"])
    summary.append(["安贞西里社区", 3, 80])
    path = tmp_path / "安贞西里2024Q4.xlsx"
    wb.save(path)
    return path


def test_a_row_that_cannot_be_read_stops_the_import_and_names_its_cell(quarter, registry):
    result = run("import", str(quarter))
    assert result.exit_code == 1
    assert result.stderr == (
        f"  {quarter}, sheet 3月, row 7, column 参与人数（人）: '很多' is not a head count\n"
        f"Error: 1 record is invalid in {quarter}; nothing was imported (--skip-invalid imports the "
        "valid rest)\n"
    )
    assert _records() == []


def test_a_ledger_imports_every_field_and_a_second_time_adds_nothing(quarter, registry):
    result = run("import", str(quarter), "--skip-invalid", "--map", "负责人=organizers")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {quarter}: +2 ~0 -0, 0 skipped\n"
    assert "sheet 汇总 is a summary (counts per community or month), not activities; not imported" in result.stderr
    got = _without(_records(), "id", *STAMPS)
    common = {
        "street": "安贞街道",
        "communities": ["安贞西里社区"],
        "partners": [],
        "groups": [],
        "tags": [],
        "notes": None,
        "author": None,
        "source": f"import {quarter.name}",
        "organizers": ["张三"],
    }
    assert got == [
        {
            **common,
            "date": "2024-10-26",
            "start": "08:30",
            "end": "10:00",
            "title": "重阳节敬老文艺演出",
            "category": "文化",
            "participants": 50,
            "participants_approx": True,
            "speakers": [],
            "location": "社区活动室",
        },
        {
            **common,
            "date": "2024-11-08",
            "start": "09:00",
            "end": None,
            "title": "垃圾分类知识讲座",
            "category": "培训",
            "participants": 30,
            "participants_approx": False,
            "speakers": ["王佳宁", "畢宇珠"],
            "location": "二楼会议室",
        },
    ]
    again = run("import", str(quarter), "--skip-invalid", "--map", "负责人=organizers")
    assert again.exit_code == 0
    assert again.stdout == (f"import {quarter}: +0 ~0 -0, 2 skipped (2 duplicates of activities already here)\n")
    assert again.stderr.endswith("Nothing changed\n")


def test_an_unmapped_column_is_named_once(quarter, registry):
    result = run("import", str(quarter), "--skip-invalid", "--dry-run")
    assert result.stderr.count("column 负责人 not imported; --map 负责人=organizers to keep it") == 1


def test_a_dry_run_shows_what_would_be_added_and_writes_nothing(quarter, registry, tmp_path):
    before = (tmp_path / "logbook.json").read_bytes()
    result = run("import", str(quarter), "--skip-invalid", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "重阳节敬老文艺演出" in result.stdout and "垃圾分类知识讲座" in result.stdout
    assert "2024-10-26" in result.stdout and "50+" in result.stdout
    assert result.stdout.endswith(f"would import {quarter}: +2 ~0 -0, 0 skipped\n")
    assert result.stderr.endswith("Dry run: nothing was written\n")
    assert (tmp_path / "logbook.json").read_bytes() == before


def test_the_json_summary_stays_english_and_names_the_column(quarter, registry, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run("import", str(quarter), "--skip-invalid", "--dry-run", "-f", "json")
    assert result.exit_code == 0
    summary = result.json["files"][0]
    assert summary["shape"] == "ledger" and summary["added"] == 2
    assert summary["invalid"] == [
        {
            "file": str(quarter),
            "where": "sheet 3月, row 7",
            "field": None,
            "reason": "'很多' is not a head count",
            "column": "参与人数（人）",
        }
    ]


def test_a_sheet_is_chosen_and_an_unknown_one_refused(quarter, registry):
    result = run("import", str(quarter), "--sheet", "汇总", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == f"would import {quarter}: +0 ~0 -0, 0 skipped\n"
    result = run("import", str(quarter), "--sheet", "四月")
    assert result.exit_code == 2
    assert "has no sheet 四月; its sheets are 3月、汇总" in result.stderr


def test_a_bad_map_is_one_line(quarter, registry):
    result = run("import", str(quarter), "--map", "负责人")
    assert result.exit_code == 2
    assert "--map 负责人: expected HEADER=FIELD" in result.stderr
    result = run("import", str(quarter), "--map", "负责人=boss")
    assert result.exit_code == 2
    assert "--map 负责人=boss: boss is not a field" in result.stderr


def test_a_gbk_csv_ledger_with_a_two_community_cell_and_community_from_the_option(tmp_path, registry):
    path = tmp_path / "台账.csv"
    text = (
        "2025年3月活动台账,,,,\r\n"
        "日期,活动名称,社区,人数,备注\r\n"
        "2025/3/5,学雷锋志愿服务,安贞里社区、黄寺社区,约20人,\r\n"
        "3月8日,妇女节插花,,15人,带花瓶\r\n"
    )
    path.write_bytes(text.encode("gbk"))
    result = run("import", str(path), "--community", "安贞西里")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +2 ~0 -0, 0 skipped\n"
    got = _without(_records(), "id", *STAMPS)
    empty = {
        "start": None,
        "end": None,
        "category": "其他",
        "organizers": [],
        "partners": [],
        "speakers": [],
        "groups": [],
        "tags": [],
        "location": None,
        "author": None,
        "source": "import 台账.csv",
    }
    assert got == [
        {
            **empty,
            "date": "2025-03-05",
            "title": "学雷锋志愿服务",
            "communities": ["安贞里社区", "黄寺社区"],
            "street": "安贞街道",
            "participants": 20,
            "participants_approx": True,
            "notes": None,
        },
        {
            **empty,
            "date": "2025-03-08",
            "title": "妇女节插花",
            "communities": ["安贞西里社区"],
            "street": "安贞街道",
            "participants": 15,
            "participants_approx": False,
            "notes": "带花瓶",
        },
    ]


def test_a_row_no_community_places_is_invalid_with_the_reason(tmp_path, registry):
    path = tmp_path / "台账.csv"
    path.write_text("日期,活动名称,人数\n2025-03-05,学雷锋志愿服务,20\n", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert f"{path}, row 2: no community" in result.stderr
    assert "--community NAME" in result.stderr


@pytest.mark.parametrize(
    "filters, title",
    [
        (
            ["--community", "黄寺社区", "--from", "2024-10-01", "--to", "2024-12-31"],
            "黄寺社区 2024年第四季度 社区活动台账",
        ),
        (["--from", "2024-01-01", "--to", "2024-12-31"], "2024年 社区活动台账"),
        (["--from", "2024-12-03", "--to", "2024-12-04"], "2024年12月3日至2024年12月4日 社区活动台账"),
        (["--on", "2024-12-04"], "2024年12月4日 社区活动台账"),
    ],
)
def test_the_ledger_title_says_what_the_filters_chose(tmp_path, filled, filters, title):
    path = tmp_path / "out.xlsx"
    result = run("export", "-f", "xlsx", "-o", str(path), *filters)
    assert result.exit_code == 0, result.stderr
    assert load_workbook(path).active["A1"].value == title


def test_a_ledger_problem_reads_in_chinese_and_its_json_stays_english(quarter, registry, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run("import", str(quarter))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"  {quarter}，工作表 3月，第 7 行，参与人数（人） 列：'很多' 不是人数\n")
    again = run("import", str(quarter), "--skip-invalid")
    assert again.stdout == f"导入 {quarter}：+2 ~0 -0，跳过 0 条\n"
    twice = run("import", str(quarter), "--skip-invalid")
    assert twice.stdout == f"导入 {quarter}：+0 ~0 -0，跳过 2 条（其中 2 条与已有活动重复）\n"


def test_a_sheet_per_community_places_its_rows_and_the_title_gives_the_year(tmp_path, registry):
    wb = Workbook()
    first = wb.active
    first.title = "黄寺社区"
    second = wb.create_sheet("安贞里")
    for ws, title in ((first, "读书会"), (second, "插花")):
        ws.append(["2024年活动台账"])
        ws.append(["日期", "活动名称", "人数"])
        ws.append(["3月8日", title, "15人"])
    path = tmp_path / "分社区.xlsx"
    wb.save(path)
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    got = [(r["date"], r["title"], r["communities"], r["street"]) for r in _records()]
    assert sorted(got) == [
        ("2024-03-08", "插花", ["安贞里社区"], "安贞街道"),
        ("2024-03-08", "读书会", ["黄寺社区"], "安贞街道"),
    ]


@pytest.mark.slow
def test_a_ledger_of_ten_thousand_rows_imports_in_seconds(tmp_path):
    import time as clock

    from conftest import run_proc

    from logbook.ledgers import write_ledger
    from logbook.models import Activity

    stamp = "2024-12-31T08:00:00Z"
    activities = [
        Activity(
            id=f"{i:032x}",
            date=f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            title=f"活动{i}",
            category="文化",
            communities=["和平里社区"],
            participants=i % 90,
            created_at=stamp,
            updated_at=stamp,
        )
        for i in range(10_000)
    ]
    path = tmp_path / "big.xlsx"
    write_ledger(path, activities)
    started = clock.perf_counter()
    result = run_proc("import", str(path))
    took = clock.perf_counter() - started
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +10000 ~0 -0, 0 skipped\n"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert took < 20  # a few seconds on a quiet machine; room for a loaded one


def _ods(path, name: str, rows: list[list]) -> None:
    """An OpenDocument spreadsheet as LibreOffice and WPS save one (the parts a reader needs):
    a date cell typed as a date, numbers as floats, a title merged across the columns."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, date):
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value:%Y/%m/%d}</text:p></table:table-cell>"
            )
        if isinstance(value, int):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        if isinstance(value, tuple):  # (text, columns): merged across the columns
            text, span = value
            return (
                f'<table:table-cell table:number-columns-spanned="{span}" office:value-type="string">'
                f"<text:p>{escape(text)}</text:p></table:table-cell>"
                f'<table:covered-table-cell table:number-columns-repeated="{span - 1}"/>'
            )
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(name)}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def test_an_ods_ledger_saved_by_libreoffice_or_wps_imports(tmp_path, registry):
    path = tmp_path / "和平里台账.ods"
    _ods(
        path,
        "10月",
        [
            [("和平里社区2024年10月活动台账", 5)],
            ["序号", "日期", "活动名称", "类别", "参与人数"],
            [1, date(2024, 10, 26), "重阳节敬老文艺演出", "文化活动", "50余人"],
            [2, "2024.10.29", "垃圾分类知识讲座", "讲座", 30],
            ["合计", None, None, None, 80],
        ],
    )
    result = run("import", str(path), "--community", "和平里社区")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +2 ~0 -0, 0 skipped\n"
    got = [
        {k: r[k] for k in ("date", "title", "category", "communities", "participants", "participants_approx")}
        for r in _records()
    ]
    assert got == [
        {
            "date": "2024-10-26",
            "title": "重阳节敬老文艺演出",
            "category": "文化",
            "communities": ["和平里社区"],
            "participants": 50,
            "participants_approx": True,
        },
        {
            "date": "2024-10-29",
            "title": "垃圾分类知识讲座",
            "category": "培训",
            "communities": ["和平里社区"],
            "participants": 30,
            "participants_approx": False,
        },
    ]


def test_an_xls_ledger_from_old_excel_or_wps_imports(tmp_path, registry):
    """The .xls (BIFF) workbook older Excel and WPS still save by default: dates as date cells,
    a title row merged across the table, a total row."""
    import xlwt

    path = tmp_path / "和平里台账.xls"
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("10月")
    sheet.write_merge(0, 0, 0, 4, "和平里社区2024年10月活动台账")
    for col, heading in enumerate(["序号", "日期", "活动名称", "类别", "参与人数"]):
        sheet.write(1, col, heading)
    as_date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    rows = [
        [1, date(2024, 10, 26), "重阳节敬老文艺演出", "文化活动", "50余人"],
        [2, "2024.10.29", "垃圾分类知识讲座", "讲座", 30],
        ["合计", None, None, None, 80],
    ]
    for r, row in enumerate(rows, 2):
        for col, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(r, col, value, as_date)
            elif value is not None:
                sheet.write(r, col, value)
    book.save(str(path))
    result = run("import", str(path), "--community", "和平里社区")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"import {path}: +2 ~0 -0, 0 skipped\n"
    got = [(r["date"], r["title"], r["category"], r["participants"], r["participants_approx"]) for r in _records()]
    assert got == [
        ("2024-10-26", "重阳节敬老文艺演出", "文化", 50, True),
        ("2024-10-29", "垃圾分类知识讲座", "培训", 30, False),
    ]
    again = run("import", str(path), "--community", "和平里社区").stdout
    assert again == f"import {path}: +0 ~0 -0, 2 skipped (2 duplicates of activities already here)\n"
