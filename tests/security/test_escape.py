"""The file pctui writes holds no control, bidi or invisible character raw, reads back as
the very same text, looks as tomlkit would write it otherwise, and is written in linear time."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import tomlkit
from hypothesis import example, given
from hypothesis import strategies as st
from tests.security.conftest import HOSTILE, raw_controls

from pctui.model import revise, text_digest
from pctui.storage import ConsultationFile
from pctui.storage.writer import text_value

TRICKY = list('ab"\\\n\t\r\b\f\x00\x1b\x7f あ「」\u202e\u2066\x85\x9b\u200b\ufeff')
texts = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=60)
HIDDEN = set("\x85\x9b\u202e\u2066\u200b\ufeff") | {chr(c) for c in range(0x80, 0xA0)}


def _selector_or_tag(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0000 <= code <= 0xE01EF


def written(text: str) -> str:
    doc = tomlkit.document()
    doc["text"] = text_value(text)
    return tomlkit.dumps(doc)


@given(texts)
def test_every_text_reads_back_exactly(text: str) -> None:
    assert tomllib.loads(written(text))["text"] == text


@given(texts)
def test_nothing_invisible_is_written_raw(text: str) -> None:
    assert raw_controls(written(text).replace("\n", "")) == []


@given(texts)
@example("\U000e0100")  # a selector alone: hidden, escaped
def test_without_invisible_characters_the_output_is_tomlkit_s_own(text: str) -> None:
    # Variation selectors and tags are text only in their sequence (after the character
    # they vary, inside an emoji tag sequence): one drawn alone is hidden and escaped, so
    # none is kept (a lone U+E0100 was escaped where tomlkit wrote it raw).
    plain = "".join(
        c for c in text
        if c not in HIDDEN and not 0x2000 <= ord(c) <= 0x206F and not _selector_or_tag(c)
    )  # fmt: skip
    plain = plain.replace("\ufeff", "").replace("\u061c", "")
    multiline = "\n" in plain and "\r" not in plain
    theirs = tomlkit.string(plain, multiline=multiline).as_string()
    assert text_value(plain).as_string() == theirs


def test_a_hostile_revision_is_saved_escaped_with_its_digest_intact(sample_copy: Path) -> None:
    file = ConsultationFile.load(sample_copy)
    file.transact(7, lambda c: revise(c, 7, "tanaka", "回答\n\n" + HOSTILE, base=2))
    saved = sample_copy.read_text(encoding="utf-8")
    assert raw_controls(saved) == []  # safe to cat, less and git diff
    assert "\\u202e" in saved and "\\u009b2J" in saved and "\\u200b" in saved
    item = ConsultationFile.load(sample_copy).consultation.item(7)
    assert item is not None and item.current is not None
    assert item.current.text == "回答\n\n" + HOSTILE
    assert item.current.digest == text_digest("回答\n\n" + HOSTILE)


def test_a_megabyte_of_escapes_is_written_in_linear_time() -> None:
    text = ("「引用」\\ \x1b[31m\u202e" * 70_000)[:1_000_000]
    started = time.perf_counter()
    written(text)
    assert time.perf_counter() - started < 2.0  # tomlkit's own escaping: about 10 s
