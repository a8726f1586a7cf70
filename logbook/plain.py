"""User text as it may reach a terminal, for the lines printed without Rich (errors, warnings,
confirmations): a command that prints only those never has to load Rich."""

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
