"""The category: keywords per built-in category, the title's first."""

from __future__ import annotations

import re

from ..i18n import N_, Reason
from .articles import HAN, Article, other_event
from .draft import MIN_CONFIDENCE
from .titles import EVENT_HEAD

# Keywords per built-in category. Topic categories (safety, health, party) come before format
# ones (training, meeting) on a tie: a fire-safety lecture is logged as 安全.
_CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "安全",
        (
            "消防",
            "安全",
            "防诈",
            "反诈",
            "诈骗",
            "演练",
            "应急",
            "防汛",
            "燃气",
            "逃生",
            "禁毒",
            "毒品",
            "拒毒",
            "防毒",
            "识毒",
            "巡逻",
            # Words of the field for the same (the common kinds of safety publicity and drills).
            "防溺水",
            "防火",
            "灭火",
            "隐患",
            "防震",
            "地震",
            "避险",
            "疏散",
            "反邪教",
            "防拐",
            "防骗",
            "非法集资",
        ),
    ),
    (
        "义诊",
        (
            "义诊",
            "体检",
            "健康咨询",
            "量血压",
            "测量血压",
            "测血压",
            "血压检测",
            "血压监测",
            "测血糖",
            "问诊",
            "把脉",
            # A health talk is counted by its topic, as an anti-fraud talk goes to 安全.
            "健康讲座",
            "健康知识",
            "健康科普",
            "健康教育",
            "养生",
            "保健",
            # Words of the field: the services of a clinic day and the chronic illnesses it screens.
            "中医",
            "艾灸",
            "推拿",
            "针灸",
            "理疗",
            "口腔",
            "眼科",
            "骨密度",
            "心电图",
            "家庭医生",
            "慢病",
            "慢性病",
            "健康大讲堂",
            "健康讲堂",
            "高血压",
            "糖尿病",
            "疫苗",
            "接种",
            "防暑",
            "中暑",
            "心理健康",
            "膳食",
        ),
    ),
    (
        "党建",
        (
            "党建",
            "党日",
            "党课",
            "党组织",
            "入党",
            "党员大会",
            # Party study: 学习贯彻党的二十大精神
            "学习贯彻",
            "二十大",
            "十九大",
            "二十届",
            "党史",
            "党的创新理论",
            # A member's day of joining, marked together: 过“政治生日”.
            "政治生日",
            # The party's birthday (七一) and its celebrations.
            "迎七一",
            "庆七一",
            "庆祝七一",
            "党的生日",
            "感党恩",
            "颂党恩",
            # Words of the field: what a branch's party day holds.
            "入党誓词",
            "红色教育",
            "廉政",
            "廉洁",
            "党纪",
            "组织生活会",
            "民主评议",
            "三会一课",
            "理论学习",
            "祭英烈",
            "烈士陵园",
            "缅怀先烈",
            "革命先烈",
        ),
    ),
    (
        "培训",
        (
            "培训",
            "讲座",
            "课程",
            "授课",
            "讲堂",
            "督导",
            "研修",
            "学习班",
            "工作坊",
            "教学",
            "课堂",
            "教室",
            # Classes of skills: phones for elders, trades (a job fair is a service: 招聘会).
            "智能手机",
            "技能",
        ),
    ),
    (
        "会议",
        (
            "议事",
            "协商",
            "会议",
            "座谈",
            "恳谈",
            "听证",
            "代表大会",
            "居民大会",
            # Meetings by what they are for.
            "联席会",
            "换届",
            "选举",
            "碰头会",
            "推进会",
            "部署会",
            "动员会",
            "评议会",
        ),
    ),
    (
        "志愿服务",
        (
            "志愿服务",
            "志愿者服务",
            "志愿活动",
            "学雷锋",
            "捐赠",
            "募捐",
            "义卖",
            "垃圾分类",
            # Clean-ups: volunteers' work for the place they live in.
            "环境整治",
            "清洁家园",
            "大扫除",
            "卫生清理",
            "清理",
            "清扫",
            "捡拾",
            "义务劳动",
            # Volunteers' other usual work: planting, persuading, visiting elders.
            "植树",
            "文明劝导",
            "探访",
            "送温暖",
            "助老",
            "献血",
        ),
    ),
    (
        "便民服务",
        (
            "便民",
            "理发",
            "磨刀",
            "维修",
            "法律咨询",
            "义剪",
            "修补",
            # The stalls of a service day.
            "修鞋",
            "补鞋",
            "缝补",
            "配钥匙",
            "政策咨询",
            "代办",
            "招聘会",
            "医保",
            "社保",
            "参保",
        ),
    ),
    (
        "文化",
        (
            "文化活动",
            "非遗",
            "文艺",
            "演出",
            "书法",
            "绘画",
            "剪纸",
            "手工",
            "读书",
            "合唱",
            "舞蹈",
            "传统文化",
            "点翠",
            "摄影",
            "游园",
            "联欢",
            "健身",
            "运动",
            "体育",
            # Festivals and the elders' gatherings held for them.
            "重阳",
            "邻里节",
            "邻居节",
            "双节",
            "茶话会",
            "游园会",
            "元宵",
            "春节",
            "端午",
            "中秋",
            "七夕",
            "新春",
            "春联",
            "灯谜",
            "年俗",
            "过大年",
            "腊八",
            "敬老",
            "歌舞",
            "文艺汇演",
            "粽子",
            "月饼",
            "汤圆",
            "饺子",
            # Elders' birthday parties, held as festivals are.
            "生日会",
            "集体生日",
            "过生日",
            # Children's holiday classes and camps: interests and play rather than training.
            "暑期课堂",
            "暑期小课堂",
            "暑期公益课堂",
            "假日公益课堂",
            "暑期学堂",
            "暑期班",
            "暑托班",
            "暑假班",
            "寒假班",
            "寒假课堂",
            "托管班",
            "夏令营",
            "冬令营",
            "四点半课堂",
            # Reading and crafts.
            "阅读",
            "书香",
            "读书会",
            "书画",
            "国画",
            "戏曲",
            "诗词",
            "朗诵",
            "花艺",
            "插花",
            "茶艺",
            "香囊",
            "灯笼",
            "手作",
            "观影",
            "DIY",
            "diy",
            # Films, opera, exercise, games and children's reading.
            "电影",
            "京剧",
            "太极",
            "广场舞",
            "象棋",
            "围棋",
            "棋牌",
            "绘本",
            "亲子",
            "烘焙",
            "庙会",
            "灯会",
            "音乐会",
            "趣味运动",
            "厨艺",
        ),
    ),
    # Legal publicity is none of the above; a law lecture is one (法律科普讲座 is no 培训), a lawyer's
    # consultation day a service (法律咨询, 便民服务).
    (
        "其他",
        (
            "普法",
            "法治宣传",
            "法律明白人",
            "法治讲座",
            "法律讲座",
            "普法讲座",
            "民法典讲座",
            "法律科普讲座",
            "法律科普",
            "法律宣传",
            "法律知识",
            "民法典",
            "宪法",
            "送法",
            # And the rest of what a community publicises: rights, census, conscription.
            "消费者权益",
            "反家暴",
            "家庭暴力",
            "人口普查",
            "征兵",
            "国防教育",
        ),
    ),
)
# The kind of group that organised an activity says little about what it was: a volunteer
# team holds festivals, haircuts and talks alike. 志愿服务 yields to any other category.
_WEAK = "志愿服务"
# But a day of 学雷锋 is itself the volunteers' day, whatever they did on it.
_VOLUNTEER_DAY = ("学雷锋",)


