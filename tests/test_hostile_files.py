"""Files that are not what `import` expects, each run through a real process: a clear one-line
error (with the per-record list where records are at fault), exit 1 or 2, no traceback, and the
logbook exactly as it was."""

import codecs
import json
from pathlib import Path

import pytest
from conftest import add, run, run_proc

GOOD = {"id": "0123456789abcdef0123456789abcdef", "date": "2025-03-01", "title": "消防培训"}


def on_disk(db: Path) -> dict:
    files = [db, *sorted(db.with_name(db.name + ".backups").glob("*"))]
    return {p.name: p.read_bytes() for p in files if p.is_file()}


@pytest.fixture
def logbook(db_path):
    """A logbook with one record, and what its files held before the hostile import."""
    add("已有的活动", "--people", "5")
    return db_path, on_disk(db_path)


def hostile(logbook, tmp_path, name: str, content, *extra: str, code: int = 1):
    """Import `content` (bytes or text) from a file called `name`; check what every hostile
    import must do, and return stderr without the leading `Error: `."""
    db, before = logbook
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run_proc("import", str(path), *extra)
    assert result.exit_code == code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("Error: ")
    assert on_disk(db) == before
    return path, result.stderr


def one_line(stderr: str) -> str:
    assert stderr.count("\n") == 1, stderr
    return stderr.removeprefix("Error: ").rstrip("\n")


def test_not_json(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.json", "这不是 JSON，也不是表格\n")
    assert one_line(err) == (
        f"{path} is not an exchange file: not JSON, not JSON Lines, and not CSV with a header row "
        "naming title and date (its first line is '这不是 JSON，也不是表格')"
    )


def test_broken_json(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.json", '{"format": "logbook", "activities": [\n  {"title": "半截')
    assert one_line(err).startswith(f"{path} is not valid JSON: unexpected end of data: line 2")


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "42",
            "holds a single JSON value (a number); expected the exchange envelope, a list of "
            "activities, JSON Lines or CSV",
        ),
        (
            '"活动"',
            "holds a single JSON value (a string); expected the exchange envelope, a list of "
            "activities, JSON Lines or CSV",
        ),
        (
            '{"name": "安贞西里社区"}',
            'is a JSON object without "format" or "activities"; expected the '
            'exchange envelope {"format": "logbook", "version": 1, "activities": [...]}',
        ),
        ('{"format": "logbook", "activities": {"1": {}}}', ": activities must be a list, got an object"),
        ('{"format": "logbook", "deleted": "all"}', ": deleted must be a list, got a string"),
        ('{"format": "calendar", "activities": []}', "has format 'calendar'; expected 'logbook'"),
        (
            '{"format": "logbook", "version": 2, "activities": []}',
            "is exchange format version 2; this program reads up to 1. Upgrade logbook",
        ),
        ('{"format": "logbook", "version": "1", "activities": []}', "has version '1'; expected a whole number"),
    ],
)
def test_the_wrong_shape(logbook, tmp_path, content, message):
    path, err = hostile(logbook, tmp_path, "x.json", content)
    assert one_line(err) == f"{path} {message}".replace(f"{path} :", f"{path}:")


