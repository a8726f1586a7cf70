"""Column headers: the synonym table that maps the names offices give their columns (either
script, with or without units and marks) to logbook's fields, and the finding of the header row
among the title and 填报 lines above it. This module owns what a column means, not its cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import FIELD_ORDER
from ..textnorm import fold

# Field (or pseudo-field) → the column names that mean it, in Simplified; Traditional headers fold
# to these. `when` is a 时间 column: a date, a time range, or both. A `title_or_notes` column
# (内容) is the title when no other column is, else the notes.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "id", "活动编号", "记录编号", "台账编号"),
    "date": ("日期", "活动日期", "开展日期", "举办日期", "活动开展日期", "日期时间"),
    "when": ("时间", "活动时间", "开展时间", "举办时间", "活动开展时间"),
    "start": ("开始时间", "起始时间", "开始", "活动开始时间"),
    "end": ("结束时间", "截止时间", "结束", "活动结束时间"),
    "title": ("活动名称", "名称", "标题", "活动主题", "主题", "活动标题", "项目名称", "活动项目", "活动名称及主题"),
    "title_or_notes": ("内容", "活动内容"),
    "category": ("类别", "类型", "活动类别", "活动类型", "分类", "活动分类", "活动种类"),
    "communities": (
        "社区",
        "所属社区",
        "社区名称",
        "活动社区",
        "参与社区",
        "覆盖社区",
        "居委会",
        "社区居委会",
        "community",
    ),
    "street": ("街道", "所属街道", "街道办事处", "街乡"),
    "participants": (
        "人数",
        "参与人数",
        "参加人数",
        "参与人次",
        "人次",
        "服务人次",
        "受益人数",
        "活动人数",
        "出席人数",
        "参加人次",
        "服务人数",
        "参与人员数",
    ),
    "participants_approx": ("约数", "人数约数", "是否约数", "人数为约数", "approx"),
    "organizers": ("主办单位", "主办", "主办方", "承办单位", "承办", "组织单位", "组织者"),
    "partners": ("协办单位", "协办", "协办方", "合作单位", "合作方", "支持单位"),
    "speakers": ("主讲人", "讲师", "主讲", "授课人", "授课老师", "主讲嘉宾", "嘉宾", "主讲老师"),
    "groups": ("服务对象", "参与对象", "活动对象", "参与群体", "对象"),
    "tags": ("标签", "关键词"),
    "location": ("地点", "活动地点", "地址", "场地", "举办地点", "开展地点", "活动场地"),
    "notes": ("备注", "说明", "活动简介", "简介", "活动情况", "活动概况", "情况说明"),
    "source": ("来源", "信息来源"),
    "author": ("记录人", "填报人", "录入人", "记录者"),
}
# Row numbers that every ledger has and no activity needs: left out without a word.
IGNORED = ("序号", "序", "no", "no.", "行号")
# Words of a summary sheet's header: counts per community or per month, not activities.
SUMMARY_WORDS = (
    "次数",
    "活动次数",
    "场次",
    "活动场次",
    "开展次数",
    "活动数",
    "月份",
    "月",
    "季度",
    "合计",
    "总计",
    "小计",
    "总人数",
    "总人次",
    "累计",
)

_UNIT = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_MARKS = re.compile(r"[\s*＊:：·•、._\-]+")


def header_key(text: str) -> str:
    """A header cell as the table looks it up: folded (Simplified, half-width, lower case), units
    in brackets (`参与人数（人）`), required marks (`*日期`), spaces and colons left out."""
    key = fold(str(text))
    key = _UNIT.sub("", key)
    return _MARKS.sub("", key) or key.strip()


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in FIELD_ORDER:
        table[header_key(name)] = name
    for name, spellings in SYNONYMS.items():
        for spelling in spellings:
            table.setdefault(header_key(spelling), name)
    return table


TABLE = _build()
_IGNORED = frozenset(header_key(w) for w in IGNORED)
_SUMMARY = frozenset(header_key(w) for w in SUMMARY_WORDS)


@dataclass
class Columns:
    """What each column of a sheet's header means: `fields[i]` is the field of column i (None for a
    column left out); `unmapped` lists the headers that mapped to nothing, in column order."""

    row: int  # 0-based index of the header row
    headers: list[str]
    fields: list[str | None]
    unmapped: list[str] = field(default_factory=list)
    duplicate: list[tuple[str, str]] = field(default_factory=list)  # (header, field already given)

    def has(self, name: str) -> bool:
        return name in self.fields


def field_of(header: str, overrides: dict[str, str] | None = None) -> str | None:
    """The field a header names, `overrides` ({header: field}, by the same key) first."""
    key = header_key(header)
    if overrides:
        for given, target in overrides.items():
            if header_key(given) == key:
                return target
    return TABLE.get(key)


def is_summary_header(cells: list) -> bool:
    """Whether a row reads as the header of a summary table (a count per community or month)."""
    return any(header_key(c) in _SUMMARY for c in cells if isinstance(c, str) and c.strip())


def find_header(rows: list[list], overrides: dict[str, str] | None = None, *, scan: int = 30):
    """The index of the first row among the first `scan` that reads as a header (two or more cells
    that are column names), or None. A title row (one merged cell) and a `填报单位：…` line never
    do: their cells hold a value after the name."""
    for index, row in enumerate(rows[:scan]):
        named = 0
        for cell in row:
            if isinstance(cell, str) and cell.strip():
                key = header_key(cell)
                if field_of(cell, overrides) or key in _SUMMARY:
                    named += 1
        if named >= 2:
            return index
    return None


def map_columns(rows: list[list], index: int, overrides: dict[str, str] | None = None) -> Columns:
    """The meaning of each column of the header row `rows[index]`."""
    headers = [str(c).strip() if c not in (None, "") else "" for c in rows[index]]
    fields: list[str | None] = []
    unmapped: list[str] = []
    duplicate: list[tuple[str, str]] = []
    taken: set[str] = set()
    resolved = [field_of(h, overrides) if h else None for h in headers]
    has_title = "title" in resolved
    has_date = "date" in resolved
    for header, name in zip(headers, resolved):
        if not header:
            fields.append(None)
            continue
        if name == "title_or_notes":
            name = "notes" if has_title else "title"
        elif name == "when" and not has_date:
            name = "when"  # a date column, perhaps with the time
        elif name == "when":
            name = "time"  # beside a 日期 column, 时间 is the time of day
        if name is None:
            if header_key(header) not in _IGNORED and header_key(header) not in _SUMMARY:
                unmapped.append(header)
            fields.append(None)
            continue
        list_or_text = name in ("organizers", "partners", "speakers", "groups", "tags", "notes", "communities")
        if name in taken and not list_or_text:
            duplicate.append((header, name))
            fields.append(None)
            continue
        taken.add(name)
        fields.append(name)
    return Columns(index, headers, fields, unmapped, duplicate)
