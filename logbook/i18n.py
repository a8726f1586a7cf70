"""The language a person reads, chosen once a process, and the message catalog's functions.

Messages are written in English inside `_()` (or `ngettext()` where English has a plural) as
whole sentences with named placeholders; their Chinese lives in the gettext catalog
logbook/locale/zh_CN/LC_MESSAGES/logbook.po, compiled to a .mo by the build. Which language: the
`--lang` option, else LOGBOOK_LANG, else `language` in the settings file, else the locale
variables (LC_ALL, LC_MESSAGES, LANG, LANGUAGE; on Windows the user's interface language) read
as text, so a locale that is not installed on the machine still counts. `zh*` reads Chinese, and
zh_TW, zh_HK and zh_MO read it in Traditional characters (the catalog's Simplified passed
through OpenCC, with Taiwan's or Hong Kong's characters); anything else reads English.

What programs read never goes through here: JSON keys and values, exit codes, the exchange file.
"""

from __future__ import annotations

import errno
import gettext as _gettext
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOMAIN = "logbook"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH, CHINESE, TRADITIONAL, HONG_KONG = "en", "zh", "zh_Hant", "zh_HK"
# OpenCC's conversion for each Traditional reading: Taiwan's characters (為, 裡), or Hong Kong's.
_OPENCC = {TRADITIONAL: "s2tw", HONG_KONG: "s2hk"}
CHOICES = ("zh", "en")
_TRADITIONAL_REGIONS = ("tw", "hant")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

_catalog: _gettext.NullTranslations = _gettext.NullTranslations()
_language = ENGLISH


class _Traditional(_gettext.NullTranslations):
    """The Simplified catalog read in Traditional characters, converted on the way out."""

    def __init__(self, simplified: _gettext.NullTranslations, config: str) -> None:
        super().__init__()
        import opencc

        self._simplified = simplified
        self._convert = opencc.OpenCC(config).convert
        self._seen: dict[str, str] = {}

    def _traditional(self, text: str) -> str:
        done = self._seen.get(text)
        if done is None:
            done = self._seen[text] = self._convert(text)
        return done

    def gettext(self, message: str) -> str:
        translated = self._simplified.gettext(message)
        return message if translated is message else self._traditional(translated)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        translated = self._simplified.ngettext(singular, plural, n)
        return translated if translated in (singular, plural) else self._traditional(translated)


def language_of(value: str | None) -> str | None:
    """The interface language a locale name or a `--lang` value asks for; None for no answer
    (empty, or `C`/`POSIX`, which say nothing of a language)."""
    if not value:
        return None
    first = value.split(":")[0].strip()
    name = first.split(".")[0].split("@")[0].replace("-", "_").lower()
    if not name or name in ("c", "posix"):
        return None
    if name == "zh" or name.startswith("zh_"):
        region = name[3:]
        if region in ("hk", "mo"):
            return HONG_KONG
        return TRADITIONAL if region in _TRADITIONAL_REGIONS or "hant" in name else CHINESE
    return ENGLISH


def _windows_language() -> str | None:
    if sys.platform != "win32":  # pragma: no cover - the tests run on Linux
        return None
    import ctypes  # pragma: no cover
    import locale  # pragma: no cover

    lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # pragma: no cover
    return locale.windows_locale.get(lcid)  # pragma: no cover


def choose(option: str | None = None, setting=None, environ=None) -> str:
    """The language of this process's interface: ENGLISH, CHINESE or TRADITIONAL. `setting` is
    the settings file's `language`, or a function that reads it (called only when needed)."""
    env = os.environ if environ is None else environ
    for value in (option, env.get("LOGBOOK_LANG")):
        chosen = language_of(value)
        if chosen:
            return chosen
    chosen = language_of(setting() if callable(setting) else setting)
    if chosen:
        return chosen
    for name in _LOCALE_VARIABLES:
        chosen = language_of(env.get(name))
        if chosen:
            return chosen
    return language_of(_windows_language()) or ENGLISH


