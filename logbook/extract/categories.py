"""The category: what the title, the first sentences or the whole text name, by the words of
category_words.py; the title's first."""

from __future__ import annotations

import re

from ..i18n import N_, Reason
from .articles import HAN, Article, other_event
from .category_words import CATEGORY_WORDS, CIVILITY_DRIVE, NOT_KEYWORDS, THEME_WORDS, VOLUNTEER_DAY, WEAK
from .draft import MIN_CONFIDENCE
from .event_words import EVENT_HEAD

_KEYWORDS = sorted(
    [*((w, name) for name, ws in CATEGORY_WORDS for w in ws), *((w, None) for w in NOT_KEYWORDS)],
    key=lambda wn: -len(wn[0]),
)


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
                if name is not None:
                    hits.append((at, name, word))
            at = text.find(word, end)
    return sorted(hits)


_THIS_EVENT = re.compile(rf"(?:本次|此次|这次|该次)(?:“[^”\n]{{1,40}}”)?(?P<what>[{HAN}]{{1,8}})")
_ORDER = [name for name, _ in CATEGORY_WORDS]
# What the first sentences say was held: the object of 开展/举办…, up to its last event word,
# with any quoted theme left out (a theme names a topic: `开展“协商议事”专题培训会` is 培训).
_VERBS = r"举办|开展|组织|举行|召开|开设|带来"
# Or the subject of a passive: 一场以…为主题的法律科普讲座在这里成功举办.
# (a quoted theme may hold commas: 举办了一场以“美丽视界,用心呵护”为主题的爱眼日活动)
# Each character is read one way only (a quote opens a quoted part when it is closed within
# 30 characters, else it is a character like any): two ways would make a run of quotes
# exponential to search.
_PART = r"(?:“[^”\n]{0,30}”|“(?![^”\n]{0,30}”)|[^,，。；;！!？\n“])"
_HELD = re.compile(
    rf"(?:{_VERBS})了?(?P<obj>{_PART}{{0,60}}(?:{EVENT_HEAD}))"
    rf"|一场(?P<subj>{_PART}{{0,60}}?(?:{EVENT_HEAD}))(?:在[^,，。；;！!？\n]{{0,20}}?)?(?:成功|顺利)?(?:{_VERBS})"
)
# (组织 of 组织生活会, a party branch's meeting, is no verb)
_LAST_VERB = re.compile(r"举办|开展|组织(?!生活)|举行|召开|开设|带来")
_QUOTED = re.compile(r"“[^”\n]*”|《[^》\n]*》|「[^」\n]*」")
_FORMATS = {"会议", WEAK}  # categories a title may name for the form an event took, not its topic
_FORMS = {"培训", "会议", WEAK}  # the forms an event takes, whatever its topic


def _topic_before_form(named: dict[str, str], hits: list[tuple[int, str, str]]) -> None:
    """剪纸课堂, 书法公益课堂: a class named by its form beside its topic is of the topic; `named`
    loses 培训 when only words of a class's form (not 培训 itself) named it, and 党建 when only a
    party day did (义务植树主题党日活动: a party day spent planting trees is a planting)."""
    for name, forms in (("培训", _CLASS_FORMS), ("党建", _PARTY_DAY)):
        if len(named) > 1 and name in named and all(word in forms for _, n, word in hits if n == name):
            del named[name]


def _spent_on(hits: list[tuple[int, str, str]]) -> bool:
    """Whether a party day is named beside volunteers' work (义务植树主题党日): a day spent on
    the work, which is then what was done, not who did it."""
    return any(name == "党建" and word in _PARTY_DAY for _, name, word in hits)


def _main_part(said: str) -> str:
    """What an event joined to another with 暨 is first (义诊暨防诈骗宣传活动 is a clinic day), when
    that part names a category; else all of it."""
    first = said.split("暨", 1)[0]
    return first if first != said and _keyword_hits(first) else said


def _quoted_name(art: Article, title: str) -> bool:
    """Whether `title` is written in the text as a quoted name (“…”, 「…」)."""
    return f"“{title}”" in art.masked or f"「{title}」" in art.masked


def _held(art: Article) -> tuple[str, str] | None:
    """The category of what the first two sentences of the body say was held, and the words
    that say it: 培训 when they call it that (a class the text calls 培训 is one), else its topic
    before its form."""
    fs, _ = art.lead_sentence()
    sentences = art.sentences_from(fs, 3)
    # (a sentence of purpose alone, 为进一步增强居民…。, does not count: what was held comes next)
    purpose = any(art.masked.startswith("为", s) for s, _ in sentences[:2])
    for s, e in sentences[: 2 + purpose]:
        for m in _HELD.finditer(art.masked, s, e):
            if other_event(art, m.start(), m.end()):
                continue
            # the object of the last verb: `组织开展主题党日活动` held 主题党日活动
            said = _LAST_VERB.split(m["obj"] or m["subj"])[-1].removeprefix("了")
            obj = _main_part(_QUOTED.sub("", said))
            hits = _keyword_hits(obj)
            named = {name: word for _, name, word in hits}
            _topic_before_form(named, hits)
            if len(named) > 1:
                named.pop(WEAK, None)
            if not named or (set(named) == {WEAK} and named[WEAK] not in VOLUNTEER_DAY and not _spent_on(hits)):
                continue  # 开展文明志愿服务进社区活动: who held it, not what was done
            if named.get("培训") == "培训":
                return "培训", obj
            if set(named) <= _FORMS:
                # 举办“我的健康我做主”科普知识讲座: a talk named only by its form takes the topic
                # its quoted theme names, as a title's topic goes before its form.
                theme = "".join(_QUOTED.findall(said))
                themed = {name for _, name, _ in _keyword_hits(theme) if name not in _FORMS}
                themed = themed or {name for word, name in THEME_WORDS if word in theme}
                if len(themed) == 1:
                    return themed.pop(), said
            return min(named, key=_ORDER.index), obj
    return None


