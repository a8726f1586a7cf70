"""Communities, street and location: registry names first, then names ending in 社区/街道."""

from __future__ import annotations

import re

from ..i18n import N_, Reason, clauses, items
from ..textnorm import to_simplified
from .articles import HAN, Article
from .divisions import DIVISION_SHORT_NAMES
from .place_names import (
    HAN_NAME,
    LEAD_RE,
    SUFFIXES,
    Writings,
    clean_home,
    listed_before,
    looks_like_place,
    name_before,
    name_core,
    placed,
    plausible,
    without_joining,
)
from .place_words import GENERIC, LEAD_WORDS
from .streets import choose_street, streets_written

# Words that, written before 街道, say what was done to the streets (清洁街道), not which street.
_DONE_TO_STREETS = set("清洁 清扫 打扫 清理 保洁 整治 美化 巡查 巡逻 装扮 扮靓".split())
# What a community's own bodies are called: 和顺社区综合服务中心 is the community at work.
_COMMUNITY_OWN = (
    "居委会",
    "居民委员会",
    "党委",
    "党总支",
    "党支部",
    "团支部",  # its youth league branch
    "妇联",  # its women's federation
    "综合服务中心",
    "党群服务中心",
    "新时代文明实践站",
    "居民学校",
    "服务中心",  # 梅园社区服务中心 (a clinic's 卫生服务中心 is read before: _ORGANISATION_AFTER)
    "服务站",
    "网格",
    "工作站",
    # Taiwan's community development association (青禾社區發展協會)
    "发展协会",
)
# A count after names listed without their 社区: 安华里、安贞里两个社区, …等3个社区.
_LISTED = re.compile(r"等?(?:[两二三四五六七八九十]|[0-9]{1,2})个社区")
# A community's number after its street (Wuhan's are so named: 青山区钢都花园街道 126 社区).
_NUMBERED = re.compile(r"街道[ \t]*([1-9][0-9]{0,3})[ \t]*社区")
# One of them numbered: 青禾社区第一党支部.
_OWN = re.compile("(?:第[一二三四五六七八九十0-9]{1,3})?(?:" + "|".join(_COMMUNITY_OWN) + ")")
# A community's name inside an organisation's: 东南街社区卫生服务中心 is a clinic, not the
# community the activity was for (nor is 六和人大社区联络站, a people's congress station, one,
# nor 大榭社区教育学院, a college).
# (and a society's centre named for communities' culture: 优邦社区文化促进中心)
_ORGANISATION_AFTER = (
    "卫生服务中心",
    "卫生服务站",
    "卫生站",
    "卫生院",
    "医院",
    "医疗",
    "教育学院",
    "学院",
    "大学",
    "文化促进中心",
    "发展促进中心",
)
# A site named after a community: 青禾社区网, 中国社区发展网, 柳岸社区家园网论坛 (not its
# grid, 社区网格).
_SITE_AFTER = re.compile("(?:(?:发展|服务|信息|家园)?网(?![格络])|论坛)")
# A page's source line, up to the name: 来源:西宫社区.
_SOURCE_LINE = re.compile(r"\s*(?:来源|稿源|信息来源|供稿|供稿单位)\s*[:：]\s*$")
# 来自和平街道柳东社区的王阿姨: where a person comes from, with the street in front.
_FROM_PLACE = re.compile(rf"来自[{HAN}]{{2,12}}?(?:街道|镇|乡|区|县|市)$")
# A team from one community visiting another (…社区小白桦志愿服务队走进兰寨社区): the first is
# where the team comes from, not the activity's community.
_VISITING_TEAM = re.compile(
    rf"[{HAN}]{{0,8}}?(?:志愿服务队|志愿者服务队|志愿者协会|志愿者|志愿队|服务队|艺术团|宣讲团|义工)"
    rf"(?:一行)?(?:走进|来到|前往|深入|走入|赴)"
    # into another community (青禾社区义工走进辖区青禾花园小区: into a compound of its own)
    rf"(?=[^，,。；;]{{0,12}}?社区)"
)
# Where an activity goes next, in a sentence saying so (活动还将走进…河北东社区、河南东社区): not
# where it was.
_SENTENCE_REACH = 120
_GOES_NEXT = re.compile(r"(?:还将|将陆续|即将|接下来将|下一步将)(?:走进|走入|深入|来到|前往|在)")
# What a community does as the subject of its sentence, right after the day: 3月24日下午，文化
# 社区联合… (a name of two is otherwise as often a word).
_ACTOR_VERBS = ("联合", "开展", "举办", "组织", "举行", "召开", "邀请", "特邀", "携手", "协同", "会同", "联手", "在")
# Two communities that hold the event together: 春华社区和秋实社区联合开展….
_PAIR_JOINERS = "和与及、"
_PAIR_NEXT = re.compile(rf"[{_PAIR_JOINERS}]([{HAN}]{{2,4}}?)社区(?:{'|'.join(_ACTOR_VERBS)})")
# A theme the one who held the event gave it: 以“…”为主题.
_ON_A_THEME = re.compile(r"以“[^”\n]{1,30}”为(?:主题|契机)")
# What only the one who held the event does with it: 开展了, 举办了, 召开了.
_HOLDS = ("开展了", "举办了", "召开了", "举行了", "组织开展")
# What was held there, a few words after the place: 在沙田社区(广场)开展.
_HELD_HERE = re.compile(r"[^，,。；;！？!?\n]{0,12}?(?:开展|举行|举办|召开)")
_HELD_IN_CLAUSE = re.compile(r"[^，,。；;！？!?\n]{0,24}?(?:开展|举行|举办|召开|开班|启动)")
# Or its own people at work (近日，青禾社区义工走进…).
_ACTOR_PEOPLE = ("义工", "志愿者", "网格员", "工作人员", "社工")
_DAY_AFTER = re.compile(
    r"(?:于|在)?(?:[0-9]{4}年)?[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}[日号]"
)
# (with its clock: 3月9日下午2:30，青禾社区…)
# (or a day not told: 近日，青禾社区…; the comma may be left out: 11月21日新兴达社区组织…)
_DAY_BEFORE = re.compile(
    r"(?:[日号]|上午|下午|晚上|早上|中午|傍晚|近日|日前|近期|连日来)(?:\s*[0-9]{1,2}[:：][0-9]{2})?\s*[,，]?\s*$"
)
# An event named after the community: 情系贞西社区邻里节 is a festival's name.
# (and a community garden's project: 七彩社区花园营造项目)
_EVENT_AFTER = ("邻里节", "邻居节", "文化节", "艺术节", "运动会", "花园营造")
# Who a community's person is, then what they said: …社区党委书记、居委会主任郑某在讨论会上首先发表
# 感言, …社区党支部书记张某说.
_QUOTED_PERSON = re.compile(
    rf"(?:党委|党总支|党支部|居委会|居民委员会)?[^，,。；;！？\n]{{0,12}}?(?:书记|主任)[{HAN}、]{{0,12}}?"
    r"(?:说|表示|谈到|谈了|补充|发表感言|发言|介绍说)"
)
# A community's team performing at another's event (池子崖社区的旗袍秀展演, 柳岸社区舞蹈队表演了…).
_PERFORMING = re.compile(
    rf"的?[{HAN}]{{0,4}}?(?:旗袍秀|时装秀|舞蹈队|合唱团|合唱队|腰鼓队|模特队|艺术团|文艺队|秧歌队|表演队|太极队|戏曲队)"
    r"[^，,。；;！？\n]{0,8}?(?:展演|表演|演出|演唱|带来|献上|登台)"
)
# Provinces and regions written without 省 in front of a name: 新疆西林路社区 is 西林路社区.
_PROVINCES = set(
    """北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东
    海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆""".split()
)
_ADDRESS_FIELD = re.compile(r"(?:办公|联系|通讯)?地址\s*[:：]")
# Shanghai's name for a residents' community (东场居民区党总支): read as 社区 is.
_NEIGHBOURHOOD = "居民区"
# Shanghai's residents' committees numbered after their place (桃园二居, 柳湾三居): a committee
# (居) after a numeral, where the numeral and 居 are not a word (一居室, 同一居民楼, 统一居住).
_COMMITTEE = "(?<=[一二三四五六七八九十])居(?![室民住家所委])"
# Or by its committee's name, short or full, as the text writes it (青禾雅苑居委, 学院新村居委会).
_SHORT_COMMITTEE = "居委会?"
_DISTRICT_AND_DIRECTION = re.compile(rf"[{HAN}]{{2}}区[东西南北中]")


