"""`logbook import-text` on large and hostile inputs: the work grows with the text, not with its
square.

No test here measures time. Linearity is checked by counting: the lines of logbook/extract.py
run for a text and for four copies of it (a lookup that scans every sentence of the article for
each date it reads runs sixteen times as many for four times the text). Inputs whose cost hides
in the regular expression engine, where no line is counted, are simply run at a size that a
quadratic reader would not finish.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

from logbook.extract import extract, extract_article

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
TODAY = date(2025, 6, 30)
# One realistic report line: a date, a community, a partner, a quoted event name.
LINE = (ARTICLES / "01.txt").read_text(encoding="utf-8").splitlines()[0] + "\n"


def repeated(line: str, size: int) -> str:
    """`line` repeated to about `size` bytes of UTF-8."""
    return line * max(1, size // len(line.encode("utf-8")))


def lines_run(text: str) -> int:
    """How many lines of logbook/extract.py run while one article is read from `text`."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def scope(frame, event, arg):
        return local if frame.f_code.co_filename.endswith(os.path.join("logbook", "extract.py")) else None

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


def distinct(template: str, size: int) -> str:
    """`template` filled with ever new pairs of characters, to about `size` bytes."""
    pairs = (chr(0x4E00 + i % 20000) + chr(0x4E00 + 20000 + i // 20000) for i in range(size // 15))
    return "".join(template.format(pair) for pair in pairs)


MB = 1_000_000
HOSTILE = {
    "digits": repeated("1234567890", MB),
    "chinese numerals": repeated("一二三四五六七八九十", MB),
    "head counts without end": repeated("共计60余人参加", MB),
    "dates without punctuation": repeated("3月5日", MB),
    "partners joined without end": repeated("联合和平街消防救援站和", MB),
    "ever new communities": distinct("{}里社区、", MB),
    "ever new lecturers": distinct("王{}老师，", MB),
}


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_shapes_are_read_in_one_pass(shape):
    # A megabyte of each: a reader that goes over the text again for each thing it finds in it
    # does not finish (100 KB of digits took 380 s, 200 KB of joined partners 170 s).
    drafts = extract(HOSTILE[shape], source_name="x", today=TODAY)
    assert len(drafts) == 1
