"""A catalogue of hostile input, each case its own test: malformed dates and numbers in every
option that takes one, over-long text, control characters, escape sequences and Rich markup in
every text field, broken input files, and a logbook that is a directory, a dangling link, on a
read-only folder, on a full disk, or written by a newer version. Each ends in one clear error
with the right exit code (or, for text, is stored as given and printed harmlessly), and loses
nothing: the logbook stays byte-identical.

The option catalogue is read from the CLI itself, so commands that arrive later are covered too.
(test_store.py covers the basic damaged-file, directory and ENOSPC cases for add and list.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
import typer.main
from conftest import ROOT, FullDisk, Run, at_terminal, run
from torture_harness import PINNED_ENV, exchange_file, history, leftovers

import logbook.storage as store_mod
from logbook.cli import app

TITLE = "社区消防安全培训"


def one_error(result: Run) -> str:
    """The one `Error:` line of a failed command; no traceback, no raw escape byte."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    assert not set("\x1b\x07\x08\r\x9b") & set(result.stderr), repr(result.stderr)
    return lines[0]


def add(*args: str) -> str:
    result = run("add", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The logbook most tests start from, built once: the registry of conftest, two activities,
    a history to undo."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "logbook.json"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in PINNED_ENV.items():
            patch.setenv(name, value)
        patch.setenv("LOGBOOK_DB", str(db))
        for name, street, aliases in [
            ("安贞西里社区", "安贞街道", ["安贞西里"]),
            ("安贞里社区", "安贞街道", []),
            ("黄寺社区", "安贞街道", []),
            ("和平街一社区", "和平街街道", []),
            ("和平街十一社区", "和平街街道", []),
        ]:
            args = ["community", "add", name, "--street", street] + [a for x in aliases for a in ("--alias", x)]
            assert run(*args).exit_code == 0
        first = add(TITLE, "-c", "安贞西里社区", "--people", "30", "--date", "2025-03-27")
        second = add("老年人防诈骗讲座", "-c", "黄寺社区", "--people", "15", "--date", "2025-03-20")
    return folder, [first, second]


@pytest.fixture
def logbook(db_path, template):
    """A fresh copy of the template logbook at db_path; the ids of its two activities."""
    folder, ids = template
    for item in folder.iterdir():
        if item.is_dir():
            shutil.copytree(item, db_path.parent / item.name)
        else:
            shutil.copy2(item, db_path.parent / item.name)
    return ids


# -- malformed dates, times and numbers in every option that takes one --------------------------

BAD_VALUES = {
    "DATE": ["2025-02-30", "2025-13-01", "13/45", "2025年2月30日", "三月三十二日", "昨天前天", "99999-01-01",
             "2025-03-27T10:00", "\x1b[2J"],
    "SPEC": ["2025-W54", "2025-W00", "W13", "第13周", "2025-W1x", "\x1b]0;x\x07"],
    "YYYY-MM": ["2025-13", "2025-00", "十三月", "2025/13/1/1"],
    "HH:MM": ["25:00", "12:60", "上午14点", "9", "noon", "-1:00"],
    "N": ["-5", "abc", "4O", "1e3", "四十余余", "99999999999999999999999"],
    "COUNT": ["0", "-1", "abc", "1.5"],  # --limit
    "YYYY": ["abc", "-1", "二〇二五年x"],
}  # fmt: skip


def _option_catalogue():
    """(command path, option, metavar kind) for every option that takes a date, week, month,
    time or number."""
    found = []

    def walk(command, path):
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
            return
        for param in command.params:
            opts = getattr(param, "opts", None) or []
            if not opts or not opts[0].startswith("--"):
                continue
            metavar = getattr(param, "metavar", None)
            kind = metavar if metavar in BAD_VALUES else ("COUNT" if opts[0] == "--limit" else None)
            if kind:
                found.append((tuple(path), opts[0], kind))

    walk(typer.main.get_command(app), [])
    return found


CATALOGUE = [
    pytest.param(path, option, value, id=f"{' '.join(path)} {option} {value!r}")
    for path, option, kind in _option_catalogue()
    for value in BAD_VALUES[kind]
]
# the numbers are not malformed for these: they only filter, and a huge one finds nothing
CATALOGUE = [p for p in CATALOGUE if not (p.values[1] == "--min-people" and p.values[2] == "99999999999999999999999")]


def _positional(path, logbook, tmp_path) -> list[str]:
    """Valid positional arguments for a command, so that only the option under test is wrong."""
    if path == ("add",):
        return ["新的活动"]
    if path in (("edit",), ("show",)):
        return [logbook[0]]
    if path == ("search",):
        return ["培训"]
    if path == ("import",):
        exchange_file(tmp_path / "in.json", 3, seed_value=1)
        return [str(tmp_path / "in.json")]
    if path == ("import-text",):
        text = tmp_path / "report.txt"
        text.write_text("3月27日上午，安贞西里社区开展消防安全培训，40余名居民参加。\n", encoding="utf-8")
        return [str(text)]
    return []


def test_the_catalogue_covers_the_options_we_know():
    ids = {(" ".join(p.values[0]), p.values[1]) for p in CATALOGUE}
    for expected in [
        ("add", "--date"),
        ("add", "--people"),
        ("add", "--start"),
        ("edit", "--end"),
        ("list", "--from"),
        ("list", "--week"),
        ("list", "--month"),
        ("list", "--min-people"),
        ("list", "--limit"),
    ]:
        assert expected in ids


@pytest.mark.parametrize("path, option, value", CATALOGUE)
def test_a_malformed_value_is_one_usage_error_naming_it(db_path, logbook, tmp_path, path, option, value):
    before = db_path.read_bytes()
    args = [*path, *_positional(path, logbook, tmp_path), option, value]
    if path == ("import-text",):
        args.append("--dry-run")
    result = run(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    line = one_error(result)
    shown = value if value.isprintable() else repr(value).strip("'")
    assert shown in line or option in line, line
    assert db_path.read_bytes() == before


def test_a_head_count_too_large_to_store_is_refused(db_path, logbook):
    """Found by the catalogue: a 23-digit head count passed validation and broke the write
    with a traceback (the JSON library stores 64-bit integers at most)."""
    before = db_path.read_bytes()
    for args in (
        ["add", "大型活动", "--people", "99999999999999999999999"],
        ["edit", logbook[0], "--people", "99999999999999999999999"],
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert "participants" in one_error(result)
    assert db_path.read_bytes() == before


def test_an_imported_head_count_too_large_to_store_is_an_invalid_record(db_path, logbook, tmp_path):
    incoming = tmp_path / "big.json"
    exchange_file(incoming, 2, seed_value=8)
    data = json.loads(incoming.read_text(encoding="utf-8"))
    data["activities"][1]["participants"] = 10**30
    incoming.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = db_path.read_bytes()
    result = run("import", str(incoming))
    assert result.exit_code == 1
    assert "participants" in result.stderr
    one_error(result)
    assert db_path.read_bytes() == before


# -- over-long text -------------------------------------------------------------------------------


@pytest.mark.parametrize("args, limit", [
    (["add", "题" * 10_000], "title is 10000 characters long; at most 200 allowed"),
    (["add", "题" * 201], "title is 201 characters long; at most 200 allowed"),
    (["add", "x" * 10_000], "title is 10000 characters long; at most 200 allowed"),
    (["edit", "@0", "--title", "题" * 10_000], "title is 10000 characters long; at most 200 allowed"),
    (["add", "标题", "--tag", "签" * 101], "tags: a name of 101 characters; at most 100"),
    (["add", "标题", "--organizer", "人" * 10_000], "organizers: a name of 10000 characters; at most 100"),
    (["add", "标题", "--note", "记" * 20_001], "notes is longer than 20000 characters"),
    (["community", "add", "社" * 10_000], "at most 100"),
    (["community", "add", "新社区", "--alias", "别" * 101], "at most 100"),
    (["community", "rename", "黄寺社区", "社" * 10_000], "at most 100"),
], ids=["title 10000", "title 201", "ascii title 10000", "edit title 10000", "tag 101", "organizer 10000",
        "notes 20001", "community name 10000", "alias 101", "rename to 10000"])  # fmt: skip
def test_over_long_text_is_refused_and_nothing_changes(db_path, logbook, args, limit):
    args = [logbook[0] if a == "@0" else a for a in args]
    before = db_path.read_bytes()
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    assert limit in one_error(result)
    assert len(result.stderr) < 500  # the error does not echo ten thousand characters back
    assert db_path.read_bytes() == before


def test_a_title_of_exactly_200_characters_is_kept(db_path):
    title = "题" * 200
    activity_id = add(title)
    assert run("show", activity_id, "--format", "json").json["title"] == title


# -- control characters, escape sequences and markup in every text field --------------------------

HOSTILE_TEXT = {
    "clear screen": "\x1b[2J",
    "window title": "\x1b]0;title\x07",
    "carriage return": "\r",
    "backspace": "\x08",
    "C1 CSI": "\x9b2J",
    "bell": "\x07",
}
RAW = set("\x1b\x07\x08\r\x9b")

# option -> the stored field it lands in; "TITLE" is the positional title
TEXT_FIELDS = {
    "TITLE": "title", "--note": "notes", "--location": "location", "--community": "communities",
    "--street": "street", "--organizer": "organizers", "--partner": "partners", "--speaker": "speakers",
    "--group": "groups", "--tag": "tags",
}  # fmt: skip


def _add_with(option: str, value: str) -> str:
    args = ["add", value if option == "TITLE" else TITLE, "--people", "20", "--date", "2025-03-27"]
    if option != "TITLE":
        args += [option, value]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert not RAW & set(result.stderr), repr(result.stderr)  # the confirmation and warnings
    return result.stdout.strip()


def _views(activity_id: str, option: str) -> dict[str, Run]:
    """The places where a person reads the field `option` wrote."""
    views = {"list": run("list"), "show": run("show", activity_id)}
    views["search"] = run("search", "前")
    by = {"--community": "community", "--tag": "tag", "--organizer": "organizer", "--street": "street"}
    if option in by:
        views[f"report --by {by[option]}"] = run("report", "--by", by[option], "--month", "2025-03")
    if option in ("TITLE", "--community"):
        views["digest"] = run("digest", "--week", "2025-W13")
    if option == "--community":
        views["community list"] = run("community", "list")
    return views


@pytest.mark.parametrize("kind", list(HOSTILE_TEXT))
@pytest.mark.parametrize("option", list(TEXT_FIELDS))
def test_control_characters_are_stored_as_given_and_printed_harmlessly(db_path, option, kind):
    value = f"前{HOSTILE_TEXT[kind]}后"
    activity_id = _add_with(option, value)
    stored = json.loads(run("show", activity_id, "--format", "json").stdout)[TEXT_FIELDS[option]]
    assert stored == ([value] if isinstance(stored, list) else value)  # exactly as given
    for name, result in _views(activity_id, option).items():
        assert result.exit_code == 0, (name, result.stderr)
        assert not RAW & set(result.stdout + result.stderr), (name, result.stdout)
    show = run("show", activity_id).stdout
    assert "前" in show and "后" in show
    undone = run("undo")
    assert undone.exit_code == 0 and not RAW & set(undone.stdout + undone.stderr), repr(undone.stdout)


@pytest.mark.parametrize("kind", list(HOSTILE_TEXT))
@pytest.mark.parametrize("where", ["name", "--street", "--alias"])
def test_control_characters_in_the_registry_are_printed_harmlessly(db_path, where, kind):
    value = f"前{HOSTILE_TEXT[kind]}后"
    args = ["community", "add", value if where == "name" else "黄寺社区"]
    if where != "name":
        args += [where, value]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert not RAW & set(result.stderr)
    listing = run("community", "list")
    assert listing.exit_code == 0 and not RAW & set(listing.stdout)
    assert "前" in listing.stdout
    stored = run("community", "list", "--format", "json").json[0]
    assert value in (stored["name"], stored["street"], *stored["aliases"])


def test_a_nul_character_is_refused(db_path):
    result = run("add", "前\x00后")
    assert result.exit_code == 2
    assert "NUL" in one_error(result)
    assert not db_path.exists()


MARKUP = ["[red]红[/red]", "[link=https://example.com/x]点我[/link]", "[bold]粗[/]", "[/]"]


@pytest.mark.parametrize("markup", MARKUP)
@pytest.mark.parametrize("option", list(TEXT_FIELDS))
def test_rich_markup_is_shown_literally_not_obeyed(db_path, option, markup):
    value = f"前{markup}后"
    activity_id = _add_with(option, value)
    show = run("show", activity_id)
    assert show.exit_code == 0
    assert value in show.stdout  # shown as typed, brackets and all
    if option in ("TITLE", "--community"):
        assert value in run("list").stdout
        assert value in run("search", "前").stdout
    if option in ("--community", "--tag", "--organizer"):
        by = {"--community": "community", "--tag": "tag", "--organizer": "organizer"}[option]
        assert value in run("report", "--by", by, "--month", "2025-03").stdout
    stored = json.loads(run("show", activity_id, "--format", "json").stdout)[TEXT_FIELDS[option]]
    assert stored == ([value] if isinstance(stored, list) else value)


def test_markup_in_an_error_message_is_shown_literally(db_path):
    result = run("show", "[red]abcd[/red]")
    assert result.exit_code == 2
    assert "[red]abcd[/red]" in one_error(result)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("kind", ["clear screen", "window title", "C1 CSI"])
def test_at_a_real_terminal_escape_sequences_from_records_are_not_sent(db_path, kind):
    """At a terminal, colour is on, so escape bytes of our own styling appear; the sequences a
    record holds must not, in any view or message."""
    sequence = HOSTILE_TEXT[kind]
    activity_id = _add_with("TITLE", f"前{sequence}后")
    run("edit", activity_id, "--note", f"注{sequence}释")
    env = {"LOGBOOK_DB": str(db_path)}
    views = [["list"], ["show", activity_id], ["undo"]]
    views += [["search", "前"]]
    for args in views:
        shown = at_terminal(*args, env=env, check=False)
        assert "前".encode() in shown or b"Reverted" in shown, (args, shown)
        assert sequence.encode() not in shown, (args, shown)
        assert b"\x1b]0;" not in shown and b"\x07" not in shown and "\x9b".encode() not in shown, (args, shown)


# -- broken input files ----------------------------------------------------------------------------

INVALID_UTF8 = {
    "truncated hanzi": lambda good: good.replace("消防".encode(), "消防".encode()[:-1], 1),
    "lone continuation byte": lambda good: good.replace(b'"title": "', b'"title": "\x80', 1),
    "overlong encoding": lambda good: good.replace(b'"title": "', b'"title": "\xc0\xaf', 1),
    "surrogate half": lambda good: good.replace(b'"title": "', b'"title": "\xed\xa0\x80', 1),
    "binary junk": lambda good: b"\xff\xfe\x00\x01\x00garbage\xff",
}


@pytest.mark.parametrize("damage", list(INVALID_UTF8))
def test_invalid_utf8_in_an_import_file_is_one_error_and_imports_nothing(db_path, logbook, tmp_path, damage):
    good = tmp_path / "good.json"
    exchange_file(good, 3, seed_value=4)
    raw = good.read_bytes()
    raw = raw.replace(b'"title": "', b'"title": "\xe6\xb6\x88\xe9\x98\xb2', 1)  # a 消防 to truncate
    bad = tmp_path / "bad.json"
    bad.write_bytes(INVALID_UTF8[damage](raw))
    before = db_path.read_bytes()
    result = run("import", str(bad))
    assert result.exit_code in (1, 2), result.stderr
    assert "bad.json" in one_error(result)
    assert db_path.read_bytes() == before


def test_invalid_utf8_in_a_text_report_is_one_error(db_path, logbook, tmp_path):
    bad = tmp_path / "report.txt"
    bad.write_bytes("3月27日，安贞西里社区开展消防培训。".encode() + b"\xff\xfe\x80\x80")
    before = db_path.read_bytes()
    result = run("import-text", str(bad), "--dry-run")
    assert "Traceback" not in result.stderr
    if result.exit_code != 0:
        assert result.exit_code in (1, 2)
        one_error(result)
    assert db_path.read_bytes() == before


# -- where the logbook lives: a directory, a dangling link, a read-only folder ----------------------

READERS = [["list"], ["show", "abcd"], ["community", "list"], ["search", "培训"], ["report", "--by", "community"],
           ["digest"], ["export"], ["check"]]  # fmt: skip
WRITERS = [["add", "新的"], ["edit", "abcd", "--title", "新"], ["delete", "abcd", "--yes"], ["undo"],
           ["community", "add", "新社区"], ["community", "rename", "黄寺社区", "新名"],
           ["community", "remove", "黄寺社区"], ["check", "--fix"]]  # fmt: skip


ALL_COMMANDS = [pytest.param(a, id=" ".join(a)) for a in READERS + WRITERS]


@pytest.mark.parametrize("args", ALL_COMMANDS)
def test_a_logbook_path_that_is_a_directory_is_exit_3(tmp_path, args):
    folder = tmp_path / "adir"
    folder.mkdir()
    (folder / "keep.txt").write_text("不能动", encoding="utf-8")
    result = run("--db", str(folder), *args)
    assert result.exit_code == 3, result.stderr
    assert one_error(result) == f"Error: {folder} is a directory, not a logbook file"
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("args", ALL_COMMANDS)
def test_a_logbook_path_that_is_a_dangling_link_is_exit_3_and_stays_a_link(tmp_path, args):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "gone" / "logbook.json")
    result = run("--db", str(link), *args)
    assert result.exit_code == 3, result.stderr
    assert "symbolic link to a missing file" in one_error(result)
    assert link.is_symlink() and not (tmp_path / "gone").exists()


class ReadOnlyFolder:
    """A folder holding a logbook that even root cannot write to.

    Not root: chmod. Root: `chattr +i` (the immutable flag binds root) where the file system and
    the container's capabilities allow it; else the commands run as the user `nobody`, for whom
    chmod binds; else the test is skipped, saying why.
    """

    def __init__(self, base: Path) -> None:
        self.base = base
        self.folder = base / "ro"
        self.db = self.folder / "logbook.json"
        self.how = None
        self._undo = []

    def prepare(self, with_history: bool) -> None:
        self.folder.mkdir()
        if with_history:
            for title in ("一", "二"):
                assert run("--db", str(self.db), "add", title, "--people", "3").exit_code == 0
        if os.geteuid() != 0:
            self._lock_down_chmod()
            self.how = "chmod"
        elif self._try_chattr():
            self.how = "chattr"
        elif self._try_nobody():
            self.how = "nobody"
        else:
            pytest.skip(
                "running as root, and neither `chattr +i` (needs CAP_LINUX_IMMUTABLE and "
                "ext4/xfs) nor switching to the user nobody (needs a Python nobody can run) "
                "works here, so no folder can be made read-only for this process"
            )

    def _lock_down_chmod(self) -> None:
        backups = self.db.with_name(self.db.name + ".backups")
        for folder in (self.folder, backups):
            if folder.exists():
                folder.chmod(0o555)
                self._undo.append(lambda f=folder: f.chmod(0o755))

    def _try_chattr(self) -> bool:
        if not shutil.which("chattr"):
            return False
        folders = [self.folder, self.db.with_name(self.db.name + ".backups")]
        for folder in folders:
            if folder.exists():
                done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
                if done.returncode != 0:
                    self.close()
                    return False
                self._undo.append(lambda f=folder: subprocess.run(["chattr", "-i", str(f)]))
        try:
            (self.folder / "probe").write_text("x")
        except OSError:
            return True
        (self.folder / "probe").unlink()
        self.close()
        return False

    def _try_nobody(self) -> bool:
        import pwd

        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            return False
        self.uid, self.gid = nobody.pw_uid, nobody.pw_gid
        # the folders on the way must be open to nobody; tmp_path's root (pytest-of-root) is not
        scratch = Path(tempfile.mkdtemp(prefix="logbook-ro-"))
        scratch.chmod(0o755)
        self._undo.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
        moved = scratch / "ro"
        shutil.copytree(self.folder, moved, symlinks=True)
        self.folder, self.db = moved, moved / "logbook.json"
        for path in moved.rglob("*"):
            if path.is_file():
                os.chown(path, self.uid, self.gid)  # nobody may read and write the files...
        for folder in [moved, *[p for p in moved.rglob("*") if p.is_dir()]]:
            folder.chmod(0o555)  # ...but not create, rename or remove anything beside them
        probe = self._as_nobody([sys.executable, "-c", "import logbook"])
        return probe.returncode == 0

    def _as_nobody(self, argv, env=None) -> subprocess.CompletedProcess:
        def demote():
            os.setgid(self.gid)
            os.setuid(self.uid)

        return subprocess.run(
            argv,
            capture_output=True,
            text=True,
            encoding="utf-8",
            preexec_fn=demote,
            env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})),
            timeout=60,
        )

    def run(self, *args: str) -> Run:
        if self.how == "nobody":
            done = self._as_nobody([sys.executable, "-m", "logbook", "--db", str(self.db), *args])
            return Run(done.returncode, done.stdout, done.stderr)
        return run("--db", str(self.db), *args)

    def close(self) -> None:
        while self._undo:
            self._undo.pop()()


