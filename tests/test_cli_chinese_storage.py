"""The logbook's files and their health read in Chinese (LOGBOOK_LANG=zh): a locked logbook, a
damaged file, undo with its Beijing time, and `check`'s lines and totals, with and without
`--fix`; what programs read (`check --format json`, exit codes) stays as it is in English."""

from __future__ import annotations

import json

import pytest
from conftest import add, run
from test_undo import _hold_lock

from logbook import dates, i18n


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    yield
    i18n.use(i18n.ENGLISH)


def test_a_locked_logbook_is_said_in_chinese(db_path, monkeypatch):
    add("议事会")
    holder = _hold_lock(db_path, seconds=30)
    try:
        monkeypatch.setenv("LOGBOOK_LOCK_TIMEOUT", "0.2")
        result = run("add", "消防演练")
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 3
    assert result.stderr == (
        f"错误：{db_path} 正被另一个 logbook 进程锁定（已等待 0.2 秒，锁文件 {db_path}.lock）；请等它结束后再试\n"
    )


def test_a_damaged_file_is_said_in_chinese(db_path):
    db_path.write_text("", encoding="utf-8")
    result = run("list")
    assert result.exit_code == 3
    assert result.stderr == f"错误：{db_path} 是空的，而记录本文件不会是空的。文件没有被改动；也没有找到备份\n"
    db_path.write_text('{"activities": ', encoding="utf-8")
    result = run("list")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"错误：{db_path} 不是有效的 JSON（")


def test_undo_in_chinese_says_the_beijing_time(monkeypatch):
    monkeypatch.setattr(dates, "now_utc_iso", lambda now=None: "2025-03-30T06:05:00.000Z")
    activity_id = add("议事会")
    result = run("undo")
    assert result.exit_code == 0
    assert result.stdout == f"已撤销：add {activity_id[:8]} 议事会（操作于 2025-03-30 14:05）\n"
    nothing = run("undo")
    assert nothing.exit_code == 1
    assert nothing.stderr == "错误：没有可撤销的修改：保留的修改记录是空的\n"


def test_check_lists_its_findings_in_chinese_and_its_json_in_english(registry):
    typed = add("老年人防诈骗讲座", "-c", "外馆", "--people", "15")
    unknown = add("议事会", "-c", "和平里", "--people", "12")
    assert run("community", "add", "外馆社区", "--street", "安贞街道", "--alias", "外馆").exit_code == 0
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"社区        {typed[:8]}           '外馆' 在社区名册中登记为 外馆社区（可用 --fix 修复）\n"
        f"社区        {unknown[:8]}           '和平里' 不在社区名册中；是不是指 和平街一社区、和平街十一社区？\n"
        f"街道        {typed[:8]}           2025-03-30 老年人防诈骗讲座：没有填写街道；按社区名册，外馆 属于 "
        "安贞街道（可用 --fix 修复）\n"
    )
    assert result.stderr == "在 2 条活动中发现 3 个问题；其中 2 个可用 --fix 修复\n"
    # What programs read is the same in either language.
    report = json.loads(run("check", "--format", "json").stdout)
    assert [p["message"] for p in report["problems"]] == [
        "'外馆' is 外馆社区 in the registry",
        "'和平里' is not in the registry; did you mean 和平街一社区, 和平街十一社区?",
        "2025-03-30 老年人防诈骗讲座: no street; the registry puts 外馆 in 安贞街道",
    ]
    assert [p["kind"] for p in report["problems"]] == ["community", "community", "street"]


def test_check_fix_says_what_it_fixed_in_chinese(registry):
    add("老年人防诈骗讲座", "-c", "外馆", "--people", "15")
    assert run("community", "add", "外馆社区", "--street", "安贞街道", "--alias", "外馆").exit_code == 0
    result = run("check", "--fix")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "已修复 1 条活动\n检查了 1 条活动，没有发现问题\n"
    assert run("check", "--format", "json").json["ok"] is True


def test_a_record_that_cannot_be_read_is_english_in_json_and_chinese_in_text(db_path):
    activity_id = add("议事会", "--people", "12", "--date", "2025-03-27")
    part = next((db_path.parent / f"{db_path.name}.d").glob("2025-03.*[0-9].json"))
    rows = json.loads(part.read_text(encoding="utf-8"))
    rows["activities"]["1"]["participants"] = "很多"
    part.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    text = run("check")
    assert text.exit_code == 1
    assert text.stdout == (
        f"格式        {activity_id[:8]}           参与人数应为不小于 0 的整数，现为 '很多'（{part}，文档 1：已原样保留）\n"
    )
    assert text.stderr == "在 1 条活动中发现 1 个问题\n"
    problem = run("check", "--format", "json").json["problems"][0]
    assert problem["message"] == (
        f"participants must be a whole number >= 0, got '很多' ({part}, document 1: left as it is)"
    )


def test_check_help_is_in_chinese():
    import inspect

    from logbook.commands.check import _CHECK_HELP, check

    assert inspect.getdoc(check) == _CHECK_HELP  # the docstring --help shows is the catalog's id
    text = run("check", "--help").stdout
    assert "检查记录本是否健全" in text and "修复可以放心修复的问题" in text
    assert "health" not in text and "Fix what" not in text


def test_a_record_without_an_id_is_named_by_its_place_in_the_file():
    from logbook.commands.check import _check_id

    i18n.use(i18n.CHINESE)
    assert (_check_id("record 12"), _check_id("0123456789abcdef")) == ("第 12 条记录", "01234567")
    i18n.use(i18n.ENGLISH)
    assert _check_id("record 12") == "record 12"  # whole, as JSON names it: not `record 1`
