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

from __future__ import annotations

import difflib
import functools
import os
import re
import unicodedata
from collections.abc import Iterable

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
    "strip_glosses",
    "strip_suffix",
    "suggest",
    "to_simplified",
    "FIELD_SEPARATOR",
]

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
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
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
            s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold())
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
    return _fold_mapped(text, None)[0]


def search_key(fields: Iterable[str | None]) -> str:
    """The precomputed search key of a record: its folded fields joined by FIELD_SEPARATOR."""
    return FIELD_SEPARATOR.join(fold(f) for f in fields if f)


def _split_terms(terms: Iterable[str]) -> tuple[list[str], list[str]]:
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
    wanted, excluded = _split_terms(terms)
    return all(t in key for t in wanted) and not any(t in key for t in excluded)


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Half-open spans of `text` (as written, in either script, glosses included) that match
    the positive terms after folding; sorted, overlapping spans merged.

    A match that runs across a gloss covers it: `培训会` highlights all of `培訓(xùn)會`.
    """
    wanted, _ = _split_terms(terms)
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


# ---------------------------------------------------------------------------------------------
# Scraped articles

# `]]>` ends each article of the feed; it becomes a line break because the next article often
# starts on the same line. Block tags become line breaks too, so paragraphs stay apart.
_ARTICLE_END = "]]>"
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|tr|h[1-6]|section|article)\b[^<>]*>", re.I)
_OTHER_MARKUP = re.compile(r"<!\[CDATA\[|<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", re.S)
# Only the entities scrapers actually leave; a bare `&` in text stays as it is.
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_HSPACE = re.compile(r"[^\S\n]+")


def clean_scrape(text: str) -> str:
    """Tidy scraped article text: markup leftovers (`]]>`, `<![CDATA[`, `<p>`, `</p>`, other
    tags, common entities) and pinyin glosses removed, each line's whitespace collapsed and
    trimmed, empty lines dropped.

    Lost characters (`??`) and mojibake are kept exactly as they are: see `damaged_spans`.
    The script is not changed; fold or convert afterwards.
    """
    import html

    s = text.replace("\r\n", "\n").replace("\r", "\n")
    s = s.replace(_ARTICLE_END, "\n")
    s = _BLOCK_TAG.sub("\n", s)
    s = _OTHER_MARKUP.sub("", s)
    s = _ENTITY.sub(lambda m: html.unescape(m.group()), s)
    s = strip_glosses(s)
    lines = (_HSPACE.sub(" ", line).strip() for line in s.split("\n"))
    # One paragraph per line, as in the feed; lines left empty by removed markup go.
    return "\n".join(line for line in lines if line)


def split_articles(text: str) -> list[str]:
    """The articles of a scraped feed (each ends with `]]>`), cleaned, empty ones dropped."""
    articles = (clean_scrape(part) for part in text.split(_ARTICLE_END))
    return [a for a in articles if a]


_LOST = "?\ufffd"
# A lost character, possibly followed by what is left of its gloss once the `(` was eaten.
_ANCHOR = re.compile(rf"[{_LOST}]+(?:{_GLOSS_BODY})?")
_ORPHAN_GLOSS = re.compile(rf"\({_GLOSS_BODY}")
_MAX_GAP = 12


@functools.lru_cache(maxsize=8192)
def _is_odd(ch: str) -> bool:
    """A character unlikely in real text: what GBK bytes decoded one byte off tend to give.

    Common means the 3,755 first-level GB2312 characters or the 5,401 common Big5 ones, so
    ordinary text in either script is never odd; rare hanzi, symbols such as `⒁` and kana are.
    """
    if ch.isascii() or ch.isspace() or unicodedata.category(ch).startswith("P"):
        return False
    if "\uff01" <= ch <= "\uff5e":  # full-width ASCII is what Chinese input methods type
        return False
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return False
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
        if len(big5) == 2 and 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E:
            return False
    except UnicodeEncodeError:
        pass
    return True


def damaged_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of `text` where characters were lost in the scrape.

    A span starts at `??`-style marks or U+FFFD (with the remains of a gloss whose `(` was
    lost, as in `嘤?xùn)`) and grows over neighbouring odd characters (rare hanzi, symbols, a
    stray Latin letter, a gloss after them). Two such spans close together, with nothing but
    text and at least two odd characters between them, are one damaged run, as in
    `??鳂蚪值老乱徊綄⒁员酒谂嘤?xùn)`. A `?` with only ASCII around it is a question mark.
    Conservative on purpose: common characters next to a lone `?` are not claimed.
    """
    spans: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        start, end = m.span()
        if _is_question_mark(text, m):
            continue
        while start > 0 and _is_odd(text[start - 1]):
            start -= 1
        end = _grow_right(text, end)
        spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            continue
        if merged:
            gap = text[merged[-1][1] : start]
            if (
                len(gap) <= _MAX_GAP
                and not any(c.isspace() or unicodedata.category(c).startswith("P") for c in gap)
                and sum(_is_odd(c) for c in gap) >= 2
            ):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _gloss_ends_at(text: str, pos: int) -> bool:
    close = text.rfind("(", max(0, pos - 8), pos)
    return close != -1 and _GLOSS.fullmatch(text, close, pos) is not None


