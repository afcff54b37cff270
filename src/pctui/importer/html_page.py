"""A published HTML result (as `pctui publish` writes it, or a page laid out like it) turned
into the Markdown that `text` reads: headings stay headings, paragraphs and list items lines,
each table row a pipe row whose cells keep their <p> and <br> (so `cells.cell_text` gives
the same paragraphs back).

A cell spanning rows below it (`rowspan`: format 2's listed layout, one answer over several
opinions) is written in the rows it covers as a reference to the row that holds it,
「（No.1と同じ）」, exactly as pctui's Markdown does — so both are read alike. The head,
styles, scripts and captions (repeating the heading for screen readers) are not content;
nor is a note beside the result (a block quote, an aside, the draft banner, a mark hidden
from screen readers).
"""

from __future__ import annotations

from html.parser import HTMLParser

from pctui.base.labels import JA

_SKIPPED = {"head", "style", "script", "caption", "title"}
_HEADINGS = {"h1": "#", "h2": "##", "h3": "###", "h4": "####", "h5": "#####", "h6": "######"}
_LINES = {"p", "li", "div", "dt", "dd", "section", "ul", "ol", "table", "br"}
# A note beside the result, not part of it — a quotation, an aside, the draft banner
# (role="note") of a page `pctui publish --draft` wrote: read as Markdown's block quote,
# which the text reader passes over, as it does pctui's Markdown banner.
_NOTES = {"blockquote", "aside"}


def _beside(attrs: dict[str, str | None]) -> bool:
    """Whether a block is a note beside the result (role="note") or a mark hidden from
    screen readers (aria-hidden="true": the 【案】 printed on every page of a draft; an
    inline mark such as a list's ア stays part of its line)."""
    return attrs.get("role") == "note" or attrs.get("aria-hidden") == "true"


def _pipe_cell(markup: str) -> str:
    """A cell's inner markup as a Markdown pipe cell: one line, backslashes and pipes
    escaped (the Markdown reader removes the escapes again)."""
    flat = " ".join(markup.replace("\\", "\\\\").replace("|", "\\|").split())
    return flat or " "


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.lines: list[str] = []
        self.text = ""  # the line being gathered outside any table
        self.skipping = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None  # the markup of the cell being read
        self.cell_rows = 1
        # Cells still spanning down: column -> (rows left, label of the row that holds it).
        self.spans: dict[int, tuple[int, str]] = {}

    # --- text outside tables -----------------------------------------------------------

    def _flush(self) -> None:
        line = " ".join(self.text.split())
        if line:
            self.lines.append(line)
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif self.cell is not None:
            self.cell.append(self.get_starttag_text() or "")
        elif tag == "tr":
            self._flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self._covered()
            self.cell = []
            spans = dict(attrs).get("rowspan") or "1"
            self.cell_rows = int(spans) if spans.isdigit() else 1
        elif tag in _HEADINGS:
            self._flush()
            self.text = _HEADINGS[tag] + " "
        elif tag in _NOTES or (tag in _LINES and _beside(dict(attrs))):
            self._flush()
            self.text = "> "  # a note beside the result (the draft banner): a quote
        elif tag in _LINES:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif self.skipping:
            return
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            if self.cell_rows > 1:
                first = self.row[0].strip() if self.row else ""
                self.spans[len(self.row)] = (self.cell_rows - 1, first)
            self.row.append(_pipe_cell("".join(self.cell)))
            self.cell = None
        elif self.cell is not None:
            self.cell.append(f"</{tag}>")
        elif tag == "tr" and self.row is not None:
            self._covered()
            self.lines.append("| " + " | ".join(self.row) + " |")
            self.row = None
        elif tag in _HEADINGS or tag in _LINES:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.cell is not None and not self.skipping:
            self.cell.append(self.get_starttag_text() or "")
        elif tag == "br" and not self.skipping:
            self._flush()

    def _covered(self) -> None:
        """Fill the columns a cell above spans down into, at the row's current column."""
        assert self.row is not None
        while len(self.row) in self.spans:
            column = len(self.row)
            left, label = self.spans[column]
            self.row.append(_pipe_cell(JA.same_answer.format(label=label)))
            if left > 1:
                self.spans[column] = (left - 1, label)
            else:
                del self.spans[column]

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.text += data

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, markup: str) -> None:
        """An entity: kept as written in a cell (cell_text decodes it), decoded elsewhere."""
        if self.cell is not None and not self.skipping:
            self.cell.append(markup)
        else:
            from html import unescape

            self.handle_data(unescape(markup))


def html_to_markdown(text: str) -> str:
    """The Markdown `text`'s HTML page reads as (see the module docstring)."""
    page = _Page()
    page.feed(text)
    page.close()
    page._flush()
    return "\n".join(page.lines) + "\n"