def test_a_list_of_things_that_are_not_records(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.json", '[1, "two", null, [4]]')
    assert err.splitlines() == [
        f"  {path}, record 1: expected an object, got a number",
        f"  {path}, record 2: expected an object, got a string",
        f"  {path}, record 3: expected an object, got null",
        f"  {path}, record 4: expected an object, got a list",
        f"Error: 4 records are invalid in {path}; nothing was imported (--skip-invalid imports the valid rest)",
    ]


def test_wrong_types(logbook, tmp_path):
    records = [
        dict(GOOD, title=123),
        dict(GOOD, participants="四十"),
        dict(GOOD, participants=40.5),
        dict(GOOD, participants_approx="yes"),
        dict(GOOD, tags="垃圾分类"),
        dict(GOOD, communities=[1, 2]),
        dict(GOOD, tags={"a": 1}),
        dict(GOOD, notes=["一", "二"]),
        dict(GOOD, id=12345),
    ]
    path, err = hostile(logbook, tmp_path, "x.json", json.dumps(records, ensure_ascii=False))
    assert err.splitlines() == [
        f"  {path}, record 1, field title: title must be text, got 123",
        f"  {path}, record 2, field participants: participants must be a whole number >= 0, got '四十'",
        f"  {path}, record 3, field participants: participants must be a whole number >= 0, got 40.5",
        f"  {path}, record 4, field participants_approx: participants_approx must be true or false, got 'yes'",
        f"  {path}, record 5, field tags: must be a list of names, got a string",
        f"  {path}, record 6, field communities: expected a list of names, got 1 in it",
        f"  {path}, record 7, field tags: must be a list of names, got an object",
        f"  {path}, record 8, field notes: notes must be text, got ['一', '二']",
        f"  {path}, record 9, field id: id must be text, got 12345",
        f"Error: 9 records are invalid in {path}; nothing was imported (--skip-invalid imports the valid rest)",
    ]


def test_an_impossible_date(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.json", json.dumps([GOOD, dict(GOOD, date="2025-02-30")]))
    assert err.splitlines()[0] == f"  {path}, record 2, field date: date '2025-02-30' is not a real YYYY-MM-DD date"
    assert err.splitlines()[1].startswith("Error: 1 record is invalid in ")


def test_an_impossible_date_in_a_sheet(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.csv", "title,date\n消防培训,2025年2月30日\n")
    assert err.splitlines()[0] == f"  {path}, line 2, field date: date '2025-02-30' is not a real YYYY-MM-DD date"


@pytest.mark.parametrize("opening, closing", [("[", "]"), ('{"a":', "}")])
def test_nesting_100000_deep(logbook, tmp_path, opening, closing):
    content = opening * 100_000 + "1" * (opening != "[") + closing * 100_000
    path, err = hostile(logbook, tmp_path, "x.json", content)
    assert one_line(err).startswith(f"{path} is not valid JSON: nested deeper than 1024 levels")


def test_nesting_100000_deep_on_one_line_of_json_lines(logbook, tmp_path):
    content = json.dumps(GOOD) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n"
    path, err = hostile(logbook, tmp_path, "x.jsonl", content)
    assert err.splitlines()[0].startswith(f"  {path}, line 2: not valid JSON (nested deeper than 1024 levels")


@pytest.mark.slow
def test_a_50_mb_string(logbook, tmp_path):
    content = json.dumps([dict(GOOD, notes="长" * 50_000_000)], ensure_ascii=False)
    path, err = hostile(logbook, tmp_path, "x.json", content)
    assert err.splitlines()[0] == f"  {path}, record 1, field notes: 50,000,000 characters long; at most 20,000 allowed"
    assert len(err) < 500  # the value itself is never echoed


@pytest.mark.slow
def test_a_50_mb_title_is_refused_before_it_is_looked_at(logbook, tmp_path):
    content = json.dumps([dict(GOOD, title="题" * 50_000_000)], ensure_ascii=False)
    path, err = hostile(logbook, tmp_path, "x.json", content)
    assert err.splitlines()[0] == f"  {path}, record 1, field title: 50,000,000 characters long; at most 200 allowed"


@pytest.mark.slow
def test_a_50_mb_cell(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.csv", "title,date,notes\n好,2025-03-01," + "长" * 50_000_000 + "\n")
    assert one_line(err) == (
        f"{path}, line 2: cannot read the CSV: a cell is longer than 131,072 characters, far past what any field holds"
    )


def test_a_long_value_is_shortened_in_the_message(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.json", json.dumps([dict(GOOD, date="9" * 5000)]))
    first = err.splitlines()[0]
    assert first.startswith(f"  {path}, record 1, field date: date '9999") and first.endswith("…")
    assert len(first) - len(str(path)) < 250  # the temp folder's name varies in length


def test_a_nul_byte(logbook, tmp_path):
    path, err = hostile(
        logbook, tmp_path, "x.json", b'[{"title": "\xe6\xb6\x88\x00\xe9\x98\xb2", "date": "2025-03-01"}]'
    )
    assert one_line(err) == f"{path} contains a NUL character (line 1), which no text file holds"


def test_a_nul_character_escaped_in_json(logbook, tmp_path):
    path, err = hostile(
        logbook,
        tmp_path,
        "x.json",
        '[{"title": "消\\u0000防", "date": "2025-03-01", "tags": ["a\\u0000"]},'
        ' {"title": "好", "date": "2025-03-01", "tags": ["a\\u0000"]}]',
    )
    assert err.splitlines()[:2] == [
        f"  {path}, record 1, field title: contains a NUL character",
        f"  {path}, record 2, field tags: a name contains a NUL character",
    ]


def test_utf16_without_a_byte_order_mark(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.csv", "title,date\n消防培训,2025-03-01\n".encode("utf-16-le"))
    assert one_line(err) == (
        f"{path} contains a NUL character (line 1), which no text file holds; if it is UTF-16 "
        "without a byte order mark, pass --encoding utf-16"
    )


def test_gbk_without_a_bom_is_read_as_gbk(db_path, tmp_path):
    """Not an error: what Excel saves on Chinese Windows. Read right, and said so."""
    path = tmp_path / "excel.csv"
    path.write_bytes("title,date,communities\n消防安全培训,2025-03-01,安贞西里社区\n".encode("gbk"))
    result = run_proc("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{path} was read as GBK\n"
    assert run("list", "--format", "json").json[0]["title"] == "消防安全培训"


def test_gbk_said_to_be_utf8(logbook, tmp_path):
    content = "title,date\n消防安全培训,2025-03-01\n".encode("gbk")
    path, err = hostile(logbook, tmp_path, "x.csv", content, "--encoding", "utf-8")
    assert one_line(err) == f"{path} is not utf-8 text: bytes cf at offset 11"


def test_neither_utf8_nor_gbk(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.csv", b"title,date\n\x80\xff\xfe\xfd,2025-03-01\n")
    assert one_line(err) == (
        f"{path} is neither UTF-8 nor GBK text (bytes 80 at offset 11 as UTF-8); name its encoding with --encoding"
    )


def test_a_utf8_byte_order_mark_on_something_else(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.csv", codecs.BOM_UTF8 + "title,date\n消防".encode("gbk"))
    assert one_line(err).startswith(f"{path} starts with a UTF-8 byte order mark but is not UTF-8: bytes")


def test_binary(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert one_line(err).startswith(f"{path} ")


@pytest.mark.parametrize("content", ["", "   \n\n\t\n", codecs.BOM_UTF8.decode("utf-8")])
def test_an_empty_file(logbook, tmp_path, content):
    path, err = hostile(logbook, tmp_path, "x.json", content.encode("utf-8"))
    assert one_line(err) == f"{path} is empty; expected an exchange file, JSON Lines or CSV"


def test_a_missing_file(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "nowhere.json", None)
    assert one_line(err) == f"no such file: {path}"


def test_a_directory(logbook, tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    path, err = hostile(logbook, tmp_path, "folder.json", None, code=2)
    assert one_line(err) == f"{path} is a directory; expected an exchange file"


def test_a_logbook_data_file_instead_of_an_export(logbook, tmp_path):
    db, _ = logbook
    copy = tmp_path / "copy-of-logbook.json"
    copy.write_bytes(db.read_bytes())
    path, err = hostile(logbook, tmp_path, "copy-of-logbook.json", None)
    assert one_line(err) == (
        f"{path} is a logbook data file, not an exchange file; export it first with "
        f"`logbook --db {path} export -o FILE`"
    )


def test_numbers_json_cannot_hold(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.json", '[{"title": "好", "date": "2025-03-01", "participants": 1e400}]')
    assert one_line(err).startswith(f"{path} is not valid JSON: number is infinity")
    path, err = hostile(
        logbook,
        tmp_path,
        "y.json",
        '[{"title": "好", "date": "2025-03-01", "participants": 123456789012345678901234567890}]',
    )
    assert err.splitlines()[0] == (
        f"  {path}, record 1, field participants: participants must be a whole number >= 0, got 1.2345678901234568e+29"
    )


def test_a_sheet_with_more_cells_than_columns(logbook, tmp_path):
    path, err = hostile(logbook, tmp_path, "x.csv", "title,date\n消防培训,2025-03-01,多出来的,又一个\n")
    assert err.splitlines()[0] == f"  {path}, line 2: 2 more cells than the header has columns"


def test_a_hostile_file_among_good_ones_stops_them_all(logbook, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps([GOOD]), encoding="utf-8")
    db, before = logbook
    bad = tmp_path / "bad.json"
    bad.write_text("[" * 5000, encoding="utf-8")
    result = run_proc("import", str(good), str(bad))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert on_disk(db) == before
