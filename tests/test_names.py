"""Names that forgive: communities, streets and categories typed in the other script, without
社区/街道, by alias or in pinyin (full or initials), ambiguity said out loud; names listed in pinyin
order with numerals read as numbers."""

import pytest
from conftest import add, listed, run

from logbook.models import Community
from logbook.registry import Registry

# -- communities in filters --------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "安贞西里社区",
        "安贞西里",
        "安貞西裡社區",
        "安貞西里",
        "anzhenxili",
        "AnZhenXiLi",
        "anzhenx",
        "azxl",
        "AZXL",
        "an zhen xi li",
    ],
)
def test_a_community_filter_forgives_how_it_is_typed(book, typed):
    expected = book.where(lambda s: "安贞西里社区" in s.communities)
    got, stderr = listed(book, "--community", typed)
    assert stderr == ""
    assert got == expected


@pytest.mark.parametrize(
    "typed, name",
    [
        ("huangsi", "黄寺社区"),
        ("hs", "黄寺社区"),
        ("sháoyàojūshí", None),
        ("shaoyaojushiyi", "芍药居十一社区"),
        ("sy jsy", "芍药居十一社区"),
        ("changxindian", "长辛店社区"),
        ("cxd", "长辛店社区"),
        ("黃寺", "黄寺社区"),
    ],
)
def test_pinyin_names_one_community_when_it_fits_one(book, typed, name):
    got, stderr = listed(book, "--community", typed)
    if name is None:  # tone marks are not pinyin as typed on a keyboard: unknown, said so
        assert got == set() and stderr.startswith("Warning: no community is known as")
        return
    assert stderr == ""
    assert got == book.where(lambda s: name in s.communities)


def test_ambiguous_pinyin_in_a_filter_warns_with_the_candidates(book):
    got, stderr = listed(book, "--community", "anzhen")
    assert got == set()
    assert stderr == (
        "Warning: community 'anzhen' could be any of 安贞西里社区, 安贞里社区; type more of the name to pick one\n"
    )
    got, stderr = listed(book, "--community", "shaoyaoju")
    assert got == set()
    assert stderr == (
        "Warning: community 'shaoyaoju' could be any of "
        "芍药居十一社区, 芍药居二社区, 芍药居十社区, 芍药居一社区; type more of the name to pick one\n"
    )


def test_names_the_records_use_without_a_registry_count_as_known(book):
    # 和平街一社区 is not registered; records write it in both scripts.
    expected = book.where(lambda s: "和平街一社区" in s.communities)
    assert expected
    for typed in ("和平街一社区", "和平街一社區", "和平街一", "hepingjieyi", "hpjy"):
        got, stderr = listed(book, "--community", typed)
        assert stderr == "", typed
        assert got == expected, typed


# -- streets and categories in filters ---------------------------------------------------------


@pytest.mark.parametrize(
    "typed, street",
    [
        ("安贞街道", "安贞街道"),
        ("安貞街道", "安贞街道"),
        ("安贞", "安贞街道"),
        ("anzhen", "安贞街道"),
        ("azjd", "安贞街道"),
        ("太阳宫", "太阳宫地区"),
        ("太陽宮地區", "太阳宫地区"),
        ("taiyanggong", "太阳宫地区"),
        ("長辛店", "长辛店街道"),
        ("和平街", "和平街街道"),
    ],
)
def test_a_street_filter_forgives_how_it_is_typed(book, typed, street):
    got, stderr = listed(book, "--street", typed)
    assert stderr == ""
    assert got == book.where(lambda s: s.street == street)


def test_ambiguous_pinyin_for_a_street_warns_with_the_candidates(tmp_path):
    for name, street in [("甲社区", "和平街街道"), ("乙社区", "和平里街道")]:
        assert run("community", "add", name, "--street", street).exit_code == 0
    result = run("list", "--street", "heping")
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: street 'heping' could be any of 和平街街道, 和平里街道; type more of the name to pick one\n"
    )


@pytest.mark.parametrize(
    "typed, category",
    [
        ("培训", "培训"),
        ("培訓", "培训"),
        ("training", "培训"),
        ("Training", "培训"),
        ("TRAINING", "培训"),
        ("讲座", "培训"),
        ("講座", "培训"),
        ("志願服務", "志愿服务"),
        ("volunteer", "志愿服务"),
        ("義診", "义诊"),
        ("health", "义诊"),
        ("议事协商", "会议"),
        ("議事協商", "会议"),
        ("meeting", "会议"),
        ("消防", "安全"),
        ("safety", "安全"),
        ("黨建", "党建"),
        ("party", "党建"),
        ("其它", "其他"),
    ],
)
def test_a_category_filter_takes_chinese_in_either_script_and_english(book, typed, category):
    got, stderr = listed(book, "--category", typed)
    assert stderr == ""
    assert got == book.where(lambda s: s.category == category)


# -- communities when logging ------------------------------------------------------------------


def test_add_resolves_pinyin_and_fills_the_street(registry):
    for typed in ("azxl", "anzhenxili", "安貞西裡"):
        activity = add("活动", "--community", typed)
        record = run("show", activity, "--format", "json").json
        assert record["communities"] == ["安贞西里社区"], typed
        assert record["street"] == "安贞街道"


