"""What a hostile review found about output and input paths: `-o` aimed at the logbook's own
files, escape sequences reaching a terminal through machine formats, arguments that are not
UTF-8, a closed stdin or a broken editor, and paths that are not files (a device, a FIFO, an
empty name). Each ends in one `Error:` line with its exit code, and loses nothing."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from conftest import ROOT, Run, add, run
from conftest import at_terminal as run_at_terminal

import logbook.inputs


def one_error(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("Error: "), stderr
    return stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# -- 3. no -o may overwrite the logbook's own files ----------------------------------------------


@pytest.fixture
def two_months(db_path):
    add("消防安全培训", "--date", "2025-03-20", "--community", "安贞西里社区")
    add("垃圾分类宣传", "--date", "2025-02-10", "--community", "黄寺社区")
    return db_path


def _own_files(db: Path) -> dict[str, Path]:
    month = next(p for p in sorted(db.with_name(db.name + ".d").iterdir()) if p.name.startswith("2025-03"))
    return {
        "main file": db,
        "month file": month,
        "new file in the month folder": month.with_name("新.json"),
        "history": db.with_name(db.name + ".backups") / "history.json",
        "new file in the backups": db.with_name(db.name + ".backups") / "x.json",
        "lock": db.with_name(db.name + ".lock"),
        "main file through ..": db.parent / "子" / ".." / db.name,
        "month through ..": db.with_name(db.name + ".d") / ".." / (db.name + ".d") / month.name,
    }


COMMANDS = {
    "export json": ["export"],
    "export csv": ["export", "--format", "csv"],
    "digest": ["digest", "--week", "2025-W12"],
    "digest html": ["digest", "--week", "2025-W12", "--format", "html"],
}


OWN_FILES = [
    "main file",
    "month file",
    "new file in the month folder",
    "history",
    "new file in the backups",
    "lock",
    "main file through ..",
    "month through ..",
]


@pytest.mark.parametrize("target", OWN_FILES)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_output_option_writes_over_the_logbooks_own_files(two_months, tmp_path, command, target):
    (tmp_path / "子").mkdir()
    before = snapshot(tmp_path)
    path = _own_files(two_months)[target]
    result = run(*COMMANDS[command], "-o", str(path))
    assert result.exit_code == 2, result.stderr
    message = one_error(result.stderr)
    assert str(path) in message and "expected a file outside the logbook" in message
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_symlink_to_the_logbook_or_its_folder_is_refused_too(two_months, tmp_path, command):
    link = tmp_path / "链接.json"
    link.symlink_to(two_months)
    folder_link = tmp_path / "月份"
    folder_link.symlink_to(two_months.with_name(two_months.name + ".d"))
    before = snapshot(tmp_path)
    for path in (link, folder_link / "x.json"):
        result = run(*COMMANDS[command], "-o", str(path))
        assert result.exit_code == 2, result.stderr
        assert str(path) in one_error(result.stderr)
    assert snapshot(tmp_path) == before
    assert link.is_symlink()


def test_the_refusal_says_what_the_path_is(two_months):
    result = run("digest", "-o", str(two_months))
    assert result.stderr == (
        f"Error: -o {two_months} is the logbook itself; expected a file outside the logbook and its folders\n"
    )
    month_dir = two_months.with_name(two_months.name + ".d")
    result = run("export", "-o", str(month_dir / "a.json"))
    assert result.stderr == (
        f"Error: -o {month_dir / 'a.json'} is inside the logbook's folder {month_dir}; "
        "expected a file outside the logbook and its folders\n"
    )


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_directory_is_refused_as_an_output_file(two_months, tmp_path, command):
    result = run(*COMMANDS[command], "-o", str(tmp_path))
    assert result.exit_code == 2
    assert one_error(result.stderr) == f"Error: -o {tmp_path} is a directory; expected a file name\n"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_file_beside_the_logbook_is_written(two_months, tmp_path, command):
    target = tmp_path / "logbook.json.d.txt"  # a name that only starts like the folder
    result = run(*COMMANDS[command], "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.stat().st_size > 0


# -- 10. nothing a record holds can drive a terminal ----------------------------------------------

SEQUENCES = {
    "OSC 52 clipboard write": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "OSC 8 link": "\x1b]8;;https://example.com\x1b\\点我\x1b]8;;\x1b\\",
    "colour": "\x1b[31m",
    "bell": "\x07",
    "backspace": "\x08",
    "C1 CSI": "\x9b2J",
    "bidi override": "\u202e",
}
EVIL = "".join(SEQUENCES.values())
RAW = [s.encode() for s in SEQUENCES.values()] + [b"\x1b]", b"\x07", b"\x08", "\x9b".encode(), "\u202e".encode()]


def at_terminal(*args: str, env: dict | None = None) -> bytes:
    """`logbook ARGS` at a terminal 200 columns wide."""
    return run_at_terminal(*args, env=env, columns=200)


@pytest.fixture
def hostile_record(db_path, registry):
    activity_id = add(
        f"前{EVIL}后",
        "--date",
        "2025-03-27",
        "--community",
        "安贞西里社区",
        "--note",
        f"注{EVIL}释",
        "--tag",
        f"标{EVIL}签",
        "--people",
        "20",
    )
    return activity_id


TERMINAL_VIEWS = {
    "list md": ["list", "--format", "md"],
    "list csv": ["list", "--format", "csv"],
    "list json": ["list", "--format", "json"],
    "list jsonl": ["list", "--format", "jsonl"],
    "search csv": ["search", "前", "--format", "csv"],
    "show json": ["show", "{id}", "--format", "json"],
    "export json": ["export"],
    "export jsonl": ["export", "--format", "jsonl"],
    "export csv": ["export", "--format", "csv"],
    "export md": ["export", "--format", "md"],
    "report by tag csv": ["report", "--by", "tag", "--format", "csv"],
    "report by tag md": ["report", "--by", "tag", "--format", "md"],
    "digest": ["digest", "--week", "2025-W13"],
    "digest md": ["digest", "--week", "2025-W13", "--format", "md"],
    "digest html": ["digest", "--week", "2025-W13", "--format", "html"],
    "digest json": ["digest", "--week", "2025-W13", "--format", "json"],
}


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("view", list(TERMINAL_VIEWS))
def test_machine_formats_at_a_terminal_show_escape_sequences_as_text(hostile_record, db_path, view):
    args = [a.replace("{id}", hostile_record) for a in TERMINAL_VIEWS[view]]
    shown = at_terminal(*args, env={"LOGBOOK_DB": str(db_path)})
    text = shown.decode("utf-8", errors="replace")
    assert ("前" in text and "后" in text) or "标" in text, text
    if view != "digest":  # the digest at a terminal is drawn by Rich, with colour of its own
        assert b"\x1b" not in shown, shown
    for raw in RAW:
        assert raw not in shown, (raw, shown)
    # Shown, not obeyed: as plain.safe writes it, or as JSON escapes it.
    assert any(f"{esc}]52;c;" in text for esc in ("\\x1b", "\\\\x1b", "\\u001b")), text


@pytest.mark.parametrize(
    "args", [["list", "--format", "csv"], ["export", "--format", "md"], ["list", "--format", "jsonl"]]
)
def test_off_a_terminal_the_text_is_kept_as_it_is(hostile_record, args):
    out = run(*args).stdout
    assert "\x9b2J\u202e后" in out  # JSON escapes ESC and BEL as \u001b, \u0007: still the same text
    assert "\x1b]52;c;cm0gLXJmIH4=\x07" in out or "\\u001b]52;c;cm0gLXJmIH4=\\u0007" in out


def test_an_export_file_keeps_the_text_as_it_is(hostile_record, tmp_path):
    target = tmp_path / "导出.csv"
    assert run("export", "--format", "csv", "-o", str(target)).exit_code == 0
    assert EVIL in target.read_text(encoding="utf-8-sig")


def test_the_digest_shows_bidi_overrides_as_text(hostile_record):
    for fmt in ("text", "md", "html"):
        out = run("digest", "--week", "2025-W13", "--format", fmt).stdout
        assert "\u202e" not in out and "\\x202e" in out, fmt


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_gbk_export_at_a_terminal_is_made_safe_in_gbk(db_path):
    add("前\x1b]52;c;cm0gLXJmIH4=\x07后", "--date", "2025-03-27")
    shown = at_terminal("export", "--format", "csv", "--encoding", "gbk", env={"LOGBOOK_DB": str(db_path)})
    assert b"\x1b" not in shown and b"\x07" not in shown
    assert "前\\x1b]52;c;cm0gLXJmIH4=\\x07后".encode("gbk") in shown


# -- 11. arguments that are not UTF-8 ----------------------------------------------------------------


def run_bytes(*args: bytes | str, env: dict | None = None, cwd: Path | None = None, stdin=None):
    """The CLI as a process given raw bytes in its arguments, as a shell passes $'\\xff'."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
    full_env.update(env or {})
    argv = [sys.executable.encode(), b"-m", b"logbook"]
    argv += [a if isinstance(a, bytes) else a.encode() for a in args]
    proc = subprocess.run(
        argv,
        env={os.fsencode(k): os.fsencode(v) for k, v in full_env.items()},
        capture_output=True,
        timeout=60,
        cwd=cwd,
        stdin=stdin,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


GBK_NAME = "工作日志.json".encode("gbk")


@pytest.mark.parametrize(
    "args, shown",
    [
        ((b"add", b"\xff"), "'\\xff'"),
        ((b"add", "培训".encode(), b"--note", b"\xff\xfe\xe5"), "'\\xff\\xfe\\xe5'"),
        ((b"add", "讲座".encode("gbk")), "'\\xbd\\xb2\\xd7\\xf9'"),
        ((b"list", b"--community", b"\xb0\xb2\xd5\xea"), "'\\xb0\\xb2\\xd5\\xea'"),
        ((b"search", "消防".encode("gbk")), "'\\xcf\\xfb\\xb7\\xc0'"),
    ],
)
def test_an_argument_that_is_not_utf8_is_one_error(db_path, args, shown):
    result = run_bytes(*args)
    assert result.exit_code == 2, result.stderr
    message = one_error(result.stderr)
    assert (
        message
        == f"Error: the argument {shown} is not UTF-8 text; expected UTF-8 (is the terminal or the script in another encoding, such as GBK?)\n"
    )
    assert not db_path.exists()


@pytest.mark.parametrize("command", [["add", "培训"], ["list"], ["import", "{file}"]])
def test_a_logbook_named_in_gbk_bytes_is_refused_before_anything_is_written(tmp_path, command):
    folder = tmp_path / "库"
    folder.mkdir()
    exchange = tmp_path / "导入.json"
    exchange.write_text(
        '[{"date": "2025-03-01", "title": "消防安全培训"}, {"date": "2025-04-02", "title": "垃圾分类"}]',
        encoding="utf-8",
    )
    args = [a.replace("{file}", str(exchange)) for a in command]
    for how in ("--db", "LOGBOOK_DB"):
        path = os.fsencode(folder) + b"/" + GBK_NAME
        if how == "--db":
            result = run_bytes(b"--db", path, *args)
        else:
            result = run_bytes(*args, env={"LOGBOOK_DB": os.fsdecode(path)})
        assert result.exit_code == 2, (how, result.stderr)
        message = one_error(result.stderr)
        assert "\\xb9\\xa4\\xd7\\xf7" in message and "UTF-8" in message, message
        assert os.listdir(folder) == [], (how, os.listdir(folder))


def test_an_author_that_is_not_utf8_is_one_error(db_path):
    result = run_bytes("add", "培训", env={"LOGBOOK_AUTHOR": os.fsdecode(b"\xcd\xf5")})
    assert result.exit_code == 2
    assert one_error(result.stderr) == (
        "Error: LOGBOOK_AUTHOR='\\xcd\\xf5' is not UTF-8 text; expected UTF-8 (is the terminal or "
        "the script in another encoding, such as GBK?)\n"
    )
    assert not db_path.exists()


# -- 13. a closed stdin, an editor that misbehaves ------------------------------------------------


def _shell(command: str, db_path: Path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", LOGBOOK_DB=str(db_path))
    proc = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env, timeout=60)
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize(
    "args, message",
    [
        (
            "import-text - --yes",
            "Error: standard input is closed; expected the articles on it for '-', or name a file of articles\n",
        ),
        (
            "import-text - --dry-run",
            "Error: standard input is closed; expected the articles on it for '-', or name a file of articles\n",
        ),
    ],
)
def test_a_closed_stdin_is_one_error(db_path, args, message):
    result = _shell(f"exec '{sys.executable}' -m logbook {args} <&-", db_path)
    assert result.exit_code == 2, result.stderr
    assert one_error(result.stderr) == message
    assert not db_path.exists()


def test_delete_with_a_closed_stdin_refuses_as_without_a_terminal(db_path):
    activity_id = add("消防安全培训")
    result = _shell(f"exec '{sys.executable}' -m logbook delete {activity_id} <&-", db_path)
    assert result.exit_code == 2, result.stderr
    assert one_error(result.stderr) == (
        "Error: refusing to delete without confirmation: not at a terminal; pass --yes\n"
    )
    assert run("show", activity_id).exit_code == 0


@pytest.mark.parametrize("args", ["list --format csv", "export", "add 消防安全培训"])
def test_a_closed_stdout_is_one_error_and_nothing_is_done(db_path, args):
    result = _shell(f"exec '{sys.executable}' -m logbook {args} >&-", db_path)
    assert result.exit_code == 2, result.stderr
    assert one_error(result.stderr) == (
        "Error: standard output is closed; expected a terminal, a file or a pipe to write to\n"
    )
    assert not db_path.exists()


def test_a_closed_stderr_hides_no_failure(db_path):
    result = _shell(f"exec '{sys.executable}' -m logbook add '   ' 2>&-", db_path)
    assert result.exit_code == 2 and result.stdout == ""  # a crash would be exit 1
    assert not db_path.exists()


@pytest.mark.parametrize("editor", ["rm -f", 'sh -c \'rm "$0" && mkdir "$0"\''])
def test_an_editor_that_deletes_the_file_is_one_error(db_path, monkeypatch, tmp_path, editor):
    activity_id = add("消防安全培训")
    before = db_path.read_bytes()
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "临时"))
    (tmp_path / "临时").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    result = run("edit", activity_id, "--editor")
    assert result.exit_code == 2, result.stderr
    line = one_error(result.stderr)
    path = line.split("(")[-1].split(")")[0]
    assert path.startswith(str(tmp_path / "临时"))
    assert line == f"Error: the editor {editor!r} left no file to read back ({path}); nothing was changed\n"
    assert db_path.read_bytes() == before
    assert os.listdir(tmp_path / "临时") == []  # no temp file or folder left behind


