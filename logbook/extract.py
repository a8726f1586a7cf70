"""Draft activities from written reports: split a text into articles, clean each, and read the
fields an activity record needs, each with a confidence. Pure: no files, no clock, no store.

The rule throughout is that an empty field beats a wrong one. Every reader below looks for one
kind of evidence that people writing community news use consistently (a date written `3月27日`,
a head count next to 参加, a name after 老师) and gives up, leaving the field empty with a reason,
when the evidence is missing, contradictory or damaged. Text lost in the scrape (`??`, mojibake)
is masked before anything is read from it and reported, never guessed back.

Fields are read from the Simplified form of the article (names, titles and categories are stored
in Simplified like everything typed); the notes keep the cleaned article in its own script.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from .dates import SUPPORTED_RANGE, in_range
from .models import TEXT_MAX, TITLE_MAX
from .numerals import halfwidth, parse_cn_int
from .textnorm import clean_scrape, damaged_spans, to_simplified

__all__ = ["Draft", "article_digest", "extract", "extract_article", "split_text", "FIELDS"]

# The fields a draft fills, in the order the preview and the accuracy table show them.
FIELDS = (
    "title",
    "date",
    "category",
    "communities",
    "street",
    "participants",
    "speakers",
    "partners",
    "location",
)
# A field read with less confidence than this stays empty. The title is the exception: a record
# needs one, and the article's own first words are never wrong, only sometimes unhelpful.
MIN_CONFIDENCE = 0.5
TITLE_SOFT_MAX = 60

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NUM = r"[0-9]+|[零〇一二两三四五六七八九十百千万]+"


@dataclass
class Draft:
    """One article read as an activity: the record fields found, how sure each is, and why the
    others stayed empty."""

    number: int  # 1-based position of the article in its text
    text: str  # the cleaned article, in its own script: becomes the notes
    source: str
    record: dict = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)  # per field: how it was read or why empty
    damaged: list[str] = field(default_factory=list)  # spans lost in the scrape, as written
    year_assumed: bool = False

    @property
    def digest(self) -> str:
        return article_digest(self.text)

    def empty_fields(self) -> list[str]:
        return [name for name in FIELDS if self.record.get(name) in (None, [], "")]

    def to_dict(self) -> dict:
        return {
            "article": self.number,
            **self.record,
            "confidence": dict(self.confidence),
            "why": dict(self.why),
            "damaged": list(self.damaged),
            "year_assumed": self.year_assumed,
        }


def article_digest(text: str) -> str:
    """The fingerprint of an article's cleaned text, as it is stored in the notes."""
    normal = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Splitting a text into articles