def _is_question_mark(text: str, m: re.Match) -> bool:
    """A `?` with plain ASCII on both sides (`ok?`) is punctuation, not a lost character."""
    if "\ufffd" in m.group() or m.group().endswith(")"):
        return False
    start, end = m.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    # After a gloss the `?` follows a hanzi: `環(huán)?` is damage.
    return before.isascii() and after.isascii() and not _gloss_ends_at(text, start)


def _grow_right(text: str, end: int) -> int:
    n = len(text)
    while end < n:
        ch = text[end]
        if _is_odd(ch):
            end += 1
        elif (
            ch.isascii()
            and ch.isalpha()
            and (text[end - 1] == ")" or _is_odd(text[end - 1]))
            and end + 1 < n
            and (text[end + 1] == "(" or not text[end + 1].isascii())
        ):
            # One stray Latin letter after damage, before text (`?qū)W員`, `诂F(xiàn)`); a
            # letter right after a bare `?` may be real (`?A座`), so it is left out.
            end += 1
        elif m := _ORPHAN_GLOSS.match(text, end):
            # The gloss of a character lost to the damage, after a non-CJK character.
            end = m.end()
        else:
            break
    return end


# ---------------------------------------------------------------------------------------------
# Names: suffixes, suggestions

_SUFFIXES = ("社区居委会", "社區居委會", "居委会", "居委會", "社区", "社區", "街道", "地区", "地區")


def strip_suffix(name: str) -> str:
    """`name` without a trailing 社区/街道/地区/居委会 (either script), for forgiving matching.

    A name that is nothing but the suffix is returned unchanged.
    """
    s = name.strip()
    for suffix in _SUFFIXES:
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)].rstrip()
    return s


