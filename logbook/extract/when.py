"""The date: the one the article gives its own event, with the year it leaves out."""

from __future__ import annotations

import re
from datetime import date

from ..dates import FIRST_DAY, LAST_DAY, in_range
from ..i18n import N_, Reason, clauses, items, message
from ..numerals import parse_cn_int
from .articles import Article, other_event
from .draft import Hint
from .occasions import year_from_occasions
from .stamps import FULL_DATE, STAMP_SOON, day_of_stamp, is_dateline, year_from_full_dates

_CN_DATE = re.compile(
    r"(?<![0-9])(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})[ \u3000]?年[ \u3000]?"
    # (or a year of the Republic, as Taiwan writes it: 113年5月6日 is 2024, after 民国 or where a
    # clause or 于 leaves no doubt that no count of years is meant: 建党100年 is none)
    r"|(?:民国|(?<![^于在,，。；;\n\s]))(?P<roc>[89][0-9]|1[0-3][0-9])年)?"
    # (a page may set the figures apart with a space: 1 月14号上午)
    r"(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])[ \u3000]?月[ \u3000]?"
    # 3月5上午: a day written without 日 before the time of day
    r"(?P<d>[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[ \u3000]?"
    r"(?:[日号]|(?=上午|下午|晚上|早上|中午|傍晚)"
    # 8月21-23日: the first day of several
    r"|(?=[-—~至][0-9]{1,2}[日号]))"
)
_ROC_YEAR_ONE = 1911  # the year before the Republic's first: 民国113年 is 2024
_YEAR_MONTH = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})年(?=[0-9]{1,2}月|[一二三四五六七八九十]{1,2}月)")
_VAGUE = ("近日", "日前", "近期", "前不久", "连日来")
# The start of what a text tells of its past (自2022年10月成立以来, 从2019年3月起): not the year
# of the day it reports.
_SINCE = re.compile(r"(?:自|从)$")
# A year written anywhere (2017年度, 2010年第六次…): see the day without a year below.
_ANY_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_VAGUE_REACH = 80  # how far after a day named for its occasion the text may say 近日
# A day, or the days from it (3月22-28日是“中国水周”), named for what it is.
# (or the days to another month's: 9月15日—9月25日是…, 6月29日至7月5日为全国节能宣传周)
# (or one day, said with 为: 10月31日为新中国人民防空创立日)
_NAMED_DAY = re.compile(
    r"(?:\s*[-—~至]\s*(?:[0-9]{1,2}月)?[0-9]{1,2}[日号])?(?:是|为(?=第|全国|世界|国际|中国|新中国|全民))"
)
# Or the day written after what falls on it: 2023年的立夏为5月6日, 今年的端午节是6月22日.
_TERM_IS = re.compile(
    r"(?:立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪"
    r"|冬至|小寒|大寒|[\u4e00-\u9fff]{1,4}节)(?:这一天|这天)?(?:为|是)(?:[0-9]{4}年)?$"
)
# What ties an activity to a day named for its occasion: 6月5日是世界环境日，当天上午，…
_SAME_DAY = ("当天", "当日", "这一天", "这天", "是日", "同日", "当晚")
# A day still to come: 4月23日，将迎来第30个“世界读书日”.
_COMING = re.compile(r"\s*[,，]?\s*(?:将|即将)迎来")
# A day made an occasion (将每年初春的第一天—3月21日定为“世界睡眠日”): no event's date.
_DEFINED = re.compile(r"\s*(?:被)?(?:定为|确定为|设立为|设为)")
# A day followed by 讯 is the day the report was filed (`9月22日讯`), not the activity's.
_FILED = ("讯",)
# The lead after a filing day saying the activity was that day: 5月11日讯 …社区今天开展了….
_TODAY_AFTER = re.compile(
    r"[^。！？!?\n]{0,60}?(?:今天|今日)(?![头报])(?:上午|下午|晚上)?"
    r"(?:[^。！？!?\n]{0,30}?(?:开展|举办|举行|召开|组织)"
    # (or went to the community: 1月18日讯 今日，…“三下乡”活动走进灵源街道曾林社区)
    r"|[,，][^。！？!?\n]{0,60}?(?:走进|走入|来到))"
)
# A wire's dateline: 某某网12月21日电(记者…), 某某网四川新闻1月13日电 冬日暖阳….
_WIRED = re.compile(r"电(?:\s*[(（]|[ \t\u3000]+|\s*[—-])")
# The paper's place between the day and its 讯: 5月4日青禾讯(通讯员…).
# Or the hour it was filed: 9月29日20时30分讯(记者…).
# Or a site's news of that day from a place: 某某网10月17日青禾消息 “…”.
_FILED_AT = re.compile(
    r"(?:[\u4e00-\u9fff]{1,3}|[0-9]{1,2}[时点][0-9]{1,2}分)讯(?=\s*[(（:：])"
    r"|[\u4e00-\u9fff]{0,4}消息(?=[ \t\u3000“\"(（:：])"
)
# A paper's issue and page (`( 2015年09月26日 06 版)`): the day it was printed, as a filing day.
_ISSUE = re.compile(
    r"\s*(?:第\s*)?[0-9A-Z]{1,3}\s*版"
    # (or the issue a repost was taken from: 摘自青禾日报8月7日刊)
    r"|刊"
    # (or the day a page was compiled, on a line of its own: 2025年6月5日整理)
    r"|\s*(?:整理|编辑|录入|撰稿)\s*(?:\n|$)"
)
# The day of the week written after a day (5月9日（星期五）): it tells which year a day
# written without one was.
_WEEKDAY_WORD = r"[（(]?(?:星期|周|礼拜)(?P<w>[一二三四五六日天])"
_WEEKDAY = re.compile(rf"[日号]\s*{_WEEKDAY_WORD}")
_IN_SENTENCE = re.compile(rf"\s*(?:[，,]|上午|下午|晚上|早上|中午|傍晚|{_WEEKDAY_WORD})")
_WEEKDAYS = "一二三四五六日"
# Between the first and the last day of a span: 9月27日-10月1日, 7月1日至7日.
_SPAN_TO = re.compile(r"\s*(?:[-—–~～]{1,2}|至|到)\s*")
_SPAN_DAYS = 7  # a longer span is a programme, a season's classes: no one day is the activity's


