"""Scraped articles: markup and glosses removed, articles split at `]]>`, and the spans where the
scrape lost text, which we report and never guess back."""

from __future__ import annotations

import functools
import re
import unicodedata

from .folding import _GLOSS, _GLOSS_BODY, strip_glosses

# ---------------------------------------------------------------------------------------------
# Scraped articles

# `]]>` ends each article of the feed; it becomes a line break because the next article often
# starts on the same line. Block tags become line breaks too, so paragraphs stay apart.
_ARTICLE_END = "]]>"
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|tr|h[1-6]|section|article)\b[^<>]*>", re.I)
_OTHER_MARKUP = re.compile(r"<!\[CDATA\[|<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", re.S)
# Only the entities scrapers actually leave; a bare `&` in text stays as it is.
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
# An entity whose name a wrong decoding turned into Han (&濒诲辩耻辞; for &ldquo;): its `;` is no
# sentence's end, and what it stood for (quotes, mostly) cannot be told, so it is a plain quote.
_GARBLED_ENTITY = re.compile(r"&[\u4e00-\u9fff]{2,8};")
_HSPACE = re.compile(r"[^\S\n]+")


def clean_scrape(text: str) -> str:
    """Tidy scraped article text: markup leftovers (`]]>`, `<![CDATA[`, `<p>`, `</p>`, other
    tags, common entities, entities whose names were garbled) and pinyin glosses removed, each
    line's whitespace collapsed and trimmed, empty lines dropped.

    Lost characters (`??`) and mojibake are kept exactly as they are: see `damaged_spans`.
    The script is not changed; fold or convert afterwards.
    """
    import html

    s = text.replace("\r\n", "\n").replace("\r", "\n")
    s = s.replace(_ARTICLE_END, "\n")
    s = _BLOCK_TAG.sub("\n", s)
    s = _OTHER_MARKUP.sub("", s)
    s = _ENTITY.sub(lambda m: html.unescape(m.group()), s)
    s = _GARBLED_ENTITY.sub('"', s)
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
