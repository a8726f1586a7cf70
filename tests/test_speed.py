"""What keeps commands fast: option values converted without pydantic (and exactly as Typer
would), long listings streamed to pipes, and the benchmark's generated logbooks being real
logbooks."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, add, run, run_proc

import logbook.commands.common as common
from logbook.errors import UsageError
from logbook.models import Activity


def _loaded_modules(*args: str) -> set[str]:
    """The modules a real `logbook ARGS...` process has loaded when it ends."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: sys.__stderr__.write('MODULES ' + ' '.join(sys.modules) + '\\n'))\n"
        "sys.argv = ['logbook', *sys.argv[1:]]\n"
        "from logbook.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES ")][-1]
    return set(line.split()[1:])


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["list"],
        ["list", "--limit", "3", "--format", "json"],
        ["add", "社区议事会", "--people", "12", "--tag", "议事"],
        ["community", "list"],
        ["list", "--help"],
    ],
)
def test_commands_run_without_pydantic(args):
    modules = _loaded_modules(*args)
    assert "typer" in modules
    assert not any(m == "pydantic" or m.startswith("pydantic.") for m in modules)


def test_version_and_help_load_no_storage_or_tables():
    for args in (["--version"], ["--help"]):
        modules = _loaded_modules(*args)
        for heavy in ("logbook.storage", "tinydb", "rich.table", "opencc", "pypinyin", "dateutil.parser", "filelock"):
            assert heavy not in modules, (args, heavy)


def _app_params():
    """Every Typer parameter of the app (help options included), with a context to convert in."""
    import typer.main

    from logbook.cli import app

    root = typer.main.get_command(app)
    ctx = root.make_context("logbook", ["list"], resilient_parsing=True)
    found = []
    pending = [root]
    while pending:
        cmd = pending.pop()
        params = list(cmd.params) + [cmd.get_help_option(ctx)]
        found += [(cmd, p) for p in params if p is not None and hasattr(p, "type_descriptor")]
        pending.extend(getattr(cmd, "commands", {}).values())
    return ctx, found


def _samples(annotation):
    from enum import Enum
    from typing import get_args, get_origin

    if get_origin(annotation) is list:
        inner = get_args(annotation)[0]
        return [tuple(v for v in _samples(inner)[:2]), ()]
    if annotation is str:
        return ["安贞西里社区", "abc", ""]
    if annotation is int:
        return ["0", "1", "40", 7]
    if annotation is bool:
        return [True, False]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [m.value for m in annotation] + list(annotation)
    return []


def test_lean_conversion_gives_what_typer_gives_for_every_parameter():
    from typer._coercion import build_runtime_param

    from logbook.commands.coercion import _lean_class, _plain

    lean_cls = _lean_class()
    ctx, params = _app_params()
    checked = 0
    for _, param in params:
        desc = param.type_descriptor
        assert _plain(desc.annotation), f"{param.name}: {desc.annotation} would load pydantic"
        lean = lean_cls(parameter_info=desc.parameter_info, annotation=desc.annotation)
        typer_way = build_runtime_param(desc)
        for value in _samples(desc.annotation):
            try:
                expected = typer_way._coerce_value(value, param=param, ctx=ctx)
            except Exception:  # not a value of the option: the lean way refuses it too, in our words
                with pytest.raises(UsageError):
                    lean._coerce_value(value, param=param, ctx=ctx)
                continue
            got = lean._coerce_value(value, param=param, ctx=ctx)
            assert got == expected and type(got) is type(expected), (param.name, value)
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--limit", "x"], "invalid value 'x' for --limit: expected a whole number of at least 1"),
        (["list", "--limit", "0"], "invalid value '0' for --limit: expected a whole number of at least 1"),
        (["list", "--limit", "-3"], "invalid value '-3' for --limit: expected a whole number of at least 1"),
        (["list", "--format", "xml"], "invalid value 'xml' for --format: expected one of table, json, jsonl, csv, md"),
        (["list", "--limit", "５"], "invalid value '５' for --limit: expected a whole number of at least 1"),
        (["list", "--min-people", "-1"], "invalid value '-1' for --min-people: expected a whole number of at least 0"),
    ],
)
def test_bad_values_get_one_line_naming_what_is_accepted(args, message, monkeypatch):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"
    monkeypatch.setenv("LOGBOOK_LANG", "zh")
    chinese = run(*args)
    assert chinese.exit_code == 2
    assert chinese.stderr.startswith("错误：") and "invalid" not in chinese.stderr


# -- long listings into a pipe ----------------------------------------------------------------


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


def test_short_listing_to_a_pipe_is_the_rich_table(monkeypatch):
    for i in range(3):
        add(f"活动{i}", "--date", f"2025-03-0{i + 1}")
    before = run("list").stdout
    monkeypatch.setattr(common, "STREAM_AFTER", 2)  # now the same three rows are streamed
    streamed = run("list").stdout
    assert before.splitlines()[0].split() == streamed.splitlines()[0].split()
    assert [ln.split() for ln in before.splitlines()] == [ln.split() for ln in streamed.splitlines()]


