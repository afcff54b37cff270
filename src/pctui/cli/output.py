"""What the command line writes to a terminal: never a control, bidi or invisible character.

Messages quote file content (a login, a stage, an unknown key, an opinion) in many places,
and a file is written by hand and by the public. Rather than trusting each message to
quote carefully, everything a command prints passes through `inert` on its way out: an
ESC shows as ␛, a bidi override as \\u202e. JSON output escapes the same characters as
`\\uXXXX` first, so it stays exact data and passes through unchanged.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from pctui.base.inert import UNPRINTABLE_BEYOND_C0, escaped, inert

# The last text `json_text` found to hold no character `inert` or `escaped` would touch: it
# is printed as it is, not searched again (status --json of 10,000 items: 1.7 MB, 4-8 ms).
_inert_already: list[str | None] = [None]


class InertStream:
    """A text stream that writes `inert(text)` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write `text` made inert; returns len(text), as a text stream does."""
        self.stream.write(text if text is _inert_already[0] else inert(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        """Write each line made inert."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        # isatty, encoding, fileno … are the wrapped stream's.
        return getattr(self.stream, name)


@contextmanager
def inert_output() -> Iterator[None]:
    """Within the block, sys.stdout and sys.stderr write inert text; restored afterwards."""
    saved = sys.stdout, sys.stderr
    sys.stdout = InertStream(sys.stdout)
    sys.stderr = InertStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def json_text(data: Any) -> str:
    """`data` as indented JSON (non-ASCII kept readable) in which every control, bidi and
    invisible character is a `\\uXXXX` escape: the same data, safe on a terminal."""
    from pctui.cli.json_indent import indented_json  # json only for --json

    texts: list[str] = []
    text = indented_json(data, texts)
    # Beyond the strings written, the output is ASCII punctuation, digits, letters and line
    # feeds, and the string encoder writes each C0 control as an ASCII escape: when no
    # string holds a character `escaped` could touch beyond those, neither does the output,
    # and neither it nor `inert` need search it (nearly all of status's 1.7 MB of 10,000
    # items is indentation and keys).
    written = "".join(texts)
    if ("\x7f" not in written) if written.isascii() else not _suspect().search(written):
        _inert_already[0] = text
        return text
    return escaped(text)


_SUSPECT: list[re.Pattern[str]] = []


def _suspect() -> re.Pattern[str]:
    """Any character beyond C0 that `escaped` or `inert` may replace, wherever it stands
    (DEL, C1, bidi, invisible, selectors, tags); compiled when first asked (--json)."""
    if not _SUSPECT:
        _SUSPECT.append(re.compile(f"[\\x7f{UNPRINTABLE_BEYOND_C0}]"))
    return _SUSPECT[0]
