"""Communities, street and location: registry names first, then names ending in 社区/街道."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..i18n import N_, Reason, clauses, items
from ..textnorm import to_simplified
from .articles import HAN, Article

# Characters and words that end a name on its left: function words that never start a
# community's name, and verbs that introduce one (覆盖了, 联合, 走进 …).
_STOP_CHARS = set("了在于到的是由为从向把让给被等对并至赴往及与其此这那每各该本跟们就受")
# Verbs that end what stands before 社区: a name starts after one (走进腾龙社区 is 腾龙), and a
# name cannot end on one (积极发挥社区党支部作用, 大力推动社区…: no name).
_VERBS_BEFORE = (
    "发挥",
    "推动",
    "提升",
    "提高",
    "加强",
    "增强",
    "推进",
    "促进",
    "营造",
    "打造",
    "助力",
    "助推",
    "筑牢",
    "融入",
    "扎根",
    "走进",
    "深入",
    "配合",  # 主动配合社区党委的工作
    "共话",  # 共话社区发展
    "呼吁",  # 他呼吁社区居民
    "倡导",
    "通过",  # 通过社区的努力
    "协助",
    "展现",
    "展示",
)
_LEAD_WORDS = sorted(
    """
    服务 来到 覆盖 联合 携手 组织 举办 开展 邀请 特邀 位于 地处 作为 前往 对接 结对
    帮扶 针对 围绕 参与 参加 牵头 协同 会同 动员 发动 号召 带领 引导 指导 督导 支持
    依托 整合 链接 走访 看望 慰问 所在 来自 辖区 全体 所属 未来 今后 下一步 目前
    近年来 同时 此外 丰富 守护 美化 关爱 共建 创建 争创 上午 下午 晚上 早上 中午 傍晚
    就有 还有 全 属 和 与 及 或 有""".split()
    + list(_VERBS_BEFORE),
    key=len,
    reverse=True,
)
_GENERIC = set(
    """众多 多个 其他 其它 周边 相关 兄弟 共建 和谐 基层 城市 农村 老旧 智慧 美丽 文明 示范 整个 广大
    各个 涉及 我们 自己 附近 试点 幸福 熟人 友好 韧性 完整 宜居 活力 温馨 和睦 数字 绿色 平安 书香
    社区 街道 地区 全国 全市 全区 本市 本区 部分 多数 少数 周围 偏远 贫困 山区 边远 对口 帮扶 新型
    服务 工作 治理 建设 发展 管理 所有 不同 两个 三个 几个 每个 多家 先进 优秀 特色 无障碍
    无毒 无烟 无诈 法治 低碳 节水 生态 洁净 美好 健康 安全 学习型 节约型""".split()
)
# Words that, written before 街道, say what was done to the streets (清洁街道), not which street.
_DONE_TO_STREETS = set("清洁 清扫 打扫 清理 保洁 整治 美化 巡查 巡逻 装扮 扮靓".split())
# The last character of a community or area name: what Beijing place names end with.
_PLACE_FINAL = set(
    "里园居庄村营门桥街路寺堂楼口坊苑巷同城府院湖山河台店屯宫坡厂甸关井坛港湾海岛林场亭阁馆铺窑"
    "墙洼垡沟峪岭坨淀泉池塔滩源景邸第舍廊轩汇郡墅岸谷溪寓寨集堡坝埠堤塘殿祠庙观宅房户东西南北中"
)
_HAN_CHAR = re.compile(f"[{HAN}]")
_HAN_NAME = re.compile(f"[{HAN}]+")
_LEAD_RE = re.compile("|".join(w for w in _LEAD_WORDS if len(w) > 1))  # longest first
_LEAD_CHARS = {w for w in _LEAD_WORDS if len(w) == 1}
# Lead words after which a name is surely a place's: one goes into, comes to or joins a place.
_PLACE_LEADS = ("走进", "来到", "深入", "前往", "位于", "地处", "联合", "携手", "走访", "结对", "对接")
# Administrative units in front of a name (惠山区堰桥街道金惠社区, 河东办兴盛社区, 无城镇太平社区):
# the name starts after the last of them.
_ADMIN_PREFIX = re.compile(
    rf"(?:[{HAN}]{{2,}}?(?:街道|办事处|街办|新区|新城|农场|中心|市|区|县|镇|乡|办|街|局)"
    # this town (该镇), and a regiment of the Xinjiang corps (二十一团开来社区)
    rf"|(?:该|本)(?:街道|镇|乡)|[一二三四五六七八九十百零〇0-9]{{1,5}}团)(?=[{HAN}]{{2}})"
)
# What a community's own bodies are called: 和顺社区综合服务中心 is the community at work.
_COMMUNITY_OWN = (
    "居委会",
    "居民委员会",
    "党委",
    "党总支",
    "党支部",
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
# A community numbered rather than named, after its street: 枣园街道3402社区.
_NUMBERED = re.compile(r"(?:街道|镇|乡)([0-9]{2,6})")
# The number of a yard or building a community is named after (8号院社区).
_YARD_NUMBER = re.compile(r"[0-9]{1,4}$")
# A count after names listed without their 社区: 安华里、安贞里两个社区, …等3个社区.
_LISTED = re.compile(r"等?(?:[两二三四五六七八九十]|[0-9]{1,2})个社区")
# One of them numbered: 青禾社区第一党支部.
_OWN = re.compile("(?:第[一二三四五六七八九十0-9]{1,3})?(?:" + "|".join(_COMMUNITY_OWN) + ")")
# A community's name inside an organisation's: 东南街社区卫生服务中心 is a clinic, not the
# community the activity was for (nor is 六和人大社区联络站, a people's congress station, one).
_ORGANISATION_AFTER = ("卫生服务中心", "卫生服务站", "卫生站", "卫生院", "医院", "医疗")
# A site named after a community: 青禾社区网 (not its grid, 社区网格).
_SITE_AFTER = re.compile("网(?![格络])")
# A quote on one line: “…”.
_QUOTE = re.compile("“[^”\n]*”")
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
# What a community does as the subject of its sentence, right after the day: 3月24日下午，文化
# 社区联合… (a name of two is otherwise as often a word).
_ACTOR_VERBS = ("联合", "开展", "举办", "组织", "举行", "召开", "邀请", "携手", "协同", "会同", "联手", "在")
# Or its own people at work (近日，青禾社区义工走进…).
_ACTOR_PEOPLE = ("义工", "志愿者", "网格员", "工作人员", "社工")
# The credit at a report's end naming the street office that wrote it: (玄武湖街道 宗岳奇).
# (or one of its offices: 柳河街道社区教育中心)
_CREDIT = re.compile(rf"[(（]\s*(?:供稿[:：]?\s*)?([{HAN}]{{2,6}}街道)\s*[{HAN}·]{{0,6}}\s*[)）]?\s*$")
_DAY_AFTER = re.compile(r"(?:于|在)?[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}[日号]")
# (with its clock: 3月9日下午2:30，青禾社区…)
# (or a day not told: 近日，青禾社区…; the comma may be left out: 11月21日新兴达社区组织…)
_DAY_BEFORE = re.compile(
    r"(?:[日号]|上午|下午|晚上|早上|中午|傍晚|近日|日前|近期|连日来)(?:\s*[0-9]{1,2}[:：][0-9]{2})?\s*[,，]?\s*$"
)
# Verbs of slogans that end on 社区: 义诊进社区, 书香飘社区, 服务到社区, 法律入社区.
_SLOGAN_VERBS = "进飘到入起"
# 东进, 西进 … are names' (紫薇东进社区), not a slogan's verb after a direction.
_DIRECTIONS = "东西南北"
_ORDINAL = re.compile(r"^第[0-9〇一二三四五六七八九十百]+")
# An event named after the community: 情系贞西社区邻里节 is a festival's name.
_EVENT_AFTER = ("邻里节", "邻居节", "文化节", "艺术节", "运动会")
# Provinces and regions written without 省 in front of a name: 新疆西林路社区 is 西林路社区.
_PROVINCES = set(
    """北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东
    海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆""".split()
)
_NUMERAL_TAIL = re.compile(r"第?[一二三四五六七八九十]+$|第?[0-9]+$")
# What stands before the 区 of an estate's part (三里河一区, 东五区), never before a district's.
_AREA_MARKS = set("一二三四五六七八九十0123456789东西南北中")
_SUFFIXES = ("社区", "街道", "地区")
# Shanghai's name for a residents' community (东场居民区党总支): read as 社区 is.
_NEIGHBOURHOOD = "居民区"
# Shanghai's residents' committees numbered after their place (桃园二居, 柳湾三居): a committee
# (居) after a numeral, where the numeral and 居 are not a word (一居室, 同一居民楼, 统一居住).
_COMMITTEE = "(?<=[一二三四五六七八九十])居(?![室民住家所委])"
# Or by its committee's name, short or full, as the text writes it (青禾雅苑居委, 学院新村居委会).
_SHORT_COMMITTEE = "居委会?"


def read_places(art: Article, registry):
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

    from_registry = len(communities)

    # 2. Names written …社区 / …街道 / …地区.
    found_streets: list[str] = []
    passed: list[str] = []  # community names set aside, with why
    writings = _Writings(text)  # how often each name is written, and where
    visiting: set[int] = set()  # where the names of visiting teams' communities start
    visitors: set[str] = set()  # and those names
    for m in re.finditer("|".join((*_SUFFIXES, _NEIGHBOURHOOD, _COMMITTEE, _SHORT_COMMITTEE)), text):
        if any(taken[m.start() : m.end()]):
            continue
        found = _name_before(text, m.start(), taken, strong=True)
        if found is None:
            continue
        name, strong = found
        suffix = m.group()
        if suffix == _NEIGHBOURHOOD and (name[-1] in "和与及或" or not text.startswith(_COMMUNITY_OWN, m.end())):
            continue  # 居民区 is as often any neighbourhood (党工委和居民区党总支): only with its own office
        if suffix == "居":
            if len(_NUMERAL_TAIL.sub("", name)) < 2 or writings.count(name, suffix) < 2:
                continue
            strong = True  # a committee is surely one when named again
        if suffix in ("社区", _NEIGHBOURHOOD, "居", "居委", "居委会"):
            if text.startswith(_EVENT_AFTER, m.end()):
                passed.append(Reason(N_("{name} (in an event's name)"), name=name + suffix))
                continue
            if (
                text.startswith(_ORGANISATION_AFTER, m.end())
                or name.endswith("人大")
                or _SITE_AFTER.match(text, m.end())
            ):
                passed.append(Reason(N_("{name} (in an organisation's name)"), name=name + suffix))
                continue
            if _VISITING_TEAM.match(text, m.end()) or name + suffix in visitors:
                visiting.add(m.start() - len(name))
                visitors.add(name + suffix)
                passed.append(Reason(N_("{name} (where a visiting team comes from)"), name=name + suffix))
                continue
            begins = m.start() - len(name)
            # “社区健康课堂、健康社区居民”: a slogan in quotes, wherever the name is written.
            if writings.only_in_slogans(name, suffix):
                passed.append(Reason(N_("{name} (in a slogan in quotes)"), name=name + suffix))
                continue
            # 来源:西宫社区: the account that published the page, not where the activity was.
            line = text.rfind("\n", max(0, begins - 12), begins)  # a source line is short
            if (line >= 0 or begins <= 12) and _SOURCE_LINE.match(text, line + 1, begins):
                passed.append(Reason(N_("{name} (the page's source)"), name=name + suffix))
                continue
            # 来自某某社区的居民: where a person lives, not where the activity was.
            if text[max(0, begins - 2) : begins] == "来自" or (
                text.startswith("的", m.end()) and _FROM_PLACE.search(text, max(0, begins - 14), begins)
            ):
                passed.append(Reason(N_("{name} (where a person comes from)"), name=name + suffix))
                continue
            strong = (
                strong
                or _OWN.match(text, m.end()) is not None
                or (
                    text.startswith(_ACTOR_VERBS + _ACTOR_PEOPLE, m.end())
                    and _DAY_BEFORE.search(text, max(0, begins - 8), begins) is not None
                )
                # …的联系，向阳社区在2月15日下午举办…: the community, then the day it held something
                or _DAY_AFTER.match(text, m.end()) is not None
                # …来临，城华清枫社区为营造…: a name of three or more opening its clause, then what it did
                or (
                    len(name) >= 3
                    and text[begins - 1 : begins] in ",，"
                    and text.startswith(_ACTOR_VERBS + ("为",), m.end())
                )
            )
            # 东市街道菜市社区: after a street, a name ending in 市 is no city's
            after_street = len(name) >= 2 and name[-1] == "市" and text[max(0, begins - 2) : begins] == "街道"
            if (
                not name.isdigit()
                and not after_street
                and not _looks_like_place(name)
                and not (  # a number: 3402社区
                    _plausible(name) and (strong or (suffix == "社区" and writings.count(name, suffix) >= 2))
                )
            ):
                if _plausible(name) and name not in _LEAD_WORDS:
                    passed.append(Reason(N_("{name} (named once, its start unsure)"), name=name + suffix))
                continue
            full = name + suffix
            if suffix.startswith("居委") and name.endswith("社") and len(name) >= 3:
                full = name[:-1] + "社区"  # 柳树岗社居委: the 社区's residents' committee
            known = registry.find(full) if registry is not None else None
            full = known.name if known is not None else full
            if full not in known_names:
                known_names.add(full)
                communities.append(full)
                if known is not None and known.street:
                    registered_streets.append(known.street)
        elif suffix == "地区":
            # 燕山地区迎风街道: an area in front of a street is not the street.
            if _looks_like_place(name) and not re.match(rf"[{HAN}]{{2,4}}街道", text[m.end() : m.end() + 6]):
                found_streets.append(name + suffix)
        elif name in _DONE_TO_STREETS:
            continue
        elif len(name) <= 4:
            found_streets.append(name + suffix)
        elif len(name) == 5 and _HAN_NAME.fullmatch(name):
            # 武昌徐家棚街道: a district's short name (武昌, 海淀, 朝阳) in front of the street's;
            # names of five before 街道 are nearly all two and three.
            found_streets.append(name[2:] + suffix)

    # 2a. Names listed before one 社区 with their count: 安华里、安贞里两个社区.
    for m in _LISTED.finditer(text):
        window = max(0, m.start() - 60)  # a list of a few names, looked for near the count only
        start = max(window, *(text.rfind(ch, window, m.start()) + 1 for ch in "，,。；;：:！？!?\n"))
        parts = re.split("[、和与及]", text[start : m.start()])
        if (
            len(parts) < 2
            or not all(_HAN_NAME.fullmatch(p) for p in parts[1:])
            or any(p.endswith(("社区", "街道")) for p in parts)
        ):
            continue  # 安华里社区、安贞里社区等12个社区: the names were read in full
        first = _name_before(text, start + len(parts[0]), taken)
        for name in (first, *parts[1:]):
            if name and 2 <= len(name) <= 6 and name not in _GENERIC and not _LEAD_RE.match(name):
                full = name + "社区"
                if full not in known_names:
                    known_names.add(full)
                    communities.append(full)

    # 2b. A street written short, glued to its community: 河东办兴盛社区 (河东街道),
    #     无城镇太平社区 (无城镇); and 河东办事处 (河东街道).
    for m in re.finditer(
        rf"(?:办事处|街办|办|镇|街(?!道|办))(?=(?P<c>[{HAN}]{{2,4}})(?:社区|村))|办事处|镇(?=党委|人民政府|政府)", text
    ):
        if any(taken[m.start() : m.end()]) or text[max(0, m.start() - 2) : m.start()] == "街道":
            continue
        if m["c"] and m.end() in visiting:
            continue  # 石佛办事处西溪花园社区小白桦志愿服务队走进…: the visiting team's street
        if m["c"] and (not _NUMERAL_TAIL.sub("", m["c"]) or "街道" in m["c"]):
            continue  # 和平街十一社区: one name; 新华街街道: the 街道 ends the street's name
        if m["c"] and (_LEAD_RE.match(m["c"]) or any(ch in _STOP_CHARS for ch in m["c"])):
            continue  # 建管办联合华山社区, 创城办对近期社区: an office's doing, not a street
        name = _name_before(text, m.start(), taken)
        if name is None:
            continue
        if name[0] in "和与及" and text[max(0, m.start() - len(name) - 2) : m.start() - len(name)] == "社区":
            name = name[1:]  # 春华社区和西山街: 西山街
        if not 2 <= len(name) <= 4:
            continue
        found_streets.append(name + ({"镇": "镇", "街": "街"}.get(m.group(), "街道")))

    # 2b'. A town after its county or district: 上杭县临城镇精心组织….
    for m in re.finditer(rf"(?<=[县区市])([{HAN}]{{2}})镇", text):
        if not any(taken[m.start() : m.end()]) and m[1] not in _GENERIC and not _LEAD_RE.match(m[1]):
            found_streets.append(m.group())

    # 2c. A town or street naming the report at the head of a line: 青木关镇:清扫卫生死角….
    for m in re.finditer(rf"^[ \t]*(?:来源[:：]\s*)?([{HAN}]{{2,4}})(镇|街道)(?:[:：]|$)", text, re.M):
        if not any(taken[m.start(1) : m.end(2)]) and m[1] not in _GENERIC and not _LEAD_RE.match(m[1]):
            found_streets.append(m[1] + m[2])

    # 3. 温馨家园: a street's centre for people with disabilities, a venue rather than a
    #    community; it gives the location and, through its name, the street.
    location = None
    homes = sorted({m.group() for m in re.finditer(rf"[{HAN}]{{2,12}}?温馨家园", text)}, key=len)
    homes = [h for h in homes if _clean_home(h)]
    if len(homes) == 1:
        location = _clean_home(homes[0])
        why["location"] = Reason(N_("the 温馨家园 named in the text"))

    street: tuple = (None, 0, "")
    if registry is not None and communities:
        known_street = registry.street_of(communities)
        if known_street:
            street = (known_street, 0.9, Reason(N_("the registry's street of the communities")))
    if street[0] is None:
        # 朝阳门地区 is the area of 朝阳门街道: one street, named as its office is.
        offices = {s[: -len("街道")] for s in found_streets if s.endswith("街道")}
        found_streets = [
            s[: -len("地区")] + "街道" if s.endswith("地区") and s[: -len("地区")] in offices else s
            for s in found_streets
        ]
        distinct = list(dict.fromkeys(found_streets))
        if registry is not None:
            distinct = [registry.resolve_street(s) or s for s in distinct]
            distinct = list(dict.fromkeys(distinct))
        streets_of_known = list(dict.fromkeys(registered_streets))
        if len(distinct) == 1 and (not streets_of_known or streets_of_known == distinct):
            street = (distinct[0], 0.75, Reason(N_("the street named in the text")))
        elif len(distinct) > 1:
            street = (None, 0, Reason(N_("several streets named ({streets})"), streets="、".join(distinct)))
        elif len(streets_of_known) == 1:
            street = (streets_of_known[0], 0.7, Reason(N_("the registry's street of the known communities")))
        elif len(streets_of_known) > 1:
            street = (None, 0, Reason(N_("the communities lie in different streets")))
        else:
            credit = _CREDIT.search(art.plain[-80:])
            if credit is not None:
                street = (credit[1], 0.6, Reason(N_("the street office in the credit at the end")))
            else:
                street = (None, 0, Reason(N_("no street named")))
    if not communities:
        said = Reason(N_("no community named"))
    elif from_registry == len(communities):
        said = Reason(N_("registered names in the text"))
    elif not from_registry:
        said = Reason(N_("names ending in 社区"))
    else:
        said = Reason(N_("registered names and names ending in 社区"))
    # A name written once with its province, or a county's or district's short name, in front
    # (容城容丰社区) and once without is one community.
    named = set(communities)
    communities = [
        c
        for c in communities
        if not any((k == 2 or c[:k] in _PROVINCES) and c[k:] in named and len(c) - k >= 4 for k in (2, 3))
    ]
    passed = list(dict.fromkeys(p for p in passed if p.split(" (")[0] not in known_names))
    lost = Reason(N_("part of the text was lost in the scrape and may have named one")) if art.damage else ""
    why["communities"] = clauses(
        said,
        Reason(N_("passed over: {names}"), names=items(*passed[:3])) if passed else "",
        lost if not communities else "",
    )
    if lost and street[0] is None:
        street = (None, 0, clauses(street[2], lost))
    return communities, street, location, why


def _name_before(text: str, end: int, taken: list[bool], *, strong: bool = False, in_list: bool = True):
    """The name that ends at `end` (before a suffix), or None when its start cannot be told.
    With `strong`, (name, whether its start is sure): it follows an administrative unit
    (…街道, …区, …镇) or a verb of going to a place (走进, 联合)."""
    # A community numbered rather than named, after its street: 枣园街道3402社区.
    numbered = _NUMBERED.search(text, max(0, end - 12), end)
    if numbered is not None and numbered.end() == end and not any(taken[numbered.start(1) : end]):
        return (numbered[1], True) if strong else numbered[1]
    start = end
    sure = False
    long_run = False
    while start > 0 and _HAN_CHAR.match(text[start - 1]) and not taken[start - 1]:
        # A function word ends the name, unless all before it is one character that is a
        # place's last (平等街) or the word opens its clause (，向阳社区): then it is the name's.
        # (青禾街道向东社区: right after a street, the word is the name's first)
        if text[start - 1] in _STOP_CHARS and not (
            end - start == 1
            and (
                text[start] in _PLACE_FINAL
                or start < 2
                or not _HAN_CHAR.match(text[start - 2])
                or text[max(0, start - 3) : start - 1] == "街道"
            )
        ):
            sure = text[max(0, start - 2) : start] in _PLACE_LEADS  # 前往安良社区, 来到…
            break
        if text[max(0, start - 2) : start] in _SUFFIXES:  # `A社区和B社区`: B starts after A
            sure = text[start - 2 : start] == "街道"
            break
        # A date glued to the name: 1月16日民富园社区.
        if text[start - 1] in "日号" and re.search(
            r"月[0-9〇一二三四五六七八九十]{1,3}$", text[max(0, start - 5) : start - 1]
        ):
            break
        # 送法进社区, 义诊进社区, 书香飘社区, 服务到社区: a slogan's verb, not a name.
        # But 东进, 西进 are places' names (紫薇东进社区).
        if (
            text[start - 1] in _SLOGAN_VERBS
            and start == end
            and text.startswith("社区", end)
            and text[start - 2 : start - 1] not in _DIRECTIONS
        ):
            break
        start -= 1
        if end - start > 16:
            # A long run with no word to end it: a community's name only if a verb of going
            # or joining starts it (…交通警察支队柳林大队联合柳阳社区), below.
            long_run = True
            break
    # A community named after its yard's number: 8号院社区.
    yard = _YARD_NUMBER.search(text[max(0, start - 4) : start]) if text.startswith("号院", start) else None
    if yard is not None:
        start, sure = start - len(yard.group()), True
    # `A社区、B社区`: B starts after the 、 as surely as after A社区 itself, when A is a name
    # (服务社区、奉献社区 are verbs and their object).
    if in_list and text[max(0, start - 3) : start] == "社区、":
        sure = _name_before(text, start - 3, taken, in_list=False) is not None
    name = text[start:end]
    # 湖滨社区中心湖山社区: the 中心 is the first 社区's (a centre), not the second name's start.
    if text[max(0, start - 2) : start] == "社区" and name.startswith("中心") and len(name) >= 4:
        name, start = name[2:], start + 2
    # 苏州市姑苏区沧浪街道, 河东办兴盛社区: the units in front are not part of the name.
    cut = None
    for m in _ADMIN_PREFIX.finditer(name):
        cut = m
    if cut is not None and len(name) - cut.end() >= 2 and _NUMERAL_TAIL.sub("", name[cut.end() :]):
        name, start, sure = name[cut.end() :], start + cut.end(), True
    # 2020年柳坊社区: a year glued to the name.
    if name.startswith("年") and len(name) >= 3 and text[start - 1 : start].isdigit():
        name, start = name[1:], start + 1
    # 社工服务中心驻柳村社区: what is stationed in the community names it after 驻.
    posted = name.rfind("驻")
    if 0 <= posted <= len(name) - 3:
        name, start, sure = name[posted + 1 :], start + posted + 1, True
    # 辅导进城东社区: a slogan's verb (送…进) before the name (but 东进 is a name's: 紫薇东进).
    into = name.find("进", 1)
    if 0 < into <= len(name) - 3 and name[into - 1] not in _DIRECTIONS and text.startswith("社区", end):
        name, start, sure = name[into + 1 :], start + into + 1, True
    # 该镇韩家曲社区: the town named as this one (该 ends the name, leaving its 镇 in front).
    if name[:1] in "镇乡" and text[start - 1 : start] in ("该", "本") and len(name) >= 3:
        name, start, sure = name[1:], start + 1, True
    # 城关街道办民主社区: the 办 of 街道办 is the street's.
    if text[max(0, start - 2) : start] == "街道":
        for office in ("办事处", "办"):
            if name.startswith(office) and len(name) - len(office) >= 2:
                name, start, sure = name[len(office) :], start + len(office), True
                break
    # The last lead word: 社工站联合腾龙 is 腾龙, 未来龙泉 is 龙泉.
    stripped = True
    while stripped and name:
        stripped = False
        best = None  # (end of the word in name, word)
        for m in _LEAD_RE.finditer(name):
            # A word must leave a name after it.
            if m.end() < len(name) and (best is None or m.end() > best[0]):
                best = (m.end(), m.group())
        # One-character words (全, 属, 和) only in front: inside a name they are its own. 和 and
        # 与 also begin names (和平街): dropped only between two names of one kind (A社区和B社区).
        first = name[0]
        # A name of two keeps its first character: 全福街道 is no 福街道.
        if best is None and first in _LEAD_CHARS and len(name) > 2:
            if first not in "和与及或" or (
                text[max(0, start - 2) : start] in _SUFFIXES and text[start - 2 : start] == text[end : end + 2]
            ):
                best = (1, first)
        if best is not None:
            cut_at, word = best
            name, start, stripped = name[cut_at:], start + cut_at, True
            sure = sure or word in _PLACE_LEADS
    if long_run and not (sure and text.startswith("社区", end)):
        return None
    # 朝阳区和平街街道: the district in front is not part of the street's name.
    district = re.match(rf"^(?:北京市)?[{HAN}]{{2,3}}区(?=[{HAN}]{{2}})", name)
    if district and _NUMERAL_TAIL.sub("", name[district.end() :]):  # 建新北区第一 is one name
        name = name[district.end() :]
    if (
        len(name) < 2
        or len(name) > 6
        or name in _GENERIC
        or (len(name) == 4 and name[:2] in _GENERIC and name[2:] in _GENERIC)  # 平安和谐社区: a slogan's
        or name in _LEAD_WORDS
        or name.endswith(_VERBS_BEFORE)
        or _ORDINAL.match(name)
        or name[0] == "号"  # 3号楼社区居民: a building's number, not a name
        or re.fullmatch("[两二三四五六七八九十几多各]家", name)  # 三家社区社工室: a count of them
        # 持续联合街道执法力量: a verb of joining ends no name (联合社区 alone may be one)
        or any(name.endswith(w) and len(name) > len(w) for w in _PLACE_LEADS)
    ):
        return None  # 联合社区民警, 积极发挥社区…: a verb; 第五届“社区邻里节”: an ordinal
    # A name of three or more that opens its sentence starts there for sure: 。鑫苑世家社区10月
    # 10日开展… (two characters there are as often a word: 通过社区, 只有社区).
    sure = sure or (len(name) >= 3 and (start == 0 or text[start - 1] in "。！？；!?;\n"))
    if any(g in name for g in ("活动", "工作", "服务", "建设", "治理", "党委", "居委", "工委")):
        return None
    return (name, sure) if strong else name


class _Writings:
    """How often each name is written before a suffix (its stem of 2 to 6 characters), and how
    often inside quotes (“…” on one line). The stems before a suffix are counted in one pass, the
    first time that suffix is asked about: a text of many names is then read in time that grows
    with its length, not with the number of names times the length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tallies: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
        self._quotes: tuple[list[int], list[tuple[int, int]], set[str]] | None = None

    def count(self, name: str, suffix: str) -> int:
        """How often name + suffix is written."""
        return self._tally(suffix)[0].get(name, 0)

    def only_in_slogans(self, name: str, suffix: str) -> bool:
        """Whether every writing of name + suffix is inside quotes that hold more than it: a
        slogan or a theme (“社区健康课堂、健康社区居民”), not where the activity was (but
        “和顺社区”, the name alone in quotes, is a name)."""
        every, quoted = self._tally(suffix)
        written = every.get(name, 0)
        return written > 0 and quoted.get(name, 0) == written and name + suffix not in self._quoted()[2]

    def _quoted(self) -> tuple[list[int], list[tuple[int, int]], set[str]]:
        if self._quotes is None:
            spans = [(m.start(), m.end()) for m in _QUOTE.finditer(self.text)]
            self._quotes = ([start for start, _ in spans], spans, {self.text[a + 1 : b - 1] for a, b in spans})
        return self._quotes

    def _tally(self, suffix: str) -> tuple[dict[str, int], dict[str, int]]:
        tally = self._tallies.get(suffix)
        if tally is None:
            starts, spans, _ = self._quoted()
            every: dict[str, int] = {}
            quoted: dict[str, int] = {}
            text = self.text
            for m in re.finditer(re.escape(suffix), text):
                at = bisect_right(starts, m.start()) - 1
                opened, closed = spans[at] if at >= 0 else (len(text), 0)
                for k in range(2, 7):
                    if m.start() >= k:
                        stem = text[m.start() - k : m.start()]
                        every[stem] = every.get(stem, 0) + 1
                        if opened < m.start() - k and m.end() < closed:
                            quoted[stem] = quoted.get(stem, 0) + 1
            tally = self._tallies[suffix] = (every, quoted)
        return tally


