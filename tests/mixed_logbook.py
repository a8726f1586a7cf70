"""A logbook of a few hundred activities in mixed Simplified and Traditional, for the tests of
filters, search, names and formats.

Every stored record has a *shadow*: the same record written in Simplified without pinyin glosses,
the way the test expects it to read. The expected answer of a filter or a search is computed from
the shadows with plain Python (substring, equality), never through logbook's own fold, so the
tests can catch a fold, a filter or a search that goes wrong.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from logbook.models import Activity, Community
from logbook.storage import Store

COUNT = 300
FIRST_DAY = date(2025, 1, 1)
LAST_DAY = date(2025, 3, 30)  # the pinned today

# name, street, aliases (the registry); the street of 芍药居 is a 地区, as in Beijing.
REGISTRY = [
    ("安贞西里社区", "安贞街道", ["安贞西里"]),
    ("安贞里社区", "安贞街道", []),
    ("黄寺社区", "安贞街道", []),
    ("芍药居十一社区", "太阳宫地区", []),
    ("芍药居二社区", "太阳宫地区", []),
    ("芍药居十社区", "太阳宫地区", []),
    ("芍药居一社区", "太阳宫地区", []),
    ("长辛店社区", "长辛店街道", []),
]
# Names records use without their being registered (a logbook kept without a registry).
UNREGISTERED = [("和平街一社区", "和平街街道")]

# How a community may be written in a stored record besides its registered name, with the text
# that spelling reads as: Traditional (scraped, with the non-standard 裡), or an alias.
COMMUNITY_SPELLINGS = {
    "安贞西里社区": [("安貞西裡社區", "安贞西里社区"), ("安贞西里", "安贞西里")],
    "芍药居十社区": [("芍藥居十社區", "芍药居十社区")],
    "和平街一社区": [("和平街一社區", "和平街一社区")],
    "长辛店社区": [("長辛店社區", "长辛店社区")],
}
STREET_SPELLINGS = {"安贞街道": ["安貞街道"], "和平街街道": ["和平街街道"], "长辛店街道": ["長辛店街道"]}

# (Simplified, Traditional as scraped) pairs; the Traditional may carry pinyin glosses and
# non-standard characters, as the sample feed does.
TITLES = [
    (("消防安全培训会", "消防安全培訓(xùn)會"), "培训"),
    (("垃圾分类志愿服务", "垃圾分類志願服務"), "志愿服务"),
    (("中医义诊进社区", "中醫義診進社區"), "义诊"),
    (("社区议事协商会", "社區議事協商會"), "会议"),
    (("防范电信诈骗讲座", "防範電信詐騙講座"), "安全"),
    (("老年人书法培训班", "老年人書法培訓(xùn)班"), "文化"),
    (("理发志愿服务", "理發志愿服務"), "志愿服务"),
    (("党史学习教育", "黨史學習教育"), "党建"),
    (("AED急救培训", "AED急救培訓"), "培训"),
    (("随着春节临近的慰问活动", "隨著春節臨近的慰問活動"), "其他"),
]
NOTES = [
    ("邀请消防救援站讲解灭火器使用", "邀請消防救援站講解滅火器使用"),
    ("居民反响热烈", "居民反響熱烈"),
    ("发放宣传册五十份", "發放宣傳冊五十份"),
    ("现场演示aed使用方法", "現場演示AED使用方法"),
    ("", ""),
]
SPEAKERS = [("张医生", "張醫生"), ("李律师", "李律師"), ("王老师", "王老師")]
PARTNERS = [
    ("北京市消防救援总队", "北京市消防救援總隊"),
    ("和睦律师事务所", "和睦律師事務所"),
    ("WeChat志愿群", "wechat志願群"),
]
GROUPS = [("老人", "老人"), ("儿童", "兒童"), ("志愿者", "志願者"), ("快递员", "快遞員")]
TAGS = [("垃圾分类", "垃圾分類"), ("反诈", "反詐"), ("健康", "健康"), ("消防", "消防")]
LOCATIONS = [("社区活动室", "社區活動室"), ("党群服务中心", "黨群服務中心"), ("小区广场", "小區廣場")]
ORGANIZERS = [("社区居委会", "社區居委會"), ("社工事务所", "社工事務所")]

SEARCHED = (
    "title",
    "notes",
    "street",
    "location",
    "community_text",
    "organizers",
    "partners",
    "speakers",
    "groups",
    "tags",
)


@dataclass
class Shadow:
    """What a stored record says, in Simplified without glosses."""

    id: str
    date: str
    category: str
    participants: int | None
    title: str
    notes: str
    street: str
    location: str
    communities: list[str]  # which communities (registered names), for filters
    community_text: list[str]  # what the record says, for search
    organizers: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def fields(self) -> list[str]:
        out = []
        for name in SEARCHED:
            value = getattr(self, name)
            out.extend(value if isinstance(value, list) else [value])
        return [v for v in out if v]

    def has(self, word: str) -> bool:
        """The oracle of search: `word` inside one field, Latin case ignored."""
        return any(word.casefold() in f.casefold() for f in self.fields())


@dataclass
class MixedLogbook:
    path: Path
    shadows: list[Shadow]

    @property
    def ids(self) -> set[str]:
        return {s.id for s in self.shadows}

    def where(self, predicate) -> set[str]:
        return {s.id for s in self.shadows if predicate(s)}


def _pick(rng: random.Random, pair: tuple[str, str], trad_share: float) -> str:
    return pair[1] if rng.random() < trad_share else pair[0]


def _some(rng, pairs, k_max, trad_share):
    chosen = rng.sample(pairs, k=rng.randint(0, k_max))
    return [p[0] for p in chosen], [_pick(rng, p, trad_share) for p in chosen]


def build(path: Path, count: int = COUNT, seed: int = 20250330) -> MixedLogbook:
    """Write the logbook at `path` in one transaction and return the shadows."""
    rng = random.Random(seed)
    registered = {name: street for name, street, _ in REGISTRY}
    everyone = dict(registered, **dict(UNREGISTERED))
    by_street: dict[str, list[str]] = {}
    for name, street in everyone.items():
        by_street.setdefault(street, []).append(name)
    shadows: list[Shadow] = []
    activities: list[Activity] = []
    days = (LAST_DAY - FIRST_DAY).days + 1
    for i in range(count):
        trad = rng.choice([0.0, 0.5, 1.0])  # typed, mixed, scraped
        day = FIRST_DAY + timedelta(days=rng.randrange(days))
        (title_pair, category) = rng.choice(TITLES)
        suffix = f"（第{rng.randint(1, 9)}期）"
        first = rng.choice(list(everyone))
        street = everyone[first]
        reached = [first]
        if rng.random() < 0.2:
            others = [n for n in by_street[street] if n != first]
            reached += rng.sample(others, k=min(len(others), rng.randint(1, 2)))
        spelled = [rng.choice([(c, c), *COMMUNITY_SPELLINGS.get(c, [])]) if trad else (c, c) for c in reached]
        stored_street = rng.choice([street, *STREET_SPELLINGS.get(street, [])]) if trad else street
        notes = rng.choice(NOTES)
        location = rng.choice(LOCATIONS)
        speakers = _some(rng, SPEAKERS, 1, trad)
        partners = _some(rng, PARTNERS, 2, trad)
        groups = _some(rng, GROUPS, 2, trad)
        tags = _some(rng, TAGS, 2, trad)
        organizers = _some(rng, ORGANIZERS, 1, trad)
        people = None if rng.random() < 0.1 else rng.randint(0, 80)
        start = f"{rng.choice([9, 10, 14, 15]):02d}:{rng.choice(['00', '30'])}"
        stamp = f"{day.isoformat()}T{rng.randint(0, 12):02d}:00:{i % 60:02d}Z"
        activity_id = f"{rng.getrandbits(128):032x}"
        shadow = Shadow(
            id=activity_id,
            date=day.isoformat(),
            category=category,
            participants=people,
            title=title_pair[0] + suffix,
            notes=notes[0],
            street=street,
            location=location[0],
            communities=reached,
            community_text=[text for _, text in spelled],
            organizers=organizers[0],
            partners=partners[0],
            speakers=speakers[0],
            groups=groups[0],
            tags=tags[0],
        )
        activity = Activity(
            id=activity_id,
            date=day.isoformat(),
            title=_pick(rng, title_pair, trad) + suffix,
            category=category,
            start=start,
            communities=[stored for stored, _ in spelled],
            street=stored_street,
            participants=people,
            participants_approx=people is not None and rng.random() < 0.2,
            organizers=organizers[1],
            partners=partners[1],
            speakers=speakers[1],
            groups=groups[1],
            tags=tags[1],
            location=_pick(rng, location, trad),
            notes=_pick(rng, notes, trad) or None,
            source="test",
            author="王社工",
            created_at=stamp,
            updated_at=stamp,
        )
        activity.validate()
        shadows.append(shadow)
        activities.append(activity)
    store = Store(path)
    with store.transaction("seed") as tx:
        tx.set_communities([Community(name=n, street=s, aliases=list(a)) for n, s, a in REGISTRY])
        for activity in activities:
            tx.add(activity)
    return MixedLogbook(path, shadows)
