"""The names of places as a report writes them: where a name before 社区, 街道 or 地区 starts,
how often it is written and whether only inside a slogan, and whether it ends as a place
name does. `places` reads communities and `streets` the street with these."""

from __future__ import annotations

import re
from bisect import bisect_right

from .articles import HAN
from .place_words import GENERIC, LEAD_WORDS, NEVER_NAMES, PLACE_FINAL, STOP_CHARS, VERBS_BEFORE

_HAN_CHAR = re.compile(f"[{HAN}]")
HAN_NAME = re.compile(f"[{HAN}]+")
LEAD_RE = re.compile("|".join(w for w in LEAD_WORDS if len(w) > 1))  # longest first
_LEAD_SET = frozenset(LEAD_WORDS)
_LEAD_CHARS = {w for w in LEAD_WORDS if len(w) == 1}
_LEAD_TAILS = tuple(w for w in LEAD_WORDS if len(w) > 1 and w != "未来")
# Lead words after which a name is surely a place's: one goes into, comes to or joins a place.
_PLACE_LEADS = ("走进", "来到", "深入", "前往", "位于", "地处", "联合", "携手", "走访", "结对", "对接")
# Administrative units in front of a name (惠山区堰桥街道金惠社区, 河东办兴盛社区, 无城镇太平社区):
# the name starts after the last of them.
_ADMIN_PREFIX = re.compile(
    # (辖区, the community's own area, is no district: 组织辖区内青年社区工作者)
    rf"(?:[{HAN}]{{2,}}?(?:街道|街办事处|办事处|街办|新区|新城|农场|中心|服务站|工作站|市镇|市|(?<!辖)区|县|镇|乡|办|街|局)"
    # this town (该镇), and a regiment of the Xinjiang corps (二十一团开来社区)
    rf"|(?:该|本|我)(?:街道|镇|乡|县|区|市)|[一二三四五六七八九十百零〇0-9]{{1,5}}团"
    # an office or a station listed before the community: 横琴镇综合文化站和丁官路社区
    rf"|[{HAN}]{{2,}}?(?:站|所|中心|馆|队)[和与及])(?=[{HAN}]{{2}})"
)
# A community numbered rather than named, after its street: 枣园街道3402社区.
# (searched up to the name's end and anchored there, so that a nearer numbered name is not
# hidden by one before it: 木洞镇三社区和重庆路街道二社区)
_NUMBERED = re.compile(r"(?:(?:街道|镇|乡)([0-9]{2,6})|(?:(?<=街道)|(?<=[镇乡]))([一二三四五六七八九十]{1,2}))\Z")
# The number of a yard or building a community is named after (8号院社区).
_YARD_NUMBER = re.compile(r"[0-9]{1,4}$")
_WISHING = ("希望", "盼望", "期待", "期望", "恳请", "请求")
_ASKED_TO = ("能", "可以", "帮", "给", "尽快", "出面", "协调", "管")
# (or after a social workers' station: 珠江街社工服务站平安社区服务点)
_AFTER_UNIT = re.compile(r"(?:街道|镇|办事处|服务站|工作站|(?<![城各])乡)$")
_COMMUNITY_NEXT = re.compile(rf"[{HAN}]{{2,6}}?社区")
_OWN_ORGANS = re.compile("党委|党总支|党支部|居委会|居民委员会")
_HOLDS_NEXT = re.compile("开展|举办|举行|召开|组织开展|新时代文明实践")
# Slogans' qualities that are also communities' names (平安社区, 幸福社区).
_QUALITIES = frozenset("平安 幸福 和谐 和美 文明 美丽 温馨 和睦 美好 书香 阳光".split())
# A name in brackets after a street or a town, or after a town in brackets: 灵泉街道办事处
# (灵应寺社区), 嘉定新城(马陆镇)复华居委.
_BRACKETED = re.compile(r"(?:街道|镇|乡|办事处|街办)[(（]$|[(（][^()（）]{1,10}?(?:街道|镇|乡)[)）]$")
# A quote on one line: “…”.
_QUOTE = re.compile("“[^”\n]*”")
# Verbs of slogans that end on 社区: 义诊进社区, 书香飘社区, 服务到社区, 法律入社区.
_SLOGAN_VERBS = "进飘到入起"
# 东进, 西进 … are names' (紫薇东进社区), not a slogan's verb after a direction.
_DIRECTIONS = "东西南北"
_ORDINAL = re.compile(r"^第[0-9〇一二三四五六七八九十百]+")
_NUMERAL_TAIL = re.compile(r"第?[一二三四五六七八九十]+$|第?[0-9]+$")
# Communities named for a day (五一社区, 八一社区, 三八社区) are named, not numbered.
_DAY_NAMES = frozenset(("五一", "七一", "八一", "六一", "三八", "五四"))


