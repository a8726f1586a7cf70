"""Tables a person reads at a terminal fit its width: whole outputs of `report`, `list` and
`digest` on a real pseudo-terminal 80 and 60 columns wide, in both languages, compared with
reviewed golden files; no line runs past the edge, no heading breaks inside a word, no count is
split from its label."""

from __future__ import annotations

import re

import pytest
from conftest import at_terminal, check_golden

from logbook.plain import width

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

COMMANDS = [
    ("report", "--by", "community", "--chart"),
    ("report", "--by", "street", "--period", "week"),
    ("report", "--by", "street", "--period", "week", "--chart"),
    ("list", "--limit", "5"),
    ("digest",),
]


def seen(*args: str, columns: int) -> str:
    """What a person sees: the terminal's output without its colours, line ends as typed."""
    raw = at_terminal("--sample", *args, columns=columns)
    return ANSI.sub("", raw.decode("utf-8")).replace("\r\n", "\n")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", [80, 60])
def test_tables_fit_the_terminal_whole(lang, columns, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", lang)
    monkeypatch.setenv("LOGBOOK_TODAY", "2025-03-31")
    whole = []
    for args in COMMANDS:
        out = seen(*args, columns=columns)
        too_wide = [line for line in out.splitlines() if width(line) > columns]
        assert not too_wide, (args, too_wide)
        whole.append(f"$ logbook --sample {' '.join(args)}\n{out}")
    check_golden(f"terminal-{columns}.{lang}.txt", "\n".join(whole))


@pytest.mark.parametrize("columns", [80, 60])
def test_headings_stay_whole(columns, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "en")
    for args in (("report", "--by", "community", "--chart"), ("list", "--limit", "3")):
        lines = seen(*args, columns=columns).splitlines()
        header = next(line for line in lines if "Communit" in line)
        assert re.search(r"\bCommunit(y|ies)\b", header), header
        assert not any(line.strip() in ("y", "s", "ry") for line in lines)


def test_categories_fold_between_two_categories_only():
    from logbook.render.reports import _fold_items

    items = ["安全 4", "会议 4", "党建 1", "便民服务 2"]
    for cols in range(8, 40):
        lines = _fold_items(items, cols).split("\n")
        assert "".join(lines) == "安全 4、会议 4、党建 1、便民服务 2"
        for line in lines:
            assert re.fullmatch(r"(\S+ \d+、)*\S+ \d+、?", line), (cols, lines)
            assert width(line) <= max(cols, width("便民服务 2、"))
