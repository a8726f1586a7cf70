"""The weekly digest written as plain text (for mail), Markdown, one self-contained HTML page and
JSON; and the rollup report as JSON, CSV and Markdown. Each writer returns the whole document as
a string; the same data gives the same string, byte for byte (nothing here reads the clock).

Plain text carries no escape codes and no box-drawing characters, so it reads the same in any mail
client; columns are padded by display width (a Chinese character takes two). The HTML page uses
inline styles only (mail clients drop <style> blocks and never fetch outside resources), and every
piece of user text in it is HTML-escaped. Headings are Chinese: the readers are social workers.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable

from .formats import BOM, dumps_json, md_table
from .plain import pad, safe, width
from .labels import delta_label, people_label
from .report import Digest, DigestActivity, Rollup, RollupRow, Tally


def one_line(value) -> str:
    """User text on one line, made harmless by plain.safe (the sanitizer of every terminal view):
    an escape sequence or a bidi override in a title never moves or reorders a terminal that
    `cat`s the mail, whatever the digest is written to."""
    return safe(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")


# -- words shared by every digest format ---------------------------------------------------------

TITLE = "社区活动周报"
H_SUMMARY = "概况"
H_COMMUNITIES = "各社区活动（按街道）"
H_CATEGORIES = "分类统计"
H_DAYS = "本周活动（按日期）"
H_QUIET = "未开展活动的社区"
H_GAPS = "数据缺口"
NO_STREET = "其他（未登记或未填街道）"
EMPTY_WEEK = "本周没有记录任何活动。"
NONE = "无"
COLS_COMMUNITY = ("社区", "活动", "参与人数", "类别")
COLS_CATEGORY = ("类别", "活动", "参与人数", "占比")
SCOPE_NAMES = {
    "community": "社区",
    "street": "街道",
    "category": "类别",
    "tag": "标签",
    "min_people": "最少人数",
}


def title_line(d: Digest) -> str:
    start, end = d.week.iso_bounds()
    return f"{TITLE} {d.week.label}（{start} 至 {end}）"


def scope_line(d: Digest) -> str | None:
    if not d.scope:
        return None
    parts = []
    for key, value in d.scope.items():
        shown = "、".join(value) if isinstance(value, list) else str(value)
        parts.append(f"{SCOPE_NAMES.get(key, key)} {one_line(shown)}")
    return "范围：" + "；".join(parts)


def incomplete_line(d: Digest) -> str | None:
    if d.complete:
        return None
    if d.today < d.week.start:
        return f"注意：这一周尚未开始（今天是 {d.today.isoformat()}）。"
    return f"注意：这一周尚未结束，数据截至 {d.today.isoformat()}。"


def summary_items(d: Digest) -> list[tuple[str, str]]:
    """The headline numbers as (label, value) pairs, each with its change against last week."""
    now, change = d.headline, d.change
    t = now.tally
    items = [
        ("活动", f"{t.activities} ({delta_label(change['activities'])})"),
        (
            "参与人数",
            f"{people_label(t.participants, t.participants_approx)} "
            f"({delta_label(change['participants'])})",
        ),
    ]
    if now.communities_registered:
        items.append(
            (
                "覆盖社区",
                f"{now.communities_reached}/{now.communities_registered} "
                f"({delta_label(change['communities_reached'])})",
            )
        )
    else:
        items.append(("覆盖社区", "名册中没有登记社区（logbook community add）"))
    if t.without_count:
        items.append(("未记人数", f"{t.without_count} 项活动，不计入参与人数"))
    return items


def compared_to(d: Digest) -> str:
    p = d.previous.tally
    return (
        f"括号内为与上周 {d.previous_week.label} 相比的变化"
        f"（上周：活动 {p.activities}，"
        f"参与人数 {people_label(p.participants, p.participants_approx)}，"
        f"覆盖社区 {d.previous.communities_reached}）"
    )


def street_name(street: str | None) -> str:
    return NO_STREET if street is None else one_line(street)


def street_summary(t: Tally) -> str:
    return f"活动 {t.activities}，参与人数 {count_cell(t)}"


def count_cell(t: Tally) -> str:
    """A participants sum, and how many activities it leaves out for want of a head count."""
    if t.activities and t.without_count == t.activities:
        return "未记"
    shown = people_label(t.participants, t.participants_approx)
    if t.without_count:
        shown += f"（{t.without_count} 项未记）"
    return shown


def categories_cell(categories: list[tuple[str, int]]) -> str:
    return "、".join(f"{one_line(c)} {n}" for c, n in categories)


def time_label(a: DigestActivity) -> str:
    if a.start and a.end:
        return f"{a.start}-{a.end}"
    return a.start or ""


def people_words(a: DigestActivity) -> str:
    return f"{people_label(a.participants, a.participants_approx)}人" if a.participants is not None else "人数未记"


def communities_cell(a: DigestActivity) -> str:
    return "、".join(one_line(c) for c in a.communities) or "未填社区"


def activity_details(a: DigestActivity) -> str:
    return f"{one_line(a.category)}，{communities_cell(a)}，{people_words(a)}"


def day_label(day) -> str:
    return f"{day.date[5:]} {day.weekday}"


def silent_words(s) -> str:
    if s.last_activity is None:
        return "从无活动记录"
    return f"最近一次 {s.last_activity}，已 {s.weeks} 周无活动"


def silent_name(s) -> str:
    return f"{one_line(s.community)}（{one_line(s.street)}）" if s.street else one_line(s.community)


def inactive_heading(d: Digest) -> str:
    registered = d.headline.communities_registered
    return f"本周无活动（{d.inactive_count}/{registered}）"


def silent_heading(d: Digest) -> str:
    return f"连续 {d.silent_weeks} 周及以上无活动（{len(d.silent)}）"


def gap_line(a: DigestActivity) -> str:
    return f"{a.date[5:]}  {a.short_id}  {one_line(a.title)}（{communities_cell(a)}）"


def gap_groups(d: Digest) -> list[tuple[str, list[str]]]:
    g = d.gaps
    groups = []
    if g.without_count:
        lines = [gap_line(a) for a in g.without_count]
        groups.append((f"未记人数的活动（{len(lines)}）", lines))
    if g.without_community:
        lines = [gap_line(a) for a in g.without_community]
        groups.append((f"未填社区的活动（{len(lines)}）", lines))
    if g.unregistered:
        groups.append(
            (
                f"未登记的社区（{len(g.unregistered)}）",
                ["、".join(one_line(c) for c in g.unregistered)],
            )
        )
    return groups


def community_rows(block) -> list[list[str]]:
    return [
        [one_line(line.community), str(line.tally.activities), count_cell(line.tally),
         categories_cell(line.categories)]
        for line in block.communities
    ]


def category_rows(d: Digest) -> list[list[str]]:
    return [
        [one_line(c.category), str(c.tally.activities), count_cell(c.tally), f"{c.share}%"]
        for c in d.categories
    ]


# -- plain text ----------------------------------------------------------------------------------


def _text_table(
    headers: Iterable[str], rows: list[list[str]], right: set[int], indent: str = "  "
) -> list[str]:
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
    lines += ["", f"【{H_SUMMARY}】"]
    items = summary_items(d)
    label_width = max(width(label) for label, _ in items)
    lines += [f"  {pad(label, label_width)}  {value}" for label, value in items]
    lines.append(f"  {compared_to(d)}")
    if d.is_empty:
        lines += ["", f"  {EMPTY_WEEK}"]
    else:
        lines += ["", f"【{H_COMMUNITIES}】"]
        for i, block in enumerate(d.streets):
            if i:
                lines.append("")
            lines.append(f"{street_name(block.street)}：{street_summary(block.tally)}")
            lines += _text_table(COLS_COMMUNITY, community_rows(block), right={1, 2})
        lines += ["", f"【{H_CATEGORIES}】"]
        lines += _text_table(COLS_CATEGORY, category_rows(d), right={1, 2, 3})
        lines += ["", f"【{H_DAYS}】"]
        for i, day in enumerate(d.days):
            if i:
                lines.append("")
            lines.append(day_label(day))
            times = [time_label(a) for a in day.activities]
            time_width = max(width(t) for t in times)
            for a, t in zip(day.activities, times):
                lead = f"  {pad(t, time_width)}  " if time_width else "  "
                lines.append(f"{lead}{one_line(a.title)}（{activity_details(a)}）")
    lines += ["", f"【{H_QUIET}】", inactive_heading(d) + "：" + ("" if d.inactive else NONE)]
    for street, names in d.inactive:
        lines.append(f"  {street_name(street)}：{'、'.join(one_line(n) for n in names)}")
    lines.append(silent_heading(d) + "：" + ("" if d.silent else NONE))
    for s in d.silent:
        lines.append(f"  {silent_name(s)}：{silent_words(s)}")
    lines += ["", f"【{H_GAPS}】"]
    groups = gap_groups(d)
    if not groups:
        lines.append(f"  {NONE}")
    for heading, entries in groups:
        lines.append(heading + "：")
        lines += [f"  {entry}" for entry in entries]
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
    out += [f"## {H_SUMMARY}", ""]
    out += [f"- **{label}**：{md_text(value)}" for label, value in summary_items(d)]
    out += ["", md_text(compared_to(d)), ""]
    if d.is_empty:
        out += [EMPTY_WEEK, ""]
    else:
        out += [f"## {H_COMMUNITIES}", ""]
        for block in d.streets:
            out += [f"### {md_text(street_name(block.street))}：{md_text(street_summary(block.tally))}", ""]
            out.append(md_table(list(COLS_COMMUNITY), community_rows(block)))
        out += [f"## {H_CATEGORIES}", ""]
        out.append(md_table(list(COLS_CATEGORY), category_rows(d)))
        out += [f"## {H_DAYS}", ""]
        for day in d.days:
            out += [f"### {day_label(day)}", ""]
            rows = [
                [time_label(a), one_line(a.title), one_line(a.category), communities_cell(a),
                 people_label(a.participants, a.participants_approx) or "未记"]
                for a in day.activities
            ]
            out.append(md_table(["时间", "活动", "类别", "社区", "参与人数"], rows))
    out += [f"## {H_QUIET}", "", f"**{inactive_heading(d)}**：{'' if d.inactive else NONE}", ""]
    if d.inactive:
        out += [
            f"- {md_text(street_name(street))}：{'、'.join(md_text(n) for n in names)}"
            for street, names in d.inactive
        ] + [""]
    out += [f"**{silent_heading(d)}**：{'' if d.silent else NONE}", ""]
    if d.silent:
        out += [f"- {md_text(silent_name(s))}：{silent_words(s)}" for s in d.silent] + [""]
    out += [f"## {H_GAPS}", ""]
    groups = gap_groups(d)
    if not groups:
        out += [NONE, ""]
    for heading, items in groups:
        out += [f"**{heading}**：", ""] + [f"- {md_text(item)}" for item in items] + [""]
    text = "\n".join(out)
    return text.rstrip("\n") + "\n"


# -- HTML ----------------------------------------------------------------------------------------

# Inline styles only: Gmail, Outlook and the mail apps of WeChat Work keep `style=""` attributes
# and drop <style> blocks and outside stylesheets. Fonts are the ones Chinese systems already have.
_FONT = "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
S_BODY = (
    "margin:0;padding:16px;background:#f5f6f8;color:#222222;"
    f"font-family:{_FONT};font-size:14px;line-height:1.6"
)
S_PAGE = "max-width:760px;margin:0 auto;background:#ffffff;padding:20px 24px;border:1px solid #dddddd"
S_H1 = "font-size:20px;margin:0 0 8px 0;color:#1a3d6d"
S_H2 = "font-size:16px;margin:24px 0 8px 0;padding-bottom:4px;border-bottom:2px solid #1a3d6d;color:#1a3d6d"
S_H3 = "font-size:14px;margin:16px 0 6px 0;color:#333333"
S_P = "margin:4px 0"
S_NOTE = "margin:4px 0;color:#9a5b00"
S_MUTED = "margin:4px 0;color:#666666;font-size:12px"
S_TABLE = "border-collapse:collapse;width:100%;margin:4px 0 8px 0"
S_TH = (
    "text-align:left;padding:4px 8px;border-bottom:1px solid #999999;background:#eef2f7;"
    "white-space:nowrap"
)
S_TH_NUM = S_TH.replace("text-align:left", "text-align:right")
S_TD = "padding:4px 8px;border-bottom:1px solid #e5e5e5;vertical-align:top"
S_TD_NUM = S_TD + ";text-align:right;white-space:nowrap"
S_UL = "margin:4px 0;padding-left:20px"
S_BIG = "font-size:18px;font-weight:bold"


def esc(value) -> str:
    return html.escape(safe(value), quote=True)


def _html_table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    out = [f'<table style="{S_TABLE}">', "<tr>"]
    out += [
        f'<th style="{S_TH_NUM if i in numeric else S_TH}">{esc(h)}</th>' for i, h in enumerate(headers)
    ]
    out.append("</tr>")
    for row in rows:
        cells = [
            f'<td style="{S_TD_NUM if i in numeric else S_TD}">{esc(c)}</td>' for i, c in enumerate(row)
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return out


def digest_html(d: Digest) -> str:
    title = title_line(d)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
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
    out.append(f'<h2 style="{S_H2}">{esc(H_SUMMARY)}</h2>')
    out.append(f'<table style="{S_TABLE}">')
    for label, value in summary_items(d):
        out.append(
            f'<tr><td style="{S_TD};width:7em;white-space:nowrap">{esc(label)}</td>'
            f'<td style="{S_TD}"><span style="{S_BIG}">{esc(value)}</span></td></tr>'
        )
    out.append("</table>")
    out.append(f'<p style="{S_MUTED}">{esc(compared_to(d))}</p>')
    if d.is_empty:
        out.append(f'<p style="{S_P}">{esc(EMPTY_WEEK)}</p>')
    else:
        out.append(f'<h2 style="{S_H2}">{esc(H_COMMUNITIES)}</h2>')
        for block in d.streets:
            heading = f"{street_name(block.street)}：{street_summary(block.tally)}"
            out.append(f'<h3 style="{S_H3}">{esc(heading)}</h3>')
            out += _html_table(list(COLS_COMMUNITY), community_rows(block), {1, 2})
        out.append(f'<h2 style="{S_H2}">{esc(H_CATEGORIES)}</h2>')
        out += _html_table(list(COLS_CATEGORY), category_rows(d), {1, 2, 3})
        out.append(f'<h2 style="{S_H2}">{esc(H_DAYS)}</h2>')
        for day in d.days:
            out.append(f'<h3 style="{S_H3}">{esc(day_label(day))}</h3>')
            rows = [
                [time_label(a), a.title, a.category, communities_cell(a), people_label(a.participants, a.participants_approx) or "未记"]
                for a in day.activities
            ]
            out += _html_table(["时间", "活动", "类别", "社区", "参与人数"], rows, {4})
    out.append(f'<h2 style="{S_H2}">{esc(H_QUIET)}</h2>')
    out.append(f'<h3 style="{S_H3}">{esc(inactive_heading(d))}</h3>')
    if d.inactive:
        out.append(f'<ul style="{S_UL}">')
        out += [
            f"<li>{esc(street_name(street))}：{esc('、'.join(names))}</li>" for street, names in d.inactive
        ]
        out.append("</ul>")
    else:
        out.append(f'<p style="{S_P}">{esc(NONE)}</p>')
    out.append(f'<h3 style="{S_H3}">{esc(silent_heading(d))}</h3>')
    if d.silent:
        out.append(f'<ul style="{S_UL}">')
        out += [f"<li>{esc(silent_name(s))}：{esc(silent_words(s))}</li>" for s in d.silent]
        out.append("</ul>")
    else:
        out.append(f'<p style="{S_P}">{esc(NONE)}</p>')
    out.append(f'<h2 style="{S_H2}">{esc(H_GAPS)}</h2>')
    groups = gap_groups(d)
    if not groups:
        out.append(f'<p style="{S_P}">{esc(NONE)}</p>')
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


# -- the rollup report's machine formats ---------------------------------------------------------

BY_HEADINGS = {
    "community": "Community",
    "street": "Street",
    "category": "Category",
    "tag": "Tag",
    "organizer": "Organizer",
    "month": "Month",
    "week": "Week",
}
NO_GROUP = "(none)"
TOTAL = "Total"


def group_label(row: RollupRow) -> str:
    if row.is_total:
        return TOTAL
    return NO_GROUP if row.group is None else one_line(row.group)


def top_categories_label(row: RollupRow) -> str:
    return "、".join(f"{one_line(c)} {n}" for c, n in row.top_categories)


def _shows_communities(r: Rollup) -> bool:
    # By community every row would count the partners of its joint activities: noise, not news.
    return r.by != "community"


def _shows_top_categories(r: Rollup) -> bool:
    return r.by != "category"


def period_label(r: Rollup, period, compact: bool) -> str:
    """`2025-W13`; in a table of weeks that share one ISO year, the short `W13`."""
    years = {p.label[:4] for p in r.periods}
    if compact and r.period == "week" and len(years) == 1:
        return period.label[5:]
    return period.label


def rollup_columns(r: Rollup, *, compact: bool = False) -> list[str]:
    """The columns of a report as the table and Markdown show them."""
    head = [BY_HEADINGS[r.by]]
    if r.periods:
        head += [period_label(r, p, compact) for p in r.periods]
        return head + ["Activities", "Participants", "No count"]
    head += ["Activities", "Participants", "No count"]
    if _shows_communities(r):
        head.append("Communities")
    if _shows_top_categories(r):
        head.append("Top categories")
    return head


def rollup_cells(r: Rollup, row: RollupRow) -> list[str]:
    t = row.tally
    cells = [group_label(row)]
    if r.periods:
        cells += [str(c.activities) for c in row.cells]
    cells += [str(t.activities), people_label(t.participants, t.participants_approx), str(t.without_count)]
    if not r.periods:
        if _shows_communities(r):
            cells.append(str(row.communities))
        if _shows_top_categories(r):
            cells.append(top_categories_label(row))
    return cells


def rollup_json(r: Rollup) -> str:
    return dumps_json(r.to_dict()) + "\n"


def rollup_md(r: Rollup) -> str:
    rows = [rollup_cells(r, row) for row in r.rows] + [rollup_cells(r, r.total)]
    return md_table(rollup_columns(r), rows)


def rollup_csv(r: Rollup) -> str:
    """For spreadsheets: numbers as numbers (the approximate mark in its own column), a BOM so
    Excel and WPS read UTF-8, the totals row last with `Total` in the first column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    head = [r.by]
    if r.periods:
        head += [p.label for p in r.periods]
    head += [
        "activities", "participants", "participants_approx", "without_count", "communities",
        "top_categories",
    ]
    writer.writerow(head)
    for row in [*r.rows, r.total]:
        t = row.tally
        cells = [TOTAL if row.is_total else row.group or ""]
        if r.periods:
            cells += [str(c.activities) for c in row.cells]
        cells += [
            str(t.activities),
            str(t.participants),
            "true" if t.participants_approx else "false",
            str(t.without_count),
            str(row.communities),
            ";".join(f"{c} {n}" for c, n in row.top_categories),
        ]
        writer.writerow(cells)
    return BOM + buffer.getvalue()


ROLLUP_WRITERS = {"json": rollup_json, "csv": rollup_csv, "md": rollup_md}


def write_rollup(r: Rollup, fmt: str) -> str:
    return ROLLUP_WRITERS[fmt](r)

