"""The head count: how many took part, with its over/about mark."""

from __future__ import annotations

import re

from ..i18n import N_, Reason, clauses, items
from ..numerals import parse_cn_int
from .articles import Article, other_event
from .count_phrases import (
    ANY_COUNT,
    COUNT_AUDIENCE,
    COUNT_CONSULTED,
    COUNT_DRAWN,
    COUNT_ENJOYED,
    COUNT_GIVEN_TO,
    COUNT_HELD_FOR,
    COUNT_JOINED,
    COUNT_LET,
    COUNT_LIST_TOTAL,
    COUNT_LISTED,
    COUNT_PRESENT,
    COUNT_SERVED,
    COUNT_SERVED_FOR,
    COUNT_SERVED_WHO,
    COUNT_SUBJECT,
    COUNT_TALLY,
    COUNT_TALLY_AFTER,
    COUNT_WITH,
    CUMULATIVE,
    FORECAST,
    PERFORMING,
    RATE,
    SINCE,
    SINCE_REACH,
    SO_FAR,
    SO_FAR_REACH,
    count_matches,
    counts_in_activity,
)
from .people_words import (
    APPROX_PREFIXES,
    ATTENDEE_HEADS,
    HELPER_HEADS,
    LEARNING,
    SERVING,
    TOTAL_PREFIXES,
    VOLUNTEERS,
)


def _listed(text: str, m: re.Match) -> list[str]:
    """The items of the list that ends with `m`'s `last` (A、B、C等…), within its clause."""
    end = m.end("last")
    window = max(0, m.start("last") - 60)  # a list of a few, looked for near its end only
    start = max(window, *(text.rfind(ch, window, m.start("last")) + 1 for ch in "，,。；;：:！？!?\n"))
    return [item for item in re.split("[、和与及]", text[start:end]) if item] or [m["last"]]

    """The matches `finditer` of COUNT_AT without its look-behind would give, in one pass.

    A match of COUNT_AT ends after up to 8 characters of `rest`, which may stop inside a run
    of digits; a search resuming there reads a number from that point (`12345678` ending one
    match, `90人参加` is the next). Only there is a number read from inside its run."""


def _other_head_count(art: Article, m: re.Match) -> bool:
    """Whether the sentence of `m` counts people elsewhere too."""
    start, end = art.sentence_at(m.start())
    start, end = max(start, m.start() - 80), min(end, m.end() + 80)  # the sentence, near the count
    return any(c.start("num") != m.start("num") for c in ANY_COUNT.finditer(art.masked, start, end))


_NOT_ATTENDING = N_("not people attending")


# Head counts read: (count, approximate, a total, the words that say it).
_Counts = list[tuple[int, bool, bool, str]]


