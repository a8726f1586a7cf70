"""`logbook search`: every word in either script, `-word` excluded, glosses never in the way,
newest first, the count on stderr, matches highlighted; against a logbook of 300 mixed
Simplified/Traditional activities whose expected answers come from their Simplified shadows."""

import csv
import io
import json

import pytest
from conftest import run, run_proc
from logbook_files import (
    copy_logbook,
    keys_files,
    month_files,
    reseal,
    rewrite_activities,
    rewrite_keys,
    stored_activities,
    stored_keys,
)

from logbook.commands.find import protect_exclusions, title_highlighter
from logbook.commands.find import search as search_command
from logbook.storage import Store
from logbook.textnorm import fold


def found(book, *words, options=()):
    """The ids `logbook search` finds (all of them, as JSON)."""
    result = run("--db", str(book.path), "search", "--all", "--format", "json", *options, *words)
    assert result.exit_code == 0, result.stderr
    return {r["id"] for r in result.json}


def having(book, *words, without=()):
    """The expected ids: every word in some field of the shadow, no excluded word anywhere."""
    return book.where(lambda s: all(s.has(w) for w in words) and not any(s.has(w) for w in without))


def stored(book):
    return {a.id: a for a in Store(book.path).activities()}


# -- the fixture is what it claims -------------------------------------------------------------


def test_the_logbook_mixes_scripts_and_glosses(book):
    titles = [a.title for a in stored(book).values()]
    assert len(titles) == 300
    assert sum("培訓(xùn)" in t for t in titles) >= 10  # glossed Traditional
    assert sum("培训" in t for t in titles) >= 10  # typed Simplified
    assert sum("培訓" in t and "(xùn)" not in t for t in titles) >= 3  # Traditional without gloss
    assert any("安貞西裡社區" in a.communities for a in stored(book).values())


def test_every_stored_field_reads_as_its_shadow(book):
    records = stored(book)
    for shadow in book.shadows:
        a = records[shadow.id]
        pairs = [
            (a.title, shadow.title),
            (a.notes or "", shadow.notes),
            (a.street, shadow.street),
            (a.location, shadow.location),
            *zip(a.communities, shadow.community_text),
        ]
        for name in ("organizers", "partners", "speakers", "groups", "tags"):
            pairs += list(zip(getattr(a, name), getattr(shadow, name)))
        for written, meant in pairs:
            assert fold(written) == fold(meant), (written, meant)


# -- Simplified and Traditional, both ways -----------------------------------------------------


@pytest.mark.parametrize(
    "simplified, traditional",
    [
        ("培训", "培訓"),
        ("志愿服务", "志願服務"),
        ("理发", "理髮"),  # standard Traditional typed; the records hold the scraped 理發
        ("随着", "隨著"),
        ("诈骗", "詐騙"),
        ("张医生", "張醫生"),
        ("安贞西里", "安貞西裡"),
        ("快递员", "快遞員"),
    ],
)
def test_simplified_finds_traditional_and_traditional_finds_simplified(book, simplified, traditional):
    expected = having(book, simplified)
    assert 0 < len(expected) < 300
    assert found(book, simplified) == expected
    assert found(book, traditional) == expected


def test_both_scripts_are_among_the_matches(book):
    records = stored(book)
    titles = [records[i].title for i in found(book, "培訓")]
    assert any("培训" in t for t in titles) and any("培訓(xùn)" in t for t in titles)


@pytest.mark.parametrize("phrase", ["培训会", "培訓會", "安全培训会", "书法培训班", "書法培訓班"])
def test_a_gloss_never_breaks_a_phrase(book, phrase):
    expected = having(book, fold(phrase))
    assert found(book, phrase) == expected
    records = stored(book)
    assert any("(xùn)" in records[i].title for i in expected)


def test_latin_is_case_folded(book):
    expected = having(book, "aed")
    assert expected
    for word in ("aed", "AED", "Aed", "ＡＥＤ"):
        assert found(book, word) == expected
    assert found(book, "WECHAT") == having(book, "wechat") != set()


# -- every word, -word, fields ----------------------------------------------------------------


def test_every_word_must_match(book):
    expected = having(book, "培训", "消防", "老人")
    assert 0 < len(expected) < len(having(book, "培训", "消防"))
    assert found(book, "培训", "消防", "老人") == expected
    assert found(book, "培訓", "消防", "老人") == expected