def _plausible(name: str) -> bool:
    """A name that may be a community's, though it ends unlike a Beijing place name."""
    core = _NUMERAL_TAIL.sub("", name)
    return 2 <= len(core) <= 4 and core not in _GENERIC and core[-1] not in "乡镇市县省区"


def _looks_like_place(name: str) -> bool:
    core = _NUMERAL_TAIL.sub("", name)
    if len(core) < 2 or core in _GENERIC:
        return False
    if core[-1] == "区" and len(core) >= 4 and core[-2] in _AREA_MARKS:
        return True  # 三里河一区, 龙跃苑东五区, 建新北区第一: a numbered or placed part of an estate
    if core[-1] in "乡镇市县省" or (core[-1] == "区" and core == name):
        return False  # 太阳宫乡社区建设: the communities of a township, not one of them
    return core[-1] in _PLACE_FINAL


def _clean_home(name: str) -> str | None:
    # The name runs back to a street (…街道温馨家园) or a place; cut a leading verb or word.
    m = re.search(rf"([{HAN}]{{2,6}}(?:街道|地区))?温馨家园$", name)
    if m and m.group(1):
        inner = _name_before(name, m.start(1) + len(m.group(1)) - 2, [False] * len(name))
        return f"{inner}{m.group(1)[-2:]}温馨家园" if inner else None
    return None
