"""The preview of import-text's drafts: a table a person checks before saving."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import N_, _, reason_text

if TYPE_CHECKING:
    from .services.importing_text import DraftItem

# What the preview calls each field, in the order it lists empty ones.
_LABELS = {
    "title": N_("title"),
    "date": N_("date"),
    "category": N_("category"),
    "communities": N_("communities"),
    "street": N_("street"),
    "participants": N_("people"),
    "speakers": N_("speakers"),
    "partners": N_("partners"),
}
# What --explain calls each field it says something of: the record's field names, in the
# reader's language (the preview's names, but participants by its own name, and the fields the
# preview does not check).
_EXPLAINED = {
    **_LABELS,
    "participants": N_("participants"),
    "location": N_("location"),
    "notes": N_("notes"),
    "start": N_("start"),
}


def field_label(name: str) -> str:
    """A field's name as --explain writes it, in the reader's language."""
    return _(_EXPLAINED[name]) if name in _EXPLAINED else name


# The preview's columns: (heading, Rich column options).
_COLUMNS = (
    ("#", {"justify": "right", "no_wrap": True}),
    (N_("Date"), {"no_wrap": True}),
    (N_("Title"), {"overflow": "fold", "ratio": 3}),
    (N_("Category"), {"overflow": "fold"}),
    (N_("Communities"), {"overflow": "fold", "ratio": 2}),
    (N_("Street"), {"overflow": "fold"}),
    (N_("People"), {"justify": "right", "no_wrap": True}),
    (N_("Speakers"), {"overflow": "fold"}),
    (N_("Partners"), {"overflow": "fold", "ratio": 2}),
    (N_("Check"), {"overflow": "fold", "ratio": 3}),
)
_MAY_GO = {5, 7, 8}  # street, speakers, partners
_NARROWING = (8, 7, 5, 3)  # partners, speakers, street, then category give way to a narrow terminal
_STATUS = {
    "new": N_("new"),
    "duplicate": N_("duplicate"),
    "no date": N_("no date"),
    "no year": N_("no year"),
    "no title": N_("no title"),
}
_CHECK_BELOW = 0.7  # a field read with less confidence is named in the preview's Check column


def _checks(item: DraftItem, given_date: str | None) -> list[str]:
    """What the reader should look at: the draft's fate, fields read with little confidence,
    an assumed year, text lost in the scrape. Empty fields show as `-` in their own columns.
    `given_date` says where a date not read from the text came from, in the caller's words."""
    d = item.draft
    status = _(_STATUS[item.shown_status])
    lines = [
        status
        if item.status == "new"
        else _("{status}: {detail}").format(status=status, detail=reason_text(item.detail))
    ]
    if item.record["date"] and not d.record.get("date"):
        lines.append(given_date or _("date not read from the text"))
    unsure = [_(_LABELS[f]) for f, c in d.confidence.items() if f in _LABELS and c < _CHECK_BELOW]
    if unsure:
        lines.append(_("check {fields}").format(fields=_(", ").join(unsure)))
    if d.year_assumed:
        lines.append(_("year {year} assumed").format(year=item.record["date"][:4]))
    if d.damaged:
        shown = "、".join(s if len(s) <= 8 else s[:7] + "…" for s in d.damaged[:2])
        more = f" +{len(d.damaged) - 2}" if len(d.damaged) > 2 else ""
        lines.append(_("damaged: {spans}{more}").format(spans=shown, more=more))
    return lines


def _dash(value) -> str:
    if value in (None, "", []):
        return "-"
    return "、".join(value) if isinstance(value, list) else str(value)


def _when(record: dict) -> str:
    """The date, and below it the time of day when the text gave one (09:00-11:00)."""
    start, end = record.get("start"), record.get("end")
    if not record["date"] or not start:
        return _dash(record["date"])
    return f"{record['date']}\n{start}-{end}" if end else f"{record['date']}\n{start}"


def _people(record: dict) -> str:
    from .labels import head_count

    return head_count(record["participants"], record["participants_approx"]) or "-"


def draft_table(items: list[DraftItem], *, plain: bool, given_date: str | None = None, columns: int = 0):
    """The preview table. `given_date` is what the Check column says of a date the caller gave
    (the command names its option there; this module names none). Given the terminal's
    `columns`, columns give way in _NARROWING's order until the headings fit."""
    from rich.table import Table

    from .plain import width
    from .render import Wrapped, table_box, text

    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    rows = [
        [
            str(item.number),
            _when(item.record),
            item.record["title"],
            item.record["category"] if item.draft.record.get("category") else "-",
            _dash(item.record["communities"]),
            _dash(item.record["street"]),
            _people(item.record),
            _dash(item.record["speakers"]),
            _dash(item.record["partners"]),
            "\n".join(_checks(item, given_date)),
        ]
        for item in items
    ]
    # A column every draft left empty says nothing and takes room a narrow terminal lacks:
    # speakers, partners and street give way (the other columns always speak).
    shown = [i for i in range(len(_COLUMNS)) if i not in _MAY_GO or any(row[i] != "-" for row in rows)]
    if columns:
        # Each column needs its heading's width (the number and date columns their cells'),
        # plus two cells of padding; on a terminal too narrow, the least needed give way.
        def needed(i: int) -> int:
            cells = [row[i] for row in rows] if _COLUMNS[i][1].get("no_wrap") else []
            return max([width(_(_COLUMNS[i][0]))] + [width(c) for c in cells]) + 2

        for i in _NARROWING:
            if sum(needed(j) for j in shown) + 4 <= columns:
                break
            if i in shown:
                shown.remove(i)
    for i in shown:
        heading, options = _COLUMNS[i]
        # a heading is never broken (`Categor`/`y`): its column is at least as wide as it
        table.add_column(_(heading), min_width=width(_(heading)), **options)
    for row in rows:
        table.add_row(*(text(row[i]) if _COLUMNS[i][1].get("no_wrap") else Wrapped(text(row[i])) for i in shown))
    return table
