"""Help text laid out by display width, with Chinese line-breaking manners."""

from __future__ import annotations

from logbook.commands.helptext import wrap
from logbook.plain import width


def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_bracket():
    text = "某个月份：2025-03、this（本月）、last（上月）。json：交换文件（含社区名册和删除记录）；jsonl、csv。"
    for cols in range(20, 60):  # help is laid out at 40 columns or more
        lines = wrap(text, cols)
        assert "".join(lines) == text
        for line in lines:
            assert line[:1] not in "，。、；：）", (cols, lines)
            assert line[-1:] not in "（", (cols, lines)
            assert width(line) <= cols + 2  # a carried character may hang by one


def test_english_breaks_between_words_and_keeps_words_whole():
    text = "Read the files in this encoding (utf-8, gbk, gb18030, utf-16); default: detected."
    lines = wrap(text, 30)
    assert all(width(line) <= 30 for line in lines)
    assert " ".join(lines) == text
    assert "gb18030," in " ".join(lines).split()
