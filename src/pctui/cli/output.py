"""What the command line writes to a terminal: never a control, bidi or invisible character.

Messages quote file content (a login, a stage, an unknown key, an opinion) in many places,
and a file is written by hand and by the public. Rather than trusting each message to
quote carefully, everything a command prints passes through `inert` on its way out: an
ESC shows as ␛, a bidi override as \\u202e. JSON output escapes the same characters as
`\\uXXXX` first, so it stays exact data and passes through unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from pctui.base.inert import escaped, inert


class InertStream:
    """A text stream that writes `inert(text)` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write `text` made inert; returns len(text), as a text stream does."""
        self.stream.write(inert(text))
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
    from pctui.cli.json_indent import indented_json  # json only for --json: 2 ms of start-up

    return escaped(indented_json(data))
