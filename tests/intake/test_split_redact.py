"""A numbered list becomes one opinion per point in every style; personal data inside the
text is found with its reason, and a reverted redaction makes the words public again."""

from __future__ import annotations

from pathlib import Path

import pytest

from pctui.intake.records import RedactionStatus, Submission
from pctui.intake.redact import MARKER, find_personal_data
from pctui.intake.registry import Incoming, Registry
from pctui.intake.split import split_opinions


@pytest.mark.parametrize(
    "text",
    [
        "1. 期間\n2. 費用\n3. 説明",
        "1) 期間\n2) 費用\n3) 説明",
        "(1) 期間\n(2) 費用\n(3) 説明",
        "（１）期間\n（２）費用\n（３）説明",
        "① 期間\n② 費用\n③ 説明",
        "一、期間\n二、費用\n三、説明",
    ],
)
def test_each_numbering_style_splits_into_points(text: str) -> None:
    assert split_opinions(text) == ["期間", "費用", "説明"]


def test_a_preamble_stays_with_the_first_point_and_a_sub_list_with_its_point() -> None:
    text = "意見を述べます。\n1. 期間について\n(1) 短い\n(2) 長い\n2. 2025年度の費用"
    assert split_opinions(text) == [
        "意見を述べます。\n期間について\n(1) 短い\n(2) 長い",
        "2025年度の費用",
    ]


def test_text_that_is_not_a_list_is_one_opinion() -> None:
    assert split_opinions("2025. 計画に賛成です。\n3) とは思いません。") == [
        "2025. 計画に賛成です。\n3) とは思いません。"
    ]
    assert split_opinions("1. 一つだけです。") == ["1. 一つだけです。"]


@pytest.mark.parametrize(
    ("text", "found", "reason"),
    [
        ("連絡は taro.kakuu@example.com へ", "taro.kakuu@example.com", "email"),
        ("電話 090-5555-1234 まで", "090-5555-1234", "phone"),
        ("電話 ０３－５５５５－１２３４ まで", "０３－５５５５－１２３４", "phone"),
        ("〒123-4567 に送ります", "〒123-4567", "postal-code"),
        ("架空県架空市本町1丁目2番3号に住む者です", "架空県架空市本町1丁目2番3号", "address"),
        ("氏名：架空 太郎\n意見です", "架空 太郎", "name"),
        ("住所：架空市どこか町\n意見です", "架空市どこか町", "address"),
    ],
)
def test_personal_data_is_found_with_its_reason(text: str, found: str, reason: str) -> None:
    finds = find_personal_data(text)
    assert [(text[f.start : f.end], f.reason) for f in finds] == [(found, reason)]


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("計画に反対です。\n架空 花子", "架空 花子"),
        ("計画に反対です。\n\n　見本太郎　\n", "見本太郎"),
        ("計画に反対です。\n見本 さくら", "見本 さくら"),
        ("計画に反対です。\n架空 アリス", "架空 アリス"),
        ("計画に反対です。\n以上", None),
        ("計画に反対です。\n私は反対", None),
        ("理由は次のとおり。\n反対します", None),
        ("計画に反対です。\n計画を撤回してください。", None),
        ("架空 花子", None),  # one line: an opinion, not a signature under one
    ],
)
def test_a_name_alone_on_the_last_line_is_a_signature(text: str, signature: str | None) -> None:
    signed = find_personal_data(text, signed=True)
    assert [(text[f.start : f.end], f.reason) for f in signed] == (
        [(signature, "name")] if signature else []
    )
    assert find_personal_data(text) == []  # a source that gives a name: not looked for


def test_ordinary_text_has_nothing_to_redact() -> None:
    text = "札幌市は2025年度から3年間の計画を立てるべきです。第2章の1-3節に賛成。"
    assert find_personal_data(text) == []


def test_a_redaction_is_reviewable_and_reversible(tmp_path: Path) -> None:
    raw = "架空市本町1丁目2番3号の者です。電話は090-5555-1234です。"
    with Registry.open(tmp_path / "r.sqlite") as registry:
        registry.add([Incoming(Submission("1", raw=raw), "t:1")])
        pending = registry.redactions(RedactionStatus.PENDING)
        assert [(r.original, r.reason) for r in pending] == [
            ("架空市本町1丁目2番3号", "address"),
            ("090-5555-1234", "phone"),
        ]
        assert next(registry.opinions()).text == f"{MARKER}の者です。電話は{MARKER}です。"
        registry.review_redactions({pending[0].id: RedactionStatus.REVERTED}, "tanaka", "t1")
        registry.review_redactions({pending[1].id: RedactionStatus.CONFIRMED}, "suzuki", "t2")
        assert (
            next(registry.opinions()).text == f"架空市本町1丁目2番3号の者です。電話は{MARKER}です。"
        )
        assert registry.redactions(RedactionStatus.PENDING) == []
