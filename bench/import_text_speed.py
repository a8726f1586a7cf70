"""Time `logbook import-text` on one realistic report line repeated to a given size.

    python bench/import_text_speed.py                       # 0.8 MB and 3.2 MB, median of 3
    python bench/import_text_speed.py --sizes 0.8,3.2,4 --repeat 5
    python bench/import_text_speed.py --code /path/to/other/checkout   # another version's code

The line is the first of tests/data/articles/01.txt (a date, a community, a partner, a quoted
event name); repeated without blank lines it is one article of thousands of sentences, which is
where a reader that looks around each date by scanning every sentence goes quadratic. Each run
is a fresh process (`python -m logbook import-text FILE --dry-run --format json`) against an
empty logbook in a temporary directory; the input is made there too and removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE_SOURCE = ROOT / "tests" / "data" / "articles" / "01.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.8,3.2", help="input sizes in MB (10^6 bytes), comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the median is shown")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose logbook to run")
    args = parser.parse_args()
    if not (args.code / "logbook" / "__init__.py").is_file():
        # (else the logbook installed beside this Python would be measured in its place)
        parser.error(f"--code {args.code}: no logbook package there")

    line = LINE_SOURCE.read_text(encoding="utf-8").splitlines()[0] + "\n"
    one = len(line.encode("utf-8"))
    print(f"code: {args.code}; line of {one} bytes; median of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            PYTHONPATH=str(args.code),
            LOGBOOK_DB=str(Path(tmp) / "logbook.json"),
            LOGBOOK_CONFIG=str(Path(tmp) / "no-config.toml"),
            LOGBOOK_TODAY="2025-06-30",
        )
        for size in (float(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"report-{size}MB.txt"
            path.write_text(line * int(size * 1_000_000 // one), encoding="utf-8")
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                proc = subprocess.run(
                    [sys.executable, "-m", "logbook", "import-text", str(path), "--dry-run", "--format", "json"],
                    env=env,
                    cwd=tmp,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                times.append(time.perf_counter() - start)
                if proc.returncode != 0:
                    print(f"{size} MB: exit {proc.returncode}: {proc.stderr.strip()}")
                    break
            else:
                mb = path.stat().st_size / 1_000_000
                print(f"{mb:.1f} MB: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
