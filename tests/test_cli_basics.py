"""What every command shares: where data lives, dates as typed, errors, literal user text,
pipes, the interactive prompt, help."""

import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, add, run, run_proc


def test_version_and_python_dash_m():
    from logbook import __version__

    assert run("--version").stdout == f"logbook {__version__}\n"
    result = run_proc("--version")
    assert result.exit_code == 0 and result.stdout == f"logbook {__version__}\n"


def test_db_option_beats_environment_beats_platform_dir(tmp_path, monkeypatch):
    env_db = tmp_path / "env.json"
    opt_db = tmp_path / "opt.json"
    monkeypatch.setenv("LOGBOOK_DB", str(env_db))
    assert run("add", "环境变量").exit_code == 0
    assert run("--db", str(opt_db), "add", "选项").exit_code == 0
    assert env_db.exists() and opt_db.exists()
    monkeypatch.delenv("LOGBOOK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run("add", "默认").exit_code == 0
    assert (tmp_path / "xdg" / "logbook" / "logbook.json").exists()


# Today is pinned to Sunday 2025-03-30 by conftest.
DATE_FORMS = [
    ("2025-03-27", "2025-03-27"),
    ("2025/3/27", "2025-03-27"),
    ("3/27", "2025-03-27"),
    ("2025年3月27日", "2025-03-27"),
    ("3月27日", "2025-03-27"),
    ("三月二十七日", "2025-03-27"),
    ("today", "2025-03-30"),
    ("yesterday", "2025-03-29"),
    ("今天", "2025-03-30"),
    ("昨天", "2025-03-29"),
    ("前天", "2025-03-28"),
    ("mon", "2025-03-24"),
    ("周三", "2025-03-26"),
    ("星期三", "2025-03-26"),
    ("上周三", "2025-03-19"),
    ("sun", "2025-03-30"),
    ("12月1日", "2024-12-01"),  # no year, and this year's would lie in the future
]


@pytest.mark.parametrize("typed, expected", DATE_FORMS)
def test_every_date_form_through_the_cli(typed, expected):
    activity_id = add("活动", "--date", typed)
    assert run("show", activity_id, "--format", "json").json["date"] == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-02-30", "2025-02 has 28 days"),
        ("13/45", "there is no month 13"),
        ("3月32日", "month 3 has at most 31 days"),
        ("明年", "expected YYYY-MM-DD"),
        ("someday", "expected YYYY-MM-DD"),
        ("", "expected YYYY-MM-DD"),
    ],
)
def test_bad_date_is_a_usage_error_naming_the_value(typed, expected, db_path):
    result = run("add", "活动", "--date", typed)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: invalid date '{typed}': {expected}")
    assert result.stderr.count("\n") == 1
    assert not db_path.exists()


def test_a_day_the_calendar_lacks_is_said_in_chinese(db_path, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    result = run("add", "活动", "--date", "2月30日")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：") and "2月30日" in result.stderr and "29" in result.stderr
    assert not any("a" <= ch <= "z" for ch in result.stderr)


@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "活动", "--people", "很多"], "Error: invalid head count '很多' for --people"),
        (["add", "活动", "--people", "-3"], "Error: invalid head count '-3' for --people"),
        (["add", "活动", "--start", "25:61"], "Error: invalid time '25:61'"),
        (["add", "活动", "--category", "跳舞"], "Error: category '跳舞' is not one of 培训 (training)"),
        (["add", "   "], "Error: title is empty"),
        (["add", "长" * 201], "Error: title is 201 characters long; at most 200 allowed"),
        (["add", "活动", "--start", "10:00", "--end", "09:00"], "Error: end 09:00 is before start 10:00"),
        (["list", "--week", "2025-W60"], "Error: invalid week '2025-W60'"),
        (["list", "--month", "2025-13"], "Error: invalid month '2025-13'"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args, message, db_path):
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not db_path.exists()


def test_unknown_option_is_exit_2():
    result = run("list", "--colour")
    assert result.exit_code == 2
    assert result.stderr == "Error: no such option: --colour; 'logbook list --help' lists the options\n"


def test_user_text_prints_literally(monkeypatch):
    title = "[red]红色[/red] \x1b[2J\x1b]0;hijack\x07清屏"
    activity_id = add(title, "--note", "[bold]x[/bold]\x1b[31m", "--tag", "[link=http://x]t[/link]")
    for args in (["list"], ["show", activity_id]):
        out = run(*args).stdout
        assert "\x1b" not in out and "\x07" not in out
        assert "[red]红色[/red]" in out
        assert "\\x1b[2J" in out
    assert "[bold]x[/bold]" in run("show", activity_id).stdout
    # the stored record keeps the text as given
    assert run("show", activity_id, "--format", "json").json["title"] == title


def test_confirmation_on_stderr_shows_control_characters_harmlessly():
    result = run("add", "标题\x1b[2J")
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


