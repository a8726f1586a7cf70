"""Time `logbook` commands as fresh processes against generated logbooks, beside the floors no
command can beat, and print the results as Markdown.

    python bench/run.py                          # 1k, 10k and 100k, 5 timed rounds each
    python bench/run.py --sizes 1k,10k --repeat 7
    python bench/run.py --write BENCHMARKS.md    # also replace the results block in that file

For each size: one warm-up round, then `--repeat` timed rounds. A round runs every floor and
every command once, in turn, so that a busy machine slows all of them alike; the table gives
medians. Each run is a fresh `python -m logbook …` process, its stdout a file (not a terminal,
as in a pipe or under cron); wall time is `time.perf_counter` around the process, peak memory
its maximum resident set size as `/usr/bin/time` reports it. (The rusage of a child started
from this process would count this process's own memory too: Linux keeps the high-water mark
of the address space a child had before its exec.)

The floors, measured in the same rounds:
- `python -c pass`: starting Python.
- import floor: a process that imports only the third-party modules the measured commands
  loaded (found with `python -X importtime`, limited to logbook's declared dependencies), the
  way logbook imports them (pypinyin without its phrase tables).
- parse floor: reading and `orjson.loads` of every file of the logbook, timed inside one
  process (start-up excluded), so that "import + parse" counts Python's start-up once.

Commands that do not exist yet (`logbook COMMAND --help` fails) are skipped and listed.
Data is generated into bench/data/ on first use (see bench/generate.py); the commands run on
copies in a scratch folder, so the generated logbooks stay as they were.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
import orjson  # noqa: E402

# Declared dependencies (pyproject.toml) by import name; only these make up the import floor.
DEPENDENCIES = ("typer", "rich", "tinydb", "dateutil", "filelock", "orjson", "platformdirs", "opencc", "pypinyin")
# Typer's pydantic layer coerces option values; logbook does that itself, so a command that
# still loads it pays for it rather than having it counted in the floor.
NOT_FLOOR = ("typer._adapters",)

MB = 1024 * 1024


@dataclass
class Item:
    """One thing timed: a floor or a command."""

    name: str
    argv: list[str]
    kind: str = "command"  # "floor" or "command"
    target: tuple[str, float] | None = None  # ("import" | "import+parse" | "import+touched", ratio)
    rss_limit_mb: float | None = None
    needs: str | None = None  # the logbook command that must exist
    restore: bool = False  # put the logbook back before each run (the command writes)
    work: bool = False  # runs on the writable copy
    times: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    skipped: str | None = None
    failed: str | None = None
    packages: list[str] = field(default_factory=list)


def logbook_files(path: Path) -> list[Path]:
    """Every file of a logbook: the named file and, when split by period, its partitions."""
    files = [path] if path.exists() else []
    parts = path.with_name(path.name + ".d")
    if parts.is_dir():
        files += sorted(p for p in parts.iterdir() if p.suffix == ".json")
    return files


def copy_logbook(source: Path, target: Path) -> None:
    """Copy a logbook (file and partitions) over `target`, removing what was there."""
    generate._remove_logbook(target)
    shutil.copy2(source, target)
    parts = source.with_name(source.name + ".d")
    if parts.is_dir():
        shutil.copytree(parts, target.with_name(target.name + ".d"))


def child_env(meta: dict, scratch: Path) -> dict:
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "LOGBOOK_DB", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)  # users' Python keeps its bytecode cache
    env.update(
        PYTHONPATH=str(ROOT),
        PYTHONIOENCODING="utf-8",
        LOGBOOK_TODAY=meta["today"],
        LOGBOOK_AUTHOR="何社工",
        LOGBOOK_CONFIG=str(scratch / "no-config.toml"),
        LOGBOOK_LOCK_TIMEOUT="60",
        COLUMNS="120",
        NO_COLOR="1",
    )
    return env


TIME = "/usr/bin/time"


def run_once(argv: list[str], env: dict, scratch: Path) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS in bytes, exit code and the last line of stderr of one fresh
    process."""
    out_path, err_path, rss_path = scratch / "stdout", scratch / "stderr", scratch / "rss"
    measured = os.access(TIME, os.X_OK)
    full = [TIME, "-f", "%M", "-o", str(rss_path), *argv] if measured else argv
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=scratch)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if measured:
        lines = rss_path.read_text().split()
        rss = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else 0
    else:  # an upper bound: counts this process too (see the module's docstring)
        rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    stderr = err_path.read_bytes().decode("utf-8", "replace").strip().splitlines()
    stderr = [line for line in stderr if not line.startswith("Command exited with non-zero status")]
    return elapsed, rss, proc.returncode, (stderr[-1] if stderr else "")


