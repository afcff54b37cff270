"""同趣旨 grouping without a registry: (id, text) pairs in, groups out."""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.intake_generate import b_cubed
from benchmarks.intake_generate import opinions as generated
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pctui.intake.grouping import SHINGLE, added_text, group_opinions
from pctui.intake.normalise import normalise

LETTER = (
    "除去土壌の再生利用について、住民への説明が不十分です。"
    "安全基準の根拠を示してください。"
    "受入れ地域の意見を聞く機会を設けるべきです。"
    "計画の見直しを強く求めます。"
)
OTHER = (
    "意見募集の期間が短すぎます。"
    "資料が専門的で読みにくいため、わかりやすい概要版を作成してください。"
    "説明会を休日にも開催してください。"
)
PERSONAL = "私は福島市に三十年住んでいます。"


def by_opinion(groups: list) -> dict[str, tuple[str, str]]:
    """Each opinion's group id and added text."""
    return {m.opinion: (g.id, m.added) for g in groups for m in g.members}


def test_normalising_removes_width_case_spacing_and_punctuation_variants() -> None:
    plain = "計画の見直しを求めます。2025年、Abc"
    assert normalise("　計画の見直しを\n求めます．２０２５年，ＡＢＣ ") == normalise(plain)
    assert normalise("「計画」の見直し") == normalise("『計画』の見直し") == "計画の見直し"
    assert normalise(plain) != normalise("計画の継続を求めます。2025年、Abc")


def test_exact_and_layout_copies_are_one_group_adding_nothing() -> None:
    copies = [("R0000003-1", LETTER), ("R0000001-1", LETTER), ("R0000002-1", " " + LETTER)]
    groups = group_opinions([*copies, ("R0000004-1", "反対です。")])
    assert [len(g.members) for g in groups] == [3, 1]
    first = groups[0]
    assert first.representative == "R0000001-1"
    assert [m.opinion for m in first.members] == ["R0000001-1", "R0000002-1", "R0000003-1"]
    assert {m.added for m in first.members} == {""}


def test_a_near_copy_joins_the_letter_and_records_what_it_adds() -> None:
    groups = group_opinions(
        [
            ("R0000001-1", LETTER),
            ("R0000002-1", LETTER),
            ("R0000003-1", LETTER + PERSONAL),
            ("R0000004-1", LETTER.replace("安全基準の根拠を示してください。", "")),
            ("R0000005-1", OTHER),
        ]
    )
    found = by_opinion(groups)
    assert found["R0000003-1"] == ("G-R0000001-1", PERSONAL)
    assert found["R0000004-1"] == ("G-R0000001-1", "")  # a sentence left out adds nothing
    assert found["R0000005-1"] == ("G-R0000005-1", "")
    assert groups[0].representative == "R0000001-1"  # the text most people sent


def test_a_small_edit_adds_the_changed_words() -> None:
    edited = LETTER.replace("強く求めます", "直ちに求めます")
    groups = group_opinions([("R0000001-1", LETTER), ("R0000002-1", edited)])
    assert len(groups) == 1
    assert by_opinion(groups)["R0000002-1"][1] == "直ちに"


def test_the_added_text_is_shown_in_each_members_own_public_words() -> None:
    # Grouping compares normalised texts (【】 as (), no spaces), but a reviewer reads what
    # the member wrote: the redaction marker and the spaces as typed, for each way of typing.
    redacted = "電話【個人情報のため削除】にどうぞ。"
    spaced = "架空花子 51 歳です。"
    groups = group_opinions(
        [
            ("R0000001-1", LETTER),
            ("R0000001-2", LETTER),  # the letter most sent: the representative
            ("R0000001-3", LETTER),
            ("R0000002-1", LETTER + redacted),
            ("R0000003-1", LETTER + "\n" + spaced),
            ("R0000004-1", LETTER + "\n" + spaced.replace(" ", "　")),
            ("R0000005-1", LETTER.replace("直ちに", "").replace("強く", "ｔｏｔｅｍｏ 強く")),
        ]
    )
    found = by_opinion(groups)
    assert found["R0000002-1"] == ("G-R0000001-1", redacted)
    assert found["R0000003-1"] == ("G-R0000001-1", spaced)
    assert found["R0000004-1"] == ("G-R0000001-1", spaced.replace(" ", "　"))
    assert found["R0000005-1"] == ("G-R0000001-1", "ｔｏｔｅｍｏ")
    assert added_text(LETTER, LETTER + redacted) == redacted  # after a split or merge


