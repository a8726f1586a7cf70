"""Ledgers (台账) in and out, as offices keep them: every ledger here is built by the test with
openpyxl (or written as CSV bytes) in the shapes real ones take, and every field of every row
read is checked."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from logbook.errors import UsageError
from logbook.ledgers import (
    csv_safe,
    read_ledger,
    write_ledger,
    write_rollup,
)
from logbook.models import Activity, Community
from logbook.registry import Registry

TODAY = date(2025, 3, 30)
REGISTRY = Registry(
    [
        Community("和平里社区", "和平街街道"),
        Community("安贞里社区", "和平街街道"),
        Community("小黄庄社区", "和平街街道", ["小黄庄北社区"]),
    ]
)
EMPTY_LISTS = {"organizers": [], "partners": [], "speakers": [], "groups": [], "tags": []}


def _read(path, **kwargs):
    kwargs.setdefault("registry", REGISTRY)
    kwargs.setdefault("today", TODAY)
    return read_ledger(path, **kwargs)


def _as_activity(record: dict) -> Activity:
    """What the importer does with a record: bookkeeping and an id added, then validation."""
    data = {"id": "0" * 32, "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"}
    return Activity.from_dict({**data, **record})


# -- a quarter's ledger as a community hands it up ---------------------------------------------


@pytest.fixture
def quarter(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(["和平里社区2024年第四季度活动台账"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位：和平里社区  填报人：李某  填报日期：2025年1月6日"])
    ws.merge_cells("A2:J2")
    ws.append([])
    ws.append(["序号", "日期", "时间", "活动名称", "类别", "参与人数（人）", "主讲人", "地点", "负责人", "备注"])
    ws.append(
        [
            1,
            date(2024, 10, 26),
            "8:30-10:00",
            "重阳节敬老文艺演出",
            "文化活动",
            "50余人",
            None,
            "社区活动室",
            "张三",
            None,
        ]
    )
    ws.append(
        [
            2,
            "2024.11.8",
            time(9, 0),
            "垃圾分类知识讲座",
            "讲座",
            30,
            "王佳宁、畢宇珠",
            "二楼会议室",
            "张三",
            "发放宣传册200份",
        ]
    )
    ws.append([3, "12月3日", "下午2:00-4:00", "楼门议事会", "议事协商", "约20人", None, None, "李四", None])
    ws.append([4, 45640, None, "消防安全演练", "安全", "15人", None, "小区广场", None, None])
    ws.append(["合计", None, None, None, None, 115])
    ws.append([])
    ws.append(["备注：1.人数以签到表为准"])
    ws.merge_cells("A11:J11")
    ws.append(["2.本表每季度报送一次"])
    path = tmp_path / "和平里2024Q4.xlsx"
    wb.save(path)
    return path


def test_a_quarter_ledger_reads_every_field_of_every_row(quarter):
    got = _read(quarter)
    assert got.problems == []
    assert got.sheets == ["活动台账"]
    base = {
        "communities": ["和平里社区"],
        "participants_approx": False,
        "notes": None,
        "location": None,
        "speakers": [],
    }
    expected = [
        (
            5,
            {
                **base,
                "date": "2024-10-26",
                "start": "08:30",
                "end": "10:00",
                "title": "重阳节敬老文艺演出",
                "category": "文化",
                "participants": 50,
                "participants_approx": True,
                "location": "社区活动室",
            },
        ),
        (
            6,
            {
                **base,
                "date": "2024-11-08",
                "start": "09:00",
                "end": None,
                "title": "垃圾分类知识讲座",
                "category": "培训",
                "participants": 30,
                "speakers": ["王佳宁", "畢宇珠"],
                "location": "二楼会议室",
                "notes": "发放宣传册200份",
            },
        ),
        # 12月3日 takes its year from the title (2024), not from the 填报日期 (2025)
        (
            7,
            {
                **base,
                "date": "2024-12-03",
                "start": "14:00",
                "end": "16:00",
                "title": "楼门议事会",
                "category": "会议",
                "participants": 20,
                "participants_approx": True,
            },
        ),
        # an Excel serial number in the date column
        (
            8,
            {
                **base,
                "date": "2024-12-14",
                "start": None,
                "end": None,
                "title": "消防安全演练",
                "category": "安全",
                "participants": 15,
                "location": "小区广场",
            },
        ),
    ]
    assert [(r.row, r.record) for r in got.rows] == expected
    assert [r.sheet for r in got.rows] == ["活动台账"] * 4
    assert got.notes == ["column 负责人 not imported; --map 负责人=organizers to keep it"]
    for row in got.rows:
        _as_activity(row.record)  # the importer accepts every record


def test_a_mapping_keeps_a_column_the_table_does_not_know(quarter):
    got = _read(quarter, mapping={"负责人": "organizers"})
    assert [r.record["organizers"] for r in got.rows] == [["张三"], ["张三"], ["李四"], []]
    assert got.notes == []


def test_a_mapping_to_no_field_is_refused(quarter):
    with pytest.raises(UsageError, match="not a field"):
        _read(quarter, mapping={"负责人": "boss"})


def test_without_a_registry_the_default_community_places_the_rows(quarter):
    got = _read(quarter, registry=None, default_community="和平里社区")
    assert [r.record["communities"] for r in got.rows] == [["和平里社区"]] * 4


def test_a_row_nothing_places_in_a_community_is_a_problem(quarter):
    got = _read(quarter, registry=None)
    assert got.rows == []
    assert [p.row for p in got.problems] == [5, 6, 7, 8]
    assert got.problems[0].column is None
    assert str(got.problems[0]).startswith(f"{quarter}, sheet 活动台账, row 5: no community")


def test_the_year_of_a_yearless_date_comes_from_the_filing_date_without_a_year_in_the_title(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["第四季度活动台账"])
    ws.append(["填报单位：", "安贞里社区", "填报人：", "王某", "填报日期：2025年1月6日"])
    ws.append(["日期", "活动名称", "人数"])
    ws.append(["12月3日", "读书会", 12])
    ws.append(["1月5日", "新年联欢", "约80人次"])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    got = _read(path)
    assert [r.record for r in got.rows] == [
        {
            "date": "2024-12-03",
            "title": "读书会",
            "participants": 12,
            "participants_approx": False,
            "communities": ["安贞里社区"],
        },
        {
            "date": "2025-01-05",
            "title": "新年联欢",
            "participants": 80,
            "participants_approx": True,
            "communities": ["安贞里社区"],
        },
    ]


# -- one sheet a community, a summary sheet, a bad row ------------------------------------------


@pytest.fixture
def book(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["2024年12月各社区活动汇总"])
    ws.append(["社区", "活动次数", "参与人数"])
    ws.append(["和平里社区", 2, 70])
    ws.append(["安贞里社区", 1, 15])
    ws.append(["合计", 3, 85])
    ws = wb.create_sheet("和平里社区")
    ws.append(["活動日期", "活動名稱", "開始時間", "結束時間", "參與人數", "約數", "主辦單位", "協辦單位"])
    ws.append(
        [
            datetime(2024, 12, 2),
            "書法班",
            "09:00:00 AM",
            "11:00:00 AM",
            40,
            True,
            "和平里社區居委會",
            "区文化馆，区图书馆",
        ]
    )
    ws.append(["2024/12/20", '=HYPERLINK("x")', "02:00:00 PM", None, 30, "FALSE", None, None])
    ws["B3"].data_type = "s"  # text that looks like a formula, as scraped
    ws = wb.create_sheet("安贞里")
    ws.append(["日期", "标题", "类型", "人数", "编号"])
    ws.append([date(2024, 12, 5), "健康讲座", "义诊", 15, "AZL-001"])
    ws = wb.create_sheet("3月")
    ws.append(["日期", "活动名称", "社区", "参与人数"])
    for day in range(1, 5):
        ws.append([date(2025, 3, day), f"活动{day}", "小黄庄北社区", day * 10])
    ws.append([date(2025, 3, 5), "茶话会", "小黄庄社区\n安贞里社区", "很多"])
    ws.append(["2025-03-32", "错日期", "小黄庄社区", 1])
    ws = wb.create_sheet("说明")
    ws.append(["本台账按月填报"])
    path = tmp_path / "和平街12月.xlsx"
    wb.save(path)
    return path


def test_every_activity_sheet_is_read_and_the_summary_is_skipped(book):
    got = _read(book)
    assert got.sheets == ["和平里社区", "安贞里", "3月"]
    assert got.notes == [
        "sheet 汇总 is a summary (counts per community or month), not activities; not imported",
        "sheet 安贞里: column 编号 holds the ledger's own numbers, not logbook ids; they were not imported",
        "sheet 说明 holds no activity table (no header row found); not read",
    ]
    assert [(r.sheet, r.row, r.record) for r in got.rows] == [
        (
            "和平里社区",
            2,
            {
                "date": "2024-12-02",
                "title": "書法班",
                "start": "09:00",
                "end": "11:00",
                "participants": 40,
                "participants_approx": True,
                "organizers": ["和平里社區居委會"],
                "partners": ["区文化馆", "区图书馆"],
                "communities": ["和平里社区"],
            },
        ),
        (
            "和平里社区",
            3,
            {
                "date": "2024-12-20",
                "title": '=HYPERLINK("x")',
                "start": "14:00",
                "end": None,
                "participants": 30,
                "participants_approx": False,
                "organizers": [],
                "partners": [],
                "communities": ["和平里社区"],
            },
        ),
        (
            "安贞里",
            2,
            {
                "date": "2024-12-05",
                "title": "健康讲座",
                "category": "义诊",
                "participants": 15,
                "participants_approx": False,
                "communities": ["安贞里社区"],
            },
        ),
        *[
            (
                "3月",
                day + 1,
                {
                    "date": f"2025-03-0{day}",
                    "title": f"活动{day}",
                    "communities": ["小黄庄北社区"],
                    "participants": day * 10,
                    "participants_approx": False,
                },
            )
            for day in range(1, 5)
        ],
    ]
    assert [str(p) for p in got.problems] == [
        f"{book}, sheet 3月, row 6, column 参与人数: '很多' is not a head count",
        f"{book}, sheet 3月, row 7, column 日期: '2025-03-32' is not a date: expected 2024-12-03, "
        "2024.12.3, 2024/12/3, 2024年12月3日 or 12月3日",
    ]
    problem = got.problems[0]
    assert (problem.sheet, problem.row, problem.column, problem.value) == ("3月", 6, "参与人数", "很多")


def test_a_sheet_can_be_chosen(book):
    got = _read(book, sheets=["安贞里"])
    assert [r.record["title"] for r in got.rows] == ["健康讲座"]
    with pytest.raises(UsageError, match="no sheet 4月"):
        _read(book, sheets=["4月"])


# -- CSV as old Excel and WPS save it ------------------------------------------------------------


def test_a_gbk_csv_with_crlf_and_a_two_community_cell(tmp_path):
    text = (
        "和平街街道2024年12月活动台账,,,,,,,\r\n"
        ",,,,,,,\r\n"
        "日期,开始时间,结束时间,活动名称,类别,社区,参与人数,是否约数\r\n"
        '2024/12/20,09:00:00 AM,10:30:00 AM,联合义诊,健康,"和平里社区、安贞里社区",60,TRUE\r\n'
        "2024-12-21,9:00,,'=SUM(A1),文化,和平里社区；小黄庄社区,8,否\r\n"
        "合计,,,,,,68,\r\n"
    )
    path = tmp_path / "台账.csv"
    path.write_bytes(text.encode("gbk"))
    got = _read(path)
    assert got.problems == [] and got.notes == []
    assert [(r.sheet, r.row, r.record) for r in got.rows] == [
        (
            None,
            4,
            {
                "date": "2024-12-20",
                "start": "09:00",
                "end": "10:30",
                "title": "联合义诊",
                "category": "义诊",
                "communities": ["和平里社区", "安贞里社区"],
                "participants": 60,
                "participants_approx": True,
            },
        ),
        (
            None,
            5,
            {
                "date": "2024-12-21",
                "start": "09:00",
                "end": None,
                "title": "=SUM(A1)",
                "category": "文化",
                "communities": ["和平里社区", "小黄庄社区"],
                "participants": 8,
                "participants_approx": False,
            },
        ),
    ]


def test_a_utf8_csv_with_a_bom_and_our_english_headers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        "\ufeffid,date,title,communities,participants,participants_approx\n"
        f"{'c' * 32},2025-03-01,Reading club,和平里社区;安贞里社区,12,false\n".encode()
    )
    got = _read(path)
    assert [r.record for r in got.rows] == [
        {
            "id": "c" * 32,
            "date": "2025-03-01",
            "title": "Reading club",
            "communities": ["和平里社区", "安贞里社区"],
            "participants": 12,
            "participants_approx": False,
        },
    ]


# -- writing ------------------------------------------------------------------------------------


def _activities() -> list[Activity]:
    stamp = "2024-12-31T08:00:00Z"
    return [
        Activity(
            id="a" * 32,
            date="2024-12-03",
            title="=1+1 垃圾分类讲座",
            category="培训",
            start="09:00",
            end="10:30",
            communities=["和平里社区", "安贞里社区"],
            street="和平街街道",
            participants=50,
            participants_approx=True,
            organizers=["和平里社区居委会"],
            partners=["区城管委"],
            speakers=["王佳宁"],
            groups=["老年人"],
            tags=["垃圾分类", "环保"],
            location="活动室",
            notes="-发放资料\n第二行",
            source="微信公众号",
            author="王社工",
            created_at=stamp,
            updated_at=stamp,
        ),
        Activity(
            id="b" * 32,
            date="2024-12-04",
            title="@楼门议事会",
            category="会议",
            communities=["小黄庄社区"],
            participants=12,
            created_at=stamp,
            updated_at=stamp,
        ),
        Activity(
            id="c" * 32, date="2024-12-05", title="+志愿服务", category="志愿服务", created_at=stamp, updated_at=stamp
        ),
    ]


def _fields(activity: Activity) -> dict:
    out = activity.to_dict()
    del out["created_at"], out["updated_at"]
    return out


@pytest.mark.parametrize("english", [False, True])
def test_a_written_ledger_reads_back_into_the_same_activities(tmp_path, english):
    path = tmp_path / "out.xlsx"
    activities = _activities()
    write_ledger(path, activities, title="和平街街道 2024年12月 社区活动台账", english_headers=english)
    got = _read(path, registry=None)
    assert got.problems == [] and got.notes == []
    assert [r.row for r in got.rows] == [3, 4, 5]
    for row, activity in zip(got.rows, activities):
        assert row.record == _fields(activity)
        assert _fields(_as_activity(row.record)) == _fields(activity)


def test_the_written_ledger_is_what_a_spreadsheet_expects(tmp_path):
    path = tmp_path / "out.xlsx"
    write_ledger(path, _activities(), title="和平街街道 2024年12月 社区活动台账")
    ws = load_workbook(path).active
    assert ws.title == "活动台账"
    assert ws["A1"].value == "和平街街道 2024年12月 社区活动台账"
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:S1"]
    headers = [c.value for c in ws[2]]
    assert headers[:9] == ["日期", "开始时间", "结束时间", "活动名称", "类别", "社区", "街道", "参与人数", "约数"]
    assert headers[-1] == "编号"
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:S5"
    first = ws[3]
    assert first[0].is_date and first[0].value == datetime(2024, 12, 3)
    assert first[1].is_date and first[1].value == time(9, 0) and first[1].number_format == "hh:mm"
    assert first[7].value == 50 and first[7].data_type == "n"
    assert first[8].value == "约"
    assert first[5].value == "和平里社区、安贞里社区"
    assert first[3].value == "=1+1 垃圾分类讲座" and first[3].data_type == "s"
    assert first[18].value == "a" * 32
    assert [ws.cell(row, 8).value for row in (3, 4, 5)] == [50, 12, None]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws.column_dimensions["D"].width >= 18  # 活动名称's cells are wide
    assert ws.column_dimensions["S"].width >= 32  # the id


def test_a_rollup_sheet_holds_numbers_and_its_totals_last(tmp_path):
    path = tmp_path / "report.xlsx"
    write_rollup(
        path,
        ["社区", "活动数", "参与人数"],
        [["和平里社区", 2, 70], ["=安贞里", 1, None]],
        totals=["合计", 3, 70],
        title="2024年12月 活动汇总",
    )
    ws = load_workbook(path).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows == [
        ["2024年12月 活动汇总", None, None],
        ["社区", "活动数", "参与人数"],
        ["和平里社区", 2, 70],
        ["=安贞里", 1, None],
        ["合计", 3, 70],
    ]
    assert ws.freeze_panes == "A3"
    assert ws["B5"].data_type == "n" and ws["B5"].font.b
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_csv_cells_that_would_run_as_formulas_get_a_leading_quote():
    assert [csv_safe(t) for t in ("=1+1", "+86", "-x", "@a", "a=b", "")] == ["'=1+1", "'+86", "'-x", "'@a", "a=b", ""]


def test_a_time_column_without_a_date_column_holds_the_date_and_the_hours(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "12月"
    ws.append(["活動時間", "活動名稱", "活動內容", "類別", "社區", "人數", "說明"])
    ws.append(["2024年12月3日 9:00-11:00", "冬季防火宣傳", "入户发放宣传单", "消防", "和平里", 25, "雪天"])
    ws.append([datetime(2024, 12, 9, 14, 30), "手工课", None, "文體", "安贞里社区", "十余人", None])
    ws.append(["2024-12-10 00:00:00", "党员学习", None, "主题党日", "和平里社区", None, None])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    got = _read(path)
    assert got.problems == [] and got.notes == []
    assert [r.record for r in got.rows] == [
        {
            "date": "2024-12-03",
            "start": "09:00",
            "end": "11:00",
            "title": "冬季防火宣傳",
            "notes": "入户发放宣传单\n雪天",
            "category": "安全",
            "communities": ["和平里"],
            "participants": 25,
            "participants_approx": False,
        },
        {
            "date": "2024-12-09",
            "start": "14:30",
            "title": "手工课",
            "notes": None,
            "category": "文化",
            "communities": ["安贞里社区"],
            "participants": 10,
            "participants_approx": True,
        },
        {
            "date": "2024-12-10",
            "title": "党员学习",
            "notes": None,
            "category": "党建",
            "communities": ["和平里社区"],
            "participants": None,
            "participants_approx": False,
        },
    ]


def test_an_unknown_category_and_a_bad_time_name_their_cells(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("日期,开始时间,活动名称,类别,社区\n2024-12-01,25:00,甲,舞龙,和平里社区\n", encoding="utf-8")
    got = _read(path)
    assert got.rows == []
    assert [(p.row, p.column, p.value) for p in got.problems] == [(2, "开始时间", "25:00"), (2, "类别", "舞龙")]
    assert got.problems[1].reason.startswith("'舞龙' is not a category: expected one of 培训、会议")
    assert str(got.problems[0]) == (
        f"{path}, row 2, column 开始时间: '25:00' is not a time of day: expected 9:00, 09:00:00, 9:00 AM or 上午9:00"
    )  # a CSV file has no sheets to name


def test_a_file_that_is_no_workbook_is_one_error(tmp_path):
    from logbook.exchange import ExchangeFileError

    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(ExchangeFileError, match="cannot be read as a workbook"):
        _read(path)


def test_a_ledger_goes_to_a_binary_file_and_a_sheet_name_excel_refuses_is_mended():
    import io

    out = io.BytesIO()
    write_ledger(out, _activities()[:1], sheet="12/2024: [和平街]")
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    assert ws.title == "12_2024_ _和平街_"
    assert ws.freeze_panes == "A2" and ws["A1"].value == "日期"  # no title row: the header first


def test_two_columns_for_one_field_keep_the_first_and_say_so(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("日期,活动日期,活动名称\n2024-12-01,2024-12-02,甲\n", encoding="utf-8")
    got = _read(path, default_community="和平里社区")
    assert [r.record["date"] for r in got.rows] == ["2024-12-01"]
    assert got.notes == ["column 活动日期 not imported: another column already gives the date"]


_PLAIN = st.text(alphabet="和平里安贞小黄庄社区居委会abc xyz-=@+'、，,;；", min_size=1, max_size=8)
# Names holding the separators of a cell, and quotes or brackets, each closed in the name
_NAME = (
    st.lists(
        _PLAIN | _PLAIN.map(lambda s: f"“{s}”") | _PLAIN.map(lambda s: f"（{s}）") | _PLAIN.map(lambda s: f"《{s}》"),
        min_size=1,
        max_size=3,
    )
    .map(lambda parts: "".join(parts).strip())
    .filter(lambda s: s and not s.startswith(("'",)))
)
_TEXT = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def _activity(draw):
    day = draw(st.dates(date(1950, 1, 1), date(2150, 12, 31))).isoformat()
    start = draw(st.none() | st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}"))
    end = draw(st.none() | st.just("23:59"))
    people = draw(st.none() | st.integers(0, 10_000_000))
    return Activity(
        id=draw(st.uuids()).hex,
        date=day,
        title=draw(_TEXT),
        start=start,
        end=end,
        category=draw(st.sampled_from(["培训", "会议", "文化", "其他"])),
        communities=draw(st.lists(_NAME, max_size=3, unique=True)),
        street=draw(st.none() | _TEXT),
        participants=people,
        participants_approx=people is not None and draw(st.booleans()),
        organizers=draw(st.lists(_NAME, max_size=2, unique=True)),
        notes=draw(st.none() | _TEXT),
        location=draw(st.none() | _TEXT),
        created_at="2025-01-01T00:00:00Z",
        updated_at="2025-01-01T00:00:00Z",
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_activity(), min_size=1, max_size=5))
def test_any_activities_written_read_back_the_same(tmp_path, activities):
    path = tmp_path / "any.xlsx"
    for activity in activities:
        activity.validate()
    write_ledger(path, activities, title="台账")
    got = _read(path, registry=None)
    assert got.problems == []
    assert [r.record for r in got.rows] == [_fields(a) for a in activities]


def test_a_cell_of_names_splits_outside_quotes_and_brackets_only(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text(
        "日期,活动名称,社区,协办单位\n"
        '2024-12-01,宣传,青禾社区,"“文明、和谐”宣传队、青禾志愿队，区民政局（社工科、慈善科）"\n'
        '2024-12-02,讲座,青禾社区,"张三“、李四"\n',
        encoding="utf-8",
    )
    got = _read(path, default_community="青禾社区")
    assert [r.record["partners"] for r in got.rows] == [
        ["“文明、和谐”宣传队", "青禾志愿队", "区民政局（社工科、慈善科）"],
        ["张三“", "李四"],  # a quote never closed holds nothing
    ]


def test_a_cell_of_quotes_nested_thousands_deep_is_read_as_it_stands():
    from logbook.ledgers.cells import read_names

    cell = "“" * 3000 + "青禾、柳溪" + "”" * 3000
    assert read_names(cell) == [cell]  # one name, its quotes its own


def test_an_activity_named_like_a_total_row_is_still_an_activity(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("日期,活动名称,人数\n2024-12-01,小计,3\n,合计,3\n", encoding="utf-8")
    got = _read(path, default_community="和平里社区")
    assert [r.record["title"] for r in got.rows] == ["小计"]
    assert got.problems == []


def test_a_csv_named_after_a_registered_community_places_its_rows(tmp_path):
    path = tmp_path / "安贞里社区.csv"
    path.write_text("填报单位：,,\n日期,活动名称,负责人\n2024-12-01,读书会,王某\n", encoding="utf-8")
    got = _read(path)
    assert [(r.sheet, r.where, r.record) for r in got.rows] == [
        (None, "row 3", {"date": "2024-12-01", "title": "读书会", "communities": ["安贞里社区"]}),
    ]
    assert got.notes == ["column 负责人 not imported; --map 负责人=organizers to keep it"]


def test_a_ledger_with_its_rollup_reads_back_without_the_rollup(tmp_path):
    from openpyxl import Workbook as Book

    from logbook.ledgers import add_ledger_sheet, add_rollup_sheet

    path = tmp_path / "both.xlsx"
    book = Book(write_only=True)
    add_ledger_sheet(book, _activities(), title="和平街街道 2024年12月 社区活动台账")
    add_rollup_sheet(
        book, ["社区", "活动数", "参与人数"], [["和平里社区", 1, 50], ["小黄庄社区", 1, 12]], totals=["合计", 2, 62]
    )
    book.save(path)
    assert load_workbook(path).sheetnames == ["活动台账", "汇总"]
    got = _read(path, registry=None)
    assert [r.record for r in got.rows] == [_fields(a) for a in _activities()]
    assert got.notes == ["sheet 汇总 is a summary (counts per community or month), not activities; not imported"]


def test_the_date_forms_ledgers_hold(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "和平里社区"
    ws.append(["日期", "活动名称"])
    cells = [
        20241203,
        "20241204",
        "2024年12月5号",
        "2024.12.6",
        "2024-12-07",
        "12/8",
        "45635",
        "2024/12/10 09:30",
        "12月11日（周三）",
        datetime(2024, 12, 12, 0, 0),
    ]
    for i, cell in enumerate(cells):
        ws.append([cell, f"活动{i}"])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    got = _read(path, today=date(2025, 1, 6))
    assert got.problems == []
    assert [r.record["date"] for r in got.rows] == [f"2024-12-{d:02d}" for d in range(3, 13)]


def test_a_date_or_community_merged_over_several_rows_belongs_to_each(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["2024年12月活动台账"])
    ws.merge_cells("A1:D1")
    ws.append(["日期", "社区", "活动名称", "人数"])
    ws.append([date(2024, 12, 3), "和平里社区", "上午场", 10])
    ws.append([None, None, "下午场", 12])
    ws.append([None, "安贞里社区", "晚场", 8])
    ws.merge_cells("A3:A5")
    ws.merge_cells("B3:B4")
    ws.append(["合计", None, None, 30])
    ws.merge_cells("A6:C6")
    path = tmp_path / "l.xlsx"
    wb.save(path)
    got = _read(path)
    assert got.problems == []
    assert [(r.record["date"], r.record["communities"], r.record["title"]) for r in got.rows] == [
        ("2024-12-03", ["和平里社区"], "上午场"),
        ("2024-12-03", ["和平里社区"], "下午场"),
        ("2024-12-03", ["安贞里社区"], "晚场"),
    ]
