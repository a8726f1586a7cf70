"""The promises of the exchange file, as properties over generated logbooks: a round trip gives
back the same records, a second import changes nothing, an edit and a deletion travel, two
logbooks merged in either order end identical, a failed import leaves the logbook as it was.

The CLI properties run the real commands against real files (fewer examples: each is a handful
of processes' worth of work); the merge itself is also checked in memory, with many more."""

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from conftest import examples, run
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from logbook import exchange
from logbook.models import FIELD_ORDER

CLI = settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEMORY = settings(max_examples=examples(200), deadline=None)

COMMUNITIES = ["安贞西里社区", "黄寺社区", "和平街一社区", "惠新里社区"]
# Characters that stress every format: CSV quoting and separators, JSON escapes, both scripts,
# full-width punctuation, a backslash.
ALPHABET = list("社区活动培训會議消防安全志愿者居民老人,\"'；;、\\ 　abcXYZ129-")
BASE = datetime(2025, 3, 1, tzinfo=UTC)


def clean(text: str) -> str:
    return text.strip(" 　")


names = st.text(alphabet=ALPHABET, min_size=1, max_size=8).map(clean).filter(bool)
free_text = st.text(alphabet=ALPHABET + ["\n", "\t"], min_size=1, max_size=40).map(str.strip).filter(bool)
# A few stamps only, so ties (equal updated_at, a tombstone as old as a record) happen often.
stamps = st.builds(
    lambda minutes, precise: (BASE + timedelta(minutes=minutes)).strftime(
        "%Y-%m-%dT%H:%M:%S" + (".000Z" if precise else "Z")
    ),
    st.integers(0, 6),
    st.booleans(),
)
ids = st.uuids().map(lambda u: u.hex)


@st.composite
def activities(draw, ident=None):
    participants = draw(st.none() | st.integers(0, 500))
    created = draw(stamps)
    record = {
        "id": ident or draw(ids),
        "date": draw(st.dates(datetime(2025, 1, 1).date(), datetime(2025, 12, 31).date())).isoformat(),
        "start": draw(st.none() | st.sampled_from(["09:00", "14:30"])),
        "end": None,
        "title": draw(free_text.map(lambda t: t.replace("\n", " ").replace("\t", " ")[:200].strip()).filter(bool)),
        "category": draw(st.sampled_from(["培训", "会议", "志愿服务", "其他"])),
        "communities": draw(st.lists(st.sampled_from(COMMUNITIES), unique=True, max_size=2)),
        "street": draw(st.none() | st.sampled_from(["安贞街道", "和平街街道"])),
        "participants": participants,
        "participants_approx": participants is not None and draw(st.booleans()),
        "organizers": draw(st.lists(names, unique=True, max_size=2)),
        "partners": [],
        "speakers": draw(st.lists(names, unique=True, max_size=1)),
        "groups": draw(st.lists(st.sampled_from(["居民", "老人", "志愿者"]), unique=True, max_size=2)),
        "tags": draw(st.lists(names, unique=True, max_size=3)),
        "location": draw(st.none() | names),
        "notes": draw(st.none() | free_text),
        "source": draw(st.sampled_from(["typed", "sample", None])),
        "author": draw(st.sampled_from(["王社工", "李社工", None])),
        "created_at": created,
        "updated_at": max(created, draw(stamps), key=exchange.stamp_key),
    }
    return {name: record[name] for name in FIELD_ORDER}


@st.composite
def logbooks(draw, pool=None):
    """Records and tombstones with distinct ids; with `pool`, ids drawn from it, so that two
    logbooks share records (in different versions) and deletions."""
    if pool is None:
        chosen = draw(st.lists(ids, unique=True, max_size=6))
    else:
        chosen = draw(st.lists(st.sampled_from(pool), unique=True, max_size=len(pool)))
    split = draw(st.integers(0, len(chosen)))
    records = [draw(activities(ident)) for ident in chosen[:split]]
    deleted = [{"id": ident, "deleted_at": draw(stamps)} for ident in chosen[split:]]
    return records, deleted


