"""The first screenful of a large file, read in milliseconds while the rest is parsed.

A national consultation takes over a second to parse; a reviewer should see the list at
once. The preview decodes and parses only the text up to the `count`-th `[[items]]` block
boundary, found with a regular expression over the bytes, so its cost does not grow with
the file. It is read-only (`ConsultationFile.complete` is False: saving is refused) until
the caller replaces it with the file read whole, which is also what reports every problem:
a preview that meets anything unusual (a problem, a BOM, an unusual layout) is not made.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

from pctui.storage.problems import LoadError
from pctui.storage.reader import Loaded, load_text

# chunks.ITEM_HEADER over bytes: every `[[items]]` header line, where an item block starts.
_ITEM_HEADER = re.compile(rb"^[ \t]*\[\[[ \t]*items[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)

Stamp = tuple[int, int, int]


def read_preview(path: Path, count: int) -> tuple[Loaded, Stamp, int] | None:
    """(the first `count` items, the file's stamp, about how many items it has), or None.

    None when the file is small enough to read whole at once, or the preview could be
    wrong: the caller then loads the file whole, which reports any problem.
    """
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read()
    except OSError:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        return None
    starts = [m.start() for m in itertools.islice(_ITEM_HEADER.finditer(data), count + 1)]
    if len(starts) <= count:
        return None  # `count` items or fewer: reading it whole costs no more
    try:
        text = data[: starts[-1]].decode("utf-8")
        loaded = load_text(text, str(path))
    except (UnicodeDecodeError, LoadError):
        return None
    if not loaded.spliceable or len(loaded.consultation.items) < count // 2:
        return None  # an unusual layout, or false boundaries: only the whole file will do
    total = data.count(b"[[items]]")  # for "about N items": an estimate is enough here
    return loaded, (stat.st_ino, stat.st_mtime_ns, stat.st_size), total