def suggest(name: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates closest to `name`, best first, for "did you mean" messages.

    Compared in folded form without suffixes, so script and 社区 do not matter; a candidate that
    contains the typed name (or is contained in it) comes first.
    """
    query = fold(strip_suffix(name))
    if not query or n <= 0:
        return []
    scored: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for order, cand in enumerate(candidates):
        if cand in seen or not cand:
            continue
        seen.add(cand)
        key = fold(strip_suffix(cand))
        if not key:
            continue
        ratio = difflib.SequenceMatcher(None, query, key).ratio()
        if query in key or key in query:
            score = 1.0 + ratio
        elif ratio >= 0.5:
            score = ratio
        else:
            continue
        scored.append((-score, order, cand))
    scored.sort()
    return [cand for _, _, cand in scored[:n]]


# ---------------------------------------------------------------------------------------------
# Names: pinyin order and look-up


@functools.lru_cache(maxsize=1)
def _pypinyin():
    # Without phrase tables pypinyin loads in ~46 ms instead of several hundred; names are read
    # character by character anyway. Respect a value the user set.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    import pypinyin

    return pypinyin


# Place names whose reading differs from the character's everyday one. Keep this small: it is
# not a gazetteer, only the names a Beijing worker meets daily and sorts wrongly otherwise.
_PLACE_READINGS: dict[str, tuple[str, ...]] = {
    "长辛店": ("chang", "xin", "dian"),
    "長辛店": ("chang", "xin", "dian"),
    "朝阳": ("chao", "yang"),
    "朝陽": ("chao", "yang"),
    "重庆": ("chong", "qing"),
    "重慶": ("chong", "qing"),
    "大栅栏": ("da", "shi", "lar"),
    "大柵欄": ("da", "shi", "lar"),
}
# 长 is cháng in every Beijing place name (长安街, 长椿街, 长阳), zhǎng only as a verb or title.
_CHAR_READINGS = {"长": "chang", "長": "chang"}
_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬"
_NUMBER_RUN = re.compile(rf"[0-9]+|[{_NUMERAL_CHARS}]+")


@functools.lru_cache(maxsize=8192)
def _readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one hanzi, the everyday one first; () for other characters."""
    if not _is_hanzi_code(ord(ch)):
        return ()
    pp = _pypinyin()
    got = pp.pinyin(ch, style=pp.Style.NORMAL, heteronym=True, errors="ignore")
    readings = [r for r in (got[0] if got else []) if r and r.isascii() and r.isalpha()]
    if ch in _CHAR_READINGS:
        readings.insert(0, _CHAR_READINGS[ch])
    return tuple(dict.fromkeys(r.lower() for r in readings))


def _place_readings(name: str) -> list[str | None]:
    """Per character, the place-name reading from _PLACE_READINGS, else None."""
    out: list[str | None] = [None] * len(name)
    for word, syllables in _PLACE_READINGS.items():
        start = name.find(word)
        while start != -1:
            out[start : start + len(word)] = syllables
            start = name.find(word, start + len(word))
    return out


@functools.lru_cache(maxsize=8192)
def pinyin_sort_key(name: str) -> tuple:
    """A sort key that orders names by pinyin, the way a Chinese reader looks them up.

    Numbers compare as numbers, so 芍药居一, 芍药居二, 芍药居十, 芍药居十一 (and 1, 2, 10, 11)
    come in that order, and before any letters at that place. Chinese numerals at the very start
    are part of the name and read as pinyin (三里屯 san, 八里庄 ba, 百万庄 bai). Place-name
    readings apply (长辛店 under c). Ties fall back to the name itself, so the order is total.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    place = _place_readings(text)
    elements: list[tuple[int, int, str]] = []
    pos = 0
    while pos < len(text):
        m = _NUMBER_RUN.match(text, pos)
        if m and (m.group()[0].isdigit() or pos > 0):
            try:
                from .numerals import parse_cn_int

                elements.append((0, parse_cn_int(m.group()), ""))
                pos = m.end()
                continue
            except ValueError:
                pass  # not a number after all (`万达`): read it as words
        ch = text[pos]
        if (placed := place[pos]) is not None:
            elements.append((1, 0, placed))
        elif readings := _readings(ch):
            elements.append((1, 0, readings[0]))
        elif ch.isalnum():
            elements.append((1, 0, ch.casefold()))
        # punctuation and spaces do not take part in the order
        pos += 1
    return (tuple(elements), name)


_FORM_LIMIT = 4096


def _options(name: str) -> list[tuple[str, ...]]:
    """Per character of `name`, the spellings a user may type for it."""
    text = unicodedata.normalize("NFKC", name)
    place = _place_readings(text)
    options: list[tuple[str, ...]] = []
    for ch, special in zip(text, place):
        readings = list(_readings(ch))
        if special is not None:
            readings.insert(0, special)
        if readings:
            # pypinyin writes ü as v (lv); people type lv or lu.
            readings += [r.replace("v", "u") for r in readings if "v" in r]
            options.append(tuple(dict.fromkeys(readings)))
        elif ch.isascii() and ch.isalnum():
            options.append((ch.lower(),))
        # other characters (spaces, punctuation) are not typed
    return options


@functools.lru_cache(maxsize=4096)
def _forms(name: str) -> tuple[frozenset[str], frozenset[str]]:
    fulls, initials = {""}, {""}
    for opts in _options(name):
        # Each character may take any reading; past the limit only the everyday reading is
        # kept, so a long name of many heteronyms cannot blow up.
        if len(fulls) * len(opts) > _FORM_LIMIT:
            opts = opts[:1]
        fulls = {f + o for f in fulls for o in opts}
        firsts = tuple(dict.fromkeys(o[0] for o in opts))
        if len(initials) * len(firsts) > _FORM_LIMIT:
            firsts = firsts[:1]
        initials = {i + o for i in initials for o in firsts}
    fulls.discard("")
    initials.discard("")
    return frozenset(fulls), frozenset(initials)


def pinyin_forms(name: str) -> tuple[set[str], set[str]]:
    """All full-pinyin spellings of `name` (concatenated, toneless, each character in any of its
    readings) and all its initials strings: 安贞西里 → ({'anzhenxili'}, {'azxl'})."""
    fulls, initials = _forms(name)
    return set(fulls), set(initials)


def pinyin_match(query: str, names: Iterable[str]) -> list[str]:
    """The names whose full pinyin or initials start with `query` (case and spaces ignored),
    with or without their 社区/街道 suffix, in the order given; all of them, so the caller can
    report an ambiguity. Meant for the few community and street names, never free text.
    """
    q = "".join(query.split()).replace("'", "").lower()
    if not q or not q.isascii() or not q.isalnum():
        return []
    found: list[str] = []
    for name in dict.fromkeys(names):
        for variant in dict.fromkeys((name, strip_suffix(name))):
            fulls, initials = _forms(variant)
            if any(f.startswith(q) for f in fulls) or any(i.startswith(q) for i in initials):
                found.append(name)
                break
    return found
