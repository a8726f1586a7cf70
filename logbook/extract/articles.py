"""Splitting a text into articles, and the article as the field readers see it: sentences,
clauses, damaged spans, word positions, and mentions of other events."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

from ..numerals import halfwidth
from ..textnorm import clean_scrape, damaged_spans, to_simplified

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NUM = r"[0-9]+|[零〇一二两三四五六七八九十百千万]+"


# ---------------------------------------------------------------------------------------------
# Splitting a text into articles

_SCRAPE_END = "]]>"
_RULE_LINE = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.M)


def split_text(text: str) -> list[str]:
    """The articles of a text, raw (not cleaned), empty ones dropped.

    * With `]]>` anywhere (a scraped feed), each article ends with `]]>`.
    * Else with a line of `---` (three or more dashes), those lines separate articles.
    * Else the text is one article, whatever its blank lines. A page copied from a news site
      carries its chrome (a breadcrumb, a masthead, a dateline, a footer of links) in blocks
      of several lines between blank lines, just as several articles would; read as several,
      one report became up to ten drafts, its date in one and its place in another. Only a
      separator says where an article ends: separate articles with `---`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SCRAPE_END in text:
        parts = text.split(_SCRAPE_END)
    elif _RULE_LINE.search(text):
        parts = _RULE_LINE.split(text)
    else:
        parts = [text]
    return [p for p in parts if clean_scrape(p)]


# ---------------------------------------------------------------------------------------------
# The article as the readers see it


_FOOTER = re.compile(
    r"^[ \t]*(?:(?:新闻推荐|相关阅读|相关新闻|相关焦点|推荐阅读|延伸阅读|猜你喜欢|热门推荐|热点推荐|相关文章"
    r"|上一篇|下一篇)"
    # (or the link itself after its label: 上一篇: 柳岸社区开展…)
    r"[ \t:：]*$|(?:上一篇|下一篇)[ \t]*[:：])",
    re.M,
)
_PARENS = re.compile(r"\([^()\n]{0,60}\)")
_PLACE_IN_PARENS = re.compile(rf"\([{HAN}]{{2,10}}(?:社区|居委会?|镇|街道)\)")
_UNIT_BEFORE_PARENS = ("街道", "办事处", "新城", "新区", "镇")
# A report's closing credit in brackets at the end of its line: (青禾街道柳岸社区 图/文 王青).
_CLOSING_CREDIT = re.compile(r"[(（][^()（）\n]{0,30}(?:图/文|图文|文/图)[^()（）\n]{0,20}[)）][ \t]*$", re.M)
_SENTENCE_END = "。！？!；;\n"
_CLAUSE_END = _SENTENCE_END + ",，、:："
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")
_CLAUSE_END_RE = re.compile(f"[{_CLAUSE_END}]")


