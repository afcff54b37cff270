"""Character-level differences between two revisions of a response, readable in Japanese.

Japanese has no spaces between words, so a line or word diff would replace a whole
sentence when one word changes. diff-match-patch compares characters; its semantic
clean-up then merges the scattered one-character matches that carry no meaning (a shared
「の」 between two different phrases) so that what is left reads as phrases removed and
added. No I/O, no UI: the result is a list of (op, text) segments for any renderer.
"""

from __future__ import annotations

from typing import Final

from diff_match_patch import diff_match_patch

EQUAL: Final = "equal"
DELETE: Final = "delete"
INSERT: Final = "insert"

_OPS = {0: EQUAL, -1: DELETE, 1: INSERT}

Segment = tuple[str, str]


def char_diff(old: str, new: str, timeout: float = 1.0) -> list[Segment]:
    """The segments turning `old` into `new`: (EQUAL|DELETE|INSERT, text), in reading order.

    Joining the EQUAL and DELETE texts gives `old`; joining EQUAL and INSERT gives `new`.
    `timeout` bounds the time spent on very different long texts (the result is then
    coarser, never wrong).
    """
    engine = diff_match_patch()
    engine.Diff_Timeout = timeout
    diffs = engine.diff_main(old, new, False)
    engine.diff_cleanupSemantic(diffs)
    return [(_OPS[op], text) for op, text in diffs if text]


def old_side(segments: list[Segment]) -> list[Segment]:
    """The segments that make up the old text (EQUAL and DELETE), for a side-by-side view."""
    return [segment for segment in segments if segment[0] != INSERT]


def new_side(segments: list[Segment]) -> list[Segment]:
    """The segments that make up the new text (EQUAL and INSERT), for a side-by-side view."""
    return [segment for segment in segments if segment[0] != DELETE]


def changed_characters(segments: list[Segment]) -> tuple[int, int]:
    """(characters deleted, characters inserted): a size of the change for a summary line."""
    deleted = sum(len(text) for op, text in segments if op == DELETE)
    inserted = sum(len(text) for op, text in segments if op == INSERT)
    return deleted, inserted
