"""Cheap item boundaries: a consultation file is a header followed by `[[items]]` blocks.

Finding the blocks with one regular-expression pass costs milliseconds even at national
scale (tens of MB), so loading and saving never need a whole-file tomlkit parse: each
block is parsed on its own and only a changed block is re-rendered and spliced back.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

ITEM_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*items[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)


@dataclass
class Chunk:
    """A slice of the file's text that starts at 1-based line `line`."""

    text: str
    line: int


def split(text: str) -> tuple[Chunk, list[Chunk]]:
    """Split `text` into the header and one chunk per `[[items]]` header line.

    A line that only looks like an item header (inside a multi-line string) makes a
    false boundary; `ends_inside_string` lets the reader join such chunks back.
    """
    starts = [m.start() for m in ITEM_HEADER.finditer(text)]
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


_TOKENS = re.compile(r'\\.|"""|\'\'\'|"|\'|#|\n', re.DOTALL)


def ends_inside_string(text: str) -> bool:
    """True when `text` ends inside a multi-line string (so its boundary was false).

    Only called for a chunk that failed to parse, so its cost is off the normal path.
    """
    state = ""  # "", '"', "'", '"""', "'''" or "#"
    for match in _TOKENS.finditer(text):
        token = match.group()
        if state == "#":
            if token == "\n":
                state = ""
        elif state == "":
            if token in ('"""', "'''", '"', "'"):
                state = token
            elif token == "#":
                state = "#"
        elif state in ('"', "'"):
            if token in (state, "\n"):
                state = ""
        elif token == state:
            state = ""
    return state in ('"""', "'''")
