"""Speakers: names next to a title such as 老师 or 教授, or next to a job (书记, 社工, 警官) when
what follows says they taught."""

from __future__ import annotations

import re

from ..i18n import N_, Reason, clauses, items
from .articles import HAN, Article

_TITLES = (
    "副主任医师",
    "主任医师",
    "副教授",
    "教授",
    "讲师",
    "老师",
    "教师",
    "律师",
    "医生",
    "医师",
    "民警",
    "警官",
    "专家",
    "博士",
    "教练",
    "研究员",
    "传承人",
)
# Jobs that do not make a speaker by themselves: a 书记 who opens a festival is not one; a 书记
# who 做了详细讲解 is.
_ROLES = (
    "书记",
    "副主任",
    "主任",
    "社工",
    "处长",
    "局长",
    "科长",
    "站长",
    "台长",  # a weather station's head (气象台台长孔某为居民们进行了…科普讲座)
    "所长",
    "班长",
    "负责人",
    "主讲人",
    "授课人",
    "理事长",
    "会长",
    "院长",
    "校长",
    "队长",
    "馆长",
    "警官",
    "民警",
    "宣传员",
    "宣讲员",
    "讲解员",
    "社工师",
    # the trades that come to teach residents, when the text says they taught
    "教导员",
    "指导员",
    "营养师",
    "管理师",  # 健康管理师
    "咨询师",
    "药师",
    "护师",
    "护士",
    "康复师",
    "工程师",
    "法官",
    "检察官",
    "调解员",
    "消防员",
    # cooks and bakers who show residents how (西点师杨某现场教居民们制作…)
    # artists and trainers who give the class (书法家周某现场授课, 培训师吴某进行了示范教学), and a
    # firm's manager who gives the talk (理财经理陈某为居民讲解)
    "书法家",
    "画家",
    "作家",
    "艺术家",
    "培训师",
    "经理",
    "西点师",
    "糕点师",
    "面点师",
    "烘焙师",
    "厨师",
    "茶艺师",
    "花艺师",
    # a volunteer who presents (志愿者杨某通过PPT…讲述了) speaks; one who only helps does not
    "志愿者",
    "成员",  # 理论宣讲志愿服务队成员黄某为在场群众解读了…
    "干事",  # 社区干事马某向居民代表作…报告
    "专干",  # 社区专干余某向青年们讲解了…
)
_LECTURE = re.compile(
    # (上了一堂课; not 送上了 礼物, 戴上了, 端上了)
    r"讲解|讲授|宣讲|授课|讲述|解读|主讲|讲了|讲座|为题|为主题|(?<![送递献端跟赶爬加穿戴贴挂写盖摆换])上了"
    r"|带来|培训|演示|辅导|传授|普及|讲课|答疑|阐述|演讲"
    r"|教居民|教大家|手把手教|进行指导|现场指导|担任教学|示范教学|现场教学"
    # who tells an audience what a thing is (社工王某以ppt的形式为居民介绍了什么是…)
    r"|[为向](?:社区)?(?:居民|大家|群众|老人|老年人|家长|学员)们?介绍(?:了)?(?:什么|如何|怎样|哪些)"
    # at a meeting, who gives its report speaks (书记周某向居民代表作2022年工作总结)
    r"|作[^，,。；;！？]{0,24}?(?:报告|总结|汇报|通报|述职|对照检查)|上台发言"
)
# A resident who teaches (居民赵某为居民讲述) says so in so many words.
_RESIDENT_TEACHES = re.compile(r"(?:为[^，,。]{0,8})?(?:讲述|讲解|讲授|授课|宣讲|主讲|以《)")
_LECTURE_REACH = 30  # how far after a name the text may say what the person did
_SURNAMES = set(
    "乐王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕房连"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳甘祝舒阮柯纪梅童凌毕"
    "裴霍涂苗谷翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑晏卫柏瞿桂佟臧闵邬卞姬栾隋刁"
    "寇桑郎甄仲虞敖巩佘麻迟邝匡鞠荆冀郁胥栗燕鄢谌奚粟冼蔺厉仝郜阚禹漆卿狄晁芮阙鹿邸雍辜裘亓邰赫"
    "游屠洪赖阎"
)
_NOT_NAMES = set(
    """专业 全体 各位 多位 两位 几位 志愿 社区 家庭 全科 中医 西医 主治 执业 特聘 资深 退休 优秀 骨干
    金牌 高级 首席 知名 青年 年轻 义务 驻站 骨科 心内 儿科 妇科 眼科 口腔 康复 营养 心理 法律 普法
    消防 安全 专职 兼职 带教 指导 授课 主讲 张贴 李子 马上 黄色 白色 石头 江湖 高度 方面 方法
    高校 党委 支部 总支 社区 街道 居委 物业 文明 宣讲 宣传 任课
    陶艺 花艺 武术 乐器 秦腔 胡琴 马甲 乐高""".split()
)
# (现场讲解, 手把手教: what a name is followed by as often as a verb)
_AFTER_NAME = set("为在对向给从以就和与及担作主讲带进开围结详介说指讲分深先首还也等的了是将针通根现手正演")