def read_places(art: Article, registry):
    """The communities an article names, its street (value, confidence, why) and its location,
    with why the communities and the location were read as they were."""
    found = _Places(art.outside_parens, registry)
    found.from_registry()
    from_registry = len(found.communities)
    found.with_suffix()
    found.listed()
    found.sharing_a_suffix()
    found.numbered()
    found.streets += streets_written(found.text, found.taken, found.visiting)
    location, why_location = _home(found.text)
    street = choose_street(art, registry, found.communities, found.streets, found.registered_streets)
    if not found.communities:
        said = Reason(N_("no community named"))
    elif from_registry == len(found.communities):
        said = Reason(N_("registered names in the text"))
    elif not from_registry:
        said = Reason(N_("names ending in 社区"))
    else:
        said = Reason(N_("registered names and names ending in 社区"))
    # A name written once with words in front and once without is one community, the shorter:
    # with its province, or a county's or district's short name (容城容丰社区), or a word the
    # name's start did not stop at (志愿者同望海社区, 宣传南街社区, 182团光明社区).
    named = set(found.communities)
    communities = [c for c in found.communities if not any(c[k:] in named for k in range(1, len(c) - 3))]
    # 州桥社区 and its committee, 州桥居委会: one community (and so are 柳岸居民区 and its 柳岸居委会,
    # and 胡桥社区 written once as 胡桥居民区).
    communities = [
        c
        for c in communities
        if not (
            c.endswith(("居委会", "居委"))
            and {c[: c.rindex("居委")] + "社区", c[: c.rindex("居委")] + "居民区"} & named
        )
        and not (c.endswith("居民区") and c[: -len("居民区")] + "社区" in named)
        # 龙岐大社区 beside 龙岐社区: the merged community Hainan calls 大社区, one community
        and not (c.endswith("大社区") and c[: -len("大社区")] + "社区" in named)
    ]
    # Where a person quoted works (北京市朝阳门街道竹杆社区党委书记郑某谈到…) or a performing team
    # comes from (池子崖社区的旗袍秀展演 at 九女山社区's show), when that is all the text says of a
    # community and it names another the activity was for.
    set_aside: list[str] = []
    for written_as, why_not in (
        (found.quoted_from, N_("{name} (where a person quoted works)")),
        (found.performing, N_("{name} (where a performing team comes from)")),
    ):
        those = [c for c in communities if written_as.get(c, 0) >= found.writings.count(c[:-2], c[-2:]) > 0]
        if those and len(those) < len(communities):
            set_aside += [Reason(why_not, name=c) for c in those]
            communities = [c for c in communities if c not in those]
    passed = list(dict.fromkeys([*set_aside, *(p for p in found.passed if p.split(" (")[0] not in found.known_names)]))
    lost = Reason(N_("part of the text was lost in the scrape and may have named one")) if art.damage else ""
    why = {
        "communities": clauses(
            said,
            Reason(N_("passed over: {names}"), names=items(*passed[:3])) if passed else "",
            lost if not communities else "",
        ),
        "location": why_location,
    }
    if lost and street[0] is None:
        street = (None, 0, clauses(street[2], lost))
    return communities, street, location, why


