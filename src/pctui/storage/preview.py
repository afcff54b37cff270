"""The first screenful of a large file, read in milliseconds while the rest is parsed.

A national consultation takes most of a second to parse; a reviewer should see the list
at once. The preview decodes and parses only the text up to the `count`-th `[[items]]`
block boundary, or up to the first boundary at or past `size` bytes when that comes first
(a file of few but large items, such as 10,000 opinions grouped into 183 items, shows its
first screenful without parsing most of itself), found with a regular expression over the
first pieces of the bytes; the rest of the file is only read to count its items (15 ms for
27 MB). It is read-only
(`ConsultationFile.complete` is False: saving is refused) until the caller replaces it
with the file read whole, which is also what reports every problem: a preview that meets
anything unusual (a problem, a BOM, an unusual layout) is not made.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from pctui.base.problems import LoadError
from pctui.storage.reader import Loaded, load_text
from pctui.storage.stamp import FileStamp

# chunks.ITEM_HEADER over bytes: every `[[items]]` header line, where an item block starts.
_ITEM_HEADER = re.compile(rb"^[ \t]*\[\[[ \t]*items[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)


def read_preview(
    path: Path, count: int, size: int | None = None
) -> tuple[Loaded, FileStamp, int] | None:
    """(the first `count` items, or those that start in the first `size` bytes if fewer,
    the file's stamp, about how many items it has), or None.

    None when the file is small enough to read whole at once, or the preview could be
    wrong: the caller then loads the file whole, which reports any problem.
    """
    try:
        with path.open("rb", buffering=0) as handle:
            stat = os.fstat(handle.fileno())
            head, starts = _head(handle, count, size)
            if starts is None or head.startswith(b"\xef\xbb\xbf"):
                return None  # read whole before either bound (it costs no more), a BOM
            total = _count_rest(handle, head)
    except OSError:
        return None
    try:
        text = head[: starts[-1]].decode("utf-8")
        loaded = load_text(text, str(path))
    except (UnicodeDecodeError, LoadError):
        return None
    if not loaded.spliceable or len(loaded.consultation.items) < (len(starts) - 1) // 2:
        return None  # an unusual layout, or false boundaries: only the whole file will do
    return loaded, FileStamp.of(stat), total


# Read in pieces of this size: the first few hold the preview's items; the rest of the
# file is only counted, through one reused buffer (half the time of reading it whole).
_PIECE = 1 << 20
_NEEDLE = b"[[items]]"


def _head(handle: io.FileIO, count: int, size: int | None = None) -> tuple[bytes, list[int] | None]:
    """The file's first pieces, and where the preview's item headers start: the first
    `count` + 1, or, if it comes first, up to the first header after the first that starts
    at or past `size` bytes. None when the end of the file comes before either (the file
    is read whole as fast). Each piece is searched once, from the start of its first whole
    line."""
    head = bytearray()
    starts: list[int] = []
    scanned = 0  # where the search goes on from: the start of a line
    while True:
        piece = handle.read(_PIECE)
        head += piece
        # Whole lines only, but at the end of the file, whose last line may have no \n.
        end = len(head) if not piece else head.rfind(b"\n") + 1
        if end > scanned:
            starts += [m.start() for m in _ITEM_HEADER.finditer(head, scanned, end)]
            scanned = end
        if len(starts) > count:
            return bytes(head), starts[: count + 1]
        if size is not None and len(starts) > 1:
            # The first header at or past `size` ends the preview (never the first one:
            # a preview holds an item at least).
            past = next((i for i, at in enumerate(starts[1:], 1) if at >= size), None)
            if past is not None:
                return bytes(head), starts[: past + 1]
        if not piece:
            return bytes(head), None


def _count_rest(handle: io.FileIO, head: bytes) -> int:
    """How many `[[items]]` the file holds (for "about N items": a header written inside a
    string counts too), `head` being what was read of it already."""
    total = head.count(_NEEDLE)
    keep = len(_NEEDLE) - 1  # the end of a piece, where a header may be cut in two
    buffer = bytearray(head[-keep:].rjust(keep) + bytes(_PIECE))
    view = memoryview(buffer)
    while got := handle.readinto(view[keep:]):
        total += buffer.count(_NEEDLE, 0, keep + got)
        buffer[:keep] = buffer[got : keep + got]
    return total