def read_participants(art: Article):
    """((count, approximate) or None, confidence, why)."""
    text = art.masked
    found: _Counts = []  # count, approx, is_total, evidence
    judged: dict[int, str] = {}  # position of a number -> why it is not attendance ("" if it is)
    volunteering: _Counts = []  # volunteers who took part
    led: _Counts = []  # a group someone took round (带领)
    served: _Counts = []  # people served: the count only where no attendance is given
    _by_verb(art, found, judged, volunteering)
    _by_tally(art, found, judged)
    _by_other_words(art, found, judged, led)
    _by_list(art, found, judged)
    _by_joined(art, found, judged)
    _by_subject(art, found, judged)
    _by_service(art, served, judged)
    if not found:
        found = led
    served_only = False
    if not found and served:
        found, served_only = served, True
    if not found and len({(n, approx) for n, approx, _, _ in volunteering}) == 1:
        # 40余名平安志愿者参加了巡逻: in an activity of volunteers, they are the ones taking part.
        n, approx, _, evidence = volunteering[0]
        return (
            (n, approx),
            0.6,
            Reason(N_("no other attendance given; the volunteers who took part, from “{evidence}”"), evidence=evidence),
        )
    if not found:
        # Say which head counts were seen and set aside, so the reader can check.
        seen: list[str] = []
        for m in ANY_COUNT.finditer(text):
            reason = judged.get(m.start("num"), Reason(N_("no 参加/参与/出席 next to it")))
            if reason and len(seen) < 4:
                phrase = re.split(r"[(（]", text[m.start() : min(m.end() + 4, art.clause_at(m.start())[1])])[0]
                seen.append(Reason(N_("{phrase} ({reason})"), phrase=phrase, reason=reason))
        none = Reason(N_("no number tied to attendance"))
        if seen:
            return None, 0, clauses(none, Reason(N_("not counted: {counts}"), counts=items(*seen)))
        return None, 0, none
    values = {(n, approx) for n, approx, _, _ in found}
    if served_only:
        if len(values) == 1:
            n, approx, _, evidence = found[0]
            return (
                (n, approx),
                0.6,
                Reason(N_("no attendance given; the people served, from “{evidence}”"), evidence=evidence),
            )
        listed = "、".join(e for *_, e in found)
        return (
            None,
            0,
            Reason(N_("no attendance given, and the counts of people served disagree ({listed})"), listed=listed),
        )
    if len(values) == 1:
        n, approx, total, evidence = found[0]
        return (n, approx), 0.9 if total else 0.8, Reason(N_("from “{evidence}”"), evidence=evidence)
    totals = {(n, approx) for n, approx, total, _ in found if total}
    if len(totals) == 1:
        n, approx = totals.pop()
        evidence = next(e for c, a, t, e in found if t and (c, a) == (n, approx))
        return (n, approx), 0.7, Reason(N_("the total of several head counts, from “{evidence}”"), evidence=evidence)
    listed = "、".join(e for *_, e in found)
    return None, 0, Reason(N_("several head counts disagree ({listed})"), listed=listed)


def _by_verb(
    art: Article,
    found: _Counts,
    judged: dict[int, str],
    volunteering: _Counts,
) -> None:
    """Counts with a verb of taking part (30余名居民参加): attendance, or why not (into
    `judged`); volunteers who took part into `volunteering`."""
    text = art.masked
    for m in count_matches(text):
        noun = m["noun"]
        # who they were may be a list (党员干部、志愿者、群众, 社区居民及游客): attendance if any of
        # them attends
        who_all = re.split("[、及和与]", noun)
        attending = any(who.endswith(ATTENDEE_HEADS) for who in who_all)
        at = m.start("num")
        if other_event(art, m.start(), m.end()):
            judged[at] = Reason(N_("another event"))
        elif (why := _not_counted(art, m.start(), m.start("num"))) is not None:
            judged[at] = why
        elif m["verb"] == "深入" and noun:
            # (30名党员深入小区, 10名医生深入社区: who went in to serve; only a team's count
            # said alone, 50多人分别深入各楼, is how many did it)
            judged[at] = Reason(_NOT_ATTENDING)
        elif (
            noun.endswith(HELPER_HEADS)
            and not (len(who_all) > 1 and attending)
            and not (m["verb"] == "参加" and any(w in m["rest"] for w in LEARNING))
        ):
            judged[at] = Reason(N_("helpers"))
            if noun.endswith(VOLUNTEERS) and m["verb"] in ("参加", "参与") and not any(w in m["rest"] for w in SERVING):
                _add_count(volunteering, m, m["pre"])
        elif noun and not attending and not noun.endswith(HELPER_HEADS):
            judged[at] = Reason(_NOT_ATTENDING)
        else:
            judged[at] = ""
            _add_count(found, m, m["pre"])


