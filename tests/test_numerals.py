"""Chinese and Arabic numerals, and head counts as people type them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from logbook.numerals import halfwidth, parse_cn_int, parse_count

CN_DIGITS = "零一二三四五六七八九"


def render_section(n: int, leading: bool) -> str:
    """1..9999 in standard written form; `leading` drops the 一 of a first 十 (十五, not 一十五)."""
    out, pending_zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out, pending_zero = out + "零", False
        skip_one = digit == 1 and unit == 10 and leading and not out
        out += ("" if skip_one else CN_DIGITS[digit]) + name
    return out


def render_cn(n: int) -> str:
    """0..99,999,999 in Chinese numerals, written independently to check the parser against."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    if not high:
        return render_section(low, leading=True)
    text = render_section(high, leading=True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + render_section(low, leading=False)
    return text


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "零"), (10, "十"), (11, "十一"), (27, "二十七"), (105, "一百零五"), (110, "一百一十"),
        (3000, "三千"), (1010, "一千零一十"), (10010, "一万零一十"), (100000, "十万"),
        (99_999_999, "九千九百九十九万九千九百九十九"),
    ],
)  # fmt: skip
def test_renderer_matches_known_forms(n, text):
    assert render_cn(n) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零", 0), ("〇", 0), ("十", 10), ("十一", 11), ("二十七", 27), ("一十五", 15),
        ("一百零五", 105), ("一百〇五", 105), ("三千", 3000), ("两千", 2000), ("兩千", 2000),
        ("一千零十", 1010), ("十万", 100_000), ("三萬", 30_000), ("一万零五", 10_005),
        # a final digit right after a unit is short for the next unit down, as in speech
        ("一百五", 150), ("三千二", 3200), ("两万五", 25_000),
        # without units, digits are read one by one, as years are written
        ("二〇二五", 2025), ("二零二五", 2025),
        ("0", 0), ("40", 40), ("007", 7), ("４０", 40), ("２０２５", 2025), (" 12 ", 12),
    ],
)  # fmt: skip
def test_parse_cn_int(text, expected):
    assert parse_cn_int(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", " ", "百", "千", "十十", "十百", "一二十", "万", "一万万", "零万", "一亿", "1万2千",
     "-1", "+1", "1.5", "1e3", "²", "①", "abc", "四十余", "三 十"],
)  # fmt: skip
def test_parse_cn_int_rejects(text):
    with pytest.raises(ValueError):
        parse_cn_int(text)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_parse_cn_int_reads_the_standard_rendering(n):
    assert parse_cn_int(render_cn(n)) == n


@given(st.integers(min_value=0, max_value=99_999))
def test_parse_cn_int_reads_liang_and_ling_variants(n):
    # 两 for a leading 二 before a unit, and 〇 for 零, are both common in writing.
    text = render_cn(n)
    variant = text.replace("零", "〇")
    if len(text) > 1 and text[0] == "二" and text[1] in "千百万":
        variant = "两" + variant[1:]
    assert parse_cn_int(variant) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_cn_int_reads_arabic_and_fullwidth_digits(n):
    assert parse_cn_int(str(n)) == n
    assert parse_cn_int(str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})) == n


def test_halfwidth_folds_fullwidth_ascii_and_ideographic_space():
    assert halfwidth("２０２５／３／２７\u3000ＡＢ：＋") == "2025/3/27 AB:+"
    assert halfwidth("三月") == "三月"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40", (40, False)), ("0", (0, False)), ("40人", (40, False)), ("八名", (8, False)),
        ("5位", (5, False)), ("200人次", (200, False)), ("共计50人", (50, False)),
        ("40+", (40, True)), ("40余", (40, True)), ("40余人", (40, True)), ("40多", (40, True)),
        ("40多人", (40, True)), ("四十余人", (40, True)), ("十余名", (10, True)),
        ("约40人", (40, True)), ("大约40人", (40, True)), ("共计50余人", (50, True)),
        ("一百多人", (100, True)), ("４０＋", (40, True)), (" 约 40 人 ", (40, True)),
        ("~40", (40, True)), ("40餘人", (40, True)),
    ],
)  # fmt: skip
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "-5", "+40", "4.5", "abc", "forty", "人", "约", "40人人", "40-50", "四十余人参加", "1万2千"],
)
def test_parse_count_rejects(text):
    with pytest.raises(ValueError):
        parse_count(text)


@given(
    st.integers(min_value=0, max_value=99_999),
    st.sampled_from(["", "+", "余", "多"]),
    st.sampled_from(["", "人", "名"]),
    st.booleans(),
)
def test_parse_count_round_trip(n, more, measure, in_chinese):
    number = render_cn(n) if in_chinese else str(n)
    assert parse_count(number + more + measure) == (n, bool(more))