_SCRAPE_END = "]]>"
_RULE_LINE = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.M)
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def split_text(text: str) -> list[str]:
    """The articles of a text, raw (not cleaned), empty ones dropped.

    * With `]]>` anywhere (a scraped feed), each article ends with `]]>`.
    * Else with a line of `---` (three or more dashes), those lines separate articles.
    * Else blank lines separate articles only when some block between them has several lines:
      then the blocks are multi-paragraph articles. When every block is one line, the blank
      lines are paragraph breaks (as editors and web pages copy them) and the text is one
      article. When in doubt, separate articles with `---`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SCRAPE_END in text:
        parts = text.split(_SCRAPE_END)
    elif _RULE_LINE.search(text):
        parts = _RULE_LINE.split(text)
    else:
        blocks = [b for b in _BLANK_LINES.split(text) if b.strip()]
        if len(blocks) > 1 and any(len(b.strip().split("\n")) > 1 for b in blocks):
            parts = blocks
        else:
            parts = [text]
    return [p for p in parts if clean_scrape(p)]


def extract(
    text: str,
    *,
    source_name: str,
    today: date,
    year: int | None = None,
    registry=None,
) -> list[Draft]:
    """Draft one activity per article of `text`; see `extract_article`."""
    return [
        extract_article(part, number=n, source_name=source_name, today=today, year=year, registry=registry)
        for n, part in enumerate(split_text(text), start=1)
    ]


def extract_article(
    raw: str,
    *,
    number: int = 1,
    source_name: str = "stdin",
    today: date,
    year: int | None = None,
    registry=None,
) -> Draft:
    """Clean one article and read an activity from it.

    `year` is the year for dates written without one (else a year the text names with a month,
    else the latest year that does not put the date after `today`). `registry` (a
    `logbook.registry.Registry`) is tried first for community names and gives their street.
    """
    # A lone surrogate (from text decoded with errors="surrogateescape") is a lost character.
    text = clean_scrape(re.sub("[\ud800-\udfff]", "\ufffd", raw))
    draft = Draft(number=number, text=text, source=f"import-text:{source_name}#{number}")
    draft.damaged = [text[a:b] for a, b in damaged_spans(text)]
    art = _Article(text)

    title, conf_title, why = _title(art)
    _put(draft, "title", title, conf_title, why, always=True)
    found = _date(art, today, year)
    _put(draft, "date", *found[:3])
    draft.year_assumed = found[3]
    communities, street, location, place_why = _places(art, registry)
    _put(draft, "communities", communities, 0.85 if communities else 0, place_why["communities"])
    _put(draft, "street", *street)
    _put(draft, "location", location, 0.8 if location else 0, place_why["location"])
    count, conf, why = _participants(art)
    _put(draft, "participants", count[0] if count else None, conf, why)
    draft.record["participants_approx"] = bool(count and count[1] and "participants" in draft.confidence)
    _put(draft, "category", *_category(art, title, conf_title))
    speakers, why = _speakers(art)
    _put(draft, "speakers", speakers, 0.75 if speakers else 0, why)
    partners, why = _partners(art, registry)
    _put(draft, "partners", partners, 0.75 if partners else 0, why)

    notes = text
    if len(notes) > TEXT_MAX:
        notes = notes[:TEXT_MAX]
        draft.why["notes"] = f"the article is longer than {TEXT_MAX} characters; the notes keep the start"
    draft.record["notes"] = notes
    draft.record["source"] = draft.source
    return draft


def _put(draft: Draft, name: str, value, conf: float, why: str, *, always: bool = False) -> None:
    empty = value in (None, [], "")
    if not empty and (conf >= MIN_CONFIDENCE or always):
        draft.record[name] = value
        draft.confidence[name] = round(conf, 2)
    else:
        draft.record[name] = [] if isinstance(value, list) else None
    if why:
        draft.why[name] = why


# ---------------------------------------------------------------------------------------------
# The article as the readers see it


_SENTENCE_END = "。！？!；;\n"
_CLAUSE_END = _SENTENCE_END + ",，、:："
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")
_CLAUSE_END_RE = re.compile(f"[{_CLAUSE_END}]")


class _Article:
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
        self.masked = masked
        # Names in parentheses say where people came from, not where the activity was.
        self.outside_parens = re.sub(r"\([^()\n]{0,60}\)", lambda m: " " * len(m.group()), masked)
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

    def first_sentence(self) -> tuple[int, int]:
        return (self._starts[0], self._ends[0]) if self._starts else (0, 0)

    def is_damaged(self, a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in self.damage)

    def _positions(self, word: str) -> array:
        """Where `word` starts in `masked`, every occurrence, in order (found once)."""
        found = self._where.get(word)
        if found is None:
            found = self._where[word] = array("q")
            i = self.masked.find(word)
            while i >= 0:
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
_LATER = ("将于", "将在", "下次", "下一次", "下期", "计划于", "拟于", "预计", "届时")
_OCCASION = ("之际", "前夕", "来临", "到来")


_THIS_TIME = ("本次", "此次", "这次", "这一次", "本期", "今年", "今天", "当天")
_OCCASION_AHEAD = re.compile(r"[^,，]{0,6}?(?:" + "|".join(_OCCASION) + ")")
# How much of the text after a span decides whether it belongs to a later event or an
# occasion: a word of _LATER within its first 6 characters, or one of _OCCASION (2
# characters) after at most 6.
_AHEAD = 8


def _other_event(art: _Article, start: int, end: int) -> str | None:
    """'earlier', 'later' or 'occasion' when the span sits where the text speaks of another
    event: after 此前/上次 in its sentence (unless 本次/此次 brings the text back), in a clause
    with 将于/下次, or before 之际 (a festival's date)."""
    s, _ = art.sentence_at(start)
    c0, c1 = art.clause_at(start)
    after = art.masked[end : min(c1, end + _AHEAD)]
    last_earlier = art.last_of(_EARLIER, s, start)
    if last_earlier >= 0 and not art.holds(_THIS_TIME, last_earlier, start):
        return "earlier"
    if art.holds(_LATER, c0, start) or any(w in after[:6] for w in _LATER):
        return "later"
    if _OCCASION_AHEAD.match(after):
        return "occasion"
    return None


# ---------------------------------------------------------------------------------------------
# Title

_QUOTES = re.compile(r"“([^“”\n]{2,40})”|「([^「」\n]{2,40})」|『([^『』\n]{2,40})』|《([^《》\n]{2,40})》")
_EVENT_VERB = r"举办|开展|组织|举行|召开|启动|开启|推出|主题为|迎来|开设|开讲"
_EVENT_NOUN = (
    "主题", "系列", "活动", "培训", "讲座", "课程", "沙龙", "大赛", "比赛", "竞赛", "项目",
    "宣传", "演练", "义诊", "仪式", "晚会", "展览", "展演", "嘉年华", "讲堂", "课堂", "专题",
    "议事", "协商会", "座谈会", "会议", "交流会", "分享会", "志愿服务", "党日", "游园", "市集",
)
_EVENT_HEAD = (
    r"活动|培训|讲座|会议|议事会|协商会|座谈会|交流会|分享会|大会|演练|义诊|课程|仪式|比赛|大赛|"
    r"宣传|沙龙|党课|党日|服务日|展览|演出|晚会"
)
# Greedy: the object runs to the last event word of the clause (宣传讲座, not 宣传).
_EVENT_OBJECT = re.compile(rf"(?:{_EVENT_VERB})了?(?P<obj>[^,，。；;！!？\n“”]{{0,40}}(?:{_EVENT_HEAD}))")
# Words that open an article without saying what happened: dates, times of day, 近日, 据悉.
_OPENERS = re.compile(
    r"^(?:[0-9]{4}年)?(?:[0-9]{1,2}月[0-9]{1,2}[日号])?(?:上午|下午|晚上|晚|当天|近日|日前|近期|据悉|同时)*"
)
# A clause that is nothing but a stage direction: 活动伊始, 活动中.
_FILLER_CLAUSE = re.compile(r"^(?:本次|此次|这次)?(?:活动|培训|会议)?(?:伊始|开始|中|期间|现场|当天|结束后|最后)?$")
_PURPOSE = re.compile(r"^(?:为了?|围绕|针对|在.{0,12}(?:之际|前夕|期间)|随着|根据|按照|结合|以)")


def _title(art: _Article) -> tuple[str | None, float, str]:
    text = art.plain
    fs, fe = art.first_sentence()
    # 1. A quoted name that the text presents as the event's: after a verb of holding it, or
    #    followed by a word saying what kind of event it is.
    for m in _QUOTES.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        c0, _ = art.clause_at(m.start())
        lead = art.masked[max(c0, m.start() - 14) : m.start()]
        follow = text[m.end() : m.end() + 5]
        if re.search(rf"(?:{_EVENT_VERB})了?$", lead) or follow.startswith(_EVENT_NOUN):
            why = "the quoted name of the event"
            if art.is_damaged(m.start(), m.end()):
                why += "; it holds characters lost in the scrape"
            return _trim_title(inner), 0.85, why
    # 2. What the first sentences say was held: 开展…培训, 召开…议事会.
    for s, e in art.sentences(2):
        best = None
        for m in _EVENT_OBJECT.finditer(art.masked, s, e):
            if not _other_event(art, m.start(), m.end()):
                best = m
        if best is not None:
            obj = art.plain[best.start("obj") : best.end("obj")]
            # The object of the last verb: `组织各社区社工开展X培训` is X培训.
            inner = re.split(_EVENT_VERB, obj)[-1]
            if len(inner) >= 3 and "?" not in art.masked[best.start("obj") : best.end("obj")]:
                return _trim_title(inner), 0.7, "what the first sentences say was held"
    # 3. The first clause that says something, openers such as dates and 本次 trimmed.
    for a, b in chain(_clauses(art, fs, fe), _clauses(art, fe, len(text))):
        clause = text[a:b].strip()
        clause = _OPENERS.sub("", clause).strip()
        if (
            len(clause) < 4
            or _PURPOSE.match(clause)
            or _FILLER_CLAUSE.match(clause)
            or _other_event(art, a, b)
        ):
            continue
        why = "the article's first clause; check it"
        if art.is_damaged(a, b):
            why += "; it holds characters lost in the scrape"
        return _trim_title(clause), 0.4, why
    first = _trim_title(_OPENERS.sub("", art.masked[fs:fe].strip()))
    if not any(ch.isalpha() for ch in first):
        return None, 0, "nothing readable to call it"
    return _trim_title(text[fs:fe].strip()), 0.3, "the article's first words; check it"


def _clauses(art: _Article, start: int, end: int) -> Iterator[tuple[int, int]]:
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


# ---------------------------------------------------------------------------------------------
# Date

_CN_DATE = re.compile(
    r"(?<![0-9])(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年)?"
    r"(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
)
_YEAR_MONTH = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})年(?=[0-9]{1,2}月|[一二三四五六七八九十]{1,2}月)")
_VAGUE = ("近日", "日前", "近期", "前不久", "连日来")