def imported_modules(argv: list[str], env: dict, scratch: Path) -> list[str]:
    """The modules a command imports, in order, from `python -X importtime`."""
    probe = [argv[0], "-X", "importtime", *argv[1:]]
    proc = subprocess.run(
        probe, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=scratch
    )
    names = []
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name and name != "package":
                names.append(name)
    return names


def third_party(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in DEPENDENCIES]


def command_exists(python: str, name: str, env: dict, scratch: Path) -> bool:
    proc = subprocess.run(
        [python, "-m", "logbook", name, "--help"], stdin=subprocess.DEVNULL, capture_output=True, env=env, cwd=scratch
    )
    return proc.returncode == 0


def floor_script(modules: list[str], scratch: Path) -> Path:
    script = scratch / "import_floor.py"
    script.write_text(
        "import importlib, os\n"
        "os.environ.setdefault('PYPINYIN_NO_PHRASES', '1')  # as logbook.textnorm imports it\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        pass\n",
        encoding="utf-8",
    )
    return script


def touched_files(db: Path, import_file: Path) -> list[Path]:
    """The files an import of `import_file` must read: the main file (the index) and the month
    files of the months its activities fall in."""
    main = orjson.loads(db.read_bytes())
    months = {str(a.get("date", ""))[:7] for a in orjson.loads(import_file.read_bytes()).get("activities", [])}
    folder = db.with_name(db.name + ".d")
    return [db] + [folder / e["file"] for e in main.get("periods", {}).values() if e["period"] in months]


def parse_seconds(python: str, files: list[Path], env: dict, scratch: Path) -> float:
    """Reading and parsing every file of the logbook, timed inside one process."""
    code = (
        "import sys, time, orjson\n"
        "t = time.perf_counter()\n"
        "for name in sys.argv[1:]:\n"
        "    with open(name, 'rb') as f:\n"
        "        orjson.loads(f.read())\n"
        "print(time.perf_counter() - t)\n"
    )
    proc = subprocess.run([python, "-c", code, *map(str, files)], capture_output=True, env=env, cwd=scratch, check=True)
    return float(proc.stdout)


def rewrite_seconds(python: str, files: list[Path], env: dict, scratch: Path) -> float:
    """Reading, parsing and writing back `files` the safe way (a temp file beside a copy, fsync,
    rename, the folder synced once), timed inside one process: what rewriting whole months costs
    before logbook does any work of its own."""
    out = scratch / "rewrite"
    out.mkdir(exist_ok=True)
    code = (
        "import os, sys, time, orjson\n"
        "out = sys.argv[1]\n"
        "t = time.perf_counter()\n"
        "for n, name in enumerate(sys.argv[2:]):\n"
        "    with open(name, 'rb') as f:\n"
        "        raw = f.read()\n"
        "    orjson.loads(raw)\n"
        "    tmp = os.path.join(out, f'.{n}.tmp')\n"
        "    with open(tmp, 'wb') as f:\n"
        "        f.write(raw)\n"
        "        f.flush()\n"
        "        os.fsync(f.fileno())\n"
        "    os.replace(tmp, os.path.join(out, str(n)))\n"
        "fd = os.open(out, os.O_RDONLY)\n"
        "os.fsync(fd)\n"
        "os.close(fd)\n"
        "print(time.perf_counter() - t)\n"
    )
    proc = subprocess.run(
        [python, "-c", code, str(out), *map(str, files)], capture_output=True, env=env, cwd=scratch, check=True
    )
    shutil.rmtree(out, ignore_errors=True)
    return float(proc.stdout)


