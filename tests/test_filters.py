"""The filters every listing shares: each alone, combined with AND, the period forms, and what is
said about values that match nothing; against 300 mixed Simplified/Traditional activities whose
expected answers come from their Simplified shadows."""

import random
from datetime import date, timedelta

import pytest
from conftest import listed, run
from mixed_logbook import REGISTRY


def ids(book, *args, command="list"):
    """The ids, checking that every name resolved: nothing said on stderr but the count (search)
    or that the period is empty."""
    got, stderr = listed(book, *args, command=command)
    said = [line for line in stderr.splitlines() if "the period" not in line]
    if command == "search":
        assert said == [f"{len(got)} {'activity' if len(got) == 1 else 'activities'} found"]
    else:
        assert said == []
    return got


def between(start, end):
    return lambda s: start <= s.date <= end


def week_of(day: str):
    d = date.fromisoformat(day)
    monday = d - timedelta(days=d.weekday())
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()


# -- each filter alone -------------------------------------------------------------------------


def test_no_filter_lists_everything(book):
    assert ids(book) == book.ids


@pytest.mark.parametrize(
    "args, start, end",
    [
        (["--from", "2025-03-01"], "2025-03-01", "9999"),
        (["--from", "2025年3月1日"], "2025-03-01", "9999"),
        (["--to", "2025-01-31"], "0000", "2025-01-31"),
        (["--to", "1/31"], "0000", "2025-01-31"),
        (["--on", "2025-02-14"], "2025-02-14", "2025-02-14"),
        (["--on", "二月十四日"], "2025-02-14", "2025-02-14"),
        (["--week", "2025-W10"], "2025-03-03", "2025-03-09"),
        (["--week", "2025-03-05"], "2025-03-03", "2025-03-09"),  # the ISO week holding the date
        (["--week", "this"], *week_of("2025-03-30")),
        (["--week", "本周"], *week_of("2025-03-30")),
        (["--week", "last"], "2025-03-17", "2025-03-23"),  # the last complete week before this one
        (["--week", "上周"], "2025-03-17", "2025-03-23"),
        (["--month", "2025-02"], "2025-02-01", "2025-02-28"),
        (["--month", "2025年2月"], "2025-02-01", "2025-02-28"),
        (["--month", "this"], "2025-03-01", "2025-03-31"),
        (["--month", "last"], "2025-02-01", "2025-02-28"),
    ],
)
def test_each_date_filter_alone(book, args, start, end):
    expected = book.where(between(start, end))
    assert 0 < len(expected) < 300
    assert ids(book, *args) == expected


def test_week_this_on_a_sunday_is_the_week_that_ends_today(book):
    # today is Sunday 2025-03-30: "this" week is W13 and "last" is... whatever dates.py decides
    # for a complete week; both must be whole Monday-to-Sunday weeks.
    for spec in ("this", "last", "2025-W13"):
        got = ids(book, "--week", spec)
        days = {s.date for s in book.shadows if s.id in got}
        mondays = {date.fromisoformat(d) - timedelta(days=date.fromisoformat(d).weekday()) for d in days}
        assert len(mondays) == 1, spec


def test_community_alone(book):
    expected = book.where(lambda s: "安贞西里社区" in s.communities)
    assert ids(book, "--community", "安贞西里社区") == expected
    # stored as 安貞西裡社區, as the alias 安贞西里 and as the registered name: all counted
    spellings = {c for s in book.shadows if s.id in expected for c in _stored(book, s.id).communities}
    assert {"安贞西里社区", "安貞西裡社區", "安贞西里"} <= spellings


def test_several_communities_mean_any_of_them(book):
    expected = book.where(lambda s: {"黄寺社区", "芍药居十社区"} & set(s.communities))
    assert ids(book, "-c", "黄寺社区", "-c", "芍药居十社区") == expected
    assert len(expected) > len(book.where(lambda s: "黄寺社区" in s.communities))


def test_street_alone(book):
    for typed, street in [("安贞街道", "安贞街道"), ("太阳宫地区", "太阳宫地区"), ("长辛店街道", "长辛店街道")]:
        expected = book.where(lambda s, street=street: s.street == street)
        assert expected
        assert ids(book, "--street", typed) == expected


@pytest.mark.parametrize("category", ["培训", "志愿服务", "义诊", "会议", "安全", "文化", "党建", "其他"])
def test_category_alone(book, category):
    expected = book.where(lambda s: s.category == category)
    assert expected
    assert ids(book, "--category", category) == expected


def test_tag_alone_and_several_tags_mean_all_of_them(book):
    one = book.where(lambda s: "消防" in s.tags)
    both = book.where(lambda s: {"消防", "垃圾分类"} <= set(s.tags))
    assert 0 < len(both) < len(one)
    assert ids(book, "--tag", "消防") == one
    assert ids(book, "-t", "消防", "-t", "垃圾分类") == both
    assert ids(book, "-t", "消防", "-t", "垃圾分類") == both  # a tag in the other script


@pytest.mark.parametrize("n", [0, 1, 40, 80])
def test_min_people_alone(book, n):
    expected = book.where(lambda s: s.participants is not None and s.participants >= n)
    assert ids(book, "--min-people", str(n)) == expected
    if n == 0:  # an activity without a head count never has N, not even 0
        assert expected != book.ids


# -- combined ----------------------------------------------------------------------------------


def test_filters_combine_with_and(book):
    expected = book.where(
        lambda s: (
            s.date.startswith("2025-03")
            and s.street == "安贞街道"
            and s.category == "培训"
            and s.participants is not None
            and s.participants >= 10
        )
    )
    assert expected
    got = ids(book, "--month", "2025-03", "--street", "安贞", "--category", "training", "--min-people", "10")
    assert got == expected


