"""The editor's text area: never echoes a control, bidi or invisible character raw.

Textual writes a widget's characters to the terminal as they are (it strips only BEL, BS,
VT, FF and CR), so an ESC in a text area would reach the terminal and act there.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from pctui.base.inert import inert_each


class InertTextArea(TextArea):
    """A TextArea that shows each control, bidi and invisible character as one visible mark.

    The text itself is kept as it is: a reviewer revising a response that holds such a
    character sees it (␛ for ESC, ⌧ for a bidi or invisible one) and may delete it, and
    saving keeps it, except the characters Textual's document takes for line ends (CR,
    VT, FF, FS, GS, RS, NEL, U+2028, U+2029), which become line breaks (the editor's
    title says so). Textual places the cursor by the raw characters'
    widths (zero for these), so on a line holding them the cursor is drawn one cell to the
    left per mark before it.
    """

    def get_line(self, line_index: int) -> Text:
        """Line `line_index` with every such character replaced by exactly one mark."""
        return Text(inert_each(self.document.get_line(line_index)), end="", no_wrap=True)
