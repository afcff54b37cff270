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