def test_minus_word_excludes(book):
    expected = having(book, "培训", without=["消防"])
    assert 0 < len(expected) < len(having(book, "培训"))
    assert found(book, "培训", "-消防") == expected
    assert found(book, "培訓", "-消防") == expected
    assert found(book, "培训", "-消防", "-aed") == having(book, "培训", without=["消防", "aed"])


def test_only_exclusions_means_everything_but(book):
    assert found(book, "-消防") == having(book, without=["消防"])
    assert found(book, "-消防", "-培訓") == having(book, without=["消防", "培训"])
    assert 0 < len(found(book, "-消防")) < 300


@pytest.mark.parametrize(
    "word, field",
    [
        ("灭火器", "notes"),
        ("張醫生", "speakers"),
        ("律师事务所", "partners"),
        ("快递员", "groups"),
        ("反诈", "tags"),
        ("活动室", "location"),
        ("社工事务所", "organizers"),
        ("芍药居十", "community_text"),
        ("太阳宫", "street"),
    ],
)
def test_each_field_is_searched(book, word, field):
    key = fold(word)
    only_there = [s for s in book.shadows if s.has(key)]
    assert only_there, word
    for s in only_there:  # the word occurs in this field only, so a hit proves it is searched
        value = getattr(s, field)
        values = value if isinstance(value, list) else [value]
        assert any(key in v.casefold() for v in values)
    assert found(book, word) == having(book, key)


def test_the_category_is_not_searched(book):
    # 党建 is a category; no record says it in a searched field.
    assert having(book, "党建") == set()
    assert found(book, "党建") == set()


def test_a_phrase_never_runs_from_one_field_into_the_next(book):
    # The street (安贞街道) is followed by the location (社区活动室) in the stored key.
    assert found(book, "街道") and found(book, "社区活动室")
    assert having(book, "街道社区") == set()
    assert found(book, "街道社区") == set()
    assert found(book, "街道 社区") == set()


def test_search_combines_with_filters(book):
    expected = having(book, "培训") & book.where(
        lambda s: "安贞西里社区" in s.communities and s.date.startswith("2025-03")
    )
    assert expected
    got = found(book, "培训", options=("--community", "安贞西里", "--month", "2025-03"))
    assert got == expected
    got = found(book, "培訓", "-消防", options=("--street", "安贞", "--min-people", "20"))
    assert got == having(book, "培训", without=["消防"]) & book.where(
        lambda s: s.street == "安贞街道" and s.participants is not None and s.participants >= 20
    )


# -- the search key is read, not recomputed ----------------------------------------------------


def test_search_reads_the_key_stored_with_each_record(book, tmp_path):
    path = tmp_path / "copy.json"
    copy_logbook(book.path, path)
    picked = []

    def change(entries):
        for entry in entries:
            if not picked:
                entry["key"] = "标记词"
            elif len(picked) == 1:
                entry["key"] = ""  # a record whose key was never stored
            else:
                return
            picked.append(entry["id"])

    rewrite_keys(path, change)
    reseal(path)  # as if logbook had stored these keys: a keys file edited by hand is not trusted
    marked, unkeyed = picked
    records = {r["id"]: r for r in stored_activities(path)}

    def ids(*words):
        result = run("--db", str(path), "search", "--all", "--format", "json", *words)
        assert result.exit_code == 0, result.stderr
        return {r["id"] for r in result.json}

    assert ids("标记词") == {marked}  # the stored key is what search reads
    assert marked not in ids(records[marked]["title"][:4])
    assert unkeyed in ids(records[unkeyed]["title"][:4])  # no key: folded once, still found


def test_month_files_that_carry_their_keys_are_searched_and_rewritten_apart(book, tmp_path):
    """Month files written before the keys had their own file: the records carry them."""
    path = tmp_path / "copy.json"
    copy_logbook(book.path, path)
    keys = stored_keys(path)
    for keys_path in keys_files(path):
        keys_path.unlink()

    def carry(records):
        for record in records:
            record["search_key"] = "旧式" + keys[record["id"]]

    rewrite_activities(path, carry)
    result = run("--db", str(path), "search", "--all", "--format", "json", "旧式")
    assert {r["id"] for r in result.json} == set(keys)
    first = stored_activities(path)[0]
    assert run("--db", str(path), "edit", first["id"], "--title", "新的标题").exit_code == 0
    rewritten = [(m, k) for m, k in zip(month_files(path), keys_files(path)) if k.exists()]
    assert len(rewritten) == 1  # the edited month alone, now in the new layout
    month, keys_path = rewritten[0]
    records = json.loads(month.read_text(encoding="utf-8"))["activities"].values()
    assert all("search_key" not in r for r in records)
    new_keys = {e["id"]: e["key"] for e in json.loads(keys_path.read_text(encoding="utf-8"))["search_keys"].values()}
    assert new_keys[first["id"]].startswith("新的标题")
    assert all(new_keys[r["id"]] == "旧式" + keys[r["id"]] for r in records if r["id"] != first["id"])
    assert run("--db", str(path), "search", "--all", "--format", "json", "新的标题").json[0]["id"] == first["id"]