def _by_tally(art: Article, found: _Counts, judged: dict[int, str]) -> None:
    """Who took part, then their number (参与居民80余人, 居民踊跃参与，共计50余人)."""
    text = art.masked
    tallies = [*COUNT_TALLY.finditer(text), *COUNT_TALLY_AFTER.finditer(text)]
    for m in sorted(tallies, key=lambda m: m.start()):
        if (
            m.re is COUNT_TALLY_AFTER
            and (
                (m["noun"] and not any(who.endswith(ATTENDEE_HEADS) for who in m["noun"].split("、")))
                # (a total said before the verb counts as one after it: 共到场200人)
                or not (m["pre"] or m["noun"] or text[m.start() - 1 : m.start()] == "共")
            )
        ):
            continue
        if (why := _not_counted(art, m.start(), m.start("num"))) is not None:
            judged.setdefault(m.start("num"), why)
            continue
        if not other_event(art, m.start(), m.end()):
            judged[m.start("num")] = ""
            _add_count(found, m, "共")


def _by_other_words(
    art: Article,
    found: _Counts,
    judged: dict[int, str],
    led: _Counts,
) -> None:
    """Attendance said otherwise: drawn, an audience, present, let in, held for, with (吸引居民
    80余人); a group taken round or invited into `led`."""
    text = art.masked
    for matches in (
        *(
            p.finditer(text)
            for p in (COUNT_DRAWN, COUNT_AUDIENCE, COUNT_PRESENT, COUNT_LET, COUNT_HELD_FOR, COUNT_WITH)
        ),
        counts_in_activity(text),
    ):
        for m in matches:
            pattern = m.re
            at = m.start("num")
            if at in judged or other_event(art, m.start(), m.end()):
                continue
            noun = (m.groupdict().get("who") or "") + m["noun"]  # 吸引居民80余人: who, then how many
            if pattern is COUNT_DRAWN and m["verb"] == "邀请":
                # 邀请两位外国友人与社区青年交流: guests the residents meet are not the residents
                noun = re.split("[与和同]", noun, maxsplit=1)[0]
            if (
                not any(h in noun for h in ATTENDEE_HEADS)
                or any(h in noun for h in HELPER_HEADS)
                or (pattern is COUNT_DRAWN and any(w in text[m.end("unit") : m.end("unit") + 10] for w in PERFORMING))
            ):
                continue
            judged[at] = ""
            # 带领三名党员参观…, 邀请社区30名困难老人吃了…: a group taken round or invited, the
            # attendance only when no other is given
            _add_count(led if pattern is COUNT_DRAWN and m["verb"] in ("带领", "邀请") else found, m, m["pre"])


def _by_list(art: Article, found: _Counts, judged: dict[int, str]) -> None:
    """A list of who came, closed with its total (社区干部、居民代表等20余人), unless only
    helpers are listed."""
    text = art.masked
    for m in [*COUNT_LISTED.finditer(text), *COUNT_LIST_TOTAL.finditer(text)]:
        at = m.start("num")
        # The list says who they were, where the words after the number did not (60余人分批次参加).
        unsaid = judged.get(at) == _NOT_ATTENDING and m.re is COUNT_LIST_TOTAL
        if (
            (at in judged and not unsaid)
            or other_event(art, m.start(), m.end())
            or all(who.endswith(HELPER_HEADS + ("人员",)) for who in _listed(text, m))
        ):
            continue  # helpers only; 党员、居民代表、志愿者等40余人 came to take part
        judged[at] = ""
        _add_count(found, m, m["pre"] or "共")


def _by_joined(art: Article, found: _Counts, judged: dict[int, str]) -> None:
    """Two kinds of people counted together, then their taking part (40余名平安志愿者和社区党员
    共同参加): attendance when either kind attends."""
    text = art.masked
    for m in COUNT_JOINED.finditer(text):
        at = m.start("num")
        if at in judged or other_event(art, m.start(), m.end()) or _not_counted(art, m.start(), m.start("num")):
            continue
        if any(who.endswith(ATTENDEE_HEADS) for who in (m["first"], m["noun"])):
            judged[at] = ""  # some of them came to take part, whoever came with them
            _add_count(found, m, m["pre"])


