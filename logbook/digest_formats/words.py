"""The words and lines every digest format shares: headings, labels, the summary, the lines of
an activity, a day, a quiet community and a gap, in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import N_, _, ngettext
from ..labels import delta_label, head_count
from ..plain import safe
from ..report import Digest, DigestActivity, Tally


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
    return _("Note: this week is not over; the figures run to {today}.").format(today=d.today.isoformat())


def summary_items(d: Digest) -> list[tuple[str, str]]:
    """The headline numbers as (label, value) pairs, each with its change against last week."""
    now, change = d.headline, d.change
    t = now.tally
    items = [
        (_("Events"), f"{t.activities} ({delta_label(change['activities'])})"),
        (
            _("Participants"),
            f"{head_count(t.participants, t.participants_approx, total=True)} ({delta_label(change['participants'])})",
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
    return _("No activity this week ({count}/{registered})").format(count=d.inactive_count, registered=registered)


def silent_heading(d: Digest) -> str:
    return _("No activity for {weeks} weeks or more ({count})").format(weeks=d.silent_weeks, count=len(d.silent))


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
        [one_line(line.community), str(line.tally.activities), count_cell(line.tally), categories_cell(line.categories)]
        for line in block.communities
    ]


def category_rows(d: Digest) -> list[list[str]]:
    return [[one_line(c.category), str(c.tally.activities), count_cell(c.tally), f"{c.share}%"] for c in d.categories]