def _span_days(first: tuple[int, int | None, int, int], last: tuple[int, int | None, int, int]) -> int:
    """About how many days a span runs (months counted as 30 days: it is only compared with a
    week), into the next year when its last month comes before its first."""
    _, _, month, day = first
    _, _, to_month, to_day = last
    return (to_month - month) % 12 * 30 + to_day - day


# 9月27日，记者从…获悉 / 记者来到…: the day of the reporting, not of the activity.
_REPORTER_DAY = re.compile(r"(?:上午|下午|晚上)?[,，]?\s*记者")
# A form's field naming the activity's own date (`活动日期 2025-07-14 08:00`).
# (not a headline's last word glued to the page's 时间: stamp: …腊八节活动时间:2022-12-30)
_EVENT_DATE_FIELD = re.compile(r"(?<![\u4e00-\u9fff])(?:活动|举办|服务)(?:日期|时间)\s*[:：]?\s*$")


# A date the text writes: where it starts, its year (None when not written), month and day.
_Written = tuple[int, int | None, int, int]


def read_date(art: Article, today: date, year: int | None):
    """(date ISO or None, confidence, why, year_assumed, hint or None).

    The why never names the caller's options: the hint says what the caller can give."""
    text = art.masked
    candidates, ends, skipped, filed_as_written = _written_dates(art)
    candidates = _without_spans(text, candidates, ends, skipped)
    candidates = _without_named_days(text, candidates, ends, skipped)
    # (only where the text writes no month of its own: 12月12日是选举日…。11日，… is December's)
    written_months = any(kind != "filed" for _, kind in skipped)
    if not candidates and not written_months and (of_stamp := day_of_stamp(art)) is not None and in_range(of_stamp[0]):
        stamped, written, stamp = of_stamp
        said = N_("{day} in the month of the page's stamp {stamp}")
        return stamped.isoformat(), 0.7, Reason(said, day=written, stamp=stamp), False, None
    if not candidates:
        return _no_date(text, skipped, filed_as_written)
    distinct = {(y, mo, d) for _, y, mo, d in candidates}
    chosen = candidates[0]
    if len({(mo, d) for _, _, mo, d in candidates}) > 1:
        fs, fe = art.first_sentence()
        ls, le = art.lead_sentence()
        if not (fs <= chosen[0] < fe or ls <= chosen[0] < le):
            listed = "、".join(sorted({f"{mo}月{d}日" for _, _, mo, d in candidates}))
            return None, 0, Reason(N_("several dates ({dates}) and none leads the article"), dates=listed), False, None
        conf = 0.7
        why: list[str] = [Reason(N_("the first of several dates, in the opening sentence"))]
    else:
        conf = 0.9
        why = [Reason(N_("the date in the text"))]
    _, y, month, day = chosen
    assumed = False
    hint = None
    if y is None:
        read = _year_of(art, chosen, today, year)
        if isinstance(read, Reason):
            return None, 0, clauses(read, _set_aside(skipped)), False, Hint.SET_YEAR
        y, said, lower, assumed, hint = read
        why.append(said)
        conf -= lower
    try:
        found = date(y, month, day)
    except ValueError:
        return (
            None,
            0,
            Reason(N_("{month}月{day}日 does not exist in {year}"), month=month, day=day, year=y),
            False,
            None,
        )
    if not in_range(found):
        said = N_("{date} is outside the supported range {range}")
        bounds = message(N_("{first} to {last}"), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())
        return None, 0, Reason(said, date=found.isoformat(), range=bounds), False, None
    if len(distinct) > 1 and not why[0].startswith("the first"):
        conf = min(conf, 0.8)
    if skipped:
        # before the year's clause, which stays last: the hint about the year is added after it
        why.insert(1, _set_aside(skipped))
    return found.isoformat(), conf, clauses(*why), assumed, hint