# Words that hold a keyword and say nothing of what was held: a role (垃圾分类督导员, 安全员)
# or the framing nearly every report opens with (党建引领, 喜迎二十大 before a festival). Taken
# before the keywords.
_NOT_KEYWORDS = ("督导员", "安全员", "党建引领", "喜迎二十大", "喜迎党的二十大", "迎接二十大", "迎二十大")

_KEYWORDS = sorted(
    [*((w, name) for name, ws in _CATEGORY_WORDS for w in ws), *((w, None) for w in _NOT_KEYWORDS)],
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
_ORDER = [name for name, _ in _CATEGORY_WORDS]
# What the first sentences say was held: the object of 开展/举办…, up to its last event word,
# with any quoted theme left out (a theme names a topic: `开展“协商议事”专题培训会` is 培训).
_VERBS = r"举办|开展|组织|举行|召开|开设|带来"
# Or the subject of a passive: 一场以…为主题的法律科普讲座在这里成功举办.
_HELD = re.compile(
    rf"(?:{_VERBS})了?(?P<obj>[^,，。；;！!？\n]{{0,60}}(?:{EVENT_HEAD}))"
    rf"|一场(?P<subj>[^,，。；;！!？\n]{{0,60}}?(?:{EVENT_HEAD}))(?:在[^,，。；;！!？\n]{{0,20}}?)?(?:成功|顺利)?(?:{_VERBS})"
)
_QUOTED = re.compile(r"“[^”\n]*”|《[^》\n]*》|「[^」\n]*」")
_FORMATS = {"会议", _WEAK}  # categories a title may name for the form an event took, not its topic
_FORMS = {"培训", "会议", _WEAK}  # the forms an event takes, whatever its topic


def _main_part(said: str) -> str:
    """What an event joined to another with 暨 is first (义诊暨防诈骗宣传活动 is a clinic day), when
    that part names a category; else all of it."""
    first = said.split("暨", 1)[0]
    return first if first != said and _keyword_hits(first) else said


def _held(art: Article) -> tuple[str, str] | None:
    """The category of what the first two sentences of the body say was held, and the words
    that say it: 培训 when they call it that (a class the text calls 培训 is one), else its topic
    before its form."""
    fs, _ = art.lead_sentence()
    for s, e in art.sentences_from(fs, 2):
        for m in _HELD.finditer(art.masked, s, e):
            if other_event(art, m.start(), m.end()):
                continue
            # the object of the last verb: `组织开展主题党日活动` held 主题党日活动
            obj = _main_part(_QUOTED.sub("", re.split(_VERBS, m["obj"] or m["subj"])[-1]))
            named = {name: word for _, name, word in _keyword_hits(obj)}
            if len(named) > 1:
                named.pop(_WEAK, None)
            if not named or (set(named) == {_WEAK} and named[_WEAK] not in _VOLUNTEER_DAY):
                continue  # 开展文明志愿服务进社区活动: who held it, not what was done
            name = "培训" if named.get("培训") == "培训" else min(named, key=_ORDER.index)
            return name, obj
    return None


def read_category(art: Article, title: str | None, title_conf: float):
    """The category by keywords: those of a title read with confidence (the first category in
    the order of _CATEGORY_WORDS when it names several), else those right after
    本次/此次 (the text naming its own event), else the keywords of the whole text when one
    category clearly leads (first-sentence hits count double)."""
    held = _held(art)
    if title and title_conf >= MIN_CONFIDENCE:
        named = {name: word for _, name, word in _keyword_hits(_main_part(title))}
        if len(named) > 1:
            named.pop(_WEAK, None)
        if named and set(named) == {_WEAK} and named[_WEAK] not in _VOLUNTEER_DAY:
            other = _from_body(art, held)
            if other[0] not in (None, _WEAK):
                name, conf, why = other
                return (
                    name,
                    conf,
                    Reason(
                        N_("{why} (the title says {word}, who held it, not what it was)"), why=why, word=named[_WEAK]
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
        if named:
            # Topic before format: 消防安全知识讲座 is 安全, 议事协商能力培训 is 培训; but a
            # class the title calls 培训 is one, whatever its topic (应急救护培训).
            name = "培训" if named.get("培训") == "培训" else min(named, key=_ORDER.index)
            return name, 0.85 if len(named) == 1 else 0.75, Reason(N_("the title says {word}"), word=named[name])
    return _from_body(art, held)


def _from_body(art: Article, held: tuple[str, str] | None):
    own: dict[str, str] = {}
    for m in _THIS_EVENT.finditer(art.masked):
        for _, name, word in _keyword_hits(m["what"])[:1]:
            own.setdefault(name, f"{m.group()[:2]}{m['what'][: m['what'].find(word) + len(word)]}")
    if len(own) == 1:
        ((name, phrase),) = own.items()
        # 此次讲座 says the form; what the first sentences say was held may say its topic
        # (开展…健康讲座): the topic goes first, as in a title.
        if not (held is not None and name in _FORMS and held[0] not in _FORMS):
            return name, 0.8, Reason(N_("the text calls it {phrase}"), phrase=phrase)
    if held is not None:
        return held[0], 0.75, Reason(N_("the text says it held {phrase}"), phrase=held[1])
    fs, fe = art.lead_sentence()
    scores: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for pos, name, word in _keyword_hits(art.masked):
        scores[name] = scores.get(name, 0) + (2.0 if fs <= pos < fe else 1.0)
        words.setdefault(name, []).append(word)
    if not scores:
        return None, 0, Reason(N_("no keyword of a category"))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _ORDER.index(kv[0])))
    if (
        len(ranked) > 1
        and ranked[0][0] == _WEAK
        and ranked[1][1] >= 2
        and not any(w in _VOLUNTEER_DAY for w in words[_WEAK])
    ):
        ranked = ranked[1:]  # what the volunteers did, rather than that they volunteered
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    if score < 2 or (runner and score < 1.5 * runner):
        close = "、".join(name for name, _ in ranked[:3])
        return None, 0, Reason(N_("no clear category (keywords of {categories})"), categories=close)
    conf = 0.8 if runner == 0 or score >= 2.5 * runner else 0.65
    return best, conf, Reason(N_("keywords: {words}"), words="、".join(dict.fromkeys(words[best])))