@pytest.mark.parametrize("editor", ['vim "', "vim 'x", "vim \\"])
def test_an_editor_command_that_cannot_be_split_is_one_error(db_path, monkeypatch, editor):
    activity_id = add("消防安全培训")
    before = db_path.read_bytes()
    monkeypatch.setenv("EDITOR", editor)
    result = run("edit", activity_id, "--editor")
    assert result.exit_code == 2
    assert one_error(result.stderr).startswith(f"Error: EDITOR={editor!r} is not a command line: ")
    assert one_error(result.stderr).endswith("; expected an editor command such as 'vim' or 'nano -w'\n")
    assert db_path.read_bytes() == before


def test_visual_is_named_when_it_is_the_one_used(db_path, monkeypatch):
    activity_id = add("消防安全培训")
    monkeypatch.setenv("VISUAL", 'code "')
    result = run("edit", activity_id, "--editor")
    assert result.exit_code == 2
    assert one_error(result.stderr).startswith("Error: VISUAL='code \"' is not a command line: ")


# -- 18. paths that are not files, empty paths, endless waits ---------------------------------------


def run_limited(*args: str, env: dict | None = None, timeout: float = 30):
    """The CLI as a process whose memory is capped at 2 GB, so that a regression reading a device
    to exhaustion fails the test instead of the machine."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    full_env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", **(env or {}))
    proc = subprocess.run(
        [sys.executable, "-m", "logbook", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        preexec_fn=limit,
        stdin=subprocess.DEVNULL,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize("how", ["--db", "LOGBOOK_DB", "symlink"])
@pytest.mark.parametrize("args", [["list"], ["add", "消防安全培训"], ["export"]])
def test_a_device_as_the_logbook_is_refused_before_it_is_opened(tmp_path, how, args):
    link = tmp_path / "logbook.json"
    if how == "symlink":
        link.symlink_to("/dev/zero")
    db = str(link) if how == "symlink" else "/dev/zero"
    result = run_limited(
        *(["--db", db] if how == "--db" else []), *args, env={"LOGBOOK_DB": db if how != "--db" else str(link)}
    )
    assert result.exit_code == 3, result.stderr
    assert one_error(result.stderr) == (
        f"Error: {db} is a character device, not a logbook file; expected a regular file\n"
    )
    assert sorted(os.listdir(tmp_path)) == (["logbook.json"] if how == "symlink" else [])


@pytest.mark.parametrize("args", [["list"], ["add", "消防安全培训"], ["undo"]])
def test_a_fifo_as_the_logbook_is_refused_without_waiting_or_locking(tmp_path, args):
    fifo = tmp_path / "logbook.json"
    os.mkfifo(fifo)
    result = run_limited("--db", str(fifo), *args, timeout=20)
    assert result.exit_code == 3, result.stderr
    assert one_error(result.stderr) == (
        f"Error: {fifo} is a FIFO (named pipe), not a logbook file; expected a regular file\n"
    )
    assert os.listdir(tmp_path) == ["logbook.json"]  # no lock, no month folder


@pytest.fixture
def default_place(tmp_path, monkeypatch):
    """Where the default logbook would be, watched so that no test writes there."""
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    return data_home


def test_an_empty_db_option_is_refused_not_taken_for_the_default(default_place, monkeypatch):
    monkeypatch.delenv("LOGBOOK_DB")
    for args in (["add", "消防安全培训"], ["list"]):
        result = run("--db", "", *args)
        assert result.exit_code == 2
        assert one_error(result.stderr) == "Error: --db '' is empty; expected the path of a logbook file\n"
    assert not default_place.exists()


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_logbook_db_is_refused_not_taken_for_the_default(default_place, monkeypatch, value):
    monkeypatch.setenv("LOGBOOK_DB", value)
    result = run("add", "消防安全培训")
    assert result.exit_code == 2
    assert one_error(result.stderr) == (
        f"Error: LOGBOOK_DB={value!r} is empty; expected the path of a logbook file, "
        "or no LOGBOOK_DB for the default one\n"
    )
    assert not default_place.exists()


def test_a_blank_db_option_is_refused(db_path):
    result = run("--db", "  ", "list")
    assert result.exit_code == 2
    assert one_error(result.stderr) == "Error: --db '  ' is empty; expected the path of a logbook file\n"


@pytest.mark.parametrize("value", ["99999999999999999999", "1e308", "600.5", "-1"])
def test_a_lock_timeout_out_of_range_is_refused(db_path, monkeypatch, value):
    monkeypatch.setenv("LOGBOOK_LOCK_TIMEOUT", value)
    result = run("add", "消防安全培训")
    assert result.exit_code == 2
    assert one_error(result.stderr) == (
        f"Error: LOGBOOK_LOCK_TIMEOUT={value!r} is out of range; expected 0 to 600 seconds\n"
    )
    assert not db_path.exists()


@pytest.mark.parametrize("value", ["0", "600", "0.5"])
def test_a_lock_timeout_in_range_is_taken(db_path, monkeypatch, value):
    monkeypatch.setenv("LOGBOOK_LOCK_TIMEOUT", value)
    assert run("add", "消防安全培训").exit_code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "/dev/zero"], "Error: /dev/zero is a character device; expected an exchange file\n"),
        (["import", "--dry-run", "/dev/zero"], "Error: /dev/zero is a character device; expected an exchange file\n"),
        (
            ["import-text", "/dev/zero", "--dry-run"],
            "Error: '/dev/zero' is a character device: expected a text file of articles\n",
        ),
    ],
)
def test_a_device_named_as_an_input_file_is_never_read(db_path, args, message):
    result = run_limited(*args, env={"LOGBOOK_DB": str(db_path)})
    assert result.exit_code == 2, result.stderr
    assert one_error(result.stderr) == message
    assert not db_path.exists()


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(logbook.inputs, "MAX_INPUT_BYTES", 1000)
    return 1000


def _feed_fifo(path: Path, payload: bytes):
    def writer():
        try:
            with open(path, "wb") as handle:
                handle.write(payload)
        except BrokenPipeError:  # the reader stopped at the cap
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


def test_an_endless_pipe_is_read_only_up_to_the_stated_maximum(db_path, tmp_path, small_cap):
    fifo = tmp_path / "导入.json"
    os.mkfifo(fifo)
    thread = _feed_fifo(fifo, b"[" + b" " * 5000 + b"]")
    result = run("import", str(fifo))
    thread.join(timeout=10)
    assert result.exit_code == 2
    assert one_error(result.stderr) == (
        f"Error: {fifo} holds more than 1000 bytes; expected an exchange file of at most 1000 bytes\n"
    )
    assert not db_path.exists()


def test_a_file_over_the_maximum_is_refused_unread(db_path, tmp_path, small_cap):
    big = tmp_path / "大.txt"
    big.write_bytes("社区活动\n".encode() * 200)
    result = run("import-text", str(big), "--dry-run")
    assert result.exit_code == 2
    assert one_error(result.stderr) == (
        f"Error: {str(big)!r} holds more than 1000 bytes; expected a text file of articles of at most 1000 bytes\n"
    )


def test_standard_input_over_the_maximum_is_refused(db_path, small_cap):
    result = run("import-text", "-", "--dry-run", input="社区活动\n" * 200)
    assert result.exit_code == 2
    assert one_error(result.stderr) == (
        "Error: standard input holds more than 1000 bytes; expected a text of articles of at most 1000 bytes\n"
    )


def test_the_stated_maximum_is_512_mb():
    assert logbook.inputs.MAX_INPUT_BYTES == 512 * 1024 * 1024


def test_a_pipe_named_as_a_file_is_still_read(db_path, tmp_path):
    """Process substitution (`import <(…)`) names a pipe: that is how a shell feeds a file."""
    source = tmp_path / "导入.json"
    source.write_text('[{"date": "2025-03-01", "title": "消防安全培训"}]', encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", LOGBOOK_DB=str(db_path))
    proc = subprocess.run(
        ["bash", "-c", f"'{sys.executable}' -m logbook import <(cat '{source}')"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert [a["title"] for a in run("list", "--format", "json").json] == ["消防安全培训"]
