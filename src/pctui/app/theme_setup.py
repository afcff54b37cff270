"""pctui's theme files as Textual themes: converted, registered, and applied to the marks.

Only pctui's themes are offered (Textual's built-in ones are unregistered from the app):
each of them also says how diffs, states and sign-offs are marked and which Pygments style
highlights the raw views, which a plain Textual theme cannot.
"""

from __future__ import annotations

from typing import Any

from rich.errors import StyleSyntaxError
from rich.style import Style
from textual.app import App
from textual.color import ColorParseError
from textual.theme import Theme

from pctui.i18n import _
from pctui.theming import DEFAULT_THEME, Catalog, ThemeSpec


class ThemeNotUsable(ValueError):
    """A theme file that passed pctui's checks but that Textual or Rich still refuses."""


# Textual's widgets use these, but its colour system does not derive them for a theme of
# the terminal's own colours (Textual's ANSI themes set them by hand).
ANSI_VARIABLES = {"ansi-background": "ansi_default", "ansi-foreground": "ansi_default"}


def _variables(spec: ThemeSpec) -> dict[str, str]:
    return {**ANSI_VARIABLES, **spec.variables} if spec.ansi else dict(spec.variables)


def textual_theme(spec: ThemeSpec) -> Theme:
    """The Textual theme of `spec`; ThemeNotUsable (saying why) when it cannot be built."""
    colours = spec.colours
    theme = Theme(
        name=spec.name,
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
        accent=colours.get("accent"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        dark=spec.dark,
        variables=_variables(spec),
        ansi=spec.ansi,
    )
    try:
        theme.to_color_system().generate()
        for style in spec.styles.values():
            Style.parse(style)
    except (ColorParseError, StyleSyntaxError, ValueError) as error:
        message = _("{path}: theme {name} cannot be used: {error}")
        raise ThemeNotUsable(
            message.format(path=spec.path, name=repr(spec.name), error=error)
        ) from None
    return theme


def install_themes(app: App[Any], catalog: Catalog, chosen: str) -> tuple[str, list[str]]:
    """Register `catalog`'s themes on `app`, make one of them current (`chosen` when it is
    usable, else the first usable one) and unregister Textual's own themes.

    Returns (the theme made current, problems to tell the reviewer).
    """
    problems: list[str] = []
    usable: list[str] = []
    for spec in catalog.themes.values():
        try:
            app.register_theme(textual_theme(spec))
        except ThemeNotUsable as error:
            problems.append(str(error))
            continue
        usable.append(spec.name)
    if not usable:
        return app.theme, problems  # nothing of ours: keep Textual's default
    if chosen not in usable:
        fallback = DEFAULT_THEME if DEFAULT_THEME in usable else usable[0]
        message = _("theme {name} is not available; using {fallback}")
        problems.append(message.format(name=repr(chosen), fallback=repr(fallback)))
        chosen = fallback
    app.theme = chosen
    for name in list(app.available_themes):
        if name not in usable:
            app.unregister_theme(name)
    return chosen, problems
