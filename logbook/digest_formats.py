"""The weekly digest written as plain text (for mail), Markdown, one self-contained HTML page and
JSON; and the rollup report as JSON, CSV and Markdown. Each writer returns the whole document as
a string; the same data gives the same string, byte for byte (nothing here reads the clock).

Plain text carries no escape codes and no box-drawing characters, so it reads the same in any mail
client; columns are padded by display width (a Chinese character takes two). The HTML page uses
inline styles only (mail clients drop <style> blocks and never fetch outside resources), and every
piece of user text in it is HTML-escaped. Every word a person reads is in the reader's language
(the office's cron sets LOGBOOK_LANG=zh); JSON is data and reads the same in either.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable

from .formats import BOM, dumps_json, md_table
from .plain import pad, safe, width
from .i18n import N_, _, is_chinese, ngettext
from .labels import delta_label, head_count
from .report import Digest, DigestActivity, Rollup, RollupRow, Tally


def one_line(value) -> str:
    """User text on one line, made harmless by plain.safe (the sanitizer of every terminal view):
    an escape sequence or a bidi override in a title never moves or reorders a terminal that
    `cat`s the mail, whatever the digest is written to."""
    return safe(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")


# -- words shared by every digest format ---------------------------------------------------------
#
# Every word a person reads comes from the catalog, in the reader's language; the JSON digest
# (digest_json) carries data only and reads the same in either.

# The weekdays as a heading of the week's days shows them (`03-24 Mon`, `03-24 周一`).
WEEKDAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
SCOPE_NAMES = {
    "community": N_("Community"),
    "street": N_("Street"),
    "category": N_("Category"),
    "tag": N_("Tag"),
    "min_people": N_("Fewest people"),
}


def list_of(items: Iterable[str]) -> str:
    """Names from the logbook (communities, categories) in a cell or a sentence: `a、b`, in
    either language, as `list` and `show` join them; the names are Chinese."""
    return "、".join(items)


def labelled(label: str, value: str = "") -> str:
    """`label: value`; just `label:` before lines that follow."""
    if not value:
        # TRANSLATORS: a heading that lines below it complete.
        return _("{label}:").format(label=label)
    return _("{label}: {value}").format(label=label, value=value)


def aside(text: str, note: str) -> str:
    """`text (note)`: Chinese writes the brackets full width and without a space."""
    return _("{text} ({note})").format(text=text, note=note)


def h_summary() -> str:
    return _("Summary")


def h_communities() -> str:
    return _("Activities by community, street by street")


def h_categories() -> str:
    return _("By category")


def h_days() -> str:
    return _("The week day by day")


def h_quiet() -> str:
    return _("Communities without activities")


def h_gaps() -> str:
    return _("Gaps in the data")


def empty_week() -> str:
    return _("No activity was logged this week.")


def none_word() -> str:
    # TRANSLATORS: what a section of the digest holds when it holds nothing.
    return _("none")


def not_counted() -> str:
    # TRANSLATORS: a table cell where no head count was recorded.
    return _("not recorded")


def cols_community() -> tuple[str, ...]:
    return (_("Community"), _("Events"), _("Participants"), _("Categories"))


def cols_category() -> tuple[str, ...]:
    return (_("Category"), _("Events"), _("Participants"), _("Share"))


def cols_days() -> list[str]:
    return [_("Time"), _("Activity"), _("Category"), _("Community"), _("Participants")]


def section_line(heading: str) -> str:
    """A section's heading in the plain-text digest: `== Summary ==`, `【概况】`."""
    return _("== {heading} ==").format(heading=heading)


def title_line(d: Digest) -> str:
    start, end = d.week.iso_bounds()
    return _("Weekly digest of community activities {week} ({start} to {end})").format(
        week=d.week.label, start=start, end=end
    )


def scope_line(d: Digest) -> str | None:
    if not d.scope:
        return None
    parts = []
    for key, value in d.scope.items():
        shown = list_of(value) if isinstance(value, list) else str(value)
        name = _(SCOPE_NAMES[key]) if key in SCOPE_NAMES else key
        parts.append(f"{name} {one_line(shown)}")
    # TRANSLATORS: the separator between the filters of a digest's scope (Chinese uses ；).
    return _("Scope: {filters}").format(filters=_("; ").join(parts))


