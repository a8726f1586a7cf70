"""Shell completion (Typer's own): command and option names, and the values we know — community
and street names, categories, tags, ids with their titles — read from the logbook's index."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, add, run


def _complete(words: str, shell: str = "zsh") -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), _LOGBOOK_COMPLETE=f"complete_{shell}", _TYPER_COMPLETE_ARGS=words)
    proc = subprocess.run(
        [sys.executable, "-m", "logbook"], env=env, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert proc.returncode == 0 and not proc.stderr, proc.stderr
    return proc.stdout


@pytest.fixture
def logbook_with_names(registry):
    ids = {
        "读书会": add("社区读书会", "-c", "和平街一社区", "-t", "读书", "--date", "2025-03-20"),
        "义诊": add("健康义诊", "-c", "黄寺社区", "--category", "义诊", "--date", "2025-03-21"),
    }
    return ids


def test_communities_registered_and_in_use_complete_by_prefix(logbook_with_names):
    add("外来活动", "-c", "未登记社区")
    out = _complete("logbook list --community 和平")
    assert '"和平街一社区"' in out and '"和平街十一社区"' in out and "黄寺" not in out
    assert '"未登记社区"' in _complete("logbook report --community 未")


def test_streets_categories_and_tags(logbook_with_names):
    assert '"安贞街道"' in _complete("logbook list --street 安")
    assert '"培训"' in _complete("logbook add 题目 --category 培")
    assert '"training"' in _complete("logbook list --category tra")
    assert '"读书"' in _complete("logbook list --tag 读")


def test_ids_complete_with_their_titles(logbook_with_names):
    out = _complete("logbook show ")
    for title, ident in [("社区读书会", logbook_with_names["读书会"]), ("健康义诊", logbook_with_names["义诊"])]:
        assert f'"{ident[:8]}":"' in out and title in out
    prefix = logbook_with_names["义诊"][:5]
    out = _complete(f"logbook delete {prefix}")
    assert logbook_with_names["义诊"][:8] in out and "读书会" not in out


def test_commands_and_options_complete():
    assert '"list"' in _complete("logbook li")
    assert '"--format"' in _complete("logbook list --for")
    assert '"json"' in _complete("logbook list --format j")


def test_a_missing_logbook_completes_nothing_quietly(tmp_path, monkeypatch):
    monkeypatch.setenv("LOGBOOK_DB", str(tmp_path / "none" / "logbook.json"))
    assert "和平" not in _complete("logbook list --community 和")
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_the_completion_script_is_shown_for_each_shell(shell):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "logbook", "--show-completion", shell],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "_LOGBOOK_COMPLETE" in proc.stdout


def test_completion_options_are_in_the_help():
    out = run("--help").stdout
    assert "--install-completion" in out and "--show-completion" in out