class Article:
    """The article in Simplified, with damaged spans masked and sentence bounds at hand.

    `plain` is the Simplified text (for titles, which keep damaged characters, flagged);
    `masked` has every damaged character replaced by `?`, full-width ASCII folded to ASCII, and
    is what facts are read from, position for position.

    The readers ask, for each date or head count they find, in which sentence and clause it
    stands and which words come before it there. Those answers come from positions found once
    (sentence and clause ends, where each asked-for word occurs) and a binary search, never from
    a walk over the text: a report of thousands of sentences, or one long sentence, is then read
    in time that grows with its length, not with its square.
    """

    def __init__(self, text: str) -> None:
        self.plain = to_simplified(text)
        self.damage = damaged_spans(self.plain)
        masked = halfwidth(self.plain)
        if self.damage:
            chars = list(masked)
            for a, b in self.damage:
                chars[a:b] = "?" * (b - a)
            masked = "".join(chars)
        # A page's list of other reports (新闻推荐, 相关阅读) is not this article: blanked; nor is
        # what follows the report's closing credit ((…社区 图/文 某某) and the site's columns).
        credit = _CLOSING_CREDIT.search(masked)
        if credit:
            masked = masked[: credit.end()] + re.sub(r"[^\n]", " ", masked[credit.end() :])
        footer = _FOOTER.search(masked)
        if footer:
            masked = masked[: footer.start()] + re.sub(r"[^\n]", " ", masked[footer.start() :])
        self.masked = masked
        # Names in parentheses say where people came from, not where the activity was; but a
        # place's name alone in them, right after a street or a zone, says which place that is
        # (灵泉街道办事处(灵应寺社区), 嘉定新城(马陆镇)).
        self.outside_parens = _PARENS.sub(
            lambda m: (
                m.group()
                if _PLACE_IN_PARENS.fullmatch(m.group()) and masked.endswith(_UNIT_BEFORE_PARENS, 0, m.start())
                else " " * len(m.group())
            ),
            masked,
        )
        # Sentence i runs from starts[i] to ends[i], the position of its end mark (or the end of
        # the text), included; empty sentences are not kept.
        self._starts = array("q")
        self._ends = array("q")
        start = 0
        for m in _SENTENCE_END_RE.finditer(masked):
            i = m.start()
            if i > start:
                self._starts.append(start)
                self._ends.append(i)
            start = i + 1
        if start < len(masked):
            self._starts.append(start)
            self._ends.append(len(masked))
        self.clause_ends = array("q", (m.start() for m in _CLAUSE_END_RE.finditer(masked)))
        self._where: dict[str, array] = {}

    def sentences(self, limit: int) -> list[tuple[int, int]]:
        """The first `limit` sentences, as (start, end) pairs."""
        return list(zip(self._starts[:limit], self._ends[:limit]))

    def sentences_from(self, pos: int, limit: int) -> list[tuple[int, int]]:
        """The first `limit` sentences that start at or after `pos`."""
        i = bisect_left(self._starts, pos)
        return list(zip(self._starts[i : i + limit], self._ends[i : i + limit]))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos <= self._ends[i]:
            return self._starts[i], self._ends[i]
        return 0, len(self.masked)

    def clause_at(self, pos: int) -> tuple[int, int]:
        """From just after the clause mark before `pos` to the clause mark at or after it."""
        ends = self.clause_ends
        i = bisect_left(ends, pos)
        return (ends[i - 1] + 1 if i else 0), (ends[i] if i < len(ends) else len(self.masked))

    def lead_sentence(self) -> tuple[int, int]:
        """The first sentence of the body: of the first line that is long or has a full stop,
        past a page's breadcrumb, headline and dateline."""
        pos = 0
        for line in self.masked.split("\n"):
            if len(line.strip()) > 64 or "。" in line:
                return self.sentence_at(pos + len(line) - len(line.lstrip()))
            pos += len(line) + 1
        return self.first_sentence()

    def first_sentence(self) -> tuple[int, int]:
        return (self._starts[0], self._ends[0]) if self._starts else (0, 0)

    def is_damaged(self, a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in self.damage)

    def _positions(self, word: str) -> array:
        """Where `word` starts in `masked`, every occurrence, in order (found once), but not
        inside the longer words of _NOT_THE_WORD (继 of 继…后 is not that of 继续)."""
        found = self._where.get(word)
        if found is None:
            found = self._where[word] = array("q")
            longer = _NOT_THE_WORD.get(word, ())
            i = self.masked.find(word)
            while i >= 0:
                if not any(self.masked.startswith(w, i - w.index(word)) for w in longer):
                    found.append(i)
                i = self.masked.find(word, i + 1)
        return found

    def last_of(self, words: tuple[str, ...], a: int, b: int) -> int:
        """The start of the last of `words` to occur wholly in masked[a:b], or -1: what
        `a + max(masked[a:b].rfind(w) for w in words)` finds, without copying the span."""
        best = -1
        for w in words:
            found = self._positions(w)
            i = bisect_right(found, b - len(w)) - 1
            if i >= 0 and found[i] >= a and found[i] > best:
                best = found[i]
        return best

    def holds(self, words: tuple[str, ...], a: int, b: int) -> bool:
        """Whether any of `words` occurs wholly in masked[a:b] (`any(w in masked[a:b] ...)`)."""
        for w in words:
            found = self._positions(w)
            i = bisect_left(found, a)
            if i < len(found) and found[i] + len(w) <= b:
                return True
        return False


# Words that put what follows in another event's time: earlier (此前, 上次, 继…后) or later
# (将于, 下次). A date or head count in such a stretch is not this activity's.
_EARLIER = ("此前", "之前", "先前", "上次", "上一次", "上回", "上期", "前期", "去年", "曾于", "曾在", "早在", "继")
# Longer words a marker is only part of: 继承权, 继续开展, 相继 say nothing of an earlier event.
# (经过前期…准备，12月12日… is the day the preparation led to)
_NOT_THE_WORD = {"继": ("继承", "继续", "相继", "继而"), "前期": ("经过前期",)}
_LATER = ("将于", "将在", "下次", "下一次", "下期", "计划于", "拟于", "预计", "届时")
_OCCASION = ("之际", "前夕", "来临", "到来")
# A day welcomed ahead (为迎接5月12日防灾减灾日，…): an occasion, named before its date.
_WELCOMED = ("迎接", "喜迎", "迎来")


_THIS_TIME = ("本次", "此次", "这次", "这一次", "本期", "今年", "今天", "当天")
_OCCASION_AHEAD = re.compile(r"[^,，]{0,6}?(?:" + "|".join(_OCCASION) + ")")
# How much of the text after a span decides whether it belongs to a later event or an
# occasion: a word of _LATER within its first 6 characters, or one of _OCCASION (2
# characters) after at most 6.
_AHEAD = 8


def other_event(art: Article, start: int, end: int) -> str | None:
    """'earlier', 'later' or 'occasion' when the span sits where the text speaks of another
    event: after 此前/上次 in its sentence (unless 本次/此次 brings the text back), in a clause
    with 将于/下次, or before 之际 or after 迎接 (a festival's date)."""
    s, _ = art.sentence_at(start)
    c0, c1 = art.clause_at(start)
    after = art.masked[end : min(c1, end + _AHEAD)]
    last_earlier = art.last_of(_EARLIER, s, start)
    if last_earlier >= 0 and not art.holds(_THIS_TIME, last_earlier, start):
        return "earlier"
    if art.holds(_LATER, c0, start) or any(w in after[:6] for w in _LATER):
        return "later"
    # (5月9日在母亲节来临之际: the day, then the occasion it fell near)
    if (_OCCASION_AHEAD.match(after) and not after.startswith("在")) or art.holds(_WELCOMED, c0, start):
        return "occasion"
    return None
