"""`import-text --explain` in the reader's language: every reason a Chinese sentence under zh, an
English one under en, while the JSON `why` that programs read stays English whatever the reader's
language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run

# Made-up reports, one per `---`, each written to draw out a different kind of reason: a headline
# at the top, a date without its year or with it named, only 近日, no date at all, a number of
# helpers not counted, an approximate count, counts that disagree, people served, no community,
# a registered community and its street, several streets, a date of an earlier event, a quoted
# event name, a title with text lost in the scrape, a guest not taken for a speaker, a partner.
ARTICLES = """\
白云路社区开展防范电信诈骗知识讲座
3月12日上午，白云路社区在居民活动室开展防范电信诈骗主题讲座，辖区派出所民警赵立新老师为居民讲解常见骗局和防范方法。共有45名居民参加了本次讲座。
---
近日，为丰富老年人的精神文化生活，志愿者们组织了一场书法交流活动，大家挥毫泼墨，其乐融融。
---
为帮助居民了解垃圾分类知识，10名志愿者在小区门口设立宣传点，发放宣传册200份，解答居民疑问。
---
6月5日，槐树街道杏花社区联合北京市朝阳区康乐养老服务中心为辖区高龄老人开展义诊活动，约60名老人参与，医生孙志强为老人测量血压。
---
桃源社区举办迎新春联欢会
元宵节前夕，桃源社区举办迎新春联欢会，80余名居民参加，另有20名居民参与了前期排练，现场气氛热烈。
---
本报讯（记者 周明）4月2日讯 近日，社区居委会工作人员走访了辖区空巢老人。
---
2024年9月10日，金秋社区联合阳光志愿服务队为辖区居民提供理发、磨刀、修鞋等便民服务，共服务居民120人次。
---
6月18日上午，绿洲社区在党群服务中心开展“健康生活进万家”活动，社区卫生服务站的医生为居民测量血压，40名居民参加。
---
5月9日，东湖街道和西湖街道联合举办趣味运动会，约200名居民参加。
---
7月2日，社区组织居民学习防汛知识。去年7月20日，社区曾遭遇强降雨。
---
2024年3月，社区开展了多场活动。3月15日，社区组织消费维权宣传，25名居民参加。
---
社区??开展书法培训
8月1日，杏??区开展书法培训，请来书法家李国华老师授课，25名居民参加。
---
9月9日，团委在绿洲社区举办青年联谊活动，嘉宾为民政局副局长张卫东，共50人参加。
---
4月3日，社区党委书记刘海燕为党员讲解新修订的条例，本次党课由社区党委主办。
"""

# What --explain calls each field in Chinese.
_FIELDS_ZH = {"标题", "日期", "时间", "类别", "覆盖社区", "街道", "地点", "参与人数", "主讲人", "协办单位", "备注"}
# Flag names stay as they are typed, in any language.
_FLAG = re.compile(r"--[a-z][a-z-]*")
_ASCII_WORD = re.compile(r"[A-Za-z]+")


@pytest.fixture
def articles(tmp_path) -> Path:
    path = tmp_path / "reports.txt"
    long_one = "10月8日，绿洲社区开展读书分享会，30名居民参加。" + "大家轮流分享读书心得。" * 2000
    path.write_text(ARTICLES + "---\n" + long_one + "\n", encoding="utf-8")
    result = run("community", "add", "绿洲社区", "--street", "青山街道")
    assert result.exit_code == 0, result.stderr
    return path


def _reasons(stdout: str, first: str) -> list[tuple[str, str]]:
    """(field as written, reason) for each line --explain writes under the table."""
    lines = stdout[stdout.index(first) :].splitlines()
    out = []
    for line in lines:
        if line.startswith("  "):
            field, _, why = re.split(r"(: |：)", line.strip(), maxsplit=1)
            out.append((field, why))
    return out


def _explain(lang: str, path: Path, *more: str) -> list[tuple[str, str]]:
    """What --explain writes, the language chosen as a worker's shell does (LOGBOOK_LANG)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOGBOOK_LANG", lang)
        result = run("import-text", str(path), "--dry-run", "--explain", *more)
    assert result.exit_code == 0, result.stderr
    return _reasons(result.stdout, "Article 1" if lang == "en" else "第 1 篇")


