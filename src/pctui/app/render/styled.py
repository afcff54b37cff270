"""A long styled text kept as its plain string and its spans, made into Rich Text only a
piece at a time.

Rich scans every string it is given for control codes (about 60 ns a Japanese character):
the 289 opinions of one item cost 2.7 ms of a key press that way, for a pane that shows 40
lines of them. The pieces appended here have been made inert (`inert` turns every control
code Rich would drop into a visible mark), so nothing needs dropping: the plain string and
the spans are built as `Text.append` builds them, and `Wrapped` cuts
a Text out of them for each chunk of lines it shows (`line_sources._cut`).
"""

from __future__ import annotations

from rich.text import Span, Text


class Styled:
    """Plain text and its style spans, with what `line_sources._cut` reads of a Text."""

    style = ""
    justify = None
    overflow = None

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self._plain: str | None = ""
        self.spans: list[Span] = []

    def __len__(self) -> int:
        return self._length

    @property
    def plain(self) -> str:
        if self._plain is None:
            self._plain = "".join(self._pieces)
            self._pieces = [self._plain]
        return self._plain

    def append(self, text: str, style: str = "") -> None:
        """As `Text.append(text, style)`, for a `text` that holds no control code."""
        if not text:
            return
        if style:
            self.spans.append(Span(self._length, self._length + len(text), style))
        self._pieces.append(text)
        self._length += len(text)
        self._plain = None

    def text(self) -> Text:
        """The whole of it as one Text (Rich scans it all: for the tests and a rare path)."""
        return Text(self.plain, spans=list(self.spans))


def as_text(text: Text | Styled) -> Text:
    """`text` as a Rich Text."""
    return text.text() if isinstance(text, Styled) else text
