"""The title: a headline line at the top, else a quoted event name, else the object of an event
verb, else the first clause."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain

from ..i18n import N_, Reason, clauses
from ..models import TITLE_MAX
from .articles import Article, other_event
from .draft import TITLE_SOFT_MAX
from .event_words import EVENT_HEAD, EVENT_NOUN, EVENT_VERB, PURPOSE
from .headlines import headline

_QUOTES = re.compile(r"“([^“”\n]{2,40})”|「([^「」\n]{2,40})」|『([^『』\n]{2,40})』|《([^《》\n]{2,40})》")
# Greedy: the object runs to the last event word of the clause (宣传讲座, not 宣传).
_EVENT_OBJECT = re.compile(rf"(?:{EVENT_VERB})了?(?P<obj>[^,，。；;！!？\n“”]{{0,40}}(?:{EVENT_HEAD}))")
# Words that open an article without saying what happened: dates, times of day, 近日, 据悉.
_OPENERS = re.compile(
    r"^(?:[0-9]{4}年)?(?:[0-9]{1,2}月[0-9]{1,2}[日号])?(?:上午|下午|晚上|晚|当天|近日|日前|近期|据悉|同时)*"
)
# A clause that is nothing but a stage direction: 活动伊始, 活动中.
_FILLER_CLAUSE = re.compile(r"^(?:本次|此次|这次)?(?:活动|培训|会议)?(?:伊始|开始|中|期间|现场|当天|结束后|最后)?$")

# A reprint's note of the headline it was first printed under (原标题:…), anywhere in the
# text, up to the end of its line or a notice run into it.
_ORIGINAL_ANYWHERE = re.compile(
    r"原标题\s*[:：]\s*(?P<title>[^\n()（）。]{4,60}?)\s*(?=[)）\n]|$|(?:免责|版权|特别)?声明|(?:信息|新闻)?来源|责任编辑|编辑)"
)


def read_title(art: Article) -> tuple[str | None, float, str]:
    text = art.plain
    fs, fe = art.first_sentence()
    # Past a page's breadcrumb and dateline: what follows reads the body.
    fs, fe = art.lead_sentence()
    # 0. A headline line at the top of the page, above the body.
    top = headline(art)
    if top is not None:
        start = text.find(top)
        damaged = start >= 0 and art.is_damaged(start, start + len(top))
        return _trim_title(top), 0.8, _with_damage(Reason(N_("the headline line at the top")), damaged)
    # 0b. A reprint's note of the headline it was first printed under, wherever the page put
    #     it (at the foot, run into the site's notice: …原标题:X声明:本媒体…).
    original = _ORIGINAL_ANYWHERE.search(art.masked)
    if original is not None:
        start, end = original.span("title")
        why = _with_damage(Reason(N_("the headline the reprint names (原标题)")), art.is_damaged(start, end))
        return _trim_title(text[start:end].strip()), 0.75, why
    # 1. A quoted name that the text presents as the event's: after a verb of holding it, or
    #    followed by a word saying what kind of event it is.
    for m in _QUOTES.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        c0, _ = art.clause_at(m.start())
        lead = art.masked[max(c0, m.start() - 14) : m.start()]
        follow = text[m.end() : m.end() + 5]
        # 开展了一次“微信培训”: a measure word may stand between the verb and the name.
        if re.search(rf"(?:{EVENT_VERB})了?(?:[一两][次场期个堂节])?$", lead) or follow.startswith(EVENT_NOUN):
            why = _with_damage(Reason(N_("the quoted name of the event")), art.is_damaged(m.start(), m.end()))
            return _trim_title(inner), 0.85, why
    # 2. What the first sentences say was held: 开展…培训, 召开…议事会.
    for s, e in art.sentences_from(fs, 2):
        best = None
        for m in _EVENT_OBJECT.finditer(art.masked, s, e):
            if not other_event(art, m.start(), m.end()):
                best = m
        if best is not None:
            obj = art.plain[best.start("obj") : best.end("obj")]
            # The object of the last verb: `组织各社区社工开展X培训` is X培训.
            inner = re.split(EVENT_VERB, obj)[-1]
            if len(inner) >= 3 and "?" not in art.masked[best.start("obj") : best.end("obj")]:
                return _trim_title(inner), 0.7, Reason(N_("what the first sentences say was held"))
    # 3. The first clause that says something, openers such as dates and 本次 trimmed.
    for a, b in chain(_clauses(art, fs, fe), _clauses(art, fe, len(text))):
        clause = text[a:b].strip()
        clause = _OPENERS.sub("", clause).strip()
        if len(clause) < 4 or PURPOSE.match(clause) or _FILLER_CLAUSE.match(clause) or other_event(art, a, b):
            continue
        why = _with_damage(Reason(N_("the article's first clause; check it")), art.is_damaged(a, b))
        return _trim_title(clause), 0.4, why
    first = _trim_title(_OPENERS.sub("", art.masked[fs:fe].strip()))
    if not any(ch.isalpha() for ch in first):
        return None, 0, Reason(N_("nothing readable to call it"))
    return _trim_title(text[fs:fe].strip()), 0.3, Reason(N_("the article's first words; check it"))


def _with_damage(why: Reason, damaged: bool) -> Reason:
    """The reason, and that the title holds characters lost in the scrape when it does."""
    return clauses(why, Reason(N_("it holds characters lost in the scrape"))) if damaged else why


def _clauses(art: Article, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The non-empty clauses of masked[start:end], in order, as they are asked for."""
    a = start
    ends = art.clause_ends
    for i in ends[bisect_left(ends, start) : bisect_left(ends, end)]:
        if i > a:
            yield a, i
        a = i + 1
    if a < end:
        yield a, end


def _trim_title(title: str) -> str:
    title = " ".join(title.split()).strip(" ,，。、:：;；")
    limit = min(TITLE_SOFT_MAX, TITLE_MAX)
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