class _Places:
    """The communities and streets one article names, read in turn: registered names, names
    before a suffix, names listed before their count; with what was passed over and why."""

    def __init__(self, text: str, registry) -> None:
        self.text = text
        self.registry = registry
        self.taken = [False] * len(text)  # characters a name already read covers
        self.communities: list[str] = []
        self.known_names: set[str] = set()  # the names in `communities`
        self.registered_streets: list[str] = []  # the registry's streets of those found
        self.streets: list[str] = []  # streets written in the text
        self.passed: list[str] = []  # community names set aside, with why
        self.writings = Writings(text)  # how often each name is written, and where
        self.visiting: set[int] = set()  # where the names of visiting teams' communities start
        self.visitors: set[str] = set()  # and those names
        self.quoted_from: dict[str, int] = {}  # names written as where a person quoted works
        self.performing: dict[str, int] = {}  # names written as a performing team's
        self.named_at: list[tuple[int, str, str]] = []  # each community read with its suffix: where, suffix, name

    def _add(self, name: str, street: str | None = None) -> None:
        if name not in self.known_names:
            self.known_names.add(name)
            self.communities.append(name)
            if street:
                self.registered_streets.append(street)

    def from_registry(self) -> None:
        """1. The registry: registered names and aliases, longest first."""
        if self.registry is None:
            return
        text, taken = self.text, self.taken
        spellings = []
        for c in self.registry.communities:
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
                if c.name not in self.known_names:
                    self._add(c.name, c.street)

    def with_suffix(self) -> None:
        """2. Names written …社区 / …街道 / …地区 (and a committee's …居, …居委会)."""
        text = self.text
        for m in re.finditer("|".join((*SUFFIXES, _NEIGHBOURHOOD, _COMMITTEE, _SHORT_COMMITTEE)), text):
            if any(self.taken[m.start() : m.end()]):
                continue
            found = name_before(text, m.start(), self.taken, strong=True)
            if found is None:
                continue
            name, strong = found
            suffix = m.group()
            # 地址:龙岗区龙城街道万科…: a site's or an office's address, the page's chrome
            begins = m.start() - len(name)
            line = text.rfind("\n", max(0, begins - 24), begins) + 1  # (not back to the text's start)
            if _ADDRESS_FIELD.search(text, max(line, begins - 24), begins):
                continue
            # 居民区 is as often any neighbourhood (党工委和居民区党总支): only with its own office,
            # or right after its street (青禾街道柳岸居民区)
            # (or last of a list of names sharing it: 华一、新闵、富仕居民区)
            if suffix == _NEIGHBOURHOOD and (
                name[-1] in "和与及或"
                or not (
                    text.startswith(_COMMUNITY_OWN, m.end())
                    or text[max(0, begins - 2) : begins] == "街道"
                    or text[begins - 1 : begins] == "、"
                )
            ):
                continue
            if suffix == "居":
                if len(name_core(name)) < 2 or self.writings.count(name, suffix) < 2:
                    continue
                strong = True  # a committee is surely one when named again
            if suffix in ("社区", _NEIGHBOURHOOD, "居", "居委", "居委会"):
                self._community(m, name, suffix, strong)
                continue
            name = without_joining(text, begins, name)  # 柳岸社区和青禾街道: 青禾街道
            if len(name) < 2:
                continue
            if suffix == "地区":
                # 燕山地区迎风街道: an area in front of a street is not the street.
                if looks_like_place(name) and not re.match(rf"[{HAN}]{{2,4}}街道", text[m.end() : m.end() + 6]):
                    self.streets.append(name + suffix)
            elif name in _DONE_TO_STREETS:
                continue
            elif len(name) == 4 and (re.search(f"{name[:2]}[市县]", text) or _division_in_front(name)):
                # 芜湖湾里街道 where 芜湖市 is written, 苏州斜塘街道: the city's or county's short
                # name in front
                self.streets.append(name[2:] + suffix)
            elif len(name) <= 4:
                # 相山区西街道: a street named by a direction alone, behind its district
                self.streets.append((name[-1] if _DISTRICT_AND_DIRECTION.fullmatch(name) else name) + suffix)
            elif len(name) == 5 and HAN_NAME.fullmatch(name):
                # 武昌徐家棚街道: a district's short name (武昌, 海淀, 朝阳) in front of the street's;
                # names of five before 街道 are nearly all two and three. Not after the district
                # itself: 管城区紫荆山南路街道 is one name; nor a road's, its part named by a
                # direction (贺兰山中路街道).
                whole = text[m.start() - len(name) - 1 : m.start() - len(name)] == "区" or name.endswith(
                    ("东路", "西路", "南路", "北路", "中路")
                )
                self.streets.append((name if whole else name[2:]) + suffix)

    def _passed(self, why: str, name: str) -> None:
        self.passed.append(Reason(why, name=name))

    def _community(self, m: re.Match, name: str, suffix: str, strong: bool) -> None:
        """A name before 社区 (or a committee's suffix): the activity's community, or passed over."""
        text = self.text
        if text.startswith(_EVENT_AFTER, m.end()):
            self._passed(N_("{name} (in an event's name)"), name + suffix)
            return
        if text.startswith(_ORGANISATION_AFTER, m.end()) or name.endswith("人大") or _SITE_AFTER.match(text, m.end()):
            self._passed(N_("{name} (in an organisation's name)"), name + suffix)
            return
        if _VISITING_TEAM.match(text, m.end()) or name + suffix in self.visitors:
            self.visiting.add(m.start() - len(name))
            self.visitors.add(name + suffix)
            self._passed(N_("{name} (where a visiting team comes from)"), name + suffix)
            return
        begins = m.start() - len(name)
        # (the sentence looked back on a little way only: a text with no 。 or ！ would be read
        # back to its start for every name)
        window = max(0, begins - _SENTENCE_REACH)
        sentence = max(window, *(text.rfind(ch, window, begins) + 1 for ch in "。！？!?\n"))
        if _GOES_NEXT.search(text, sentence, begins):
            self._passed(N_("{name} (where the activity goes next)"), name + suffix)
            return
        # “社区健康课堂、健康社区居民”: a slogan in quotes, wherever the name is written.
        if self.writings.only_in_slogans(name, suffix):
            self._passed(N_("{name} (in a slogan in quotes)"), name + suffix)
            return
        # 来源:西宫社区: the account that published the page, not where the activity was.
        line = text.rfind("\n", max(0, begins - 12), begins)  # a source line is short
        if (line >= 0 or begins <= 12) and _SOURCE_LINE.match(text, line + 1, begins):
            self._passed(N_("{name} (the page's source)"), name + suffix)
            return
        # 来自某某社区的居民: where a person lives, not where the activity was.
        if text[max(0, begins - 2) : begins] == "来自" or (
            text.startswith("的", m.end()) and _FROM_PLACE.search(text, max(0, begins - 14), begins)
        ):
            self._passed(N_("{name} (where a person comes from)"), name + suffix)
            return
        if _QUOTED_PERSON.match(text, m.end()):
            self.quoted_from[name + suffix] = self.quoted_from.get(name + suffix, 0) + 1
        if _PERFORMING.match(text, m.end()):
            self.performing[name + suffix] = self.performing.get(name + suffix, 0) + 1
        strong = (
            strong
            or _acts(text, m, name, begins)
            or listed_before(text, begins, self.taken) is not None
            or _in_acting_pair(text, m, begins, self.taken)
        )
        # 东市街道菜市社区: after a street, a name ending in 市 is no city's
        # (仪征市大市社区: nor after its city), and one ending in 镇 no town's (青禾街道集镇社区)
        before = text[max(0, begins - 2) : begins]
        after_street = len(name) >= 2 and (
            (name[-1] == "市" and (before == "街道" or before.endswith("市")))
            or (name[-1] == "镇" and before == "街道")
        )
        # 兰陵街道九洲新世界社区: a long name right after its street starts there for sure
        long_after_street = before == "街道" and 5 <= len(name) <= 6
        # 和平街道幸福社区, 幸福社区党委: where a slogan's word is the community's name
        generic_after_unit = name in GENERIC and placed(text, begins, m.start())
        # 成都市金牛区西南交通大学社区: a university's community, named after it
        university = name.endswith("大学") and len(name) >= 4 and (strong or self.writings.count(name, suffix) >= 2)
        if (
            not name.isnumeric()
            and not after_street
            and not long_after_street
            and not generic_after_unit
            and not university
            and not looks_like_place(name)
            and not (  # a number: 3402社区
                # (or a committee named twice: 嘉新居委为…, 在嘉新居委的活动室)
                plausible(name)
                and (strong or (suffix in ("社区", "居委", "居委会") and self.writings.count(name, suffix) >= 2))
            )
        ):
            if plausible(name) and name not in LEAD_WORDS:
                self._passed(N_("{name} (named once, its start unsure)"), name + suffix)
            return None
        full = name + suffix
        if suffix.startswith("居委") and name.endswith("社") and len(name) >= 3:
            full = name[:-1] + "社区"  # 柳树岗社居委: the 社区's residents' committee
        known = self.registry.find(full) if self.registry is not None else None
        self._add(known.name if known is not None else full, known.street if known is not None else None)
        self.named_at.append((begins, suffix, known.name if known is not None else full))
        return None

    def listed(self) -> None:
        """2a. Names listed before one 社区 with their count: 安华里、安贞里两个社区."""
        text = self.text
        for m in _LISTED.finditer(text):
            window = max(0, m.start() - 60)  # a list of a few names, looked for near the count only
            start = max(window, *(text.rfind(ch, window, m.start()) + 1 for ch in "，,。；;：:！？!?\n"))
            parts = re.split("[、和与及]", text[start : m.start()])
            if (
                len(parts) < 2
                or not all(HAN_NAME.fullmatch(p) for p in parts[1:])
                or any(p.endswith(("社区", "街道")) for p in parts)
            ):
                continue  # 安华里社区、安贞里社区等12个社区: the names were read in full
            first = name_before(text, start + len(parts[0]), self.taken)
            for name in (first, *parts[1:]):
                if name and 2 <= len(name) <= 6 and name not in GENERIC and not LEAD_RE.match(name):
                    self._add(name + "社区")

    def sharing_a_suffix(self) -> None:
        """2c. Names listed before a community's, sharing its suffix: 华一、新闵、富仕居民区."""
        for begins, suffix, last in self.named_at:
            listed = [
                n + suffix
                for n in listed_before(self.text, begins, self.taken) or ()
                if n + suffix not in self.known_names
            ]
            if listed:  # (where the last one stands is looked up only then: a text of ever new
                # communities asked it of every one)
                at = self.communities.index(last)
                self.communities[at:at] = listed  # in the order written
                self.known_names.update(listed)

    def numbered(self) -> None:
        """2b. A community named by its number, right after its street: 钢都花园街道126社区."""
        for m in _NUMBERED.finditer(self.text):
            if not any(self.taken[m.start(1) : m.end()]):
                self.taken[m.start(1) : m.end()] = [True] * (m.end() - m.start(1))
                self._add(m[1] + "社区")


