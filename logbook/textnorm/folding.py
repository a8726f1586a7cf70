"""The search key: pinyin glosses removed, NFKC, Simplified, case-folded, whitespace collapsed;
matching a key and the spans to highlight."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

# ---------------------------------------------------------------------------------------------
# Pinyin glosses

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_HANZI_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Exactly the rule measured on the sample feed: ASCII parentheses right after a CJK character,
# holding one syllable of at most six letters with exactly one tone mark. Anything looser eats
# real content such as `(院)`, `(12345)` or `(WeChat)`; full-width `（…）` is never a gloss.
_GLOSS_BODY = rf"(?=[a-zü{_TONED}]{{1,6}}\))[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,4}}\)"
_GLOSS = re.compile(rf"(?<=[{_HANZI_CLASS}])\({_GLOSS_BODY}")


def strip_glosses(text: str) -> str:
    """Remove pinyin glosses such as the `(xùn)` in `培訓(xùn)`, and nothing else."""
    return _GLOSS.sub("", text)


# ---------------------------------------------------------------------------------------------
# Traditional to Simplified


@functools.lru_cache(maxsize=1)
def _converter():
    # Building the converter loads opencc's dictionaries (~20 ms): only when text is folded.
    import opencc

    return opencc.OpenCC("t2s")


# opencc keeps 著 everywhere (`隨著` → `随著`), but in Simplified it is 着 except in the words
# where it is read zhù; measured on our queries, folding it found the last query that missed.
# 裡 is folded in case an opencc build leaves it (安貞西裡 must find 安贞西里).
_EXTRA_FOLD = {"著": "着", "裡": "里"}
# The zhù words (著名, 显著, 名著 …) keep 著 in text we show; the search key folds them anyway.
_ZHUO = re.compile(r"(?<![显顯卓土名原编編专專论論巨昭遗遺译譯合新拙])著(?![名作称稱述者录錄书書])")


def to_simplified(text: str) -> str:
    """Convert to Simplified Chinese for display and extraction (opencc t2s, phrase-aware).

    On top of opencc, 裡 becomes 里 and 著 becomes 着 except in the words where 著 is the correct
    Simplified character (著名, 著作, 显著, 名著 …), so that text we show stays correct.
    """
    if not text:
        return text
    out = _converter().convert(text)
    out = out.replace("裡", "里")
    if "著" in out:
        out = _ZHUO.sub("着", out)
    return out


def _is_hanzi_code(code: int) -> bool:
    return (
        0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F
    )


class _CharFold(dict):
    """A str.translate table folding each character to Simplified on its own, filled lazily.

    The search key needs a fold that ignores context: a gloss or a space inside a word changes
    which phrase opencc sees (`乾(qián)隆` vs `乾隆`), and both sides of a search must still agree.
    Entries are computed on first sight, so nothing is paid for characters never seen.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _EXTRA_FOLD.get(ch, ch)
        if _is_hanzi_code(code):
            convert = _converter().convert
            # A few conversions chain (薴 → 苧 → 苎); follow them so the fold is idempotent.
            for _ in range(4):
                nxt = convert(out)
                nxt = "".join(_EXTRA_FOLD.get(c, c) for c in nxt)
                if nxt == out:
                    break
                out = nxt
        self[code] = out
        return out


_CHAR_FOLD = _CharFold()


# ---------------------------------------------------------------------------------------------
# The search key
#
# Each step below works on a string and, when highlighting, on a parallel list giving for each
# character the position in the original text it came from. fold() runs the same steps without
# the list, so the highlighted text and the search key cannot drift apart.

_WS = re.compile(r"\s+")
# fold() turns every run of whitespace into one space, so a line break can never appear in a
# folded query and a phrase can never match across two fields. Not a control character such as
# \x1f: the key is stored in the JSON logbook, where those would be written as \u escapes.
FIELD_SEPARATOR = "\n"

Mapped = tuple[str, "list[int] | None"]


def _strip_glosses_mapped(s: str, idx: list[int] | None) -> Mapped:
    # Removing a gloss can bring another one next to a character (`培(xùn)(xùn)`): repeat.
    while True:
        spans = [m.span() for m in _GLOSS.finditer(s)]
        if not spans:
            return s, idx
        parts, keep, pos = [], [], 0
        for start, end in spans:
            parts.append(s[pos:start])
            if idx is not None:
                keep.extend(idx[pos:start])
            pos = end
        parts.append(s[pos:])
        if idx is not None:
            keep.extend(idx[pos:])
        s, idx = "".join(parts), (keep if idx is not None else None)


def _nfkc_casefold_mapped(s: str, idx: list[int] | None) -> Mapped:
    # NFKC folds full-width letters and digits (ＷｅＣｈａｔ, ２０２５) to ASCII; casefold can
    # leave text that is not NFKC (and NFKC can make capitals: ℌ → H), so repeat to a fixpoint.
    for _ in range(4):
        if unicodedata.is_normalized("NFKC", s) and s.casefold() == s:
            break
        if idx is None:
            normal = unicodedata.normalize("NFKC", s)
            folded = normal.casefold()
            if folded == normal:  # NFKC and case-folded: the fixpoint, without normalising again
                return normal, None
            s = unicodedata.normalize("NFKC", folded)
            continue
        out, out_idx = [], []
        # One base character with its combining marks is normalised as a unit.
        start = 0
        for i in range(1, len(s) + 1):
            if i == len(s) or not unicodedata.combining(s[i]):
                piece = unicodedata.normalize("NFKC", s[start:i]).casefold()
                piece = unicodedata.normalize("NFKC", piece)
                out.append(piece)
                out_idx.extend([idx[start]] * len(piece))
                start = i
        s, idx = "".join(out), out_idx
    return s, idx


