"""Reading a ledger: the table found on each sheet (title rows, 填报 lines, blank, 合计 and 备注
rows left out), its columns mapped, its cells read, the community of each row settled, and the
result handed back as plain data: records in the shape the exchange importer validates, the rows
that could not be read (file, sheet, row, column, value, reason) and notes for the person
importing (columns left out, summary sheets skipped). Nothing is written and nothing validated
against the logbook here: the importer does that."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..errors import UsageError
from ..i18n import N_, _
from ..models import Categories
from ..numerals import halfwidth
from ..textnorm import fold, strip_suffix
from . import cells as C
from .headers import Columns, find_header, header_key, is_summary_header, map_columns
from .sources import Sheet, read_sheets

_ID = re.compile(r"^[0-9a-fA-F]{32}$")
_YEAR = re.compile(r"((?:19|20|21)\d{2})\s*年")
_FILED_ON = re.compile(r"填报(?:日期|时间)\s*[:：]?\s*([0-9]{4}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?)")
_FILED_BY = re.compile(r"(?:填报|报送|填表)单位\s*[:：]\s*([^\s:：,，;；]+)")
_TOTAL = ("合计", "总计", "小计", "共计", "总数", "累计")
_NOTE = (
    "备注",
    "注:",
    "注：",
    "说明:",
    "说明：",
    "填表说明",
    "填报说明",
    "填报人",
    "审核人",
    "制表人",
    "负责人签字",
    "单位盖章",
    "签字:",
    "签字：",
    "审核:",
    "审核：",
)
_NOTE_FIRST = frozenset("备備注註说說填审審制负負单單签簽")
_LIST_FIELDS = ("communities", "organizers", "partners", "speakers", "groups", "tags")
_TEXT_FIELDS = ("title", "street", "location", "source", "author", "created_at", "updated_at")
# What `--map` to suggest for a column the table does not know.
_MAP_HINTS = {
    "负责人": "organizers",
    "联系人": "organizers",
    "组织者": "organizers",
    "讲座人": "speakers",
    "参与单位": "partners",
    "照片": "notes",
    "效果": "notes",
    "活动效果": "notes",
}


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported: where (1-based row as the spreadsheet shows it), the column
    and its value when one cell is at fault, and why."""

    file: str
    sheet: str | None  # None in a CSV file
    row: int
    column: str | None
    value: str | None
    reason: str

    def message(self) -> str:
        reason = C.reason_text(self.reason)
        if self.sheet is None:
            if self.column:
                return _("{file}, row {row}, column {column}: {reason}").format(
                    file=self.file, row=self.row, column=self.column, reason=reason
                )
            return _("{file}, row {row}: {reason}").format(file=self.file, row=self.row, reason=reason)
        if self.column:
            return _("{file}, sheet {sheet}, row {row}, column {column}: {reason}").format(
                file=self.file, sheet=self.sheet, row=self.row, column=self.column, reason=reason
            )
        return _("{file}, sheet {sheet}, row {row}: {reason}").format(
            file=self.file, sheet=self.sheet, row=self.row, reason=reason
        )

    __str__ = message


@dataclass
class LedgerRow:
    """One activity as read: the record for the importer and where it came from."""

    file: str
    sheet: str | None  # None in a CSV file
    row: int
    record: dict

    @property
    def where(self) -> str:
        if self.sheet is None:
            return _("row {row}").format(row=self.row)
        return _("sheet {sheet}, row {row}").format(sheet=self.sheet, row=self.row)


