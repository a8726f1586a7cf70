"""`logbook import-text` on large and hostile inputs: the work grows with the text, not with its
square, and a text over the stated size is refused before more of it is read.

No test here measures time. Linearity is checked by counting: the lines of logbook/extract/
run for a text and for four copies of it (a lookup that scans every sentence of the article for
each date it reads runs sixteen times as many for four times the text). Inputs whose cost hides
where no line is counted (the regular expression engine, `str.find`) are run at a size that a
quadratic reader does not finish within a deadline many times what a linear one needs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, run

from logbook.commands.importtext import MAX_TEXT_BYTES
from logbook.extract import extract, extract_article

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
TODAY = date(2025, 6, 30)
# One realistic report line: a date, a community, a partner, a quoted event name.
LINE = (ARTICLES / "01.txt").read_text(encoding="utf-8").splitlines()[0] + "\n"


def repeated(line: str, size: int) -> str:
    """`line` repeated to about `size` bytes of UTF-8."""
    return line * max(1, size // len(line.encode("utf-8")))


def lines_run(text: str) -> int:
    """How many lines of the logbook/extract package run while one article is read from `text`."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def scope(frame, event, arg):
        return local if os.path.join("logbook", "extract", "") in frame.f_code.co_filename else None

    sys.settrace(scope)
    try:
        extract_article(text, today=TODAY)
    finally:
        sys.settrace(None)
    return count


def test_reading_grows_linearly_with_a_repeated_report_line():
    small = lines_run(repeated(LINE, 20_000))
    large = lines_run(repeated(LINE, 80_000))
    # Four times the text: four times the lines run, plus a little; a scan per date over every
    # sentence would run about sixteen times as many.
    assert large <= 4.5 * small, (small, large)


def test_reading_grows_linearly_without_any_punctuation():
    # One sentence, one clause: looking around a date must not walk back to its start.
    plain = "".join(ch for ch in LINE if ch not in "。！？!；;\n,，、:：")
    small = lines_run(repeated(plain, 20_000))
    large = lines_run(repeated(plain, 80_000))
    assert large <= 4.5 * small, (small, large)


def test_reading_grows_linearly_with_one_street_named_again_and_again():
    # Each mention of a street was compared with every other (one megabyte took 20 s).
    small = lines_run(repeated("青禾街道召开社区", 20_000))
    large = lines_run(repeated("青禾街道召开社区", 80_000))
    assert large <= 4.5 * small, (small, large)


