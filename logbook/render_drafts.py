"""The preview of import-text's drafts: a table a person checks before saving."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import _

if TYPE_CHECKING:
    from .services.importing_text import DraftItem

# What the preview calls each field, in the order it lists empty ones.
_LABELS = {
    "title": "title",
    "date": "date",
    "category": "category",
    "communities": "communities",
    "street": "street",
    "participants": "people",
    "speakers": "speakers",
    "partners": "partners",
}
_CHECK_BELOW = 0.7  # a field read with less confidence is named in the preview's Check column


def _checks(item: DraftItem, given_date: str | None) -> list[str]:
    """What the reader should look at: the draft's fate, fields read with little confidence,
    an assumed year, text lost in the scrape. Empty fields show as `-` in their own columns.
    `given_date` says where a date not read from the text came from, in the caller's words."""
    d = item.draft
    lines = ["new" if item.status == "new" else f"{item.status}: {item.detail}"]
    if item.record["date"] and not d.record.get("date"):
        lines.append(given_date or _("date not read from the text"))
    unsure = [_LABELS[f] for f, c in d.confidence.items() if f in _LABELS and c < _CHECK_BELOW]
    if unsure:
        lines.append("check " + ", ".join(unsure))
    if d.year_assumed:
        lines.append(f"year {item.record['date'][:4]} assumed")
    if d.damaged:
        shown = "、".join(s if len(s) <= 8 else s[:7] + "…" for s in d.damaged[:2])
        more = f" +{len(d.damaged) - 2}" if len(d.damaged) > 2 else ""
        lines.append(f"damaged: {shown}{more}")
    return lines


def _dash(value) -> str:
    if value in (None, "", []):
        return "-"
    return "、".join(value) if isinstance(value, list) else str(value)


def _people(record: dict) -> str:
    from .labels import people_label

    return people_label(record["participants"], record["participants_approx"], "+") or "-"


def draft_table(items: list[DraftItem], *, plain: bool, given_date: str | None = None):
    """The preview table. `given_date` is what the Check column says of a date the caller gave
    (the command names its option there; this module names none)."""
    from rich.table import Table

    from .render import table_box, text

    table = Table(box=table_box(plain), show_edge=not plain, pad_edge=not plain, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Title", overflow="fold", ratio=3)
    table.add_column("Category", overflow="fold")
    table.add_column("Communities", overflow="fold", ratio=2)
    table.add_column("Street", overflow="fold")
    table.add_column("People", justify="right", no_wrap=True)
    table.add_column("Speakers", overflow="fold")
    table.add_column("Partners", overflow="fold", ratio=2)
    table.add_column("Check", overflow="fold", ratio=3)
    for item in items:
        r, d = item.record, item.draft
        table.add_row(
            str(item.number),
            _dash(r["date"]),
            text(r["title"]),
            text(r["category"] if d.record.get("category") else "-"),
            text(_dash(r["communities"])),
            text(_dash(r["street"])),
            _people(r),
            text(_dash(r["speakers"])),
            text(_dash(r["partners"])),
            text("\n".join(_checks(item, given_date))),
        )
    return table