@pytest.mark.parametrize("more", [(), ("--year", "2024")])
def test_under_chinese_every_reason_is_chinese(articles, more):
    reasons = _explain("zh", articles, *more)
    assert len(reasons) == 15 * 9 + 1  # nine fields an article (the time of day among them), and the long one's notes
    assert {field for field, _ in reasons} <= _FIELDS_ZH
    english = [why for _, why in reasons if _ASCII_WORD.search(_FLAG.sub("", why))]
    assert english == []
    said = "\n".join(why for _, why in reasons)
    for kind in [
        "顶部的标题行",  # the headline
        "引号中的活动名称",  # a quoted event name
        "其中有抓取时丢失的字符",  # the title holds lost text
        "正文写明的日期",  # a date found
        "文章只写了“近日”；请用 --date 给出日期",  # only a vague word
        "正文没有日期；请用 --date 给出日期",  # no date at all
        "唯一的日期是发稿或见报的日子（4月2日讯）",
        "未采用：7月20日（更早的活动）",
        "取自“约200名居民参加”",  # an approximate count
        "未计入：10名志愿者",  # a number not counted
        "几个人数互不一致（80余名居民参加、20名居民参与了前期排练）",
        "未写参加人数；取服务人数，出自“服务居民120人次”",
        "未提到社区",
        "社区名册中这些社区所属的街道",
        "提到多个街道（东湖街道、西湖街道）",
        "部分正文在抓取时丢失",
        "未采用：张卫东（局长，",  # a guest, not a speaker
        "标题中有“培训”",  # the category from the title
        "关键词：",  # the category from the text's keywords
        "正文称之为“本次党课”",
        "写明协办或受邀的单位",
        "文章超过 20000 字；备注只保留开头部分",
    ]:
        assert kind in said, kind
    if more:
        assert "正文写明的日期；2024 年（来自 --year）" in said
    else:
        assert "正文写明的日期；年份按正文所写定为 2024 年" in said
        assert "3月12日没有写年份，文中也没有写年份；可用 --year 指定年份" in said


def test_in_traditional_characters_too(articles):
    reasons = _explain("zh_TW", articles)
    assert [why for _, why in reasons if _ASCII_WORD.search(_FLAG.sub("", why))] == []
    assert any(why.startswith("正文寫明的日期") for _, why in reasons)


def _json_why(lang: str, path: Path, *more: str) -> list[dict]:
    result = run("--lang", lang, "import-text", str(path), "--dry-run", "--format", "json", *more)
    assert result.exit_code == 0, result.stderr
    return [d["why"] for d in result.json]


def test_under_english_the_reasons_are_the_english_sentences(articles):
    reasons = _explain("en", articles)
    # what the JSON carries, field by field, named as the record names them
    assert reasons == [(field, why) for d in _json_why("en", articles) for field, why in d.items()]
    assert [why for _, why in reasons if not _ASCII_WORD.search(_FLAG.sub("", why)) or "；" in why] == []
    uncounted = "no number tied to attendance; not counted: 10名志愿者在 (no 参加/参与/出席 next to it)"
    assert ("participants", uncounted) in reasons
    assert ("date", "the article says only 近日; give the date with --date") in reasons
    assert ("communities", "no community named") in reasons


def test_no_reason_is_left_in_english_under_chinese(articles):
    """Each Chinese reason differs from its English one: none fell through the catalog."""
    en = _explain("en", articles)
    zh = _explain("zh", articles)
    assert len(zh) == len(en)
    assert [e for e, z in zip(en, zh, strict=True) if e[1] == z[1] or e[0] == z[0]] == []


def test_the_json_why_is_the_same_english_in_every_language(articles):
    en = _json_why("en", articles, "--year", "2024")
    assert _json_why("zh", articles, "--year", "2024") == en
    assert _json_why("zh", articles) == _json_why("en", articles)
    assert en[0]["date"] == "the date in the text; year 2024 from --year"
    assert (
        en[2]["participants"]
        == "no number tied to attendance; not counted: 10名志愿者在 (no 参加/参与/出席 next to it)"
    )
    assert en[3]["partners"] == "organisations named as co-organisers or invited"