def distinct(template: str, size: int) -> str:
    """`template` filled with ever new pairs of characters, to about `size` bytes."""
    pairs = (chr(0x4E00 + i % 20000) + chr(0x4E00 + 20000 + i // 20000) for i in range(size // 15))
    return "".join(template.format(pair) for pair in pairs)


def test_reading_grows_linearly_with_ever_new_streets():
    # Each street named was compared with every other to find one it ends with (500 KB: 43 s).
    small = lines_run(distinct("{}街道，", 20_000))
    large = lines_run(distinct("{}街道，", 80_000))
    assert large <= 4.5 * small, (small, large)


MB = 1_000_000
HOSTILE = {
    # A run of digits: no head count, at any of its positions.
    "digits": repeated("1234567890", MB),
    "chinese numerals": repeated("一二三四五六七八九十", MB),
    "head counts without end": repeated("共计60余人参加", MB),
    "dates without punctuation": repeated("3月5日", MB),
    # Each 联合 points into the same list of partners, which never ends.
    "partners joined without end": repeated("联合和平街消防救援站和", MB),
    "ever new communities": distinct("{}里社区、", MB),
    "ever new lecturers": distinct("王{}老师，", MB),
    # Each read back to the line's start for an address field, and looked up in the list of
    # those found (one megabyte took 79 s; four are read here, the second two repeating).
    "ever new communities after their street": distinct("青禾街道{}社区，", 2 * MB),
    # Every name inside quotes, each asked whether it is written anywhere outside them.
    "ever new quoted names": distinct("“{}里社区活动”", MB),
    # A numbered committee named again and again, each asked how often it is named.
    "committees named without end": repeated("青禾一居，", MB),
    # Quotes after what was held: each read one way only (two ways is 2^n for n quotes).
    "quotes after a verb": repeated("举办" + "“”" * 20, MB),
    # Dates written as a page stamps them, none of them a stamp, then a day without its month.
    "stamps without end": repeated("2022-09-04 ", MB) + "4日上午，青禾社区开展活动。",
    # Communities joined in pairs, each asked whether its pair holds the event.
    "communities joined in pairs": repeated("柳岸社区和青禾社区联合开展", MB),
    # A page's stamps on one line, each read back to the line's start (500 KB took 48 s).
    "stamps on one line": repeated("2024年5月6日 10:12 来源：青禾网 ", MB),
    # Days named for their occasion, each looked up in a list of the others (4 MB read: the
    # lookup costs no line the counting test above would see).
    "days named for their occasion": repeated("5月6日是世界环境日，", 2 * MB),
    # A time of day after every day, and a speaker named as such again and again.
    "times without end": repeated("5月6日上午9时至下午3时，", MB),
    "speakers named without end": repeated("主讲人为青禾医院主任王芳", MB),
}


# Two megabytes of a shape take a linear reader under 10 s (under 30 s on a machine three times
# slower), and one that goes back over the text for each thing it finds minutes: 100 KB of
# digits took 380 s, 200 KB of joined partners 170 s, and one megabyte of ever new communities
# 46 s when each name looked back to the text's start with str.rfind (four times that for two).
DEADLINE = 90


class _Overdue(Exception):
    pass


@pytest.mark.slow  # two megabytes of each shape
@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_shapes_are_read_in_one_pass(shape):
    def overdue(signum, frame):
        raise _Overdue(f"{shape}: not read within {DEADLINE} s")

    text = HOSTILE[shape] * 2
    if not hasattr(signal, "SIGALRM"):  # Windows: read with no deadline
        assert len(extract(text, source_name="x", today=TODAY)) == 1
        return
    previous = signal.signal(signal.SIGALRM, overdue)
    signal.alarm(DEADLINE)
    try:
        drafts = extract(text, source_name="x", today=TODAY)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert len(drafts) == 1


@pytest.mark.slow  # 4 MB read and drafted
def test_a_text_at_the_size_limit_is_read(tmp_path, db_path):
    text = repeated(LINE, MAX_TEXT_BYTES)
    data = text.encode("utf-8")
    data += b"\n" * (MAX_TEXT_BYTES - len(data))
    assert len(data) == MAX_TEXT_BYTES
    path = tmp_path / "news.txt"
    path.write_bytes(data)
    result = run("import-text", str(path), "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.stderr
    [draft] = result.json
    assert draft["date"] == "2025-04-12" and draft["communities"] == ["和平街十一社区"]
    assert not db_path.exists()


def test_a_file_over_the_limit_is_refused_naming_the_limit(tmp_path, db_path):
    path = tmp_path / "news.txt"
    path.write_bytes(repeated(LINE, MAX_TEXT_BYTES + 1000).encode("utf-8"))
    assert path.stat().st_size > MAX_TEXT_BYTES
    result = run("import-text", str(path), "--dry-run")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {str(path)!r} holds more than 4 MB; expected a text file of articles of at most 4 MB\n"
    )
    assert not db_path.exists()


def test_standard_input_over_the_limit_is_refused(db_path):
    result = run("import-text", "-", "--yes", input=repeated(LINE, MAX_TEXT_BYTES + 1000))
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: standard input holds more than 4 MB; expected a text of articles of at most 4 MB\n"
    )
    assert not db_path.exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_standard_input_is_refused_after_reading_the_limit(db_path):
    # /dev/zero never ends: reading it whole would never finish, nor fit in memory.
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [sys.executable, "-m", "logbook", "import-text", "-", "--yes"],
            stdin=zero,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ("Error: standard input holds more than 4 MB; expected a text of articles of at most 4 MB\n")
    assert not db_path.exists()


def test_the_limit_is_4_mb_and_below_the_limit_of_every_input():
    import logbook.inputs

    assert MAX_TEXT_BYTES == 4 * 1024 * 1024 < logbook.inputs.MAX_INPUT_BYTES