def _chinese_mapped(s: str, idx: list[int] | None) -> Mapped:
    if not any(_is_hanzi_code(ord(c)) for c in s):
        return s, idx
    # Phrase-aware first, so that `藉口` meets a query typed as `借口`, then per character, so
    # that a phrase split by a gloss or typed in either script folds to the same key. The
    # per-character fold can complete a phrase opencc knows (`藉著` → `藉着` → `借着`): repeat
    # until nothing changes, which keeps fold() idempotent.
    convert = _converter().convert
    for _ in range(4):
        before = s
        converted = convert(s)
        if len(converted) == len(s) or idx is None:
            s = converted
        # else: a phrase changed length (not seen in practice); keep the per-character fold
        # only, which keeps positions exact for highlighting.
        folded = s.translate(_CHAR_FOLD)
        if idx is not None and len(folded) != len(s):
            idx = [i for c, i in zip(s, idx) for _ in _CHAR_FOLD[ord(c)]]
        s = folded
        if s == before:
            break
    return s, idx


def _whitespace_mapped(s: str, idx: list[int] | None) -> Mapped:
    if idx is None:
        return _WS.sub(" ", s).strip(), None
    out, out_idx, pos = [], [], 0
    for m in _WS.finditer(s):
        out.append(s[pos : m.start()])
        out_idx.extend(idx[pos : m.start()])
        if m.start() > 0 and m.end() < len(s):
            out.append(" ")
            out_idx.append(idx[m.start()])
        pos = m.end()
    out.append(s[pos:])
    out_idx.extend(idx[pos:])
    return "".join(out), out_idx


def _fold_mapped(text: str, idx: list[int] | None) -> Mapped:
    s, idx = _strip_glosses_mapped(text, idx)
    s, idx = _nfkc_casefold_mapped(s, idx)
    # Normalising can reveal a gloss written with full-width or capital letters: `（XÙN）`.
    s, idx = _strip_glosses_mapped(s, idx)
    s, idx = _chinese_mapped(s, idx)
    # A rare character outside the basic CJK blocks can fold into them and so stand before a
    # gloss; strip again and refold to keep fold() idempotent.
    if _GLOSS.search(s):
        s, idx = _strip_glosses_mapped(s, idx)
        s, idx = _chinese_mapped(s, idx)
    return _whitespace_mapped(s, idx)


def fold(text: str) -> str:
    """The search key form of `text`, applied to records and queries alike.

    Pinyin glosses removed, NFKC (full-width letters and digits to ASCII), Traditional folded to
    Simplified, case-folded, runs of whitespace collapsed to one space and the ends trimmed.
    """
    if not text:
        return ""
    if len(text) <= _SHORT:
        return _fold_short(text)
    return _fold_mapped(text, None)[0]


# Names, categories, tags and places come back record after record (an import of 1,000 folds
# ~12,000 fields, ~2,000 of them different): remember the short ones.
_SHORT = 48


@functools.lru_cache(maxsize=4096)
def _fold_short(text: str) -> str:
    return _fold_mapped(text, None)[0]


def search_key(fields: Iterable[str | None]) -> str:
    """The precomputed search key of a record: its folded fields joined by FIELD_SEPARATOR."""
    return FIELD_SEPARATOR.join(fold(f) for f in fields if f)


def split_terms(terms: Iterable[str]) -> tuple[list[str], list[str]]:
    wanted, excluded = [], []
    for term in terms:
        if len(term) > 1 and term.startswith("-"):
            key = fold(term[1:])
            if key:
                excluded.append(key)
        else:
            key = fold(term)
            if key:
                wanted.append(key)
    return wanted, excluded


def matches(key: str, terms: list[str]) -> bool:
    """Whether a record's search key holds every term as a phrase and no `-term`.

    Terms are folded here, so `培训会` finds a record written `培訓(xùn)會`. A lone `-` is an
    ordinary term; a term that folds to nothing is ignored.
    """
    wanted, excluded = split_terms(terms)
    return all(t in key for t in wanted) and not any(t in key for t in excluded)


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Half-open spans of `text` (as written, in either script, glosses included) that match
    the positive terms after folding; sorted, overlapping spans merged.

    A match that runs across a gloss covers it: `培训会` highlights all of `培訓(xùn)會`.
    """
    wanted, _ = split_terms(terms)
    if not text or not wanted:
        return []
    folded, idx = _fold_mapped(text, list(range(len(text))))
    assert idx is not None
    spans = []
    for term in wanted:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((idx[start], idx[end - 1] + 1))
            start = folded.find(term, start + 1)
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
