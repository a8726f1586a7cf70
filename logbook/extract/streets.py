"""The street of an article: streets written short or at the head of a line, and the one street
chosen among those written, the registry's and a credit at the end."""

from __future__ import annotations

import re

from ..i18n import N_, Reason
from .articles import HAN, Article
from .place_names import LEAD_RE, name_before, name_core, without_joining
from .place_words import GENERIC, STOP_CHARS

# A street written short, glued to its community: 河东办兴盛社区 (河东街道), 无城镇太平社区
# (无城镇), 大路乡迎宾社区 (大路乡), 五一街办事处山城路社区 (五一街道); and 河东办事处 (河东街道),
# a town by its government or its head (洪川镇副镇长冯波出席活动).
# (the community's name holds no function word: 和平街消防救援站在社区… names none)
_GLUED = re.compile(
    rf"(?:街办事处|办事处|街办|办|镇|乡|街(?!道|办))(?=(?P<c>(?:(?![{''.join(sorted(STOP_CHARS))}])[{HAN}]){{2,6}}?|(?<=[镇乡])[一二三四五六七八九十])(?:社区|村))"
    r"|办事处|镇(?=党委|人民政府|政府|副?镇长)"
)
# The offices of a community or a street that end in 办 and are no street (计生办, 综治办).
_DEPARTMENTS = ("计生", "综治", "创城", "创文", "创卫", "文明", "党政", "老龄", "民政", "城管", "信访", "维稳", "应急")
_JOINING = ("联合", "携手")
# Where people are at an event, not a place's name: 台下办事处、社区及志愿者….
_ON_STAGE = frozenset("台上 台下 线上 线下 场上 场下 会上".split())
# A town after its county or district: 上杭县临城镇精心组织….
_TOWN_AFTER_COUNTY = re.compile(rf"(?<=[县区市])([{HAN}]{{2}})镇")
# A town in brackets after the zone or new town it is: 嘉定新城(马陆镇).
_TOWN_IN_BRACKETS = re.compile(rf"(?<=新城|新区|园区)[(（]([{HAN}]{{2,3}})镇[)）]")
# A town acting, named at its clause's start or after its county or district: 籍山镇在五里社区
# 开展…, 房山区韩村河镇在…, 川沙新镇“…”城南社区…, 在颛桥镇“…”项目的带动下.
_TOWN_ACTING = re.compile(
    rf"(?:(?<=[，,。；;\n])|^|(?<=[县区市]))(?:在|于)?([{HAN}]{{2,3}})镇(?=在|于|联合|组织|开展|举办|举行|召开|“)", re.M
)
_NOT_A_TOWN = ("各", "全", "本", "该", "每", "多", "这", "那", "小", "乡", "城乡", "村")
# A town or street naming the report at the head of a line: 青木关镇:清扫卫生死角….
_HEADING = re.compile(rf"^[ \t]*(?:来源[:：]\s*)?([{HAN}]{{2,4}})(镇|街道)(?:[:：]|$)", re.M)
# The credit at a report's end naming the street office that wrote it: (玄武湖街道 宗岳奇).
# (or one of its offices: 柳河街道社区教育中心)
# (or with the community and a picture's credit, the page's edge after it: (…街道…社区 图/文 某某) |)
_CREDIT = re.compile(
    rf"[(（]\s*(?:供稿[:：]?\s*)?([{HAN}]{{2,6}}街道)(?:\s*[{HAN}·]{{0,6}}|[^()（）\n]{{0,20}}图\s*/\s*文[^()（）\n]{{0,8}})"
    r"\s*[)）]?\s*\|?\s*$"
)


