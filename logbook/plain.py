"""Text on its way to a person: the one sanitizer of user text (`safe`) and the one measure of
its width (`width`, Rich's cell_len). Tables, detail views, the digest, messages on stderr, and
machine formats written to a terminal all pass through `safe`; files and pipes get the text as it
is. Rich is imported only when a width is asked for, so a command that prints only messages never
loads it."""

from __future__ import annotations

import re

# C0/C1 controls, and the bidirectional overrides and isolates that can reorder what is shown.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(value) -> str:
    """Text as it may reach a terminal: control characters shown as `\\xNN`, not obeyed."""
    if value is None:
        return ""
    text = str(value)
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def safe_document(text: str) -> str:
    """A whole document (CSV, Markdown, JSON) for a terminal: `safe` on every line, the document's
    own line ends (CSV ends its rows with CR LF) kept as line ends."""
    return "\r\n".join(safe(part) for part in text.split("\r\n"))


def width(text: str) -> int:
    """Columns `text` takes in a monospaced terminal (a Chinese character takes two): Rich's
    measure, so plain-text tables line up with the Rich tables beside them."""
    from rich.cells import cell_len

    return cell_len(text)


def pad(text: str, cols: int, right: bool = False) -> str:
    """`text` filled with spaces to `cols` columns, on the right (or on the left: numbers)."""
    fill = " " * max(cols - width(text), 0)
    return fill + text if right else text + fill


def fold(text: str, cols: int) -> list[str]:
    """`text` broken into lines of at most `cols` columns (at its own line ends first), never
    splitting a character; a character wider than `cols` stands on a line of its own."""
    from rich.cells import cell_len

    lines: list[str] = []
    for part in text.split("\n"):
        if cell_len(part) <= cols:
            lines.append(part)
            continue
        line: list[str] = []
        used = 0
        for ch in part:
            w = cell_len(ch)
            if used + w > cols and line:
                lines.append("".join(line))
                line, used = [], 0
            line.append(ch)
            used += w
        lines.append("".join(line))
    return lines


# A piece of a line: a run of printable ASCII (a word, an option, `2025-W13`) with the spaces
# after it, or any other single character.
# A short word in brackets (`(安全)`, `（党建）`: a category after a title) is one piece too.
_BRACKETED = r"[(（][\u3400-\u9fff]{1,4}[)）] *"
_PIECE = re.compile(rf"{_BRACKETED}|[\x21-\x7e]+ *|\s+|.")
_NO_LINE_START = set("，。、；：？！）》」』】〕”’…·,.;:?!)]")
_NO_LINE_END = set("（《「『【〔“‘([")


# With names kept whole: a run of up to 10 Chinese characters (a community's name, between the
# `、` of a list) goes down to the next line together rather than splitting, and so does a
# number with the word it counts (`25 people`).
_NAME_PIECE = re.compile(
    rf"{_BRACKETED}|[0-9][0-9,.+]* [a-z][\x21-\x7e]* *|[\x21-\x7e]+ *|\s+|[\u3400-\u9fff]{{1,10}}(?![\u3400-\u9fff])|."
)


def wrap(text: str, cols: int, *, names: bool = False) -> list[str]:
    """`text` in lines of at most `cols` columns: English breaks between words, Chinese between
    any two characters, but closing punctuation (`，。、）`) begins no line and an opening bracket
    ends none: the characters around it go down together; a paragraph break is kept. With
    `names`, a run of up to 10 Chinese characters is not split (a list of names)."""
    return [text[start:end].rstrip() for start, end in line_spans(text, cols, names=names)]


def narrowest(text: str) -> int:
    """The fewest columns `wrap` can fit `text` in: its widest piece that is never broken (an
    English word, a Chinese character)."""
    return max((width(piece.rstrip()) for piece in _PIECE.findall(text)), default=0)


def line_spans(text: str, cols: int, *, names: bool = False) -> list[tuple[int, int]]:
    """Where each line of `wrap(text, cols)` starts and ends in `text` (its spaces at the end
    included), so that a styled text can be cut at the same places."""
    spans: list[tuple[int, int]] = []
    pieces = _NAME_PIECE if names else _PIECE
    base = 0
    for paragraph in text.split("\n"):
        lead = len(paragraph) - len(paragraph.lstrip())
        body = paragraph.strip()
        line: list[tuple[int, int]] = []  # the pieces of the line, as spans of `text`
        used = 0
        for m in pieces.finditer(body):
            start, end = base + lead + m.start(), base + lead + m.end()
            piece = text[start:end]
            if used + width(piece.rstrip()) > cols and any(text[a:b].strip() for a, b in line):
                carried: list[tuple[int, int]] = []
                first = piece
                while len(line) > 1 and (
                    first[0] in _NO_LINE_START or text[slice(*line[-1])].rstrip()[-1:] in _NO_LINE_END
                ):
                    carried.insert(0, line.pop())
                    first = text[slice(*carried[0])]
                spans.append((line[0][0], line[-1][1]))
                line = carried
                used = sum(width(text[a:b]) for a, b in line)
                start += len(piece) - len(piece.lstrip())
                piece = text[start:end]
            line.append((start, end))
            used += width(piece)
        at = base + lead
        spans.append((line[0][0], line[-1][1]) if line else (at, at))
        base += len(paragraph) + 1
    return spans


# What Python makes of bytes that are not UTF-8 in an argument, a path or the environment: lone
# surrogates (surrogateescape), which no file or JSON can hold.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
NOT_UTF8 = "is not UTF-8 text; expected UTF-8 (is the terminal or the script in another encoding, such as GBK?)"


def undecodable(value: str, limit: int = 300) -> str | None:
    """`value` shown with its bytes that are not UTF-8 as `\\xNN`, when it holds any; else None."""
    if not _SURROGATE.search(value):
        return None
    try:
        shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte: show the code point
        shown = value.encode("utf-8", "backslashreplace").decode("ascii")
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