def name_core(name: str) -> str:
    """A name without the numeral that numbers it (建新北区第一 → 建新北区, 和平街十一 → 和平街):
    empty for a number alone, but a day's name (五一) is a name, and so is one character with
    its number (青二, 纺一: 青年路第二社区 and 纺织城第一社区 as their residents say them; not a
    unit's last character: 上街区一社区 is "a community of 上街区")."""
    if name in _DAY_NAMES:
        return name
    core = _NUMERAL_TAIL.sub("", name)
    return name if len(core) == 1 and len(name) == 2 and core not in "区區街镇鎮乡鄉县縣市省村办辦" else core


# What stands before the 区 of an estate's part (三里河一区, 东五区), never before a district's.
_AREA_MARKS = set("一二三四五六七八九十0123456789东西南北中")
SUFFIXES = ("社区", "街道", "地区")


def placed(text: str, begins: int, end: int) -> bool:
    """Whether the name at text[begins:end] stands where a slogan's word (幸福, 平安) is a place's
    name: right after a street or a town (和平街道幸福社区), as the street of the community
    written next (幸福街道城东社区), or with the community's own party committee or residents'
    committee (幸福社区党委: a slogan's community has none)."""
    return (
        after_unit(text, begins)
        or (text.startswith("街道", end) and _COMMUNITY_NEXT.match(text, end + 2) is not None)
        or (text.startswith("社区", end) and _OWN_ORGANS.match(text, end + 2) is not None)
        # 2月4日，平安社区开展…, a headline 幸福社区举办…: a quality opening its clause and
        # holding the event, as no slogan does (联点社区开展…: a relation is no name)
        or (
            text[begins:end] in _QUALITIES
            and (begins == 0 or text[begins - 1] in "，,。\n" or _after_day(text, begins))
            and text.startswith("社区", end)
            and _HOLDS_NEXT.match(text, end + 2) is not None
        )
    )


_DAY_ENDS = re.compile(r"月[0-9〇一二三四五六七八九十]{1,3}[日号]$")


def _after_day(text: str, begins: int) -> bool:
    """Whether the name starting at `begins` is written right after a day (3月30日). (Asked for
    each character a name is read back over: the day's last character is looked at first.)"""
    return begins > 0 and text[begins - 1] in "日号" and _DAY_ENDS.search(text, max(0, begins - 6), begins) is not None


def after_unit(text: str, begins: int) -> bool:
    """Whether the name starting at `begins` is written right after a street or a town."""
    return _AFTER_UNIT.search(text, max(0, begins - 3), begins) is not None


def name_before(text: str, end: int, taken: list[bool], *, strong: bool = False, in_list: bool = True):
    """The name that ends at `end` (before a suffix), or None when its start cannot be told.
    With `strong`, (name, whether its start is sure): it follows an administrative unit
    (…街道, …区, …镇) or a verb of going to a place (走进, 联合)."""
    # A community numbered rather than named, after its street: 枣园街道3402社区.
    # (or by its numeral after its town or street: 木洞镇三社区, 重庆路街道二社区)
    numbered = _NUMBERED.search(text, max(0, end - 12), end)
    if numbered is not None:
        number = numbered.lastindex or 1
        if not any(taken[numbered.start(number) : end]):
            return (numbered[number], True) if strong else numbered[number]
    start, sure, long_run = _run_before(text, end, taken)
    sure = sure or _BRACKETED.search(text, max(0, start - 14), start) is not None
    # 了解柳岸社区, 对接柳岸社区: a word that starts on a function word is no part of the name
    if 0 < start < end - 2 and text[start - 1 : start + 1] in _LEAD_SET:
        start += 1
    # A community named after its yard's number: 8号院社区.
    yard = _YARD_NUMBER.search(text[max(0, start - 4) : start]) if text.startswith("号院", start) else None
    if yard is not None:
        start, sure = start - len(yard.group()), True
    # `A社区、B社区`: B starts after the 、 as surely as after A社区 itself, when A is a name
    # (服务社区、奉献社区 are verbs and their object).
    if in_list and text[max(0, start - 3) : start] == "社区、":
        sure = name_before(text, start - 3, taken, in_list=False) is not None
    front = _without_front(text, text[start:end], start, end)
    if front is None:
        return None
    name, start, cut_sure = front
    name, start, lead_sure = _without_lead_words(text, name, start, end)
    sure = sure or cut_sure or lead_sure
    if long_run and not (sure and text.startswith("社区", end)):
        return None
    # 朝阳区和平街街道: the district in front is not part of the street's name.
    # (and 城区, a city's district so named: 城区碧桂园社区)
    district = re.match(rf"^(?:北京市)?(?:[{HAN}]{{2,3}}区|城区)(?=[{HAN}]{{2}})", name)
    if district and name_core(name[district.end() :]):  # 建新北区第一 is one name
        name = name[district.end() :]
    if _no_name(text, name, start, end):
        return None  # 联合社区民警, 积极发挥社区…: a verb; 第五届“社区邻里节”: an ordinal
    # A name of three or more that opens its sentence starts there for sure: 。鑫苑世家社区10月
    # 10日开展… (two characters there are as often a word: 通过社区, 只有社区).
    sure = sure or (len(name) >= 3 and (start == 0 or text[start - 1] in "。！？；!?;\n"))
    # (踢毽子项目中社区居民: in an event of the day, not a name)
    # (刘永福一行同社区…: a delegation, then whom it met)
    if any(g in name for g in ("活动", "项目", "一行", "工作", "服务", "建设", "治理", "党委", "居委", "工委")):
        return None
    return (name, sure) if strong else name


