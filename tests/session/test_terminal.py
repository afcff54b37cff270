"""What the terminal can show, from the environment: colours (Rich's rule) and glyphs."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from pctui.session.terminal import colour_count, glyphs_problem, plain_glyphs


@pytest.mark.parametrize(
    ("env", "colours"),
    [
        ({"TERM": "xterm-256color"}, 256),
        ({"TERM": "xterm"}, 16),
        ({"TERM": "linux"}, 16),
        ({"TERM": "screen-256color"}, 256),
        ({"TERM": "xterm", "COLORTERM": "truecolor"}, 1 << 24),
        ({"TERM": "xterm-256color", "TEXTUAL_COLOR_SYSTEM": "standard"}, 16),
        ({}, 16),
    ],
)
def test_colours_follow_riches_rule(env: dict[str, str], colours: int) -> None:
    assert colour_count(env) == colours
    if "TEXTUAL_COLOR_SYSTEM" not in env:
        # The same answer as the console Textual renders with.
        console = Console(file=io.StringIO(), force_terminal=True, _environ=env)
        rich = {"truecolor": 1 << 24, "256": 256, "standard": 16}[console.color_system or ""]
        assert rich == colours


@pytest.mark.parametrize(
    ("term", "setting", "plain"),
    [
        ("linux", "auto", True),
        ("vt220", "auto", True),
        ("xterm-256color", "auto", False),
        ("xterm", "auto", False),
        ("linux", "unicode", False),
        ("xterm-256color", "plain", True),
        ("xterm", "nonsense", False),
    ],
)
def test_plain_glyphs_on_a_console_or_when_asked(term: str, setting: str, plain: bool) -> None:
    assert plain_glyphs({"TERM": term}, setting) is plain


def test_a_bad_glyphs_setting_is_named() -> None:
    assert glyphs_problem("plain") is None and glyphs_problem("auto") is None
    assert 'glyphs must be one of "auto", "plain", "unicode", not \'fancy\'' in (
        glyphs_problem("fancy") or ""
    )
