"""Numbers as people type them: Chinese numerals (`二十七`, `一百零五`, `二〇二五`), Arabic and
full-width digits, and head counts such as `40余人`, `约40人` or `八名`.

Standard library only. A small strict grammar of our own instead of cn2an: its free-text
transform damages ordinary words (`一起` → `1起`), and the numbers we read (dates, head counts)
stay far below 一亿, so 0–99,999,999 is all we need.
"""

from __future__ import annotations

import re

# Input methods in Chinese mode type full-width ASCII (`２０２５／３／２７`, `４０＋`) and the
# ideographic space; fold them so every parser only has to know plain ASCII.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WAN = "万萬"
_ZERO = "零〇"
# ASCII digits only: str.isdigit() would also let through `²` and `①`.
_ARABIC = re.compile(r"[0-9]+")
_CN_NUMERAL = "零〇一二两兩三四五六七八九十百千万萬"

_COUNT = re.compile(
    r"(?P<prefix>共计|共|大约|约|近|逾|~)?\s*"
    rf"(?P<number>[0-9]+|[{_CN_NUMERAL}]+)\s*"
    r"(?P<more>\+|余|餘|多|来|來)?\s*"
    r"(?:人次|人|名|位)?"
)
# 共计 ("in total") states an exact figure; the others say "about", "nearly" or "over".
_APPROXIMATE_PREFIXES = {"大约", "约", "近", "逾", "~"}


def halfwidth(text: str) -> str:
    """Fold full-width ASCII and the ideographic space to their plain ASCII forms."""
    return text.translate(_FULLWIDTH)


def parse_cn_int(text: str) -> int:
    """Read a non-negative whole number written in Arabic digits or Chinese numerals.

    Chinese numerals go up to 99,999,999 (`十`, `二十七`, `一百零五`, `两万五`) or are read digit by
    digit when there is no unit character (`二〇二五` → 2025, as years are written). Mixed forms
    such as `1万2千` are not accepted. Raises ValueError for anything else.
    """
    s = halfwidth(text).strip()
    if _ARABIC.fullmatch(s):
        return int(s)
    if not s or any(ch not in _DIGITS and ch not in _UNITS and ch not in _WAN for ch in s):
        raise ValueError(f"not a number: {text!r}")
    try:
        if not any(ch in _UNITS or ch in _WAN for ch in s):
            return int("".join(str(_DIGITS[ch]) for ch in s))
        parts = re.split(f"[{_WAN}]", s)
        if len(parts) == 1:
            return _section(s)
        high, low = parts  # a second 万 would mean 亿 territory: ValueError from unpacking
        if not high or (high_value := _section(high)) == 0:
            raise ValueError
        if len(low) == 1 and low in _DIGITS and low not in _ZERO:
            low_value = _DIGITS[low] * 1000  # 两万五 is 25,000, not 20,005
        else:
            low_value = _section(low)
        return high_value * 10_000 + low_value
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None


def _section(s: str) -> int:
    """Read 0–9999 in unit form (`三千零五`, `十一`, `一百五`); ValueError if malformed."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    after_zero = False
    for ch in s:
        if ch in _ZERO:
            if digit is not None:
                raise ValueError(s)  # `五零`: a digit must be followed by its unit
            after_zero = True
        elif ch in _DIGITS:
            if digit is not None:
                raise ValueError(s)  # `一二十`: two digits before one unit
            digit = _DIGITS[ch]
        else:
            unit = _UNITS[ch]
            if unit >= last_unit:
                raise ValueError(s)  # units must fall: `十百`, `十十`
            if digit is None:
                # A bare 十 means 一十 at the start (`十五`) or after 零 (`一千零十`); a bare
                # 百 or 千 is not how anyone writes a number.
                if unit != 10 or (total and not after_zero):
                    raise ValueError(s)
                digit = 1
            total += digit * unit
            last_unit, digit, after_zero = unit, None, False
    if digit is not None:
        # A final digit right after a unit is short for the next unit down (`一百五` = 150),
        # as in speech; after 零 or on its own it is the ones.
        total += digit if after_zero or last_unit == 10_000 else digit * (last_unit // 10)
    return total


def parse_count(text: str) -> tuple[int, bool]:
    """Read a head count as typed: `40` → (40, False); `40+`, `40余人`, `四十多人`, `约40人`,
    `十余名` → (n, True), meaning "about" or "over" n; `八名`, `40人`, `共计50人` → (n, False).

    Raises ValueError for anything else, including negative numbers.
    """
    match = _COUNT.fullmatch(halfwidth(text).strip())
    if not match:
        raise ValueError(f"not a head count: {text!r}")
    number = parse_cn_int(match["number"])
    approximate = bool(match["more"]) or match["prefix"] in _APPROXIMATE_PREFIXES
    return number, approximate