def _run_before(text: str, end: int, taken: list[bool]) -> tuple[int, bool, bool]:
    """Where the run of characters before `end` that may be a name starts, whether that start
    is sure, and whether the run was cut as too long to be a name."""
    start = end
    sure = False
    long_run = False
    while start > 0 and _HAN_CHAR.match(text[start - 1]) and not taken[start - 1]:
        # A function word ends the name, unless all before it is one character that is a
        # place's last (平等街) or the word opens its clause (，向阳社区): then it is the name's.
        # (青禾街道向东社区: right after a street, the word is the name's first)
        if (
            text[start - 1] in STOP_CHARS
            and text[start - 2 : start - 1] != "驻"
            and not (
                end - start == 1
                and (
                    text[start] in PLACE_FINAL
                    or start < 2
                    or not _HAN_CHAR.match(text[start - 2])
                    or text[max(0, start - 3) : start - 1] == "街道"
                )
            )
        ):
            sure = text[max(0, start - 2) : start] in _PLACE_LEADS  # 前往安良社区, 来到…
            break
        if text[max(0, start - 2) : start] in SUFFIXES:  # `A社区和B社区`: B starts after A
            sure = text[start - 2 : start] == "街道"
            break
        # A date glued to the name: 1月16日民富园社区.
        if _after_day(text, start):
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
    return start, sure, long_run


def _without_front(text: str, name: str, start: int, end: int) -> tuple[str, int, bool] | None:
    """The name without what stands in front of it (a centre, administrative units, a year, a
    station's 驻, a slogan's 进, this town, a street's office): (name, its start, whether a cut
    made its start sure); None where a street's office is all there is."""
    sure = False
    # 湖滨社区中心湖山社区: the 中心 is the first 社区's (a centre), not the second name's start.
    if text[max(0, start - 2) : start] == "社区" and name.startswith("中心") and len(name) >= 4:
        name, start = name[2:], start + 2
    # 苏州市姑苏区沧浪街道, 河东办兴盛社区: the units in front are not part of the name.
    cut = None
    for m in _ADMIN_PREFIX.finditer(name):
        cut = m
    if cut is not None and len(name) - cut.end() >= 2 and name_core(name[cut.end() :]):
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
    if (
        0 < into <= len(name) - 3
        and name[into - 1] not in _DIRECTIONS
        and name[into : into + 2] != "进行"  # 社工进行西街社区…: a verb, the name after it
        and text.startswith("社区", end)
    ):
        name, start, sure = name[into + 1 :], start + into + 1, True
    # 该镇韩家曲社区: the town named as this one (该 ends the name, leaving its 镇 in front).
    if name[:1] in "镇乡" and text[start - 1 : start] in ("该", "本") and len(name) >= 3:
        name, start, sure = name[1:], start + 1, True
    # 城关街道办民主社区: the 办 of 街道办 is the street's; and 街道办事处社区工作人员 names the
    # street's office, then its communities, no community.
    if text[max(0, start - 2) : start] == "街道":
        for office in ("办事处", "办"):
            if name.startswith(office):
                if len(name) - len(office) < 2:
                    return None
                name, start, sure = name[len(office) :], start + len(office), True
                break
    return name, start, sure


