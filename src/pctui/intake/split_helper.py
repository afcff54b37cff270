"""An import's splitting and redaction on a second core, while the first writes the registry.

Once the sources are read, each submission's opinions (its text split at a numbered list,
each point searched for personal data: `importing.Preparer.opinions`) need nothing of the
registry; deciding what is added and writing it does. So `Registry.add` forks a helper over
the submissions read: it works out their opinions chunk by chunk (the chunks of
`importing.CHUNK` the import writes) and sends them, while the parent decides and writes
the chunks before. The helper has the submissions already (forked after reading), so only
its answers cross the pipe, and those small: a submission that is one opinion as written
with nothing to redact (most) is sent as None, which the parent turns back into that one
opinion.

It can make an import faster, never different: the parent decides everything against the
registry itself, in the same order, with the same opinions. When the helper cannot be
forked, fails, dies or sends something damaged, the parent works the rest out itself.
Ctrl-C or any error stops the helper; the import's transaction, not committed, leaves the
registry as it was. Forked only where `forking.may_fork_here` allows, for MIN_SUBMISSIONS
or more, and before the import's transaction begins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from pctui.intake import forking
from pctui.intake.importing import CHUNK, Incoming, Opinion, Preparer
from pctui.intake.schema import SAME

MIN_SUBMISSIONS = 10_000
"""Below this, forking and the pipe cost what the second core saves."""

# A chunk's answer: for each submission its opinions, or None for [(raw, SAME, [])].
Answer = list[list[Opinion] | None]


class Splitter:
    """The forked helper, seen from the parent: `next_chunk` gives each chunk's opinions."""

    def __init__(self, pid: int, answers: BinaryIO) -> None:
        self.pid = pid
        self._answers: BinaryIO | None = answers

    def next_chunk(self, chunk: Sequence[Incoming]) -> list[list[Opinion]] | None:
        """The opinions of each submission of `chunk` (the next chunk of the import), or
        None when the helper failed: the parent then works them out itself."""
        if self._answers is None:
            return None
        try:
            answer = forking.receive(self._answers)
            if not isinstance(answer, list) or len(answer) != len(chunk):
                raise ValueError("not the answer for this chunk")
        except Exception:  # the helper died or sent something damaged
            self.close()
            return None
        return [
            [(one.submission.raw, SAME, [])] if opinions is None else opinions
            for one, opinions in zip(chunk, answer, strict=True)
        ]

    def close(self) -> None:
        """Stop the helper if it still runs, reap it and close the pipe."""
        if self._answers is not None:
            self._answers.close()
            self._answers = None
        if self.pid > 0:
            pid, self.pid = self.pid, -1
            forking.stop(pid)


def start_splitter(incoming: Sequence[Incoming]) -> Splitter | None:
    """Fork a helper working out the opinions of `incoming`; None when not worth it or
    not safe."""
    if len(incoming) < MIN_SUBMISSIONS or not forking.may_fork_here():
        return None
    try:
        answers_read, answers_write = os.pipe()
    except OSError:
        return None
    forking.widened(answers_write)
    sys.stdout.flush()  # the helper must not write what the parent buffered
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(answers_read)
        os.close(answers_write)
        return None
    if pid == 0:  # the helper: answer, and leave without running any of the parent's code
        code = 1
        try:
            os.close(answers_read)
            _work(incoming, answers_write)
            code = 0
        finally:
            os._exit(code)
    os.close(answers_write)
    return Splitter(pid, os.fdopen(answers_read, "rb"))


def _work(incoming: Sequence[Incoming], answers: int) -> None:
    preparer = Preparer()
    with os.fdopen(answers, "wb") as out:
        for start in range(0, len(incoming), CHUNK):
            answer: Answer = []
            for one in incoming[start : start + CHUNK]:
                opinions = preparer.opinions(one.submission)
                plain = len(opinions) == 1 and opinions[0] == (one.submission.raw, SAME, [])
                answer.append(None if plain else opinions)
            forking.send(out, answer)