def items_for(python: str, db: Path, work: Path, meta: dict, import_file: Path) -> list[Item]:
    lb = [python, "-m", "logbook"]
    return [
        Item("--version", lb + ["--version"], target=("import", 1.3)),
        Item("--help", lb + ["--help"], target=("import", 1.3)),
        Item(
            "add",
            lb
            + [
                "--db",
                str(work),
                "add",
                "垃圾分类桶前值守",
                "--community",
                "安贞西里",
                "--category",
                "志愿服务",
                "--people",
                "12",
            ],
            target=("import", 1.5),
            needs="add",
            work=True,
        ),
        Item(
            "list (latest 20)", lb + ["--db", str(db), "list"], target=("import", 1.5), rss_limit_mb=150, needs="list"
        ),
        Item(
            "show (id from year one)",
            lb + ["--db", str(db), "show", meta["old_id"]],
            target=("import", 1.5),
            needs="show",
        ),
        Item(
            f"search {meta['search_word']} (whole history)",
            lb + ["--db", str(db), "search", meta["search_word"]],
            target=("import+parse", 1.3),
            needs="search",
        ),
        Item(
            f"search {meta['search_word']} --all (every match read)",
            lb + ["--db", str(db), "search", "--all", meta["search_word"]],
            needs="search",
        ),
        Item(
            "report --by community (whole history)",
            lb + ["--db", str(db), "report", "--by", "community"],
            target=("import+parse", 1.3),
            rss_limit_mb=200,
            needs="report",
        ),
        Item(
            "digest (one week)",
            lb + ["--db", str(db), "digest", "--week", "2025-W13"],
            target=("import", 1.5),
            rss_limit_mb=150,
            needs="digest",
        ),
        Item(
            "export (all, json)",
            lb + ["--db", str(db), "export", "--format", "json"],
            target=("import+parse", 1.3),
            rss_limit_mb=200,
            needs="export",
        ),
        Item(
            "import (1,000 new)",
            lb + ["--db", str(work), "import", str(import_file)],
            target=("import+touched", 1.5),
            needs="import",
            restore=True,
            work=True,
        ),
        Item("list --all (into a pipe)", lb + ["--db", str(db), "list", "--all"], needs="list"),
        Item(
            "list --sort participants (top 20)",
            lb + ["--db", str(db), "list", "--sort", "participants"],
            rss_limit_mb=150,
            needs="list",
        ),
    ]


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def bench_size(size: str, args, python: str) -> dict:
    data_dir: Path = args.data
    source = data_dir / f"logbook-{size}.json"
    meta_path = data_dir / f"logbook-{size}.meta.json"
    import_file = data_dir / "import-1000.json"
    if not (source.exists() and meta_path.exists() and import_file.exists()):
        print(f"generating {size} into {data_dir} ...", file=sys.stderr)
        # in its own process, so that this one stays small (see run_once)
        subprocess.run(
            [python, str(ROOT / "bench" / "generate.py"), "--sizes", size, "--out", str(data_dir)], check=True
        )
    meta = orjson.loads(meta_path.read_bytes())
    scratch = Path(tempfile.mkdtemp(prefix=f"logbook-bench-{size}-"))
    try:
        db = scratch / "read" / "logbook.json"
        work = scratch / "work" / "logbook.json"
        pristine = scratch / "pristine" / "logbook.json"
        for path in (db, work, pristine):
            path.parent.mkdir(parents=True)
            copy_logbook(source, path)
        env = child_env(meta, scratch)
        items = items_for(python, db, work, meta, import_file)
        for item in items:
            if item.needs and not command_exists(python, item.needs, env, scratch):
                item.skipped = f"`logbook {item.needs}` does not exist yet"
        # Which libraries each command loads, and the import floor made of them.
        floor_modules: list[str] = []
        for item in items:
            if item.skipped:
                continue
            modules = third_party(imported_modules(item.argv, env, scratch))
            item.packages = sorted({m.split(".")[0] for m in modules})
            for m in modules:
                if m not in floor_modules and not m.startswith(NOT_FLOOR):
                    floor_modules.append(m)
            if item.restore:
                copy_logbook(pristine, work)
        if args.only:  # the floor stays that of every command, so that ratios compare across runs
            wanted = {n.strip() for n in args.only.split(",") if n.strip()}
            items = [i for i in items if i.name.split(" ")[0] in wanted]
        floors = [
            Item("python -c pass", [python, "-c", "pass"], kind="floor"),
            Item("import floor", [python, str(floor_script(floor_modules, scratch))], kind="floor"),
        ]
        files = logbook_files(db)
        touched = touched_files(db, import_file)
        # the months' keys files are written again with them
        rewritten = [*touched, *(p.with_name(p.name[: -len(".json")] + ".keys.json") for p in touched[1:])]
        parse, parse_touched, rewrite = [], [], []
        runnable = [i for i in floors + items if not i.skipped]
        load_before = os.getloadavg()
        for round_no in range(args.repeat + 1):
            timed = round_no > 0
            for item in runnable:
                if item.restore:
                    copy_logbook(pristine, work)
                elapsed, rss, code, last = run_once(item.argv, env, scratch)
                if code != 0:
                    item.failed = f"exit {code}: {last[:120]}"
                if timed:
                    item.times.append(elapsed)
                    item.rss.append(rss)
            if timed:
                parse.append(parse_seconds(python, files, env, scratch))
                parse_touched.append(parse_seconds(python, touched, env, scratch))
                rewrite.append(rewrite_seconds(python, rewritten, env, scratch))
            print(f"  {size}: round {round_no}/{args.repeat} done", file=sys.stderr)
        load_after = os.getloadavg()
        return {
            "size": size,
            "meta": meta,
            "floors": floors,
            "items": items,
            "parse_ms": statistics.median(parse) * 1000,
            "touched_ms": statistics.median(parse_touched) * 1000,
            "touched_files": len(touched),
            "rewrite_ms": statistics.median(rewrite) * 1000,
            "files": len(files),
            "bytes": sum(f.stat().st_size for f in files),
            "floor_modules": floor_modules,
            "load": (load_before[0], load_after[0]),
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def render(results: list[dict], command: str, repeat: int) -> str:
    lines = []
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines.append(
        f"Measured {stamp} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"median of {repeat} fresh processes after a warm-up:"
    )
    lines.append("")
    lines.append("```sh")
    lines.append(command)
    lines.append("```")
    for res in results:
        floors = {f.name: median_ms(f.times) for f in res["floors"]}
        floor_rss = max(res["floors"][1].rss) / MB
        py, imp = floors["python -c pass"], floors["import floor"]
        parse = res["parse_ms"]
        both = imp + parse
        meta = res["meta"]
        lines.append("")
        lines.append(
            f"### {meta['count']:,} activities ({res['bytes'] / MB:,.1f} MB in {res['files']} "
            f"file{'s' if res['files'] != 1 else ''}; load average {res['load'][0]:.1f} → {res['load'][1]:.1f})"
        )
        lines.append("")
        lines.append(
            f"Floors: `python -c pass` {py:.0f} ms; import floor {imp:.0f} ms ({floor_rss:.0f} MB); "
            f"parse floor {parse:.0f} ms; import + parse {both:.0f} ms; the index and the "
            f"{res['touched_files'] - 1} months an import of 1,000 touches parse in "
            f"{res['touched_ms']:.0f} ms (import + touched {imp + res['touched_ms']:.0f} ms); "
            f"reading them and writing them back with their keys files, as whole files written "
            f"safely, takes {res['rewrite_ms']:.0f} ms (import + rewrite "
            f"{imp + res['rewrite_ms']:.0f} ms)."
        )
        lines.append("")
        lines.append(
            "| command | median | peak RSS | × python | × import floor | × (import + parse) | target | result |"
        )
        lines.append("|---|--:|--:|--:|--:|--:|---|---|")
        for item in res["items"]:
            if item.skipped:
                lines.append(f"| {item.name} | — | — | — | — | — | | skipped: {item.skipped} |")
                continue
            ms = median_ms(item.times)
            rss = max(item.rss) / MB
            target, verdict = "", ""
            if (item.target or item.rss_limit_mb) and meta["count"] >= 100_000:
                said_parts, ok = [], True
                if item.target:
                    base, ratio = item.target
                    floor, said = {
                        "import": (imp, "import"),
                        "import+parse": (both, "import + parse"),
                        "import+touched": (imp + res["touched_ms"], "import + touched"),
                    }[base]
                    said_parts.append(f"≤ {ratio}× {said}")
                    ok = ms <= floor * ratio
                if item.rss_limit_mb:  # (a memory budget alone: list --sort, timed with no target)
                    said_parts.append(f"RSS < {item.rss_limit_mb:.0f} MB")
                    ok = ok and rss < item.rss_limit_mb
                target = ", ".join(said_parts)
                verdict = "pass" if ok else "**FAIL**"
            if item.failed:
                verdict = f"**failed** ({item.failed})"
            lines.append(
                f"| {item.name} | {ms:,.0f} ms | {rss:,.0f} MB | {ms / py:.1f} | {ms / imp:.2f} | "
                f"{ms / both:.2f} | {target} | {verdict} |"
            )
        lines.append("")
        loaded = sorted({p for i in res["items"] for p in i.packages})
        lines.append(
            "Libraries loaded: "
            + "; ".join(
                f"{i.name.split(' (')[0]}: {', '.join(i.packages) or 'none'}" for i in res["items"] if not i.skipped
            )
            + f". The import floor imports {len(res['floor_modules'])} modules of "
            f"{', '.join(loaded)}."
        )
    return "\n".join(lines) + "\n"


START, END = "<!-- bench/run.py results: start -->", "<!-- bench/run.py results: end -->"


def write_into(path: Path, text: str) -> None:
    """Replace the results block of `path` (between the markers), or add one at the end of its
    `## Speed` section."""
    doc = path.read_text(encoding="utf-8")
    block = f"{START}\n{text}{END}"
    if START in doc and END in doc:
        doc = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, doc, flags=re.S)
    else:
        match = re.search(r"^## Speed\s*$", doc, flags=re.M)
        if not match:
            raise SystemExit(f"{path} has no '## Speed' section")
        nxt = re.search(r"^## ", doc[match.end() :], flags=re.M)
        at = match.end() + (nxt.start() if nxt else len(doc) - match.end())
        doc = doc[:at].rstrip("\n") + "\n\n" + block + "\n\n" + doc[at:]
    path.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 1k,10k,100k")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument(
        "--data", type=Path, default=generate.DEFAULT_OUT, help="where the generated logbooks are (default bench/data)"
    )
    parser.add_argument(
        "--write", type=Path, metavar="FILE", help="also put the results into FILE's '## Speed' section"
    )
    parser.add_argument(
        "--only",
        metavar="NAMES",
        help="comma-separated commands to time (e.g. import,add; default all); the floors are always measured",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        raise SystemExit("--repeat must be at least 1")
    sizes = generate.parse_sizes(args.sizes)
    python = sys.executable
    shown = ["python", "bench/run.py", "--sizes", ",".join(sizes), "--repeat", str(args.repeat)]
    if args.only:
        shown += ["--only", args.only]
    results = [bench_size(size, args, python) for size in sizes]
    text = render(results, shlex.join(shown), args.repeat)
    sys.stdout.write(text)
    if args.write:
        write_into(args.write, text)


if __name__ == "__main__":
    main()
