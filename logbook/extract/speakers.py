"""Speakers: names next to a title such as 老师 or 教授."""

from __future__ import annotations

import re

from .articles import HAN, Article


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


def read_speakers(art: Article):
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
        ends = not rest or rest in _AFTER_NAME or not re.match(f"[{HAN}]", rest)
        if len(name) == n and _is_name(name) and name[-1] not in _AFTER_NAME and ends:
            return name
    return None


def _is_name(s: str) -> bool:
    return (
        len(s) in (2, 3)
        and all(re.match(f"[{HAN}]", ch) for ch in s)
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
