"""The digest as whole documents: plain text (for mail), Markdown, one self-contained HTML page and
JSON."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ..formats import dumps_json, md_table
from ..i18n import is_chinese
from ..plain import pad, safe, width, wrap
from ..report import Digest
from .words import (
    activity_line,
    category_rows,
    cols_category,
    cols_community,
    cols_days,
    communities_cell,
    community_rows,
    compared_to,
    day_label,
    empty_week,
    gap_groups,
    h_categories,
    h_communities,
    h_days,
    h_gaps,
    h_quiet,
    h_summary,
    inactive_heading,
    incomplete_line,
    labelled,
    list_of,
    none_word,
    one_line,
    people_cell,
    scope_line,
    section_line,
    silent_heading,
    silent_name,
    silent_words,
    street_name,
    street_summary,
    summary_items,
    time_label,
    title_line,
)

# -- plain text ----------------------------------------------------------------------------------

# A plain-text mail's lines: what mail readers show without breaking them again.
MAIL_COLUMNS = 78


def _hanging(lead: str, text: str, indent: int | None = None) -> list[str]:
    """`text` after `lead` in lines of at most MAIL_COLUMNS, the lines after the first indented
    under the text's start (or by `indent`)."""
    under = width(lead) if indent is None else indent
    body = wrap(text, max(MAIL_COLUMNS - max(width(lead), under), 20), names=True)
    return [lead + body[0]] + [" " * under + line for line in body[1:]]


def _text_table(headers: Iterable[str], rows: list[list[str]], right: set[int], indent: str = "  ") -> list[str]:
    headers = list(headers)
    cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    out = []
    for row in [headers, *rows]:
        cells = [pad(cell, cols[i], i in right) for i, cell in enumerate(row)]
        out.append((indent + "  ".join(cells)).rstrip())
    return out


