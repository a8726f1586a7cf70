"""The date: the one the article gives its own event, with the year it leaves out."""

from __future__ import annotations

import re
from datetime import date

from ..dates import SUPPORTED_RANGE, in_range
from ..numerals import parse_cn_int
from .articles import Article, other_event
from .draft import Hint


_CN_DATE = re.compile(
    r"(?<![0-9])(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年)?"
    r"(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
)
_YEAR_MONTH = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})年(?=[0-9]{1,2}月|[一二三四五六七八九十]{1,2}月)")
_VAGUE = ("近日", "日前", "近期", "前不久", "连日来")


def read_date(art: Article, today: date, year: int | None):
    """(date ISO or None, confidence, why, year_assumed, hint or None).

    The why never names the caller's options: the hint says what the caller can give."""
    text = art.masked
    candidates: list[tuple[int, int | None, int, int]] = []  # position, year, month, day
    skipped = []
    for m in _CN_DATE.finditer(text):
        other = other_event(art, m.start(), m.end())
        if other:
            skipped.append((m.group(), other))
            continue
        try:
            y = parse_cn_int(m["y"]) if m["y"] else None
            month, day = parse_cn_int(m["m"]), parse_cn_int(m["d"])
            date(y or 2000, month, day)  # a real day (2000 is a leap year)
        except ValueError:
            continue
        candidates.append((m.start(), y, month, day))
    if not candidates:
        if skipped:
            what = ", ".join(f"{g} ({o} event)" for g, o in skipped)
            return None, 0, f"the only dates belong to another event: {what}", False, None
        vague = next((w for w in _VAGUE if w in text), None)
        if vague:
            return None, 0, f"the article says only {vague}", False, Hint.GIVE_THE_DATE
        return None, 0, "no date in the text", False, Hint.GIVE_DATE
    distinct = {(y, mo, d) for _, y, mo, d in candidates}
    chosen = candidates[0]
    if len({(mo, d) for _, _, mo, d in candidates}) > 1:
        fs, fe = art.first_sentence()
        if not fs <= chosen[0] < fe:
            listed = "、".join(sorted({f"{mo}月{d}日" for _, _, mo, d in candidates}))
            return None, 0, f"several dates ({listed}) and none leads the article", False, None
        conf = 0.7
        why = "the first of several dates, in the first sentence"
    else:
        conf = 0.9
        why = "the date in the text"
    _, y, month, day = chosen
    assumed = False
    hint = None
    if y is not None:
        pass
    elif year is not None:
        y = year
        why += f"; year {year}"
        hint = Hint.YEAR_GIVEN
    else:
        named = {int(m["y"]) for m in _YEAR_MONTH.finditer(text) if not other_event(art, m.start(), m.end())}
        if len(named) == 1:
            y = named.pop()
            why += f"; year {y} named in the text"
            conf -= 0.05
        else:
            y = today.year if (month, day) <= (today.month, today.day) else today.year - 1
            assumed = True
            conf -= 0.15
            why += f"; year {y} assumed (the latest that is not after today)"
            hint = Hint.SET_YEAR
    try:
        found = date(y, month, day)
    except ValueError:
        return None, 0, f"{month}月{day}日 does not exist in {y}", False, None
    if not in_range(found):
        return None, 0, f"{found.isoformat()} is outside the supported range {SUPPORTED_RANGE}", False, None
    if len(distinct) > 1 and not why.startswith("the first"):
        conf = min(conf, 0.8)
    return found.isoformat(), conf, why, assumed, hint