# The word that names a party day, whatever the day was spent on.
_PARTY_DAY = ("党日",)
# The words that name a class by its form alone (a 智能手机 class or 培训 names what is taught).
_CLASS_FORMS = ("讲座", "课程", "授课", "讲堂", "教学", "课堂", "教室", "学习班", "工作坊")
# The words of a title that make it a class whatever its topic: 培训 itself, and first aid.
_TAUGHT = ("培训", "急救", "心肺复苏", "应急救护", "救护知识", "救援知识", "海姆立克", "海姆利克")


def read_category(art: Article, title: str | None, title_conf: float):
    """The category by keywords: those of a title read with confidence (the first category in
    the order of CATEGORY_WORDS when it names several), else those right after
    本次/此次 (the text naming its own event), else the keywords of the whole text when one
    category clearly leads (first-sentence hits count double)."""
    held = _held(art)
    if title and title_conf >= MIN_CONFIDENCE:
        hits = _keyword_hits(_main_part(title))
        named = {name: word for _, name, word in hits}
        taught = any(name == "培训" and word in _TAUGHT for _, name, word in hits)
        _topic_before_form(named, hits)
        if len(named) > 1:
            named.pop(WEAK, None)
        if named and set(named) == {WEAK} and named[WEAK] not in VOLUNTEER_DAY and not _spent_on(hits):
            other = _from_body(art, held, guess=False)  # a guess says less than the title
            if other[0] not in (None, WEAK):
                name, conf, why = other
                return (
                    name,
                    conf,
                    Reason(
                        N_("{why} (the title says {word}, who held it, not what it was)"), why=why, word=named[WEAK]
                    ),
                )
        if (
            named
            and "培训" not in named
            and held is not None
            and held[0] == "培训"
            and (set(named) <= _FORMATS or "培训" in held[1])
        ):
            # A title may name the topic (议事规则推广, 消防隐患) of what the text says was a
            # class: a class the text calls 培训 is one.
            return "培训", 0.75, Reason(N_("the text says it held {phrase}"), phrase=held[1])
        if named and held is not None and held[0] not in _FORMS and held[0] not in named and _quoted_name(art, title):
            # A title that is only the event's quoted name (“中秋送健康”) names its theme; what
            # the text says was held (…“中秋送健康”义诊活动) says what it was.
            return held[0], 0.75, Reason(N_("the text says it held {phrase}"), phrase=held[1])
        if (
            named.keys() == {"培训"}
            and all(word in _CLASS_FORMS for _, _, word in hits)
            and not any(word == "培训" for _, _, word in _keyword_hits(art.masked))
        ):
            # 书法公益课堂, 国学班课程: a title that names a class only by its form, in a text
            # that never calls it 培训, is of the topic the text is about.
            topic = _topic_of_text(art)
            if topic is not None:
                name, words = topic
                why = Reason(N_("keywords: {words}"), words=words)
                return name, 0.7, Reason(N_("{why} (the title says {word}, its form)"), why=why, word=named["培训"])
        if named:
            # Topic before format: 消防安全知识讲座 is 安全, 议事协商能力培训 is 培训; but a
            # class the title calls 培训 is one, whatever its topic (应急救护培训), and so is a
            # first-aid class (应急救援知识讲座): first aid is taught.
            name = "培训" if taught else min(named, key=_ORDER.index)
            return name, 0.85 if len(named) == 1 else 0.75, Reason(N_("the title says {word}"), word=named[name])
    return _from_body(art, held)


_TALKS = ("讲座", "讲堂", "课堂")


def _topic_of(art: Article, form: str) -> tuple[str, str] | None:
    """The topic of the event 此次讲座 points back to: the first 讲座 the text names with a topic
    before it (为居民进行糖尿病知识健康教育讲座 … 此次讲座), where that topic is a category's."""
    # (a talk may be named 讲堂 or 课堂 first: …防范老年诈骗讲堂。此次讲座…)
    forms = "|".join(_TALKS) if form in _TALKS else re.escape(form)
    for m in re.finditer(rf"[{HAN}]{{1,14}}?(?:{forms})", art.masked):
        said = re.split(r"进行|开展|举办|举行|组织|召开|开设", m.group())[-1]
        named = [name for _, name, _ in _keyword_hits(said) if name not in _FORMS]
        if named:
            return named[0], said
    return None


