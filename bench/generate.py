"""Realistic logbooks for the benchmarks, the same records every time.

A street office that merged its communities' logbooks: ~40 communities in 4 streets with a
registry, five years of activities (2020-03-31 to 2025-03-30, growing a little each year),
Chinese titles and notes of ~300 characters (a few in Traditional script, as scraped material
arrives), head counts, organisers, partners, tags, a few tombstones. Records are built as
`Activity` objects and written through `Store` (one transaction), so the file is always in the
current store format, search keys included.

    python bench/generate.py                  # 1k, 10k and 100k into bench/data/
    python bench/generate.py --sizes 10k --out /tmp/bench

Also writes, for each size, `<name>.meta.json` (ids and words the harness uses) and once
`import-1000.json`, an exchange file of 1,000 new activities from another community worker.
"""

from __future__ import annotations

import argparse
import functools
import random
import shutil
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from logbook.models import Activity, Community  # noqa: E402
from logbook.storage import Store  # noqa: E402

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
FIRST_DAY = date(2020, 3, 31)
LAST_DAY = date(2025, 3, 30)  # the harness pins LOGBOOK_TODAY to this day
SEED = 20250330
IMPORT_COUNT = 1_000
SEARCH_WORD = "冬奥"  # about 1% of records mention it
DEFAULT_OUT = ROOT / "bench" / "data"

STREETS: dict[str, list[str]] = {
    "安贞街道": [
        "安贞西里",
        "安贞里",
        "安华里",
        "黄寺",
        "裕民路",
        "安贞苑",
        "五路居",
        "安华西里",
        "外馆斜街",
        "安贞东里",
    ],
    "和平街街道": [
        "和平街一",
        "和平街二",
        "和平街三",
        "和平街十",
        "和平街十一",
        "樱花园",
        "砖角楼",
        "胜古庄",
        "小黄庄",
        "和平家园",
    ],
    "小关街道": [
        "小关",
        "惠新里",
        "惠新苑",
        "小关东里",
        "小关北里",
        "惠新东街",
        "惠新北里",
        "惠新西街",
        "小关东街",
        "安苑",
    ],
    "大屯街道": [
        "安慧里",
        "慧忠里",
        "嘉铭园",
        "金泉家园",
        "北辰东路",
        "慧忠北里",
        "育慧里",
        "安慧北里",
        "嘉铭桐城",
        "富成花园",
    ],
}

