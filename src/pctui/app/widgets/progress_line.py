"""The second line: progress (approved / total, per stage) and the list's active filter."""

from __future__ import annotations

from rich.text import Text

from pctui.app.host import host_of
from pctui.app.render.progress import progress_line
from pctui.app.widgets.one_line import OneLine
from pctui.base.inert import inert
from pctui.i18n import _
from pctui.model.records import Consultation
from pctui.session.derived import DerivedCache
from pctui.session.listing import ListFilter


class ProgressLine(OneLine):
    """approved n/total as a bar, approvals per stage, and "showing k of n" when filtered."""

    def show(
        self, consultation: Consultation, derived: DerivedCache, where: ListFilter, shown: int
    ) -> None:
        """Redraw for `consultation`, the list's filter and how many items it shows."""
        states, stages = derived.counts(consultation)
        context = host_of(self).render_context
        line = progress_line(len(consultation.items), states, stages, context, width=10)
        described = where.describe()
        if described:
            line.append("  │ ", style="dim")
            line.append(_("{count} shown").format(count=shown) + " ", style="bold")
            line.append(Text(inert(described), style="italic"))
        self.update(line)

    def show_reading(self, name: str, shown: int, total: int) -> None:
        """Say that file `name` is still being read: `shown` of its `total` items so far."""
        # Text, not markup: a file name may hold brackets.
        self.update(Text(_("Reading {name}: the first {shown} of {total} items are shown; "
                           "actions wait until it is read …").format(
            name=name, shown=shown, total=total)))  # fmt: skip