# Jobs also read inside a word, with what stands before them there: 提高居民警惕 holds no 民警.
_INSIDE = {"民警": "居"}


def _jobs(words) -> re.Pattern:
    return re.compile("|".join(f"(?<!{_INSIDE[w]}){w}" if w in _INSIDE else w for w in words))


_TITLE_RE = _jobs(_TITLES)  # longest first: 副教授 before 教授
_ROLE_RE = _jobs(sorted(_ROLES, key=len, reverse=True))
# Who the text names as the speaker, then (after an office or a job) the name that ends the
# clause: 主讲人为青禾医院营养科主任王某.
_NAMED_SPEAKER = re.compile(
    r"(?:主讲人|主讲嘉宾|授课人|主讲老师|授课老师)(?:为|是|[:：])\s*(?P<rest>[^，,。；;！？!?\n]{2,30})"
)
# Who writes about the activity is never its speaker.
_BYLINE = ("记者", "通讯员", "编辑", "责编", "审核", "作者", "摄影", "报道")


def _in_byline(text: str, at: int) -> bool:
    """Whether what is named at `at` follows a writer's credit (记者 王某, 编辑：李某)."""
    return any(w in text[max(0, at - 8) : at] for w in _BYLINE)


# The last character of an institution's short name, never a person's: 卫职院老师.
_INSTITUTION_ENDS = set("院校站所局委部队处馆厂司")
# Visits paid to someone, who is then no speaker.
_VISITED = re.compile("走访|慰问|看望|探望|拜访")
_VISIT_REACH = 150  # how far before a name its sentence may say the person was visited
# A name closing on a team it belongs to: 王某等资深医护人员, 李某等专家团队.
_TEAM_AFTER = re.compile(rf"等[{HAN}]{{0,6}}?(?:人员|专家|医生|团队)")
# Who hosts the evening (刘某老师作为主持人登台): its host, not a speaker.
_HOSTS = re.compile(
    r"[^，,。；;！？\n]{0,4}?(?:作为主持人|担任主持|担任本次活动主持|主持(?:了)?(?:活动|仪式|晚会|节目))"
)
# What follows a title in the name of a firm or an office (…律师事务所, …医生工作室).
_FIRM = ("事务所", "工作室")


def _lectures(text: str, pos: int) -> bool:
    """Whether the text right after `pos`, in its sentence, says the person taught."""
    # 书记刘某围绕“…”、“…”为重点进行宣讲: a topic in between reaches further.
    # 咨询师李某、咨询师汤某等…讲解: the first of a list teaches as the others do.
    # (廖主任以“…”为主题，结合…，讲解了: so does a theme)
    reach = _LECTURE_REACH * 3 if text.startswith(("围绕", "结合", "就", "从", "以", "、"), pos) else _LECTURE_REACH
    after = re.split(r"[。！？!；;\n]", text[pos : pos + reach], maxsplit=1)[0]
    return bool(_LECTURE.search(after))


def _introduces(text: str, pos: int) -> bool:
    """Whether the text right after `pos`, in its clause, says the person introduced something."""
    return "介绍了" in re.split(r"[，,。！？!；;\n]", text[pos : pos + _LECTURE_REACH], maxsplit=1)[0]


def _teaches_later(text: str, name: str, after: int) -> bool:
    """Whether a person named in full with a job (书记徐某某主持) is said further on, by name
    alone, to teach (徐某某以《…》为题进行宣讲)."""
    return len(name) == 3 and any(_lectures(text, m.end()) for m in re.compile(re.escape(name)).finditer(text, after))


