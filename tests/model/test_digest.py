"""The digest binds a sign-off to the exact words, whatever the Unicode normal form."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from pctui.model import Revision, text_digest


def test_the_digest_is_sha256_of_the_utf8_text() -> None:
    text = "ご意見を踏まえ、修正しました。"
    expected = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert text_digest(text) == expected


def test_composed_and_decomposed_kana_give_the_same_digest() -> None:
    composed = "ご意見を踏まえ、データベースを見直します。"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed  # ご and デ/ベ really are two code points in NFD
    assert len(decomposed) > len(composed)
    assert text_digest(composed) == text_digest(decomposed)


def test_half_width_katakana_is_a_different_text() -> None:
    # NFC (not NFKC): compatibility forms are different words on the page.
    assert text_digest("データ") != text_digest("ﾃﾞｰﾀ")


def test_any_change_changes_the_digest() -> None:
    assert text_digest("回答。") != text_digest("回答")
    assert text_digest("回答\n") != text_digest("回答")
    assert text_digest("回答 ") != text_digest("回答")


def test_a_revision_carries_the_digest_of_its_text() -> None:
    revision = Revision("tanaka", datetime(2025, 1, 1, tzinfo=UTC), "が")
    assert revision.digest == text_digest("か\u3099")
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", revision.digest)


@given(st.text())
def test_the_digest_does_not_depend_on_the_normal_form(text: str) -> None:
    for form in ("NFC", "NFD"):
        assert text_digest(unicodedata.normalize(form, text)) == text_digest(text)