def incomplete_line(d: Digest) -> str | None:
    if d.complete:
        return None
    if d.today < d.week.start:
        return _("Note: this week has not begun (today is {today}).").format(today=d.today.isoformat())
    return _("Note: this week is not over; the figures run to {today}.").format(
        today=d.today.isoformat()
    )


def summary_items(d: Digest) -> list[tuple[str, str]]:
    """The headline numbers as (label, value) pairs, each with its change against last week."""
    now, change = d.headline, d.change
    t = now.tally
    items = [
        (_("Events"), f"{t.activities} ({delta_label(change['activities'])})"),
        (
            _("Participants"),
            f"{head_count(t.participants, t.participants_approx, total=True)} "
            f"({delta_label(change['participants'])})",
        ),
    ]
    reached = _("Communities reached")
    if now.communities_registered:
        items.append(
            (
                reached,
                f"{now.communities_reached}/{now.communities_registered} "
                f"({delta_label(change['communities_reached'])})",
            )
        )
    else:
        items.append((reached, _("no community in the registry (logbook community add)")))
    if t.without_count:
        items.append(
            (
                _("Without a count"),
                ngettext(
                    "{count} activity, not counted in the participants",
                    "{count} activities, not counted in the participants",
                    t.without_count,
                ).format(count=t.without_count),
            )
        )
    return items


def compared_to(d: Digest) -> str:
    p = d.previous.tally
    return _(
        "In brackets, the change against the week before, {week} (that week: activities "
        "{activities}, participants {participants}, communities reached {reached})"
    ).format(
        week=d.previous_week.label,
        activities=p.activities,
        participants=head_count(p.participants, p.participants_approx, total=True),
        reached=d.previous.communities_reached,
    )


def street_name(street: str | None) -> str:
    if street is None:
        return _("Other (not in the registry, or no street given)")
    return one_line(street)


def street_summary(t: Tally) -> str:
    return _("activities {activities}, participants {participants}").format(
        activities=t.activities, participants=count_cell(t)
    )


def count_cell(t: Tally) -> str:
    """A participants sum, and how many activities it leaves out for want of a head count."""
    if t.activities and t.without_count == t.activities:
        return not_counted()
    shown = head_count(t.participants, t.participants_approx, total=True)
    if t.without_count:
        shown = _("{count} ({without} not recorded)").format(count=shown, without=t.without_count)
    return shown


def categories_cell(categories: list[tuple[str, int]]) -> str:
    return list_of(f"{one_line(c)} {n}" for c, n in categories)


def time_label(a: DigestActivity) -> str:
    if a.start and a.end:
        return f"{a.start}-{a.end}"
    return a.start or ""


def people_cell(a: DigestActivity) -> str:
    """One activity's head count in a table: `40+`/`40余`, or that it was not recorded."""
    return head_count(a.participants, a.participants_approx) or not_counted()


def people_words(a: DigestActivity) -> str:
    if a.participants is None:
        return _("no head count")
    return ngettext("{count} person", "{count} people", a.participants).format(
        count=head_count(a.participants, a.participants_approx)
    )


def communities_cell(a: DigestActivity) -> str:
    return list_of(one_line(c) for c in a.communities) or _("no community")


def activity_details(a: DigestActivity) -> str:
    return _("{category}, {communities}, {people}").format(
        category=one_line(a.category), communities=communities_cell(a), people=people_words(a)
    )


def activity_line(a: DigestActivity) -> str:
    return aside(one_line(a.title), activity_details(a))


def weekday(day) -> str:
    from datetime import date

    return _(WEEKDAY_NAMES[date.fromisoformat(day.date).weekday()])


def day_label(day) -> str:
    return f"{day.date[5:]} {weekday(day)}"


def silent_words(s) -> str:
    if s.last_activity is None:
        return _("no activity ever logged")
    return ngettext(
        "last on {date}, {weeks} week without activity",
        "last on {date}, {weeks} weeks without activity",
        s.weeks,
    ).format(date=s.last_activity, weeks=s.weeks)


def silent_name(s) -> str:
    return aside(one_line(s.community), one_line(s.street)) if s.street else one_line(s.community)


def inactive_heading(d: Digest) -> str:
    registered = d.headline.communities_registered
    return _("No activity this week ({count}/{registered})").format(
        count=d.inactive_count, registered=registered
    )


def silent_heading(d: Digest) -> str:
    return _("No activity for {weeks} weeks or more ({count})").format(
        weeks=d.silent_weeks, count=len(d.silent)
    )


