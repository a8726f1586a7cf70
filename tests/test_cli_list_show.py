"""`logbook list` and `logbook show`: order, limits, formats, ids by prefix."""

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from conftest import add, run


def test_list_newest_first_with_limit_and_all():
    for day in range(1, 26):
        add(f"活动{day:02d}", "--date", f"2025-03-{day:02d}")
    result = run("list", "--format", "json")
    titles = [r["title"] for r in result.json]
    assert len(titles) == 20
    assert titles[0] == "活动25" and titles[-1] == "活动06"
    assert len(run("list", "--limit", "3", "--format", "json").json) == 3
    assert len(run("list", "--all", "--format", "json").json) == 25
    table = run("list")
    assert "20 of 25 shown" in table.stderr


def test_list_all_is_newest_first_across_months_and_within_a_day():
    # --all reads and sorts a month at a time, newest month first: the order must be the one
    # a sort of every activity together gives (date, start time, then order of entry).
    days = ["2025-01-31", "2025-03-01", "2025-02-14", "2025-03-01", "2025-01-02", "2025-02-14"]
    starts = [None, "09:00", "14:30", None, "08:00", "09:15"]
    for n, (day, start) in enumerate(zip(days, starts)):
        extra = ["--start", start] if start else []
        add(f"活动{n}", "--date", day, "--community", "和平里社区" if n % 2 else "安贞里社区", *extra)
    listed = [json.loads(line) for line in run("list", "--all", "--format", "jsonl").stdout.splitlines()]
    expected = sorted(listed, key=lambda r: (r["date"], r["start"] or "", r["created_at"], r["id"]), reverse=True)
    assert [r["title"] for r in listed] == [r["title"] for r in expected]
    assert [r["date"] for r in listed] == sorted(days, reverse=True)
    assert [r["title"] for r in listed][:2] == ["活动1", "活动3"]  # the one with a start time first
    assert run("list", "--limit", "100", "--format", "jsonl").stdout == run("list", "--all", "--format", "jsonl").stdout
    some = run("list", "--all", "--community", "和平里社区", "--from", "2025-01-15", "--format", "jsonl").stdout
    assert [json.loads(line)["title"] for line in some.splitlines()] == ["活动1", "活动3", "活动5"]


def test_a_json_listing_leaves_nothing_for_the_cycle_collector():
    # The process runs with the cycle collector off (cli.main): a listing that made a reference
    # cycle for each record would hold them all until it ended.
    import gc

    from logbook.formats import Format, write_activities
    from logbook.models import Activity, new_id

    activities = [
        Activity(id=new_id(), title=f"讲座{n}", date="2025-03-01", communities=["安贞里社区"], tags=["反诈"])
        for n in range(20)
    ]
    gc.collect()
    gc.disable()
    try:
        text = "".join(write_activities(activities, Format.json))
        left = gc.collect()
    finally:
        gc.enable()
    assert len(json.loads(text)) == 20
    assert left == 0


def test_list_json_is_an_array_of_full_records():
    add("培训", "--people", "12")
    [record] = run("list", "--format", "json").json
    # Spelled out, not models.FIELD_ORDER: the order is a contract with programs that read it.
    assert list(record) == [
        "id",
        "date",
        "start",
        "end",
        "title",
        "category",
        "communities",
        "street",
        "participants",
        "participants_approx",
        "organizers",
        "partners",
        "speakers",
        "groups",
        "tags",
        "location",
        "notes",
        "source",
        "author",
        "created_at",
        "updated_at",
    ]


def test_list_jsonl_csv_md():
    add("社区议事会，讨论“停车”问题", "--tag", "停车", "--tag", "a;b", "--note", "第一行\n第二行")
    lines = run("list", "--format", "jsonl").stdout.splitlines()
    assert json.loads(lines[0])["tags"] == ["停车", "a;b"]
    out = run("list", "--format", "csv").stdout
    assert not out.startswith("\ufeff")  # not a file: no BOM to break `cut` or `head`
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["title"] == "社区议事会，讨论“停车”问题"
    assert row["notes"] == "第一行\n第二行"
    assert row["tags"] == "停车;a\\;b"
    md = run("list", "--format", "md").stdout
    assert md.splitlines()[0] == "| id | date | title | category | communities | street | participants |"


def beijing(stamp: str) -> str:
    """A record's UTC stamp as `show` prints it: Beijing time to the minute."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return f"{moment.astimezone(timezone(timedelta(hours=8))):%Y-%m-%d %H:%M}"


LONG_TITLE = "社区老年人防范电信诈骗专题讲座暨反诈宣传进万家系列活动第三场（安贞街道与朝阳区公安分局联合主办）"


def test_list_table_aligns_and_folds_chinese():
    """The whole table, as a person sees it at 120 columns: wide characters take two columns, a
    long title folds onto a second line (not cut with …), the other columns stay aligned; off a
    terminal no line carries the spaces that pad it to the table's width."""
    activity_id = add(LONG_TITLE, "--community", "安贞西里社区", "--people", "40+", "--date", "2025-03-27")
    assert run("list").stdout == "\n".join([
        "ID        Date        Title                                                               Category  Communities   People",
        f"{activity_id[:8]}  2025-03-27  社区老年人防范电信诈骗专题讲座暨反诈宣传进万家系列活动第三场（安贞  其他      安贞西里社区     40+",
        "                      街道与朝阳区公安分局联合主办）",
        "",
    ])  # fmt: skip
    local = beijing(run("show", activity_id, "--format", "json").json["created_at"])
    assert run("show", activity_id[:6]).stdout == "\n".join([
        f"ID             {activity_id}",
        "Date           2025-03-27",
        "Starts",
        "Ends",
        f"Title          {LONG_TITLE}",
        "Category       其他",
        "Communities    安贞西里社区",
        "Street",
        "People         40+",
        "Organizers",
        "Partners",
        "Speakers",
        "Groups served",
        "Tags",
        "Location",
        "Notes",
        "Source         typed",
        "Logged by      王社工",
        f"Created        {local}",
        f"Updated        {local}",
        "",
    ])  # fmt: skip


