"""The commands people read in Chinese (LOGBOOK_LANG=zh): tables and `show` with Chinese
headings and labels, head counts written `40余`, Beijing times, errors and notes in Chinese;
what programs read (JSON) stays as it is."""

import errno
import re
import sys
import textwrap

import pytest
from conftest import add, run

from logbook import dates, i18n
from logbook.labels import head_count


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    yield
    i18n.use(i18n.ENGLISH)


def test_list_table_in_chinese():
    activity_id = add("消防安全培训", "--community", "安贞西里社区", "--people", "40余", "--date", "2025-03-27")
    other = add("议事会", "--people", "12", "--date", "2025-03-28", "--category", "会议")
    assert run("list").stdout == "\n".join([
        "编号      日期        标题          类别  社区          人数",
        f"{other[:8]}  2025-03-28  议事会        会议                  12",
        f"{activity_id[:8]}  2025-03-27  消防安全培训  其他  安贞西里社区  40余",
        "",
    ])  # fmt: skip


def test_show_in_chinese_with_beijing_times(monkeypatch):
    monkeypatch.setattr(dates, "now_utc_iso", lambda now=None: "2025-03-30T06:05:00.000Z")
    activity_id = add(
        "中医义诊进社区",
        "--community",
        "安贞西里社区",
        "--people",
        "40+",
        "--speaker",
        "张医生",
        "--date",
        "2025-03-27",
        "--start",
        "9点",
    )
    rows = [
        ("编号", activity_id),
        ("日期", "2025-03-27"),
        ("开始时间", "09:00"),
        ("结束时间", ""),
        ("标题", "中医义诊进社区"),
        ("类别", "其他"),
        ("社区", "安贞西里社区"),
        ("街道", ""),
        ("人数", "40余"),
        ("组织者", ""),
        ("合作单位", ""),
        ("主讲人", "张医生"),
        ("服务对象", ""),
        ("标签", ""),
        ("地点", ""),
        ("备注", ""),
        ("来源", "手工录入"),
        ("录入人", "王社工"),
        ("录入时间", "2025-03-30 14:05"),
        ("修改时间", "2025-03-30 14:05"),
    ]
    from logbook.plain import pad

    # Two columns: the labels, and the values (off a terminal, without the padding after them).
    lines = [f"{pad(label, 8)}  {value}".rstrip() for label, value in rows]
    assert run("show", activity_id[:6]).stdout == "\n".join(lines) + "\n"
    # What programs read does not change with the language: UTC, the field names, true/false.
    record = run("show", activity_id, "--format", "json").json
    assert record["created_at"] == "2025-03-30T06:05:00.000Z"
    assert record["participants"] == 40 and record["participants_approx"] is True


def test_approximate_head_counts_in_each_language():
    i18n.use(i18n.CHINESE)
    assert (head_count(40, True), head_count(296, True, total=True), head_count(12, False)) == (
        "40余",
        "至少 296",
        "12",
    )
    assert head_count(None, False) == ""
    i18n.use(i18n.ENGLISH)
    assert (head_count(40, True), head_count(296, True, total=True)) == ("40+", "296+")


@pytest.mark.parametrize(
    "args, line",
    [
        (
            ("add", "议事会", "--people", "很多"),
            "错误：--people 的人数 '很多' 无效：应为整数，如 40；“40多人”可写 40余 或 40+\n",
        ),
        (
            ("add", "议事会", "--date", "明年"),
            "错误：日期 '明年' 无法识别：可以写 YYYY-MM-DD、2025/3/27、3/27、2025年3月27日、3月27日、"
            "今天、昨天、前天（或 today、yesterday），或星期几，如 周三、mon\n",
        ),
        (("list", "--sort", "size"), "错误：--sort 的值 'size' 无效：应为以下之一：date, participants, community\n"),
        (("add", "   "), "错误：标题是空的\n"),
    ],
)
def test_errors_in_chinese_are_one_line(args, line):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == line


def test_the_sample_logbook_is_named_in_chinese():
    refused = run("--sample", "add", "议事会")
    assert (refused.exit_code, refused.stderr) == (1, "错误：示例记录本 是只读的；要记录请用 --db 指定自己的记录本\n")


def test_notes_and_warnings_in_chinese():
    for day in range(1, 4):
        add(f"活动{day}", "--date", f"2025-03-0{day}")
    assert run("list", "--limit", "2").stderr == "共 3 条，显示 2 条；用 --all 或 --limit N 查看更多\n"
    assert run("search", "活动").stderr == "找到 3 条活动\n"
    assert run("list", "--from", "2025-03-10", "--to", "2025-03-01").stderr == (
        "警告：2025-03-10 至 2025-03-01 这段时间是空的：结束早于开始\n"
    )