def _division_in_front(name: str) -> bool:
    """Whether a street's name of four is a city's or county's short name and the street's own
    (苏州斜塘, 罗湖黄贝); not a road named after a city (南京东路, 济南路街), a city gate's
    (朝阳门外), nor a new town or district named after its county (太平新城, 浮山新区)."""
    return (
        name[:2] in DIVISION_SHORT_NAMES
        and name[2] != "门"
        and not name.endswith(("路", "街", "道", "新城", "新区", "新區"))
    )


def _acts(text: str, m: re.Match, name: str, begins: int) -> bool:
    """Whether the community named is what its sentence is about: what it does follows it."""
    after_day = _after_day(text, begins)
    return (
        _OWN.match(text, m.end()) is not None
        # (9月10日，青苗社区为辖区12名老人送去…: what it did for whom)
        or (text.startswith((*_ACTOR_VERBS, *_ACTOR_PEOPLE, "为"), m.end()) and after_day)
        # 9月7日上午，新瓯社区老年文化学习班…正式开班, 9月17日，广安社区居家养老服务站的社工为…开展了:
        # right after the day, the community whose own body held the event in that clause
        or (after_day and _held_in_clause(text, m.end()))
        # …的联系，向阳社区在2月15日下午举办…: the community, then the day it held something
        or _DAY_AFTER.match(text, m.end()) is not None
        # …来临，城华清枫社区为营造…: a name of three or more opening its clause, then what it did
        or (len(name) >= 3 and text[begins - 1 : begins] in ",，" and text.startswith(_ACTOR_VERBS + ("为",), m.end()))
        # (…雷锋精神，闻兰社区开展了…: a name of two, when it holds the event itself, joins
        # others to hold it in its clause, or holds it on a theme: …，和平社区联合消防站开展…,
        # …，天筑社区以“…”为主题，开展了…)
        or (
            text[begins - 1 : begins] in ",，"
            and (
                text.startswith(_HOLDS, m.end())
                or (text.startswith(("联合", "携手"), m.end()) and _HELD_IN_CLAUSE.match(text, m.end()) is not None)
                or _ON_A_THEME.match(text, m.end()) is not None
            )
        )
        # where it was held: 在沙田社区开展…, 在聚新社区A区北广场开展…
        or (text[begins - 1 : begins] == "在" and _HELD_HERE.match(text, m.end()) is not None)
        # opening its clause, then where it held the event: …9点，华二居委在万博家园三楼召开…
        or (
            text[begins - 1 : begins] in ",，"
            and text.startswith("在", m.end())
            and _HELD_HERE.match(text, m.end() + 1) is not None
        )
        # one of a list of those who held it: 城管局、龙山街道、祥和社区、祥瑞物业…, …公司及腾龙社区等
        or (text[begins - 1 : begins] == "、" and text[m.end() : m.end() + 1] == "、")
        or (text[begins - 1 : begins] in ("、", "及", "和", "与") and text.startswith("等", m.end()))
    )


