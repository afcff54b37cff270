"""Findings that load but must be seen: impossible sign-offs and hostile characters, located."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.storage.item_text import answered, signed

from pctui.model import text_digest
from pctui.storage import ConsultationFile, integrity
from pctui.storage.integrity import integrity_warnings

Write = Callable[..., Path]
Where = Callable[..., str]


def signoff(stage: str, by: str, revision: int = 1, digest: str | None = None) -> str:
    return signed(1, stage, by, revision=revision, digest=digest)


ITEM = answered(1, "1")


def findings(path: Path) -> list[str]:
    prefix = f"{path}:"
    return [str(p)[len(prefix) :] for p in integrity_warnings(ConsultationFile.load(path))]


def test_a_clean_file_has_no_findings(header: str, write: Write) -> None:
    assert findings(write(header + ITEM + signoff("担当", "yamada"))) == []


def test_each_impossible_sign_off_is_pointed_at(header: str, write: Write, where: Where) -> None:
    text = (
        header
        + ITEM
        + signoff("担当", "mallory")
        + signoff("担当", "tanaka")
        + signoff("係長", "suzuki", digest=text_digest("回答1（改）"))
        + signoff("課長", "kimura")
        + signoff("係長", "kimura")
    )
    assert findings(write(text)) == [
        f"{where(text, 'by = ', 1)}: warning: No.1: invalid sign-off (担当, mallory):"
        " 'mallory' may not sign stage '担当'",
        f"{where(text, 'by = ', 2)}: warning: No.1: invalid sign-off (担当, tanaka):"
        " 'tanaka' wrote revision 1 and may not sign it",
        f"{where(text, 'digest = ', 3)}: warning: No.1: invalid sign-off (係長, suzuki):"
        " digest does not match the text of revision 1",
        f"{where(text, 'by = ', 5)}: warning: No.1: invalid sign-off (係長, kimura):"
        " 'kimura' already signed another stage of this revision",
    ]


def test_hostile_characters_are_reported_where_they_are(
    header: str, write: Write, where: Where
) -> None:
    text = header + ITEM.replace("ご意見1", "ご意見\\u001b[2J1").replace(
        'text = "回答1"', 'text = "回答\u202e1"'
    )
    assert findings(write(text)) == [
        f"{where(text, 'opinion')}: warning: No.1: opinion contains U+001B ESCAPE at character"
        " 4 (shown inertly)",
        f"{where(text, 'text = ')}: warning: No.1: revision 1 text contains U+202E"
        " RIGHT-TO-LEFT OVERRIDE at character 3 (shown inertly)",
    ]


def one_parse_findings(path: Path) -> list[str]:
    file = ConsultationFile.load(path, one_parse=True, marks=True)
    prefix = f"{path}:"
    return [str(p)[len(prefix) :] for p in integrity_warnings(file)]


def test_a_plain_file_read_in_one_parse_is_scanned_once(
    header: str, write: Write, monkeypatch
) -> None:
    # Its whole text is plain and has no escape: no text of it is looked at one by one.
    def refuse(item: object) -> bool:
        raise AssertionError("an item's texts were scanned")

    monkeypatch.setattr(integrity, "_any_marks", refuse)
    assert one_parse_findings(write(header + ITEM + signoff("担当", "yamada"))) == []


@pytest.mark.parametrize("words", ["①の点", "※注記", "café", "—…→", "\t"])
def test_text_beyond_cjk_without_a_suspect_is_scanned_once(
    header: str, write: Write, monkeypatch, words: str
) -> None:
    # Circled numbers, reference marks, accents, dashes and a tab hide nothing: the file's
    # bytes say so at once, and no text of it is looked at one by one.
    text = (header + ITEM + signoff("担当", "yamada")).replace("ご意見1", words, 1)
    assert words in text
    path = write(text)
    assert findings(path) == []

    def refuse(item: object) -> bool:
        raise AssertionError("an item's texts were scanned")

    monkeypatch.setattr(integrity, "_any_marks", refuse)
    assert one_parse_findings(path) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ご意見1", "ご意見\\u001b1"),  # an escape, in a plain text
        ("ご意見1", "ご意見\\\\u001b1"),  # an escaped backslash: no hidden character
        ('text = "回答1"', 'text = "回答\u202e1"'),
        ('text = "回答1"', 'text = "\ufe0f回答1"'),  # after the opening quote, as written
        ('text = "回答1"', 'text = "回答\t1"'),  # a tab: not plain, and not hidden
        # The header's texts too (a section's title, a cell of the status table, is one
        # line or an error: the consultation's title is a text).
        ('title = "テスト計画（案）"', 'title = "テスト計画\\r（案）"'),
    ],
)
def test_one_parse_finds_what_the_block_read_finds(
    header: str, write: Write, old: str, new: str
) -> None:
    text = (header + ITEM + signoff("担当", "yamada")).replace(old, new, 1)
    assert new in text
    path = write(text)
    assert one_parse_findings(path) == findings(path)


def test_a_file_read_for_status_is_scanned_text_by_text_if_ever_asked(
    header: str, write: Write
) -> None:
    # Only a load with `marks` (validate's) looks at the bytes for hidden characters: a
    # command that never asks (status) does not pay for it, and a file loaded without it
    # is scanned the long way if asked all the same.
    path = write(header + ITEM + signoff("担当", "yamada"))
    assert ConsultationFile.load(path, one_parse=True, marks=True).plain_text()
    assert not ConsultationFile.load(path, one_parse=True).plain_text()
    assert not ConsultationFile.load(path, marks=True).plain_text()  # not read in one parse
    hostile = write(header + ITEM.replace("ご意見1", "ご意見\u202e1") + signoff("担当", "yamada"))
    assert not ConsultationFile.load(hostile, one_parse=True, marks=True).plain_text()
