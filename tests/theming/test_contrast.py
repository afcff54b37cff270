"""The shipped themes' marks are readable: every coloured mark against the theme's
background meets WCAG contrast (4.5:1; 7:1 in the high-contrast theme)."""

from __future__ import annotations

import pytest

from pctui.theming import load_catalog
from pctui.theming.styles import is_hex

THEMES = load_catalog(include_user=False).themes


def luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb" or "#rgb"."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", sorted(name for name, spec in THEMES.items() if not spec.ansi))
def test_coloured_marks_stand_out_from_the_background(name: str) -> None:
    spec = THEMES[name]
    needed = 7.0 if name == "pctui-high-contrast" else 4.5
    for background in (spec.colours["background"], spec.colours["surface"]):
        for mark, style in spec.styles.items():
            words = style.split()
            if "on" in words:
                continue  # a mark with its own background
            for word in filter(is_hex, words):
                ratio = contrast(word, background)
                assert ratio >= needed, f"{name}: {mark} {word} on {background}: {ratio:.1f}"
