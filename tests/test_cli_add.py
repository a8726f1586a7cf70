"""`logbook add`: every option, the id on stdout, the confirmation on stderr, the stored record."""

import json
import re

from conftest import add, run
from logbook_files import month_files, stored_activities


def stored(db_path):
    return stored_activities(db_path)


def test_add_prints_full_id_and_confirms_on_stderr(db_path):
    result = run("add", "社区消防安全培训")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"[0-9a-f]{32}\n", result.stdout)
    short = result.stdout[:8]
    assert result.stderr == f"Added {short} on 2025-03-30: 社区消防安全培训\n"


def test_add_every_option_is_stored(db_path, registry):
    activity_id = add(
        "  垃圾分类志愿者培训会  ",
        "--date",
        "2025年3月27日",
        "--start",
        "9:00",
        "--end",
        "11:30",
        "--community",
        "安贞西里",
        "--community",
        "黄寺社区",
        "--category",
        "training",
        "--people",
        "40余",
        "--organizer",
        "社区居委会",
        "--partner",
        "区城管委",
        "--speaker",
        "王立新",
        "--group",
        "志愿者",
        "--group",
        "居民",
        "--tag",
        "垃圾分类",
        "--location",
        "社区党群服务中心",
        "--note",
        "第一行\n第二行",
    )
    [doc] = stored(db_path)
    assert doc["id"] == activity_id
    assert doc["date"] == "2025-03-27"
    assert doc["start"] == "09:00" and doc["end"] == "11:30"
    assert doc["title"] == "垃圾分类志愿者培训会"
    assert doc["category"] == "培训"
    assert doc["communities"] == ["安贞西里社区", "黄寺社区"]
    assert doc["street"] == "安贞街道"
    assert doc["participants"] == 40 and doc["participants_approx"] is True
    assert doc["organizers"] == ["社区居委会"]
    assert doc["partners"] == ["区城管委"]
    assert doc["speakers"] == ["王立新"]
    assert doc["groups"] == ["志愿者", "居民"]
    assert doc["tags"] == ["垃圾分类"]
    assert doc["location"] == "社区党群服务中心"
    assert doc["notes"] == "第一行\n第二行"
    assert doc["source"] == "typed"
    assert doc["author"] == "王社工"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", doc["created_at"])
    assert doc["updated_at"] == doc["created_at"]


def test_add_defaults(db_path):
    add("居民议事会")
    [doc] = stored(db_path)
    assert doc["date"] == "2025-03-30"
    assert doc["category"] == "其他"
    assert doc["communities"] == [] and doc["participants"] is None
    assert doc["participants_approx"] is False


def test_a_date_with_its_part_of_the_day_is_that_day(db_path):
    # 上午 names no hour: the day is logged; a clock time after it belongs in --start.
    add("消防安全培训", "--date", "3月5日上午")
    assert stored(db_path)[-1]["date"] == "2025-03-05"
    result = run("add", "消防安全培训", "--date", "3月5日上午9点")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: invalid date '3月5日上午9点': expected ")
    assert len(stored(db_path)) == 1


def test_categories_in_either_script_and_english(db_path):
    for typed, expected in [
        ("議事協商", "会议"),
        ("meeting", "会议"),
        ("消防", "安全"),
        ("義診", "义诊"),
        ("PARTY", "党建"),
    ]:
        add("活动", "--category", typed)
        assert stored(db_path)[-1]["category"] == expected


def test_people_forms(db_path):
    for typed, expected in [
        ("40", (40, False)),
        ("40+", (40, True)),
        ("40余人", (40, True)),
        ("0", (0, False)),
        ("八名", (8, False)),
    ]:
        add("活动", "--people", typed)
        doc = stored(db_path)[-1]
        assert (doc["participants"], doc["participants_approx"]) == expected


def test_unknown_community_is_kept_with_a_warning_suggesting_names(db_path, registry):
    result = run("add", "入户走访", "--community", "安贞西社区")
    assert result.exit_code == 0
    assert "Warning: community '安贞西社区' is not in the registry" in result.stderr
    assert "安贞西里社区" in result.stderr
    assert stored(db_path)[0]["communities"] == ["安贞西社区"]


def test_street_given_explicitly_resolves_through_the_registry(db_path, registry):
    add("联席会", "--street", "安貞街道")
    assert stored(db_path)[0]["street"] == "安贞街道"


def test_file_is_utf8_without_escapes_and_private(db_path):
    from logbook.storage import SCHEMA_VERSION

    add("社区消防安全培训", "--community", "安贞西里社区")
    [month] = month_files(db_path)  # the record lives in its month's file
    assert month.parent.name == "logbook.json.d" and month.name.startswith("2025-03.")
    raw = month.read_bytes()
    assert "社区消防安全培训".encode() in raw
    for path in (db_path, month):
        assert b"\\u" not in path.read_bytes()
        assert (path.stat().st_mode & 0o777) == 0o600
    assert "安贞西里社区".encode() in db_path.read_bytes()  # the index, in UTF-8 too
    data = json.loads(db_path.read_bytes())
    assert data["_meta"]["1"]["schema_version"] == SCHEMA_VERSION == 2