def _written_dates(art: Article) -> tuple[list[_Written], dict[int, int], list[tuple[str, str]], list[str]]:
    """The dates the text writes that may be its activity's, in order, with where each ends;
    the dates passed over (as written, and why: "filed", "reported" or another event's kind);
    and the filing days as the text writes them (9月22日讯), for the reason."""
    text = art.masked
    candidates: list[_Written] = []
    ends: dict[int, int] = {}  # where each candidate's date ends
    skipped: list[tuple[str, str]] = []
    filed_as_written = []
    for m in _CN_DATE.finditer(text):
        filed = (
            text[m.end() : m.end() + 1] in _FILED
            or _WIRED.match(text, m.end())
            or _FILED_AT.match(text, m.end())
            or _ISSUE.match(text, m.end())
        )
        # (本报5月11日讯 …青东巷社区今天开展了…: the day filed is the day, when the lead says 今天)
        if (filed and not _TODAY_AFTER.match(text, m.end())) or ((m["y"] or m["roc"]) and is_dateline(text, m)):
            skipped.append((m.group(), "filed"))
            filed_as_written.append(m.group() + ("讯" if text.startswith("讯", m.end()) else ""))
            continue
        if _REPORTER_DAY.match(text, m.end()):
            skipped.append((m.group(), "reported"))
            continue
        other = other_event(art, m.start(), m.end())
        if other:
            skipped.append((m.group(), other))
            continue
        try:
            y = parse_cn_int(m["y"]) if m["y"] else (_ROC_YEAR_ONE + int(m["roc"]) if m["roc"] else None)
            month, day = parse_cn_int(m["m"]), parse_cn_int(m["d"])
            date(y or 2000, month, day)  # a real day (2000 is a leap year)
        except ValueError:
            continue
        candidates.append((m.start(), y, month, day))
        ends[m.start()] = m.end()
    for m in FULL_DATE.finditer(text):
        if (
            m["y"]
            and "年" not in m.group()
            and (
                _EVENT_DATE_FIELD.search(text[max(0, m.start() - 10) : m.start()])
                # a date in figures that opens a sentence of the body: 2025.05.09，青禾社区开展…
                or (_IN_SENTENCE.match(text, m.end()) and not is_dateline(text, m))
            )
        ):
            try:
                date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            candidates.append((m.start(), int(m["y"]), int(m["m"]), int(m["d"])))
            ends[m.start()] = m.end()
    candidates.sort()
    return candidates, ends, skipped, filed_as_written


