"""Properties over generated input, where the other suites check chosen examples:

* the date, week, month, time and head-count parsers answer any text with a value or one clean
  usage error, never anything else, and the CLI options that use them never fail otherwise;
* search finds a record by any piece of its own text, in either script and width;
* the exchange round trip (export, then import into an empty logbook) gives back records full of
  hostile text exactly: control characters, markup, CSV separators and quotes, line breaks,
  characters outside the Basic Multilingual Plane;
* importing any JSON value, any mangled exchange file or any bytes is never a traceback, and a
  failed import leaves the logbook byte-identical.

(test_dates.py, test_textnorm.py and test_merge_properties.py hold the properties of the
well-formed cases: every written form of a date, fold idempotence, merges.)
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from conftest import examples, run
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from logbook import dates
from logbook.errors import UsageError
from logbook.models import FIELD_ORDER, Activity
from logbook.numerals import parse_count
from logbook.textnorm import fold, matches, search_key

TODAY = date(2025, 3, 30)
CLI = settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=examples(300), deadline=None)

# What people type into a date option, and what a hostile one does.
DATE_ALPHABET = list("0123456789-/.年月日号周星期礼拜上个今天昨前明本这W十一二三四五六七八九〇零 ：:ａ１") + [
    "mon",
    "wed",
    "last ",
    "today",
    "\x1b",
    "\n",
    "\x00",
    "\u200b",
    "\ufeff",
]
date_like = st.lists(st.sampled_from(DATE_ALPHABET), max_size=12).map("".join)
any_text = st.text(max_size=30)


def _one_clean_line(message: str) -> None:
    assert "\n" not in message and "\r" not in message
    assert not any(ch in message for ch in "\x1b\x07\x08\x00\x9b")


@FAST
@given(st.one_of(date_like, any_text))
@example("2025-02-29")
@example("\x1b[2J")
@example("99999999-1-1")
@example("9999-12-31")
@example("0000-01-01")
def test_the_date_parsers_answer_any_text_with_a_value_or_a_usage_error(text):
    for parse in (dates.parse_date, dates.parse_week, dates.parse_month):
        try:
            value = parse(text, TODAY)
        except UsageError as err:
            _one_clean_line(err.message)
        else:
            assert isinstance(value, (date, dates.Period))
    try:
        clock = dates.parse_time(text)
    except UsageError as err:
        _one_clean_line(err.message)
    else:
        assert len(clock) == 5 and "00:00" <= clock <= "23:59" and clock[2] == ":"


@FAST
@given(
    st.one_of(
        st.lists(st.sampled_from(list("0123456789+余多约近人名位共计十百千万两零〇一二三 ")), max_size=10).map("".join),
        any_text,
    )
)
def test_head_counts_answer_any_text_with_a_count_or_a_value_error(text):
    try:
        count, approximate = parse_count(text)
    except ValueError:
        return
    assert isinstance(count, int) and count >= 0 and isinstance(approximate, bool)


@FAST
@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_week_and_month_labels_read_back(d):
    week = dates.week_of(d)
    assert dates.parse_week(week.label, TODAY) == week
    assert dates.parse_week(d.isoformat(), TODAY) == week
    month = dates.month_of(d)
    assert dates.parse_month(month.label, TODAY) == month
    assert dates.parse_month(f"{d.year}年{d.month}月", TODAY) == month


@CLI
@given(st.one_of(date_like, any_text).filter(lambda t: "\x00" not in t))
def test_a_date_option_never_fails_otherwise_than_as_a_usage_error(text):
    for args in (["list", "--from", text], ["list", "--week", text], ["list", "--month", text]):
        result = run(*args)  # an exception here would be a traceback at the terminal
        assert result.exit_code in (0, 2), result.stderr
        if result.exit_code == 2:
            assert result.stderr.count("Error:") == 1
            assert "\x1b" not in result.stderr


# -- search ----------------------------------------------------------------------------------------

PAIRS = [("培训", "培訓"), ("会议", "會議"), ("义诊", "義診"), ("志愿服务", "志願服務"), ("消防", "消防"),
         ("安贞西里", "安貞西裡"), ("垃圾分类", "垃圾分類"), ("社区", "社區"), ("老年人", "老年人")]  # fmt: skip
FULLWIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)} | {0x20: 0x3000}
words = st.sampled_from(PAIRS)
field_text = st.lists(st.one_of(words.map(lambda p: p[0]), st.text(alphabet="abcXYZ019 -,.", max_size=4)),
                      min_size=1, max_size=6).map("".join)  # fmt: skip


@FAST
@given(st.lists(field_text, min_size=1, max_size=4), st.data())
def test_a_record_is_found_by_any_piece_of_its_own_text(fields, data):
    key = search_key(fields)
    field = data.draw(st.sampled_from([f for f in fields if fold(f)]) if any(fold(f) for f in fields) else st.nothing())
    folded = fold(field)
    start = data.draw(st.integers(0, len(folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded)))
    piece = folded[start:end].strip()
    assume(piece and not piece.startswith("-"))
    assert matches(key, [piece])
    assert matches(key, [piece.upper()])
    assert matches(key, [piece.translate(FULLWIDTH)])


@FAST
@given(st.lists(words, min_size=1, max_size=5), st.lists(st.booleans(), min_size=5, max_size=5))
def test_either_script_finds_the_other(chosen, traditional):
    record = "".join(t if trad else s for (s, t), trad in zip(chosen, traditional))
    query = "".join(s if trad else t for (s, t), trad in zip(chosen, traditional))
    assert matches(search_key([record]), [query])


@CLI
@given(st.lists(st.text(max_size=10).filter(lambda t: "\x00" not in t), min_size=1, max_size=3))
def test_search_with_any_terms_never_fails(terms):
    result = run("search", "--", *terms)
    assert result.exit_code in (0, 2), result.stderr
    assert "\x1b" not in result.stdout


# -- the exchange round trip with hostile text --------------------------------------------------------

HOSTILE = list("社区活動培训會議消防安全𠀀😀，。；、,;\"'\\|[]/\r\n\t ") + [
    "\x1b[2J",
    "\x1b]0;t\x07",
    "\x08",
    "\x9b",
    "[red]",
    "[/red]",
    "[link=https://x.cn]",
    "\u200b",
    "\ufeff",
    "\u202e",
    "=1+1",
    "-",
    "+",
    "@",
]
hostile_text = st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=10).map("".join)
STAMP = "2025-03-27T08:00:00.000Z"


def _valid(text: str, limit: int) -> str | None:
    text = text.strip()
    return text[:limit].strip() or None


@st.composite
def hostile_activities(draw):
    participants = draw(st.none() | st.integers(0, 10_000))
    start = draw(st.none() | st.sampled_from(["08:00", "09:30"]))
    activity = Activity(
        id=draw(st.uuids()).hex,
        date=draw(st.dates(date(2000, 1, 1), date(2030, 12, 31))).isoformat(),
        title=draw(hostile_text.map(lambda t: _valid(t, 200)).filter(bool)),
        category=draw(st.sampled_from(["培训", "会议", "志愿服务", "义诊", "其他"])),
        start=start,
        end=draw(st.none() | st.just("18:00")) if start else None,
        communities=draw(st.lists(hostile_text.map(lambda t: _valid(t, 100)).filter(bool), max_size=3, unique=True)),
        street=draw(st.none() | hostile_text.map(lambda t: _valid(t, 100))),
        participants=participants,
        participants_approx=participants is not None and draw(st.booleans()),
        organizers=draw(st.lists(hostile_text.map(lambda t: _valid(t, 100)).filter(bool), max_size=2, unique=True)),
        tags=draw(st.lists(hostile_text.map(lambda t: _valid(t, 100)).filter(bool), max_size=3, unique=True)),
        location=draw(st.none() | hostile_text.map(lambda t: _valid(t, 200))),
        notes=draw(st.none() | hostile_text),
        source="typed",
        author=draw(st.sampled_from(["王社工", "李社工"])),
        created_at=STAMP,
        updated_at=STAMP,
    )
    activity.validate()
    return activity


@CLI
@given(
    st.lists(hostile_activities(), min_size=1, max_size=5, unique_by=lambda a: a.id),
    st.sampled_from(["json", "jsonl", "csv"]),
)
def test_hostile_text_survives_the_exchange_round_trip(acts, fmt):
    from logbook.storage import Store

    with tempfile.TemporaryDirectory() as folder:
        source, target, file = Path(folder, "a.json"), Path(folder, "b.json"), Path(folder, f"out.{fmt}")
        with Store(source).transaction("seed") as tx:
            for a in acts:
                tx.add(a)
        exported = run("--db", str(source), "export", "--format", fmt, "-o", str(file))
        assert exported.exit_code == 0, exported.stderr
        imported = run("--db", str(target), "import", str(file))
        assert imported.exit_code == 0, imported.stderr
        back = {a.id: a.to_dict() for a in Store(target).activities()}
        for a in acts:
            assert back[a.id] == a.to_dict()
        assert len(back) == len(acts)
        again = run("--db", str(target), "import", str(file))  # a second import changes nothing
        assert again.exit_code == 0
        assert {a.id: a.to_dict() for a in Store(target).activities()} == back


# -- importing anything ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
GOOD_RECORD = {
    "id": "0123456789abcdef0123456789abcdef", "date": "2025-03-27", "title": "消防安全培训",
    "category": "培训", "communities": ["安贞西里社区"], "participants": 40,
    "created_at": STAMP, "updated_at": STAMP,
}  # fmt: skip


@st.composite
def mangled_envelopes(draw):
    """A good exchange file with one part replaced by any JSON value."""
    record = dict(GOOD_RECORD)
    envelope = {"format": "logbook", "version": 1, "exported_at": STAMP, "author": "李社工",
                "communities": [{"name": "安贞西里社区", "street": "安贞街道", "aliases": []}],
                "activities": [record], "deleted": []}  # fmt: skip
    target = draw(st.sampled_from(["envelope", "record", "community", "deleted"]))
    key = draw(st.sampled_from({
        "envelope": list(envelope), "record": list(FIELD_ORDER) + ["extra"],
        "community": ["name", "street", "aliases"], "deleted": ["id", "deleted_at"],
    }[target]))  # fmt: skip
    value = draw(json_values)
    if target == "envelope":
        envelope[key] = value
    elif target == "record":
        record[key] = value
    elif target == "community":
        envelope["communities"][0][key] = value
    else:
        envelope["deleted"] = [{"id": GOOD_RECORD["id"].replace("0", "f"), "deleted_at": STAMP, key: value}]
    return envelope


def _import_is_clean(payload: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder, "logbook.json")
        assert run("--db", str(db), "add", "已有的活动", "--people", "3").exit_code == 0
        before = db.read_bytes()
        file = Path(folder, f"incoming{suffix}")
        file.write_bytes(payload)
        result = run("--db", str(db), "import", str(file))  # a traceback would raise here
        assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
        if result.exit_code != 0:
            assert result.stderr.count("Error:") == 1, result.stderr
            assert db.read_bytes() == before
        assert "Traceback" not in result.stderr


@CLI
@given(json_values)
def test_importing_any_json_value_is_never_a_traceback(value):
    _import_is_clean(json.dumps(value, ensure_ascii=False).encode(), ".json")


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_envelopes())
def test_importing_any_mangled_exchange_file_is_never_a_traceback(envelope):
    _import_is_clean(json.dumps(envelope, ensure_ascii=False).encode(), ".json")


@CLI
@given(st.binary(max_size=300), st.sampled_from([".json", ".jsonl", ".csv"]))
def test_importing_any_bytes_is_never_a_traceback(payload, suffix):
    _import_is_clean(payload, suffix)


@CLI
@given(st.lists(json_values, max_size=4))
def test_importing_any_json_lines_is_never_a_traceback(values):
    _import_is_clean("\n".join(json.dumps(v, ensure_ascii=False) for v in values).encode(), ".jsonl")