def use(language: str) -> None:
    """Read every message from now on in `language`."""
    global _catalog, _language
    if language == ENGLISH:
        catalog: _gettext.NullTranslations = _gettext.NullTranslations()
    else:
        catalog = _gettext.translation(DOMAIN, LOCALE_DIR, languages=["zh_CN"], fallback=True)
        if language in _OPENCC:
            catalog = _Traditional(catalog, _OPENCC[language])
    _catalog, _language = catalog, language


def current() -> str:
    return _language


def is_chinese() -> bool:
    return _language != ENGLISH


def _(message: str) -> str:
    """`message` in the reader's language."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The English singular or plural for `n`, or the one Chinese sentence."""
    return _catalog.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; `_()` translates it where it is shown."""
    return message


@dataclass(frozen=True)
class Message:
    """A sentence kept as its catalog id and its values, for text that both people and programs
    read (a `check` finding, an import problem): `str()` is the English, as JSON carries it
    whatever the reader's language; `text()` is the reader's language. Write the id as
    N_("…") so the catalog finds it; `plural` and `n` for English plurals."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)
    plural: str | None = None
    n: int = 1

    def __str__(self) -> str:
        chosen = self.template if self.plural is None or self.n == 1 else self.plural
        return chosen.format(**self.params)

    def text(self) -> str:
        # a value that is itself a Message (a file's problem inside a finding) reads in the
        # reader's language too
        params = {k: v.text() if isinstance(v, (Message, Reason)) else v for k, v in self.params.items()}
        if self.plural is None:
            return _(self.template).format(**params)
        return ngettext(self.template, self.plural, self.n).format(**params)


def message(template: str, /, **params: Any) -> Message:
    """Message(template, params): `message(N_("{name} is not in the registry"), name=…)`."""
    return Message(template, params)


class Reason(str):
    """Why a record or a cell cannot be imported: the English sentence (what JSON carries and
    what a program compares), keeping its catalog id and values so that `text()` says it in the
    reader's language. `Reason(N_("{value} is not a date"), value=…)`."""

    message: Message

    def __new__(cls, template: str, /, **params: Any) -> Reason:
        made = super().__new__(cls, template.format(**params))
        made.message = Message(template, params)
        return made

    def text(self) -> str:
        return self.message.text()


class Joined(Reason):
    """Reasons said one after another, each a whole clause: `; ` between clauses or `, `
    between the items of a list in English, as the catalog gives them in the reader's
    language (`；`, `，`). `str()` is the English, as for any Reason."""

    parts: tuple[str, ...]
    separator: str

    def __new__(cls, separator: str, /, *parts: str) -> Joined:
        kept = tuple(p for p in parts if p)
        made = str.__new__(cls, separator.join(kept))
        made.message = Message("{text}", {"text": str(made)})
        made.parts, made.separator = kept, separator
        return made

    def text(self) -> str:
        return _(self.separator).join(reason_text(p) for p in self.parts)


def clauses(*parts: str) -> Joined:
    """Clauses of one reason: `the date in the text; year 2025 named in the text`."""
    return Joined(N_("; "), *parts)


def items(*parts: str) -> Joined:
    """The items of a list inside a reason: `a (helpers), b (another event)`."""
    return Joined(N_(", "), *parts)


def reason_text(reason: str) -> str:
    """A reason in the reader's language (a plain string is shown as it is)."""
    return reason.text() if isinstance(reason, Reason) else reason


# The system's common refusals, said in the reader's language; the English is what the system
# says on Linux. Any other error is said as the system says it.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
    errno.EMFILE: N_("Too many open files"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EBUSY: N_("Device or resource busy"),
}


def os_reason(err: OSError) -> Reason:
    """Why the system refused (`err.strerror`), as a Reason: `text()` in the reader's language."""
    known = _OS_REASONS.get(err.errno) if err.errno is not None else None
    if known is not None:
        return Reason(known)
    return Reason("{reason}", reason=err.strerror or str(err))
