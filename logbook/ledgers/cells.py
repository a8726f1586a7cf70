"""Cell values: a ledger's cells (typed by the workbook reader, or text from a CSV) read as
logbook values: dates (date cells, Excel serial numbers, text through the `--date` parser), times
and time ranges, head counts, booleans, lists of names and categories. Each reader returns the
value or raises CellError with the reason a person reads; nothing here knows about rows."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from ..dates import parse_date_noting_year, parse_time
from ..errors import LogbookError
from ..i18n import N_, Reason, reason_text  # noqa: F401 (reason_text: the reader imports it from here)
from ..models import Categories
from ..numerals import halfwidth, parse_count

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's (1900 leap year) count
_SERIAL_RANGE = (1, 2958465)  # 1900-01-01 .. 9999-12-31
_SECONDS = re.compile(r"(\d{1,2}:\d{2}):\d{2}(?:\.\d+)?")
_RANGE = re.compile(r"\s*(?:-|–|—|－|~|～|至|到)+\s*")
_DAYPART = re.compile(r"^(上午|早上|早晨|清晨|凌晨|中午|下午|傍晚|晚上|夜里)")
_DATE_TAIL = re.compile(r"[(（][^)）]*[)）]|\s*(?:星期|周|礼拜)[一二三四五六日天]\s*$")
_MIDNIGHT = re.compile(r"[ T]0{1,2}:00(?::00(?:\.0+)?)?$")
_CLOCK_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")  # a date column's stray time
_TIME_START = re.compile(r"(上午|早上|早晨|清晨|凌晨|中午|下午|傍晚|晚上|夜里|\d{1,2}:\d{2}|\d{1,2}点)")
_TEXT_DATE_AT_START = re.compile(
    r"^\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)"
)
_LIST_SPLIT = re.compile(r"[,，、;；\n\r]+")
LIST_JOIN = "、"
# Quotes and brackets: a separator inside them does not split a cell.
_PAIRS = {"“": "”", "「": "」", "《": "》", "（": "）", "(": ")"}
_CLOSING = {close: opening for opening, close in _PAIRS.items()}
_TRUE = {"true", "yes", "y", "1", "是", "t", "约", "约数", "√", "✓", "对"}
_FALSE = {"false", "no", "n", "0", "否", "f", "", "×", "不是"}
_CATEGORY_SUFFIXES = ("活动", "类", "類", "活動")
# Spellings of categories that ledgers use and the category table does not list.
CATEGORY_SYNONYMS = {
    "文艺": "文化",
    "文体活动": "文化",
    "文艺活动": "文化",
    "文化体育": "文化",
    "宣传": "文化",
    "学习": "培训",
    "教育": "培训",
    "知识讲座": "培训",
    "培训讲座": "培训",
    "会": "会议",
    "座谈会": "会议",
    "协商议事": "会议",
    "居民议事": "会议",
    "志愿者服务": "志愿服务",
    "志愿活动": "志愿服务",
    "健康讲座": "义诊",
    "医疗": "义诊",
    "卫生": "义诊",
    "安全宣传": "安全",
    "消防安全": "安全",
    "应急": "安全",
    "为民服务": "便民服务",
    "便民": "便民服务",
    "党建活动": "党建",
    "党员活动": "党建",
    "主题党日": "党建",
}


class CellError(LogbookError):
    """A cell that does not hold what its column says; the message is the reason (a Reason)."""


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value) -> str:
    """A cell as text, as a person sees it: whole numbers without `.0`, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def read_date(value, year_hint: date) -> date:
    """A date cell, an Excel serial number, or text as `--date` reads it; a date without a year
    is the latest such day not after `year_hint` (the ledger's title or 填报日期)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 19000101 <= value <= 21991231 and float(value).is_integer():
            return read_date(str(int(value)), year_hint)  # 20241203 typed as a number
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(Reason(N_("{value} is not a date"), value=_quoted(value)))
    text = halfwidth(text_of(value))
    text = _DATE_TAIL.sub("", _CLOCK_TAIL.sub("", text)).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # a serial number saved as text by a CSV export
        return read_date(float(text), year_hint)
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text):  # 20241203
        text = f"{m[1]}-{m[2]}-{m[3]}"
    try:
        return parse_date_noting_year(text, year_hint)[0]
    except LogbookError:
        raise CellError(
            Reason(
                N_("{value} is not a date: expected 2024-12-03, 2024.12.3, 2024/12/3, 2024年12月3日 or 12月3日"),
                value=_quoted(value),
            )
        ) from None


def read_time(value) -> str:
    """A time cell, a fraction of a day, or text (`9:00`, `09:00:00`, `09:00:00 AM`, `上午9:00`,
    `9点半`) as HH:MM."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        if 0 <= minutes < 24 * 60:
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        if minutes < 24 * 60:
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
    text = _SECONDS.sub(r"\1", halfwidth(text_of(value)))
    try:
        return parse_time(text)
    except LogbookError:
        raise CellError(
            Reason(
                N_("{value} is not a time of day: expected 9:00, 09:00:00, 9:00 AM or 上午9:00"),
                value=_quoted(value),
            )
        ) from None


def read_time_range(value) -> tuple[str | None, str | None]:
    """`8:30-10:00`, `下午2:00—4:00`, `9:00至11:30` as (start, end); a single time as (start, None)."""
    if not isinstance(value, str):
        return read_time(value), None
    text = halfwidth(value.strip())
    parts = [p for p in _RANGE.split(text) if p]
    if len(parts) == 1:
        return read_time(parts[0]), None
    if len(parts) != 2:
        raise CellError(
            Reason(
                N_("{value} is not a time range such as 8:30-10:00"),
                value=_quoted(value),
            )
        )
    first, second = parts
    daypart = _DAYPART.match(first)
    if daypart and not _DAYPART.match(second) and daypart[1] not in ("中午",):
        second = daypart[1] + second  # 下午2:00-4:00 ends at 16:00
    return read_time(first), read_time(second)