@dataclass
class LedgerRead:
    """What a ledger file holds: rows to import, rows that cannot be, and notes in reading order."""

    file: str
    rows: list[LedgerRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # the sheets whose activities were read (a
    # CSV file's one sheet is named after the file)

    @property
    def records(self) -> list[dict]:
        return [r.record for r in self.rows]


def read_ledger(
    path: str | os.PathLike,
    *,
    registry=None,
    default_community: str | None = None,
    sheets: Iterable[str] | None = None,
    mapping: dict[str, str] | None = None,
    categories: Categories | None = None,
    today: date | None = None,
    encoding: str | None = None,
) -> LedgerRead:
    """Read the activity tables of a workbook or CSV ledger.

    `registry` (logbook.registry.Registry) knows the registered communities a sheet's name or
    title can name; `default_community` is the community of rows nothing else places;
    `sheets` chooses sheets by name; `mapping` ({header: field}) overrides the synonym table;
    `today` resolves yearless dates when the ledger names no year (default: today in Beijing)."""
    name = os.fspath(path)
    return read_ledger_sheets(
        read_sheets(path, encoding=encoding),
        name,
        registry=registry,
        default_community=default_community,
        sheets=sheets,
        mapping=mapping,
        categories=categories,
        today=today,
    )


def read_ledger_sheets(
    book: list[Sheet],
    name: str,
    *,
    registry=None,
    default_community: str | None = None,
    sheets: Iterable[str] | None = None,
    mapping: dict[str, str] | None = None,
    categories: Categories | None = None,
    today: date | None = None,
) -> LedgerRead:
    """`read_ledger` for sheets already read (`sources.read_sheets`)."""
    if today is None:
        from ..dates import today_in_shanghai

        today = today_in_shanghai()
    if mapping:
        from ..models import FIELD_ORDER

        for header, target in mapping.items():
            if target not in FIELD_ORDER:
                raise UsageError(
                    _("--map {header}={field}: {field} is not a field; expected one of {fields}").format(
                        header=header, field=target, fields=", ".join(FIELD_ORDER)
                    )
                )
    chosen = list(sheets) if sheets else None
    if chosen:
        known = {s.name for s in book}
        unknown = [s for s in chosen if s not in known]
        if unknown:
            raise UsageError(
                _("{file} has no sheet {sheet}; its sheets are {sheets}").format(
                    file=name, sheet=unknown[0], sheets="、".join(s.name for s in book)
                )
            )
    out = LedgerRead(name)
    reported: set[str] = set()
    for sheet in book:
        if chosen and sheet.name not in chosen:
            continue
        _read_sheet(sheet, out, reported, registry, default_community, mapping, categories, today)
    return out


def _read_sheet(sheet, out, reported, registry, default_community, mapping, categories, today):
    rows = sheet.rows
    index = find_header(rows, mapping)
    if index is None:
        if any(not C.is_blank(c) for row in rows for c in row):
            out.notes.append(_note(sheet, out.file, "empty"))
        return
    _fill_merged(rows, sheet.merged, index)
    cols = map_columns(rows, index, mapping)
    if not (cols.has("title") and (cols.has("date") or cols.has("when"))):
        if is_summary_header(rows[index]) or cols.has("communities") or cols.has("participants"):
            out.notes.append(_note(sheet, out.file, "summary"))
        else:
            out.notes.append(_note(sheet, out.file, "no-columns"))
        return
    out.sheets.append(sheet.name)
    for header in cols.unmapped:
        if header not in reported:
            reported.add(header)
            out.notes.append(
                _("column {column} not imported; --map {column}={field} to keep it").format(
                    column=header, field=_MAP_HINTS.get(header_key(header), "notes")
                )
            )
    for header, target in cols.duplicate:
        if header not in reported:
            reported.add(header)
            out.notes.append(
                _("column {column} not imported: another column already gives the {field}").format(
                    column=header, field=target
                )
            )
    preamble = " ".join(C.text_of(c) for row in rows[:index] for c in row if not C.is_blank(c))
    hint = _year_hint(preamble, today)
    community = _sheet_community(sheet.name, preamble, registry) or default_community
    ctx = _Context(out, None if sheet.csv else sheet.name, cols, hint, community, categories)
    in_notes = False
    day_col = next((i for i, f in enumerate(cols.fields) if f in ("date", "when")), None)
    for number, row in enumerate(rows[index + 1 :], start=index + 2):
        filled = [c for c in row if not C.is_blank(c)]
        if not filled:
            continue
        if any(_is_total(c) for c in filled[:3]) and (
            day_col is None or day_col >= len(row) or C.is_blank(row[day_col]) or _is_total(row[day_col])
        ):
            continue  # 合计 rows; an activity called 小计 still has its date
        if len(filled) <= 3 and _is_note(filled[0]):
            in_notes = True
            continue
        if in_notes and len(filled) <= 1:
            continue
        in_notes = False
        ctx.read_row(number, row)
    if ctx.foreign_ids:
        out.notes.append(_note(sheet, out.file, "foreign-ids", column=ctx.foreign_ids))


def _fill_merged(rows: list[list], merged, header: int) -> None:
    """Give every cell of a merged range below the header the value of its first cell: a 日期 or
    社区 merged over the rows of one day's or one community's activities belongs to each row.
    Only ranges down one column: a 备注 or 合计 merged across the row stays one cell."""
    for first_row, col, last_row, last_col in merged:
        if (
            last_col != col
            or last_row <= first_row
            or first_row <= header
            or first_row >= len(rows)
            or col >= len(rows[first_row])
        ):
            continue
        value = rows[first_row][col]
        for row in rows[first_row + 1 : last_row + 1]:
            if col < len(row) and C.is_blank(row[col]):
                row[col] = value


def _note(sheet: Sheet, file: str, what: str, **values) -> str:
    """A note about a sheet, or about a CSV file (which has no sheets)."""
    if sheet.csv:
        text = {
            "empty": _("{file} holds no activity table (no header row found); not read"),
            "summary": _("{file} is a summary (counts per community or month), not activities; not imported"),
            "no-columns": _("{file} has no date and title columns; not read"),
            "foreign-ids": _(
                "{file}: column {column} holds the ledger's own numbers, not logbook ids; they were not imported"
            ),
        }[what]
    else:
        text = {
            "empty": _("sheet {sheet} holds no activity table (no header row found); not read"),
            "summary": _("sheet {sheet} is a summary (counts per community or month), not activities; not imported"),
            "no-columns": _("sheet {sheet} has no date and title columns; not read"),
            "foreign-ids": _(
                "sheet {sheet}: column {column} holds the ledger's own numbers, not logbook ids; they were not imported"
            ),
        }[what]
    return text.format(file=file, sheet=sheet.name, **values)


class _Context:
    """Reads the rows of one sheet."""

    def __init__(self, out, sheet, cols: Columns, hint, community, categories):
        self.out, self.sheet, self.cols, self.hint = out, sheet, cols, hint
        self.community, self.categories = community, categories
        self.foreign_ids: str | None = None

    def read_row(self, number: int, row: list) -> None:
        record: dict = {}
        problems: list[RowProblem] = []
        approx = False
        for i, target in enumerate(self.cols.fields):
            if target is None:
                continue
            header = self.cols.headers[i]
            value = row[i] if i < len(row) else ""
            try:
                approx = self._cell(record, target, value) or approx
            except C.CellError as err:
                problems.append(RowProblem(self.out.file, self.sheet, number, header, C.text_of(value), err.message))
        if approx:
            record["participants_approx"] = True
        elif "participants" in record and "participants_approx" not in record:
            record["participants_approx"] = False
        if not record.get("communities"):
            if self.community:
                record["communities"] = [self.community]
            elif not self.cols.has("communities"):
                problems.append(
                    RowProblem(
                        self.out.file,
                        self.sheet,
                        number,
                        None,
                        None,
                        C.Reason(
                            N_(
                                "no community: the sheet has no 社区 column, and neither its name "
                                "nor its title names a registered community; import with "
                                "--community NAME"
                            )
                        ),
                    )
                )
        if not problems and not record.get("date"):
            column = self._header_of("date") or self._header_of("when")
            problems.append(
                RowProblem(self.out.file, self.sheet, number, column, "", C.Reason(N_("the date is empty")))
            )
        if not problems and not record.get("title"):
            problems.append(
                RowProblem(
                    self.out.file, self.sheet, number, self._header_of("title"), "", C.Reason(N_("the title is empty"))
                )
            )
        if problems:
            self.out.problems.extend(problems)
        else:
            self.out.rows.append(LedgerRow(self.out.file, self.sheet, number, record))

    def _header_of(self, target: str) -> str | None:
        for header, name in zip(self.cols.headers, self.cols.fields):
            if name == target:
                return header
        return None

    def _cell(self, record: dict, target: str, value) -> bool:
        """Put one cell into `record`; True when it marks the head count approximate."""
        blank = C.is_blank(value)
        if target in _LIST_FIELDS:
            names = [] if blank else C.read_names(value)
            before = record.get(target, [])
            record[target] = before + [n for n in names if n not in before]
        elif target == "date":
            record["date"] = None if blank else C.read_date(value, self.hint).isoformat()
        elif target == "when":
            if blank:
                record.setdefault("date", None)
                return False
            day, start, end = C.read_when(value, self.hint)
            if day is None:
                raise C.CellError(C.Reason(N_("{value} holds no date"), value=repr(C.text_of(value))))
            record["date"] = day.isoformat()
            if start:
                record.setdefault("start", start)
            if end:
                record.setdefault("end", end)
        elif target == "time":
            start, end = (None, None) if blank else C.read_time_range(value)
            record["start"], record["end"] = start, end if end else record.get("end")
        elif target in ("start", "end"):
            record[target] = None if blank else C.read_time(value)
        elif target == "id":
            text = C.text_of(value)
            if _ID.match(text):
                record["id"] = text.lower()
            elif text:
                self.foreign_ids = self._header_of("id")
        elif target == "category":
            if not blank:
                record["category"] = C.read_category(value, self.categories)
        elif target == "participants":
            if blank:
                record["participants"] = None
                return False
            count, approx = C.read_count(value)
            record["participants"] = count
            return approx
        elif target == "participants_approx":
            if not blank and C.read_bool(value):
                return True
            record.setdefault("participants_approx", False)
        elif target == "notes":
            text = C.text_of(value)
            before = record.get("notes")
            record["notes"] = "\n".join(t for t in (before, text) if t) or None
        elif target in _TEXT_FIELDS:
            record[target] = C.text_of(value) or None
        return False


def _is_note(cell) -> bool:
    """A 备注/说明/填报人/审核人 line below the table."""
    text = C.text_of(cell).lstrip()
    if not text or text[0] not in _NOTE_FIRST:
        return False  # most rows: no fold
    return fold(text).replace(" ", "").startswith(_NOTE)


def _is_total(cell) -> bool:
    """A 合计/总计/小计 label (`合 计`, `合计：`, `本月小计`)."""
    if not isinstance(cell, str) or not any(ch in cell for ch in "计計数數"):
        return False
    key = header_key(cell)
    return len(key) <= 6 and any(word in key for word in _TOTAL)


def _year_hint(preamble: str, today: date) -> date:
    """The day a yearless date is read against: the last day of the year the title names
    (`2024年第四季度活动台账`), else the 填报日期, else `today`."""
    text = halfwidth(preamble)
    filed = _FILED_ON.search(text)
    title = _FILED_ON.sub(" ", text)
    if m := _YEAR.search(title):
        return date(int(m[1]), 12, 31)
    if filed:
        try:
            return C.read_date(filed[1], today)
        except C.CellError:
            pass
    return today


def _sheet_community(sheet_name: str, preamble: str, registry) -> str | None:
    """The registered community a sheet is about: its name, else the 填报单位, else the one
    registered community its title rows name."""
    if registry is None:
        return None
    found = registry.find(sheet_name) if sheet_name.strip() else None
    if found is not None:
        return found.name
    if m := _FILED_BY.search(preamble):
        found = registry.find(m[1])
        if found is not None:
            return found.name
    text = fold(preamble).replace(" ", "")
    named = set()
    for community in registry.communities:
        for spelling in (community.name, *community.aliases):
            for form in (fold(spelling), fold(strip_suffix(spelling))):
                if len(form) >= 2 and form in text:
                    named.add(community.name)
    # 和平里社区 and 和平里 are one; two different communities in a title name neither.
    return named.pop() if len(named) == 1 else None
