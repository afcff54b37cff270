"""Grouping on two cores: a forked helper sketches part of the distinct texts, then works
out the added texts of the near-copies while the parent searches for their leaders.

Of the grouping's time at 200,000 opinions, the sketches (5-grams and MinHash) and the
added texts are each about a quarter, the leader search another: the search is one pass in
order, but a sketch needs only its text and an added text only its follower and leader. So
once the distinct texts are known the process forks:

1. the helper sketches the texts from `start` on and sends their sketches back as rensa's
   own state bytes, one piece a slice, while the parent sketches those before `start`;
2. the parent searches for the leaders and hands each (leader, follower) pair to the helper
   as it is found, in batches; the helper works out each follower's added texts meanwhile;
3. at the end the parent asks for them, and has every follower's.

The pipes never block both ways at once: the parent takes in all the sketches before it
sends its first pair, and the helper answers the pairs only after the last.

The helper can make grouping faster, never different: its functions are the serial path's
own, and when it cannot be forked, fails, dies or sends something damaged the parent does
the rest itself (`sketches` and `added` then return None, and the parent computes what is
missing). Ctrl-C stops both: the parent kills its helper before the interrupt goes on.

Forking is used only where it is safe and pays (`forking.may_fork_here`: a core idle), and
before any call of rensa, whose native threads would hang a child. The helper runs only
grouping's own code, and rensa in it starts its own pool.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

from pctui.intake import forking

MIN_DISTINCT = 4000
"""Distinct texts below which the helper is not forked (not measured: the grouping of so few
takes a few tenths of a second, of which the second core could save little)."""
CHILD_SHARE = 0.5
"""The share of the texts the helper sketches: it does the added texts afterwards, while
the parent searches for leaders, which takes about as long."""
BATCH = 512
"""(leader, follower) pairs sent to the helper at a time."""

# What the helper runs: the sketch states of texts [start, end), and the added texts of a
# follower (one per opinion of it, in their order) given its leader: (leader, follower).
Sketch = Callable[[int, int], list[bytes]]
AddedOf = Callable[[int, int], list[str]]


class Helper:
    """The forked helper, seen from the parent."""

    def __init__(self, pid: int, answers: int, pairs: int, start: int, end: int) -> None:
        self.pid, self.start, self.end = pid, start, end
        self._answers: BinaryIO | None = os.fdopen(answers, "rb")
        self._pairs: BinaryIO | None = os.fdopen(pairs, "wb")
        self._waiting: list[tuple[int, int]] = []
        self.broken = False

    def sketches(self) -> list[bytes] | None:
        """The sketch states of texts [start, end), or None when the helper failed (the
        parent then sketches them itself)."""
        states: list[bytes] = []
        try:
            while len(states) < self.end - self.start:
                piece = self._receive()
                if not isinstance(piece, list):
                    raise ValueError("not a piece of sketches")
                states += piece
        except Exception:
            self.close()
            return None
        if len(states) != self.end - self.start:
            self.close()
            return None
        return states

    def follow(self, leader: int, follower: int) -> None:
        """Hand the helper a follower and its leader (sent in batches)."""
        if self.broken:
            return
        self._waiting.append((leader, follower))
        if len(self._waiting) >= BATCH:
            self._flush()

    def added(self) -> dict[int, list[str]] | None:
        """Every follower's added texts, by follower; None when the helper failed."""
        if self.broken or self._pairs is None:
            self.close()
            return None
        try:
            self._flush()
            if self.broken:
                raise ValueError("the helper stopped taking pairs")
            self._pairs.close()  # the end: the helper answers now
            self._pairs = None
            answer = self._receive()
            if not isinstance(answer, dict):
                raise ValueError("not the added texts")
        except Exception:
            self.close()
            return None
        if self._reap() is False:
            return None
        return answer

    def _flush(self) -> None:
        if not self._waiting or self._pairs is None:
            return
        try:
            forking.send(self._pairs, self._waiting)
        except OSError:  # the helper died: the parent works out the added texts itself
            self.broken = True
        self._waiting = []

    def _receive(self) -> Any:
        assert self._answers is not None
        return forking.receive(self._answers)

    def _reap(self) -> bool | None:
        pid, self.pid = self.pid, -1
        return forking.reap(pid)

    def close(self) -> None:
        """Stop the helper if it is still running, reap it and close the pipes."""
        self.broken = True
        for stream in (self._answers, self._pairs):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._answers = self._pairs = None
        if self.pid > 0:
            pid, self.pid = self.pid, -1
            forking.stop(pid)


def start_helper(count: int, sketch: Sketch, added_of: AddedOf) -> Helper | None:
    """Fork a helper for `count` distinct texts; None when not worth it or not safe."""
    if count < MIN_DISTINCT or not forking.may_fork_here():
        return None
    start = count - round(count * CHILD_SHARE)
    try:
        answers_read, answers_write = os.pipe()
        pairs_read, pairs_write = os.pipe()
    except OSError:
        return None
    forking.widened(answers_write, pairs_write)
    sys.stdout.flush()  # the helper must not write what the parent buffered
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        for end in (answers_read, answers_write, pairs_read, pairs_write):
            os.close(end)
        return None
    if pid == 0:  # the helper: work, answer, and leave without running the parent's code
        code = 1
        try:
            os.close(answers_read)
            os.close(pairs_write)
            _work(start, count, sketch, added_of, pairs_read, answers_write)
            code = 0
        finally:
            os._exit(code)
    os.close(answers_write)
    os.close(pairs_read)
    return Helper(pid, answers_read, pairs_write, start, count)


SLICE = 10_000  # texts sketched and sent at a time


def _work(
    start: int, end: int, sketch: Sketch, added_of: AddedOf, pairs: int, answers: int
) -> None:
    """The helper's work: sketch texts [start, end) and send them, then the added texts of
    every pair the parent sends until it closes its end."""
    with os.fdopen(answers, "wb") as out, os.fdopen(pairs, "rb") as given:
        for at in range(start, end, SLICE):
            forking.send(out, sketch(at, min(at + SLICE, end)))
        added: dict[int, list[str]] = {}
        while True:
            try:
                batch = forking.receive(given)
            except EOFError:  # the parent closed its end: all pairs are in
                break
            for leader, follower in batch:
                added[follower] = added_of(leader, follower)
        forking.send(out, added)
