"""Chinese text handling: search folding, glosses, scrape damage, pinyin order and look-up.

Scraped text comes from tests/data/news-feed.txt (invented reports, Traditional, with pinyin
glosses and scrape damage) and from lines written here in the same shapes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from logbook.textnorm import (
    FIELD_SEPARATOR,
    clean_scrape,
    damaged_spans,
    fold,
    highlight_spans,
    matches,
    pinyin_forms,
    pinyin_match,
    pinyin_sort_key,
    search_key,
    split_articles,
    strip_glosses,
    strip_suffix,
    suggest,
    to_simplified,
)

# The first article of tests/data/news-feed.txt (invented, in a scrape's shapes): glosses, `<p>`
# leftovers and a span of GBK bytes read one off, which held the only place it names.
FEED_TEXT = (Path(__file__).resolve().parent / "data" / "news-feed.txt").read_text(encoding="utf-8")
ARTICLE = FEED_TEXT[: FEED_TEXT.index("]]>") + len("]]>\n")]
DAMAGE = "??鳂蚪值老乱徊綄⒁员酒谂嘤?xùn)"

GRADUATES = "當天來幫忙的,還有青柳東里社區(qū)社工帶教班的六名學(xué)員(來自楓橋街道和石橋地區(qū))和兩位退休教師。"
SPEECH = "通過“三步練習(xí)法”(先吸氣、再停頓、後發(fā)聲)的示範,讓學(xué)員們的朗讀(dú)更加自然。"


def found(query: str, *fields: str) -> bool:
    return matches(search_key(fields), query.split())


# --- start-up ---------------------------------------------------------------------------------


def test_import_loads_neither_opencc_nor_pypinyin():
    code = "import sys, logbook.textnorm; print(sorted(m for m in ('opencc', 'pypinyin') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- Simplified and Traditional ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query, record",
    [
        ("培训", "本次培訓特邀"),
        ("培訓", "本次培训特邀"),
        ("安贞西里", "安貞西裡社區"),
        ("安貞西裡", "安贞西里社区"),
        ("安贞西里", "安貞西里社區"),
        ("志愿服务", "週末的志愿服務排到了五月"),
        ("志願服務", "志愿服务"),
        ("理发", "理發區"),
        ("理髮", "理发"),
        ("随着", "隨著時代"),  # opencc keeps 著; the extra fold finds it
        ("wechat", "加入ＷｅＣｈａｔ群"),  # full-width letters, any case
        ("2025", "２０２５年"),
    ],
)
def test_search_folds_both_scripts(query, record):
    assert found(query, record)


def test_to_simplified():
    assert to_simplified("安貞西裡社區") == "安贞西里社区"
    assert to_simplified("理發區的志愿服務") == "理发区的志愿服务"
    assert to_simplified("隨著") == "随着"
    # Where 著 is the right Simplified character, text we show keeps it; search folds anyway.
    assert to_simplified("著名書法家") == "著名书法家"
    assert found("着名", "著名書法家")
    assert to_simplified("") == ""


def test_fold_is_the_key_form():
    assert fold("  培訓(xùn)   Meeting\tＡ  ") == "培训 meeting a"
    assert fold("") == ""
    # The field separator is whitespace to fold: it can never be part of a folded query.
    assert FIELD_SEPARATOR not in fold(f"安贞{FIELD_SEPARATOR}西里")
    # It is stored in the JSON logbook, so it must not need a \u escape there.
    assert "\\u" not in json.dumps(search_key(["培訓", "安貞西裡"]), ensure_ascii=False)


# --- pinyin glosses -------------------------------------------------------------------------


def test_strip_glosses_on_feed_lines():
    assert strip_glosses(GRADUATES) == (
        "當天來幫忙的,還有青柳東里社區社工帶教班的六名學員(來自楓橋街道和石橋地區)和兩位退休教師。"
    )
    assert strip_glosses(SPEECH) == ("通過“三步練習法”(先吸氣、再停頓、後發聲)的示範,讓學員們的朗讀更加自然。")
    stripped = strip_glosses(ARTICLE)
    assert "(" not in stripped.replace(DAMAGE, "")
    assert stripped.startswith("<p>本次培訓由燕山社會工作學院副教授柯文瀾主講")


@pytest.mark.parametrize(
    "text",
    [
        "(來自楓橋街道和石橋地區)",
        "學員(來自楓橋街道和石橋地區)",
        "大院(院)",
        "熱線(12345)",
        "加入群聊(WeChat)",
        "培訓（xùn）",  # full-width parentheses
        "Hello(xùn)",  # not after a hanzi
        "培訓 (xùn)",  # not directly after
        "培訓(xun)",  # no tone mark
        "培訓(xǔnà)",  # two tone marks
        "培訓(zhuàngg)",  # longer than six letters
        "培訓(Xùn)",  # capital letter
    ],
)
def test_strip_glosses_leaves_the_rest_alone(text):
    assert strip_glosses(text) == text


# --- scraped articles -----------------------------------------------------------------------


def test_clean_scrape_on_a_feed_article():
    raw = "<![CDATA[" + ARTICLE.replace("\n", "</p>\n<p>", 2)
    cleaned = clean_scrape(raw)
    lines = cleaned.split("\n")
    assert len(lines) == 5
    assert lines[0].startswith("本次培訓由燕山社會工作學院副教授柯文瀾主講,")
    assert lines[0].endswith("需求。")
    for leftover in ("]]>", "<![CDATA[", "<p>", "</p>", "(xùn)", "(jiǎng)"):
        assert leftover not in cleaned
    # Damage is kept exactly as it was, only reported.
    assert DAMAGE in cleaned
    assert "用上。??鳂蚪值老乱徊綄⒁员酒谂嘤?xùn)為起點" in cleaned


def test_clean_scrape_markup_and_whitespace():
    assert clean_scrape("段一</p><p>段二<br/>段三") == "段一\n段二\n段三"
    assert clean_scrape("  <span class=x>活動</span>&nbsp;現場  \r\n\n  ") == "活動 現場"
    assert clean_scrape("A&B 3<5 (院)") == "A&B 3<5 (院)"
    assert clean_scrape("第一篇]]>第二篇") == "第一篇\n第二篇"
    # an entity whose name was garbled into Han is a plain quote; its `;` ends nothing
    assert clean_scrape("迎接&濒诲辩耻辞;反家暴日&谤诲辩耻辞;的到来") == '迎接"反家暴日"的到来'
    assert clean_scrape("甲&乙;丙") == "甲&乙;丙"  # (one Han letter is no entity's name)


def test_split_articles():
    assert split_articles("第一篇\n]]>\n第二篇]]>  \n") == ["第一篇", "第二篇"]


def test_damaged_spans_find_the_gbk_span_of_the_first_article():
    text = clean_scrape(ARTICLE)
    spans = damaged_spans(text)
    assert [text[s:e] for s, e in spans] == [DAMAGE]
    assert [ARTICLE[s:e] for s, e in damaged_spans(ARTICLE)] == [DAMAGE]


@pytest.mark.parametrize(
    "text, damaged",
    [
        ("黨員們?zài)诶蠋煹膸?lǐng)下,拿起", ["?zài)诶蠋煹膸?lǐng)"]),
        ("讓手藝?zài)鍝R(xiàn)新意", ["?zài)鍝R(xiàn)"]),
        ("她先?dǎo)L大家練習(xí)", ["?dǎo)L"]),
        ("鄰里故事會?朗讀訓練營", ["?"]),
        ("鄰里共建,書香共享??活動伊始", ["??"]),
        ("損壞\ufffd\ufffd的字", ["\ufffd\ufffd"]),
        ("Is it ok? Yes?", []),
        (GRADUATES, []),
        (SPEECH, []),
    ],
)
def test_damaged_spans(text, damaged):
    assert [text[s:e] for s, e in damaged_spans(text)] == damaged


# --- search -----------------------------------------------------------------------------------


def test_exclusion_terms():
    key = search_key(["培訓(xùn)會", "安貞西裡社區"])
    assert matches(key, ["培训"])
    assert matches(key, ["培训", "-义诊"])
    assert not matches(key, ["培训", "-安贞"])
    assert not matches(key, ["-培訓"])
    assert matches(key, ["-"]) is False  # a lone dash is an ordinary term
    assert matches(search_key(["a - b"]), ["-"])
    assert matches(key, [])


def test_phrase_across_a_gloss():
    assert found("培训会", "本次培訓(xùn)會")
    assert not found("会培训", "本次培訓(xùn)會")


def test_a_phrase_never_matches_across_fields():
    key = search_key(["安贞", "西里社区"])
    assert matches(key, ["安贞", "西里"])
    assert not matches(key, ["安贞西里"])
    assert not matches(key, ["安贞 西里"])
    assert not matches(key, [f"安贞{FIELD_SEPARATOR}西里"])
    assert not matches(key, ["安贞\x1f西里"])


def test_highlight_spans_map_back_to_the_original_text():
    text = "本次培訓(xùn)會在安貞西裡社區(qū)舉辦,WeChat群"
    spans = highlight_spans(text, ["培训会", "安贞西里", "wechat", "-舉辦"])
    assert [text[s:e] for s, e in spans] == ["培訓(xùn)會", "安貞西裡", "WeChat"]
    # A match that ends on a glossed character leaves the gloss out.
    spans = highlight_spans(text, ["培训"])
    assert [text[s:e] for s, e in spans] == ["培訓"]
    # Every occurrence, overlapping matches merged.
    spans = highlight_spans(GRADUATES, ["学员", "员(来自"])
    assert [GRADUATES[s:e] for s, e in spans] == ["學(xué)員(來自"]
    assert highlight_spans(text, ["义诊"]) == []
    assert highlight_spans(text, []) == []


# --- names ------------------------------------------------------------------------------------


def test_pinyin_sort_reads_numerals_as_numbers():
    names = ["芍药居十一", "芍药居二", "芍药居十", "芍药居一"]
    assert sorted(names, key=pinyin_sort_key) == ["芍药居一", "芍药居二", "芍药居十", "芍药居十一"]
    names = ["芍药居11", "芍药居2", "芍药居10", "芍药居1"]
    assert sorted(names, key=pinyin_sort_key) == ["芍药居1", "芍药居2", "芍药居10", "芍药居11"]
    assert sorted(["芍藥居十社區", "芍藥居二社區"], key=pinyin_sort_key) == ["芍藥居二社區", "芍藥居十社區"]


def test_pinyin_sort_is_by_pinyin_with_place_readings():
    names = ["东风", "大栅栏", "朝阳", "长辛店", "安贞西里", "三里屯", "百万庄", "重庆"]
    expected = ["安贞西里", "百万庄", "长辛店", "朝阳", "重庆", "大栅栏", "东风", "三里屯"]
    assert sorted(names, key=pinyin_sort_key) == expected
    assert sorted(names) != expected  # code-point order would be meaningless


def test_pinyin_forms():
    fulls, initials = pinyin_forms("安贞西里")
    assert fulls == {"anzhenxili"}
    assert initials == {"azxl"}
    fulls, initials = pinyin_forms("长辛店")
    assert {"changxindian", "zhangxindian"} <= fulls
    assert {"cxd", "zxd"} <= initials


@pytest.mark.parametrize("query", ["anzhen", "azxl", "AnZhen XiLi", "anzhenxilishequ", "azxlsq"])
def test_pinyin_match_full_and_initials(query):
    names = ["安贞西里社区", "安华里社区", "芍药居一社区"]
    assert pinyin_match(query, names) == ["安贞西里社区"]


def test_pinyin_match_returns_every_candidate():
    names = ["安贞西里社区", "安华里社区", "芍药居一社区"]
    assert pinyin_match("an", names) == ["安贞西里社区", "安华里社区"]
    assert pinyin_match("changxin", ["长辛店街道"]) == ["长辛店街道"]
    assert pinyin_match("xyz", names) == []
    assert pinyin_match("安贞", names) == []
    assert pinyin_match("", names) == []


def test_strip_suffix():
    assert strip_suffix("安贞西里社区") == "安贞西里"
    assert strip_suffix("安貞西里社區") == "安貞西里"
    assert strip_suffix("空港街道") == "空港"
    assert strip_suffix("朝阳地区") == "朝阳"
    assert strip_suffix("观音堂社区居委会") == "观音堂"
    assert strip_suffix("社区") == "社区"
    assert strip_suffix("芍药居一") == "芍药居一"


def test_suggest():
    names = ["安贞西里社区", "安华里社区", "芍药居一社区", "观音堂社区"]
    assert suggest("安贞里", names)[0] == "安贞西里社区"
    assert suggest("觀音堂", names) == ["观音堂社区"]
    assert suggest("完全不同", names) == []
    assert suggest("traning", ["培训", "training", "meeting"])[0] == "training"
    assert len(suggest("社区", names * 2, n=2)) <= 2


# --- properties -------------------------------------------------------------------------------

# Characters that exercise the fold: feed text, phrase-sensitive and chained conversions,
# glosses, full-width and compatibility forms, case, whitespace including the separator.
_ALPHABET = sorted(
    set(ARTICLE + GRADUATES)
    | set("乾隆藉口狼著名隨裡薴苧髮發後複覆於瞭望長辛店重慶理志願服務")
    | set("()（）xùnqiánjièAÙXÜǜ \t\n\x1f\u3000?\ufffd")
    | {"𠗣", "\uf900", "ℌ", "ß", "İ", "\u0301", "ﬁ", "Ｗ", "２"}
)
_TEXT = st.one_of(
    st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join),
    st.text(max_size=20),
)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("藉著")  # the per-character fold completes a phrase: 藉着 → 借着
@example("乾(qián)隆")  # a gloss splits a phrase
@example("培(xùn)(xùn)")  # stripping one gloss brings the next to the hanzi
@example("培（ＸÙＮ）")  # a gloss only once normalised
def test_fold_is_idempotent_and_script_blind(text):
    key = fold(text)
    assert fold(key) == key
    assert fold(to_simplified(text)) == key


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(["培训", "安贞西里", "学员", "a", "乾隆", "x"]))
def test_highlight_agrees_with_matches(text, term):
    spans = highlight_spans(text, [term])
    assert bool(spans) == matches(search_key([text]), [term])
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert fold(term) in fold(text[start:end])
