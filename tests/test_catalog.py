"""The message catalog: every message of the interface has its Chinese, with the same named
placeholders, and the language is chosen the way the README says."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ROOT, run

from logbook import i18n

PO = ROOT / "logbook" / "locale" / "zh_CN" / "LC_MESSAGES" / "logbook.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{([a-z_]*)[^{}]*\}")


def _messages_in_code() -> dict[str, str]:
    """msgid → where it is first used, as the build's extraction finds them."""
    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(ROOT / "logbook"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        ids = message if isinstance(message, tuple) else (message,)
        for msgid in ids:
            if msgid:
                found.setdefault(msgid, f"{filename}:{line}")
    return found


def _catalog():
    with PO.open("rb") as handle:
        return read_po(handle)


def test_every_message_has_its_chinese():
    catalog = _catalog()
    missing = []
    for msgid, where in sorted(_messages_in_code().items()):
        key = msgid
        entry = catalog.get(key)
        if entry is None:
            # a plural's entry is keyed by its singular
            entry = next((m for m in catalog if isinstance(m.id, tuple) and msgid in m.id), None)
        strings = entry.string if entry is not None else None
        texts = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(texts):
            missing.append(f"{where}: {msgid!r}")
    assert not missing, "messages without Chinese:\n" + "\n".join(missing)


def test_the_catalog_holds_no_message_the_code_no_longer_has():
    used = set(_messages_in_code())
    stale = [m.id for m in _catalog() if m.id and (m.id[0] if isinstance(m.id, tuple) else m.id) not in used]
    assert not stale


def test_translations_keep_their_placeholders():
    wrong = []
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if set(PLACEHOLDER.findall(text or "")) != wanted:
                wrong.append(f"{ids[0]!r} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_build_compiled_the_catalog():
    assert PO.with_suffix(".mo").is_file()


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ("zh", {"LOGBOOK_LANG": "en"}, "zh"),
        (None, {"LOGBOOK_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LC_MESSAGES": "zh_SG", "LANG": "en_US"}, "zh"),
        (None, {"LANG": "C", "LANGUAGE": "zh_CN:en"}, "zh"),
        (None, {"LANG": "zh_TW.Big5"}, "zh_Hant"),
        (None, {"LANG": "zh_HK.UTF-8"}, "zh_HK"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_the_language_comes_from_the_option_the_environment_or_the_locale(option, env, expected):
    assert i18n.choose(option=option, environ=env) == expected


def test_the_settings_file_counts_after_logbook_lang(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('language = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("LOGBOOK_CONFIG", str(config))
    monkeypatch.delenv("LOGBOOK_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run("show", "0000").stderr.startswith("错误：")
    monkeypatch.setenv("LOGBOOK_LANG", "en")
    assert run("show", "0000").stderr.startswith("Error: ")


def test_a_language_we_do_not_speak_is_one_error_in_the_language_found(monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run("--lang", "fr", "list")
    assert result.exit_code == 2
    assert result.stderr == "错误：--lang 的值 'fr' 无效，应为 zh, en 之一\n"
    monkeypatch.setenv("LOGBOOK_LANG", "en")
    assert run("--lang", "fr", "list").stderr == "Error: invalid value 'fr' for --lang: expected one of zh, en\n"


def test_traditional_locales_read_traditional_characters(monkeypatch):
    monkeypatch.delenv("LOGBOOK_LANG")
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")
    assert run("--lang", "xx", "list").stderr.startswith("錯誤：")


def test_a_message_is_english_for_programs_and_the_readers_language_for_people():
    from logbook.i18n import Message, message

    found = message("Error: {message}", message="x")
    i18n.use(i18n.CHINESE)
    assert str(found) == "Error: x" and found.text() == "错误：x"
    plural = Message("Delete {count} activity?", {"count": 3}, plural="Delete {count} activities?", n=3)
    assert str(plural) == "Delete 3 activities?" and plural.text() == "删除 3 条活动？"
    i18n.use(i18n.ENGLISH)
    assert found.text() == "Error: x"


# Words that may stand in a Chinese help page: option and format names, field names a
# program reads, environment variables, and names of things (ISO, JSON, CSV, Excel ...).
_ALLOWED = re.compile(
    r"--?[\w-]+|[A-Z][A-Z0-9_]+|HH:MM|YYYY(-MM)?|\b(json|jsonl|csv|md|html|text|table|xlsx|xlsm|xls|ods|utf-8|gbk|"
    r"gb18030|utf-16|logbook|ISO|JSON|CSV|Excel|WPS|TinyDB|cron|newer|keep|replace|date|participants|community|"
    r"street|category|tag|week|month|quarter|this|last|today|id|title|start|end|people|location|notes|"
    r"communities|organizers|partners|speakers|groups|tags|source|author|created_at|updated_at|"
    r"participants_approx|en|zh|bash|zsh|fish|PowerShell|shell|pinyin|aed|"
    r"add|list|show|edit|delete|undo|search|report|digest|export|import|check|community|rename|remove|organizer|Markdown|Lines)\b"
)


def _help_pages() -> list[tuple[str, str]]:
    import typer

    command = typer.main.get_command(__import__("logbook.cli", fromlist=["app"]).app)
    pages = [("logbook", run("--help").stdout)]
    for name, sub in command.commands.items():
        pages.append((name, run(name, "--help").stdout))
        for child in getattr(sub, "commands", {}):
            pages.append((f"{name} {child}", run(name, child, "--help").stdout))
    return pages


def test_every_help_page_reads_chinese_under_zh(monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    english = []
    for name, page in _help_pages():
        leftover = re.findall(r"[A-Za-z]{3,}", _ALLOWED.sub(" ", page))
        if leftover:
            english.append(f"{name}: {sorted(set(leftover))}")
    assert not english, "English words in Chinese help:\n" + "\n".join(english)
