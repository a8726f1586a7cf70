"""The import service called as a library (no CLI) on a real logbook in a temp directory: what it
adds, what a dry run leaves alone, invalid records refused (or let go) before anything is written,
a ledger read by its Chinese headers, and what it tells the caller on the way."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import envelope, record

from logbook import exchange, i18n
from logbook.errors import InvalidRecords, LogbookError
from logbook.exchange import Policy
from logbook.services import communities
from logbook.services.importing import counts, import_files
from logbook.storage import Store

NOW = "2025-03-30T08:00:00.000Z"


@pytest.fixture
def store(tmp_path) -> Store:
    folder = tmp_path / "book"
    folder.mkdir()
    return Store(folder / "logbook.json")


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "收件"
    folder.mkdir()
    return folder


def write(path: Path, data) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return str(path)


def stored(store: Store) -> dict[str, dict]:
    """The logbook's records by id, read afresh from its files."""
    return {a.id: a.to_dict() for a in Store(store.path).activities()}


def files_of(store: Store) -> dict[str, bytes]:
    """Every file of the logbook (main file, month files, backups, history) and its bytes."""
    folder = store.path.parent
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def import_(store: Store, *files: str, **options):
    options.setdefault("now", NOW)
    return import_files(store, list(files), **options)


@pytest.fixture
def earlier(store, inbox) -> dict:
    """A logbook holding one activity, imported before the test."""
    first = record(title="消防安全进社区", date="2025-03-20", participants=25)
    import_(store, write(inbox / "上周.json", envelope([first])))
    return first


def test_an_import_adds_its_records_as_one_change_with_an_english_history(store, inbox, earlier):
    a = record(title="中医义诊进社区", date="2025-03-12", category="义诊")
    b = record(title="老年人书法培训班", date="2025-02-18", communities=["黄寺社区"], participants=None)
    path = write(inbox / "三月活动.json", envelope([a, b]))
    before = len(Store(store.path).history())
    i18n.use(i18n.CHINESE)  # the person reads Chinese; the history stays English
    try:
        result = import_(store, path)
    finally:
        i18n.use(i18n.ENGLISH)
    assert result.changed
    assert [(s.name, s.added, s.updated, s.skipped) for s in result.summaries] == [(path, 2, 0, 0)]
    assert result.files == [(path, "utf-8")] and result.preview == []
    got = stored(store)
    assert set(got) == {earlier["id"], a["id"], b["id"]}
    assert (got[a["id"]]["title"], got[a["id"]]["category"]) == ("中医义诊进社区", "义诊")
    assert (got[b["id"]]["communities"], got[b["id"]]["participants"]) == (["黄寺社区"], None)
    history = Store(store.path).history()
    assert len(history) == before + 1
    assert history[-1].summary == "import 三月活动.json: +2 ~0 -0, 0 skipped"


def test_the_same_file_again_changes_nothing_and_records_no_history(store, inbox):
    path = write(inbox / "活动.json", envelope([record(title="社区议事协商会")]))
    import_(store, path)
    before = files_of(store)
    again = import_(store, path)
    assert not again.changed
    assert [(s.added, s.skipped) for s in again.summaries] == [(0, 1)]
    assert files_of(store) == before


def test_a_dry_run_plans_the_change_and_writes_nothing(store, inbox, earlier):
    newer = dict(earlier, title="消防安全培训进社区", updated_at="2025-03-29T08:00:00.000Z")
    fresh = record(title="防范电信诈骗讲座", date="2025-03-25", category="安全")
    path = write(inbox / "更新.json", envelope([newer, fresh]))
    before = files_of(store)
    assert any(name.endswith(".json") and "backups" not in name for name in before)
    result = import_(store, path, dry_run=True)
    assert result.changed
    assert [(s.added, s.updated) for s in result.summaries] == [(1, 1)]
    assert files_of(store) == before  # not a byte written, not a file made
    assert set(stored(store)) == {earlier["id"]}
    assert stored(store)[earlier["id"]]["title"] == "消防安全进社区"


def test_invalid_records_are_refused_with_their_problems_and_nothing_is_written(store, inbox, earlier):
    good = record(title="学雷锋志愿服务", date="2025-03-05")
    bad = record(title="妇女节插花", date="2025-02-30")
    worse = record(title="", date="2025-03-08")
    path = write(inbox / "有错.json", envelope([good, bad, worse]))
    other = write(inbox / "无错.json", envelope([record(title="党史学习教育")]))
    before = files_of(store)
    with pytest.raises(InvalidRecords) as caught:
        import_(store, other, path)
    err = caught.value
    assert err.files == [path]  # the file without problems is not named
    assert len(err.problems) == 2
    assert {p.field for p in err.problems} == {"date", "title"}
    assert all(p.file == path for p in err.problems)
    assert err.message == f"2 records are invalid in {path}; nothing was imported"
    assert "--" not in err.message  # the command names its flag, not the service
    assert files_of(store) == before
    assert set(stored(store)) == {earlier["id"]}


def test_skip_invalid_imports_the_valid_rest_and_names_what_it_skipped(store, inbox):
    good = record(title="学雷锋志愿服务", date="2025-03-05")
    bad = record(title="妇女节插花", date="2025-02-30")
    path = write(inbox / "有错.json", envelope([good, bad]))
    result = import_(store, path, skip_invalid=True)
    assert result.changed
    [summary] = result.summaries
    assert summary.added == 1
    assert [(p.file, p.field) for p in summary.invalid] == [(path, "date")]
    assert set(stored(store)) == {good["id"]}


LEDGER = (
    "2025年3月活动台账,,,,\r\n"
    "日期,活动名称,社区,人数,备注\r\n"
    "2025/3/5,学雷锋志愿服务,安贞里社区、黄寺社区,约20人,\r\n"
    "3月8日,妇女节插花,,15人,带花瓶\r\n"
)


