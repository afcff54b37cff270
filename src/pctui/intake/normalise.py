"""The form of an opinion's text that grouping compares: what a reader would not call a
difference (width, case, spacing, line breaks, a comma for a 読点) taken out."""

from __future__ import annotations

import re
import unicodedata

# After NFKC (which already turns full-width ASCII, half-width katakana and the ideographic
# space into their ordinary forms) the variants that remain: a comma or full stop typed in
# the Western style where a 読点 or 句点 was meant, the many dashes and wave dashes, and the
# quoting brackets, which change nothing a campaign letter says and are dropped.
_VARIANTS = str.maketrans(
    {
        ",": "、",
        ".": "。",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "〜": "~",
        "∼": "~",
        "【": "(",
        "】": ")",
        "〔": "(",
        "〕": ")",
        "[": "(",
        "]": ")",
        "「": None,
        "」": None,
        "『": None,
        "』": None,
        "“": None,
        "”": None,
        "‘": None,
        "’": None,
        '"': None,
        "'": None,
    }
)
# The runs of characters that change: the variants above and every run of white space, line
# breaks included (Japanese puts no space between words, so a layout-only change, lines
# wrapped elsewhere or an indented paragraph, compares equal). Found with one regular
# expression and translated run by run: `str.translate` over a whole Japanese text is ten
# times slower, as its fast path is for ASCII only.
_CHANGING = re.compile("[" + re.escape("".join(map(chr, _VARIANTS))) + r"\s]+")


def _unify(match: re.Match[str]) -> str:
    return _SPACE.sub("", match.group().translate(_VARIANTS))


_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """`text` in the form grouping compares (NFKC, case folded, punctuation variants unified,
    no white space)."""
    return _CHANGING.sub(_unify, unicodedata.normalize("NFKC", text).casefold())


# Marks that NFKC joins to the character before them (a combining mark, or the half-width
# sound marks of half-width katakana): kept with that character when cutting a text up.
_JOINS = re.compile(r"[\u0300-\u036f\u3099\u309a\uff9e\uff9f]")


def normalise_with_places(text: str) -> tuple[str, list[int], list[int]] | None:
    """`normalise(text)` and, for each of its characters, where the characters it comes
    from start and end in `text`: so that a passage found in the normalised text is shown
    as the writer typed it (spaces, brackets and widths as they were). None for the rare
    text whose normalisation is not the sum of its characters' (NFKC joining across them).
    """
    if _JOINS.search(text) is None:  # most texts: each character normalised alone
        pieces = [_PIECES.get(c) or _normalised_piece(c) for c in text]
        starts = [at for at, piece in enumerate(pieces) for _ in piece]
        ends = [at + 1 for at in starts]
    else:
        pieces, starts, ends = [], [], []
        at = 0
        while at < len(text):
            end = at + 1
            while end < len(text) and _JOINS.match(text[end]):
                end += 1
            piece = _normalised_piece(text[at:end])
            pieces.append(piece)
            starts.extend([at] * len(piece))
            ends.extend([end] * len(piece))
            at = end
    joined = "".join(pieces)
    return (joined, starts, ends) if joined == normalise(text) else None


_PIECES: dict[str, str] = {}


def _normalised_piece(piece: str) -> str:
    # A text is made of a few thousand different characters: each normalised once.
    known = _PIECES.get(piece)
    if known is None:  # ("" for a space: normalised again each time, as cheap as a miss)
        known = normalise(piece)
        if len(_PIECES) < 100_000:
            _PIECES[piece] = known
    return known