def _without_spans(
    text: str, candidates: list[_Written], ends: dict[int, int], skipped: list[tuple[str, str]]
) -> list[_Written]:
    """9月27日-10月1日: a span's last day is no other date, the activity began on the first;
    but a run of weeks (7月10日-8月26日) is a programme, not one activity's day (added to
    `skipped`)."""
    # (each pair looked at once, the spans' days dropped together: a page of dates stays linear)
    dropped: set[int] = set()
    for first, following in zip(candidates, candidates[1:]):
        if first[0] in dropped or not _SPAN_TO.fullmatch(text, ends[first[0]], following[0]):
            continue
        dropped.add(following[0])
        if _span_days(first, following) > _SPAN_DAYS:
            dropped.add(first[0])
            skipped.append((text[first[0] : ends[following[0]]], "span"))
    return [c for c in candidates if c[0] not in dropped] if dropped else candidates


def _without_named_days(
    text: str, candidates: list[_Written], ends: dict[int, int], skipped: list[tuple[str, str]]
) -> list[_Written]:
    """The candidates but the days named for what they are (added to `skipped`): 5月31日是第31个
    世界无烟日。5月28日上午，…: a day named for what it is, beside the day something was done
    (alone, it is as often the day of the activity)."""
    named_days = [
        c
        for c in candidates
        if _NAMED_DAY.match(text, ends[c[0]])
        # (or the day named after it: 2023年的立夏为5月6日, 今年的端午节是6月22日)
        or _TERM_IS.search(text, max(0, c[0] - 12), c[0])
    ]
    if not (named_days and len({(mo, d) for _, _, mo, d in candidates}) > len({(mo, d) for _, _, mo, d in named_days})):
        # Alone, such a day says what the day is, not that the activity was held on it
        # (12月1日是世界艾滋病日，为…，青禾社区开展了宣传活动: reports held before, on and after
        # the day read alike), unless the text ties them: …是世界环境日，当天上午，青禾社区….
        # Not when it dates its own activity vaguely (…是世界无烟日。为…，近日，…).
        named_days = [
            c
            for c in named_days
            if any(w in text[ends[c[0]] : ends[c[0]] + _VAGUE_REACH] for w in _VAGUE)
            or not any(w in text[ends[c[0]] : ends[c[0]] + _VAGUE_REACH] for w in _SAME_DAY)
        ]
        # 4月23日，将迎来…读书日 is a day still to come; …3月21日定为… an occasion's.
    named = set(named_days)  # (looked up once a candidate: a text of a thousand such days)
    named_days += [
        c
        for c in candidates
        if (_COMING.match(text, ends[c[0]]) or _DEFINED.match(text, ends[c[0]])) and c not in named
    ]
    named.update(named_days)
    for c in named_days:
        skipped.append((text[c[0] : ends[c[0]]], "named"))
    return [c for c in candidates if c not in named]


