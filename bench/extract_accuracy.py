"""Precision and recall of `logbook import-text` per field, over the hand-labelled articles.

    python bench/extract_accuracy.py                 # the Markdown table
    python bench/extract_accuracy.py --misses        # and every wrong or missed value
    python bench/extract_accuracy.py --json          # the numbers, for programs
    python bench/extract_accuracy.py --labels tests/data/feed-labels.json   # the shared feed

Each labelled article (a file of tests/data/articles/, or with `"text"` in the labels file, an
article of that text by number) is read as `import-text` reads it, with the `today` and community
registry that the labels file gives, and compared with its labels:

* precision = correct values / values the extractor filled in; recall = correct values /
  values the labels hold. An empty field costs recall only; a wrong one costs both.
* Scalar fields (date, street, category, participants) count one value per article. A head
  count is correct when the number and its "over/about" mark both match.
* List fields (communities, speakers, partners) count each name.
* The title is correct when it equals one of the labelled titles, compared without quotes,
  spaces or a trailing 活动.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from logbook.extract import extract_article, split_text  # noqa: E402
from logbook.models import Community  # noqa: E402
from logbook.registry import Registry  # noqa: E402

DEFAULT_LABELS = ROOT / "tests" / "data" / "articles" / "labels.json"
SCALARS = ("date", "street", "category", "participants")
LISTS = ("communities", "speakers", "partners")
FIELDS = ("title", "date", "communities", "street", "participants", "category", "speakers", "partners")


def _norm_title(title: str) -> str:
    title = re.sub(r"[\s“”「」『』《》\"'‘’]", "", title)
    return title[: -len("活动")] if title.endswith("活动") and len(title) > 2 else title


def _value(record: dict, name: str):
    if name == "participants":
        if record.get("participants") is None:
            return None
        return (record["participants"], bool(record.get("participants_approx")))
    return record.get(name)


def _articles(labels_path: Path, labels: dict) -> dict[str, str]:
    """The raw text of each labelled article, by its key in the labels."""
    if "text" in labels:
        parts = split_text((labels_path.parent / labels["text"]).read_text(encoding="utf-8"))
        return {key: parts[int(key) - 1] for key in labels["articles"]}
    out = {}
    for name in labels["articles"]:
        parts = split_text((labels_path.parent / name).read_text(encoding="utf-8"))
        if len(parts) != 1:
            raise SystemExit(f"{name}: expected one article, found {len(parts)}")
        out[name] = parts[0]
    return out


def measure(labels_path: Path = DEFAULT_LABELS) -> dict:
    """Counts and rates per field, and the list of misses, over the labelled articles."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    texts = _articles(labels_path, labels)
    today = date.fromisoformat(labels["today"])
    registry = Registry(Community.from_dict(c) for c in labels["registry"])
    counts = {f: {"found": 0, "labelled": 0, "correct": 0} for f in FIELDS}
    misses: list[str] = []
    for name, gold in labels["articles"].items():
        record = extract_article(texts[name], source_name=name, today=today, registry=registry).record
        # Title: always filled; right when it is one of the accepted titles.
        c = counts["title"]
        c["found"] += 1
        c["labelled"] += 1
        if _norm_title(record["title"]) in {_norm_title(t) for t in gold["title"]}:
            c["correct"] += 1
        else:
            misses.append(f"{name} title: got {record['title']!r}, want one of {gold['title']}")
        for field in SCALARS:
            got = _value(record, field)
            want = _value(gold, field)
            c = counts[field]
            c["found"] += got is not None
            c["labelled"] += want is not None
            if got is not None and got == want:
                c["correct"] += 1
            elif got != want:
                misses.append(f"{name} {field}: got {got!r}, want {want!r}")
        for field in LISTS:
            got, want = list(record.get(field) or []), list(gold.get(field) or [])
            c = counts[field]
            c["found"] += len(got)
            c["labelled"] += len(want)
            c["correct"] += len(set(got) & set(want))
            if set(got) != set(want):
                misses.append(f"{name} {field}: got {got}, want {want}")
    rates = {}
    for field, c in counts.items():
        rates[field] = {
            **c,
            "precision": c["correct"] / c["found"] if c["found"] else None,
            "recall": c["correct"] / c["labelled"] if c["labelled"] else None,
        }
    return {"articles": len(labels["articles"]), "fields": rates, "misses": misses}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def markdown(result: dict) -> str:
    lines = [
        "| field | precision | recall | filled | labelled | correct |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for field in FIELDS:
        r = result["fields"][field]
        lines.append(
            f"| {field} | {_pct(r['precision'])} | {_pct(r['recall'])} | "
            f"{r['found']} | {r['labelled']} | {r['correct']} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="the labels file")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--misses", action="store_true", help="also list every wrong or missed value")
    args = parser.parse_args(argv)
    result = measure(args.labels)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['articles']} labelled articles\n")
    print(markdown(result), end="")
    if args.misses:
        print()
        for miss in result["misses"]:
            print(f"- {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
