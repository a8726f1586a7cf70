"""The time of day an article gives for its activity: the clock written right after the day
the date reader chose (5月6日上午9时, 5月6日（周一）14:30-16:00, 5月6日晚7点)."""

from __future__ import annotations

import re

from ..dates import DAYPARTS, parse_time
from ..errors import UsageError
from ..i18n import N_, Reason
from .articles import Article

_DAYPART = "|".join(DAYPARTS)
_CN_NUMBER = "零〇一二两三四五六七八九十"
_CLOCK = (
    r"[0-9]{1,2}[:：][0-9]{2}"
    rf"|(?:[0-9]{{1,2}}|[{_CN_NUMBER}]{{1,3}})[点时](?:半|[一三]刻|整|(?:[0-9]{{1,2}}|[{_CN_NUMBER}]{{1,4}})分)?"
)
# After the day, what may stand before its clock: its weekday in brackets, spaces.
_AFTER_DAY = re.compile(
    r"[ \t\u3000]*(?:[(（]?(?:周|星期|礼拜)[一二三四五六日天][)）]?)?[ \t\u3000]*"
    rf"(?P<p1>{_DAYPART})?[ \t\u3000]*(?P<t1>{_CLOCK})"
    rf"(?:[ \t\u3000]*(?:-|—|–|~|～|至|到)[ \t\u3000]*(?P<p2>{_DAYPART})?[ \t\u3000]*(?P<t2>{_CLOCK}))?"
    # (not the hours of a span of days, nor a clock that is a count: 9时许 is about 9, 3点建议 none)
    r"(?![0-9])"
)
# A clock alone before a day's hours begin is as often the afternoon (2:30): said with its part of
# the day only.
_EARLIEST_BARE_HOUR = 7


def read_clock(art: Article, day: str | None) -> tuple[tuple[str, str | None] | None, float, Reason]:
    """((start, end or None) or None, confidence, why): the clock written right after the
    activity's day (`day`, ISO) wherever the text writes that day as 月…日; none where its
    mentions give different times. A bare `HH:MM` after the day is a page's stamp (2024年5月6日
    10:12 来源:…), not the activity's: only one said with its part of the day, in 点/时, or as a
    span is taken."""
    if day is None:
        return None, 0, Reason(N_("no date, so no time of day"))
    month, dom = int(day[5:7]), int(day[8:10])
    text = art.masked
    found: set[tuple[str, str | None]] = set()
    written = rf"(?<![0-9{_CN_NUMBER}])(?:{month}|{_in_words(month)})月(?:{dom}|{_in_words(dom)})[日号]"
    for m in re.finditer(written, text):
        clock = _AFTER_DAY.match(text, m.end())
        if clock is not None and (times := _times(clock)) is not None:
            found.add(times)
    if not found:
        return None, 0, Reason(N_("no time of day written after the day"))
    if len(found) > 1:
        return None, 0, Reason(N_("the day is given with different times of day"))
    return found.pop(), 0.8, Reason(N_("the time written after the day"))


def _times(clock: re.Match) -> tuple[str, str | None] | None:
    """(start, end or None) of a clock after the day, or None where it cannot be told."""
    first, second = clock["t1"], clock["t2"]
    part = clock["p1"] or ""
    said = bool(part) or not re.fullmatch(r"[0-9]{1,2}[:：][0-9]{2}", first) or second is not None
    if not said:
        return None
    try:
        start = parse_time(part + first)
        end = parse_time((clock["p2"] or part) + second) if second else None
    except UsageError:
        return None
    if not part and int(start[:2]) < _EARLIEST_BARE_HOUR:
        return None  # 5月6日2:30-4:00: the afternoon, most likely, but not said
    if end is not None and end <= start:
        end = None  # 上午11点至1点: the end's part of the day left out; the start stands
    return start, end


def _in_words(n: int) -> str:
    """A month's or a day's number as words write it: 三, 十五, 二十一, 三十."""
    tens, ones = divmod(n, 10)
    digits = "〇一二三四五六七八九"
    return ("" if tens < 2 else digits[tens]) + ("十" if tens else "") + (digits[ones] if ones else "")