def _no_date(text: str, skipped: list[tuple[str, str]], filed_as_written: list[str]):
    """What read_date says when no date is the activity's: why, and what the caller can give."""
    if skipped and all(o == "filed" for _, o in skipped):
        what = items(*filed_as_written)
        return (
            None,
            0,
            Reason(N_("the only date is the day the report was filed or printed ({dates})"), dates=what),
            False,
            None,
        )
    vague = next((w for w in _VAGUE if w in text), None)
    set_aside = items(*(_passed(g, o, N_("{date} (filing day)")) for g, o in skipped))
    if vague and all(o in ("occasion", "named") for _, o in skipped):
        # (the days named for their occasions said as passed over)
        passed = Reason(N_("passed over: {names}"), names=set_aside) if skipped else ""
        only = clauses(Reason(N_("the article says only {word}"), word=vague), passed)
        return None, 0, only, False, Hint.GIVE_THE_DATE
    if skipped and all(o == "named" for _, o in skipped):
        occasions = items(*(g for g, _ in skipped))
        said = N_("{dates} is named for its occasion, and the text does not say the activity was held that day")
        return None, 0, Reason(said, dates=occasions), False, Hint.GIVE_THE_DATE
    if skipped and all(o == "span" for _, o in skipped):
        said = N_("the activity runs over weeks ({dates}): no one day is its date")
        return None, 0, Reason(said, dates=items(*(g for g, _ in skipped))), False, Hint.GIVE_THE_DATE
    if skipped:
        return None, 0, Reason(N_("the only dates belong to another event: {dates}"), dates=set_aside), False, None
    return None, 0, Reason(N_("no date in the text")), False, Hint.GIVE_DATE


def _year_of(art: Article, chosen: _Written, today: date, year: int | None):
    """The year of the chosen day written without one: (year, why, how much less sure,
    whether assumed, hint or None); or, where no year can be told, why (a Reason)."""
    text = art.masked
    at, _, month, day = chosen
    if year is not None:
        return year, Reason(N_("year {year}"), year=year), 0, False, Hint.YEAR_GIVEN
    named = {
        int(m["y"])
        for m in _YEAR_MONTH.finditer(text)
        if not other_event(art, m.start(), m.end()) and not _SINCE.search(text, max(0, m.start() - 2), m.start())
    }
    bounded = year_from_full_dates(art, month, day)
    marked = year_from_occasions(art, month, day, today)
    beside = _year_after(art, at, month, day, today)
    if len(named) == 1 and not (bounded is not None and bounded[0] > min(named) and bounded[2] <= STAMP_SOON):
        y = named.pop()
        return y, Reason(N_("year {year} named in the text"), year=y), 0.05, False, None
    if beside is not None:
        return beside, Reason(N_("year {year} named in the date's sentence"), year=beside), 0.05, False, None
    if bounded is not None and marked is not None and marked[0] != bounded[0]:
        # 来源: 2023-02-05 above a report of 5月28日 that marks the party's centenary: a
        # repost's stamp and the occasion disagree, and neither is sure to be the year's.
        return Reason(
            N_("the day has no year: the date {date} in the text puts it in {year}, {occasion} in {other}"),
            date=bounded[1],
            year=bounded[0],
            occasion=marked[1],
            other=marked[0],
        )
    if bounded is not None:
        y, full, _ = bounded
        said = Reason(
            N_("year {year} from the date {date} in the text (the report follows the activity)"), year=y, date=full
        )
        return y, said, 0.05, False, None
    if marked is not None:
        y, occasion = marked
        return y, Reason(N_("year {year} from {occasion}"), year=y, occasion=occasion), 0.1, False, None
    latest = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    weekday = _weekday_after(text, at)
    fitting = _year_of_weekday(latest, month, day, weekday) if weekday is not None else None
    if fitting is not None:
        said = Reason(
            N_("year {year}, the latest in which that day was a 星期{weekday}"), year=fitting, weekday=weekday
        )
        return fitting, said, 0.1, True, Hint.SET_YEAR
    others = sorted({int(m[1]) for m in _ANY_YEAR.finditer(text)})
    if others == [latest]:
        # 2026年度…: the text's only year is the latest one
        return latest, Reason(N_("year {year} named in the text"), year=latest), 0.1, False, None
    # A day is not dated by guessing its year: reports are imported long after they were written
    # (a year's back issues, another office's archive), and a guessed year puts the activity into
    # the wrong year's totals. --year gives it.
    if others:
        return Reason(
            N_("the day has no year, and the text names {years}"), years="、".join(str(o) for o in others[:3])
        )
    return Reason(N_("{month}月{day}日 has no year, and the text names none"), month=month, day=day)


