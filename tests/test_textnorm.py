"""Chinese text handling: search folding, glosses, scrape damage, pinyin order and look-up.

Real text comes from shared/data/community-news-feed.txt (Traditional, with pinyin glosses and
scrape damage), copied here so the tests stand alone.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
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

# The first article of the feed, as scraped: glosses, `??` and a GBK-one-byte-off span at the end.
ARTICLE = (
    "本次培訓(xùn)特邀北京農(nóng)學(xué)院農(nóng)村區(qū)"
    "域發(fā)展專業(yè)副教授畢宇珠擔(dān)任主講,旨在通過“理論+實(shí)"
    "戰(zhàn)”雙軌模式,讓各社區(qū)社工沉浸式學(xué)習(xí)議事協(xié)"
    "商方法與主持技巧,從而更好地提高基層社工的相關(guān)實(shí)務(wù)"
    "能力。\n"
    "培訓(xùn)伊始,畢教授運(yùn)用“協(xié)商會(huì)議卡片法”將全體學(xué)"
    "員隨機(jī)編為紫、粉、綠三各小組,并讓每個(gè)小組在卡片上寫出協(xié)"
    "商議事中遇到的困難議題。這些議題將在后續(xù)講解中得到解答。\n"
    "培訓(xùn)期間,畢教授詳細(xì)介紹了議事協(xié)商的內(nèi)涵,"
    "并從市場(chǎng)失靈、政府失靈、社會(huì)失靈三個(gè)角度拆解社區(qū)"
    "議事協(xié)商過程中出現(xiàn)問題的原因。此外,他還以多個(gè)實(shí)"
    "際案例為切入點(diǎn),講述在社區(qū)議事協(xié)商中如何選擇議事會(huì)"
    "的參與主體,以及主持人的作用和具備的技能、素質(zhì)等。\n"
    "專業(yè)的理論知識(shí)為接下來的小組討論提供了方向。畢教授引導(dǎo)"
    "各小組從“如何開展議事協(xié)商”“如何采用議事協(xié)商的方法剖析、解決矛盾糾紛”"
    "等角度,去解決先前提出的“社區(qū)樓道堆物堆料”“居民樓蚊蟲治理”等問題。三個(gè)"
    "小組積極討論,總結(jié)出許多議事協(xié)商的寶貴經(jīng)驗(yàn)"
    ",同時(shí)也對(duì)議事協(xié)商的流程和技巧有了更深層次的把握。"
    "\n"
    "正如大家所言,這次培訓(xùn)不僅深化了基層社工對(duì)議事協(xié)商的認(rèn)"
    "知,更堅(jiān)定了了今后主持會(huì)議的信心。希望大家在未來工作中科學(xué)"
    "合理地運(yùn)用協(xié)商議事規(guī)則和技巧,真正將學(xué)習(xí)"
    "成果轉(zhuǎn)化為服務(wù)社區(qū)的實(shí)際行動(dòng)"
    "??崭劢值酪矊⒁源舜闻嘤?xùn)為契機(jī),持續(xù)強(qiáng)化基層議事協(xié)"
    "商隊(duì)伍建設(shè),不斷激活社區(qū)治理“內(nèi)生動(dòng)"
    "力”,為構(gòu)建共建共治共享的社區(qū)治理新格局持續(xù)注入新動(dòng)"
    "能。\n"
    "]]>\n"
)
DAMAGE = "??崭劢值酪矊⒁源舜闻嘤?xùn)"

GRADUATES = (
    "值得一提的是,安貞西里社區(qū)書記工作室研修班的八名學(xué)員(來自奧運(yùn)村和大屯街道)"
    "也積極參與到此次服務(wù)當(dāng)中。"
)
SPEECH = (
    "通過吐字歸音(叼住字頭、拉開字腹、收住字尾)的練習(xí),讓學(xué)員們的發(fā)音更加準(zhǔn)確有力。"
)


def found(query: str, *fields: str) -> bool:
    return matches(search_key(fields), query.split())


# --- start-up ---------------------------------------------------------------------------------


def test_import_loads_neither_opencc_nor_pypinyin():
    code = (
        "import sys, logbook.textnorm; "
        "print(sorted(m for m in ('opencc', 'pypinyin') if m in sys.modules))"
    )
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
        ("志愿服务", "在志愿服務中傾聽居民心聲"),
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
        "值得一提的是,安貞西里社區書記工作室研修班的八名學員(來自奧運村和大屯街道)"
        "也積極參與到此次服務當中。"
    )
    assert strip_glosses(SPEECH) == (
        "通過吐字歸音(叼住字頭、拉開字腹、收住字尾)的練習,讓學員們的發音更加準確有力。"
    )
    stripped = strip_glosses(ARTICLE)
    assert "(" not in stripped.replace(DAMAGE, "")
    assert stripped.startswith("本次培訓特邀北京農學院農村區域發展專業副教授")


@pytest.mark.parametrize(
    "text",
    [
        "(來自奧運村和大屯街道)",
        "學員(來自奧運村和大屯街道)",
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
    raw = "<![CDATA[<p>" + ARTICLE.replace("\n", "</p>\n<p>", 1)
    cleaned = clean_scrape(raw)
    lines = cleaned.split("\n")
    assert len(lines) == 5
    assert lines[0].startswith("本次培訓特邀北京農學院農村區域發展專業副教授畢宇珠擔任主講,")
    assert lines[0].endswith("實務能力。")
    for leftover in ("]]>", "<![CDATA[", "<p>", "</p>", "(xùn)", "(nóng)"):
        assert leftover not in cleaned
    # Damage is kept exactly as it was, only reported.
    assert DAMAGE in cleaned
    assert "行動??崭劢值酪矊⒁源舜闻嘤?xùn)為契機" in cleaned


def test_clean_scrape_markup_and_whitespace():
    assert clean_scrape("段一</p><p>段二<br/>段三") == "段一\n段二\n段三"
    assert clean_scrape("  <span class=x>活動</span>&nbsp;現場  \r\n\n  ") == "活動 現場"
    assert clean_scrape("A&B 3<5 (院)") == "A&B 3<5 (院)"
    assert clean_scrape("第一篇]]>第二篇") == "第一篇\n第二篇"


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
        ("黨員們?cè)诶蠋熤笇?dǎo)下,運用", ["?cè)诶蠋熤笇?dǎo)"]),
        ("讓它們?cè)诂F(xiàn)代社會中", ["?cè)诂F(xiàn)"]),
        ("她首先向?qū)W員們介紹", ["?qū)W"]),
        ("社區演講煉金句?口才培訓啟智言", ["?"]),
        ("黨建引領,共治共享??活動伊始", ["??"]),
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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("藉著")  # the per-character fold completes a phrase: 藉着 → 借着
@example("乾(qián)隆")  # a gloss splits a phrase
@example("培(xùn)(xùn)")  # stripping one gloss brings the next to the hanzi
@example("培（ＸÙＮ）")  # a gloss only once normalised
def test_fold_is_idempotent_and_script_blind(text):
    key = fold(text)
    assert fold(key) == key
    assert fold(to_simplified(text)) == key


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(["培训", "安贞西里", "学员", "a", "乾隆", "x"]))
def test_highlight_agrees_with_matches(text, term):
    spans = highlight_spans(text, [term])
    assert bool(spans) == matches(search_key([text]), [term])
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert fold(term) in fold(text[start:end])