def test_add_with_ambiguous_pinyin_lists_the_candidates_and_keeps_it(registry):
    result = run("add", "活动", "--community", "anzhen")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "Warning: community 'anzhen' is not in the registry; it could be any of 安贞西里社区, 安贞里社区. Kept as typed"
    )
    record = run("show", result.stdout.strip(), "--format", "json").json
    assert record["communities"] == ["anzhen"]
    assert record["street"] is None


def test_add_with_an_unknown_name_suggests_and_keeps_it(registry):
    result = run("add", "活动", "--community", "安贞东里社区")
    assert result.stderr.splitlines()[0] == (
        "Warning: community '安贞东里社区' is not in the registry; did you mean 安贞里社区, 安贞西里社区? Kept as typed"
    )
    result = run("add", "活动", "--community", "完全陌生")
    assert result.stderr.splitlines()[0] == ("Warning: community '完全陌生' is not in the registry. Kept as typed")


def test_add_resolves_a_street_in_pinyin(registry):
    activity = add("活动", "--street", "hepingjie")
    assert run("show", activity, "--format", "json").json["street"] == "和平街街道"


# -- the registry as a library -----------------------------------------------------------------


def test_registry_resolution_order():
    registry = Registry(
        [Community("安贞西里社区", "安贞街道", ["安贞西里"]), Community("安贞里社区", "安贞街道")],
        used=["安贞西里", "安贞东里社区", "安貞東里社區"],
    )
    # the alias spelled in records is the registered community, not a name of its own
    assert registry.used == ["安贞东里社区"]
    res = registry.resolve("安贞西里")
    assert res.known and res.name == "安贞西里社区" and res.spellings == ["安贞西里社区", "安贞西里"]
    res = registry.resolve("安貞東里")
    assert not res.known and res.in_records and res.name == "安贞东里社区"
    res = registry.resolve("azdl")  # pinyin reaches the names records use when none registered fits
    assert res.in_records and res.name == "安贞东里社区"
    res = registry.resolve("anzhen")
    assert res.ambiguous and res.candidates == ["安贞西里社区", "安贞里社区"] and not res.known
    res = registry.resolve("azl")  # the registered name wins over the one records use
    assert res.known and res.name == "安贞里社区"
    assert registry.resolve_street("anzhen") == "安贞街道"
    assert registry.resolve_street("安貞") == "安贞街道"
    assert registry.resolve_street("和平") is None


# -- order -------------------------------------------------------------------------------------

SHAOYAOJU = ["芍药居一社区", "芍药居二社区", "芍药居十社区", "芍药居十一社区"]


def test_community_list_sorts_by_pinyin_with_numerals_as_numbers(book):
    result = run("--db", str(book.path), "community", "list", "--format", "json")
    names = [c["name"] for c in result.json]
    assert names == ["安贞里社区", "安贞西里社区", "长辛店社区", "黄寺社区", *SHAOYAOJU]
    table = run("--db", str(book.path), "community", "list").stdout
    positions = [table.index(n) for n in names]
    assert positions == sorted(positions)


def test_list_sorts_by_community_in_the_same_order(book):
    result = run("--db", str(book.path), "list", "--all", "--sort", "community", "--format", "json")
    firsts = [r["communities"][0] for r in result.json]
    from logbook.textnorm import fold

    seen = list(dict.fromkeys(fold(c).removesuffix("社区") for c in firsts))
    expected_order = [
        "安贞里",
        "安贞西里",
        "长辛店",
        "和平街一",
        "黄寺",
        "芍药居一",
        "芍药居二",
        "芍药居十",
        "芍药居十一",
    ]
    assert [s for s in seen if s in expected_order] == expected_order
    # within one community, newest first
    for name in ("黄寺社区",):
        dates = [r["date"] for r in result.json if r["communities"][0] == name]
        assert dates == sorted(dates, reverse=True)


def test_list_sort_community_puts_records_without_one_last():
    add("无社区的活动")
    add("芍药居十一的活动", "--community", "芍药居十一社区")
    add("芍药居二的活动", "--community", "芍药居二社区")
    titles = [r["title"] for r in run("list", "--sort", "community", "--format", "json").json]
    assert titles == ["芍药居二的活动", "芍药居十一的活动", "无社区的活动"]


def test_records_logged_before_the_registry_still_match_their_community_and_street():
    # Logged while nothing was registered: kept as typed, without 社区 and 街道.
    early = add("早先的活动", "--community", "黄寺", "--street", "安贞")
    assert run("community", "add", "黄寺社区", "--street", "安贞街道").exit_code == 0
    later = add("后来的活动", "--community", "黄寺社区")
    for args in (["-c", "黄寺社区"], ["-c", "黃寺"], ["-c", "huangsi"], ["--street", "安贞街道"], ["--street", "azjd"]):
        result = run("list", "--format", "json", *args)
        assert result.stderr == "", args
        assert {r["id"] for r in result.json} == {early, later}, args
