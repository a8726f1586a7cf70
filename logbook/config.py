"""Where the logbook lives and the few settings a user can change.

One function decides the data path: `--db` beats `LOGBOOK_DB`, which beats the platform's user
data directory. Settings come from an optional TOML file (`LOGBOOK_CONFIG`, else `config.toml` in
the platform's user config directory): `author` and extra `categories`.
"""

from __future__ import annotations

import getpass
import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError
from .i18n import _, os_reason

APP_NAME = "logbook"
DB_FILENAME = "logbook.json"
MAX_LOCK_TIMEOUT = 600.0  # seconds: LOGBOOK_LOCK_TIMEOUT may be no longer than ten minutes


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike | None) -> Path:
    """--db PATH, else LOGBOOK_DB, else the platform's user data directory. An empty --db or
    LOGBOOK_DB is refused: taken for "unset", it would quietly open the default logbook."""
    if cli_value is not None:
        text = os.fspath(cli_value)
        _refuse_undecodable("--db", text)
        if not text.strip():
            raise UsageError(_("--db {value} is empty; expected the path of a logbook file").format(value=repr(text)))
        return Path(text).expanduser()
    env = environ_text("LOGBOOK_DB")
    if env is not None:
        if not env.strip():
            raise UsageError(
                _(
                    "LOGBOOK_DB={value} is empty; expected the path of a logbook file, "
                    "or no LOGBOOK_DB for the default one"
                ).format(value=repr(env))
            )
        return Path(env).expanduser()
    return default_db_path()


def refuse_special_file(path: Path) -> None:
    """A logbook is a regular file, written by replacing it: a device would be read without end
    (/dev/zero) and a FIFO would block while the lock is held. Refused before anything opens it."""
    from .errors import DataFileError
    from .inputs import special_kind

    kind = special_kind(path)
    if kind is not None:
        raise DataFileError(
            _("{path} is {kind}, not a logbook file; expected a regular file").format(path=path, kind=kind)
        )


def environ_text(name: str) -> str | None:
    """An environment variable, refused when it holds bytes that are not UTF-8: a logbook or an
    author named so could not be written to the index or a record."""
    value = os.environ.get(name)
    if value is not None:
        _refuse_undecodable(f"{name}=", value)
    return value


def _refuse_undecodable(label: str, value: str) -> None:
    from .plain import NOT_UTF8, undecodable

    shown = undecodable(value)
    if shown is not None:
        where = f"{label}'{shown}'" if label.endswith("=") else f"{label} '{shown}'"
        raise UsageError(f"{where} {NOT_UTF8}")


def config_path() -> Path:
    env = os.environ.get("LOGBOOK_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


@dataclass
class Settings:
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    lock_timeout: float = 10.0


def load_settings() -> Settings:
    path = config_path()
    settings = Settings()
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise UsageError(
                _("cannot read the settings file {path}: {reason}").format(
                    path=path, reason=os_reason(err).text() if isinstance(err, OSError) else err
                )
            ) from None
        author = data.get("author")
        if isinstance(author, str) and author.strip():
            settings.author = author.strip()
        cats = data.get("categories")
        if isinstance(cats, list):
            settings.categories = [c for c in cats if isinstance(c, str) and c.strip()]
    env_timeout = os.environ.get("LOGBOOK_LOCK_TIMEOUT")
    if env_timeout:
        try:
            timeout = float(env_timeout)
            if not math.isfinite(timeout):  # an endless wait is the hang the timeout prevents
                raise ValueError(env_timeout)
        except ValueError:
            raise UsageError(
                _("LOGBOOK_LOCK_TIMEOUT={value} is not a number of seconds").format(value=repr(env_timeout))
            ) from None
        if not 0 <= timeout <= MAX_LOCK_TIMEOUT:  # a wait of years is a hang all the same
            raise UsageError(
                _("LOGBOOK_LOCK_TIMEOUT={value} is out of range; expected 0 to {most} seconds").format(
                    value=repr(env_timeout), most=f"{MAX_LOCK_TIMEOUT:g}"
                )
            )
        settings.lock_timeout = timeout
    return settings


def language_setting() -> str | None:
    """`language` from the settings file, or None; a file that cannot be read says nothing here
    (the command that needs its other settings reports it)."""
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    value = data.get("language")
    return value if isinstance(value, str) else None


def current_author(settings: Settings) -> str:
    """Who is logging: LOGBOOK_AUTHOR, else the settings file, else the OS user."""
    env = environ_text("LOGBOOK_AUTHOR")
    if env and env.strip():
        return env.strip()
    if settings.author:
        return settings.author
    try:
        return getpass.getuser()
    except Exception:  # no user name on some containers; the record still needs an author
        return "unknown"