def test_list_sort_participants_and_bad_sort():
    add("小", "--people", "5")
    add("大", "--people", "50")
    add("无")
    titles = [r["title"] for r in run("list", "--sort", "participants", "--format", "json").json]
    assert titles == ["大", "小", "无"]
    bad = run("list", "--sort", "size")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: invalid value 'size' for --sort")


@pytest.mark.parametrize("command", [["list"], ["search", "活动"]])
@pytest.mark.parametrize("by", ["participants", "community"])
def test_a_limited_list_in_another_order_is_the_head_of_the_whole_sorted_list(by, command):
    # With a limit, `list --sort` and `search --sort` keep the first N as the months go by
    # instead of sorting every activity together: the order must be the one the whole sort
    # gives, ties (the same head count, the same community, none at all) newest first.
    rows = [
        ("2025-01-31", "30", "和平里社区"),
        ("2025-03-01", "30", "安贞里社区"),
        ("2025-02-14", None, None),
        ("2025-03-01", "5", "和平里社区"),
        ("2025-01-02", "30", "安贞里社区"),
        ("2025-02-14", "0", None),
        ("2024-12-30", None, "和平里社区"),
        ("2025-02-01", "120", "安贞里社区"),
    ]
    for n, (day, people, community) in enumerate(rows):
        add(
            f"活动{n}",
            "--date",
            day,
            *(["--people", people] if people else []),
            *(["--community", community] if community else []),
        )
    records = run(*command, "--all", "--sort", by, "--format", "json").json
    whole = [r["title"] for r in records]
    for limit in (1, 3, 5, len(rows), 20):
        result = run(*command, "--sort", by, "--limit", str(limit), "--format", "json")
        assert [r["title"] for r in result.json] == whole[:limit]
    some = run(*command, "--sort", by, "--limit", "2", "--community", "和平里社区", "--format", "json").json
    assert [r["title"] for r in some] == [r["title"] for r in records if "和平里社区" in r["communities"]][:2]
    counted = run(*command, "--sort", by, "--limit", "2").stderr
    assert f"2 of {len(rows)} shown" in counted or f"{len(rows)} activities found; 2 shown" in counted
    if by == "participants":
        assert whole[:4] == ["活动7", "活动1", "活动0", "活动4"]  # 120, then the three 30s newest first
        assert whole[-2:] == ["活动2", "活动6"]  # none after 0, newest first
    else:
        assert whole[-2:] == ["活动5", "活动2"]  # no community last; the same day, the later entry first


def test_show_by_prefix_every_field():
    activity_id = add("中医义诊进社区", "--people", "60", "--speaker", "张医生")
    result = run("show", activity_id[:4])
    assert result.exit_code == 0, result.stderr
    for text in (activity_id, "中医义诊进社区", "张医生", "60", "Created"):
        assert text in result.stdout
    as_json = run("show", activity_id[:6], "--format", "json").json
    assert as_json["id"] == activity_id


def test_show_unknown_and_too_short_and_ambiguous_ids():
    ids = [add(f"活动{i}") for i in range(40)]
    missing = run("show", "ffffffff" if not any(i.startswith("ffffffff") for i in ids) else "00000000")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: no activity with id")
    short = run("show", "abc")
    assert short.exit_code == 2
    assert "4 or more hex characters" in short.stderr
    # Two ids sharing a prefix: find one among 40 random ids, else make the prefix ambiguous by
    # construction through the library.
    import pytest

    from logbook.errors import AmbiguousId
    from logbook.models import Activity
    from logbook.storage import resolve_ref

    a = Activity(id="abcd" + "0" * 28, date="2025-01-01", title="x")
    b = Activity(id="abcd" + "1" * 28, date="2025-01-02", title="y")
    with pytest.raises(AmbiguousId) as err:
        resolve_ref("abcd", [a, b])
    assert "abcd00000000" in err.value.message and "abcd11111111" in err.value.message


def test_sample_logbook_lists_and_refuses_writes(db_path):
    result = run("--sample", "list", "--all", "--format", "json")
    assert result.exit_code == 0
    records = result.json
    assert len(records) >= 100
    assert len({c for r in records for c in r["communities"]}) >= 15
    assert run("--sample", "list", "--all", "--format", "json").stdout == result.stdout
    refused = run("--sample", "add", "x")
    assert refused.exit_code == 1
    assert refused.stderr == "Error: the sample logbook is read-only; use --db to write to a logbook of your own\n"
    assert not db_path.exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_title_breaks_as_chinese_is_written(lang, monkeypatch):
    """A title breaks between characters, not at its one space: no line of it is a lone
    character cut from its word, and read in order the lines give the title back."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LOGBOOK_LANG", lang)
    title = "消防安全知识讲座：“安全用电 从我做起”暨冬季防火入户宣传活动（第二场）"
    add(title, "--community", "安贞西里社区", "--people", "25", "--date", "2025-03-27")
    lines = run("list").stdout.splitlines()[1:]
    at = lines[0].index("消防")
    pieces = [line[at:].split("  ")[0] for line in lines]
    assert "".join(pieces).replace(" ", "") == title.replace(" ", "")
    assert all(len(piece.strip()) > 2 for piece in pieces)
    assert len(pieces) <= 3