def _date(art: _Article, today: date, year: int | None):
    """(date ISO or None, confidence, why, year_assumed)."""
    text = art.masked
    candidates: list[tuple[int, int | None, int, int]] = []  # position, year, month, day
    skipped = []
    for m in _CN_DATE.finditer(text):
        other = _other_event(art, m.start(), m.end())
        if other:
            skipped.append((m.group(), other))
            continue
        try:
            y = parse_cn_int(m["y"]) if m["y"] else None
            month, day = parse_cn_int(m["m"]), parse_cn_int(m["d"])
            date(y or 2000, month, day)  # a real day (2000 is a leap year)
        except ValueError:
            continue
        candidates.append((m.start(), y, month, day))
    if not candidates:
        if skipped:
            what = ", ".join(f"{g} ({o} event)" for g, o in skipped)
            return None, 0, f"the only dates belong to another event: {what}", False
        vague = next((w for w in _VAGUE if w in text), None)
        if vague:
            return None, 0, f"the article says only {vague}; give the date with --date", False
        return None, 0, "no date in the text; give it with --date", False
    distinct = {(y, mo, d) for _, y, mo, d in candidates}
    chosen = candidates[0]
    if len({(mo, d) for _, _, mo, d in candidates}) > 1:
        fs, fe = art.first_sentence()
        if not fs <= chosen[0] < fe:
            listed = "、".join(sorted({f"{mo}月{d}日" for _, _, mo, d in candidates}))
            return None, 0, f"several dates ({listed}) and none leads the article", False
        conf = 0.7
        why = "the first of several dates, in the first sentence"
    else:
        conf = 0.9
        why = "the date in the text"
    _, y, month, day = chosen
    assumed = False
    if y is not None:
        pass
    elif year is not None:
        y = year
        why += f"; year {year} from --year"
    else:
        named = {int(m["y"]) for m in _YEAR_MONTH.finditer(text) if not _other_event(art, m.start(), m.end())}
        if len(named) == 1:
            y = named.pop()
            why += f"; year {y} named in the text"
            conf -= 0.05
        else:
            y = today.year if (month, day) <= (today.month, today.day) else today.year - 1
            assumed = True
            conf -= 0.15
            why += f"; year {y} assumed (the latest that is not after today); --year to set it"
    try:
        found = date(y, month, day)
    except ValueError:
        return None, 0, f"{month}月{day}日 does not exist in {y}", False
    if not in_range(found):
        return None, 0, f"{found.isoformat()} is outside the supported range {SUPPORTED_RANGE}", False
    if len(distinct) > 1 and not why.startswith("the first"):
        conf = min(conf, 0.8)
    return found.isoformat(), conf, why, assumed


# ---------------------------------------------------------------------------------------------
# Communities, street, location

