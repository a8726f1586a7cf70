"""Partners: organisations the article names as co-hosts or invited."""

from __future__ import annotations

import re

from ..i18n import N_, Reason
from .articles import HAN, Article

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
    "医生",
    "医护人员",
    "医务人员",
    "医疗团队",
    "医护团队",
    "专家",
    "律师",
    "民警",
    "消防员",
    "消防指战员",
    "指战员",
    "工作人员",
    "志愿者",
    "宣传员",
    "团队",
    "老师",
    "讲师",
    "干警",
    "警官",
)
_CO_VERB = re.compile(r"联合|携手|会同|协同|联手")
_INVITE_VERB = re.compile(r"特别邀请|邀请了|邀请|特邀|邀约")
_WITH_VERB = re.compile(r"(?<![参给])(?:与|同)")
_ORG_GENERIC_START = ("各", "多家", "相关", "辖区", "周边", "本", "该", "有关", "专业", "社区", "街道")


def read_partners(art: Article, registry):
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
        while start > 0 and re.match(f"[{HAN}]", text[start - 1]) and text[start - 1] not in "由和与及、":
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
        return [], Reason(N_("no co-organising organisation named"))
    return names, Reason(N_("organisations named as co-organisers or invited"))


# (an organisation's name holds no 在: 青苗社区在柳岸社区党群服务中心 is a community, then where)
_ORG_RUN = re.compile(rf"(?:(?!在)[{HAN}0-9]){{2,24}}")
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
