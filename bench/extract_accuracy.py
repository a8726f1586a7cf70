"""Precision and recall of `logbook import-text` per field, over the hand-labelled articles.

    python bench/extract_accuracy.py                 # the Markdown table
    python bench/extract_accuracy.py --misses        # and every wrong or missed value
                                                     # (not the held-out part's: see --help)
    python bench/extract_accuracy.py --json          # the numbers, for programs
    python bench/extract_accuracy.py --labels tests/data/feed-labels.json   # the feed fixture
    python bench/extract_accuracy.py --labels bench/reports/real-reports-labels.json [--texts DIR]
                                                     # public reports, development and held-out

Each labelled article (a file of tests/data/articles/, or with `"text"` in the labels file, an
article of that text by number) is read as `import-text` reads it, with the `today` and community
registry that the labels file gives (and its `year`, if any, as `--year` gives it for days written
without one), and compared with its labels:

* precision = correct values / values the extractor filled in; recall = correct values /
  values the labels hold. An empty field costs recall only; a wrong one costs both.
* Scalar fields (date, street, category, participants) count one value per article. A head
  count is correct when the number and its "over/about" mark both match.
* List fields (communities, speakers, partners) count each name.
* The title is correct when it equals one of the labelled titles, compared without quotes,
  spaces or a trailing 活动.

A labels file with `"texts"` (a directory, relative to the labels file unless `--texts` gives
one) labels whole files of that directory, each read as `import-text` reads a file: split into
articles, with the first draft scored and the number of drafts reported (one report read as
several is a fault in itself). Such files are not ours and live outside the repository
(bench/reports/real-reports-labels.json: ../shared/data/real-reports). There, and in any labels file:

* a field missing from an article's labels (or a null title) is not scored for that article;
* names and titles are compared in Simplified without pinyin glosses, as drafts store them;
* `date_yearless` ("MM-DD") marks a day the text gives without any year: a date on that day
  in any year is not scored, another date is wrong, none is right;
* `held_out` (a list of files) splits the articles into a development part and a held-out
  part, measured and printed separately, each with the accuracy per field (articles where the
  field is exactly right, empty where the labels are empty) and per article.
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
from logbook.textnorm import strip_glosses, to_simplified  # noqa: E402

DEFAULT_LABELS = ROOT / "tests" / "data" / "articles" / "labels.json"
SCALARS = ("date", "street", "category", "participants")
LISTS = ("communities", "speakers", "partners")
FIELDS = ("title", "date", "communities", "street", "participants", "category", "speakers", "partners")


def _norm_name(name: str) -> str:
    return to_simplified(strip_glosses(name))


def _norm_title(title: str) -> str:
    title = re.sub(r"[\s“”「」『』《》\"'‘’]", "", _norm_name(title))
    return title[: -len("活动")] if title.endswith("活动") and len(title) > 2 else title


def _value(record: dict, name: str):
    if name == "participants":
        if record.get("participants") is None:
            return None
        return (record["participants"], bool(record.get("participants_approx")))
    if name == "street" and record.get(name):
        return _norm_name(record[name])
    return record.get(name)


def _articles(labels_path: Path, labels: dict, texts: Path | None = None) -> dict[str, list[str]]:
    """The raw text of each labelled article, by its key in the labels, as a list of the
    articles import-text reads in it (more than one only for a file of a `texts` directory)."""
    if "texts" in labels:
        folder = texts or (labels_path.parent / labels["texts"])
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such directory (give the report texts with --texts)")
        return {name: split_text((folder / name).read_text(encoding="utf-8")) for name in labels["articles"]}
    if "text" in labels:
        parts = split_text((labels_path.parent / labels["text"]).read_text(encoding="utf-8"))
        return {key: [parts[int(key) - 1]] for key in labels["articles"]}
    out = {}
    for name in labels["articles"]:
        parts = split_text((labels_path.parent / name).read_text(encoding="utf-8"))
        if len(parts) != 1:
            raise SystemExit(f"{name}: expected one article, found {len(parts)}")
        out[name] = parts
    return out


def measure(labels_path: Path = DEFAULT_LABELS, texts: Path | None = None, names=None) -> dict:
    """Counts and rates per field, and the list of misses, over the labelled articles (or
    those of them in `names`)."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    articles = {k: v for k, v in labels["articles"].items() if names is None or k in names}
    texts_of = _articles(labels_path, {**labels, "articles": articles}, texts)
    today = date.fromisoformat(labels["today"])
    registry = Registry(Community.from_dict(c) for c in labels["registry"])
    counts = {f: {"found": 0, "labelled": 0, "correct": 0, "scored": 0, "right": 0} for f in FIELDS}
    misses: list[str] = []
    split: dict[str, int] = {}
    per_article: list[float] = []
    for name, gold in articles.items():
        parts = texts_of[name]
        if len(parts) > 1:
            split[name] = len(parts)
        record = extract_article(
            parts[0], source_name=name, today=today, registry=registry, year=labels.get("year")
        ).record
        right: list[bool] = []

        def scored(field: str, ok: bool, right: list[bool] = right) -> None:
            counts[field]["scored"] += 1
            counts[field]["right"] += ok
            right.append(ok)

        # Title: always filled; right when it is one of the accepted titles.
        if gold.get("title"):
            c = counts["title"]
            c["found"] += 1
            c["labelled"] += 1
            ok = _norm_title(record["title"]) in {_norm_title(t) for t in gold["title"]}
            c["correct"] += ok
            scored("title", ok)
            if not ok:
                misses.append(f"{name} title: got {record['title']!r}, want one of {gold['title']}")
        for field in SCALARS:
            if field not in gold:
                continue
            got = _value(record, field)
            want = _value(gold, field)
            if field == "date" and gold.get("date_yearless") and want is None and got is not None:
                if got[5:] == gold["date_yearless"]:
                    continue  # the text gives no year: any year on that day is not scored
            c = counts[field]
            c["found"] += got is not None
            c["labelled"] += want is not None
            if got is not None and got == want:
                c["correct"] += 1
            elif got != want:
                misses.append(f"{name} {field}: got {got!r}, want {want!r}")
            scored(field, got == want)
        for field in LISTS:
            if field not in gold:
                continue
            got = [_norm_name(v) for v in record.get(field) or []]
            want = [_norm_name(v) for v in gold.get(field) or []]
            c = counts[field]
            c["found"] += len(got)
            c["labelled"] += len(want)
            c["correct"] += len(set(got) & set(want))
            if set(got) != set(want):
                misses.append(f"{name} {field}: got {got}, want {want}")
            scored(field, set(got) == set(want))
        per_article.append(sum(right) / len(right) if right else 1.0)
    rates = {}
    for field, c in counts.items():
        rates[field] = {
            **c,
            "precision": c["correct"] / c["found"] if c["found"] else None,
            "recall": c["correct"] / c["labelled"] if c["labelled"] else None,
            "accuracy": c["right"] / c["scored"] if c["scored"] else None,
        }
    return {
        "articles": len(articles),
        "fields": rates,
        "misses": misses,
        "split": split,
        "article_accuracy": sum(per_article) / len(per_article) if per_article else None,
        "articles_all_right": sum(1 for a in per_article if a == 1.0),
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def markdown(result: dict, accuracy: bool = False) -> str:
    """The table of the fields; with `accuracy`, the accuracy per field and per article too."""
    if not accuracy:
        lines = [
            "| field | precision | recall | filled | labelled | correct |",
            "|---|---:|---:|---:|---:|---:|",
        ]
    else:
        lines = [
            "| field | precision | recall | accuracy | filled | labelled | correct | articles right |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
    for field in FIELDS:
        r = result["fields"][field]
        if not accuracy:
            lines.append(
                f"| {field} | {_pct(r['precision'])} | {_pct(r['recall'])} | "
                f"{r['found']} | {r['labelled']} | {r['correct']} |"
            )
        elif r["scored"]:
            lines.append(
                f"| {field} | {_pct(r['precision'])} | {_pct(r['recall'])} | {_pct(r['accuracy'])} | "
                f"{r['found']} | {r['labelled']} | {r['correct']} | {r['right']} of {r['scored']} |"
            )
    if accuracy:
        split = result["split"]
        lines.append("")
        lines.append(
            f"Per article: {_pct(result['article_accuracy'])} of the scored fields right on average; "
            f"{result['articles_all_right']} of {result['articles']} articles with every field right; "
            f"{len(result['split'])} read as several drafts"
            + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(split.items())) + ")" if split else "")
            + "."
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="the labels file")
    parser.add_argument(
        "--texts",
        type=Path,
        default=None,
        help="the directory of the labelled texts, for a labels file that has `texts` "
        "(default: the one it names, e.g. ../shared/data/real-reports)",
    )
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="also list every wrong or missed value (of the development part only, where there is one)",
    )
    parser.add_argument(
        "--held-out-misses",
        action="store_true",
        help="list the held-out part's misses too: only for the final check, never for tuning",
    )
    args = parser.parse_args(argv)
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    held = labels.get("held_out")
    if held:
        development = [name for name in labels["articles"] if name not in held]
        parts = {
            "development": measure(args.labels, args.texts, development),
            "held_out": measure(args.labels, args.texts, held),
        }
    else:
        parts = {"all": measure(args.labels, args.texts)}
    if args.json:
        out = parts["all"] if "all" in parts else parts
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for part, result in parts.items():
        if part == "all":
            print(f"{result['articles']} labelled articles\n")
        else:
            heading = "Development" if part == "development" else "Held out"
            print(f"{heading}: {result['articles']} labelled articles\n")
        print(markdown(result, accuracy=bool(held) or "texts" in labels), end="")
        if args.misses and (part != "held_out" or args.held_out_misses):
            print()
            for miss in result["misses"]:
                print(f"- {miss}")
        if part == "development":
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