@pytest.fixture
def read_only(tmp_path):
    folder = ReadOnlyFolder(tmp_path)
    yield folder
    folder.close()


RO_WRITES = [["add", "新的"], ["edit", "@0", "--title", "新"], ["delete", "@0", "--yes"], ["undo"],
             ["community", "add", "新社区"]]  # fmt: skip


@pytest.mark.parametrize("with_history", [True, False], ids=["existing logbook", "new logbook"])
@pytest.mark.parametrize("args", [pytest.param(a, id=" ".join(a)) for a in RO_WRITES])
def test_a_logbook_on_a_read_only_folder_cannot_be_written_and_loses_nothing(read_only, args, with_history):
    read_only.prepare(with_history)
    before = read_only.db.read_bytes() if with_history else None
    if with_history:
        first = json.loads(read_only.run("list", "--format", "json").stdout)[-1]["id"]
        args = [first if a == "@0" else a for a in args]
    elif "@0" in args:
        pytest.skip("needs an activity")
    result = read_only.run(*args)
    line = one_error(result)
    if args == ["undo"] and not with_history and result.exit_code == 1:
        assert "nothing to undo" in line
    else:
        assert result.exit_code == 3, (read_only.how, result.stderr)
        assert str(read_only.db) in line, line
    if with_history:
        assert read_only.db.read_bytes() == before
        listing = read_only.run("list", "--format", "json")  # reading still works
        assert listing.exit_code == 0 and len(json.loads(listing.stdout)) == 2
    else:
        assert not read_only.db.exists()
    assert [p for p in read_only.folder.iterdir() if p.name.endswith(".tmp")] == []


