"""The years a report's occasions give a day written without one: anniversaries (建党97周年),
numbered commemorative days (第28个全国高血压日), plenary sessions whose spirit is studied
(十九届五中全会) and zodiac years (狗年). `when` reads the date; these are its tables."""

from __future__ import annotations

import re
from datetime import date
from itertools import chain

from ..numerals import parse_cn_int
from .articles import Article

# Years that anniversaries and commemorative days give: the year of 建党97周年 is 1921 + 97.
_ANNIVERSARY = re.compile(
    r"(?P<what>建党|中国共产党成立|建军|中国人民解放军建军|建国|新中国成立|中华人民共和国成立|改革开放|抗战胜利"
    r"|抗日战争胜利|抗日战争暨世界反法西斯战争胜利|世界反法西斯战争胜利|五一口号|人民防空创立)"
    r"[”\"」]?(?:发布)?(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})(?:周年)"
)
# The party's age told as a life (党的85岁华诞, 中国共产党走过的102年光辉历程): born 1921.
_PARTY_AGE = re.compile(
    r"(?P<what>中国共产党|党)(?:的|走过的?|走过了)(?P<n>[0-9]{2,3}|[一二三四五六七八九十百]{2,4})"
    r"(?:岁(?:华诞|生日)|年(?:的?(?:光辉|奋斗|峥嵘)?历程|华诞))"
)
_ANNIVERSARY_BASE = {
    "建党": 1921,
    "党": 1921,  # (its age: _PARTY_AGE)
    "中国共产党": 1921,
    "中国共产党成立": 1921,
    "建军": 1927,
    "中国人民解放军建军": 1927,
    "建国": 1949,
    "新中国成立": 1949,
    "中华人民共和国成立": 1949,
    "改革开放": 1978,
    "抗战胜利": 1945,
    "抗日战争胜利": 1945,
    "抗日战争暨世界反法西斯战争胜利": 1945,
    "世界反法西斯战争胜利": 1945,
    "五一口号": 1948,  # the CPC's May Day call of 1948 to the democratic parties
    "人民防空创立": 1950,  # the civil air defence, founded on 31 October 1950
}
_CENTENARY = re.compile(r"建党百年|建党一百年|党的百年华诞|党百年华诞|党诞生百年")
# `第28个全国高血压日`: the year is the day's year zero plus the ordinal (a festival or a month
# of the year too: 第113个国际护士节, 第23个全国安全生产月).
_NTH_DAY = re.compile(
    # (or 次: 全国第十八次“爱耳日”)
    r"第\s?(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})\s?[个次]"
    # (the nation's count, then a province's: 全国第23个、全省第31个“安全生产月”)
    r"(?:、[\u4e00-\u9fff]{0,4}第(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,4})个)?"
    r"[“\"「]?(?P<day>[\u4e00-\u9fff]{2,10}?(?:日|节|月|宣传周))"
)
_DAY_YEAR_ZERO = {
    "全国高血压日": 1997,
    "全国爱眼日": 1995,
    "国际禁毒日": 1987,
    "全国防灾减灾日": 2008,
    "国家宪法日": 2013,
    "全国消防日": 1991,
    "世界读书日": 1995,
    "全国助残日": 1990,
    "全国爱牙日": 1988,
    "全国爱耳日": 1999,  # 3 March 2000 was the first
    "世界骨髓捐献者日": 2014,  # the third Saturday of September, first kept in 2015
    "爱耳日": 1999,
    "全民国家安全教育日": 2015,
    "国际志愿者日": 1985,
    "世界环境日": 1971,  # counted in China from 1972: 2016年6月5日是第45个世界环境日
    "学雷锋纪念日": 1963,  # 5 March 1963 was the first; the 60th was in 2023
    "全国学雷锋纪念日": 1963,
    "世界防治结核病日": 1995,
    "世界艾滋病日": 1987,
    # The others a community marks with their number: the year each was first held, less one.
    "世界无烟日": 1987,
    "国际残疾人日": 1991,
    "全国交通安全日": 2011,
    "世界精神卫生日": 1991,
    "全民健身日": 2008,
    "中国农民丰收节": 2017,
    "国家公祭日": 2013,
    "烈士纪念日": 2013,
    "全国中小学生安全教育日": 1995,
    "世界地球日": 1969,
    "国际护士节": 1911,
    "教师节": 1984,  # 第39个教师节 in 2023
    "国际劳动妇女节": 1910,  # 第115个国际劳动妇女节 in 2025
    "国际妇女节": 1910,
    "三八国际妇女节": 1910,
    "五四青年节": 1949,  # 第74个五四青年节 in 2023
    "全民禁毒宣传月": 2010,  # 第14个 in 2024
    "爱国卫生月": 1988,  # 第36个 in 2024
    "全国肿瘤防治宣传周": 1994,  # 第31个 in 2025
    "肿瘤防治宣传周": 1994,
    "世界骨质疏松日": 1997,  # 第23个 in 2020
    "全国残疾预防日": 2016,  # 第五次 in 2021
    "国际家庭日": 1993,  # 第25个 in 2018
    "世界粮食日": 1980,  # 16 October 1981 was the first
    "全国安全生产月": 2001,
    "安全生产月": 2001,  # 全国第17个“安全生产月”
}
# Plenary sessions and congresses whose spirit is studied after them: (year, month) they met.
_PLENUM = re.compile(r"(?P<term>十八|十九|二十)(?:届(?P<n>[一二三四五六七])中全会|大)")
_PLENUM_MET = {
    ("十八", None): (2012, 11),
    ("十八", "三"): (2013, 11),
    ("十八", "四"): (2014, 10),
    ("十八", "五"): (2015, 10),
    ("十八", "六"): (2016, 10),
    ("十八", "七"): (2017, 10),
    ("十九", None): (2017, 10),
    ("十九", "一"): (2017, 10),
    ("十九", "二"): (2018, 1),
    ("十九", "三"): (2018, 2),
    ("十九", "四"): (2019, 10),
    ("十九", "五"): (2020, 10),
    ("十九", "六"): (2021, 11),
    ("十九", "七"): (2022, 10),
    ("二十", None): (2022, 10),
    ("二十", "一"): (2022, 10),
    ("二十", "二"): (2023, 2),
    ("二十", "三"): (2024, 7),
    ("二十", "四"): (2025, 10),
}
_ZODIAC = "鼠牛虎兔龙蛇马羊猴鸡狗猪"  # 2020 was 鼠年
_ZODIAC_YEAR = re.compile(rf"(?<![{_ZODIAC}])(?P<a>[{_ZODIAC}])年(?!龄|纪|级|度|底|初|会|终)")