def _without_lead_words(text: str, name: str, start: int, end: int) -> tuple[str, int, bool]:
    """The name after the last word that leads into one (社工站联合腾龙 is 腾龙): (name, its
    start, whether a word of going to a place made its start sure)."""
    sure = False
    # The last lead word: 社工站联合腾龙 is 腾龙, 未来龙泉 is 龙泉.
    stripped = True
    while stripped and name:
        stripped = False
        best = None  # (end of the word in name, word)
        for m in LEAD_RE.finditer(name):
            # 前江街道未来盛园社区, 3月30日未来盛园社区: right after a street or a day, or
            # opening a line, 未来 is the name's own (a 未来社区 is a kind Zhejiang names), not
            # "in future".
            if (
                m.group() == "未来"
                and m.start() == 0
                and (after_unit(text, start) or _after_day(text, start) or text[start - 1 : start] in ("", "\n"))
            ):
                continue
            # A word must leave a name after it.
            if m.end() < len(name) and (best is None or m.end() > best[0]):
                best = (m.end(), m.group())
        # One-character words (全, 属, 和) only in front: inside a name they are its own. 和 and
        # 与 also begin names (和平街): dropped only between two names of one kind (A社区和B社区).
        first = name[0]
        # A name of two keeps its first character: 全福街道 is no 福街道.
        if best is None and first in _LEAD_CHARS and len(name) > 2:
            if first not in "和与及或" or (
                text[max(0, start - 2) : start] in SUFFIXES and text[start - 2 : start] == text[end : end + 2]
            ):
                best = (1, first)
        if best is not None:
            cut_at, word = best
            name, start, stripped = name[cut_at:], start + cut_at, True
            sure = sure or word in _PLACE_LEADS
    return name, start, sure


def _no_name(text: str, name: str, start: int, end: int) -> bool:
    """Whether `name` (before 社区 at `end`) is no community's name: too short or long, a kind
    or a quality of community, a count, a verb, a slogan, a festival, a time."""
    is_placed = placed(text, start, end)
    return bool(
        len(name) < 2
        or len(name) > 6
        or (name in GENERIC and not is_placed)
        or name in NEVER_NAMES
        or (len(name) == 4 and name[:2] in GENERIC and name[2:] in GENERIC)  # 平安和谐社区: a slogan's
        or (name[:1] == "新" and name[1:] in GENERIC and not is_placed)  # 构建新熟人社区: a kind to build
        # 为绿美宜居社区建设贡献力量: a kind of community to build, its last word a quality
        or (len(name) >= 3 and name[-2:] in GENERIC and text.startswith("社区建设", end))
        # 创建民族团结进步示范社区: a title a community is given, not its name; 节水型社区: a kind
        or (len(name) >= 3 and name.endswith(("示范", "模范", "标杆", "型", "友好")))  # 儿童友好社区: a kind
        # 志愿者和社区志愿者: people joined to what follows
        # (办事处领导和社区工作人员: and people's leaders)
        # (街道机关和社区干部, 辖区单位和社区: an office's bodies, then the communities')
        or re.search("(?:志愿者|居民|群众|领导|干部|党员|职工|民警|代表|人员|机关|单位|部门)[和与及]$", name)
        is not None
        or name in LEAD_WORDS
        or name.endswith(VERBS_BEFORE)
        # 现场还有社区工作人员: a word that brings a name in cannot end one (未来 may: a
        # 未来社区 is a kind of community Zhejiang names)
        or name.endswith(_LEAD_TAILS)
        or _ORDINAL.match(name)
        or name[0] == "号"  # 3号楼社区居民: a building's number, not a name
        # 三家社区社工室, 二十位社区…, 近百余名社区居民: a count
        or re.fullmatch("近?[0-9两二三四五六七八九十百千几数多各]+[余多]?[家位名个]", name)
        or name.endswith("以")  # 首个以社区形式建立的: by way of a community, no name
        # 希望社区能够管管: a wish addressed to the community (a 希望社区 is a name elsewhere)
        or (name in _WISHING and text.startswith(_ASKED_TO, end + 2))
        or (len(name) >= 3 and name[-1] == "多")  # 元和多社区开展…: many communities of a street
        or name.endswith("节")  # 端午节社区主题活动: a festival's, not a place's name
        # 镇域内各村社区: the town's villages and communities; 首个团场社区: a kind of community
        # of the Xinjiang corps' farms, not a name
        or name.endswith(("各村", "团场"))
        or "不出" in name  # 小事不出网格、大事不出社区: a slogan of mediation
        or name.endswith(("之余", "之际", "之时"))  # 学习之余社区还组织…: a time, then the subject
        # 持续联合街道执法力量: a verb of joining ends no name (联合社区 alone may be one)
        or any(name.endswith(w) and len(name) > len(w) for w in _PLACE_LEADS)
    )