def _by_subject(art: Article, found: _Counts, judged: dict[int, str]) -> None:
    """A number of residents as the subject of the opening sentence (社区百余名老年居民…,
    现场60余名观众), not after 为/向/给 (people served)."""
    text = art.masked
    fs, fe = art.lead_sentence()
    for m in COUNT_SUBJECT.finditer(text, fs, fe):
        at = m.start("num")
        if at in judged or other_event(art, m.start(), m.end()):
            continue
        if text[max(fs, m.start() - 3) : m.start()].endswith(("为", "向", "给", "帮助", "慰问", "看望", "服务")):
            continue
        if not m["noun"].endswith(ATTENDEE_HEADS):
            continue
        judged[at] = ""
        _add_count(found, m, m["pre"])


def _by_service(art: Article, served: _Counts, judged: dict[int, str]) -> None:
    """People served (为96名居民提供服务, 提供咨询40余人次), into `served`."""
    text = art.masked
    for pattern in (
        COUNT_SERVED,
        COUNT_SERVED_WHO,
        COUNT_SERVED_FOR,
        COUNT_GIVEN_TO,
        COUNT_ENJOYED,
        COUNT_CONSULTED,
    ):
        for m in pattern.finditer(text):
            noun = m["noun"] or ""
            if pattern is COUNT_SERVED_WHO and not noun.endswith(ATTENDEE_HEADS + ("患者", "市民")):
                continue
            if other_event(art, m.start(), m.end()) or noun.endswith(HELPER_HEADS + ("人员",)):
                continue
            if (why := _not_counted(art, m.start(), m.start("num"))) is not None:
                judged.setdefault(m.start("num"), why)
                continue
            if pattern is COUNT_CONSULTED and _other_head_count(art, m):
                continue  # 测量血压60余人，接受居民咨询40余人: the questions are not the whole
            judged.setdefault(m.start("num"), Reason(N_("people served, not attendance")))
            _add_count(served, m, m["pre"])


def _not_counted(art: Article, at: int, num_at: int | None = None) -> Reason | None:
    """Why the count at `at` is not this activity's head count, or None: a series' or a year's
    running total (累计…, 今年以来…, or in its sentence 自2月启动以来，该活动已连续举办10余期，
    吸引近200名居民参与, or as of now: 截至目前…), a rate (每日接待…200余人) or a forecast
    (预计本月受益老人将达2000人). `num_at`: where the number itself starts."""
    text = art.masked
    start = art.sentence_at(at)[0]
    if CUMULATIVE.search(text, max(0, at - 8), at) is not None:
        return Reason(N_("a running total"))
    # (a rate's word may stand inside the count's own words, or earlier in its sentence:
    # 服务站每日接待老年人200余人, 每年开展志愿服务活动200余次,服务居民8000余人)
    if RATE.search(text, max(start, at - SINCE_REACH), max(at, num_at or at)) is not None:
        return Reason(N_("a rate, not one activity's count"))
    if (
        SINCE.search(text, max(start, at - SINCE_REACH), at) is not None
        or SO_FAR.search(text, max(start, at - SO_FAR_REACH), at) is not None
    ):
        return Reason(N_("a running total"))
    if FORECAST.search(text, max(start, at - SINCE_REACH), at) is not None:
        return Reason(N_("a forecast, not a count"))
    return None


def _add_count(found: list, m: re.Match, prefix: str | None) -> None:
    number = m["num"]
    # 上百名, 上千人: a hundred and more, as 百余 is
    over = number in ("百", "千") and m.string[m.start("num") - 1 : m.start("num")] == "上"
    if number in ("百", "千"):  # 百余人: "over a hundred"
        number = "一" + number
    try:
        n = parse_cn_int(number)
    except ValueError:
        return
    if n < 2:  # 一位居民: a person, not a head count
        return
    approx = bool(m["more"]) or over or prefix in APPROX_PREFIXES
    found.append((n, approx, prefix in TOTAL_PREFIXES, m.group()))