# (category, title pattern, groups, partners, speakers, tags, head count range, approx share)
TEMPLATES = [
    ("培训", "{c}社工议事协商能力提升培训", ["社工"], ["北京农学院"], ["毕宇珠"], ["能力建设"], (20, 45), 0.2),
    ("培训", "{c}垃圾分类志愿者培训会", ["志愿者"], ["区城管委"], ["王立新"], ["垃圾分类"], (15, 40), 0.1),
    ("培训", "{c}老年人防范电信诈骗专题讲座", ["老人", "居民"], ["安贞派出所"], ["李警官"], ["反诈"], (30, 80), 0.3),
    ("培训", "{c}智能手机使用课堂", ["老人"], ["联通营业厅"], ["孙老师"], ["数字助老"], (12, 30), 0.1),
    ("会议", "{c}楼道堆物堆料议事协商会", ["居民"], [], [], ["议事协商", "楼道治理"], (12, 30), 0.0),
    ("会议", "{c}老旧小区加装电梯协商会", ["居民", "党员"], ["区住建委"], [], ["加装电梯"], (15, 40), 0.1),
    ("会议", "{c}居民代表月度例会", ["居民代表"], [], [], ["例会"], (10, 25), 0.0),
    ("会议", "{c}物业服务质量评议会", ["居民代表", "物业"], ["物业公司"], [], ["物业"], (10, 30), 0.0),
    ("志愿服务", "{c}学雷锋志愿服务日", ["志愿者", "居民"], ["辖区共建单位"], [], ["学雷锋"], (30, 120), 0.4),
    ("志愿服务", "{c}“周末卫生日”环境整治", ["志愿者", "党员"], [], [], ["环境整治"], (20, 60), 0.3),
    ("志愿服务", "{c}独居老人探访慰问", ["老人", "志愿者"], ["社工事务所"], [], ["探访", "独居老人"], (8, 20), 0.0),
    ("义诊", "{c}中医义诊进社区", ["老人", "居民"], ["中日友好医院"], ["张医生"], ["健康"], (40, 150), 0.5),
    ("义诊", "{c}快递小哥健康关爱义诊", ["快递员"], ["社区卫生服务中心"], [], ["新就业群体"], (15, 40), 0.3),
    ("文化", "{c}春季书法交流活动", ["居民", "老人"], ["区文化馆"], ["刘老师"], ["书法"], (15, 40), 0.2),
    ("文化", "{c}亲子手工非遗体验课", ["儿童", "居民"], ["区文化馆"], ["陈老师"], ["非遗", "亲子"], (12, 30), 0.1),
    ("文化", "{c}邻里节文艺汇演", ["居民"], ["辖区学校"], [], ["邻里节"], (60, 200), 0.6),
    ("安全", "{c}消防安全入户宣传", ["居民"], ["消防救援站"], [], ["消防", "入户"], (20, 60), 0.3),
    ("安全", "{c}高层住宅消防演练", ["居民", "物业"], ["消防救援站"], ["赵队长"], ["消防", "演练"], (40, 120), 0.4),
    ("安全", "{c}电动自行车安全充电宣传", ["居民"], ["街道平安办"], [], ["电动车", "消防"], (20, 50), 0.2),
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

SERIES = ["", "", "", "", "（第一期）", "（第二期）", "（第三期）", "暨经验交流", "系列活动", "（冬季）", "（夏季）"]

# Sentences of the notes; {c} community, {n} a number, {p} a person, {t} a topic.
SENTENCES = [
    "活动现场气氛热烈，居民积极参与，纷纷表示受益匪浅。",
    "社工提前在居民群发布通知，并入户邀请行动不便的老人参加。",
    "活动结束后发放满意度问卷，收回有效问卷{n}份，满意率较高。",
    "下一步将结合居民反馈，把此项活动纳入{c}社区年度服务计划。",
    "本次活动得到辖区共建单位的大力支持，{p}全程参与并协助组织。",
    "围绕{t}问题，居民代表各抒己见，提出了{n}条意见和建议。",
    "社区党委书记{p}在总结时指出，要把居民的“小事”当作社区的“大事”来办。",
    "志愿者们分工明确，有的负责签到引导，有的负责秩序维护和物资发放。",
    "针对老年居民的实际需求，现场设置了咨询台，一对一解答相关问题。",
    "活动采取“理论讲解+现场演示”的方式，内容通俗易懂，便于居民掌握。",
    "{p}结合典型案例，详细讲解了{t}的注意事项和常见误区。",
    "会上通报了上一阶段{t}工作的进展情况，并对下一步工作作出部署。",
    "居民们表示，希望社区今后多组织此类贴近生活的活动。",
    "为确保活动安全有序，社区提前制定了工作方案和应急预案。",
    "活动共发放宣传折页{n}份、环保购物袋{n}个，覆盖楼门{n}个。",
    "通过此次活动，进一步增强了居民的参与意识和邻里之间的互助氛围。",
    "社工对活动过程进行了记录，相关照片和签到表已整理归档。",
    "部分居民因工作原因未能到场，社区将通过微信群推送活动要点。",
    "{c}社区将以此次活动为契机，持续推进{t}工作常态化、长效化。",
    "现场还开展了有奖问答环节，答对的居民获得了精美小礼品。",
    "活动前，社工对场地进行了布置和消毒，准备了茶水和座椅。",
    "针对居民反映的{t}问题，社区已形成台账，明确责任人和完成时限。",
    "物业公司负责人{p}到场回应居民关切，承诺在{n}个工作日内整改到位。",
    "本次活动是今年以来{c}社区开展的第{n}场同类活动。",
]
RARE_SENTENCE = "活动中还向居民介绍了冬奥会志愿服务的经验和故事。"
TRADITIONAL_SENTENCES = [
    "活動現場氣氛熱烈，居民積極參與，紛紛表示受益匪淺。",
    "社工提前在居民群發佈通知，並入戶邀請行動不便的老人參加。",
    "通過此次活動，進一步增強了居民的參與意識和鄰里之間的互助氛圍。",
    "本次培訓(xùn)特邀專業老師擔任主講，讓社工沉浸式學習議事協商方法與主持技巧。",
    "居民們表示，希望社區今後多組織此類貼近生活的活動。",
]
TOPICS = [
    "垃圾分类",
    "加装电梯",
    "楼道堆物",
    "停车管理",
    "消防安全",
    "反诈宣传",
    "适老化改造",
    "环境整治",
    "养老服务",
    "物业管理",
    "绿化养护",
    "文明养犬",
]
PEOPLE = [
    "王立新",
    "李春梅",
    "张建国",
    "刘秀英",
    "陈志强",
    "杨丽华",
    "赵德明",
    "黄晓燕",
    "周文静",
    "吴海涛",
    "徐桂兰",
    "孙明远",
    "马玉珍",
    "朱国庆",
    "胡晓东",
    "郭淑芬",
]
AUTHORS = [
    "王社工",
    "李社工",
    "张社工",
    "刘社工",
    "陈社工",
    "杨社工",
    "赵社工",
    "黄社工",
    "周社工",
    "吴社工",
    "徐社工",
    "孙社工",
    "马社工",
    "朱社工",
    "胡社工",
    "郭社工",
    "何社工",
    "高社工",
    "林社工",
]
LOCATIONS = [
    "社区党群服务中心",
    "社区活动室",
    "小区广场",
    "社区居委会会议室",
    "街道市民活动中心",
    "社区养老驿站",
    "小区中心花园",
    "社区图书室",
]
ORGANIZERS = ["社区居委会", "社区党委", "社工事务所", "街道社区建设办公室", "社区志愿者服务队"]


def communities() -> list[Community]:
    out = []
    for street, names in STREETS.items():
        for short in names:
            out.append(Community(name=f"{short}社区", street=street, aliases=[short]))
    return out


def _uuid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _notes(rng: random.Random, community: str, target: int) -> str:
    bank = TRADITIONAL_SENTENCES if rng.random() < 0.05 else SENTENCES
    parts: list[str] = []
    length = 0
    while length < target:
        sentence = rng.choice(bank).format(
            c=community, n=rng.randint(3, 300), p=rng.choice(PEOPLE), t=rng.choice(TOPICS)
        )
        parts.append(sentence)
        length += len(sentence)
    if rng.random() < 0.01:  # the word the benchmark searches for
        parts.insert(rng.randrange(len(parts)), RARE_SENTENCE)
    return "".join(parts)


def _days(count: int, rng: random.Random, first: date, last: date) -> list[date]:
    """`count` days between first and last, more on weekdays, growing ~10% a year, sorted."""
    span = (last - first).days + 1
    weights = []
    for offset in range(span):
        day = first + timedelta(days=offset)
        weight = 1.0 if day.weekday() < 5 else 0.45
        if day.month == 2 and day.day < 15:  # Spring Festival
            weight *= 0.5
        weights.append(weight * (1.0 + 0.1 * offset / 365))
    chosen = rng.choices(range(span), weights=weights, k=count)
    chosen.sort()
    return [first + timedelta(days=o) for o in chosen]


def activities(
    count: int,
    seed: int = SEED,
    first: date = FIRST_DAY,
    last: date = LAST_DAY,
    authors: list[str] | None = None,
    source: str = "typed",
) -> list[Activity]:
    rng = random.Random(seed)
    registry = communities()
    streets = list(STREETS)
    authors = authors or AUTHORS
    out: list[Activity] = []
    for day in _days(count, rng, first, last):
        if rng.random() < 0.08:
            street = rng.choice(streets)
            cat, pattern, groups, partners, speakers, tags, (lo, hi), approx = rng.choice(STREET_TEMPLATES)
            names = [c.name for c in registry if c.street == street]
            reached = rng.sample(names, k=rng.randint(3, 6))
            title = pattern.format(s=street)
            organizers = ["街道社区建设办公室"]
            about = street
        else:
            community = rng.choice(registry)
            street = community.street
            cat, pattern, groups, partners, speakers, tags, (lo, hi), approx = rng.choice(TEMPLATES)
            reached = [community.name]
            if rng.random() < 0.1:  # a joint activity with a neighbour
                neighbour = rng.choice([c.name for c in registry if c.street == street])
                if neighbour != community.name:
                    reached.append(neighbour)
            title = pattern.format(c=community.name.removesuffix("社区"))
            organizers = rng.sample(ORGANIZERS[:3], k=rng.choice((1, 1, 2)))
            about = community.name.removesuffix("社区")
        title += rng.choice(SERIES)
        people: int | None = rng.randint(lo, hi)
        is_approx = rng.random() < approx
        if is_approx:
            people = people - people % 10 or 10
        if rng.random() < 0.08:  # some reports never got a head count
            people, is_approx = None, False
        timed = rng.random() < 0.8
        hour = rng.choice([8, 9, 9, 10, 14, 14, 15, 16, 19])
        start = f"{hour:02d}:{rng.choice(['00', '30'])}" if timed else None
        end = f"{hour + rng.choice([1, 2, 3]):02d}:{start[3:]}" if timed and rng.random() < 0.85 else None
        notes = _notes(rng, about, rng.randint(250, 340)) if rng.random() < 0.95 else None
        # logged that evening (Beijing) or up to three days later; some edited afterwards
        created = datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC) + timedelta(
            days=rng.choice((0, 0, 0, 1, 1, 2, 3)), seconds=rng.randrange(8 * 3600)
        )
        updated = created + timedelta(days=rng.randint(1, 30)) if rng.random() < 0.15 else created
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
                partners=list(partners)
                + ([rng.choice(["辖区共建单位", "社区卫生服务中心"])] if rng.random() < 0.15 else []),
                speakers=list(speakers) if rng.random() < 0.7 else [],
                groups=list(groups),
                tags=list(tags) + ([rng.choice(TOPICS)] if rng.random() < 0.3 else []),
                location=rng.choice(LOCATIONS) if rng.random() < 0.9 else None,
                notes=notes,
                source=source if rng.random() < 0.8 else "import",
                author=rng.choice(authors),
                created_at=_stamp(created),
                updated_at=_stamp(updated),
            )
        )
    for a in out:  # de-duplicate list fields the way validation would
        a.tags = list(dict.fromkeys(a.tags))
        a.partners = list(dict.fromkeys(a.partners))
        a.communities = list(dict.fromkeys(a.communities))
    return out


