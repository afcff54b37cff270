"""The progress line: items approved out of the total as a text bar, and per stage."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from pctui.app.render.context import RenderContext
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.state import APPROVED, State


def bar(done: int, total: int, width: int) -> str:
    """A bar of `width` cells, filled in proportion to done/total (█ done, ░ not)."""
    if width <= 0:
        return ""
    filled = round(width * done / total) if total else 0
    if 0 < done < total:
        filled = min(max(filled, 1), width - 1)  # any progress shows, and so does any remainder
    return "█" * filled + "░" * (width - filled)


def progress_line(
    total: int,
    states: Mapping[State, int],
    stages: dict[str, int],
    context: RenderContext,
    width: int = 10,
) -> Text:
    """The header's progress, e.g. "approved 3/10 ███░░░░░░░  担当 6/10  係長 4/10  課長 3/10",
    from the number of items, the items per state and the items approved per stage."""
    approved = states.get(APPROVED, 0)
    line = Text()
    line.append(_("approved") + " ", style="bold")
    line.append(f"{approved}/{total} ")
    line.append(bar(approved, total, width), style=context.style("bar"))
    for number, (stage, count) in enumerate(stages.items(), start=1):
        # With plain glyphs the list marks a signed stage by its number: say which is which.
        shown = f"{number}:{inert(stage)}" if context.plain else inert(stage)
        line.append(f"  {shown} ", style="bold")
        line.append(f"{count}/{total}")
    return line
