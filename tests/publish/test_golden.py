"""Every text format of the small fixture, compared byte for byte with its golden file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pctui.model.records import Consultation
from pctui.publish import render

Golden = Callable[[str, bytes], None]


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
@pytest.mark.parametrize("draft", [False, True], ids=["approved", "draft"])
def test_small_matches_golden(small: Consultation, golden: Golden, fmt: str, draft: bool) -> None:
    name = f"small{'-draft' if draft else ''}.{fmt}"
    golden(name, render(small, fmt, draft=draft))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_english_matches_golden(small: Consultation, golden: Golden, fmt: str) -> None:
    small.meta.language = "en"
    golden(f"small-en.{fmt}", render(small, fmt))


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
def test_same_input_same_bytes(small: Consultation, fmt: str) -> None:
    assert render(small, fmt) == render(small, fmt)