def _remove_logbook(path: Path) -> None:
    """Remove a logbook and everything that belongs to it (partitions, backups, lock)."""
    for item in path.parent.glob(path.name + "*"):
        if item.is_dir():
            shutil.rmtree(item)
        else:
            item.unlink()


def _cache_folding() -> None:
    """Titles, names, tags and places repeat from small banks: fold each once. The search keys
    written are the same; only the generator gets faster."""
    from logbook.textnorm import folding

    if not hasattr(folding.fold, "cache_info"):
        folding.fold = functools.lru_cache(maxsize=65536)(folding.fold)


def write_logbook(path: Path, count: int, seed: int = SEED) -> dict:
    """Generate `count` activities into a new logbook at `path`; return what the harness needs."""
    _cache_folding()
    rng = random.Random(seed + count)
    records = activities(count, seed + count)
    deleted = {
        _uuid(rng): _stamp(datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=i * 7))
        for i in range(max(1, count // 200))
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_logbook(path)
    store = Store(path)
    with store.transaction(f"generate {count} activities") as tx:
        tx.set_communities(communities())
        for activity in records:
            tx.add(activity)
        for activity_id, at in deleted.items():
            tx.delete(activity_id, at)
    # A generated logbook has no history: undo must not be able to remove it.
    shutil.rmtree(store.backup_dir, ignore_errors=True)
    lock = store.lock_path
    if lock.exists():
        lock.unlink()
    old = records[len(records) // 10]  # from the first of the five years
    recent = records[-1]
    return {
        "count": count,
        "path": path.name,
        "first_day": records[0].date,
        "last_day": records[-1].date,
        "today": LAST_DAY.isoformat(),
        "old_id": old.id[:8],
        "recent_id": recent.id[:8],
        "search_word": SEARCH_WORD,
        "search_hits": sum(
            1 for a in records if SEARCH_WORD in a.title or SEARCH_WORD in (a.notes or "") or SEARCH_WORD in a.tags
        ),
    }


def write_import_file(path: Path, count: int = IMPORT_COUNT) -> None:
    """An exchange file (the format `export` writes) of `count` new activities from one worker,
    spread over the last year."""
    records = activities(count, SEED + 1, date(2024, 4, 1), LAST_DAY, authors=["何社工"], source="import")
    document = {
        "format": "logbook",
        "version": 1,
        "exported_at": "2025-03-30T12:00:00Z",
        "author": "何社工",
        "communities": [c.to_dict() for c in communities()],
        "activities": [a.to_dict() for a in records],
        "deleted": [],
    }
    path.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))


def parse_sizes(text: str) -> list[str]:
    sizes = [s.strip() for s in text.split(",") if s.strip()]
    for s in sizes:
        if s not in SIZES:
            raise SystemExit(f"unknown size {s!r}: expected some of {', '.join(SIZES)}")
    return sizes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 1k,10k,100k")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder (default bench/data)")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for size in parse_sizes(args.sizes):
        started = time.perf_counter()
        path = out / f"logbook-{size}.json"
        info = write_logbook(path, SIZES[size])
        (out / f"logbook-{size}.meta.json").write_bytes(orjson.dumps(info, option=orjson.OPT_INDENT_2))
        print(f"{path}: {SIZES[size]:,} activities in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    write_import_file(out / "import-1000.json")


if __name__ == "__main__":
    main()
