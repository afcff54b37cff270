"""A helper process (see `parallel`): reads the run of item blocks it is sent, answers.

Run as `python -m pctui.storage.helper_process` by `parallel.Helpers`, never by a person.
Its standard input is one line: the name of a file holding a marshal'd request (protocol,
path, language, header text, and the blocks as (text, first line) pairs). It writes its
answer beside it (same name, `.answer`): the items (flattened) and the problems found, or
None when the run is unusual and must be read by the process that asked. An empty input
(no run to read) ends it at once.
"""

from __future__ import annotations

import gc
import marshal
import os
import sys
from pathlib import Path

from pctui.i18n import install
from pctui.storage.chunks import Chunk
from pctui.storage.flat import flatten
from pctui.storage.parallel import PROTOCOL
from pctui.storage.reader import read_blocks


def main() -> None:
    """Answer the request named on standard input."""
    line = sys.stdin.buffer.readline().rstrip(b"\n")
    if not line:
        return
    request = Path(os.fsdecode(line))
    # Reading makes a million objects and no garbage cycles (as in document.read_loaded).
    gc.disable()
    answer = None
    protocol, path, language, header, blocks = marshal.loads(request.read_bytes())
    if protocol == PROTOCOL:
        install(language)
        chunks = [Chunk(text, line) for text, line in blocks]
        found = read_blocks(header, chunks, path)
        if found is not None:
            items, problems = found
            answer = (
                [None if item is None else flatten(item) for item in items],
                [(p.line, p.col, p.message, p.severity) for p in problems],
            )
    request.with_suffix(".answer").write_bytes(marshal.dumps(answer))


if __name__ == "__main__":
    main()
