"""Time and peak memory of writing activities to an .xlsx ledger and of reading one back.

    python bench/ledger_speed.py                      # write 10,000 and 100,000; read 10,000
    python bench/ledger_speed.py --write 10000 --read 10000 --import 10000

The activities are bench/generate.py's realistic ones (notes of ~300 characters, 8% without a
head count), made at run time; the ledgers go to a temporary folder removed afterwards. Each
measurement runs in a fresh process so that one's memory is not another's: `peak RSS` is that
process's maximum resident set size (getrusage), `base RSS` what it held before the step (the
activities built, or for reading, the libraries imported), so the difference is the step's own.
`CPU` is the step's processor time, which a busy machine inflates less than the wall time.
`import` is the whole command, `logbook import LEDGER` into an empty logbook in a process of its
own (start-up, reading, validation, merge and writing), timed from outside: its peak RSS is the
command's, and it has no base. Prints Markdown table rows.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _current_rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child_write(count: int, path: str) -> None:
    from generate import activities

    from logbook.ledgers import write_ledger

    acts = activities(count)
    base = _current_rss_mib()
    started, cpu = time.perf_counter(), time.process_time()
    write_ledger(path, acts, title=f"和平街街道 {count}条 社区活动台账")
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    _row("write .xlsx", count, took, cpu, base, os.path.getsize(path))


def child_read(count: int, path: str) -> None:
    from datetime import date

    from logbook.ledgers import read_ledger

    base = _current_rss_mib()
    started, cpu = time.perf_counter(), time.process_time()
    got = read_ledger(path, today=date(2025, 3, 30))
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert len(got.rows) == count and not got.problems, (len(got.rows), got.problems[:3])
    _row("read .xlsx", count, took, cpu, base, os.path.getsize(path))


def run_import(count: int, path: str, folder: str) -> None:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        LOGBOOK_DB=str(Path(folder) / f"import-{count}.json"),
        LOGBOOK_CONFIG=str(Path(folder) / "none.toml"),
        LOGBOOK_LANG="en",
    )
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "logbook", "import", path],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
    took = time.perf_counter() - started
    assert status == 0 and f"+{count} " in out, out
    cpu = usage.ru_utime + usage.ru_stime
    print(
        f"| logbook import .xlsx | {count:,} | {took:.1f} s | {cpu:.1f} s | - | "
        f"{usage.ru_maxrss / 1024:.0f} MiB | {os.path.getsize(path) / 2**20:.1f} MiB |"
    )


def _row(step: str, count: int, took: float, cpu: float, base: float, size: int) -> None:
    print(
        f"| {step} | {count:,} | {took:.1f} s | {cpu:.1f} s | {base:.0f} MiB | {_rss_mib():.0f} MiB "
        f"| {size / 2**20:.1f} MiB |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--read", type=int, nargs="*", default=[10_000])
    parser.add_argument("--import", dest="imports", type=int, nargs="*", default=[10_000])
    parser.add_argument("--child", nargs=3, metavar=("STEP", "COUNT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, count, path = args.child
        (child_write if step == "write" else child_read)(int(count), path)
        return
    print("| step | activities | time | CPU | base RSS | peak RSS | file |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        runs = [("write", n) for n in args.write]
        runs += [("write", n) for n in {*args.read, *args.imports} if n not in args.write]
        for step, count in runs:
            path = str(Path(folder) / f"ledger-{count}.xlsx")
            quiet = step == "write" and count not in args.write
            subprocess.run(
                [sys.executable, __file__, "--child", step, str(count), path],
                check=True,
                stdout=subprocess.DEVNULL if quiet else None,
            )
        for count in args.read:
            path = str(Path(folder) / f"ledger-{count}.xlsx")
            subprocess.run([sys.executable, __file__, "--child", "read", str(count), path], check=True)
        for count in args.imports:
            run_import(count, str(Path(folder) / f"ledger-{count}.xlsx"), folder)


if __name__ == "__main__":
    main()
