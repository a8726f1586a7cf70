"""Community and street names: suffixes, near-miss suggestions, pinyin order and pinyin look-up
(`anzhen`, `azxl`)."""

from __future__ import annotations

import difflib
import functools
import os
import re
import unicodedata
from collections.abc import Iterable

from .folding import _is_hanzi_code, fold

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
                from ..numerals import parse_cn_int

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