def test_a_sentence_replacing_an_unrelated_one_is_added_whole() -> None:
    last = "計画の見直しを強く求めます。"
    replaced = LETTER.replace(last, PERSONAL)
    groups = group_opinions([("R0000001-1", LETTER), ("R0000002-1", replaced)])
    assert by_opinion(groups)["R0000002-1"] == ("G-R0000001-1", PERSONAL)


def test_every_opinion_in_exactly_one_group_largest_first_whatever_the_input_order() -> None:
    sample = [(o.id, o.text) for o in generated(3000, seed=5)]
    groups = group_opinions(sample)
    members = [m.opinion for g in groups for m in g.members]
    assert Counter(members) == Counter(id for id, _ in sample)
    sizes = [len(g.members) for g in groups]
    assert sizes == sorted(sizes, reverse=True)
    assert all(g.members[0].opinion == g.representative for g in groups)
    shuffled = list(sample)
    random.Random(3).shuffle(shuffled)
    assert group_opinions(shuffled) == groups


def test_b_cubed_counts_each_opinion_by_its_groups() -> None:
    # a, b, c truly together, d alone; found: a and b together, c with d.
    truth = {"a": "x", "b": "x", "c": "x", "d": "y"}
    found = {"a": "1", "b": "1", "c": "2", "d": "2"}
    precision, recall = b_cubed(found, truth)
    assert precision == (1 + 1 + 0.5 + 0.5) / 4
    assert recall == (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4


def test_b_cubed_precision_and_recall_on_the_generator_reach_0_95() -> None:
    sample = list(generated(6000, seed=11))
    groups = group_opinions((o.id, o.text) for o in sample)
    found = {m.opinion: g.id for g in groups for m in g.members}
    precision, recall = b_cubed(found, {o.id: o.truth for o in sample})
    assert precision >= 0.95
    assert recall >= 0.95


GROUPS_DIGEST = """\
import hashlib, json
from benchmarks.intake_generate import opinions
from pctui.intake.grouping import SHINGLE, added_text, group_opinions
groups = group_opinions((o.id, o.text) for o in opinions(2000, seed=4))
flat = [(g.id, g.representative, [(m.opinion, m.added) for m in g.members]) for g in groups]
print(hashlib.sha256(json.dumps(flat, ensure_ascii=False).encode()).hexdigest())
"""


def test_the_same_opinions_give_the_same_groups_in_another_process() -> None:
    # Python salts str hashes per process: a set's order leaking into the groups would show.
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run(
            [sys.executable, "-c", GROUPS_DIGEST],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_the_collector_is_as_it_was_after_grouping_even_when_it_fails() -> None:
    assert gc.isenabled()
    group_opinions([("R0000001-1", LETTER)])
    assert gc.isenabled()
    with pytest.raises(ValueError):
        group_opinions([("R0000001-1", LETTER), ("R0000002-1",)])  # type: ignore[list-item]
    assert gc.isenabled()
    gc.disable()
    try:
        group_opinions([("R0000001-1", LETTER)])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_n_grams_as_bytes_give_the_sketches_of_the_n_grams_as_text() -> None:
    # `_shingles` cuts a text whose characters all take as many UTF-8 bytes into byte
    # n-grams; rensa hashes a str token's UTF-8, so the sketches must not change.
    import rensa

    from pctui.intake.grouping import NUM_PERM, SEED, _shingles

    texts = [
        LETTER,
        "abcdefghij plain ASCII",
        "ÀÉÎÕÜàéîõüÇÑ",  # two bytes each
        "𠮷野家の𩸽を食べた𠀋",  # four bytes each
        LETTER + "2025年",  # widths mixed: cut as text
        "短い",
        "",
        "ちょうど五文",
    ]
    for text in texts:
        grams = _shingles(text)
        as_text = (
            [text]
            if len(text) <= SHINGLE
            else [text[at : at + SHINGLE] for at in range(len(text) - SHINGLE + 1)]
        )
        assert [g if isinstance(g, str) else g.decode() for g in grams] == as_text
        ours, theirs = rensa.RMinHash.from_token_sets([grams, as_text], NUM_PERM, SEED)
        assert ours.digest() == theirs.digest()
    assert isinstance(_shingles(LETTER)[0], bytes)


_POOL = [
    "計画の見直しを求めます。",
    "計画の見直しを強く求めます。",  # an edit of the one before
    "説明会を休日にも開いてください。",
    "私は架空市に二十年住んでいます。",
]
_SENTENCES = st.lists(st.sampled_from(_POOL), min_size=1, max_size=5)


@settings(max_examples=600, deadline=None)
@given(theirs=_SENTENCES, ours=_SENTENCES)
# An insertion that ends with the sentence before it: the diff's clean-up moves it.
@example(theirs=[_POOL[0], _POOL[2]], ours=[_POOL[0], _POOL[3], _POOL[0], _POOL[2]])
def test_the_added_text_shortcut_is_what_the_sentence_diff_finds(
    theirs: list[str], ours: list[str]
) -> None:
    # `_plain_edit` answers the commonest near-copies without diff-match-patch's sentence
    # diff: wherever it answers, the answer must be the diff's (sentences repeated, moved,
    # edited, added and left out in any mix).
    from diff_match_patch import diff_match_patch

    from pctui.intake import grouping

    differ = diff_match_patch()
    differ.Diff_Timeout = 0.0
    representative, member = "".join(theirs), "".join(ours)
    if set(ours) <= set(theirs):
        return  # nothing added: `_added_spans` answers before either
    shortcut = grouping._plain_edit(differ, theirs, ours, set(theirs))
    if shortcut is None:
        return
    original = grouping._plain_edit
    try:
        grouping._plain_edit = lambda *_: None  # type: ignore[assignment]
        assert grouping._added_spans(differ, representative, member) == shortcut
    finally:
        grouping._plain_edit = original


def test_n_gram_cutters_kept_within_their_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # `_shingles` keeps a cutter (an itemgetter of the slices of every n-gram) for each
    # text length it meets, up to a number of slices in all, and the slices of a very long
    # text not at all; past either, a cutter is made for each text. Either way the n-grams
    # are the text's.
    from pctui.intake import grouping

    monkeypatch.setattr(grouping, "_CUTTERS", {})
    monkeypatch.setattr(grouping, "_SLICES", {})
    monkeypatch.setattr(grouping, "_kept", 0)
    monkeypatch.setattr(grouping, "_KEPT", 40)
    monkeypatch.setattr(grouping, "_LONGEST", 50)
    texts = [LETTER[:length] for length in (6, 7, 20, 30, 31, 60)] + ["abcdefgh" * 9, "ab" * 40]
    for text in [*texts, *reversed(texts)]:
        grams = grouping._shingles(text)
        expected = [text[at : at + SHINGLE] for at in range(len(text) - SHINGLE + 1)]
        assert [g if isinstance(g, str) else g.decode() for g in grams] == expected
    assert 0 < grouping._kept <= 40
    assert grouping._kept == sum(length - SHINGLE + 1 for length, _width in grouping._CUTTERS)
    assert all(len(slices) <= 50 for slices in grouping._SLICES.values())
