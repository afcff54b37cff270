"""Every theme a reviewer can choose: the shipped ones, then their own.

Shipped themes are installed inside the package (`pctui/themes/*.toml`, copied there from
the repository's `themes/` folder when the wheel is built); in a source checkout they are
read from `themes/` itself. A reviewer's own themes are the `*.toml` files in
`~/.config/pctui/themes/` (the platform's config folder). A theme file with a problem is
reported and skipped, never fatal; a user theme may replace a shipped one of the same name.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path

from pctui.base.problems import Problem
from pctui.config import config_dir
from pctui.i18n import _
from pctui.theming.loader import load_theme
from pctui.theming.spec import SHIPPED, USER, ThemeSpec

DEFAULT_THEME = "pctui-dark"
TERMINAL_THEME = "pctui-terminal"  # the default when the terminal has 16 colours


def shipped_themes_dir() -> Path:
    """The folder of the themes installed with pctui (or the checkout's `themes/`)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "themes"
    if installed.is_dir():
        return installed
    return package.parents[1] / "themes"  # src/pctui -> the repository root


def user_themes_dir() -> Path:
    """The folder a reviewer drops their own theme files into."""
    return config_dir() / "themes"


@dataclass
class Catalog:
    """The themes found, by name, and the problems of the files that could not be used."""

    themes: dict[str, ThemeSpec] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, name: str) -> ThemeSpec | None:
        """The theme called `name`, or None."""
        return self.themes.get(name)

    def unknown(self, name: str) -> str:
        """The message for a theme name that is not in the catalog, with a suggestion."""
        close = difflib.get_close_matches(name, list(self.themes), n=1)
        hint = _("did you mean {name}? ").format(name=repr(close[0])) if close else ""
        names = ", ".join(sorted(self.themes))
        message = _("no theme called {name}; {hint}themes: {names} (`pctui themes` shows them)")
        return message.format(name=repr(name), hint=hint, names=names)


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(path for path in folder.glob("*.toml") if path.is_file())
    except OSError:
        return []


def load_catalog(
    shipped: Path | None = None, user: Path | None = None, include_user: bool = True
) -> Catalog:
    """The shipped themes (from `shipped`, default: the installed ones) and, with
    `include_user`, the user's (from `user`, default: `user_themes_dir()`), with every
    problem found."""
    catalog = Catalog()
    folders = [(SHIPPED, shipped or shipped_themes_dir())]
    if include_user:
        folders.append((USER, user or user_themes_dir()))
    for origin, folder in folders:
        names_here: dict[str, Path] = {}
        for path in _files(folder):
            spec, problems = load_theme(path, origin)
            catalog.problems.extend(problems)
            if spec is None:
                continue
            if spec.name in names_here:
                message = _("theme {name} is already defined by {path}; this file is skipped")
                message = message.format(name=repr(spec.name), path=names_here[spec.name])
                catalog.problems.append(Problem(str(path), 1, 1, message))
                continue
            names_here[spec.name] = path
            before = catalog.themes.get(spec.name)
            if before is not None and before.origin == SHIPPED and origin == USER:
                spec = replace(spec, overrides=True)
            catalog.themes[spec.name] = spec
    return catalog