def test_adding_and_editing_keep_the_key_current():
    activity = run("add", "社區議事協商會", "--note", "討論停車").stdout.strip()
    assert [r["id"] for r in run("search", "议事", "--format", "json").json] == [activity]
    assert run("edit", activity, "--note", "讨论加装电梯").exit_code == 0
    assert run("search", "停车", "--format", "json").json == []
    assert [r["id"] for r in run("search", "電梯", "--format", "json").json] == [activity]


# -- output: order, limit, count, formats, highlight -------------------------------------------


def test_newest_first_with_the_count_on_stderr(book):
    expected = having(book, "培训")
    result = run("--db", str(book.path), "search", "培训", "--format", "json")
    assert result.exit_code == 0
    assert len(result.json) == 20
    assert result.stderr == f"{len(expected)} activities found; 20 shown, --all or --limit N for more\n"
    every = run("--db", str(book.path), "search", "培训", "--all", "--format", "json")
    assert every.stderr == f"{len(expected)} activities found\n"
    keys = [(r["date"], r["start"] or "", r["created_at"], r["id"]) for r in every.json]
    assert keys == sorted(keys, reverse=True)
    assert [r["id"] for r in result.json] == [r["id"] for r in every.json[:20]]
    few = run("--db", str(book.path), "search", "培训", "-n", "3", "--format", "json")
    assert [r["id"] for r in few.json] == [r["id"] for r in every.json[:3]]


def test_sort_like_list(book):
    result = run("--db", str(book.path), "search", "培训", "--all", "--sort", "participants", "--format", "json")
    people = [r["participants"] for r in result.json]
    counted = [p for p in people if p is not None]
    assert counted == sorted(counted, reverse=True)
    assert people[len(counted) :] == [None] * (len(people) - len(counted))
    bad = run("--db", str(book.path), "search", "培训", "--sort", "size")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: invalid value 'size' for --sort")


def test_no_match_is_not_an_error(book):
    result = run("--db", str(book.path), "search", "不存在的词")
    assert result.exit_code == 0
    assert result.stderr == "0 activities found\n"
    assert run("--db", str(book.path), "search", "不存在的词", "--format", "json").json == []
    one = run("add", "唯一的活动")
    assert run("search", "唯一").stderr == "1 activity found\n"
    assert one.exit_code == 0


