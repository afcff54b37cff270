"""The language pctui speaks: gettext catalogs, the current language, and how it is chosen.

Source strings are English; `ja` has a catalog in `locale/ja/LC_MESSAGES/pctui.mo`.
Text is translated where it is shown (`_()`), never at import time, because the
language is chosen after the modules are imported: module-level texts are marked with
`N_()` (so that extraction finds them) and translated with `_()` where they are displayed.

The choice, first that gives a supported language wins: the `--lang` option, `lang` in
the reviewer's config.toml, the consultation's `language`, the locale (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG, as gettext reads them), else English. A language pctui does not have
is passed over with a notice when someone asked for it (an option or the config), and
silently when it only came from the locale. No Textual, no Rich.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pctui.mo_catalog import Identity, load

if TYPE_CHECKING:
    from pctui.mo_catalog import Translations

DOMAIN = "pctui"
LOCALE_DIR = Path(__file__).with_name("locale")
ENGLISH = "en"
JAPANESE = "ja"
SUPPORTED = (ENGLISH, JAPANESE)
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

# The sources of a choice, as `Choice.source` names them.
OPTION = "--lang"
CONFIG = "config"
CONSULTATION = "consultation"
LOCALE = "locale"
DEFAULT = "default"

_current: Translations = Identity()
_language = ENGLISH


_catalogs: dict[str, Translations] = {}


def translation(language: str) -> Translations:
    """The catalog of `language` (English, or a language without a catalog: identity),
    read once per process and looked up a message at a time (see `pctui.mo_catalog`)."""
    found = _catalogs.get(language)
    if found is None:
        # Read from the one place `gettext.translation` would find it: its search expands
        # the name through `locale` (1 ms of the start, imported for nothing else).
        try:
            data = (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()
        except FileNotFoundError:
            found = Identity()
        else:
            found = load(data)
        _catalogs[language] = found
    return found


def install(language: str) -> None:
    """Make `language` the one every `_()` speaks from now on (unsupported: English)."""
    global _current, _language
    language = language if language in SUPPORTED else ENGLISH
    _current = translation(language)
    _language = language


def current_language() -> str:
    """The language `_()` translates into now ("en" or "ja")."""
    return _language


def _(message: str) -> str:
    """`message` in the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return _current.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """`message` unchanged: marks a text defined at import time for extraction; it is
    translated with `_()` where it is shown."""
    return message


def normalize(tag: str | None) -> str | None:
    """The language part of a locale name or tag ("ja_JP.UTF-8" → "ja", "en-GB" → "en"),
    lower-cased; None for no language ("", "C", "POSIX")."""
    if not tag:
        return None
    base = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if base in ("", "c", "posix"):
        return None
    return base


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The first language named by the first locale variable that is set, in gettext's
    order (LANGUAGE may list several, colon-separated); None when it names none (C)."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            languages = [normalize(tag) for tag in value.split(":")]
            return next((language for language in languages if language), None)
    return None


class Choice:
    """The chosen language, where the choice came from, and what to tell the user about
    choices that were passed over (already in the chosen language's words)."""

    # A plain class, not a dataclass: every command imports this module, and `dataclass`
    # compiles each method it writes (about 1 ms of the start). Equal by its fields, as
    # the dataclass was; unhashable (its list of notices made the dataclass's hash fail).
    __slots__ = ("language", "notices", "source")

    def __init__(self, language: str, source: str, notices: list[str] | None = None) -> None:
        self.language = language
        self.source = source
        self.notices = [] if notices is None else notices

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, Choice)
            mine = (self.language, self.source, self.notices)
            return mine == (other.language, other.source, other.notices)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Choice(language={self.language!r}, source={self.source!r}, notices={self.notices!r})"
        )


def choose(
    option: str | None = None,
    config: object = None,
    consultation: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Choice:
    """The language to speak: `option` (--lang), then `config` (config.toml's `lang`),
    then `consultation` (its `language`), then the locale in `environ`, else English.

    Returns the choice; nothing is installed (see `install`).
    """
    passed_over: list[tuple[str, str]] = []  # (where, value) asked for but not supported
    for source, value in ((OPTION, option), (CONFIG, config), (CONSULTATION, consultation)):
        if value is None or value == "":
            continue
        language = normalize(value) if isinstance(value, str) else None
        if language in SUPPORTED:
            return Choice(language, source, _notices(passed_over, language))
        if source != CONSULTATION:  # the file's checks report a bad `language` themselves
            passed_over.append(("--lang" if source == OPTION else "config.toml", repr(value)))
    language = locale_language(environ or {})
    if language in SUPPORTED:
        return Choice(language, LOCALE, _notices(passed_over, language))
    return Choice(ENGLISH, DEFAULT, _notices(passed_over, ENGLISH))


NOT_AVAILABLE = N_(
    "language {value} ({source}) is not available; using {language} (languages: {supported})"
)


def _notices(passed_over: list[tuple[str, str]], language: str) -> list[str]:
    if not passed_over:  # nearly always: no catalog to read for nothing
        return []
    # Said in the language chosen, which is not installed yet.
    template = translation(language).gettext(NOT_AVAILABLE)
    supported = ", ".join(SUPPORTED)
    return [
        template.format(value=value, source=source, language=language, supported=supported)
        for source, value in passed_over
    ]


# ---- dates in the style of the language ------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip


def format_date(day: dt.date) -> str:
    """`day` as the current language writes it: "2025年1月15日" or "15 Jan 2025"."""
    if _language == JAPANESE:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: dt.datetime) -> str:
    """`moment` (in its own offset) to the minute: "2025年1月15日 14:03" or
    "15 Jan 2025 14:03"."""
    return f"{format_date(moment.date())} {moment:%H:%M}"
