"""The top line: the consultation's title and organization, and who is signed in."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from pctui.app.host import host_of
from pctui.app.render.context import RenderContext
from pctui.app.widgets.one_line import OneLine
from pctui.base.inert import inert
from pctui.i18n import _, ngettext
from pctui.model.office import open_assigned
from pctui.model.records import Consultation


def who_text(consultation: Consultation, login: str, context: RenderContext) -> Text:
    """ "yamada · 担当" or "root · not a reviewer (drafts only)": the login and the stages
    it may sign, or that it may only draft (revise, open to any login: drafting is not
    signing; every other change is a reviewer's); then, where the office assigns items, how
    many of the login's are still open."""
    stages = consultation.review.stages_of(login)
    who = Text(inert(login), style="bold")
    if stages:
        who.append(" · " + context.glyph("stage-join").join(inert(stage) for stage in stages))
    else:
        who.append(" · " + _("not a reviewer (drafts only)"), style="italic")
    if any(item.assignments for item in consultation.items):
        count = open_assigned(consultation, login)
        who.append(
            " · "
            + ngettext("{count} of mine open", "{count} of mine open", count).format(count=count)
        )
    return who


class TitleBar(Horizontal):
    """Title · organization on the left, the signed-in login and its stages on the right."""

    def __init__(self, consultation: Consultation, login: str) -> None:
        super().__init__(id="title-bar")
        self._consultation = consultation
        self._login = login

    def compose(self) -> ComposeResult:
        """The two halves of the line."""
        yield OneLine(id="title")
        yield Static(id="who")

    def on_mount(self) -> None:
        """Fill the line in."""
        self.show(self._consultation)

    def show(self, consultation: Consultation) -> None:
        """Show `consultation`'s title (after a reload it may have changed)."""
        self._consultation = consultation
        meta = consultation.meta
        context = host_of(self).render_context
        title = Text(inert(meta.title), style="bold")
        if meta.organization:
            title.append(f" {context.glyph('dash')} " + inert(meta.organization))
        self.query_one("#title", OneLine).update(title)
        self.query_one("#who", Static).update(who_text(consultation, self._login, context))
