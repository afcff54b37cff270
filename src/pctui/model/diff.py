"""Character-level differences between two revisions of a response, readable in Japanese.

Japanese has no spaces between words, so a line or word diff would replace a whole
sentence when one word changes. diff-match-patch compares characters; its semantic
clean-up then merges the scattered one-character matches that carry no meaning (a shared
「の」 between two different phrases) so that what is left reads as phrases removed and
added. No I/O, no UI: the result is a list of (op, text) segments for any renderer.

Comparing 5,000 characters character by character takes tens of milliseconds, too slow
for a pane redrawn at each key press. So sentences are compared first (each sentence, up
to 。！？ or a line break, encoded as one character, as diff-match-patch's line mode does
with lines), and only the sentences that changed are then compared character by
character; the semantic clean-up runs over the whole.
"""

from __future__ import annotations

import re
from typing import Final

from diff_match_patch import diff_match_patch

EQUAL: Final = "equal"
DELETE: Final = "delete"
INSERT: Final = "insert"

_OPS = {0: EQUAL, -1: DELETE, 1: INSERT}
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[」』）)]*|\n|$)")
_FIRST_CODE = 0xE000  # the private use area: never confused with text, no surrogates

Segment = tuple[str, str]
_Diff = list[tuple[int, str]]


def sentences(text: str) -> list[str]:
    """`text` cut after each 。！？ (with closing brackets that follow) and line break."""
    return [piece for piece in _SENTENCE.findall(text) if piece]


def _encode(texts: tuple[str, str]) -> tuple[str, str, list[str]]:
    """Each text as one character per sentence, and the sentences by code."""
    codes: dict[str, str] = {}
    units: list[str] = []
    encoded = []
    for text in texts:
        chars = []
        for sentence in sentences(text):
            if sentence not in codes:
                codes[sentence] = chr(_FIRST_CODE + len(units))
                units.append(sentence)
            chars.append(codes[sentence])
        encoded.append("".join(chars))
    return encoded[0], encoded[1], units


def _by_sentence(engine: diff_match_patch, old: str, new: str) -> _Diff:
    """The diff of sentences, each changed run then compared character by character."""
    old_codes, new_codes, units = _encode((old, new))
    if len(units) > 0x10FFFF - _FIRST_CODE:  # more distinct sentences than characters
        return list(engine.diff_main(old, new, False))
    coarse = engine.diff_main(old_codes, new_codes, False)
    result: _Diff = []
    deleted, inserted = "", ""

    def flush() -> None:
        nonlocal deleted, inserted
        if deleted and inserted:
            result.extend(engine.diff_main(deleted, inserted, False))
        elif deleted:
            result.append((-1, deleted))
        elif inserted:
            result.append((1, inserted))
        deleted, inserted = "", ""

    for op, codes in coarse:
        text = "".join(units[ord(code) - _FIRST_CODE] for code in codes)
        if op == -1:
            deleted += text
        elif op == 1:
            inserted += text
        else:
            flush()
            result.append((0, text))
    flush()
    return result


def char_diff(old: str, new: str, timeout: float = 1.0) -> list[Segment]:
    """The segments turning `old` into `new`: (EQUAL|DELETE|INSERT, text), in reading order.

    Joining the EQUAL and DELETE texts gives `old`; joining EQUAL and INSERT gives `new`.
    `timeout` bounds the time spent comparing very different long texts (the result is
    then coarser, never wrong).
    """
    engine = diff_match_patch()
    engine.Diff_Timeout = timeout
    diffs = _by_sentence(engine, old, new)
    engine.diff_cleanupSemantic(diffs)
    engine.diff_cleanupMerge(diffs)
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
