"""Digests bind a sign-off to the exact words it approved."""

from __future__ import annotations

import hashlib
import unicodedata

PREFIX = "sha256:"


def text_digest(text: str) -> str:
    """Return "sha256:" + hex digest of the NFC-normalised `text` (UTF-8).

    NFC first, so that the same words typed on two systems (composed or decomposed
    kana with dakuten) give the same digest.
    """
    normalised = unicodedata.normalize("NFC", text)
    return PREFIX + hashlib.sha256(normalised.encode("utf-8")).hexdigest()