def streets_written(text: str, taken: list[bool], visiting: set[int]) -> list[str]:
    """The streets and towns written without their 街道 or glued to what follows them, outside
    the names already read (`taken`); `visiting`: where visiting teams' communities start."""
    found: list[str] = []
    for m in _GLUED.finditer(text):
        if any(taken[m.start() : m.end()]) or text[max(0, m.start() - 2) : m.start()] == "街道":
            continue
        if m["c"] and m.end() in visiting:
            continue  # 石佛办事处西溪花园社区小白桦志愿服务队走进…: the visiting team's street
        if (
            m["c"]
            and len(m["c"]) > 1
            and (not name_core(m["c"]) or "街道" in m["c"] or m["c"].startswith(("社区", "区")))
        ):
            continue  # 和平街十一社区: one name; 新华街街道: the 街道 ends the street's name; 西街社区…社区;
            # 上街区一社区: a district (上街区), not a street
        if m["c"] and LEAD_RE.match(m["c"]):
            continue  # 建管办联合华山社区, 创城办对近期社区: an office's doing, not a street
        name = name_before(text, m.start(), taken)
        if name is None or (m.group() == "办" and name in _DEPARTMENTS):
            continue  # 马峦社区计生办和…社区: a community's office, not a street
        begins = m.start() - len(name)
        if m["c"] and text.startswith("村", m.end() + len(m["c"])) and text[max(0, begins - 2) : begins] in _JOINING:
            continue  # 龙广里社区联合宁远堡镇西坡村: the town of a village joining in
        name = without_joining(text, m.start() - len(name), name)  # 春华社区和西山街: 西山街
        if not 2 <= len(name) <= 4 or (m.group() == "镇" and name.endswith(("区", "县", "市"))):
            continue  # (惠阳区镇隆楼下村: 镇 begins the next name after a district's)
        if m.group() == "乡" and name.endswith(("镇", "乡")):
            continue  # 常庄镇乡居假日一社区: the town's, then a community's name that begins with 乡
        # 区和办事处领导, 台下办事处、社区及…: people of a district and an office, where they sat
        # (but before its community a town's name may end in 和: 保和镇白鹤山社区)
        if (name[-1] in "和与及" and not m["c"]) or name in _ON_STAGE:
            continue
        if name.endswith("街") and m.group() in ("办事处", "办"):
            found.append(name)  # 万兴街办事处: the office of 万兴街, a street named with 街
            continue
        found.append(name + ({"镇": "镇", "乡": "乡", "街": "街"}.get(m.group(), "街道")))

    def unread(start: int, end: int, name: str) -> bool:  # a name no other reading took
        return not any(taken[start:end]) and name not in GENERIC and not LEAD_RE.match(name)

    for m in _TOWN_IN_BRACKETS.finditer(text):
        if unread(m.start(1), m.end(1), m[1]):
            found.append(m[1] + "镇")
    for m in _TOWN_AFTER_COUNTY.finditer(text):
        if unread(m.start(), m.end(), m[1]):
            found.append(m.group())
    for m in _TOWN_ACTING.finditer(text):
        if unread(m.start(), m.end(), m[1]) and not m[1].startswith(_NOT_A_TOWN):
            found.append(m[1] + "镇")
    for m in _HEADING.finditer(text):
        if unread(m.start(1), m.end(2), m[1]):
            found.append(m[1] + m[2])
    return found


def choose_street(
    art: Article, registry, communities: list[str], written: list[str], registered: list[str]
) -> tuple[str | None, float, str]:
    """The article's street, its confidence and why: the registry's street of its communities,
    else the one street written (`written`) agreeing with the registry's of the known ones
    (`registered`), else a credit at the end naming a street office."""
    if registry is not None and communities:
        known_street = registry.street_of(communities)
        if known_street:
            return known_street, 0.9, Reason(N_("the registry's street of the communities"))
    # 朝阳门地区 is the area of 朝阳门街道: one street, named as its office is; so is 紫阳街
    # written short before a community (紫阳街复兴路社区) where 紫阳街道 is named too.
    offices = {s[: -len("街道")] for s in written if s.endswith("街道")}
    # (each name once, in the order first written: a text naming its street a thousand times
    # would otherwise compare every mention with every other)
    written = list(dict.fromkeys(_as_office(s, offices) for s in written))
    # 经区皇冠街道 beside 皇冠街道, 石家庄宁安街道 beside 宁安街道: one street, a zone's or a city's
    # short name written before it once (the first written of the names it ends with, found by
    # dropping one to three characters from its front, not by comparing it with every name)
    first = {name: i for i, name in enumerate(written)}
    written = [min((s[k:] for k in (1, 2, 3) if s[k:] in first), key=first.__getitem__, default=s) for s in written]
    distinct = list(dict.fromkeys(written))
    if registry is not None:
        distinct = list(dict.fromkeys(registry.resolve_street(s) or s for s in distinct))
    streets_of_known = list(dict.fromkeys(registered))
    if len(distinct) == 1 and (not streets_of_known or streets_of_known == distinct):
        return distinct[0], 0.75, Reason(N_("the street named in the text"))
    if len(distinct) > 1:
        return None, 0, Reason(N_("several streets named ({streets})"), streets="、".join(distinct))
    if len(streets_of_known) == 1:
        return streets_of_known[0], 0.7, Reason(N_("the registry's street of the known communities"))
    if len(streets_of_known) > 1:
        return None, 0, Reason(N_("the communities lie in different streets"))
    credit = _CREDIT.search(art.plain[-80:])
    if credit is not None:
        return credit[1], 0.6, Reason(N_("the street office in the credit at the end"))
    return None, 0, Reason(N_("no street named"))


def _as_office(street: str, offices: set[str]) -> str:
    """`street` (…地区, …街) named as its office is, when the text names that office too."""
    for short in ("地区", "街"):
        if street.endswith(short) and street[: -len(short)] in offices:
            return street[: -len(short)] + "街道"
    return street