class Writings:
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


def plausible(name: str) -> bool:
    """A name that may be a community's, though it ends unlike a Beijing place name."""
    core = name_core(name)
    return (
        2 <= len(core) <= 4
        and core not in GENERIC
        and (core[-1] not in "乡镇市县省区" or (len(core) == 4 and core.endswith(("小镇", "新区"))))
    )  # 格林小镇, 青门新区: an estate's name (taken, as any such name, only when sure or named twice)


def looks_like_place(name: str) -> bool:
    core = name_core(name)
    if len(core) < 2 or core in GENERIC:
        return False
    if core[-1] == "区" and len(core) >= 4 and core[-2] in _AREA_MARKS:
        return True  # 三里河一区, 龙跃苑东五区, 建新北区第一: a numbered or placed part of an estate
    if core.endswith(("小区", "小镇")) and len(core) >= 4:
        return True  # 浦南小区社区, 格林小镇社区: a community named after its estate
    if core[-1] in "乡镇市县省" or (core[-1] == "区" and core == name):
        return False  # 太阳宫乡社区建设: the communities of a township, not one of them
    return core[-1] in PLACE_FINAL


def clean_home(name: str) -> str | None:
    # The name runs back to a street (…街道温馨家园) or a place; cut a leading verb or word.
    m = re.search(rf"([{HAN}]{{2,6}}(?:街道|地区))?温馨家园$", name)
    if m and m.group(1):
        inner = name_before(name, m.start(1) + len(m.group(1)) - 2, [False] * len(name))
        return f"{inner}{m.group(1)[-2:]}温馨家园" if inner else None
    return None


# What a list beside a community names when it is no community: offices, kinds of place, people.
_NOT_A_COMMUNITY = (
    *"所局站队部委办厅校馆村",
    *"学校 医院 幼儿园 中心 企业 单位 商户 机关 公司 银行 超市 物业 小区 党员 居民 群众 志愿者 家庭".split(),
    # a body listed before the community's own (区妇联、百水芊城社区党委; 琥珀社区妇联、琥珀社区…)
    *"妇联 残联 侨联 文联 工会 团委 党委 党支部 协会".split(),
)


# 和 begins many a street's own name (和平里街道, 和义街道), after a community too.
_NAMES_WITH_HE = ("和平", "和义", "和顺", "和睦", "和谐")


def without_joining(text: str, begins: int, name: str) -> str:
    """`name` (a street's, read back from its suffix to `begins`) without the 和 (与, 及) that joins
    it to the community written before it: 柳岸社区和青禾街道 names 青禾街道."""
    if (
        name[:1] in ("和", "与", "及")
        and text[max(0, begins - 2) : begins] == "社区"
        and not name.startswith(_NAMES_WITH_HE)
    ):
        return name[1:]
    return name


def listed_before(text: str, begins: int, taken: list[bool]) -> list[str] | None:
    """The names listed before the one at `begins`, which share its suffix (小横琴、荷塘、新家园社区),
    or None where what is listed before it is not all names (辖区学校、医院、柳岸社区)."""
    if text[begins - 1 : begins] != "、":
        return None
    window = max(0, begins - 40)  # a list of a few short names
    start = max(window, *(text.rfind(ch, window, begins) + 1 for ch in "，,。；;：:！？!?\n“”"))
    parts = text[start : begins - 1].split("、")
    if len(parts) == 1 and parts[0].endswith(("办事处", "街道", "街道办")):
        return []  # 茶店子街道办事处、同善社区协办: the street's office, then its community, for sure
    first = name_before(text, start + len(parts[0]), taken) if HAN_NAME.fullmatch(parts[0]) else None
    names = [first, *parts[1:]]
    if all(
        n
        and HAN_NAME.fullmatch(n)
        and 2 <= len(n) <= 4
        and n not in GENERIC
        and not n.endswith(_NOT_A_COMMUNITY)
        and not LEAD_RE.match(n)
        for n in names
    ):
        return [n for n in names if n]
    return None
