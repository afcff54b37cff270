"""The character diff: exact reconstruction, readable Japanese segments."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from pctui.model.diff import (
    DELETE,
    EQUAL,
    INSERT,
    changed_characters,
    char_diff,
    new_side,
    old_side,
    sentences,
)


def joined(segments: list[tuple[str, str]]) -> str:
    return "".join(text for _, text in segments)


def test_one_word_changed_in_a_japanese_sentence_is_that_word_only() -> None:
    old = "今後の参考とさせていただきます。"
    new = "今後の検討とさせていただきます。"
    assert char_diff(old, new) == [
        (EQUAL, "今後の"),
        (DELETE, "参考"),
        (INSERT, "検討"),
        (EQUAL, "とさせていただきます。"),
    ]


def test_an_inserted_clause_keeps_the_rest_of_the_line_equal() -> None:
    old = "操作権限を職員に限定しております。"
    new = "操作権限を職員に限定するとともに、定期的に確認しております。"
    assert char_diff(old, new) == [
        (EQUAL, "操作権限を職員に限定"),
        (INSERT, "するとともに、定期的に確認"),
        (EQUAL, "しております。"),
    ]


def test_semantic_cleanup_does_not_leave_scattered_single_characters() -> None:
    old = "今後の参考とさせていただきます。"
    new = "ご意見を踏まえ、計画を修正しました。"
    segments = char_diff(old, new)
    # Raw character matching would keep stray shared kana such as 「と」「し」 as equal.
    assert [op for op, _ in segments] == [DELETE, INSERT, EQUAL]
    assert segments[-1] == (EQUAL, "。")


def test_paragraph_breaks_are_part_of_the_segments() -> None:
    old = "第一段落です。"
    new = "第一段落です。\n\n第二段落を加えました。"
    assert char_diff(old, new) == [(EQUAL, old), (INSERT, "\n\n第二段落を加えました。")]


def test_identical_and_empty_texts() -> None:
    assert char_diff("同じ", "同じ") == [(EQUAL, "同じ")]
    assert char_diff("", "") == []
    assert char_diff("", "新しい") == [(INSERT, "新しい")]
    assert char_diff("古い", "") == [(DELETE, "古い")]


def test_sides_and_sizes() -> None:
    segments = char_diff("今後の参考とします。", "今後の検討材料とします。")
    assert joined(old_side(segments)) == "今後の参考とします。"
    assert joined(new_side(segments)) == "今後の検討材料とします。"
    assert changed_characters(segments) == (2, 4)


@given(st.text(alphabet="あいうえお漢字。、\n ab"), st.text(alphabet="あいうえお漢字。、\n ab"))
def test_the_sides_always_rebuild_both_texts(old: str, new: str) -> None:
    segments = char_diff(old, new)
    assert joined(old_side(segments)) == old
    assert joined(new_side(segments)) == new
    assert all(text for _, text in segments)


@given(st.text(alphabet="あいう。！？」\nab!"))
def test_sentences_cover_the_text(text: str) -> None:
    assert "".join(sentences(text)) == text


def test_sentences_end_at_stops_closing_brackets_and_breaks() -> None:
    assert sentences("一文目。「二文目！」三\n\n四") == [
        "一文目。",
        "「二文目！」",
        "三\n",
        "\n",
        "四",
    ]


def test_a_long_text_with_scattered_edits_is_fast_and_exact() -> None:
    sentence = "本市では、個人情報の取扱いについて定期的に点検を行っております。"
    old = "\n".join(sentence * 3 for _ in range(50))  # about 5,000 characters
    new = old.replace("定期的に", "年に一度", 10)
    started = time.perf_counter()
    segments = char_diff(old, new)
    elapsed = time.perf_counter() - started
    assert joined(old_side(segments)) == old and joined(new_side(segments)) == new
    assert changed_characters(segments) == (40, 40)
    assert elapsed < 0.5  # character by character over the whole text took ~50 ms; generous