def read_when(value, year_hint: date) -> tuple[date | None, str | None, str | None]:
    """A 时间 column with no 日期 beside it: a date, a date and time (range), or a time range only
    (date None), as (date, start, end)."""
    if isinstance(value, datetime):
        at = value.time()
        return value.date(), (f"{at.hour:02d}:{at.minute:02d}" if at != time(0) else None), None
    if isinstance(value, date):
        return value, None, None
    if isinstance(value, time):
        return None, read_time(value), None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value >= 1:
            whole = int(value)
            day = read_date(float(whole), year_hint)
            rest = value - whole
            return day, (read_time(rest) if rest else None), None
        return None, read_time(value), None
    text = halfwidth(text_of(value))
    if m := _TEXT_DATE_AT_START.match(text):
        day = read_date(m[1], year_hint)
        after = _DATE_TAIL.sub("", text[m.end() :]).strip()
        if not after or _MIDNIGHT.fullmatch(" " + after):
            return day, None, None
        start, end = read_time_range(after)
        return day, start, end
    if _TIME_START.match(text.strip()):
        start, end = read_time_range(text)
        return None, start, end
    return read_date(text, year_hint), None, None


def read_count(value) -> tuple[int, bool]:
    """A head count: a number, or text such as `15人`, `50余人`, `约20人`, `约80人次` as
    (count, approximate)."""
    if isinstance(value, bool):
        raise CellError(Reason(N_("{value} is not a head count"), value=_quoted(value)))
    if isinstance(value, (int, float)):
        if value >= 0 and float(value).is_integer():
            return int(value), False
        raise CellError(
            Reason(
                N_("{value} is not a head count: expected a whole number"),
                value=_quoted(value),
            )
        )
    text = text_of(value).replace(",", "")
    if re.fullmatch(r"\d+\.0+", text):
        return int(text.split(".")[0]), False
    try:
        return parse_count(text)
    except ValueError:
        raise CellError(Reason(N_("{value} is not a head count"), value=_quoted(value))) from None


def read_bool(value) -> bool:
    """TRUE/FALSE cells and text, 是/否, 1/0, 约 (an approximate-count mark)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = text_of(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(
        Reason(
            N_("{value} is not true or false: expected TRUE/FALSE, 是/否 or 1/0"),
            value=_quoted(value),
        )
    )


def read_names(value) -> list[str]:
    """Several names in one cell, separated by `,` `，` `、` `;` `；` or a new line; not inside
    quotes or brackets (“文明、和谐”宣传队, 《…》, 区民政局（社工科、慈善科） are one name each). A
    name the cell wholly quotes, that would not read as itself without its quotes, was quoted
    by a ledger (`names_cell`): the quotes are the ledger's, not the name's."""
    return _names(text_of(value), _NESTED_MAX)


# How many quotes inside quotes a name is read through (a ledger adds one): a cell of
# thousands nested is read as it stands, not followed to the bottom.
_NESTED_MAX = 8


def _names(text: str, nesting: int) -> list[str]:
    depth = _depths(text)
    parts, start = [], 0
    for m in _LIST_SPLIT.finditer(text):
        if not depth[m.start()]:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    out: list[str] = []
    for part in parts:
        name = part.strip()
        if nesting and name[:1] == "“" and name[-1:] == "”" and _names(name[1:-1], nesting - 1) != [name[1:-1]]:
            name = name[1:-1]
        if name and name not in out:
            out.append(name)
    return out


def _depths(text: str) -> list[int]:
    """For each character, how many matched pairs of quotes or brackets hold it (an opening
    one never closed holds nothing)."""
    change = [0] * (len(text) + 1)
    open_at: dict[str, list[int]] = {}
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            open_at.setdefault(ch, []).append(i)
        elif ch in _CLOSING and open_at.get(_CLOSING[ch]):
            change[open_at[_CLOSING[ch]].pop() + 1] += 1
            change[i] -= 1
    depth, out = 0, []
    for step in change[:-1]:
        depth += step
        out.append(depth)
    return out


def names_cell(names: list[str]) -> str | None:
    """The cell of a list of names, joined with `、`, that `read_names` reads back as the same
    names: a name holding a separator outside quotes is written in quotes (“区民政局、区残联”)."""
    cells = []
    for name in names:
        if read_names(name) != [name] and read_names(f"“{name}”") == [name]:
            name = f"“{name}”"
        cells.append(name)
    return LIST_JOIN.join(cells) or None


def read_category(value, categories: Categories | None = None) -> str:
    """The stored category for a ledger's spelling: the category list's own spellings, then the
    same without 活动/类 (`文化活动` → 文化), then the ledgers' spellings (CATEGORY_SYNONYMS)."""
    cats = categories or Categories.builtin()
    text = text_of(value)
    found = cats.resolve(text)
    if found is None:
        from ..textnorm import fold

        key = fold(text).replace(" ", "")
        for suffix in _CATEGORY_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                found = cats.resolve(key[: -len(suffix)])
                if found:
                    break
        if found is None and key in CATEGORY_SYNONYMS:
            found = cats.resolve(CATEGORY_SYNONYMS[key])
    if found is None:
        raise CellError(
            Reason(
                N_("{value} is not a category: expected one of {choices}"),
                value=_quoted(value),
                choices="、".join(cats.names),
            )
        )
    return found


def _quoted(value) -> str:
    text = text_of(value)
    if len(text) > 60:
        text = text[:59] + "…"
    return repr(text)