# -- a full disk ----------------------------------------------------------------------------------


@contextmanager
def disk_full():
    """Every write of file content fails with ENOSPC, as on a full disk (the OS is simulated; our
    storage code runs unchanged)."""
    real_fdopen = os.fdopen
    with pytest.MonkeyPatch.context() as patch:  # never monkeypatch.undo(): it drops LOGBOOK_DB
        patch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
        yield


def _full_disk_writes(logbook, tmp_path):
    incoming = tmp_path / "in.json"
    exchange_file(incoming, 20, seed_value=6)
    return {
        "add": ["add", "新的", "--people", "3"],
        "edit": ["edit", logbook[0], "--title", "改"],
        "delete": ["delete", logbook[1], "--yes"],
        "community add": ["community", "add", "新社区"],
        "community rename": ["community", "rename", "黄寺社区", "黄寺新社区"],
        "community remove": ["community", "remove", "和平街一社区"],
        "import": ["import", str(incoming)],
    }


@pytest.mark.parametrize(
    "kind", ["add", "edit", "delete", "community add", "community rename", "community remove", "import"]
)
def test_a_full_disk_is_one_error_and_loses_nothing(db_path, logbook, tmp_path, kind):
    args = _full_disk_writes(logbook, tmp_path)[kind]
    before, entries = db_path.read_bytes(), history(db_path)
    with disk_full():
        result = run(*args)
    assert result.exit_code == 3, result.stderr
    assert one_error(result) == f"Error: cannot write {db_path}: the disk is full. The logbook was left as it was"
    assert db_path.read_bytes() == before
    assert history(db_path) == entries  # the undo history does not name a change that never happened
    assert leftovers(db_path) == []
    assert run("undo").stdout.startswith(f"Reverted: add {logbook[1][:8]} ")