@pytest.fixture
def registered(store):
    communities.register(store, "安贞西里社区", "安贞街道", ["安贞西里"])
    communities.register(store, "安贞里社区", "安贞街道", [])
    communities.register(store, "黄寺社区", "安贞街道", [])


def test_a_gbk_csv_ledger_is_read_by_its_chinese_headers(store, inbox, registered):
    path = inbox / "台账.csv"
    path.write_bytes(LEDGER.encode("gbk"))
    result = import_(store, str(path), community="安贞西里", today=date(2025, 3, 30))
    assert result.files == [(str(path), "gbk")]
    [summary] = result.summaries
    assert (summary.shape, summary.added, summary.invalid) == ("ledger", 2, [])
    got = sorted(stored(store).values(), key=lambda r: r["date"])
    assert [
        (r["date"], r["title"], r["communities"], r["street"], r["participants"], r["participants_approx"], r["notes"])
        for r in got
    ] == [
        ("2025-03-05", "学雷锋志愿服务", ["安贞里社区", "黄寺社区"], "安贞街道", 20, True, None),
        ("2025-03-08", "妇女节插花", ["安贞西里社区"], "安贞街道", 15, False, "带花瓶"),
    ]
    assert Store(store.path).history()[-1].summary == "import 台账.csv: +2 ~0 -0, 0 skipped"


def test_a_ledgers_dry_run_previews_its_new_activities_when_asked(store, inbox, registered):
    path = inbox / "台账.csv"
    path.write_text(LEDGER, encoding="utf-8")
    before = files_of(store)
    shown = import_(store, str(path), community="安贞西里", dry_run=True, preview=True)
    assert sorted(a.title for a in shown.preview) == ["妇女节插花", "学雷锋志愿服务"]
    assert import_(store, str(path), community="安贞西里", dry_run=True).preview == []
    assert files_of(store) == before


def test_today_is_asked_for_only_by_a_ledger_and_dates_its_yearless_rows(store, inbox, registered):
    def no_today():
        raise AssertionError("an exchange file has no use for today")

    import_(store, write(inbox / "活动.json", envelope([record()])), today=no_today)
    path = inbox / "无年份台账.csv"
    path.write_text("日期,活动名称,社区,人数\n3月8日,妇女节插花,黄寺社区,15\n", encoding="utf-8")
    import_(store, str(path), today=lambda: date(2024, 6, 1))
    assert "2024-03-08" in {r["date"] for r in stored(store).values()}


def test_a_ledger_row_no_community_places_is_a_problem_of_its_row(store, inbox, registered):
    path = inbox / "台账.csv"
    path.write_text("日期,活动名称,人数\n2025-03-05,学雷锋志愿服务,20\n", encoding="utf-8")
    with pytest.raises(InvalidRecords) as caught:
        import_(store, str(path))
    [problem] = caught.value.problems
    assert problem.where == "row 2" and "no community" in str(problem)
    assert stored(store) == {}


def test_progress_is_asked_for_with_the_sizes_and_told_each_step(store, inbox, registered):
    exchange_file = write(inbox / "活动.json", envelope([record(), record(title="理发志愿服务")]))
    ledger = inbox / "台账.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    asked: list[tuple[int, int]] = []
    told: list[tuple[str, str, int, int]] = []

    def progress(size, ledger_size):
        asked.append((size, ledger_size))
        return lambda step, name, done, total: told.append((step, name, done, total))

    import_(store, exchange_file, str(ledger), community="安贞西里", progress=progress)
    ledger_size = ledger.stat().st_size
    assert asked == [(Path(exchange_file).stat().st_size + ledger_size, ledger_size)]
    assert ("reading", exchange_file, 2, 2) in told and ("reading", str(ledger), 2, 2) in told
    assert ("merging", exchange_file, 2, 2) in told and ("merging", str(ledger), 2, 2) in told
    steps = [step for step, *_ in told]
    assert steps.index("merging") > len(steps) - 1 - steps[::-1].index("reading")  # every file read first


def test_a_month_filled_past_the_limit_is_refused_before_anything_is_written(store, inbox, earlier, monkeypatch):
    monkeypatch.setattr(exchange, "MONTH_MAX", 2)
    path = write(inbox / "三月.json", envelope([record(title=f"活动{i}") for i in range(2)]))
    before = files_of(store)
    with pytest.raises(LogbookError) as caught:
        import_(store, path)
    assert caught.value.message == (
        f"importing {path} would put 3 activities in 2025-03, more than the 2 a month can hold; nothing was imported"
    )
    assert files_of(store) == before


def test_the_policy_decides_a_conflict(store, inbox, earlier):
    theirs = dict(earlier, title="他们的标题", updated_at="2025-03-29T08:00:00.000Z")
    path = write(inbox / "冲突.json", envelope([theirs]))
    kept = import_(store, path, policy=Policy.keep)
    assert [c.winner for c in kept.summaries[0].conflicts] == ["ours"]
    assert stored(store)[earlier["id"]]["title"] == "消防安全进社区"
    taken = import_(store, path)
    assert taken.summaries[0].updated == 1
    assert stored(store)[earlier["id"]]["title"] == "他们的标题"


def test_counts_read_in_the_readers_language(store, inbox):
    path = write(inbox / "活动.json", envelope([record()]))
    [summary] = import_(store, path).summaries
    assert counts(summary) == "+1 ~0 -0, 0 skipped"
    i18n.use(i18n.CHINESE)
    try:
        assert counts(summary) != "+1 ~0 -0, 0 skipped"
    finally:
        i18n.use(i18n.ENGLISH)
