"""Writing exchange files: the envelope `export` writes, in pieces as the months come, and CSV for
spreadsheets in UTF-8 or GBK (a cell that starts like a formula with a leading `'`, the
spreadsheet convention for text)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import orjson

from ..errors import LogbookError
from ..formats import LIST_SEPARATOR, iter_csv
from ..i18n import _
from ..models import FIELD_ORDER, LIST_FIELDS, Community, clean_text
from .reading import FORMAT_NAME, FORMAT_VERSION
from .records import _shorten
from .stamps import stamp_key


class ExportEncodingError(LogbookError):
    """A record holds a character the asked-for export encoding cannot write (exit 1)."""


RECORD_INDENT = b"    "  # of a record's line in the envelope


def envelope_chunks(
    months: Iterable[tuple[list[dict], bytes | None]],
    communities: Iterable[Community],
    tombstones: Iterable[tuple[str, str]],
    *,
    exported_at: str,
    author: str | None,
) -> Iterator[bytes]:
    """The envelope as UTF-8 JSON, in pieces as the activities come: a list of records at a
    time, already in store.export_order, with their lines when the store has them as they are
    to be written (see Store.records). Characters as themselves (only control characters, which
    JSON cannot carry raw, are escaped); one entry of each list a line, so that a changed record
    is one changed line and a file of 100,000 is written as fast as it is read."""
    yield b"{\n"
    head = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "exported_at": exported_at, "author": author}
    for key, value in head.items():
        yield b'  "%s": %s,\n' % (key.encode(), orjson.dumps(value))
    yield b'  "communities": ' + _lines([c.to_dict() for c in communities], last=False)
    yield b'  "activities": ['
    first = True
    for records, lines in months:
        if not records:
            continue
        yield b"\n" if first else b",\n"
        if lines is None:
            # Records are flat objects whose first key is the id, and a `"` inside a string is
            # escaped, so `},{"id":` is found only between two records.
            body = orjson.dumps(records)
            lines = RECORD_INDENT + body[1:-1].replace(b'},{"id":', b"},\n" + RECORD_INDENT + b'{"id":')
        yield lines
        first = False
    yield b"]," if first else b"\n  ],"
    deleted = [
        {"id": ident, "deleted_at": at} for ident, at in sorted(tombstones, key=lambda t: (stamp_key(t[1]), t[0]))
    ]
    yield b'\n  "deleted": ' + _lines(deleted, last=True) + b"}\n"


def _lines(items: list[dict], *, last: bool) -> bytes:
    end = b"\n" if last else b",\n"
    if not items:
        return b"[]" + end
    return b"[\n    " + b",\n    ".join(orjson.dumps(item) for item in items) + b"\n  ]" + end


def encode_csv(records: list[dict], encoding: str) -> bytes:
    """CSV for spreadsheets: UTF-8 with a BOM (Excel and WPS read it as UTF-8), or GBK for old
    Excel, which has no BOM. A character GBK cannot hold is an error naming the record, never a
    silent `?`."""
    if encoding in ("utf-8", "utf8"):
        return "".join(iter_csv(records, formula_safe=True)).encode("utf-8")
    chunks = iter_csv(records, bom=False, formula_safe=True)
    out = [next(chunks).encode(encoding)]
    for record, chunk in zip(records, chunks):
        try:
            out.append(chunk.encode(encoding))
        except UnicodeEncodeError as err:
            bad = err.object[err.start : err.end]
            where = next((name for name in FIELD_ORDER if bad in _cell_text(record, name)), _("a field"))
            raise ExportEncodingError(
                _(
                    "record {id} ({date} {title}) has {character} ({code}) in {field}, which "
                    "{encoding} cannot hold; export in UTF-8 (the default) instead, or edit the "
                    "record"
                ).format(
                    id=record["id"][:8],
                    date=record["date"],
                    title=_shorten(clean_text(record["title"]), 40),
                    character=repr(bad),
                    code=f"U+{ord(bad[0]):04X}",
                    field=where,
                    encoding=encoding.upper(),
                )
            ) from None
    return b"".join(out)


def _cell_text(record: dict, name: str) -> str:
    value = record[name]
    if name in LIST_FIELDS:
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)
