"""Which theme a session starts with: --theme, then the settings, then the terminal's default."""

from __future__ import annotations

from pctui.theming import DEFAULT_THEME, TERMINAL_THEME, load_catalog
from pctui.theming.choice import FROM_CONFIG, FROM_DEFAULT, FROM_FLAG, choose_theme

CATALOG = load_catalog(include_user=False)


def test_the_flag_wins_then_the_settings_then_the_default() -> None:
    assert choose_theme(CATALOG, "pctui-light", "pctui-dark", 256).name == "pctui-light"
    assert choose_theme(CATALOG, "pctui-light", None, 256).source == FROM_FLAG
    chosen = choose_theme(CATALOG, None, "pctui-high-contrast", 16)
    assert (chosen.name, chosen.source) == ("pctui-high-contrast", FROM_CONFIG)
    assert choose_theme(CATALOG, None, None, 256).name == DEFAULT_THEME
    assert choose_theme(CATALOG, None, "", 1 << 24).name == DEFAULT_THEME


def test_a_16_colour_terminal_gets_its_own_colours_by_default() -> None:
    chosen = choose_theme(CATALOG, None, None, 16)
    assert (chosen.name, chosen.source, chosen.problems) == (TERMINAL_THEME, FROM_DEFAULT, ())


def test_a_configured_theme_that_is_gone_falls_back_with_a_reason() -> None:
    chosen = choose_theme(CATALOG, None, "pctui-drak", 256)
    assert chosen.name == DEFAULT_THEME and chosen.source == FROM_DEFAULT
    assert "did you mean 'pctui-dark'?" in chosen.problems[0]
    assert choose_theme(CATALOG, None, 3, 256).problems == (
        "settings: theme must be a name; using 'pctui-dark'",
    )