def test_undo_still_works_on_a_full_disk(db_path, logbook):
    """Undo writes no new data, it only renames a backup back into place."""
    with disk_full():
        result = run("undo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Reverted: add {logbook[1][:8]} ")
    assert [r["id"] for r in run("list", "--format", "json").json] == [logbook[0]]
    assert run("undo").stdout.startswith(f"Reverted: add {logbook[0][:8]} ")


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "json"], ["export", "--format", "csv"], ["digest", "--week", "2025-W13"]],
    ids=["export json", "export csv", "digest"],
)
def test_an_output_file_on_a_full_disk_is_one_error_and_no_partial_file(db_path, logbook, tmp_path, args):
    target = tmp_path / "out" / "result.txt"
    target.parent.mkdir()
    with disk_full():
        result = run(*args, "-o", str(target))
    assert result.exit_code in (1, 3), result.stderr
    assert "disk is full" in one_error(result) or "No space left" in one_error(result)
    assert list(target.parent.iterdir()) == []


# -- written by a newer version, or damaged ---------------------------------------------------------


def _damage(db_path, how: str) -> None:
    if how == "newer":
        data = json.loads(db_path.read_text(encoding="utf-8"))
        data["_meta"]["1"]["schema_version"] = store_mod.SCHEMA_VERSION + 1
        db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif how == "empty":
        db_path.write_bytes(b"")
    elif how == "truncated":
        db_path.write_bytes(db_path.read_bytes()[:200])


EVERY_COMMAND = READERS + WRITERS + [["import", "@file"]]


@pytest.mark.parametrize("how", ["newer", "empty", "truncated"])
@pytest.mark.parametrize("args", [pytest.param(a, id=" ".join(a)) for a in EVERY_COMMAND])
def test_a_newer_or_damaged_logbook_is_exit_3_and_untouched(db_path, logbook, tmp_path, args, how):
    if "@file" in args:
        exchange_file(tmp_path / "in.json", 3, seed_value=2)
        args = [str(tmp_path / "in.json") if a == "@file" else a for a in args]
    args = [logbook[0] if a == "abcd" else a for a in args]
    _damage(db_path, how)
    before, entries = db_path.read_bytes(), history(db_path)
    result = run(*args)
    assert result.exit_code == 3, (result.stdout, result.stderr)
    line = one_error(result)
    assert line.startswith(f"Error: {db_path} ")
    if how == "newer":
        assert "written by a newer logbook" in line
    assert db_path.read_bytes() == before
    assert history(db_path) == entries
