"""Japanese opinions and responses assembled from `vocabulary`, deterministic for a given RNG."""

from __future__ import annotations

import random

from benchmarks import vocabulary as v


def _paragraph(sentences: list[str]) -> str:
    return "".join(s for s in sentences if s)


def opinion(rng: random.Random) -> tuple[str, str]:
    """An opinion of one to three paragraphs, and the subject it is mostly about."""
    subject = rng.choice(v.SUBJECTS)
    paragraphs = []
    for index in range(rng.choice((1, 1, 2, 2, 3))):
        about = subject if index == 0 else rng.choice(v.SUBJECTS)
        sentences = [rng.choice(v.OPENINGS), rng.choice(v.CONCERNS).format(s=about)]
        if rng.random() < 0.6:
            sentences.append(rng.choice(v.CONCERNS).format(s=rng.choice(v.SUBJECTS)))
        sentences.append(rng.choice(v.REQUESTS))
        paragraphs.append(_paragraph(sentences))
    return "\n\n".join(paragraphs), subject


def response(rng: random.Random, subject: str) -> str:
    """A first draft of the official response (one or two paragraphs) about `subject`."""
    first = [rng.choice(v.ANSWER_OPENINGS), rng.choice(v.MEASURES).format(s=subject)]
    if rng.random() < 0.5:
        first.append(rng.choice(v.MEASURES).format(s=rng.choice(v.SUBJECTS)))
    second = [rng.choice(v.OUTCOMES), rng.choice(v.CLOSINGS)]
    if rng.random() < 0.4:
        return _paragraph(first + second)
    return _paragraph(first) + "\n\n" + _paragraph(second)


def revise(rng: random.Random, text: str) -> str:
    """`text` as a reviewer would change it: a word or two reworded, sometimes a sentence added.

    Always returns a different text (revisions with identical text are refused by the model).
    """
    changed = text
    for before, after in rng.sample(v.REWORDINGS, k=len(v.REWORDINGS)):
        if before in changed and rng.random() < 0.7:
            changed = changed.replace(before, after, 1)
    if changed == text or rng.random() < 0.3:
        changed = changed + rng.choice(v.ADDITIONS)
    return changed


def long_response(rng: random.Random, length: int) -> str:
    """A response of exactly `length` characters, in paragraphs of a few sentences."""
    parts: list[str] = []
    size = 0
    while size < length:
        paragraph = response(rng, rng.choice(v.SUBJECTS)).replace("\n\n", "")
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)[:length]


def scattered_edit(rng: random.Random, text: str, every: int = 400) -> str:
    """`text` with a rewording or an added sentence about every `every` characters.

    The shape of a real late revision of a long answer: small edits spread through it,
    which is what the inline diff has to find.
    """
    pieces: list[str] = []
    for start in range(0, len(text), every):
        piece = text[start : start + every]
        before, after = rng.choice(v.REWORDINGS)
        if before in piece:
            piece = piece.replace(before, after, 1)
        else:
            cut = piece.find("。")
            if cut >= 0:
                piece = piece[: cut + 1] + rng.choice(v.ADDITIONS) + piece[cut + 1 :]
        pieces.append(piece)
    return "".join(pieces)