# Characters and words that end a name on its left: function words that never start a
# community's name, and verbs that introduce one (覆盖了, 联合, 走进 …).
_STOP_CHARS = set("了在于到的是由为从向把让给被等对并至赴往及与其此这那每各该本")
_LEAD_WORDS = sorted(
    """助力 推动 服务 走进 深入 来到 覆盖 联合 携手 组织 举办 开展 邀请 特邀 位于 地处 作为 前往
    对接 结对 帮扶 针对 围绕 参与 参加 牵头 协同 会同 动员 发动 号召 带领 引导 指导 督导 支持
    依托 整合 链接 走访 看望 慰问 所在 来自 辖区 全体 所属 全 属 和 与 及 或""".split(),
    key=len,
    reverse=True,
)
_GENERIC = set(
    """众多 多个 其他 其它 周边 相关 兄弟 共建 和谐 基层 城市 农村 老旧 智慧 美丽 文明 示范 整个 广大
    各个 涉及 我们 自己 附近 试点 幸福 熟人 友好 韧性 完整 宜居 活力 温馨 和睦 数字 绿色 平安 书香
    社区 街道 地区 全国 全市 全区 本市 本区 部分 多数 少数 周围 偏远 贫困 山区 边远 对口 帮扶 新型
    服务 工作 治理 建设 发展 管理 所有 不同 两个 三个 几个 每个 多家 先进 优秀 特色 无障碍""".split()
)
# The last character of a community or area name: what Beijing place names end with.
_PLACE_FINAL = set(
    "里园居庄村营门桥街路寺堂楼口坊苑巷同城府院湖山河台店屯宫坡厂甸关井坛港湾海岛林场亭阁馆铺窑"
    "墙洼垡沟峪岭坨淀泉池塔滩源景邸第舍廊轩汇郡墅岸谷溪寓寨集堡坝埠堤塘殿祠庙观宅房户东西南北中"
)
_NUMERAL_TAIL = re.compile(r"[一二三四五六七八九十]+$|[0-9]+$")
_SUFFIXES = ("社区", "街道", "地区")


def _places(art: _Article, registry):
    text = art.outside_parens
    taken = [False] * len(text)
    communities: list[str] = []
    known_names: set[str] = set()  # the names in `communities`
    registered_streets: list[str] = []
    why = {"communities": "", "location": ""}

    # 1. The registry: registered names and aliases, longest first.
    if registry is not None:
        spellings = []
        for c in registry.communities:
            for spelled in (c.name, *c.aliases):
                s = to_simplified(spelled.strip())
                if len(s) >= 2:
                    spellings.append((s, c))
        spellings.sort(key=lambda sc: len(sc[0]), reverse=True)
        for s, c in spellings:
            for m in re.finditer(re.escape(s), text):
                if any(taken[m.start() : m.end()]):
                    continue
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                if c.name not in known_names:
                    known_names.add(c.name)
                    communities.append(c.name)
                    if c.street:
                        registered_streets.append(c.street)

    # 2. Names written …社区 / …街道 / …地区.
    found_streets: list[str] = []
    for m in re.finditer("|".join(_SUFFIXES), text):
        if any(taken[m.start() : m.end()]):
            continue
        name = _name_before(text, m.start(), taken)
        if name is None:
            continue
        suffix = m.group()
        if suffix == "社区":
            if not _looks_like_place(name):
                continue
            full = name + suffix
            known = registry.find(full) if registry is not None else None
            full = known.name if known is not None else full
            if full not in known_names:
                known_names.add(full)
                communities.append(full)
                if known is not None and known.street:
                    registered_streets.append(known.street)
        elif suffix == "地区":
            if _looks_like_place(name):
                found_streets.append(name + suffix)
        elif len(name) <= 4:
            found_streets.append(name + suffix)

    # 3. 温馨家园: a street's centre for people with disabilities, a venue rather than a
    #    community; it gives the location and, through its name, the street.
    location = None
    homes = sorted({m.group() for m in re.finditer(rf"[{_HAN}]{{2,12}}?温馨家园", text)}, key=len)
    homes = [h for h in homes if _clean_home(h)]
    if len(homes) == 1:
        location = _clean_home(homes[0])
        why["location"] = "the 温馨家园 named in the text"

    street: tuple = (None, 0, "")
    if registry is not None and communities:
        known_street = registry.street_of(communities)
        if known_street:
            street = (known_street, 0.9, "the registry's street of the communities")
    if street[0] is None:
        distinct = list(dict.fromkeys(found_streets))
        if registry is not None:
            distinct = [registry.resolve_street(s) or s for s in distinct]
            distinct = list(dict.fromkeys(distinct))
        streets_of_known = list(dict.fromkeys(registered_streets))
        if len(distinct) == 1 and (not streets_of_known or streets_of_known == distinct):
            street = (distinct[0], 0.75, "the street named in the text")
        elif len(distinct) > 1:
            street = (None, 0, f"several streets named ({'、'.join(distinct)})")
        elif len(streets_of_known) == 1:
            street = (streets_of_known[0], 0.7, "the registry's street of the known communities")
        elif len(streets_of_known) > 1:
            street = (None, 0, "the communities lie in different streets")
        else:
            street = (None, 0, "no street named")
    if not communities:
        why["communities"] = "no community named"
    if art.damage:
        lost = "; part of the text was lost in the scrape and may have named one"
        if not communities:
            why["communities"] += lost
        if street[0] is None:
            street = (None, 0, street[2] + lost)
    return communities, street, location, why