def test_a_missing_logbook_is_named_in_one_line(tmp_path):
    missing = tmp_path / "没有" / "logbook.json"
    line = f"{missing} 处还没有记录本，尚未在那里记录过任何活动\n"
    for args in (["list"], ["search", "培训"]):
        result = run("--db", str(missing), *args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", line), args
    shown = run("--db", str(missing), "show", "abcd1234")
    assert (shown.exit_code, shown.stdout, shown.stderr) == (1, "", "错误：" + line)
    assert not missing.parent.exists()  # reading makes nothing
    assert run("--db", str(missing), "list", "--format", "json").json == []


EDITOR = """
    import json, os, sys
    path = sys.argv[1]
    text = open(path, encoding="utf-8").read()
    calls = os.environ["CALLS"]
    with open(calls, "a", encoding="utf-8") as log:
        log.write(text + "\\n=====\\n")
    rounds = open(calls, encoding="utf-8").read().count("=====")
    if os.environ.get("EMPTY") and rounds == 2:
        open(path, "w").close()
        sys.exit(0)
    rec = json.loads("".join(l for l in text.splitlines() if not l.startswith("#")))
    rec["participants"] = -3 if rounds == 1 else 25
    rec["title"] = "改过的标题"
    json.dump(rec, open(path, "w", encoding="utf-8"), ensure_ascii=False)
"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    script = tmp_path / "editor.py"
    script.write_text(textwrap.dedent(EDITOR), encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("CALLS", str(tmp_path / "calls.txt"))
    return tmp_path / "calls.txt"


def test_editor_reopens_on_a_faulty_record_with_the_error_on_top(editor):
    activity_id = add("议事会", "--people", "10")
    result = run("edit", activity_id, "--editor")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"已修改 {activity_id[:8]}：改过的标题\n"
    first, second = editor.read_text(encoding="utf-8").split("\n=====\n")[:2]
    assert not first.startswith("#")
    assert second.splitlines()[:2] == [
        "# 修改后的记录有误：参与人数不能小于 0，现为 -3",
        "# 请改正后保存；清空文件即取消本次修改。以 # 开头的行会被忽略。",
    ]
    assert '"participants": -3' in second and "改过的标题" in second  # the person's own text
    record = run("show", activity_id, "--format", "json").json
    assert (record["participants"], record["title"]) == (25, "改过的标题")


def test_an_emptied_file_cancels_the_edit(editor, monkeypatch, db_path):
    activity_id = add("议事会", "--people", "10")
    before = db_path.read_bytes()
    monkeypatch.setenv("EMPTY", "1")
    result = run("edit", activity_id, "--editor")
    assert (result.exit_code, result.stderr) == (1, "修改后的记录是空的；已取消修改，没有任何改动\n")
    assert db_path.read_bytes() == before


# Values the user typed and names that stay as they are (options, formats, paths) may stand in a
# Chinese error; any other English word is a message left untranslated.
_KEEP = re.compile(
    r"--?[\w-]+|'[^']*'|\"[^\"]*\"|/[\w./-]+|\b(json|jsonl|csv|md|html|text|table|xlsx|logbook|ISO|JSON|CSV|"
    r"YYYY-MM-DD|YYYY-MM|HH:MM|today|yesterday|mon|community|street|category|tag|organizer|week|month|"
    r"quarter|this|last|newer|keep|replace|zh|en|help|add|list|show|edit|delete|undo|search|report|digest|"
    r"export|import|check|rename|remove)\b"
)


@pytest.mark.parametrize(
    "args",
    [
        ["add", "培训", "--date", "2025-13-45"],
        ["add", ""],
        ["add", "培训", "--start", "25:00"],
        ["add", "培训", "--people", "很多"],
        ["list", "--limit", "abc"],
        ["list", "--week", "W99"],
        ["list", "--nope"],
        ["lst"],
        ["show"],
        ["show", "zz"],
        ["show", "abcd1234"],
        ["edit", "abcd1234", "--title", "新"],
        ["report", "--by", "nothing"],
        ["report", "--period", "decade"],
        ["digest", "--week", "2025-W99"],
        ["import", "/nonexistent/file.json"],
        ["export", "-f", "xlsxx"],
        ["export", "-o", "/nonexistent/folder/out.json"],  # the system's reason in Chinese too
        ["community", "remove", "无此社区"],
        ["--lang", "fr", "list"],
    ],
)
def test_errors_read_chinese_under_zh(args, monkeypatch):
    add("已有的活动")
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run(*args)
    assert result.exit_code != 0, result.stdout
    assert result.stderr.startswith("错误："), result.stderr
    said = result.stderr
    for typed in args:  # what the user typed is shown as typed
        said = re.sub(rf"(?<![\w-]){re.escape(typed)}(?![\w-])", " ", said) if typed else said
    leftover = re.findall(r"[A-Za-z]{3,}", _KEEP.sub(" ", said))
    assert not leftover, result.stderr


def test_the_systems_reasons_read_chinese():
    i18n.use(i18n.CHINESE)
    missing = i18n.os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    assert (str(missing), missing.text()) == ("No such file or directory", "没有这个文件或文件夹")
    assert i18n.os_reason(OSError(errno.ENOSPC, "No space left on device")).text() == "磁盘上没有剩余空间"
    # one the catalog does not know is said as the system says it
    assert i18n.os_reason(OSError(errno.EXDEV, "Invalid cross-device link")).text() == "Invalid cross-device link"
