"""The weekly digest written as plain text (for mail), Markdown, one self-contained HTML page and
JSON; and the rollup report as JSON, CSV, Markdown and an .xlsx sheet. Each writer returns the
whole document as a string; the same data gives the same string, byte for byte (nothing here
reads the clock).

Plain text carries no escape codes and no box-drawing characters, so it reads the same in any mail
client; columns are padded by display width (a Chinese character takes two). The HTML page uses
inline styles only (mail clients drop <style> blocks and never fetch outside resources), and every
piece of user text in it is HTML-escaped. Every word a person reads is in the reader's language
(the office's cron sets LOGBOOK_LANG=zh); JSON is data and reads the same in either.

`words` holds what every format shares, `documents` the digest's documents, `rollups` the report's.
"""

from .documents import DIGEST_WRITERS, digest_html, digest_json, digest_md, digest_text, write_digest
from .rollups import (
    SHORT_HEADINGS,
    group_label,
    rollup_cells,
    rollup_columns,
    rollup_keys,
    write_rollup,
    write_rollup_xlsx,
)
from .words import aside, weekday

__all__ = [
    "DIGEST_WRITERS",
    "SHORT_HEADINGS",
    "aside",
    "digest_html",
    "digest_json",
    "digest_md",
    "digest_text",
    "group_label",
    "rollup_cells",
    "rollup_columns",
    "rollup_keys",
    "weekday",
    "write_digest",
    "write_rollup",
    "write_rollup_xlsx",
]