def _name_before(text: str, end: int, taken: list[bool]) -> str | None:
    """The name that ends at `end` (before a suffix), or None when its start cannot be told."""
    start = end
    while start > 0 and re.match(f"[{_HAN}]", text[start - 1]) and not taken[start - 1]:
        if text[start - 1] in _STOP_CHARS:
            break
        if text[max(0, start - 2) : start] in _SUFFIXES:  # `A社区和B社区`: B starts after A
            break
        start -= 1
        if end - start > 12:
            return None
    name = text[start:end]
    stripped = True
    while stripped and name:
        stripped = False
        for word in _LEAD_WORDS:
            if name.startswith(word) and len(name) > len(word):
                rest = name[len(word) :]
                # 和 and 与 also begin names (和平街); drop them only between two names.
                if word in ("和", "与", "及", "或") and text[max(0, start - 2) : start] not in _SUFFIXES:
                    continue
                name, start, stripped = rest, start + len(word), True
                break
    # 朝阳区和平街街道: the district in front is not part of the street's name.
    district = re.match(rf"^(?:北京市)?[{_HAN}]{{2,3}}区(?=[{_HAN}]{{2}})", name)
    if district:
        name = name[district.end() :]
    if len(name) < 2 or len(name) > 6 or name in _GENERIC:
        return None
    if any(g in name for g in ("活动", "工作", "服务", "建设", "治理", "党委", "居委")):
        return None
    return name


def _looks_like_place(name: str) -> bool:
    core = _NUMERAL_TAIL.sub("", name)
    if len(core) < 2 or core in _GENERIC:
        return False
    if core[-1] in "乡镇市县省" or (core[-1] == "区" and core == name):
        return False  # 太阳宫乡社区建设: the communities of a township, not one of them
    return core[-1] in _PLACE_FINAL


def _clean_home(name: str) -> str | None:
    # The name runs back to a street (…街道温馨家园) or a place; cut a leading verb or word.
    m = re.search(rf"([{_HAN}]{{2,6}}(?:街道|地区))?温馨家园$", name)
    if m and m.group(1):
        inner = _name_before(name, m.start(1) + len(m.group(1)) - 2, [False] * len(name))
        return f"{inner}{m.group(1)[-2:]}温馨家园" if inner else None
    return None


# ---------------------------------------------------------------------------------------------
# Participants

_ATTEND_VERB = r"参加|参与|出席|到场|前来|聆听|观看|到会|参会"
_FILLER = r"(?:也|都|均|积极|踊跃|纷纷|共同|一起|一同|现场|认真|了|热情)*"
_DIGITS = "0-9"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
# A number as the counts below read it, only from where its run of digits starts. A search
# restarts at every character; one that read a number from inside a run would read the run to
# its end from each of them, and a page of digits (100 KB) took minutes. Nothing is lost: what
# follows a number is never a digit, so a count that could start inside a run starts at the
# run's beginning too (except where a search resumes inside a run: see _count_matches).
_NUM_FROM_START = rf"(?<![{_DIGITS}])[{_DIGITS}]+|(?<![{_CN_DIGITS}])[{_CN_DIGITS}]+"
_COUNT_AT_TAIL = (
    rf"(?P<more>余|多|来)?"
    rf"(?P<unit>人次|人|名|位)(?P<noun>[{_HAN}]{{0,6}}?){_FILLER}(?P<verb>{_ATTEND_VERB})"
    rf"(?P<rest>[^,，。；;\n]{{0,8}})"
)
_COUNT_PRE = r"(?P<pre>共计|共有|合计|总计|共|约有|大约|约|近|逾|超过)?"
_COUNT_AT = re.compile(rf"{_COUNT_PRE}(?P<num>{_NUM_FROM_START}){_COUNT_AT_TAIL}")
_COUNT_AT_HERE = re.compile(rf"{_COUNT_PRE}(?P<num>{_NUM}){_COUNT_AT_TAIL}")
_COUNT_SERVED = re.compile(
    rf"服务(?P<noun>[{_HAN}、]{{0,10}}?)(?P<pre>共计|共|约|近)?(?P<num>{_NUM})(?P<more>余|多)?(?P<unit>人次|人)"
)
_COUNT_TALLY = re.compile(
    rf"(?:参加|参与|参会|出席|到场)人(?:数|员)(?:达到|达|为|共|约|近|超过)*(?P<num>{_NUM})(?P<more>余|多)?(?P<unit>人次|人|名)?"
)
_ANY_COUNT = re.compile(rf"(?P<num>{_NUM_FROM_START})(?:余|多|来)?(?:人次|名|位|人)")


def _count_matches(text: str) -> Iterator[re.Match]:
    """The matches `finditer` of _COUNT_AT without its look-behind would give, in one pass.

    A match of _COUNT_AT ends after up to 8 characters of `rest`, which may stop inside a run
    of digits; a search resuming there reads a number from that point (`12345678` ending one
    match, `90人参加` is the next). Only there is a number read from inside its run."""
    pos = 0
    while pos <= len(text):
        m = None
        if 0 < pos < len(text) and _same_run(text[pos - 1], text[pos]):
            m = _COUNT_AT_HERE.match(text, pos)
        if m is None:
            m = _COUNT_AT.search(text, pos)
            if m is None:
                return
        yield m
        pos = m.end()


def _same_run(a: str, b: str) -> bool:
    return ("0" <= a <= "9" and "0" <= b <= "9") or (a in _CN_DIGITS and b in _CN_DIGITS)


