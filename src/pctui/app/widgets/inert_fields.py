"""Fields a reviewer types into that never echo a control, bidi or invisible character raw.
(The editor's text area is in `inert_text_area`: only the editor needs TextArea, which
the first frame need not import.)

Textual writes a widget's characters to the terminal as they are (it strips only BEL, BS,
VT, FF and CR), so an ESC in a text area would reach the terminal and act there.
"""

from __future__ import annotations

from textual.widgets import Input

from pctui.base.inert import HIDDEN, LINE_BREAK, suspicious


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
    marks = {mark.offset: mark.kind for mark in suspicious(text)}
    if not marks:
        return text
    # A line break (NEL, U+2028, U+2029) between words is a space on one line.
    kept = {HIDDEN: "", LINE_BREAK: " "}
    return "".join(kept[marks[at]] if at in marks else char for at, char in enumerate(text))
