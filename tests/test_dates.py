"""Dates, times and periods as people type them, with `today` pinned."""

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from logbook.dates import (
    FIRST_DAY,
    LAST_DAY,
    Period,
    last_complete_week,
    month_of,
    now_utc_iso,
    parse_date,
    parse_date_noting_year,
    parse_month,
    parse_time,
    parse_week,
    periods_between,
    previous,
    quarter_of,
    today_in_shanghai,
    week_of,
)
from logbook.errors import ExitCode, UsageError

TODAY = date(2025, 3, 27)  # a Thursday in 2025-W13
CN_DIGITS = "〇一二三四五六七八九"

# Every day the logbook supports, its first and last included.
any_date = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
# A today from which a date up to a year and a week back is still a supported day.
any_today = st.dates(min_value=FIRST_DAY + timedelta(days=372), max_value=LAST_DAY)


def cn_small(n: int) -> str:
    """1..31 in Chinese numerals, as months and days are written: 三, 十一, 二十七, 三十."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else CN_DIGITS[tens]) + "十") + (CN_DIGITS[ones] if ones else "")


def cn_date(d: date) -> str:
    year = "".join(CN_DIGITS[int(c)] for c in f"{d.year:04d}")
    return f"{year}年{cn_small(d.month)}月{cn_small(d.day)}日"


# --- parse_date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-27", date(2025, 3, 27)),
        ("2025/3/27", date(2025, 3, 27)),
        ("2025.3.27", date(2025, 3, 27)),
        ("2024-02-29", date(2024, 2, 29)),
        ("3/27", date(2025, 3, 27)),
        ("3-27", date(2025, 3, 27)),
        ("2025年3月27日", date(2025, 3, 27)),
        ("2025年3月27号", date(2025, 3, 27)),
        ("2025年3月27號", date(2025, 3, 27)),
        ("2025年3月27", date(2025, 3, 27)),
        ("3月27日", date(2025, 3, 27)),
        ("3月27号", date(2025, 3, 27)),
        ("三月二十七日", date(2025, 3, 27)),
        ("十二月三十一日", date(2024, 12, 31)),
        ("二〇二五年三月二十七日", date(2025, 3, 27)),
        ("二零二五年三月十日", date(2025, 3, 10)),
        ("２０２５－０３－２７", date(2025, 3, 27)),
        ("２０２５年３月２７日", date(2025, 3, 27)),
        ("  2025-03-27\n", date(2025, 3, 27)),
        ("2025 年 3 月 27 日", date(2025, 3, 27)),
        ("today", date(2025, 3, 27)),
        ("Today", date(2025, 3, 27)),
        ("yesterday", date(2025, 3, 26)),
        ("今天", date(2025, 3, 27)),
        ("今日", date(2025, 3, 27)),
        ("昨天", date(2025, 3, 26)),
        ("前天", date(2025, 3, 25)),
        ("大前天", date(2025, 3, 24)),
        ("tomorrow", date(2025, 3, 28)),
        ("明天", date(2025, 3, 28)),
        # a part of the day names no hour: the day is what the date says
        ("3月27日上午", date(2025, 3, 27)),
        ("2025年3月26日下午", date(2025, 3, 26)),
        ("3月27日 晚上", date(2025, 3, 27)),
        ("昨天下午", date(2025, 3, 26)),
        ("周三晚上", date(2025, 3, 26)),
        ("3/25 上午", date(2025, 3, 25)),
    ],
)
def test_parse_date_forms(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the most recent such day, today included (TODAY is a Thursday)
        ("thu", date(2025, 3, 27)),
        ("Thursday", date(2025, 3, 27)),
        ("THURS", date(2025, 3, 27)),
        ("wed", date(2025, 3, 26)),
        ("wednesday", date(2025, 3, 26)),
        ("fri", date(2025, 3, 21)),
        ("mon", date(2025, 3, 24)),
        ("Monday", date(2025, 3, 24)),
        ("sun", date(2025, 3, 23)),
        ("周三", date(2025, 3, 26)),
        ("星期三", date(2025, 3, 26)),
        ("礼拜三", date(2025, 3, 26)),
        ("週三", date(2025, 3, 26)),
        ("周四", date(2025, 3, 27)),
        ("周五", date(2025, 3, 21)),
        ("周日", date(2025, 3, 23)),
        ("星期天", date(2025, 3, 23)),
        ("星期日", date(2025, 3, 23)),
        ("礼拜天", date(2025, 3, 23)),
        # the given day of the previous ISO week (2025-W12: 3-17 .. 3-23)
        ("last wed", date(2025, 3, 19)),
        ("last  Wednesday", date(2025, 3, 19)),
        ("last fri", date(2025, 3, 21)),
        ("last mon", date(2025, 3, 17)),
        ("上周三", date(2025, 3, 19)),
        ("上星期三", date(2025, 3, 19)),
        ("上个星期三", date(2025, 3, 19)),
        ("上礼拜五", date(2025, 3, 21)),
        ("上周日", date(2025, 3, 23)),
        ("上周一", date(2025, 3, 17)),
    ],
)
def test_parse_date_weekdays(text, expected):
    assert parse_date(text, TODAY) == expected


def test_weekday_on_a_monday_counts_today_and_last_week_is_the_previous_iso_week():
    monday = date(2025, 3, 24)
    assert parse_date("周一", monday) == monday
    assert parse_date("周日", monday) == date(2025, 3, 23)
    assert parse_date("上周日", monday) == date(2025, 3, 23)
    assert parse_date("上周一", monday) == date(2025, 3, 17)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("3/27", date(2025, 3, 27), date(2025, 3, 27)),  # today itself: this year
        ("3/28", date(2025, 3, 27), date(2024, 3, 28)),  # tomorrow's date: last year
        ("12/30", date(2025, 1, 5), date(2024, 12, 30)),
        ("1/5", date(2025, 1, 5), date(2025, 1, 5)),
        ("12月31日", date(2025, 12, 31), date(2025, 12, 31)),
        ("1月1日", date(2025, 12, 31), date(2025, 1, 1)),
        ("2/29", date(2025, 1, 10), date(2024, 2, 29)),  # after today, so the leap year before
        ("2/29", date(2024, 3, 1), date(2024, 2, 29)),
    ],
)
def test_a_date_without_year_is_never_in_the_future(text, today, expected):
    assert parse_date(text, today) == expected


def test_parse_date_noting_year_says_when_the_year_was_assumed():
    assert parse_date_noting_year("3/28", TODAY) == (date(2024, 3, 28), True)
    assert parse_date_noting_year("三月二十七日", TODAY) == (date(2025, 3, 27), True)
    assert parse_date_noting_year("2025/3/28", TODAY) == (date(2025, 3, 28), False)
    assert parse_date_noting_year("周三", TODAY) == (date(2025, 3, 26), False)


@pytest.mark.parametrize(
    "text",
    [
        "十三月一日", "一二月三日", "garbage", "", "   ", "last", "next wed",
        "周八", "上周", "2025-03", "2025-03/27", "25-3-27", "2025-03-27T10:00", "3.27.2025",
        "Mar 27", "20250327", "2025年3月25日上午9点", "上午", "3月27日上午9点", "3月27日上午下午",
    ],
)  # fmt: skip
def test_bad_dates_are_usage_errors_naming_value_and_forms(text):
    with pytest.raises(UsageError) as caught:
        parse_date(text, TODAY)  # 2025 is not a leap year, so 2/29 does not exist
    message = caught.value.message
    assert f"'{text.strip()}'" in message
    assert message.startswith("invalid date ")
    assert "YYYY-MM-DD" in message and "3月27日" in message and "周三" in message
    assert caught.value.exit_code == ExitCode.USAGE


def test_bad_date_message_in_full():
    with pytest.raises(UsageError) as caught:
        parse_date("2025-03", TODAY)
    assert caught.value.message == (
        "invalid date '2025-03': expected YYYY-MM-DD, 2025/3/27, 3/27, 2025年3月27日, "
        "3月27日, today, yesterday, 今天, 昨天, 前天, or a weekday such as mon or 周三"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-02-30", "2025-02 has 28 days"),
        ("2024-02-30", "2024-02 has 29 days"),
        ("2025年4月31日", "2025-04 has 30 days"),
        ("2/29", "2025-02 has 28 days"),  # the year taken for it (2025) has no February 29th
        ("2/30", "month 2 has at most 29 days"),
        ("2月30日", "month 2 has at most 29 days"),
        ("三月三十二日", "month 3 has at most 31 days"),
        ("2025-13-01", "there is no month 13"),
        ("13/45", "there is no month 13"),
        ("2025-00-10", "there is no month 0"),
        ("0/1", "there is no month 0"),
        ("3/0", "there is no day 0"),
    ],
)
def test_a_date_written_right_that_the_calendar_lacks_says_so(text, reason):
    """The form was right; what is wrong is the day: the message says that, not the forms."""
    with pytest.raises(UsageError) as caught:
        parse_date(text, TODAY)
    assert caught.value.message == f"invalid date '{text}': {reason}"
    assert caught.value.exit_code == ExitCode.USAGE


def test_control_characters_in_a_bad_value_are_escaped():
    with pytest.raises(UsageError) as caught:
        parse_date("3/27\x1b[31m", TODAY)
    assert "\x1b" not in caught.value.message
    assert "\\x1b" in caught.value.message


@given(any_date)
def test_any_date_round_trips_through_every_written_form(d):
    for text in (
        d.isoformat(),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}年{d.month}月{d.day}号",
        cn_date(d),
    ):
        assert parse_date(text, TODAY) == d, text


@given(today=any_today, days_back=st.integers(min_value=0, max_value=364))
def test_a_date_without_year_in_the_last_year_round_trips(today, days_back):
    d = today - timedelta(days=days_back)
    assert parse_date(f"{d.month}/{d.day}", today) == d
    assert parse_date(f"{cn_small(d.month)}月{cn_small(d.day)}日", today) == d


@given(today=any_today, weekday=st.integers(min_value=0, max_value=6))
def test_weekday_names_mean_the_most_recent_such_day(today, weekday):
    english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][weekday]
    chinese = "一二三四五六日"[weekday]
    recent = parse_date(english, today)
    assert recent.weekday() == weekday
    assert timedelta(0) <= today - recent < timedelta(days=7)
    assert parse_date(f"周{chinese}", today) == recent
    last = parse_date(f"上周{chinese}", today)
    assert last.weekday() == weekday
    assert week_of(today - timedelta(days=7)).contains(last)
    assert parse_date(f"last {english}", today) == last


# --- parse_time ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:00", "09:00"), ("09:00", "09:00"), ("14:30", "14:30"), ("0:00", "00:00"),
        ("23:59", "23:59"), ("９：３０", "09:30"), (" 9:00 ", "09:00"),
        ("9点", "09:00"), ("9点半", "09:30"), ("9点整", "09:00"), ("9点15", "09:15"),
        ("9点15分", "09:15"), ("9点一刻", "09:15"), ("九点三刻", "09:45"), ("九点零五分", "09:05"),
        ("十点", "10:00"), ("两点", "02:00"), ("9點", "09:00"), ("9时", "09:00"),
        ("上午9点", "09:00"), ("早上8点半", "08:30"), ("下午2点", "14:00"),
        ("下午两点半", "14:30"), ("下午2:30", "14:30"), ("下午14点", "14:00"),
        ("晚上7点", "19:00"), ("晚上12点", "00:00"), ("中午12点", "12:00"), ("中午1点", "13:00"),
        ("晚7点", "19:00"), ("晚间8点半", "20:30"), ("晚12点", "00:00"),
        ("2pm", "14:00"), ("2:30 PM", "14:30"), ("9am", "09:00"), ("12am", "00:00"),
        ("12pm", "12:00"),
    ],
)  # fmt: skip
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "9", "24:00", "9:60", "9:5", "25点", "9点61分", "上午14点", "下午", "13pm", "0am",
     "noon", "9.30", "9:00:00", "abc"],
)  # fmt: skip
def test_bad_times_are_usage_errors_naming_value(text):
    with pytest.raises(UsageError) as caught:
        parse_time(text)
    assert f"'{text}'" in caught.value.message
    assert "HH:MM" in caught.value.message


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_any_clock_time_round_trips(hour, minute):
    assert parse_time(f"{hour}:{minute:02d}") == f"{hour:02d}:{minute:02d}"
    assert parse_time(f"{hour}点{minute}分") == f"{hour:02d}:{minute:02d}"


# --- periods ---------------------------------------------------------------------------------


def test_period_basics():
    p = Period(date(2025, 3, 24), date(2025, 3, 30))
    assert p.contains(date(2025, 3, 24)) and p.contains(date(2025, 3, 30))
    assert not p.contains(date(2025, 3, 23)) and not p.contains(date(2025, 3, 31))
    assert p.iso_bounds() == ("2025-03-24", "2025-03-30")
    assert p.label == "2025-W13"
    assert Period(date(2025, 3, 1), date(2025, 3, 31)).label == "2025-03"
    assert Period(date(2025, 1, 1), date(2025, 3, 31)).label == "2025-Q1"
    assert Period(date(2025, 3, 27), date(2025, 3, 27)).label == "2025-03-27"
    assert Period(date(2025, 3, 1), date(2025, 3, 15)).label == "2025-03-01..2025-03-15"
    with pytest.raises(UsageError, match="2025-03-31 is after 2025-03-01"):
        Period(date(2025, 3, 31), date(2025, 3, 1))


@pytest.mark.parametrize(
    ("spec", "start", "end", "label"),
    [
        ("2025-W13", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("2025W13", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("2025-w13", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("2025-W1", date(2024, 12, 30), date(2025, 1, 5), "2025-W01"),
        ("this", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("This Week", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("本周", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("last", date(2025, 3, 17), date(2025, 3, 23), "2025-W12"),
        ("上周", date(2025, 3, 17), date(2025, 3, 23), "2025-W12"),
        ("上週", date(2025, 3, 17), date(2025, 3, 23), "2025-W12"),
        ("2025-03-30", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("3月24日", date(2025, 3, 24), date(2025, 3, 30), "2025-W13"),
        ("上周三", date(2025, 3, 17), date(2025, 3, 23), "2025-W12"),
        # ISO week edges
        ("2020-W53", date(2020, 12, 28), date(2021, 1, 3), "2020-W53"),
        ("2021-01-03", date(2020, 12, 28), date(2021, 1, 3), "2020-W53"),
        ("2026-W01", date(2025, 12, 29), date(2026, 1, 4), "2026-W01"),
        ("2025-12-31", date(2025, 12, 29), date(2026, 1, 4), "2026-W01"),
        ("2026-W53", date(2026, 12, 28), date(2027, 1, 3), "2026-W53"),
    ],
)
def test_parse_week(spec, start, end, label):
    week = parse_week(spec, TODAY)
    assert (week.start, week.end, week.label) == (start, end, label)


@pytest.mark.parametrize("spec", ["2025-W53", "2025-W54", "2020-W54", "2025-W00", "2025-W", "W13", "next", "x", ""])
def test_bad_weeks_are_usage_errors_naming_value_and_forms(spec):
    with pytest.raises(UsageError) as caught:
        parse_week(spec, TODAY)
    assert caught.value.message.startswith(f"invalid week '{spec}': expected 2025-W13")
    assert "上周" in caught.value.message


@given(any_date)
def test_the_week_of_any_date_holds_it_and_starts_on_monday(d):
    week = parse_week(d.isoformat(), TODAY)
    assert week.contains(d)
    assert week.start.weekday() == 0
    assert week.end - week.start == timedelta(days=6)
    year, number, _ = d.isocalendar()
    assert week.label == f"{year}-W{number:02d}"
    assert parse_week(week.label, TODAY) == week


@pytest.mark.parametrize(
    ("spec", "label", "bounds"),
    [
        ("2025-03", "2025-03", ("2025-03-01", "2025-03-31")),
        ("2025/3", "2025-03", ("2025-03-01", "2025-03-31")),
        ("2025年3月", "2025-03", ("2025-03-01", "2025-03-31")),
        ("二〇二四年二月", "2024-02", ("2024-02-01", "2024-02-29")),
        ("3月", "2025-03", ("2025-03-01", "2025-03-31")),
        ("三月份", "2025-03", ("2025-03-01", "2025-03-31")),
        ("4月", "2024-04", ("2024-04-01", "2024-04-30")),  # April has not begun: last year's
        ("this", "2025-03", ("2025-03-01", "2025-03-31")),
        ("本月", "2025-03", ("2025-03-01", "2025-03-31")),
        ("last", "2025-02", ("2025-02-01", "2025-02-28")),
        ("上月", "2025-02", ("2025-02-01", "2025-02-28")),
        ("上个月", "2025-02", ("2025-02-01", "2025-02-28")),
        ("2025-02-14", "2025-02", ("2025-02-01", "2025-02-28")),
    ],
)
def test_parse_month(spec, label, bounds):
    month = parse_month(spec, TODAY)
    assert (month.label, month.iso_bounds()) == (label, bounds)


def test_last_month_in_january_is_last_december():
    assert parse_month("上月", date(2025, 1, 15)).label == "2024-12"


@pytest.mark.parametrize("spec", ["2025-13", "2025-00", "13月", "十三月", "2025", "x", ""])
def test_bad_months_are_usage_errors_naming_value_and_forms(spec):
    with pytest.raises(UsageError) as caught:
        parse_month(spec, TODAY)
    assert caught.value.message.startswith(f"invalid month '{spec}': expected 2025-03")


def test_week_month_quarter_of():
    assert week_of(TODAY) == Period(date(2025, 3, 24), date(2025, 3, 30))
    assert month_of(date(2024, 2, 10)) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert quarter_of(TODAY) == Period(date(2025, 1, 1), date(2025, 3, 31))
    assert quarter_of(date(2025, 11, 5)).label == "2025-Q4"
    assert quarter_of(date(2025, 11, 5)).iso_bounds() == ("2025-10-01", "2025-12-31")
    assert quarter_of(date(2025, 4, 1)).label == "2025-Q2"


def test_last_complete_week_is_the_previous_iso_week_even_on_sunday():
    assert last_complete_week(TODAY).label == "2025-W12"
    assert last_complete_week(date(2025, 3, 30)).label == "2025-W12"
    assert last_complete_week(date(2025, 3, 31)).label == "2025-W13"
    assert last_complete_week(date(2026, 1, 1)).label == "2025-W52"


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (week_of(date(2026, 1, 1)), "2025-W52"),
        (week_of(date(2021, 1, 5)), "2020-W53"),
        (month_of(date(2025, 3, 31)), "2025-02"),
        (month_of(date(2025, 1, 31)), "2024-12"),
        (quarter_of(date(2025, 2, 1)), "2024-Q4"),
        (Period(date(2025, 3, 27), date(2025, 3, 27)), "2025-03-26"),
        (Period(date(2025, 3, 11), date(2025, 3, 20)), "2025-03-01..2025-03-10"),
    ],
)
def test_previous(period, expected):
    assert previous(period).label == expected


@given(any_date)
def test_previous_periods_end_the_day_before(d):
    for period in (week_of(d), month_of(d), quarter_of(d)):
        before = previous(period)
        assert before.end + timedelta(days=1) == period.start
        assert before.label < period.label  # labels sort in time order


def test_periods_between():
    months = periods_between(date(2025, 1, 15), date(2025, 3, 3), "month")
    assert [p.label for p in months] == ["2025-01", "2025-02", "2025-03"]
    weeks = periods_between(date(2025, 12, 28), date(2026, 1, 5), "week")
    assert [p.label for p in weeks] == ["2025-W52", "2026-W01", "2026-W02"]
    quarters = periods_between(date(2024, 11, 1), date(2025, 4, 1), "quarter")
    assert [p.label for p in quarters] == ["2024-Q4", "2025-Q1", "2025-Q2"]
    assert periods_between(TODAY, TODAY, "week") == [week_of(TODAY)]


def test_periods_between_rejects_a_reversed_range_and_unknown_kinds():
    with pytest.raises(UsageError, match="2025-03-27 is after 2025-03-01"):
        periods_between(TODAY, date(2025, 3, 1), "month")
    with pytest.raises(ValueError):
        periods_between(date(2025, 3, 1), TODAY, "year")  # type: ignore[arg-type]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=800),
    st.sampled_from(["week", "month", "quarter"]),
)
def test_periods_between_tile_the_range_without_gaps(start, days, kind):
    end = start + timedelta(days=days)
    periods = periods_between(start, end, kind)
    assert periods[0].contains(start) and periods[-1].contains(end)
    for before, after in zip(periods, periods[1:]):
        assert before.end + timedelta(days=1) == after.start


# --- the clock -------------------------------------------------------------------------------


def test_now_utc_iso_formats_milliseconds_in_utc():
    beijing = timezone(timedelta(hours=8))
    moment = datetime(2025, 3, 27, 16, 0, 0, 123456, tzinfo=beijing)
    assert now_utc_iso(moment) == "2025-03-27T08:00:00.123Z"
    assert now_utc_iso(datetime(2025, 3, 27, 8, tzinfo=UTC)) == "2025-03-27T08:00:00.000Z"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", now_utc_iso())


def test_today_in_shanghai_is_utc_plus_eight():
    utc = UTC
    assert today_in_shanghai(datetime(2025, 3, 26, 15, 59, tzinfo=utc)) == date(2025, 3, 26)
    assert today_in_shanghai(datetime(2025, 3, 26, 16, 0, tzinfo=utc)) == date(2025, 3, 27)
    assert isinstance(today_in_shanghai(), date)


def test_the_clock_refuses_a_naive_datetime():
    with pytest.raises(ValueError):
        now_utc_iso(datetime(2025, 3, 27, 8))