def _after_day(text: str, begins: int) -> bool:
    """Whether a name starting at `begins` follows a day (3月9日下午2:30，, 近日，)."""
    return _DAY_BEFORE.search(text, max(0, begins - 8), begins) is not None


def _opens_clause(text: str, begins: int) -> bool:
    """Whether a name starting at `begins` opens its clause (or its text), or follows its day."""
    return begins == 0 or text[begins - 1] in "，,。；;！？!?\n" or _after_day(text, begins)


def _in_acting_pair(text: str, m: re.Match, begins: int, taken: list[bool]) -> bool:
    """Whether the community is one of two, joined by 和 (与, 及, 、), that open their clause and
    then hold the event together: 6月12日，春华社区和秋实社区联合开展…. Each name's start is then
    as sure as that of one community opening its clause with what it did."""
    after = _PAIR_NEXT.match(text, m.end())
    if after is not None:  # the first of the two
        return plausible(after[1]) and after[1] not in LEAD_WORDS and _opens_clause(text, begins)
    if begins < 3 or text[begins - 1] not in _PAIR_JOINERS or text[begins - 3 : begins - 1] != "社区":
        return False
    if not text.startswith(_ACTOR_VERBS, m.end()):
        return False
    first = name_before(text, begins - 3, taken)  # the second of the two
    return bool(first) and plausible(first) and _opens_clause(text, begins - 3 - len(first))


def _held_in_clause(text: str, pos: int) -> bool:
    """Whether the clause from `pos` says an event was held, with no other community named on
    the way (湖滨社区中心青禾社区…举办: the second holds it; 为社区长者开展 names none)."""
    held = _HELD_IN_CLAUSE.match(text, pos)
    if held is None:
        return False
    for other in re.finditer("社区", text[pos : held.end()]):
        before = text[pos + other.start() - 2 : pos + other.start()]
        if other.start() >= 2 and HAN_NAME.fullmatch(before) and not set(before) & set("为向对给的在和与及"):
            return False
    return True


def _home(text: str) -> tuple[str | None, str]:
    """3. 温馨家园: a street's centre for people with disabilities, a venue rather than a
    community; it gives the location and, through its name, the street."""
    homes = sorted({m.group() for m in re.finditer(rf"[{HAN}]{{2,12}}?温馨家园", text)}, key=len)
    homes = [h for h in homes if clean_home(h)]
    if len(homes) == 1:
        return clean_home(homes[0]), Reason(N_("the 温馨家园 named in the text"))
    return None, ""
