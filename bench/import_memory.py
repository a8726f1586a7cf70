"""Peak memory and wall time of `logbook import` of one large JSON Lines file of tiny records.

    python bench/import_memory.py                              # 1,000,000 records over 72 months
    python bench/import_memory.py --records 1000000 --months 1 # all in one month (refused)
    python bench/import_memory.py --shape envelope             # or csv: the same records
    python bench/import_memory.py --code /tmp/old              # the logbook package of another checkout

The input is generated at run time into a temporary folder and removed afterwards: one record a
line, only a date and a title (`{"date":"2021-07-14","title":"活动0000001"}`, ~46 bytes), no id,
the dates spread evenly over `--months` months from 2020-01; `--shape envelope` puts the same
objects in an exchange envelope, one a line, and `--shape csv` writes them as a sheet. The import runs as a fresh
`python -m logbook` process into an empty logbook in the same folder; its peak memory is the
maximum resident set size that `/usr/bin/time -v` reports for it (the rusage of a child of
this process would count this process's own memory too). Prints one Markdown table row.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate(path: Path, records: int, months: int, shape: str = "jsonl") -> int:
    """Write the input; returns its size in bytes."""
    per_month = -(-records // months)
    if shape == "csv":
        form, head, tail = "{date},{title}\n", "date,title\n", ""
    elif shape == "envelope":
        form = '    {{"date":"{date}","title":"{title}"}},\n'
        head, tail = '{\n  "format": "logbook",\n  "version": 1,\n  "activities": [\n', '  ],\n  "deleted": []\n}\n'
    else:
        form, head, tail = '{{"date":"{date}","title":"{title}"}}\n', "", ""
    with open(path, "wb") as handle:
        handle.write(head.encode("utf-8"))
        lines = []
        for i in range(records):
            m = i // per_month
            year, month = 2020 + m // 12, m % 12 + 1
            lines.append(form.format(date=f"{year}-{month:02d}-{i % 28 + 1:02d}", title=f"活动{i:07d}"))
            if len(lines) == 10_000 or i == records - 1:
                chunk = "".join(lines)
                if i == records - 1 and shape == "envelope":
                    chunk = chunk[:-2] + "\n"  # no comma after the last
                handle.write(chunk.encode("utf-8"))
                lines.clear()
        handle.write(tail.encode("utf-8"))
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=72)
    parser.add_argument("--shape", choices=("jsonl", "envelope", "csv"), default="jsonl")
    parser.add_argument("--code", type=Path, default=ROOT, help="the folder holding the logbook package to run")
    args = parser.parse_args()
    if not (args.code / "logbook" / "__init__.py").is_file():
        # (else the logbook installed beside this Python would be measured in its place)
        parser.error(f"--code {args.code}: no logbook package there")
    with tempfile.TemporaryDirectory(prefix="logbook-import-memory-") as tmp:
        folder = Path(tmp)
        source = folder / f"tiny.{'json' if args.shape == 'envelope' else args.shape}"
        size = generate(source, args.records, args.months, args.shape)
        env = dict(
            os.environ,
            PYTHONPATH=str(args.code),
            LOGBOOK_DB=str(folder / "logbook.json"),
            LOGBOOK_CONFIG=str(folder / "none.toml"),
            LOGBOOK_AUTHOR="bench",
            LOGBOOK_TODAY="2025-12-31",
        )
        argv = ["/usr/bin/time", "-v", sys.executable, "-m", "logbook", "import", str(source)]
        started = time.perf_counter()
        proc = subprocess.run(argv, env=env, cwd=folder, capture_output=True, text=True)
        wall = time.perf_counter() - started
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        said = next((line for line in proc.stderr.splitlines() if line.startswith(("Error:", "import ", "total:"))), "")
        if not said:
            said = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        rss_mb = int(rss[1]) / 1024 if rss else float("nan")
        print(
            f"| {args.shape}: {args.records:,} records, {args.months} months, {size / 1e6:.1f} MB "
            f"| {wall:.1f} s | {rss_mb:,.0f} MB | exit {proc.returncode}: {said[:100]} |"
        )


if __name__ == "__main__":
    main()
