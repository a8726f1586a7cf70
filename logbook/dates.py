"""Dates, times and periods the way people type them (`3/27`, `三月二十七日`, `上周三`, `2025-W13`).

Every parser takes `today` so that results are reproducible and tests can pin the day; only
`now_utc_iso` and `today_in_shanghai` read the clock, once, at the edge. This is the one
module that imports dateutil, and it uses it for calendar arithmetic, not for parsing: dateutil
cannot read Chinese dates, its fuzzy mode misreads them silently (`2025年3月25日上午9点` →
2009-03-25), and it fills missing parts from the clock. The forms we accept are few and regular,
so regular expressions read them exactly and reject the rest.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Literal

from logbook.errors import UsageError
from logbook.i18n import N_, _
from logbook.numerals import halfwidth, parse_cn_int

# The days the logbook holds and computes with. Every date it is given (typed, in LOGBOOK_TODAY,
# in an imported file, read from a written report) must fall inside; weeks, months and quarters
# that reach a little past either end are computed safely (Python's dates end at years 1 and
# 9999, where a week's arithmetic would fail).
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
SUPPORTED_RANGE = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"

DATE_FORMS = N_(
    "YYYY-MM-DD, 2025/3/27, 3/27, 2025年3月27日, 3月27日, today, yesterday, 今天, 昨天, 前天, "
    "or a weekday such as mon or 周三"
)
TIME_FORMS = N_("HH:MM such as 09:00 or 14:30, or 9点, 9点半, 下午2点")
WEEK_FORMS = N_("2025-W13, this, last, 本周, 上周, or a date such as 2025-03-27")
MONTH_FORMS = N_("2025-03, 2025/3, 2025年3月, 3月, this, last, 本月, 上月")


def supported_range() -> str:
    """SUPPORTED_RANGE in the reader's language."""
    return _("{first} to {last}").format(first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())


# China has had no daylight saving time since 1991, so a fixed offset is exact and needs no
# tz database (zoneinfo has none on Windows without the tzdata package).
SHANGHAI = timezone(timedelta(hours=8), "UTC+08:00")

# Traditional characters of our keywords, folded so that one set of patterns reads both.
_TO_SIMPLIFIED = str.maketrans("週個號禮點時裡", "周个号礼点时里")

_DAYS_AGO = {
    "today": 0, "今天": 0, "今日": 0,
    "yesterday": 1, "昨天": 1, "昨日": 1,
    "前天": 2, "大前天": 3,
    "tomorrow": -1, "明天": -1, "明日": -1,
}  # fmt: skip
_EN_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_CN_WEEKDAYS = {ch: i for i, ch in enumerate("一二三四五六日")} | {"天": 6} | {str(n): n - 1 for n in range(1, 8)}
_CN_WEEKDAY = re.compile(r"(?P<last>上个?)?(?:周|星期|礼拜)(?P<day>[一二三四五六日天1-7])")
_EN_WEEKDAY = re.compile(r"(?P<last>last )?(?P<day>[a-z]+)")

# [0-9] rather than \d, which would also take Arabic-Indic and other Unicode digits.
_YMD = re.compile(r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})")
_MD = re.compile(r"(?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})")
# Chinese numerals are limited to the shapes a month or day can take, so that `一二月`
# ("January or February") is not read as December.
_CN_YEAR = r"[0-9]{4}|[〇零一二三四五六七八九]{4}"
_CN_MONTH = r"[0-9]{1,2}|十[一二]?|[一二三四五六七八九]"
_CN_DAY = r"[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CN_DATE = re.compile(rf"(?:(?P<y>{_CN_YEAR})年)?(?P<m>{_CN_MONTH})月(?P<d>{_CN_DAY})[日号]?")