def test_long_listing_to_a_pipe_streams_aligned_folded_rows(monkeypatch):
    import logbook.render as render

    monkeypatch.setattr(common, "STREAM_AFTER", 3)
    built = []
    real_table = render.activity_table
    monkeypatch.setattr(render, "activity_table", lambda rows, **kw: built.append(rows) or real_table(rows, **kw))
    ids = [
        add("短", "--date", "2025-03-01", "--people", "8"),
        add(
            "社区老年人防范电信诈骗专题讲座暨反诈宣传进万家系列活动第三场，邀请派出所民警结合真实案例讲解常见骗术",
            "--date",
            "2025-03-02",
            "--people",
            "40+",
            "--community",
            "安贞西里社区",
            "--community",
            "和平街十一社区",
        ),
        add("标题里有控制字符\x1b[31m红", "--date", "2025-03-03"),
        add("議事協商會", "--date", "2025-03-04", "--category", "会议"),
        add("Mixed 英文 and 中文 title", "--date", "2025-03-05", "--people", "120"),
    ]
    result = run("list", "--all")
    assert result.exit_code == 0, result.stderr
    assert built == []  # no Rich table was built
    out = result.stdout
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Date", "Title", "Category", "Communities", "People"]
    assert all(_cells(ln) <= 120 for ln in lines)
    for activity_id in ids:
        assert activity_id[:8] in out
    assert "\x1b" not in out and "\\x1b[31m红" in out  # printed literally, never obeyed
    assert "…" not in out
    # Every column starts at the same cell on every line: the date column of each row, and the
    # folded continuation of the long title lines up under the title.
    date_at = _cells(lines[0][: lines[0].index("Date")])
    title_at = _cells(lines[0][: lines[0].index("Title")])
    for line in lines[1:]:
        m = re.match(r"([0-9a-f]{8})  (\d{4}-\d\d-\d\d)  ", line)
        if m:
            assert _cells(line[: m.start(2)]) == date_at
        else:  # a folded continuation line: blank up to the title column at least
            assert line[:title_at].strip() == ""
    folded = "".join(
        ln[title_at:].split("  ")[0].strip()
        for ln in lines
        if "社区老年人" in ln or (ln[:title_at].strip() == "" and ln[title_at : title_at + 1].strip())
    )
    assert "社区老年人防范电信诈骗专题讲座暨反诈宣传进万家系列活动第三场" in folded
    # Right-aligned head counts end in the same cell.
    ends = {_cells(ln) for ln in lines[1:] if re.search(r"\s(8|40\+|120)$", ln)}
    assert len(ends) == 1


def test_streamed_and_machine_formats_hold_the_same_rows(monkeypatch):
    monkeypatch.setattr(common, "STREAM_AFTER", 2)
    for i in range(7):
        add(f"活动{i}", "--date", f"2025-03-1{i}")
    ids = [r["id"][:8] for r in run("list", "--all", "--format", "json").json]
    rows = [ln.split()[0] for ln in run("list", "--all").stdout.splitlines()[1:]]
    assert rows == ids


def test_stream_widths_fit_the_console_and_fold_the_widest_first():
    from logbook.render import stream_activity_lines, stream_widths

    a = Activity(
        id="a" * 32,
        date="2025-03-01",
        title="标" * 80,
        category="便民服务",
        communities=["安贞西里社区"] * 1,
        participants=12,
        created_at="2025-03-01T00:00:00Z",
        updated_at="2025-03-01T00:00:00Z",
    )
    widths = stream_widths([a], 80)
    assert sum(widths) + 2 * 5 <= 80
    assert widths[0] == 8 and widths[1] == 10
    lines = "".join(stream_activity_lines([a], widths)).splitlines()
    assert len(lines) > 2 and all(_cells(ln) <= 80 for ln in lines)


# -- the benchmark's generated logbooks ---------------------------------------------------------


def test_generated_logbook_is_valid_and_deterministic(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    first = generate.activities(300)
    again = generate.activities(300)
    assert [a.to_dict() for a in first] == [a.to_dict() for a in again]
    for a in first:
        Activity.from_dict(a.to_dict())  # every record passes validation
    assert len({c for a in first for c in a.communities}) >= 30
    assert 200 <= sum(len(a.notes or "") for a in first) / len(first) <= 340
    info = generate.write_logbook(tmp_path / "lb.json", 300)
    assert not (tmp_path / "lb.json.backups").exists()  # no undo history to remove the logbook
    result = run_proc("--db", str(tmp_path / "lb.json"), "list", "--all", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = result.json
    assert len(records) == 300
    assert records[0]["date"] <= info["today"]
    shown = run_proc("--db", str(tmp_path / "lb.json"), "show", info["old_id"], "--format", "json")
    assert shown.json["id"].startswith(info["old_id"])