def digest_text(d: Digest) -> str:
    """Plain text for mail and for a terminal-less cron job."""
    lines = [title_line(d)]
    for extra in (scope_line(d), incomplete_line(d)):
        if extra:
            lines.append(extra)
    lines += ["", section_line(h_summary())]
    items = summary_items(d)
    label_width = max(width(label) for label, _value in items)
    lines += [f"  {pad(label, label_width)}  {value}" for label, value in items]
    lines += _hanging("  ", compared_to(d))
    if d.is_empty:
        lines += ["", f"  {empty_week()}"]
    else:
        lines += ["", section_line(h_communities())]
        for i, block in enumerate(d.streets):
            if i:
                lines.append("")
            lines.append(labelled(street_name(block.street), street_summary(block.tally)))
            lines += _text_table(cols_community(), community_rows(block), right={1, 2})
        lines += ["", section_line(h_categories())]
        lines += _text_table(cols_category(), category_rows(d), right={1, 2, 3})
        lines += ["", section_line(h_days())]
        for i, day in enumerate(d.days):
            if i:
                lines.append("")
            lines.append(day_label(day))
            times = [time_label(a) for a in day.activities]
            time_width = max(width(t) for t in times)
            for a, t in zip(day.activities, times):
                lead = f"  {pad(t, time_width)}  " if time_width else "  "
                lines += _hanging(lead, activity_line(a))
    lines += ["", section_line(h_quiet()), labelled(inactive_heading(d), "" if d.inactive else none_word())]
    for street, names in d.inactive:
        lines += _hanging("  ", labelled(street_name(street), list_of(one_line(n) for n in names)), indent=4)
    lines.append(labelled(silent_heading(d), "" if d.silent else none_word()))
    for s in d.silent:
        lines += _hanging("  ", labelled(silent_name(s), silent_words(s)), indent=4)
    lines += ["", section_line(h_gaps())]
    groups = gap_groups(d)
    if not groups:
        lines.append(f"  {none_word()}")
    for heading, entries in groups:
        lines.append(labelled(heading))
        lines += [line for entry in entries for line in _hanging("  ", entry, indent=4)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


# -- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_text(value) -> str:
    """User text outside a table, with Markdown's active characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(value))


def digest_md(d: Digest) -> str:
    out = [f"# {md_text(title_line(d))}", ""]
    notes = [n for n in (scope_line(d), incomplete_line(d)) if n]
    if notes:
        out += [md_text(n) + "  " for n in notes[:-1]] + [md_text(notes[-1]), ""]
    out += [f"## {h_summary()}", ""]
    out += ["- " + labelled(f"**{label}**", md_text(value)) for label, value in summary_items(d)]
    out += ["", md_text(compared_to(d)), ""]
    if d.is_empty:
        out += [empty_week(), ""]
    else:
        out += [f"## {h_communities()}", ""]
        for block in d.streets:
            out += ["### " + labelled(md_text(street_name(block.street)), md_text(street_summary(block.tally))), ""]
            out.append(md_table(list(cols_community()), community_rows(block)))
        out += [f"## {h_categories()}", ""]
        out.append(md_table(list(cols_category()), category_rows(d)))
        out += [f"## {h_days()}", ""]
        for day in d.days:
            out += [f"### {day_label(day)}", ""]
            rows = [
                [time_label(a), one_line(a.title), one_line(a.category), communities_cell(a), people_cell(a)]
                for a in day.activities
            ]
            out.append(md_table(cols_days(), rows))
    out += [f"## {h_quiet()}", "", labelled(f"**{inactive_heading(d)}**", "" if d.inactive else none_word()), ""]
    if d.inactive:
        out += [
            "- " + labelled(md_text(street_name(street)), list_of(md_text(n) for n in names))
            for street, names in d.inactive
        ] + [""]
    out += [labelled(f"**{silent_heading(d)}**", "" if d.silent else none_word()), ""]
    if d.silent:
        out += ["- " + labelled(md_text(silent_name(s)), silent_words(s)) for s in d.silent] + [""]
    out += [f"## {h_gaps()}", ""]
    groups = gap_groups(d)
    if not groups:
        out += [none_word(), ""]
    for heading, items in groups:
        out += [labelled(f"**{heading}**"), ""] + [f"- {md_text(item)}" for item in items] + [""]
    text = "\n".join(out)
    return text.rstrip("\n") + "\n"


# -- HTML ----------------------------------------------------------------------------------------

# Inline styles only: Gmail, Outlook and the mail apps of WeChat Work keep `style=""` attributes
# and drop <style> blocks and outside stylesheets. Fonts are the ones Chinese systems already have.
_FONT = "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
S_BODY = f"margin:0;padding:16px;background:#f5f6f8;color:#222222;font-family:{_FONT};font-size:14px;line-height:1.6"
S_PAGE = "max-width:760px;margin:0 auto;background:#ffffff;padding:20px 24px;border:1px solid #dddddd"
S_H1 = "font-size:20px;margin:0 0 8px 0;color:#1a3d6d"
S_H2 = "font-size:16px;margin:24px 0 8px 0;padding-bottom:4px;border-bottom:2px solid #1a3d6d;color:#1a3d6d"
S_H3 = "font-size:14px;margin:16px 0 6px 0;color:#333333"
S_P = "margin:4px 0"
S_NOTE = "margin:4px 0;color:#9a5b00"
S_MUTED = "margin:4px 0;color:#666666;font-size:12px"
S_TABLE = "border-collapse:collapse;width:100%;margin:4px 0 8px 0"
S_TH = "text-align:left;padding:4px 8px;border-bottom:1px solid #999999;background:#eef2f7;white-space:nowrap"
S_TH_NUM = S_TH.replace("text-align:left", "text-align:right")
S_TD = "padding:4px 8px;border-bottom:1px solid #e5e5e5;vertical-align:top"
S_TD_NUM = S_TD + ";text-align:right;white-space:nowrap"
S_UL = "margin:4px 0;padding-left:20px"
S_BIG = "font-size:18px;font-weight:bold"


def html_lang() -> str:
    """The page's `lang`: what it is written in, so a browser picks the right fonts and voice."""
    from ..i18n import HONG_KONG, TRADITIONAL, current

    return {TRADITIONAL: "zh-TW", HONG_KONG: "zh-HK"}.get(current(), "zh-CN" if is_chinese() else "en")


def esc(value) -> str:
    return html.escape(safe(value), quote=True)


def _html_table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    out = [f'<table style="{S_TABLE}">', "<tr>"]
    out += [f'<th style="{S_TH_NUM if i in numeric else S_TH}">{esc(h)}</th>' for i, h in enumerate(headers)]
    out.append("</tr>")
    for row in rows:
        cells = [f'<td style="{S_TD_NUM if i in numeric else S_TD}">{esc(c)}</td>' for i, c in enumerate(row)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return out


def digest_html(d: Digest) -> str:
    title = title_line(d)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        "</head>",
        f'<body style="{S_BODY}">',
        f'<div style="{S_PAGE}">',
        f'<h1 style="{S_H1}">{esc(title)}</h1>',
    ]
    for note, style in ((scope_line(d), S_P), (incomplete_line(d), S_NOTE)):
        if note:
            out.append(f'<p style="{style}">{esc(note)}</p>')
    out.append(f'<h2 style="{S_H2}">{esc(h_summary())}</h2>')
    out.append(f'<table style="{S_TABLE}">')
    for label, value in summary_items(d):
        out.append(
            f'<tr><td style="{S_TD};width:7em;white-space:nowrap">{esc(label)}</td>'
            f'<td style="{S_TD}"><span style="{S_BIG}">{esc(value)}</span></td></tr>'
        )
    out.append("</table>")
    out.append(f'<p style="{S_MUTED}">{esc(compared_to(d))}</p>')
    if d.is_empty:
        out.append(f'<p style="{S_P}">{esc(empty_week())}</p>')
    else:
        out.append(f'<h2 style="{S_H2}">{esc(h_communities())}</h2>')
        for block in d.streets:
            heading = labelled(street_name(block.street), street_summary(block.tally))
            out.append(f'<h3 style="{S_H3}">{esc(heading)}</h3>')
            out += _html_table(list(cols_community()), community_rows(block), {1, 2})
        out.append(f'<h2 style="{S_H2}">{esc(h_categories())}</h2>')
        out += _html_table(list(cols_category()), category_rows(d), {1, 2, 3})
        out.append(f'<h2 style="{S_H2}">{esc(h_days())}</h2>')
        for day in d.days:
            out.append(f'<h3 style="{S_H3}">{esc(day_label(day))}</h3>')
            rows = [[time_label(a), a.title, a.category, communities_cell(a), people_cell(a)] for a in day.activities]
            out += _html_table(cols_days(), rows, {4})
    out.append(f'<h2 style="{S_H2}">{esc(h_quiet())}</h2>')
    out.append(f'<h3 style="{S_H3}">{esc(inactive_heading(d))}</h3>')
    if d.inactive:
        out.append(f'<ul style="{S_UL}">')
        out += [f"<li>{esc(labelled(street_name(street), list_of(names)))}</li>" for street, names in d.inactive]
        out.append("</ul>")
    else:
        out.append(f'<p style="{S_P}">{esc(none_word())}</p>')
    out.append(f'<h3 style="{S_H3}">{esc(silent_heading(d))}</h3>')
    if d.silent:
        out.append(f'<ul style="{S_UL}">')
        out += [f"<li>{esc(labelled(silent_name(s), silent_words(s)))}</li>" for s in d.silent]
        out.append("</ul>")
    else:
        out.append(f'<p style="{S_P}">{esc(none_word())}</p>')
    out.append(f'<h2 style="{S_H2}">{esc(h_gaps())}</h2>')
    groups = gap_groups(d)
    if not groups:
        out.append(f'<p style="{S_P}">{esc(none_word())}</p>')
    for heading, items in groups:
        out.append(f'<h3 style="{S_H3}">{esc(heading)}</h3>')
        out.append(f'<ul style="{S_UL}">')
        out += [f"<li>{esc(item)}</li>" for item in items]
        out.append("</ul>")
    out += ["</div>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


# -- JSON ----------------------------------------------------------------------------------------


def digest_json(d: Digest) -> str:
    return dumps_json(d.to_dict()) + "\n"


DIGEST_WRITERS = {
    "text": digest_text,
    "md": digest_md,
    "html": digest_html,
    "json": digest_json,
}


def write_digest(d: Digest, fmt: str) -> str:
    return DIGEST_WRITERS[fmt](d)
