"""The bundled sample logbook: eight weeks of spring 2025 in four streets of Chaoyang district.

Built in memory from the tables below with a fixed seed, so every run (and every machine) sees the
same 120 activities with the same ids, and nothing generated is kept in the source tree. The
activities are modelled on the street offices' own news reports: trainings for social workers,
fire-safety visits with the fire station, free clinics, resident deliberation meetings.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from .models import Activity, Community

FIRST_DAY = date(2025, 3, 3)  # a Monday: ISO week 2025-W10
WEEKS = 8
COUNT = 120

STREETS: dict[str, list[tuple[str, list[str]]]] = {
    "安贞街道": [
        ("安贞西里社区", ["安贞西里", "安貞西裡社區"]),
        ("安贞里社区", ["安贞里"]),
        ("安华里社区", ["安华里"]),
        ("黄寺社区", ["黄寺"]),
        ("裕民路社区", ["裕民路"]),
    ],
    "和平街街道": [
        ("和平街一社区", ["和平街一"]),
        ("和平街二社区", ["和平街二"]),
        ("和平街十社区", ["和平街十"]),
        ("和平街十一社区", ["和平街十一"]),
        ("樱花园社区", ["樱花园"]),
    ],
    "小关街道": [
        ("小关社区", ["小关"]),
        ("惠新里社区", ["惠新里"]),
        ("惠新苑社区", ["惠新苑"]),
        ("小关东里社区", ["小关东里"]),
        ("小关北里社区", ["小关北里"]),
    ],
    "大屯街道": [
        ("安慧里社区", ["安慧里"]),
        ("慧忠里社区", ["慧忠里"]),
        ("嘉铭园社区", ["嘉铭园"]),
        ("金泉家园社区", ["金泉家园"]),
        ("北辰东路社区", ["北辰东路"]),
    ],
}

# (category, title pattern, groups, partners, speakers, tags, head count range, approx share)
TEMPLATES = [
    ("培训", "{c}社工议事协商能力提升培训", ["社工"], [], ["毕宇珠"], ["能力建设"], (20, 45), 0.2),
    ("培训", "{c}垃圾分类志愿者培训会", ["志愿者"], ["区城管委"], ["王立新"], ["垃圾分类"], (15, 40), 0.1),
    ("培训", "{c}老年人防范电信诈骗讲座", ["老人", "居民"], ["安贞派出所"], ["李警官"], ["反诈"], (30, 80), 0.3),
    ("会议", "{c}楼道堆物堆料议事协商会", ["居民"], [], [], ["议事协商", "楼道治理"], (12, 30), 0.0),
    ("会议", "{c}老旧小区加装电梯协商会", ["居民", "党员"], ["区住建委"], [], ["加装电梯"], (15, 40), 0.1),
    ("会议", "{c}居民代表月度例会", ["居民代表"], [], [], ["例会"], (10, 25), 0.0),
    ("志愿服务", "{c}学雷锋志愿服务日", ["志愿者", "居民"], ["辖区共建单位"], [], ["学雷锋"], (30, 120), 0.4),
    ("志愿服务", "{c}“周末卫生日”环境整治", ["志愿者", "党员"], [], [], ["环境整治"], (20, 60), 0.3),
    ("义诊", "{c}中医义诊进社区", ["老人", "居民"], ["中日友好医院"], ["张医生"], ["健康"], (40, 150), 0.5),
    ("义诊", "{c}快递小哥健康关爱义诊", ["快递员"], ["社区卫生服务中心"], [], ["新就业群体"], (15, 40), 0.3),
    ("文化", "{c}春季书法交流活动", ["居民", "老人"], ["区文化馆"], ["刘老师"], ["书法"], (15, 40), 0.2),
    ("文化", "{c}亲子手工非遗体验课", ["儿童", "居民"], ["区文化馆"], ["陈老师"], ["非遗", "亲子"], (12, 30), 0.1),
    ("安全", "{c}消防安全入户宣传", ["居民"], ["消防救援站"], [], ["消防", "入户"], (20, 60), 0.3),
    ("安全", "{c}高层住宅消防演练", ["居民", "物业"], ["消防救援站"], ["赵队长"], ["消防", "演练"], (40, 120), 0.4),
    ("便民服务", "{c}便民服务集市：理发、磨刀、家电维修", ["居民", "老人"], ["辖区商户"], [], ["便民"], (50, 200), 0.6),
    ("便民服务", "{c}法律咨询进社区", ["居民"], ["京师律师事务所"], ["周律师"], ["普法"], (15, 40), 0.2),
    ("党建", "{c}党员主题党日活动", ["党员"], [], [], ["主题党日"], (20, 50), 0.1),
    ("党建", "{c}“双报到”党员认领微心愿", ["党员", "居民"], ["区机关工委"], [], ["双报到"], (15, 35), 0.2),
    ("其他", "{c}残疾人康复器材发放", ["残疾人"], ["区残联"], [], ["助残"], (8, 25), 0.0),
]

STREET_TEMPLATES = [
    ("培训", "{s}社区工作者议事协商专题培训", ["社工"], ["北京农学院"], ["毕宇珠"], ["能力建设"], (40, 90), 0.5),
    ("会议", "{s}社区治理联席会", ["社工", "居民代表"], [], [], ["联席会"], (20, 40), 0.0),
    ("安全", "{s}九小场所消防检查", ["商户"], ["消防救援站"], [], ["消防", "检查"], (10, 30), 0.0),
]

NOTES = [
    "活动现场气氛热烈，居民积极参与，纷纷表示受益匪浅。",
    "社工提前在居民群发布通知，并入户邀请行动不便的老人参加。",
    "活动结束后发放满意度问卷，收回有效问卷{n}份。",
    "下一步将结合居民反馈，把此项活动纳入社区年度服务计划。",
    "本次活动得到辖区共建单位的大力支持。",
]

LOCATIONS = ["社区党群服务中心", "社区活动室", "小区广场", "社区居委会会议室", "街道市民活动中心"]
ORGANIZERS = ["社区居委会", "社区党委", "社工事务所", "街道社区建设办公室"]


def _uuid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def sample_communities() -> list[Community]:
    return [
        Community(name=name, street=street, aliases=list(aliases))
        for street, items in STREETS.items()
        for name, aliases in items
    ]


def sample_activities() -> list[Activity]:
    rng = random.Random(20250303)
    communities = sample_communities()
    streets = list(STREETS)
    out: list[Activity] = []
    for _n in range(COUNT):
        day = FIRST_DAY + timedelta(days=rng.randrange(WEEKS * 7))
        street: str | None  # a community's may be unknown
        if rng.random() < 0.12:
            street = rng.choice(streets)
            cat, pattern, groups, partners, speakers, tags, (lo, hi), approx = rng.choice(STREET_TEMPLATES)
            names = [c.name for c in communities if c.street == street]
            reached = rng.sample(names, k=rng.randint(2, len(names)))
            title = pattern.format(s=street)
            organizers = ["街道社区建设办公室"]
        else:
            community = rng.choice(communities)
            street = community.street
            cat, pattern, groups, partners, speakers, tags, (lo, hi), approx = rng.choice(TEMPLATES)
            reached = [community.name]
            title = pattern.format(c=community.name.removesuffix("社区"))
            organizers = [rng.choice(ORGANIZERS[:3])]
        count = rng.randint(lo, hi)
        is_approx = rng.random() < approx
        if is_approx:
            count = count - count % 10 or 10
        people: int | None = count
        if rng.random() < 0.08:  # some reports never got a head count
            people, is_approx = None, False
        hour = rng.choice([9, 9, 10, 14, 14, 15, 19])
        start = f"{hour:02d}:{rng.choice(['00', '30'])}"
        end = f"{hour + rng.choice([1, 2]):02d}:{start[3:]}"
        notes = "".join(rng.sample(NOTES, k=2)).format(n=rng.randint(10, 40))
        stamp = f"{day.isoformat()}T{max(hour - 6, 0):02d}:15:00Z"  # Beijing evening, same day in UTC
        out.append(
            Activity(
                id=_uuid(rng),
                date=day.isoformat(),
                title=title,
                category=cat,
                start=start,
                end=end,
                communities=reached,
                street=street,
                participants=people,
                participants_approx=is_approx,
                organizers=organizers,
                partners=list(partners),
                speakers=list(speakers),
                groups=list(groups),
                tags=list(tags),
                location=rng.choice(LOCATIONS),
                notes=notes,
                source="sample",
                author="王社工" if rng.random() < 0.5 else "李社工",
                created_at=stamp,
                updated_at=stamp,
            )
        )
    out.sort(key=lambda a: (a.date, a.start or "", a.id))
    return out


def sample_data() -> dict:
    """The sample logbook in the store's one-file layout (TinyDB tables), ready to open
    read-only."""
    from .storage import LEGACY_SCHEMA
    from .storage.records import _doc_from_activity

    return {
        "_meta": {"1": {"schema_version": LEGACY_SCHEMA, "created_at": "2025-03-01T00:00:00Z"}},
        "communities": {str(i): c.to_dict() for i, c in enumerate(sample_communities(), 1)},
        "activities": {str(i): _doc_from_activity(a) for i, a in enumerate(sample_activities(), 1)},
        "deleted": {},
    }