def test_piping_into_head_ends_quietly(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for i in range(60):
        add(f"活动{i}")
    proc = subprocess.run(
        f"'{sys.executable}' -m logbook list --all --format jsonl | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "Broken pipe" not in proc.stderr, proc.stderr


def _run_at_terminal(args, answer: bytes, lang: str = "en") -> tuple[int, str]:
    """Run the CLI with a pseudo-terminal as stdin/stdout, answer its prompt, return its output.

    A key written to the terminal just as the prompt appears might not reach the waiting read:
    after two quiet seconds the answer is given again, and a child still running after a minute
    is killed and the test fails with what it printed, rather than hanging the suite."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), LOGBOOK_LANG=lang)
    pid, fd = pty.fork()
    if pid == 0:
        # As at a person's terminal, Ctrl-C interrupts: a suite started in the background by a
        # shell without job control (`bash .ci/run &`) ignores SIGINT, and a program started
        # with SIGINT ignored keeps ignoring it (Python then installs no handler for it).
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execvpe(sys.executable, [sys.executable, "-m", "logbook", *args], env)
    output = b""
    answers = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 2)
        if not ready:
            if answers and answers < 4:
                os.write(fd, answer)  # the child is still waiting: the answer was not read
                answers += 1
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if not answers and (b"[y/N]" in output or "[是/否]".encode() in output):
            os.write(fd, answer)
            answers = 1
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError(f"the command did not end: {output.decode('utf-8', 'replace')}")
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


@pytest.mark.parametrize("answer, kept", [(b"n\n", True), (b"y\n", False)])
def test_delete_asks_at_a_terminal(answer, kept):
    activity_id = add("要不要删")
    code, output = _run_at_terminal(["delete", activity_id], answer)
    assert "Delete 1 activity? [y/N]" in output
    assert code == (1 if kept else 0)
    assert (run("show", activity_id).exit_code == 0) is kept


@pytest.mark.parametrize("key", [b"\x04", b"\x03"], ids=["ctrl-d", "ctrl-c"])
def test_ctrl_d_or_ctrl_c_at_the_prompt_cancels_with_130(key):
    activity_id = add("要不要删")
    code, output = _run_at_terminal(["delete", activity_id], key)
    assert code == 130
    assert output.rstrip().endswith("Interrupted"), output
    assert "Traceback" not in output and "Aborted" not in output
    assert run("show", activity_id).exit_code == 0


@pytest.mark.parametrize("answer, kept", [("是\n", False), ("好\n", False), ("否\n", True), ("\n", True)])
def test_the_prompt_speaks_chinese_and_takes_chinese_answers(answer, kept):
    activity_id = add("要不要删")
    code, output = _run_at_terminal(["delete", activity_id], answer.encode(), lang="zh")
    assert "删除 1 条活动？[是/否]" in output, output
    assert (run("show", activity_id).exit_code == 0) is kept
    if kept:
        assert "未删除任何活动" in output


def test_every_command_has_help_and_is_in_the_readme():
    import typer

    from logbook.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = typer.main.get_command(app)
    names = []
    for name, sub in command.commands.items():
        if hasattr(sub, "commands"):
            names += [f"{name} {child}" for child in sub.commands]
        else:
            names.append(name)
    assert {"add", "list", "show", "edit", "delete", "undo"} <= set(names)
    for name in names:
        result = run(*name.split(), "--help")
        assert result.exit_code == 0, name
        assert "Usage:" in result.stdout
        assert f"logbook {name}" in readme, f"`logbook {name}` missing from README.md"


def test_bidirectional_overrides_cannot_reorder_what_is_shown():
    activity_id = add("正常\u202e反向\u2066标题")
    for args in (["list"], ["show", activity_id]):
        out = run(*args).stdout
        assert "\u202e" not in out and "\u2066" not in out
        assert "\\x202e" in out or "\\u202e" in out


@pytest.mark.parametrize("value", ["inf", "nan", "soon"])
def test_lock_timeout_must_be_a_finite_number(value, monkeypatch):
    monkeypatch.setenv("LOGBOOK_LOCK_TIMEOUT", value)
    result = run("add", "活动")
    assert result.exit_code == 2
    assert result.stderr == f"Error: LOGBOOK_LOCK_TIMEOUT='{value}' is not a number of seconds\n"


def test_each_command_alone_builds_the_command_it_names():
    """A run builds only the command it names (logbook.cli.COMMAND_MODULES): the map must say
    where every command of the whole app is, and each command built alone must be the same."""
    import typer

    from logbook.cli import COMMAND_MODULES, app, build_app, command_named

    whole = typer.main.get_command(app)
    assert set(whole.commands) == set(COMMAND_MODULES)
    for name in COMMAND_MODULES:
        alone = typer.main.get_command(build_app(name))
        assert list(alone.commands) == [name]
        assert [p.name for p in alone.commands[name].params] == [p.name for p in whole.commands[name].params]
    assert command_named(["--db", "x.json", "add", "活动"]) == "add"
    assert command_named(["--db=x.json", "--sample", "community", "list"]) == "community"
    assert command_named(["--help"]) is None and command_named(["-h", "add"]) is None
    assert command_named(["ad"]) is None and command_named([]) is None


def test_a_mistyped_command_is_answered_by_the_whole_app(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "logbook", "--db", str(tmp_path / "l.json"), "ad", "活动"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 2
    assert proc.stderr == "Error: no such command: ad; did you mean add?\n"
