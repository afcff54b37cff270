"""Personal data typed in full-width characters (or half in one width, half in the other)
is found as the half-width one is, and the marker replaces exactly the characters written:
citizens type e-mail addresses, phone numbers, postal codes and street numbers in either."""

from __future__ import annotations

import random

import pytest

from pctui.intake.redact import MARKER, _every_pattern, find_personal_data, public_text

CASES = [
    # (the personal data as typed, its reason)
    ("ｈａｎａ＠example.co.jp", "email"),
    ("ｈａｎａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", "email"),
    ("Ｈａｎａ．Ｍｉｈｏｎ＠example．co．jp", "email"),
    ("ｈａｎａ﹫ｅｘａｍｐｌｅ．ｊｐ", "email"),
    ("０９０－１２３４－５６７８", "phone"),
    ("０９０ー１２３４ー５６７８", "phone"),
    ("０９０‐１２３４‐５６７８", "phone"),
    ("０９０―１２３４―５６７８", "phone"),
    ("０３（１２３４）５６７８", "phone"),
    ("＋８１－９０－１２３４－５６７８", "phone"),
    ("＋81 90-1234-5678", "phone"),
    ("090－1234ー５６７８", "phone"),
    ("〒１２３－４５６７", "postal-code"),
    ("〒１２３ー４５６７", "postal-code"),
    ("〒123－４５６７", "postal-code"),
    ("〒１２３ｰ４５６７", "postal-code"),  # the half-width prolonged sound mark as a dash
    ("〒１２３﹣４５６７", "postal-code"),
    ("０９０ｰ１２３４ｰ５６７８", "phone"),
    ("架空県見本市１丁目２番３号", "address"),
    ("架空県見本市本町１－２－３", "address"),
    ("架空県見本市本町１ー２ー３", "address"),
    ("架空県見本市本町1－２-３", "address"),
    ("架空県見本市本町１ｰ２ｰ３", "address"),
]


@pytest.mark.parametrize(("data", "reason"), CASES)
def test_full_width_personal_data_is_found_in_japanese_text(data: str, reason: str) -> None:
    text = f"私は反対です。連絡先は{data}です。よろしくお願いします。"
    start = text.index(data)
    assert find_personal_data(text) == [
        type(find_personal_data(text)[0])(start, start + len(data), reason)
    ]
    spans = [(f.start, f.end) for f in find_personal_data(text)]
    assert public_text(text, spans) == f"私は反対です。連絡先は{MARKER}です。よろしくお願いします。"


def test_a_full_width_label_gives_its_value() -> None:
    text = "意見です。\nお名前﹕見本花子\n住所：架空県見本市"
    found = [(f.reason, text[f.start : f.end]) for f in find_personal_data(text)]
    assert found == [("name", "見本花子"), ("address", "架空県見本市")]


def test_the_folded_copy_keeps_every_other_text_as_it_was() -> None:
    # Nothing without personal data is found because of the width fold.
    for text in ("ＡＢＣ案に反対です。", "第１条について。", "（１）意見、（２）理由", "１２３４"):
        assert find_personal_data(text) == [], text


# Pieces of full-width personal data and near misses, mixed with half-width ones.
PIECES = (
    "架空県", "見本市", "本町", "丁目", "番地", "番", "号", "１", "２３", "４５６７", "1", "23",
    "－", "ー", "‐", "―", "-", "〒", "＠", "@", "﹫", "ｈａｎａ", "hana", "．", ".", "ｊｐ",
    "jp", "＋８１", "+81", "０", "0", "（", "）", "(", ")", "氏名", "住所", "：", ":", "﹕",
    "︓", "　", " ", "ｱ", "ｰ", "、", "。", "意見", "です", "①", "²",
)  # fmt: skip


def test_the_pre_check_lets_every_full_width_text_through() -> None:
    rng = random.Random(17)
    texts = ["".join(rng.choices(PIECES, k=rng.randint(1, 14))) for _ in range(30_000)]
    found = [text for text in texts if _every_pattern(text)]
    assert len(found) > 500  # the hostile texts do hold personal data, often enough
    for text in texts:
        assert find_personal_data(text) == _every_pattern(text), text