def _set_aside(skipped: list[tuple[str, str]]) -> Reason | str:
    """The dates passed over, the first three, as a clause of the date's reason ("" if none)."""
    if not skipped:
        return ""
    passed = items(*(_passed(g, o, N_("{date} (the filing day)")) for g, o in skipped[:3]))
    return Reason(N_("passed over: {names}"), names=passed)


_OTHER_EVENT = {
    "reported": N_("{date} (the day of the report)"),
    "earlier": N_("{date} (earlier event)"),
    "later": N_("{date} (later event)"),
    "occasion": N_("{date} (occasion event)"),
    "named": N_("{date} (occasion event)"),  # 12月1日是世界艾滋病日, 4月23日，将迎来…
    "span": N_("{date} (a programme of weeks)"),
}


def _passed(written: str, other: str, filed: str) -> Reason:
    """A date set aside: the day the report was filed (said as `filed`), or another event's."""
    return Reason(filed if other == "filed" else _OTHER_EVENT[other], date=written)


def _weekday_after(text: str, at: int) -> str | None:
    """The day of the week written right after the day that starts at `at` (一 … 日), or None."""
    m = _WEEKDAY.search(text, at, at + 16)
    return None if m is None else m["w"].replace("天", "日")


def _year_of_weekday(latest: int, month: int, day: int, weekday: str) -> int | None:
    """The latest year up to `latest` in which `month`/`day` fell on `weekday`, looking back
    eleven years (every day of the week comes round within them); None if none fits."""
    for y in range(latest, latest - 12, -1):
        try:
            if _WEEKDAYS[date(y, month, day).weekday()] == weekday:
                return y
        except ValueError:  # 2月29日 in a year without one
            continue
    return None


# A year written alone (`2022年政协委员“双走进”活动`), not before a month: it dates what its
# sentence tells when it follows the day there.
_YEAR_ALONE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年(?![0-9]{1,2}月|[一二三四五六七八九十]{1,2}月|[0-9])")


def _quoted_apart(after_year: str, after_day: str) -> bool:
    """Whether a year stands in a quotation the day is outside of: the text from the year to
    the day closes more quotes than it opens, or the text from the day to the year opens more
    than it closes."""
    return after_year.count("”") > after_year.count("“") or after_day.count("“") > after_day.count("”")


def _year_after(art: Article, at: int, month: int, day: int, today: date) -> int | None:
    """The one year written alone in the day's sentence (at `at`), after the day within a few
    clauses, else before it (为做好2023年秋季征兵工作，8月15日…), that does not put the day after
    today."""
    start, end = art.sentence_at(at)
    for lo, hi in ((at, min(end, at + 60)), (max(start, at - 60), at)):
        found = {
            int(m[1])
            for m in _YEAR_ALONE.finditer(art.masked, lo, hi)
            if (int(m[1]), month, day) <= (today.year, today.month, today.day)
            # (“…让咱们回到1921年……”今天(7月22日): a year inside a quotation that closes
            # before the day, or opens after it, is the quote's; but one that opens the quote
            # is an event's name: 10月23日，“2020年清风送廉暨重阳节文艺汇演”在…举行)
            and (
                art.masked[m.start() - 1 : m.start()] == "“"
                or not _quoted_apart(art.masked[m.end() : at], art.masked[at : m.start()])
            )
        }
        if found:
            return found.pop() if len(found) == 1 else None
    return None