def _surname_and_title(text: str, start: int) -> str | None:
    """褚社工, 王老师: a surname alone before the title, its own word (nothing of a name before,
    unless a word that opens a clause: 现场谭老师, 首先江队长)."""
    if start < 1 or text[start - 1] not in _SURNAMES:
        return None
    before = text[start - 2] if start >= 2 else ""
    if (
        before
        and re.match(f"[{HAN}]", before)
        # 志愿者曹老师, 宣讲员王老师: a role, then the person; 听严老师的讲解, 跟王老师学: the one
        # listened to
        and before not in "由请邀是的者员听跟，,、"
        and before not in _INSTITUTION_ENDS | {"科"}  # 中医院心血管科廖主任: where the person works
        and not text[max(0, start - 4) : start - 1].endswith(_CLAUSE_OPENERS)
    ):
        return None
    return text[start - 1 : start]


# Words that open a clause before who did something: 活动现场谭老师通过…讲解.
_CLAUSE_OPENERS = ("现场", "会上", "课上", "首先", "随后", "接着", "然后", "期间", "活动中")
_LISTED_MAX = 12  # names of a list before one title read back at most
# Titles a surname alone stands before (王老师, 张医生), when the text says they taught.
_SURNAME_TITLES = ("老师", "社工", "医生", "律师", "教练", "警官")


def read_speakers(art: Article):
    text = art.masked
    names = _Names()
    passed: list[str] = []
    roles = []  # each job written, with the name written before or after it
    in_full: dict[tuple[str, str], set[str]] = {}  # (job, surname) -> the full names written with it
    for m in _ROLE_RE.finditer(text):
        before = _name_before(text, m.start())
        after = None if before else _name_after(text, m.end())
        roles.append((m, before, after))
        written = before or after
        if written:
            in_full.setdefault((m.group(), written[0]), set()).add(written)
    for m, before, after in roles:
        name: str | None = before or after
        end = m.end() if before else m.end() + len(after or "")
        if name is None:
            surname = _surname_and_title(text, m.start())
            if surname is not None:
                # 戴书记 after 书记戴某某: the one person the text named in full with that job
                whole = [n for n in in_full.get((m.group(), surname), ()) if len(n) == 3]
                name, end = whole[0] if len(whole) == 1 else surname + m.group(), m.end()
        if name is None or _in_byline(text, m.start()):
            continue
        if _lectures(text, end) or _teaches_later(text, name, end):
            names.add(name)
        elif len(passed) < 3:
            passed.append(Reason(N_("{name} ({job}, not said to teach)"), name=name, job=m.group()))
    for m in _NAMED_SPEAKER.finditer(text):
        name = _name_before(text, m.end("rest"))
        if name is not None and not _in_byline(text, m.start()):
            names.add(name)
    for m in re.finditer("居民", text):
        if text[m.start() - 1 : m.start()] in ("为", "向", "给"):
            continue  # 为居民黄女士讲解: the one taught, not the teacher
        name = _name_after(text, m.end())
        if name and _RESIDENT_TEACHES.match(text, m.end() + len(name)):
            names.add(name)
    for m in _TITLE_RE.finditer(text):
        if text.startswith("节", m.end()):
            continue  # 教师节, 护士节: a festival's name
        # Name then title: 王佳宁老师, 张亚婷讲师; else title then name: 副教授毕宇珠担任主讲.
        before = _name_before(text, m.start())
        name = before or _name_after(text, m.end())
        if not name and m.group() in _SURNAME_TITLES:
            surname = _surname_and_title(text, m.start())
            # (a teacher who introduces the craft teaches it: 蓝老师首先为大家介绍了魔方的种类)
            if surname is not None and (_lectures(text, m.end()) or _introduces(text, m.end())):
                name = surname + m.group()
        if not name or _in_byline(text, m.start()):
            continue
        if text.startswith(_FIRM, m.end()):  # 北京青禾律师事务所: a firm's name, not a lawyer's
            continue
        # A teacher visited on Teachers' Day (走访了…老教师马某, 走进…崔某老师的家中): honoured,
        # not a speaker.
        s0, s1 = art.sentence_at(m.start())
        visited = _VISITED.search(
            text, max(s0, m.start() - _VISIT_REACH), min(s1, m.end() + _LECTURE_REACH)
        ) is not None or bool(before and text.startswith("的家", m.end()))
        if visited and not _lectures(text, m.end()):
            if len(passed) < 3:
                passed.append(Reason(N_("{name} ({job}, visited)"), name=name, job=m.group()))
            continue
        # One of a team that came (专家王某等资深医护人员悉数到场), not said to teach: a free
        # clinic's doctors see patients.
        end = m.start() if before else m.end() + len(name)
        if _TEAM_AFTER.match(text, end) and not _lectures(text, end):
            if len(passed) < 3:
                passed.append(Reason(N_("{name} ({job}, one of a team, not said to teach)"), name=name, job=m.group()))
            continue
        if _HOSTS.match(text, end) and not _lectures(text, end):
            if len(passed) < 3:
                passed.append(Reason(N_("{name} ({job}, the host, not said to teach)"), name=name, job=m.group()))
            continue
        # A guest in a roster (…牛某老师；…) who is not said to teach: a guest, not a speaker.
        if text[m.end() : m.end() + 1] in ";；、" and not _lectures(text, m.end() + 1):
            if len(passed) < 3:
                passed.append(Reason(N_("{name} ({job}, listed as a guest)"), name=name, job=m.group()))
            continue
        # 聂某、徐某老师: each name of a list before one title has it (in the text's order).
        listed = [name]
        at = m.start() - len(name) if before else -1
        while at > 0 and text[at - 1] == "、" and len(listed) < _LISTED_MAX:
            one = _name_before(text, at - 1)
            if one is None:
                break
            listed.insert(0, one)
            at -= 1 + len(one)
        for one in listed:
            names.add(one)
    # 李老师 after 李秀兰老师 is the same person, named again.
    full = {n[0] for n in names.found if not n.endswith(_TITLES + _ROLES)}
    found = [n for n in names.found if not (n.endswith(_TITLES + _ROLES) and n[0] in full)]
    names.found[:] = found
    not_taken = Reason(N_("passed over: {names}"), names=items(*passed)) if passed else ""
    if not names.found:
        said = Reason(
            N_("no lecturer named (老师/讲师/教授/律师/医生 with a full name, or a job such as 书记 with 讲解)")
        )
        return [], clauses(said, not_taken)
    return names.found, clauses(
        Reason(N_("names next to 老师/讲师/教授/律师/医生, or a job with 讲解/授课")), not_taken
    )


