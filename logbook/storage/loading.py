"""How a Store reads the main file and month files: parsed once a command, checked against the
files on disk, a month edited by hand read record by record."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path

import orjson

from ..errors import DataFileError
from ..i18n import N_, Message, _, message, ngettext, os_reason
from ..models import Activity, stored_record
from .base import StoreBase
from .files import SafeStorage
from .history import HistoryProblem, read_history
from .index import _Changed, _Main
from .layout import (
    _KEYS_SUFFIX,
    _SEARCH_KEY,
    ACTIVITIES,
    META,
    SCHEMA_VERSION,
    SEARCH_KEYS,
    _identity,
    _in_range,
    _meta_problem,
    keys_file,
    part_seq,
)
from .records import _activity_from_doc, _activity_from_own_doc


class Loading(StoreBase):
    """How a Store reads the main file and month files: parsed once a command, checked against the"""

    # -- loading ---------------------------------------------------------------------------

    def _main(self) -> _Main:
        if self._main_state is None:
            if self._preloaded is not None:
                self._main_state = _Main(self._preloaded)
            else:
                self._main_state = self._read_main()
                if not self.tolerant:
                    self._refuse_problems(self._main_state)
        return self._main_state

    def _warn(self, message: str) -> None:
        """Say something once per command (through `on_warning`; kept silent without it)."""
        if message not in self._warned:
            self._warned.add(message)
            if self.on_warning is not None:
                self.on_warning(message)

    def _refuse_problems(self, main: _Main) -> None:
        if main.problems:
            raise DataFileError(
                _(
                    "{file} {problem}, so it disagrees with its month files; it was left untouched. "
                    "Run `logbook check --fix` to read the months back in"
                ).format(file=self.label, problem=main.problems[0].text())
            )

    def problems(self) -> list[Message]:
        """How the main file disagrees with the month files on disk (for `check`)."""
        if self.path is None:
            return []
        tolerant, self.tolerant = self.tolerant, True
        try:
            return list(self._main().problems)
        finally:
            self.tolerant = tolerant

    def look_afresh(self) -> None:
        """Read the files again at the next question, as if for the first time (what was set
        aside as unreadable included): for a caller that asks again after a change."""
        self._forget()
        self.unreadable.clear()

    def _forget(self) -> None:
        self._main_state = None

    def _damaged(self, what: Message, path: Path | None = None) -> DataFileError:
        backup = self.newest_backup()
        name = str(path) if path is not None else self.label
        if backup:
            said = _("{file} {problem}. It was left untouched; the newest backup is {backup}")
        else:
            said = _("{file} {problem}. It was left untouched; no backup was found")
        return DataFileError(said.format(file=name, problem=what.text(), backup=backup))

    def _read_main(self) -> _Main:
        data, identity = self._read_file_with_identity()
        main = _Main(data, identity)
        if main.legacy is None:
            main.problems += self._unlisted_months(main)
        return main

    def _unlisted_months(self, main: _Main) -> list[Message]:
        """Month files on disk that hold a month the index does not list, written by a write this
        main file came after, and named by no kept backup: months the index lost (a hand edit,
        or a program that rewrote the main file)."""
        assert self.path is not None
        try:
            names = os.listdir(self.parts_dir)
        except OSError:
            return []
        found: dict[str, str] = {}
        for name in names:
            seq = part_seq(name)
            if seq is None or seq > main.seq or name.endswith(_KEYS_SUFFIX):
                continue
            period = name.split(".", 1)[0]
            if period not in main.periods:
                found[name] = period
        if not found:
            return []
        try:
            named = self._named_by_backups(read_history(self.backup_dir, self.path.name))
        except HistoryProblem:
            return []  # without the history an old backup's month cannot be told from a lost one
        lost = sorted(name for name in found if name not in named)
        if not lost:
            return []
        months = sorted({found[n] for n in lost})
        return [
            message(
                N_("does not list {months}, which {file} holds"),
                months="、".join(months),
                file=str(self.parts_dir / lost[-1]),
            )
        ]

    def _read_file(self) -> dict:
        return self._read_file_with_identity()[0]

    def _read_file_with_identity(self) -> tuple[dict, tuple | None]:
        assert self.path is not None
        path = self.path
        if path.is_symlink() and not path.exists():
            raise DataFileError(_("{path} is a symbolic link to a missing file").format(path=path))
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            return {}, None
        except IsADirectoryError:
            raise DataFileError(_("{path} is a directory, not a logbook file").format(path=path)) from None
        except PermissionError:
            raise DataFileError(_("{path} cannot be read: permission denied").format(path=path)) from None
        except OSError as err:
            raise DataFileError(
                _("{path} cannot be read: {reason}").format(path=path, reason=os_reason(err).text())
            ) from None
        if not raw.strip():
            raise self._damaged(message(N_("is empty, which a logbook never is")))
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as err:
            raise self._damaged(message(N_("is not valid JSON ({error})"), error=err)) from None
        if not isinstance(data, dict):
            raise self._damaged(message(N_("is not a logbook (expected a JSON object of tables)")))
        self._check_meta(data)
        return data, _identity(info)

    def _check_meta(self, data: dict) -> None:
        problem = _meta_problem(data)
        if problem is None:
            return
        if str(problem).startswith("was written by a newer logbook"):
            version = data[META][next(iter(data[META]))]["schema_version"]
            raise DataFileError(
                _(
                    "{file} was written by a newer logbook (schema {version}; this program reads up "
                    "to {supported}). Upgrade logbook; the file was left untouched"
                ).format(file=self.label, version=version, supported=SCHEMA_VERSION)
            )
        raise self._damaged(problem)

    def _read_partition(self, main: _Main, period: str) -> list[dict]:
        """The activity records of one month, as stored. Parsed afresh at each call and owned by
        the caller, except those of a one-file logbook held in memory (see `_builder`)."""
        return self._load_partition(main, period)[0]

    def _load_partition(self, main: _Main, period: str) -> tuple[list[dict], bytes | None]:
        """The records of one month and the file's bytes (None for a one-file logbook, and for
        a month file edited by hand, whose records are each looked at: those that cannot be
        read are set aside in `unreadable` and named in a warning)."""
        if main.legacy is not None:
            return main.legacy.get(period, []), None
        entry = main.periods[period]
        name = entry["file"]
        found = self._read_part(main, name, ACTIVITIES, N_("is not a month of a logbook (expected a {table} table)"))
        if found is None:
            raise self._damaged(
                message(
                    N_("names the month file {name}, which is missing from {folder}"),
                    name=name,
                    folder=str(self.parts_dir),
                )
            )
        rows, raw = found
        if entry.get("crc") is not None and entry["crc"] == zlib.crc32(raw):
            return list(rows.values()), raw  # as logbook wrote it
        return self._sift(name, rows), None

    def _verified_bytes(self, main: _Main, period: str) -> bytes | None:
        """A month file's bytes when they are as logbook wrote them (the index's checksum of it
        matches); None otherwise, and for a one-file logbook: `_load_partition` then reads the
        month its own way, and says what is wrong with it."""
        if main.legacy is not None:
            return None
        entry = main.periods[period]
        if entry.get("crc") is None:
            return None
        try:
            raw = (self.parts_dir / entry["file"]).read_bytes()
        except OSError:
            return None
        return raw if zlib.crc32(raw) == entry["crc"] else None

    def _sift(self, name: str, rows: dict) -> list[dict]:
        """The records of a month file that can be read, each as logbook writes it."""
        good: list[dict] = []
        bad: list[tuple[str, object, str]] = []
        for key, doc in rows.items():
            record, why = stored_record(doc, self.categories)
            if record is None:
                bad.append((str(key), doc, why or "unreadable"))
                continue
            if record is not doc and isinstance(doc.get(_SEARCH_KEY), str):
                record[_SEARCH_KEY] = doc[_SEARCH_KEY]  # a record of the layout before keys files
            good.append(record)
        if bad:
            self.unreadable[name] = bad
            listed = ", ".join(key for key, _doc, _why in bad[:10]) + ("…" if len(bad) > 10 else "")
            self._warn(
                ngettext(
                    "{count} record of {file} cannot be read (document {documents}) and was left as "
                    "it is; `logbook check` says what is wrong with it",
                    "{count} records of {file} cannot be read (documents {documents}) and were left "
                    "as they are; `logbook check` says what is wrong with each",
                    len(bad),
                ).format(count=len(bad), file=self.parts_dir / name, documents=listed)
            )
        return good

    def _read_part(self, main: _Main, name: str, table: str, what: str) -> tuple[dict, bytes] | None:
        # `what`: the phrase (an N_ id with a {table} placeholder) of a file that is not one
        """The documents of a file of the month folder (by document id) and its bytes; None if
        it is missing (_Changed if it went because the logbook changed since `main` was read)."""
        path = self.parts_dir / name
        storage = SafeStorage(path)  # Storage.read: the file parsed once, as TinyDB would have it
        try:
            data = storage.read()
        except OSError as err:
            raise DataFileError(
                _("{path} cannot be read: {reason}").format(path=path, reason=os_reason(err).text())
            ) from None
        except orjson.JSONDecodeError as err:
            raise self._damaged(message(N_("is not valid JSON ({error})"), error=err), path) from None
        if storage.raw is None:  # missing
            if main.identity is not None and self._replaced_since(main):
                raise _Changed() from None
            return None
        raw = storage.raw
        rows = data.get(table) if isinstance(data, dict) else None
        if not isinstance(rows, dict):
            raise self._damaged(message(what, table=table), path)
        return rows, raw

    def _read_keys(self, main: _Main, period: str) -> list[dict] | None:
        """The search keys of one month (see `_load_keys`)."""
        found = self._load_keys(main, period)
        return found[0] if found is not None else None

    def _load_keys(self, main: _Main, period: str) -> tuple[list[dict], bytes] | None:
        """The search keys file of one month, as stored ({"id", "key"} in the records' order),
        and its bytes; None when the month has none (a one-file logbook, or month files written before keys
        had their own file), or when it is not as logbook wrote it (truncated, edited): then
        the records carry their keys, or are folded when searched."""
        if main.legacy is not None:
            return None
        entry = main.periods[period]
        try:
            found = self._read_part(
                main,
                keys_file(entry["file"]),
                SEARCH_KEYS,
                N_("is not a month's search keys (expected a {table} table)"),
            )
        except DataFileError:
            return None  # keys are made from the records: a damaged keys file costs only time
        if found is None:
            return None
        rows, raw = found
        expected = entry.get("keys_crc")
        if expected is not None and expected != zlib.crc32(raw):
            return None
        keys = list(rows.values())
        if not all(
            isinstance(k, dict) and isinstance(k.get("id"), str) and isinstance(k.get("key"), str) for k in keys
        ):
            return None
        return keys, raw

    @staticmethod
    def _builder(main: _Main) -> Callable[[dict], Activity]:
        """How to make activities of `main`'s records: month files are parsed for each read, so
        their records' lists can go to the activities as they are; the records of a one-file
        logbook (or the sample) stay in memory and are copied."""
        return _activity_from_doc if main.legacy is not None else _activity_from_own_doc

    def _changed_error(self) -> DataFileError:
        """For a read that goes on month by month as its caller asks, and cannot start again."""
        return DataFileError(
            _("{file} changed while it was read (another logbook command wrote to it); run the command again").format(
                file=self.label
            )
        )

    def _replaced_since(self, main: _Main) -> bool:
        assert self.path is not None
        try:
            info = self.path.stat()
        except OSError:
            return True
        return _identity(info) != main.identity

    def _reading(self, read: Callable[[_Main], object]):
        """Run `read` on the logbook as it is; if it changed under the read (a month file it
        named was retired meanwhile), read the new one. Month files are never changed, only
        replaced by new ones, so a read that completes saw one consistent logbook."""
        for _attempt in range(5):
            main = self._main()
            try:
                return read(main)
            except _Changed:
                self._forget()
        raise DataFileError(_("{file} kept changing while it was read; run the command again").format(file=self.label))

    def _periods(
        self, main: _Main, date_from: str | None, date_to: str | None, newest_first: bool = False
    ) -> list[str]:
        names = [p for p in main.period_names() if _in_range(p, date_from, date_to)]
        return names[::-1] if newest_first else names