def year_from_occasions(art: Article, month: int, day: int, today: date) -> tuple[int, str] | None:
    """The year an anniversary (建党97周年), a numbered commemorative day (第28个全国高血压日), a
    plenary session whose spirit is studied (十九届五中全会) or a zodiac year (狗年) gives, when
    they agree on one; with what gave it."""
    text = art.masked
    found: dict[int, str] = {}
    for m in chain(_ANNIVERSARY.finditer(text), _PARTY_AGE.finditer(text)):
        try:
            found.setdefault(_ANNIVERSARY_BASE[m["what"]] + parse_cn_int(m["n"]), m.group())
        except ValueError:
            continue
    for m in _CENTENARY.finditer(text):
        found.setdefault(2021, m.group())
    for m in _NTH_DAY.finditer(text):
        zero = _DAY_YEAR_ZERO.get(m["day"])
        if zero is not None:
            try:
                found.setdefault(zero + parse_cn_int(m["n"]), m.group())
            except ValueError:
                continue
    if not found:
        for m in _PLENUM.finditer(text):
            met = _PLENUM_MET.get((m["term"], m["n"]))
            if met is not None:
                if "迎" in text[max(0, m.start() - 3) : m.start()]:
                    # Welcomed before it met (喜迎十八大): a day after that month is the year before's.
                    found.setdefault(met[0] if month <= met[1] else met[0] - 1, m.group())
                else:
                    # Studied in the months after it met: a day before that month is the next year's.
                    found.setdefault(met[0] if month >= met[1] else met[0] + 1, m.group())
    if not found:
        for m in _ZODIAC_YEAR.finditer(text):
            # The latest such year that is not after today's (鼠年 was 2020).
            y = 2020 + _ZODIAC.index(m["a"])
            y += (today.year - y) // 12 * 12
            found.setdefault(y, m.group())
    # A count that puts the day after today is miscounted (or the text's own): no year from it.
    found = {y: said for y, said in found.items() if (y, month, day) <= (today.year, today.month, today.day)}
    if len(found) != 1:
        return None
    ((year, said),) = found.items()
    return year, said