def test_date_options_narrow_each_other(book):
    expected = book.where(between("2025-03-20", "2025-03-23"))
    assert ids(book, "--month", "2025-03", "--from", "2025-03-20", "--week", "2025-W12") == expected


def test_an_empty_period_says_so(book):
    got, stderr = listed(book, "--from", "2025-03-10", "--to", "2025-03-01")
    assert got == set()
    assert stderr == "Warning: the period 2025-03-10 to 2025-03-01 is empty: it ends before it starts\n"


COMMUNITIES = [name for name, _, _ in REGISTRY] + ["和平街一社区"]
STREETS = ["安贞街道", "太阳宫地区", "长辛店街道", "和平街街道"]
CATEGORIES = ["培训", "志愿服务", "义诊", "会议", "安全", "文化", "党建", "其他"]
TAGS = ["垃圾分类", "反诈", "健康", "消防"]


def _random_filter(rng):
    """Some filters as typed and the predicate they mean."""
    args, checks = [], []
    if rng.random() < 0.5:
        a, b = sorted(rng.sample(range(89), 2))
        start = (date(2025, 1, 1) + timedelta(days=a)).isoformat()
        end = (date(2025, 1, 1) + timedelta(days=b)).isoformat()
        args += ["--from", start, "--to", end]
        checks.append(between(start, end))
    if rng.random() < 0.3:
        month = rng.choice(["2025-01", "2025-02", "2025-03"])
        args += ["--month", month]
        checks.append(lambda s, m=month: s.date.startswith(m))
    if rng.random() < 0.4:
        chosen = rng.sample(COMMUNITIES, rng.randint(1, 3))
        for c in chosen:
            args += ["--community", c]
        checks.append(lambda s, c=set(chosen): bool(c & set(s.communities)))
    if rng.random() < 0.3:
        street = rng.choice(STREETS)
        args += ["--street", street]
        checks.append(lambda s, st=street: s.street == st)
    if rng.random() < 0.4:
        category = rng.choice(CATEGORIES)
        args += ["--category", category]
        checks.append(lambda s, c=category: s.category == c)
    if rng.random() < 0.3:
        tag = rng.choice(TAGS)
        args += ["--tag", tag]
        checks.append(lambda s, t=tag: t in s.tags)
    if rng.random() < 0.3:
        n = rng.randint(0, 60)
        args += ["--min-people", str(n)]
        checks.append(lambda s, n=n: s.participants is not None and s.participants >= n)
    return args, lambda s: all(check(s) for check in checks)


@pytest.mark.parametrize("seed", range(25))
def test_random_combinations_agree_with_the_shadows(book, seed):
    args, predicate = _random_filter(random.Random(seed))
    assert ids(book, *args) == book.where(predicate), args


@pytest.mark.parametrize("seed", range(5))
def test_search_takes_the_same_filters(book, seed):
    args, predicate = _random_filter(random.Random(100 + seed))
    got = ids(book, "-消防", *args, command="search")
    assert got == book.where(lambda s: predicate(s) and not s.has("消防")), args


def test_every_filtering_command_declares_the_same_options():
    shared = [
        "--from",
        "--to",
        "--on",
        "--week",
        "--month",
        "--community",
        "--street",
        "--category",
        "--tag",
        "--min-people",
    ]
    for command in ("list", "search", "report"):
        result = run(command, "--help")
        assert result.exit_code == 0
        for option in shared:
            assert option in result.stdout, (command, option)


# -- values that match nothing -----------------------------------------------------------------


def test_an_unknown_community_says_so_with_the_nearest_names(book):
    got, stderr = listed(book, "--community", "安贞东里")
    assert got == set()
    assert stderr == "Warning: no community is known as '安贞东里'; did you mean 安贞里社区, 安贞西里社区?\n"


def test_an_unknown_street_says_so_with_the_nearest_names(book):
    got, stderr = listed(book, "--street", "安定街道")
    assert got == set()
    assert stderr == "Warning: no street is known as '安定街道'; did you mean 安贞街道?\n"


def test_an_unknown_category_says_so_with_the_nearest_names(book):
    got, stderr = listed(book, "--category", "培圳")
    assert got == set()
    assert stderr == "Warning: no category is known as '培圳'; did you mean 培训?\n"
    got, stderr = listed(book, "--category", "trainnig")
    assert stderr == "Warning: no category is known as 'trainnig'; did you mean training, meeting?\n"


def test_nothing_near_means_no_suggestion(book):
    got, stderr = listed(book, "--community", "xyzq")
    assert got == set()
    assert stderr == "Warning: no community is known as 'xyzq'\n"


def test_an_unknown_value_warns_in_search_too(book):
    result = run("--db", str(book.path), "search", "培训", "--community", "安贞东里")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Warning: no community is known as '安贞东里'; did you mean 安贞里社区, 安贞西里社区?",
        "0 activities found",
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "yesterdy"], "Error: invalid date 'yesterdy'"),
        (["--week", "2025-W54"], "Error: invalid week '2025-W54'"),
        (["--month", "2025-13"], "Error: invalid month '2025-13'"),
    ],
)
def test_bad_periods_are_usage_errors(book, args, message):
    before = book.path.read_bytes()
    for command in ("list", "search"):
        extra = ["培训"] if command == "search" else []
        result = run("--db", str(book.path), command, *extra, *args)
        assert result.exit_code == 2
        assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert book.path.read_bytes() == before


def test_min_people_must_be_a_whole_number(book):
    result = run("--db", str(book.path), "list", "--min-people", "-1")
    assert result.exit_code == 2


def _stored(book, activity_id):
    from logbook.storage import Store

    return Store(book.path).get(activity_id)