_TOTAL_PREFIXES = ("共计", "共有", "合计", "总计", "共")
_APPROX_PREFIXES = ("约有", "大约", "约", "近", "逾", "超过")
# Who serves or helps: counted as helpers, not as attendance.
_HELPER_HEADS = (
    "志愿者", "学员", "队员", "工作人员", "医护人员", "医务人员", "医生", "律师", "消防员", "民警",
    "讲师", "老师", "专家", "社工", "指战员", "服务队",
)
_ATTENDEE_HEADS = (
    "居民", "群众", "党员", "老人", "老年人", "儿童", "青少年", "学生", "小朋友", "家长", "家庭",
    "代表", "工作者", "骨干", "职工", "干部", "楼门长", "残疾人", "妇女", "朋友", "群体", "快递员",
    "外卖员", "观众", "村民", "租户", "业主", "长者",
)
_LEARNING = ("培训", "学习", "讲座", "课程", "授课", "会议", "党课", "研讨")


def _participants(art: _Article):
    """((count, approximate) or None, confidence, why)."""
    text = art.masked
    found: list[tuple[int, bool, bool, str]] = []  # count, approx, is_total, evidence
    judged: dict[int, str] = {}  # position of a number -> why it is not attendance ("" if it is)
    for m in _count_matches(text):
        noun = m["noun"]
        at = m.start("num")
        if _other_event(art, m.start(), m.end()):
            judged[at] = "another event"
        elif noun.endswith(_HELPER_HEADS) and not (
            m["verb"] == "参加" and any(w in m["rest"] for w in _LEARNING)
        ):
            judged[at] = "helpers"
        elif noun and not noun.endswith(_HELPER_HEADS + _ATTENDEE_HEADS):
            judged[at] = "not people attending"
        else:
            judged[at] = ""
            _add_count(found, m, m["pre"])
    for pattern, prefix in ((_COUNT_SERVED, None), (_COUNT_TALLY, "共")):
        for m in pattern.finditer(text):
            if not _other_event(art, m.start(), m.end()):
                judged[m.start("num")] = ""
                _add_count(found, m, prefix or m["pre"])
    if not found:
        why = "no number tied to attendance"
        # Say which head counts were seen and set aside, so the reader can check.
        seen = []
        for m in _ANY_COUNT.finditer(text):
            reason = judged.get(m.start("num"), "no 参加/参与/出席 next to it")
            if reason and len(seen) < 4:
                phrase = re.split(r"[(（]", text[m.start() : min(m.end() + 4, art.clause_at(m.start())[1])])[0]
                seen.append(f"{phrase} ({reason})")
        if seen:
            why += "; not counted: " + ", ".join(seen)
        return None, 0, why
    values = {(n, approx) for n, approx, _, _ in found}
    if len(values) == 1:
        n, approx, total, evidence = found[0]
        return (n, approx), 0.9 if total else 0.8, f"from “{evidence}”"
    totals = {(n, approx) for n, approx, total, _ in found if total}
    if len(totals) == 1:
        n, approx = totals.pop()
        evidence = next(e for c, a, t, e in found if t and (c, a) == (n, approx))
        return (n, approx), 0.7, f"the total of several head counts, from “{evidence}”"
    listed = "、".join(e for *_, e in found)
    return None, 0, f"several head counts disagree ({listed})"


def _add_count(found: list, m: re.Match, prefix: str | None) -> None:
    number = m["num"]
    if number in ("百", "千"):  # 百余人: "over a hundred"
        number = "一" + number
    try:
        n = parse_cn_int(number)
    except ValueError:
        return
    approx = bool(m["more"]) or prefix in _APPROX_PREFIXES
    found.append((n, approx, prefix in _TOTAL_PREFIXES, m.group()))


# ---------------------------------------------------------------------------------------------
# Category

# Keywords per built-in category. Topic categories (safety, health, party) come before format
# ones (training, meeting) on a tie: a fire-safety lecture is logged as 安全.
_CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("安全", ("消防", "安全", "防诈", "反诈", "诈骗", "演练", "应急", "防汛", "燃气", "逃生")),
    ("义诊", ("义诊", "体检", "健康咨询", "量血压", "测量血压", "问诊", "把脉")),
    ("党建", ("党建", "党日", "党课", "党组织", "入党", "党员大会")),
    ("培训", ("培训", "讲座", "课程", "授课", "讲堂", "督导", "研修", "学习班", "工作坊")),
    ("会议", ("议事", "协商", "会议", "座谈", "恳谈", "听证", "代表大会", "居民大会")),
    ("志愿服务", ("志愿服务", "志愿活动", "学雷锋", "捐赠", "募捐", "义卖")),
    ("便民服务", ("便民", "理发", "磨刀", "维修", "法律咨询", "义剪", "修补")),
    ("文化", ("文化活动", "非遗", "文艺", "演出", "书法", "绘画", "剪纸", "手工", "读书", "合唱", "舞蹈",
              "传统文化", "点翠", "摄影", "游园", "联欢", "健身", "运动", "体育")),
)


_KEYWORDS = sorted(((w, name) for name, ws in _CATEGORY_WORDS for w in ws), key=lambda wn: -len(wn[0]))


def _keyword_hits(text: str) -> list[tuple[int, str, str]]:
    """(position, category, keyword) for every keyword, longest first and without overlaps, so
    that 议事协商 counts once and 消防安全 is one hit of 安全."""
    taken = [False] * len(text)
    hits = []
    for word, name in _KEYWORDS:
        # Each occurrence, left to right, not overlapping the one before (as finditer finds them).
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not any(taken[at:end]):
                taken[at:end] = [True] * len(word)
                hits.append((at, name, word))
            at = text.find(word, end)
    return sorted(hits)


_THIS_EVENT = re.compile(rf"(?:本次|此次|这次|该次)(?P<what>[{_HAN}]{{1,8}})")
_ORDER = [name for name, _ in _CATEGORY_WORDS]


