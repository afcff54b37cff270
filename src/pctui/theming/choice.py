"""Which theme a session starts with: `--theme`, then the settings file, then a default
that suits the terminal (its own 16 colours when that is all it has)."""

from __future__ import annotations

from dataclasses import dataclass

from pctui.i18n import _
from pctui.theming.catalog import DEFAULT_THEME, TERMINAL_THEME, Catalog

FROM_FLAG = "--theme"
FROM_CONFIG = "config"
FROM_DEFAULT = "default"


@dataclass(frozen=True)
class Choice:
    """The theme to start with, why it was chosen, and what to tell the reviewer."""

    name: str
    source: str  # FROM_FLAG, FROM_CONFIG or FROM_DEFAULT
    problems: tuple[str, ...] = ()


def default_theme(colours: int) -> str:
    """The theme used when the reviewer chose none: for a terminal of `colours` colours."""
    return TERMINAL_THEME if colours <= 16 else DEFAULT_THEME


def choose_theme(catalog: Catalog, flag: str | None, configured: object, colours: int) -> Choice:
    """The theme to start with. An unknown `flag` is the caller's to refuse (see
    `Catalog.unknown`); a configured theme that no longer exists falls back to the default,
    with a problem saying so."""
    if flag:
        return Choice(flag, FROM_FLAG)
    fallback = default_theme(colours)
    if configured is None or configured == "":
        return Choice(fallback, FROM_DEFAULT)
    if isinstance(configured, str) and configured in catalog.themes:
        return Choice(configured, FROM_CONFIG)
    shown = configured if isinstance(configured, str) else repr(configured)
    why = catalog.unknown(shown) if isinstance(configured, str) else _("theme must be a name")
    problem = _("settings: {why}; using {fallback}").format(why=why, fallback=repr(fallback))
    return Choice(fallback, FROM_DEFAULT, (problem,))