def envelope(records, deleted=()) -> dict:
    return {
        "format": "logbook",
        "version": 1,
        "exported_at": "2025-03-30T00:00:00.000Z",
        "author": "测试",
        "communities": [],
        "activities": records,
        "deleted": list(deleted),
    }


def write(path: Path, data) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def cli(db: Path, *args: str):
    return run("--db", str(db), *args)


def exported(db: Path) -> dict:
    """The state of a logbook as its export says it: activities and tombstones."""
    result = cli(db, "export")
    assert result.exit_code == 0, result.stderr
    data = result.json
    return {"activities": data["activities"], "deleted": data["deleted"]}


def on_disk(db: Path) -> dict:
    """Every file of a logbook (the data file, its backups and history) with its bytes."""
    files = [db, *sorted(db.with_name(db.name + ".backups").glob("*"))]
    return {p.name: p.read_bytes() for p in files if p.is_file()}


def build(folder: Path, name: str, records, deleted=()) -> Path:
    db = folder / f"{name}.json"
    result = cli(db, "import", write(folder / f"{name}-seed.json", envelope(records, deleted)))
    assert result.exit_code == 0, result.stderr
    return db


@CLI
@given(state=logbooks(), fmt=st.sampled_from(["json", "jsonl", "csv"]))
def test_export_then_import_into_an_empty_logbook_gives_the_same_activities(state, fmt):
    records, deleted = state
    # An export of nothing as JSON Lines is an empty file, which import refuses as damaged.
    assume(records or fmt != "jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = build(folder, "source", records, deleted)
        target = folder / f"out.{fmt}"
        assert cli(source, "export", "--format", fmt, "-o", str(target)).exit_code == 0
        copy = folder / "copy.json"
        result = cli(copy, "import", str(target))
        assert result.exit_code == 0, result.stderr
        mine, theirs = exported(source), exported(copy)
        assert theirs["activities"] == mine["activities"]
        assert sorted(a["id"] for a in mine["activities"]) == sorted(r["id"] for r in records)
        if fmt == "json":
            assert theirs["deleted"] == mine["deleted"]


@CLI
@given(state=logbooks(), other=logbooks())
def test_importing_the_same_file_twice_changes_nothing_the_second_time(state, other):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build(folder, "mine", *other)
        path = write(folder / "in.json", envelope(*state))
        assert cli(db, "import", path).exit_code == 0
        before = on_disk(db)
        again = cli(db, "import", path)
        assert again.exit_code == 0, again.stderr
        assert " +0 ~0 -0, " in again.stdout
        assert on_disk(db) == before


@CLI
@given(state=logbooks().filter(lambda s: s[0]), pick=st.integers(0, 5), title=names)
def test_an_edit_made_in_another_logbook_travels(state, pick, title):
    records, deleted = state
    chosen = records[pick % len(records)]["id"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        office = build(folder, "office", records, deleted)
        worker = folder / "worker.json"
        cli(office, "export", "-o", str(folder / "out.json"))
        assert cli(worker, "import", str(folder / "out.json")).exit_code == 0
        edit = cli(worker, "edit", chosen, "--title", "改：" + title, "--add-tag", "已核对")
        assert edit.exit_code == 0, edit.stderr
        cli(worker, "export", "-o", str(folder / "back.json"))
        result = cli(office, "import", str(folder / "back.json"))
        assert result.exit_code == 0 and " ~1 " in result.stdout, result.stdout
        assert exported(office) == exported(worker)


@CLI
@given(state=logbooks().filter(lambda s: s[0]), pick=st.integers(0, 5))
def test_a_deletion_travels(state, pick):
    records, deleted = state
    chosen = records[pick % len(records)]["id"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        office = build(folder, "office", records, deleted)
        worker = folder / "worker.json"
        cli(office, "export", "-o", str(folder / "out.json"))
        cli(worker, "import", str(folder / "out.json"))
        assert cli(worker, "delete", chosen, "--yes").exit_code == 0
        cli(worker, "export", "-o", str(folder / "back.json"))
        result = cli(office, "import", str(folder / "back.json"))
        assert result.exit_code == 0 and " -1, " in result.stdout, result.stdout
        assert chosen not in [a["id"] for a in exported(office)["activities"]]
        assert exported(office) == exported(worker)


pools = st.lists(ids, min_size=1, max_size=5, unique=True)


@CLI
@given(data=st.data())
def test_two_logbooks_merged_in_either_order_end_identical(data):
    pool = data.draw(pools)
    a_state = data.draw(logbooks(pool))
    b_state = data.draw(logbooks(pool))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = build(folder, "a", *a_state), build(folder, "b", *b_state)
        cli(a, "export", "-o", str(folder / "a-out.json"))
        cli(b, "export", "-o", str(folder / "b-out.json"))
        assert cli(a, "import", str(folder / "b-out.json")).exit_code == 0
        assert cli(b, "import", str(folder / "a-out.json")).exit_code == 0
        assert exported(a) == exported(b)


INVALID = st.sampled_from(
    [
        {"date": "2025-02-30"},
        {"title": "长" * 201},
        {"participants": "很多"},
        {"tags": "不是列表"},
        {"updated_at": "昨天"},
        {"category": "不存在的类别"},
        {"id": "not-an-id"},
        {"notes": "x\x00y"},
    ]
)


@CLI
@given(state=logbooks(), incoming=logbooks(), broken=INVALID, where=st.integers(0, 6))
def test_a_failed_import_leaves_the_logbook_byte_identical(state, incoming, broken, where):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build(folder, "mine", *state)
        records = list(incoming[0])
        bad = dict(records[0] if records else {"id": "0" * 32, "date": "2025-03-01", "title": "好"}, **broken)
        records.insert(where % (len(records) + 1), bad)
        before = on_disk(db)
        result = cli(db, "import", write(folder / "in.json", envelope(records, incoming[1])))
        assert result.exit_code == 1
        assert "nothing was imported" in result.stderr
        assert on_disk(db) == before


# -- the merge in memory: the same promises, many more cases ----------------------------------


def read(records, deleted) -> exchange.ExchangeFile:
    raw = json.dumps(envelope(records, deleted), ensure_ascii=False).encode("utf-8")
    xf = exchange.read_exchange(raw, "x.json", now="2025-03-30T00:00:00.000Z")
    assert not xf.problems
    return xf


def merged(*files: exchange.ExchangeFile):
    merge = exchange.Merge(exchange.Snapshot({}, {}, []), now="2025-03-30T00:00:00.000Z")
    for xf in files:
        merge.add_file(xf)
    live = {ident: a.to_dict() for ident, a in merge.live.items()}
    return live, dict(merge.dead)


@MEMORY
@given(data=st.data())
def test_merge_is_commutative_associative_and_idempotent(data):
    pool = data.draw(pools)
    a, b, c = (read(*data.draw(logbooks(pool))) for _ in range(3))
    assert merged(a, b) == merged(b, a)
    assert merged(a, b, c) == merged(c, b, a) == merged(b, c, a)
    assert merged(a, b, b) == merged(a, b)
    assert merged(a, a) == merged(a)


@MEMORY
@given(data=st.data())
def test_merge_keeps_the_newest_version_of_every_id(data):
    pool = data.draw(pools)
    a_records, a_deleted = data.draw(logbooks(pool))
    b_records, b_deleted = data.draw(logbooks(pool))
    live, dead = merged(read(a_records, a_deleted), read(b_records, b_deleted))
    key = exchange.stamp_key
    for ident in pool:
        versions = [r["updated_at"] for r in a_records + b_records if r["id"] == ident]
        deaths = [d["deleted_at"] for d in a_deleted + b_deleted if d["id"] == ident]
        newest_record = max(versions, key=key, default=None)
        newest_death = max(deaths, key=key, default=None)
        if newest_death is not None and (newest_record is None or key(newest_death) >= key(newest_record)):
            assert ident not in live and key(dead[ident]) == key(newest_death)
        elif newest_record is not None:
            assert key(live[ident]["updated_at"]) == key(newest_record)
        else:
            assert ident not in live and ident not in dead
