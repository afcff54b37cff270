"""Fields a reviewer types into that never echo a control, bidi or invisible character raw.

Textual writes a widget's characters to the terminal as they are (it strips only BEL, BS,
VT, FF and CR), so an ESC in a text area would reach the terminal and act there.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, TextArea

from pctui.model.inert import inert_each, suspicious


class PlainInput(Input):
    """An Input that drops control, bidi and invisible characters from what is pasted.

    Keys cannot type them (Input takes printable characters only); a paste can. What is
    typed here (a search, a note, a comment) is the reviewer's own words, and a comment or
    note goes into the file, so such characters are left out rather than kept.
    """

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert `text` without its control, bidi and invisible characters."""
        super().insert_text_at_cursor(_plain(text))

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace the range with `text` without its control, bidi and invisible characters."""
        super().replace(_plain(text), start, end)


def _plain(text: str) -> str:
    marks = {offset for offset, _ in suspicious(text)}
    return "".join(char for offset, char in enumerate(text) if offset not in marks)


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