_HH_MM = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})")
_CN_CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})[点时]"
    r"(?:(?P<half>半)|(?P<quarters>[一三])刻|整"
    r"|(?P<m>[0-9]{1,2}|[零〇一二三四五六七八九十]{1,4})分?)?"
)
_MORNING = ("上午", "早上", "早晨", "清晨", "凌晨")
# (晚上 before 晚: a word is matched by its longest form first)
_AFTERNOON = ("中午", "下午", "傍晚", "晚上", "晚间", "夜里", "晚")
_NIGHT = ("凌晨", "晚上", "晚间", "夜里", "晚")  # 晚上12点 is midnight
# The parts of the day a time may open with (上午9点, 晚7点), for readers that find times in text.
DAYPARTS = _MORNING + _AFTERNOON
# 3月5日上午, 昨天下午, 周三晚上: the part of the day says no hour, so the day is all a date
# names (a clock time after it, 3月5日上午9点, stays refused: it belongs in --start).
_DAYPART_TAIL = re.compile(rf"(?<=\S)\s*(?:{'|'.join(DAYPARTS)})$")

_ISO_WEEK = re.compile(r"(?P<y>[0-9]{4})-?w(?P<w>[0-9]{1,2})")
_THIS_WEEK = {"this", "this week", "本周", "这周", "本星期", "这星期", "这个星期"}
_LAST_WEEK = {"last", "last week", "上周", "上星期", "上个星期", "上礼拜", "上个礼拜"}
_YM = re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})")
_CN_MONTH_ONLY = re.compile(rf"(?:(?P<y>{_CN_YEAR})年)?(?P<m>{_CN_MONTH})月份?")
_THIS_MONTH = {"this", "this month", "本月", "这个月", "这月", "当月"}
_LAST_MONTH = {"last", "last month", "上月", "上个月"}

PeriodKind = Literal["week", "month", "quarter"]