def gap_line(a: DigestActivity) -> str:
    return f"{a.date[5:]}  {a.short_id}  {aside(one_line(a.title), communities_cell(a))}"


def gap_groups(d: Digest) -> list[tuple[str, list[str]]]:
    g = d.gaps
    groups = []
    if g.without_count:
        lines = [gap_line(a) for a in g.without_count]
        groups.append((_("Activities without a head count ({count})").format(count=len(lines)), lines))
    if g.without_community:
        lines = [gap_line(a) for a in g.without_community]
        groups.append((_("Activities naming no community ({count})").format(count=len(lines)), lines))
    if g.unregistered:
        groups.append(
            (
                _("Communities not in the registry ({count})").format(count=len(g.unregistered)),
                [list_of(one_line(c) for c in g.unregistered)],
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
    lines += ["", section_line(h_summary())]
    items = summary_items(d)
    label_width = max(width(label) for label, _value in items)
    lines += [f"  {pad(label, label_width)}  {value}" for label, value in items]
    lines.append(f"  {compared_to(d)}")
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
                lines.append(f"{lead}{activity_line(a)}")
    lines += ["", section_line(h_quiet()), labelled(inactive_heading(d), "" if d.inactive else none_word())]
    for street, names in d.inactive:
        lines.append("  " + labelled(street_name(street), list_of(one_line(n) for n in names)))
    lines.append(labelled(silent_heading(d), "" if d.silent else none_word()))
    for s in d.silent:
        lines.append("  " + labelled(silent_name(s), silent_words(s)))
    lines += ["", section_line(h_gaps())]
    groups = gap_groups(d)
    if not groups:
        lines.append(f"  {none_word()}")
    for heading, entries in groups:
        lines.append(labelled(heading))
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
                [time_label(a), one_line(a.title), one_line(a.category), communities_cell(a),
                 people_cell(a)]
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


def html_lang() -> str:
    """The page's `lang`: what it is written in, so a browser picks the right fonts and voice."""
    from .i18n import HONG_KONG, TRADITIONAL, current

    return {TRADITIONAL: "zh-TW", HONG_KONG: "zh-HK"}.get(current(), "zh-CN" if is_chinese() else "en")


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
            rows = [
                [time_label(a), a.title, a.category, communities_cell(a), people_cell(a)]
                for a in day.activities
            ]
            out += _html_table(cols_days(), rows, {4})
    out.append(f'<h2 style="{S_H2}">{esc(h_quiet())}</h2>')
    out.append(f'<h3 style="{S_H3}">{esc(inactive_heading(d))}</h3>')
    if d.inactive:
        out.append(f'<ul style="{S_UL}">')
        out += [
            f"<li>{esc(labelled(street_name(street), list_of(names)))}</li>" for street, names in d.inactive
        ]
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


# -- the rollup report's machine formats ---------------------------------------------------------

BY_HEADINGS = {
    "community": N_("Community"),
    "street": N_("Street"),
    "category": N_("Category"),
    "tag": N_("Tag"),
    "organizer": N_("Organizer"),
    "month": N_("Month"),
    "week": N_("Week"),
}
# The same columns in a CSV file, where the English names are keys a script may read by.
CSV_HEADINGS = {
    "activities": N_("activities"),
    "participants": N_("participants"),
    "participants_approx": N_("participants_approx"),
    "without_count": N_("without_count"),
    "communities": N_("communities"),
    "top_categories": N_("top_categories"),
}
CSV_BY = {
    "community": N_("community"),
    "street": N_("street"),
    "category": N_("category"),
    "tag": N_("tag"),
    "organizer": N_("organizer"),
    "month": N_("month"),
    "week": N_("week"),
}


def total_label() -> str:
    # TRANSLATORS: the first cell of a report's totals row.
    return _("Total")


def group_label(row: RollupRow) -> str:
    if row.is_total:
        return total_label()
    # TRANSLATORS: a report's row for activities without the grouped field (no tag, no street).
    return _("(none)") if row.group is None else one_line(row.group)


def top_categories_label(row: RollupRow) -> str:
    return list_of(f"{one_line(c)} {n}" for c, n in row.top_categories)


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
    """The columns of a report as the table, Markdown and the spreadsheet show them."""
    head = [_(BY_HEADINGS[r.by])]
    counts = [_("Activities"), _("Participants"), _("No count")]
    if r.periods:
        return head + [period_label(r, p, compact) for p in r.periods] + counts
    head += counts
    if _shows_communities(r):
        head.append(_("Communities"))
    if _shows_top_categories(r):
        head.append(_("Top categories"))
    return head


def rollup_keys(r: Rollup) -> list[str]:
    """What each column of rollup_columns holds: "group", "period", "activities",
    "participants", "without_count", "communities", "top_categories"."""
    keys = ["group"] + ["period"] * len(r.periods) + ["activities", "participants", "without_count"]
    if not r.periods:
        if _shows_communities(r):
            keys.append("communities")
        if _shows_top_categories(r):
            keys.append("top_categories")
    return keys


# The headings a table takes when the terminal is narrow (a header word is never broken).
SHORT_HEADINGS = {
    # TRANSLATORS: "Activities" in a narrow table: a short word, not an abbreviation if you can.
    "activities": N_("Acts"),
    # TRANSLATORS: "Participants" in a narrow table.
    "participants": N_("People"),
    # TRANSLATORS: "No count" in a narrow table.
    "without_count": N_("No #"),
    # TRANSLATORS: "Top categories" in a narrow table.
    "top_categories": N_("Top"),
}


def rollup_cells(r: Rollup, row: RollupRow) -> list[str]:
    t = row.tally
    cells = [group_label(row)]
    if r.periods:
        cells += [str(c.activities) for c in row.cells]
    cells += [
        str(t.activities),
        head_count(t.participants, t.participants_approx, total=True),
        str(t.without_count),
    ]
    if not r.periods:
        if _shows_communities(r):
            cells.append(str(row.communities))
        if _shows_top_categories(r):
            cells.append(top_categories_label(row))
    return cells


def rollup_values(r: Rollup, row: RollupRow) -> list:
    """A row as a spreadsheet holds it: the columns of rollup_columns, numbers as numbers (a sum
    with approximate counts in it is its number; the sheet's title says so)."""
    t = row.tally
    values: list = [group_label(row)]
    if r.periods:
        values += [c.activities for c in row.cells]
    values += [t.activities, t.participants, t.without_count]
    if not r.periods:
        if _shows_communities(r):
            values.append(row.communities)
        if _shows_top_categories(r):
            values.append(top_categories_label(row))
    return values


def rollup_json(r: Rollup) -> str:
    return dumps_json(r.to_dict()) + "\n"


def rollup_md(r: Rollup) -> str:
    rows = [rollup_cells(r, row) for row in r.rows] + [rollup_cells(r, r.total)]
    return md_table(rollup_columns(r), rows)


def rollup_csv(r: Rollup, *, bom: bool = True) -> str:
    """For spreadsheets: numbers as numbers (the approximate mark in its own column), a BOM so
    Excel and WPS read UTF-8 (`bom=False` into a pipe, where it would break `cut` and `head`),
    the totals row last with `Total` (合计) in the first column. Headers are the reader's
    language: English ones are the keys of the JSON report."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    head = [_(CSV_BY[r.by])]
    if r.periods:
        head += [p.label for p in r.periods]
    head += [_(name) for name in CSV_HEADINGS.values()]
    writer.writerow(head)
    for row in [*r.rows, r.total]:
        t = row.tally
        cells = [total_label() if row.is_total else row.group or ""]
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
    return (BOM if bom else "") + buffer.getvalue()


ROLLUP_WRITERS = {"json": rollup_json, "csv": rollup_csv, "md": rollup_md}


def write_rollup(r: Rollup, fmt: str, *, bom: bool = True) -> str:
    if fmt == "csv":
        return rollup_csv(r, bom=bom)
    return ROLLUP_WRITERS[fmt](r)


def rollup_sheet_title(r: Rollup) -> str:
    """The title row of a report's spreadsheet."""
    title = _("Activities by {group}").format(group=_(CSV_BY[r.by]))
    if r.total.tally.participants_approx:
        title += " " + _("(participant sums include approximate counts)")
    return title


def write_rollup_xlsx(r: Rollup, target) -> None:
    """The report as an .xlsx sheet: one row a group, numbers as numbers, the totals row last;
    with periods, one column a period."""
    from .ledgers import write_rollup as write_sheet

    write_sheet(
        target,
        rollup_columns(r),
        [rollup_values(r, row) for row in r.rows],
        totals=rollup_values(r, r.total),
        title=rollup_sheet_title(r),
        sheet=_("Report"),
    )