def _category(art: _Article, title: str, title_conf: float):
    """The category by keywords: those of a title read with confidence (the first category in
    the order of _CATEGORY_WORDS when it names several), else those right after
    本次/此次 (the text naming its own event), else the keywords of the whole text when one
    category clearly leads (first-sentence hits count double)."""
    if title_conf >= MIN_CONFIDENCE:
        named = {name: word for _, name, word in _keyword_hits(title)}
        if named:
            # Topic before format: 消防安全知识讲座 is 安全, 议事协商能力培训 is 培训.
            name = min(named, key=_ORDER.index)
            return name, 0.85 if len(named) == 1 else 0.75, f"the title says {named[name]}"
    own: dict[str, str] = {}
    for m in _THIS_EVENT.finditer(art.masked):
        for _, name, word in _keyword_hits(m["what"])[:1]:
            own.setdefault(name, f"{m.group()[:2]}{m['what'][: m['what'].find(word) + len(word)]}")
    if len(own) == 1:
        (name, phrase), = own.items()
        return name, 0.8, f"the text calls it {phrase}"
    fs, fe = art.first_sentence()
    scores: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for pos, name, word in _keyword_hits(art.masked):
        scores[name] = scores.get(name, 0) + (2.0 if fs <= pos < fe else 1.0)
        words.setdefault(name, []).append(word)
    if not scores:
        return None, 0, "no keyword of a category"
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _ORDER.index(kv[0])))
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if score < 2 or (runner and score < 1.5 * runner):
        close = "、".join(name for name, _ in ranked[:3])
        return None, 0, f"no clear category (keywords of {close})"
    conf = 0.8 if runner == 0 or score >= 2.5 * runner else 0.65
    return best, conf, "keywords: " + "、".join(dict.fromkeys(words[best]))


# ---------------------------------------------------------------------------------------------
# Speakers

_TITLES = (
    "副主任医师", "主任医师", "副教授", "教授", "讲师", "老师", "律师", "医生", "医师", "民警", "警官",
    "专家", "博士", "教练", "研究员", "传承人",
)
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳甘祝舒阮柯纪梅童凌毕"
    "裴霍涂苗谷翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑晏卫柏瞿桂佟臧闵邬卞姬栾隋刁"
    "寇桑郎甄仲虞敖巩佘麻迟邝匡鞠荆冀郁胥栗燕鄢谌奚粟冼蔺厉仝郜阚禹漆卿狄晁芮阙鹿邸雍辜裘亓邰赫"
)
_NOT_NAMES = set(
    """专业 全体 各位 多位 两位 几位 志愿 社区 家庭 全科 中医 西医 主治 执业 特聘 资深 退休 优秀 骨干
    金牌 高级 首席 知名 青年 年轻 义务 驻站 骨科 心内 儿科 妇科 眼科 口腔 康复 营养 心理 法律 普法
    消防 安全 专职 兼职 带教 指导 授课 主讲 张贴 李子 马上 黄色 白色 石头 江湖 高度 方面 方法""".split()
)
_AFTER_NAME = set("为在对向给从以就和与及担作主讲带进开围结详介说指讲分深先首还也等的了是将")


_TITLE_RE = re.compile("|".join(_TITLES))  # longest first: 副教授 before 教授


def _speakers(art: _Article):
    text = art.masked
    names = _Names()
    for m in _TITLE_RE.finditer(text):
        # Name then title: 王佳宁老师, 张亚婷讲师; else title then name: 副教授毕宇珠担任主讲.
        before = next(
            (text[m.start() - n : m.start()] for n in (3, 2) if m.start() >= n and _is_name(text[m.start() - n : m.start()])),
            None,
        )
        name = before or _name_after(text, m.end())
        if name:
            names.add(name)
    if not names.found:
        return [], "no lecturer named (老师/讲师/教授/律师/医生 with a full name)"
    return names.found, "names next to 老师/讲师/教授/律师/医生"


def _name_after(text: str, pos: int) -> str | None:
    """A name of three or two characters right after a title, ending where a verb or a
    function word begins (毕宇珠担任, 赵磊为)."""
    after = text[pos : pos + 4]
    for n in (3, 2):
        name, rest = after[:n], after[n : n + 1]
        ends = not rest or rest in _AFTER_NAME or not re.match(f"[{_HAN}]", rest)
        if len(name) == n and _is_name(name) and name[-1] not in _AFTER_NAME and ends:
            return name
    return None


def _is_name(s: str) -> bool:
    return (
        len(s) in (2, 3)
        and all(re.match(f"[{_HAN}]", ch) for ch in s)
        and s[0] in _SURNAMES
        and s not in _NOT_NAMES
        and s[:2] not in _NOT_NAMES
        and not any(ch in "的了和为在等们位名个是与及" for ch in s[1:])
    )


