"""Cheap item boundaries: a consultation file is a header followed by `[[items]]` blocks.

Finding the blocks with one regular-expression pass costs milliseconds even at national
scale (tens of MB), so loading and saving never need a whole-file tomlkit parse: each
block is parsed on its own and only a changed block is re-rendered and spliced back.
"""

from __future__ import annotations

import itertools
import re

from pctui.base.lazy_pattern import lazy_compile
from pctui.base.record_class import record
from pctui.base.toml_strings import multiline_strings

ITEM_HEADER = lazy_compile(r"^[ \t]*\[\[[ \t]*items[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)


@record(frozen=True)
class Chunk:
    """A slice of the file's text that starts at 1-based line `line`."""

    __slots__ = ("line", "text")  # one per item of a national file

    text: str
    line: int

    def __init__(self, text: str, line: int) -> None:
        _set(self, "text", text)
        _set(self, "line", line)

    def __reduce__(self) -> tuple[type[Chunk], tuple[str, int]]:
        # Copied or pickled through its fields (the frozen __setattr__ refuses a state).
        return (Chunk, (self.text, self.line))


_set = object.__setattr__  # how a frozen record's __init__ sets its fields


# `[[items]]` itself, to find candidates fast (a search that starts with a literal skips
# through 27 MB in milliseconds; ITEM_HEADER, anchored at line starts, takes ten times as
# long); each candidate is then checked to be a whole header line by ITEM_HEADER.
_CANDIDATE = lazy_compile(r"\[\[[ \t]*items[ \t]*\]\]")


def item_starts(text: str) -> list[int]:
    """Offsets of the lines of `text` that are `[[items]]` headers (what ITEM_HEADER finds)."""
    starts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if ITEM_HEADER.match(text, line_start) and (not starts or starts[-1] != line_start):
            starts.append(line_start)
    return starts


def split(text: str) -> tuple[Chunk, list[Chunk]]:
    """Split `text` into the header and one chunk per `[[items]]` header line.

    A line that only looks like an item header (inside a multi-line string) makes a
    false boundary; the reader finds where such a string really ends and joins them back.
    """
    starts = item_starts(text)
    if not starts:
        return Chunk(text, 1), []
    header = Chunk(text[: starts[0]], 1)
    chunks: list[Chunk] = []
    line = 1 + text.count("\n", 0, starts[0])
    bounds = [*starts, len(text)]
    for begin, end in itertools.pairwise(bounds):
        chunks.append(Chunk(text[begin:end], line))
        line += text.count("\n", begin, end)
    return header, chunks


def join(first: Chunk, second: Chunk) -> Chunk:
    """One chunk made of two adjacent ones."""
    return Chunk(first.text + second.text, first.line)


def open_string_at(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Offset where the multi-line string that text[start:end] ends inside opens, or None."""
    for opened, closed in multiline_strings(text, start, end):
        if closed is None:
            return opened
    return None


def ends_inside_string(text: str) -> bool:
    """True when `text` ends inside a multi-line string (so an item boundary in it was false)."""
    return open_string_at(text) is not None


def string_end(text: str, opened: int) -> int | None:
    """Offset just after the multi-line string opening at `opened` closes, or None if never."""
    for _, closed in multiline_strings(text, opened):
        return closed
    return None