@dataclass(frozen=True)
class Period:
    """A run of whole days; `end` is included, so a period ending on the 31st holds all of it."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UsageError(_("invalid period: {start} is after {end}").format(start=self.start, end=self.end))

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    @property
    def label(self) -> str:
        """`2025-W13`, `2025-03`, `2025-Q1`, `2025-03-27`, or `2025-03-01..2025-03-15`."""
        kind = _kind(self)
        if kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if kind == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if kind == "quarter":
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def iso_bounds(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def _quote(text: str) -> str:
    # A value with control characters is shown escaped, so the error stays one readable line.
    return f"'{text}'" if text.isprintable() else repr(text)


def in_range(d: date) -> bool:
    """Whether `d` is a day the logbook supports (FIRST_DAY to LAST_DAY)."""
    return FIRST_DAY <= d <= LAST_DAY


def is_supported_iso(value: object) -> bool:
    """Whether a stored value is a real YYYY-MM-DD day in the supported range: what a record
    written by hand may not be."""
    if type(value) is not str or len(value) != 10:
        return False
    try:
        return in_range(date.fromisoformat(value))
    except ValueError:
        return False


def _outside(what: str, text: str, shown: str) -> UsageError:
    # `shown` is what the value came to (a relative date, a week's label), when it differs.
    typed = _quote(text.strip())
    if shown != text.strip():
        message = _OUTSIDE_AS[what]
    else:
        message = _OUTSIDE[what]
    return UsageError(_(message).format(value=typed, shown=shown, range=supported_range()))


_OUTSIDE = {
    "date": N_("date {value} is outside the supported range {range}"),
    "week": N_("week {value} is outside the supported range {range}"),
    "month": N_("month {value} is outside the supported range {range}"),
}
# The same, with what the value came to (a relative date, a week's label).
_OUTSIDE_AS = {
    "date": N_("date {value} ({shown}) is outside the supported range {range}"),
    "week": N_("week {value} ({shown}) is outside the supported range {range}"),
    "month": N_("month {value} ({shown}) is outside the supported range {range}"),
}


def _check_day(d: date, text: str, what: str = "date") -> date:
    if not in_range(d):
        raise _outside(what, text, d.isoformat())
    return d


def check_period(period: Period, text: str, what: str) -> Period:
    """`period` if any of its days is supported, else a UsageError naming `text` and the range:
    the ISO week that holds 2199-12-31 runs into 2200 and is still a week of the logbook."""
    if period.end < FIRST_DAY or period.start > LAST_DAY:
        raise _outside(what, text, period.label)
    return period


def _normalize(text: str) -> str:
    """Half-width, lower case, single spaces, Simplified keywords."""
    return " ".join(halfwidth(text).split()).lower().translate(_TO_SIMPLIFIED)


class _NoSuchDay(ValueError):
    """A date in a form `_read_date` knows, naming a day the calendar does not have: the month,
    and the year when the text gave one."""

    def __init__(self, year: int | None, month: int, day: int) -> None:
        super().__init__(f"{year}-{month}-{day}")
        self.year, self.month, self.day = year, month, day

    def reason(self) -> str:
        if not 1 <= self.month <= 12:
            return _("there is no month {month}").format(month=self.month)
        if self.day < 1:
            return _("there is no day {day}").format(day=self.day)
        if self.year is None:
            return _("month {month} has at most {count} days").format(
                month=self.month, count=calendar.monthrange(2024, self.month)[1]
            )
        return _("{year}-{month:02d} has {count} days").format(
            year=self.year, month=self.month, count=calendar.monthrange(self.year, self.month)[1]
        )


def _day(year: int, month: int, day: int) -> date:
    """The date, or _NoSuchDay naming what the calendar lacks."""
    try:
        return date(year, month, day)
    except ValueError:
        raise _NoSuchDay(year, month, day) from None


def _with_assumed_year(month: int, day: int, today: date) -> date:
    # A date without a year is the latest one not after today: on 2025-01-05, `12/30` is
    # 2024-12-30. Comparing (month, day) before building the date lets `2/29` typed on
    # 2025-01-10 reach 2024-02-29 instead of failing on a 2025-02-29 that never exists.
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
        raise _NoSuchDay(None, month, day)  # in no year
    return _day(year, month, day)  # 2/29 in a year without it names that year


def _read_date(s: str, today: date) -> tuple[date, bool] | None:
    """The date `s` (normalized) names and whether its year was assumed; None if no form matches.

    Raises ValueError when a form matches but the day does not exist (2025-02-30, 13/45).
    """
    s = _DAYPART_TAIL.sub("", s)
    if s in _DAYS_AGO:
        return today - timedelta(days=_DAYS_AGO[s]), False
    compact = s.replace(" ", "")
    if m := _CN_WEEKDAY.fullmatch(compact):
        return _weekday(_CN_WEEKDAYS[m["day"]], bool(m["last"]), today), False
    if (m := _EN_WEEKDAY.fullmatch(s)) and m["day"] in _EN_WEEKDAYS:
        return _weekday(_EN_WEEKDAYS[m["day"]], bool(m["last"]), today), False
    if m := _YMD.fullmatch(compact):
        return _day(int(m["y"]), int(m["m"]), int(m["d"])), False
    if m := _MD.fullmatch(compact):
        return _with_assumed_year(int(m["m"]), int(m["d"]), today), True
    if m := _CN_DATE.fullmatch(compact):
        month, day = parse_cn_int(m["m"]), parse_cn_int(m["d"])
        if m["y"] is None:
            return _with_assumed_year(month, day, today), True
        return _day(parse_cn_int(m["y"]), month, day), False
    return None


def _weekday(weekday: int, last_week: bool, today: date) -> date:
    if last_week:
        # 上周三 / last wed: the Wednesday of the previous ISO week, whatever today is.
        return week_of(today).start - timedelta(days=7 - weekday)
    # 周三 / wed: the most recent Wednesday, today included, since one logs what happened.
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def parse_date_noting_year(text: str, today: date) -> tuple[date, bool]:
    """Like `parse_date`, and also whether the year was assumed (so the CLI can say which)."""
    try:
        found = _read_date(_normalize(text), today)
    except _NoSuchDay as err:
        raise UsageError(
            _("invalid date {value}: {reason}").format(value=_quote(text.strip()), reason=err.reason())
        ) from None
    except (ValueError, OverflowError):
        found = None
    if found is None:
        raise UsageError(
            _("invalid date {value}: expected {forms}").format(value=_quote(text.strip()), forms=_(DATE_FORMS))
        )
    _check_day(found[0], text)
    return found


def parse_date(text: str, today: date) -> date:
    """Read a date as people type it, in English or Chinese, relative to `today`.

    Raises UsageError naming the value and the accepted forms.
    """
    return parse_date_noting_year(text, today)[0]


def parse_time(text: str) -> str:
    """Read a time of day (`9:00`, `14:30`, `9点半`, `下午2点`) as "HH:MM"; UsageError if bad."""
    s = _normalize(text).replace(" ", "")
    daypart = next((w for w in DAYPARTS if s.startswith(w)), "")
    if not daypart:
        daypart = next((w for w in ("am", "pm") if s.endswith(w)), "")
        s = s.removesuffix(daypart)
    else:
        s = s.removeprefix(daypart)
    try:
        if m := _HH_MM.fullmatch(s):
            hour, minute = int(m["h"]), int(m["m"])
        elif daypart in ("am", "pm") and re.fullmatch("[0-9]{1,2}", s):
            hour, minute = int(s), 0  # 2pm; a bare number without am/pm is too ambiguous
        elif m := _CN_CLOCK.fullmatch(s):
            hour = parse_cn_int(m["h"])
            if m["half"]:
                minute = 30
            elif m["quarters"]:
                minute = 15 * parse_cn_int(m["quarters"])
            else:
                minute = parse_cn_int(m["m"]) if m["m"] else 0
        else:
            raise ValueError(text)
        hour = _apply_daypart(hour, daypart)
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise ValueError(text)
    except ValueError:
        raise UsageError(
            _("invalid time {value}: expected {forms}").format(value=_quote(text.strip()), forms=_(TIME_FORMS))
        ) from None
    return f"{hour:02d}:{minute:02d}"


def _apply_daypart(hour: int, daypart: str) -> int:
    if hour == 12 and daypart in _NIGHT:
        return 0  # 晚上12点 is midnight
    if daypart in ("", *_MORNING):
        if daypart and hour > 12:
            raise ValueError(hour)  # 上午14点 contradicts itself
        return hour
    if daypart == "am":
        if not 1 <= hour <= 12:
            raise ValueError(hour)
        return 0 if hour == 12 else hour
    if daypart == "pm":
        if not 1 <= hour <= 12:
            raise ValueError(hour)
        return 12 if hour == 12 else hour + 12
    # 中午 spans late morning to early afternoon: 中午11点 is 11:00, 中午1点 is 13:00.
    if daypart == "中午" and hour >= 11:
        return hour
    return hour + 12 if hour < 12 else hour


def week_of(d: date) -> Period:
    """The ISO week (Monday to Sunday) that holds `d`."""
    start = d - timedelta(days=d.weekday())
    return Period(start, start + timedelta(days=6))


def month_of(d: date) -> Period:
    last_day = calendar.monthrange(d.year, d.month)[1]
    return Period(d.replace(day=1), d.replace(day=last_day))


def quarter_of(d: date) -> Period:
    first_month = (d.month - 1) // 3 * 3 + 1
    return Period(date(d.year, first_month, 1), month_of(date(d.year, first_month + 2, 1)).end)


def last_complete_week(today: date) -> Period:
    """The ISO week before this one: the current week is not over until Sunday has ended."""
    return previous(week_of(today))


def _kind(period: Period) -> str | None:
    start, end = period.start, period.end
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return "week"
    if start.day == 1 and end == month_of(start).end:
        return "month"
    if start.day == 1 and start.month % 3 == 1 and end == quarter_of(start).end:
        return "quarter"
    return None


def _shift(period: Period, n: int) -> Period:
    """The period `n` steps later (earlier if negative); weeks, months and quarters stay whole."""
    from dateutil.relativedelta import relativedelta  # only here: most commands never need it

    kind = _kind(period)
    if kind == "week":
        return week_of(period.start + timedelta(weeks=n))
    if kind == "month":
        return month_of(period.start + relativedelta(months=n))
    if kind == "quarter":
        return quarter_of(period.start + relativedelta(months=3 * n))
    length = period.end - period.start + timedelta(days=1)
    return Period(period.start + n * length, period.end + n * length)


def previous(period: Period) -> Period:
    """The period just before: the previous ISO week, month or quarter, else as many days."""
    return _shift(period, -1)


def periods_between(start: date, end: date, kind: PeriodKind) -> list[Period]:
    """The whole weeks, months or quarters that together cover `start`..`end`, in order."""
    Period(start, end)  # the same error for a reversed range as anywhere else
    first_of = {"week": week_of, "month": month_of, "quarter": quarter_of}
    if kind not in first_of:
        raise ValueError(f"kind must be week, month or quarter, not {kind!r}")
    periods = [first_of[kind](start)]
    while periods[-1].end < end:
        periods.append(_shift(periods[-1], 1))
    return periods


def parse_week(spec: str, today: date) -> Period:
    """Read `2025-W13`, `this`, `last`, `本周`, `上周` or a date (its ISO week) as a week."""
    s = _normalize(spec)
    try:
        if m := _ISO_WEEK.fullmatch(s.replace(" ", "")):
            # fromisocalendar rejects week 53 in years that have only 52.
            monday = date.fromisocalendar(int(m["y"]), int(m["w"]), 1)
            if not FIRST_DAY - timedelta(days=6) <= monday <= LAST_DAY:
                # Checked before the week is made: the last week of 9999 would end past date.max.
                raise _outside("week", spec, f"{int(m['y']):04d}-W{int(m['w']):02d}")
            return week_of(monday)
        if s in _THIS_WEEK:
            return check_period(week_of(today), spec, "week")
        if s in _LAST_WEEK:
            return check_period(last_complete_week(today), spec, "week")
        if found := _read_date(s, today):
            return week_of(_check_day(found[0], spec, "week"))
    except (ValueError, OverflowError):
        pass
    raise UsageError(
        _("invalid week {value}: expected {forms}").format(value=_quote(spec.strip()), forms=_(WEEK_FORMS))
    )


def parse_month(spec: str, today: date) -> Period:
    """Read `2025-03`, `2025年3月`, `3月`, `this`, `last`, `本月`, `上月` or a date as a month."""
    s = _normalize(spec)
    compact = s.replace(" ", "")
    try:
        if m := _YM.fullmatch(compact):
            return check_period(month_of(date(int(m["y"]), int(m["m"]), 1)), spec, "month")
        if m := _CN_MONTH_ONLY.fullmatch(compact):
            month = parse_cn_int(m["m"])
            if m["y"] is not None:
                return check_period(month_of(date(parse_cn_int(m["y"]), month, 1)), spec, "month")
            # As for dates: a month without a year is the latest one that has begun.
            year = today.year if month <= today.month else today.year - 1
            return check_period(month_of(date(year, month, 1)), spec, "month")
        if s in _THIS_MONTH:
            return check_period(month_of(today), spec, "month")
        if s in _LAST_MONTH:
            return check_period(previous(month_of(today)), spec, "month")
        if found := _read_date(s, today):
            return month_of(_check_day(found[0], spec, "month"))
    except (ValueError, OverflowError):
        pass
    raise UsageError(
        _("invalid month {value}: expected {forms}").format(value=_quote(spec.strip()), forms=_(MONTH_FORMS))
    )


def now_utc_iso(now: datetime | None = None) -> str:
    """The current instant as `2025-03-27T08:00:00.123Z` (UTC, milliseconds), for record stamps.

    `now` (timezone-aware) stands in for the clock in tests.
    """
    utc = _aware(now).astimezone(UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


def today_in_shanghai(now: datetime | None = None) -> date:
    """Today's date in Beijing time, whatever the machine's time zone; `now` as above."""
    return _aware(now).astimezone(SHANGHAI).date()


def _aware(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    return now