class _Names:
    """Names of people in the order found, one for each person: 王佳宁 and a later 王佳 (a
    two-character read of the same place) are one, kept as the longer. Names are of two or three
    characters (see _is_name), so a name and a longer one that begins with it share their first
    two: those are looked up, never compared with every name found."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self._index: dict[str, int] = {}  # each name found -> its place in `found`
        self._starts: set[str] = set()  # the first two characters of each name found

    def add(self, name: str) -> None:
        if name in self._index:
            return
        head = name[:2]
        if len(name) > 2 and head in self._index:  # 王佳 found before 王佳宁
            i = self._index.pop(head)
            self.found[i] = name
            self._index[name] = i
            return
        if len(name) == 2 and name in self._starts:  # 王佳宁 found before 王佳
            return
        self._index[name] = len(self.found)
        self._starts.add(head)
        self.found.append(name)


# ---------------------------------------------------------------------------------------------
# Partners

_ORG_SUFFIXES = tuple(
    sorted(
        """消防救援站 消防救援支队 消防救援大队 律师事务所 社会工作事务所 社工事务所 事务所 社区卫生服务中心
        社区卫生服务站 卫生服务中心 卫生服务站 医院 派出所 中心 服务站 基金会 协会 商会 学会 研究会 公司
        集团 银行 支行 分行 大学 学院 学校 中学 小学 幼儿园 图书馆 博物馆 文化馆 法院 检察院 司法所
        俱乐部 合作社 艺术团 服务社 研究院 研究所""".split(),
        key=len,
        reverse=True,
    )
)
_STAFF = (
    "医生", "医护人员", "医务人员", "医疗团队", "医护团队", "专家", "律师", "民警", "消防员", "消防指战员",
    "指战员", "工作人员", "志愿者", "宣传员", "团队", "老师", "讲师", "干警", "警官",
)
_CO_VERB = re.compile(r"联合|携手|会同|协同|联手")
_INVITE_VERB = re.compile(r"特别邀请|邀请了|邀请|特邀|邀约")
_WITH_VERB = re.compile(r"(?<![参给])(?:与|同)")
_ORG_GENERIC_START = ("各", "多家", "相关", "辖区", "周边", "本", "该", "有关", "专业", "社区", "街道")


def _partners(art: _Article, registry):
    text = art.outside_parens
    lists = _OrgLists(text)
    found: dict[str, None] = {}  # the names, first found first
    for m in _CO_VERB.finditer(text):
        lists.take_all(m.end(), found)
    for m in _WITH_VERB.finditer(text):
        last = lists.last(m.end())
        if last:
            tail = text[last[1] : last[1] + 8]
            if re.match(r"(?:共同|联合|一起|一同|携手)(?:开展|举办|组织|主办|举行|承办)", tail):
                lists.take_all(m.end(), found)
    for m in _INVITE_VERB.finditer(text):
        last = lists.last(m.end())
        if last:
            tail = text[last[1] : last[1] + 8].lstrip("的")
            if tail.startswith(_STAFF) or re.match(r"(?:到|来到|走进|进|为|在|开展|参与|现场|共同)", tail):
                lists.take_all(m.end(), found)
    for m in re.finditer(r"协办|承办|大力支持", text):
        # `X协办`: the organisation named right before, back to a function word or punctuation.
        start = m.start()
        while start > 0 and re.match(f"[{_HAN}]", text[start - 1]) and text[start - 1] not in "由和与及、":
            start -= 1
            if m.start() - start > 24:
                break
        last = lists.last(start)
        if last and last[1] == m.start():
            found.setdefault(last[0])
    names = list(found)
    if registry is not None:
        names = [f for f in names if registry.find(f) is None]
    if not names:
        return [], "no co-organising organisation named"
    return names, "organisations named as co-organisers or invited"


_ORG_RUN = re.compile(rf"[{_HAN}0-9]{{2,24}}")
_ORG_JOINER = re.compile(r"(?:以及|和|与|及|、)")


class _OrgLists:
    """Lists of organisation names joined by 和/与/及/、 (`A站和B医院`), as the verbs before them
    point into them, each name read once.

    A list is read name by name from where it starts. Where the list a verb points to reaches a
    place another list already went through, the rest is the same, so it is not read again: in
    a text that joins names without end, every verb would otherwise read on to the end of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._names: dict[int, tuple[str, int, int | None] | None] = {}
        self._last: dict[int, tuple[str, int] | None] = {}
        self._taken: set[int] = set()  # where the names from there on are all in `found`

    def _name_at(self, pos: int) -> tuple[str, int, int | None] | None:
        """The name starting at `pos`, its end, and where the next name of its list starts
        (None: the list ends with it); None when no name starts at `pos`."""
        if pos in self._names:
            return self._names[pos]
        text, name = self.text, None
        m = _ORG_RUN.match(text, pos)
        if m:
            run = m.group()
            end = next((i for i in range(2, len(run) + 1) if run[:i].endswith(_ORG_SUFFIXES)), None)
            if end is not None:
                # A longer name can hold a shorter one (北京大学附属医院 holds 大学): extend a little.
                for j in range(end + 1, min(len(run), end + 6) + 1):
                    if run[:j].endswith(_ORG_SUFFIXES) and not re.search("[和与及]", run[end:j]):
                        end = j
                org = run[:end]
                if len(org) >= 4 and not org.startswith(_ORG_GENERIC_START):
                    joiner = _ORG_JOINER.match(text, pos + end)
                    name = (org, pos + end, joiner.end() if joiner else None)
        self._names[pos] = name
        return name

    def last(self, pos: int) -> tuple[str, int] | None:
        """The last name of the list starting at `pos`, with its end; None if no list does."""
        path: list[tuple[int, tuple[str, int, int | None]]] = []
        tail: tuple[str, int] | None = None
        p: int | None = pos
        while p is not None:
            if p in self._last:
                tail = self._last[p]
                break
            name = self._name_at(p)
            if name is None:
                self._last[p] = None
                break
            path.append((p, name))
            p = name[2]
        for q, (org, end, _) in reversed(path):
            tail = self._last[q] = tail or (org, end)
        return tail

    def take_all(self, pos: int, found: dict[str, None]) -> None:
        """Put every name of the list starting at `pos` into `found`, in order."""
        walked = []
        p: int | None = pos
        while p is not None and p not in self._taken:
            walked.append(p)
            name = self._name_at(p)
            if name is None:
                break
            found.setdefault(name[0])
            p = name[2]
        self._taken.update(walked)
