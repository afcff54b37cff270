"""Themes: the theme files (Textual colours, diff and state styles, a Pygments style), read
and checked without any UI library; `pctui.app.theme_setup` turns them into Textual themes."""

from pctui.theming.catalog import (
    DEFAULT_THEME,
    TERMINAL_THEME,
    Catalog,
    load_catalog,
    shipped_themes_dir,
    user_themes_dir,
)
from pctui.theming.loader import load_theme
from pctui.theming.spec import SHIPPED, USER, ThemeSpec

__all__ = [
    "DEFAULT_THEME",
    "SHIPPED",
    "TERMINAL_THEME",
    "USER",
    "Catalog",
    "ThemeSpec",
    "load_catalog",
    "load_theme",
    "shipped_themes_dir",
    "user_themes_dir",
]
