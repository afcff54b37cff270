"""`basis_digest` writes its JSON without json's walk, and is still its definition."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from pctui.model.digest import basis_digest
from pctui.model.records import Item, Opinion, Summary

AT = datetime(2026, 1, 1, tzinfo=UTC)
# Hostile text: quotes, backslashes, controls, bidi, line separators, decomposed kana.
TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(['"', "\\", "\x00", "\x1b", "\u202e", "\u2028", "\x7f", "か", "\u3099"]),
    max_size=12,
)
OPINIONS = st.builds(
    Opinion,
    label=TEXTS,
    text=TEXTS,
    count=st.integers(min_value=0, max_value=10**20) | st.booleans(),
    members=st.just("") | st.just("sha256:" + "0" * 64),
)


def _defined(item: Item) -> str:
    """The basis as documented: the JSON array, NFC, UTF-8, SHA-256."""
    summary = item.summaries[-1].text if item.summaries else None
    parts: list[object] = [summary]
    for o in item.opinions:
        parts.append([o.label, o.text, o.count, *([o.members] if o.members else [])])
    written = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    normal = unicodedata.normalize("NFC", written).encode("utf-8")
    return "sha256:" + hashlib.sha256(normal).hexdigest()


@given(st.lists(OPINIONS, max_size=5), st.lists(TEXTS, max_size=2))
def test_the_basis_is_the_digest_of_its_json(opinions: list[Opinion], summaries: list[str]) -> None:
    item = Item(
        1,
        "1",
        opinions=opinions,
        summaries=[Summary("tanaka", AT, text) for text in summaries],
    )
    assert basis_digest(item) == _defined(item)


def test_an_item_without_opinions_or_summary() -> None:
    item = Item(1, "1", opinions=[])
    assert basis_digest(item) == _defined(item)