def _topic_of_text(art: Article) -> tuple[str, str] | None:
    """The category the whole text's keywords clearly lead to, forms and volunteering aside
    (first-sentence hits count double), with its words."""
    scores, words = _text_scores(art, leave_out=_FORMS)
    ranked = _ranked(scores)
    if not ranked or not _leads(ranked):
        return None
    best = ranked[0][0]
    return best, "、".join(dict.fromkeys(words[best]))


def _text_scores(art: Article, leave_out: frozenset[str] | set[str] = frozenset()):
    """Each category's keywords over the whole text, first-sentence hits counting double, and
    the words that scored: ({category: score}, {category: [words]})."""
    fs, fe = art.lead_sentence()
    scores: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for pos, name, word in _keyword_hits(art.masked):
        if name in leave_out:
            continue
        scores[name] = scores.get(name, 0) + (2.0 if fs <= pos < fe else 1.0)
        words.setdefault(name, []).append(word)
    return scores, words


def _ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda kv: (-kv[1], _ORDER.index(kv[0])))


def _leads(ranked: list[tuple[str, float]]) -> bool:
    """Whether the first category clearly leads: two points at least, half again the next."""
    best, runner = ranked[0][1], (ranked[1][1] if len(ranked) > 1 else 0)
    return best >= 2 and not (runner and best < 1.5 * runner)


def _from_body(art: Article, held: tuple[str, str] | None, *, guess: bool = True):
    own: dict[str, str] = {}
    # (the words as the whole text reads them, so that 此次活动以深化党建引领… reads the framing
    # 党建引领 whole, not a 党建 cut off at the pattern's end)
    text_hits = _keyword_hits(art.masked)
    for m in _THIS_EVENT.finditer(art.masked):
        start, end = m.span("what")
        within = [(at - start, name, word) for at, name, word in text_hits if start <= at and at + len(word) <= end]
        for _, name, word in within[:1]:
            own.setdefault(name, f"{m.group()[:2]}{m['what'][: m['what'].find(word) + len(word)]}")
    if len(own) == 1:
        ((name, phrase),) = own.items()
        # 此次讲座 says the form; what the first sentences say was held may say its topic
        # (开展…健康讲座): the topic goes first, as in a title.
        if not (held is not None and name in _FORMS and held[0] not in _FORMS):
            topic = _topic_of(art, phrase[2:]) if name in _FORMS and held is None else None
            if topic is not None:
                return topic[0], 0.75, Reason(N_("the text calls it {phrase}"), phrase=topic[1])
            return name, 0.8, Reason(N_("the text calls it {phrase}"), phrase=phrase)
    if held is not None:
        return held[0], 0.75, Reason(N_("the text says it held {phrase}"), phrase=held[1])
    scores, words = _text_scores(art)
    if "培训" in scores and set(scores) - {"培训", WEAK} and all(w in _CLASS_FORMS for w in words["培训"]):
        del scores["培训"]  # 书法公益课堂: a class's form beside its topic
    if not scores:
        # (named again and again, as what was done; once, it is the purpose a vote or a talk served)
        drive = next((word for word in CIVILITY_DRIVE if art.masked.count(word) >= 2), None)
        if drive is not None:
            return WEAK, 0.5, Reason(N_("no keyword of a category but the city's civility drive ({word})"), word=drive)
        return None, 0, Reason(N_("no keyword of a category"))
    ranked = _ranked(scores)
    if (
        len(ranked) > 1
        and ranked[0][0] == WEAK
        and ranked[1][1] >= 2
        and not any(w in VOLUNTEER_DAY for w in words[WEAK])
    ):
        ranked = ranked[1:]  # what the volunteers did, rather than that they volunteered
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if len(ranked) == 1 and score < 2:
        # the one category the text names at all, named once outside its first sentence: a
        # guess, shown as one
        return best, 0.5, Reason(N_("the only keyword: {words}"), words="、".join(dict.fromkeys(words[best])))
    if not _leads(ranked):
        # Every report is of some category: where one is named twice or in the first sentence,
        # the one named most, marked as a guess, is closer to what a person sets than an empty
        # field (they check a guess as they would fill a gap); words each named once lead to none.
        close = "、".join(name for name, _ in ranked[:3])
        if score < 2 or not guess:
            return None, 0, Reason(N_("no clear category (keywords of {categories})"), categories=close)
        # (of categories named as often, 安全 last: reports of every kind remind people to be safe)
        tied = [name for name, points in ranked if points == score]
        if len(tied) > 1 and best == "安全":
            best = tied[1]
        return best, 0.5, Reason(N_("no clear category: a guess among the keywords of {categories}"), categories=close)
    conf = 0.8 if runner == 0 or score >= 2.5 * runner else 0.65
    return best, conf, Reason(N_("keywords: {words}"), words="、".join(dict.fromkeys(words[best])))
