"""The one sanitizer of user text on its way to a terminal. Tables, detail views, the digest,
messages on stderr, and machine formats written to a terminal all pass through `safe`; files and
pipes get the text as it is. Plain Python, so a command that prints only messages never loads Rich."""

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
