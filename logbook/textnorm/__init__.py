"""Chinese text handling: the search key, scraped articles, and the order and look-up of names.

Our users type Simplified Chinese through a pinyin keyboard, while the material they log arrives
in both scripts and often scraped from web pages. Everything here serves three jobs:

* **Search.** Record and query are both folded to one key form (`fold`): pinyin glosses removed,
  NFKC, Simplified, case-folded, whitespace collapsed. Converting the query to Traditional
  instead fails, because that conversion is one-to-many and scraped Traditional is non-standard
  (`理發`, `志愿服務`, `安貞西裡`); see shared/guide/CHINESE.md for the measurements.
* **Scraped articles.** `clean_scrape` removes markup leftovers and glosses; `damaged_spans`
  points at text lost in the scrape, which we report and never try to guess back.
* **Names.** `pinyin_sort_key` orders community and street names as a Chinese reader expects,
  `pinyin_match` finds `安贞西里社区` from `anzhen` or `azxl`, and `suggest` offers near misses.

opencc and pypinyin are imported lazily, on first use: most commands never need them and the
start-up time of every command matters (`import logbook.textnorm` imports neither).
"""

from .folding import (
    FIELD_SEPARATOR,
    fold,
    highlight_spans,
    matches,
    search_key,
    split_terms,
    strip_glosses,
    to_simplified,
)
from .names import pinyin_forms, pinyin_match, pinyin_sort_key, strip_suffix, suggest
from .scraped import clean_scrape, damaged_spans, split_articles

__all__ = [
    "clean_scrape",
    "damaged_spans",
    "fold",
    "highlight_spans",
    "matches",
    "pinyin_forms",
    "pinyin_match",
    "pinyin_sort_key",
    "search_key",
    "split_articles",
    "split_terms",
    "strip_glosses",
    "strip_suffix",
    "suggest",
    "to_simplified",
    "FIELD_SEPARATOR",
]
