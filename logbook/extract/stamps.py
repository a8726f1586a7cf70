"""The page's stamp: the dateline a page puts on a report, and the full dates that bound the
year of a day written without one."""

from __future__ import annotations

import re
from datetime import date
from itertools import chain, islice

from .articles import Article, other_event

# A full date in figures: a dateline (`2025-07-18 10:12`, `2025/1/23`), a form's date field, or
# a date written out with its year. Each one bounds the year of a day written without one: an
# activity is reported on or after the day it took place.
FULL_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<d>[0-9]{1,2})(?![0-9])"
)
# A dateline: a date with its year as a page stamps a report (`2024年05月20日 10:12 来源：…`,
# `发布时间：2024年5月20日`), alone on its line or followed by the clock, the source or the
# author. It is the day the report went out, not the activity's; it gives the year.
# (or a page's greeting of the day it was seen, 今天是2024年06月23日，欢迎您访问…, 今天是:…)
_DATELINE_BEFORE = re.compile(
    r"(?:(?:发布|发表|更新|录入|上传|稿件)(?:时间|日期)\s*[:：]?|今天是\s*[:：]?"
    # or a credit's name (…党委 信息员:李某 2021年11月3日): the day it was written up
    r"|(?:信息员|通讯员|供稿人?|撰稿人?|作者|编辑|审核|记者)\s*[:：]\s*[\u4e00-\u9fff]{2,4})\s*$"
)
_DATELINE_AFTER = re.compile(
    r"[ \t\u3000]*(?:[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)?[ \t\u3000]*"
    # the source, the author, the readers or the page's buttons (2025年9月24日 08:30 放大 正常 缩小 打印)
    r"(?:$|(?:来源|来自|作者|编辑|责任编辑|发布|浏览|阅读|点击|字号|字体|放大|缩小|打印|分享|收藏|【|\[|\||丨)"
    # or the site's name alone: 2018年07月30日 15:38 青禾新闻网
    # (or a paper's, then its page or a byline: 2023年07月05日  青禾日报  版次:A08  记者 …)
    r"|[\u4e00-\u9fff]{2,8}(?:网|报|台)[ \t\u3000]*(?:$|版次|第?\s*[0-9A-Z]{1,3}\s*版|记者|通讯员|作者|来源))",
    re.M,
)
_FORM_DATE_FIELD = re.compile(r"(?:时间|日期)\s*[:：]\s*$")
# A page's stamp in a 时间: field: the clock, then the source or author below (时间:2025年03月16日
# 10:50 / 来源:…), not a notice's time of the activity.
_STAMP_AFTER = re.compile(
    r"[ \t\u3000]*[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?[ \t\u3000]*\n\s*(?:来源|作者|编辑|点击|浏览|阅读)"
    # or the source on the same line (日期:2025年07月01日 来源:青禾网), or the page's count of
    # readers (时间:2022-09-04 14:10:19 浏览:…)
    r"|[ \t\u3000]+(?:[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?[ \t\u3000]+)?(?:来源|作者|编辑|点击|浏览|阅读)"
    r"(?:次数|量)?\s*[:：]"
)
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
_LINE_REACH = 200  # how much of a date's line before it is read to tell a stamp


def is_dateline(text: str, m: re.Match) -> bool:
    """Whether a date written with its year is the page's stamp of the report (see
    _DATELINE_AFTER), not a date in the body's sentences."""
    # (its line read back a little way only: a page of stamps on one long line would be read
    # back to its start for every date)
    reach = max(0, m.start() - _LINE_REACH)
    line = text.rfind("\n", reach, m.start())
    before = text[line + 1 if line >= 0 else reach : m.start()]
    if _DATELINE_BEFORE.search(before):
        return True
    if _FORM_DATE_FIELD.search(before):
        # a form's 时间: field, unless it is the page's stamp (its clock, then its source)
        return _STAMP_AFTER.match(text, m.end()) is not None
    if _SENTENCE_PUNCT.search(before):
        return False  # a date inside a sentence
    return _DATELINE_AFTER.match(text, m.end()) is not None


# A day written without its month at the head of a sentence (4日上午，青禾社区…): news writes so
# a day of the month it is published in, read with the page's stamp.
# (or yesterday's, its day in brackets after a filing line: 9月29日讯 (记者…)昨(28)日，…)
_DAY_ONLY = re.compile(
    r"(?:(?:^|(?<=[。！？!?\n \t\u3000)）]))(?P<d>[0-9]{1,2})|昨[(（](?P<yd>[0-9]{1,2})[)）])日"
    r"(?=上午|下午|晚上|早上|中午|傍晚|一早|[,，])",
    re.M,
)


_STAMP_AMONG = 3


def day_of_stamp(art: Article) -> tuple[date, str, str] | None:
    """The day a day-only date names (4日上午) in the month of the page's stamp, or the month
    before when the day comes after the stamp's; with the day and the stamp as written."""
    text = art.masked
    # (a page's stamp stands among its first dates: looking further would look back to the
    # line's start once for each date of a page of them)
    stamp = next((m for m in islice(FULL_DATE.finditer(text), _STAMP_AMONG) if is_dateline(text, m)), None)
    if stamp is None:
        return None
    for m in _DAY_ONLY.finditer(text):
        if m.start() < stamp.end() or other_event(art, m.start(), m.end()):
            continue
        y, mo, d = int(stamp["y"]), int(stamp["m"]), int(m["d"] or m["yd"])
        if d > int(stamp["d"]):
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        try:
            return date(y, mo, d), m.group(), stamp.group()
        except ValueError:
            return None
    return None


# A page's stamp written day first, alone on its line with the clock: 14.09.2015 19:08.
_DAY_FIRST_STAMP = re.compile(
    r"^[ \t\u3000]*(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?P<y>(?:19|20)[0-9]{2})"
    r"[ \t\u3000]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[ \t\u3000]*$",
    re.M,
)


# A page stamped within a month after the day dates it, whatever earlier year the text names for
# something else (2026-01-20 above 1月18日 …, 小区在2025年获评…).
STAMP_SOON = 31


def year_from_full_dates(art: Article, month: int, day: int) -> tuple[int, str, int] | None:
    """The year of `month`/`day` as the nearest full date on or after it gives it (a dateline,
    a comment's date), with that date as written and how many days it comes after; None
    without a full date."""
    best = None
    for m in chain(FULL_DATE.finditer(art.masked), _DAY_FIRST_STAMP.finditer(art.masked)):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        try:
            anchor = date(y, mo, d)
        except ValueError:
            continue
        year = y if (month, day) <= (mo, d) else y - 1
        try:
            gap = (anchor - date(year, month, day)).days
        except ValueError:  # 2月29日 in a year without one
            continue
        if best is None or gap < best[0]:
            best = (gap, year, m.group().strip())
    return (best[1], best[2], best[0]) if best is not None else None