def test_every_format_of_search_reads_back(book):
    expected = having(book, "义诊")
    base = ("--db", str(book.path), "search", "义诊", "--all", "--format")
    as_json = run(*base, "json")
    assert {r["id"] for r in as_json.json} == expected
    lines = run(*base, "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json.json
    text = run(*base, "csv").stdout
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == [r["id"] for r in as_json.json]
    md = run(*base, "md").stdout.splitlines()
    assert len(md) == 2 + len(expected)
    assert "\u001b" not in text and "activities found" not in text


def test_the_title_shows_the_match_as_written():
    mark = title_highlighter(["培训会"])
    assert mark("消防安全培訓(xùn)會（第1期）") == [(4, 12)]
    assert mark("消防安全培训会") == [(4, 7)]
    assert title_highlighter(["aed", "-消防"])("AED急救培训") == [(0, 3)]
    assert title_highlighter(["-消防"])("消防") == []


def test_matches_are_highlighted_at_a_terminal(book):
    env = {"FORCE_COLOR": "1", "COLUMNS": "160"}
    result = run_proc("--db", str(book.path), "search", "培训会", "-n", "40", env=env)
    assert result.exit_code == 0, result.stderr
    assert "\x1b[1;7m培訓(xùn)會\x1b[0m" in result.stdout
    assert "\x1b[1;7m培训会\x1b[0m" in result.stdout
    plain = run("--db", str(book.path), "search", "培训会")
    assert "\x1b" not in plain.stdout and "培訓(xùn)會" in plain.stdout


# -- typing -word at a shell -------------------------------------------------------------------


def test_minus_word_works_as_typed_in_a_real_shell(book):
    result = run_proc("--db", str(book.path), "search", "培训", "-消防", "--all", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert {r["id"] for r in json.loads(result.stdout)} == having(book, "培训", without=["消防"])


def test_minus_words_mix_with_options_in_any_order(book):
    expected = having(book, "培训", without=["消防"]) & book.where(lambda s: "黄寺社区" in s.communities)
    assert expected
    for args in (
        ["-消防", "-c", "黄寺", "培训"],
        ["--community", "黄寺", "培训", "-消防"],
        ["培训", "-消防", "--community=黄寺"],
    ):
        result = run("--db", str(book.path), "search", "--all", "-f", "json", *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert {r["id"] for r in result.json} == expected, args


def test_a_minus_word_made_of_option_letters_is_a_word(book):
    # -aed is not -a -e -d: only an option's exact spelling is an option.
    assert found(book, "培训", "-aed") == having(book, "培训", without=["aed"])
    assert found(book, "培训", "--", "-aed") == having(book, "培训", without=["aed"])
    # written exactly, the short options still work
    result = run("--db", str(book.path), "search", "培训", "-n", "2", "-f", "json")
    assert len(result.json) == 2
    assert len(run("--db", str(book.path), "search", "培训", "-a", "-f", "json").json) == len(having(book, "培训"))


def test_protect_exclusions_moves_only_words():
    params = [p for p in _search_params()]
    assert protect_exclusions(["培训", "-消防"], params) == ["培训", "--", "-消防"]
    assert protect_exclusions(["-c", "-x", "w"], params) == ["-c", "-x", "w"]  # a value stays
    assert protect_exclusions(["--limit=5", "-a", "w", "-cat"], params) == ["--limit=5", "-a", "w", "--", "-cat"]
    assert protect_exclusions(["w", "--", "-a", "b"], params) == ["w", "--", "-a", "b"]
    assert protect_exclusions(["--bogus", "-"], params) == ["--bogus", "-"]


def _search_params():
    import typer

    from logbook.commands.find import SearchCommand

    app = typer.Typer()
    app.command("search", cls=SearchCommand)(search_command)
    command = typer.main.get_command(app)
    ctx = command.make_context("search", ["x"], resilient_parsing=True)
    return command.get_params(ctx)


@pytest.mark.parametrize("args", [[], [""], ["  "]])
def test_nothing_to_search_for_is_a_usage_error(args, db_path):
    run("add", "活动")
    before = db_path.read_bytes()
    result = run("search", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: nothing to search for")
    assert result.stderr.count("\n") == 1
    assert db_path.read_bytes() == before


def test_an_unknown_long_option_is_still_an_error():
    result = run("search", "培训", "--bogus")
    assert result.exit_code == 2
    assert result.stderr == "Error: no such option: --bogus; 'logbook search --help' lists the options\n"


def test_bad_filter_values_in_search_are_usage_errors():
    result = run("search", "培训", "--week", "W99")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: invalid week 'W99'")


def test_search_the_sample_logbook():
    result = run("--sample", "search", "培訓", "--all", "--format", "json")
    assert result.exit_code == 0
    assert result.json and all("培训" in fold(json.dumps(r, ensure_ascii=False)) for r in result.json)


@pytest.mark.parametrize(
    "words, options",
    [
        (["培训"], ()),
        (["社区"], ("--limit", "7")),
        (["培训", "-消防"], ("--limit", "3")),
        (["活动"], ("--from", "2025-02-10", "--to", "2025-03-15", "--limit", "5")),
        (["培训"], ("--street", "安贞", "--limit", "4")),
        (["没有这个词"], ()),
    ],
)
def test_the_newest_few_are_those_of_a_search_of_everything(book, words, options):
    """Without --all, months older than the newest matches are only counted from their keys:
    the matches shown and the count are those of reading everything."""
    limit = int(options[options.index("--limit") + 1]) if "--limit" in options else 20
    rest = tuple(o for i, o in enumerate(options) if "--limit" not in options[max(0, i - 1) : i + 1])
    everything = run("--db", str(book.path), "search", "--all", "--format", "json", *rest, "--", *words)
    newest = run("--db", str(book.path), "search", "--format", "json", *options, "--", *words)
    assert newest.exit_code == everything.exit_code == 0, newest.stderr
    assert [r["id"] for r in newest.json] == [r["id"] for r in everything.json][:limit]
    total = len(everything.json)
    if total > limit:
        assert newest.stderr == f"{total} activities found; {limit} shown, --all or --limit N for more\n"
    else:
        assert newest.stderr.startswith(f"{total} activit")