def _name_before(text: str, end: int) -> str | None:
    """A name of three or two characters right before a title (王佳宁老师), not one whose
    surname is the end of a word (担任辅导教师: 任 is the verb's)."""
    return next(
        (
            text[end - n : end]
            for n in (3, 2)
            if end >= n
            and _is_name(text[end - n : end])
            and text[max(0, end - n - 1) : end - n + 1] not in _SURNAME_IN_WORD
        ),
        None,
    )


# Words that end on a surname's character: 担任, 兼任, 主任 (任 is also a surname).
_SURNAME_IN_WORD = ("担任", "兼任", "现任", "曾任", "出任", "主任", "继任", "胜任")


def _name_after(text: str, pos: int) -> str | None:
    """A name of three or two characters right after a title, ending where a verb or a
    function word begins (毕宇珠担任, 赵磊为)."""
    after = text[pos : pos + 4]
    # 田其和给居民讲解: a given name may end on 和 when a verb, not a second name, follows it
    if len(after) == 4 and after[2] == "和" and after[3] in _AFTER_NAME and _is_name(after[:2]):
        return after[:3]
    for n in (3, 2):
        name, rest = after[:n], after[n : n + 1]
        # (余某某同志向青年们讲解: a name may be followed by 同志)
        ends = not rest or rest in _AFTER_NAME or not re.match(f"[{HAN}]", rest) or text.startswith("同志", pos + n)
        if len(name) == n and _is_name(name) and name[-1] not in _AFTER_NAME and ends:
            return name
    return None


# The grades written before a title (高级工程师), which end no name.
_GRADES = ("高级", "中级", "初级", "特级")
# How residents are called by surname (陈阿姨, 李大爷): a neighbour, not a lecturer's name.
_KIN_WORDS = ("阿姨", "大爷", "大妈", "奶奶", "爷爷", "叔叔", "阿婆", "婆婆", "伯伯", "大姐", "大哥")


def _is_name(s: str) -> bool:
    return (
        len(s) in (2, 3)
        and not s.endswith(_KIN_WORDS)
        and not s.endswith(_GRADES)  # 防雷高级工程师张某: a grade before the title, the name after
        and s[-1] not in _INSTITUTION_ENDS
        and all(re.match(f"[{HAN}]", ch) for ch in s)
        and s[0] in _SURNAMES
        and s not in _NOT_NAMES
        and s[:2] not in _NOT_NAMES
        # (活动过程乐高老师带领: the last character of a word, then a craft's teacher)
        and not (len(s) == 3 and s[1:] in _NOT_NAMES)
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
