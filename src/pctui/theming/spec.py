"""What a theme is, once read: Textual's colours plus the styles pctui marks things with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pctui.theming.styles import colours_only

SHIPPED = "shipped"
USER = "user"

# Textual's theme fields, required in every theme file (foreground is optional).
TEXTUAL_COLOURS = (
    "primary", "secondary", "accent", "warning", "error", "success",
    "background", "surface", "panel",
)  # fmt: skip
OPTIONAL_COLOURS = ("foreground",)
DIFF_MARKS = ("inserted", "deleted")
BADGE_MARKS = ("draft", "in-review", "changes-requested", "approved")
# Every other mark the review screen draws; each has a default derived from the theme.
OTHER_MARKS = (
    "signed", "unsigned", "approve", "reject", "valid", "stale", "withdrawn", "invalid",
    "reason", "bar", "minus", "plus",
)  # fmt: skip


def derived_marks(diff: dict[str, str], badges: dict[str, str]) -> dict[str, str]:
    """Styles of the other marks when the theme does not give them: each borrows from the
    diff or state style it stands beside (a valid sign-off looks like an approved state)."""
    approved, changes = badges["approved"], badges["changes-requested"]
    return {
        "signed": approved,
        "unsigned": "dim",
        "approve": approved,
        "reject": changes,
        "valid": approved,
        "stale": badges["in-review"],
        "withdrawn": "dim",
        "invalid": changes,
        "reason": "dim",
        "bar": colours_only(approved),
        "minus": colours_only(diff["deleted"]),
        "plus": colours_only(diff["inserted"]),
    }


@dataclass(frozen=True)
class ThemeSpec:
    """One theme file, checked: everything the app needs to build and apply it."""

    name: str
    description: str
    dark: bool
    ansi: bool  # colours are the terminal's own ("ansi_blue"), not RGB
    colours: dict[str, str]  # Textual field -> colour
    variables: dict[str, str]  # extra Textual variables
    styles: dict[str, str]  # mark (inserted, approved, stale …) -> style
    pygments: str  # the Pygments style the raw and git-diff views use
    path: Path
    origin: str = SHIPPED  # SHIPPED or USER
    overrides: bool = field(default=False)  # a user theme replacing a shipped one
