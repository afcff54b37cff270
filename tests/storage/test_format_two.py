"""Format 2 on disk: every new field read into the model, each rule reported at its place,
and saving a format-2 file keeps it format 2 with only the lines the action adds."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.storage.conftest import Problems, Where, Write
from tests.storage.format_two_text import FIRST, HEADER, SECOND, signoff

from pctui.model import (
    APPROVED,
    Layout,
    Opinion,
    add_summary,
    basis_digest,
    item_state,
    merge_items,
    move_opinion,
    sign,
    split_item,
)
from pctui.model.state import OTHER_BASIS, STALE, standings
from pctui.storage import ConsultationFile, SaveError
from pctui.storage.integrity import integrity_warnings
from pctui.storage.writer import render_consultation

AT = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_every_format_two_field_is_read(write: Write) -> None:
    file = ConsultationFile.load(write(HEADER + FIRST + SECOND))
    consultation = file.consultation
    assert file.warnings == []
    assert consultation.format == 2
    assert consultation.meta.layout == Layout.LISTED
    assert (consultation.intake.published_submitters, consultation.intake.published_opinions) == (
        5,
        12,
    )
    assert [(s.id, s.label) for s in consultation.sections] == [("1", "Ⅰ"), ("2", "Ⅱ")]
    first, second = consultation.items
    assert first.opinions[0] == Opinion(
        "1", "駐輪場を増やしてほしい。", 2, ("2025-0001-1", "2025-0003-2")
    )
    assert [o.label for o in first.opinions] == ["1", "2", "3"]
    assert first.count == 4 and first.opinion == "駐輪場の整備に関するご意見"
    assert [(s.author, s.text) for s in first.summaries] == [
        ("tanaka", "駐輪場の整備に関するご意見")
    ]
    assert second.opinions == [Opinion("1", "計画全体に賛成です。")]  # labels restart in Ⅱ


def test_a_basis_is_read_and_judged(write: Write) -> None:
    consultation = ConsultationFile.load(write(HEADER + FIRST + SECOND)).consultation
    basis = basis_digest(consultation.items[0])
    other = basis_digest(consultation.items[1])
    text = (
        HEADER
        + signoff(FIRST, 1, "yamada", "担当", basis)
        + signoff(SECOND, 2, "yamada", "担当", basis)
    )
    first, second = ConsultationFile.load(write(text)).consultation.items
    assert first.signoffs[0].basis == basis
    review = ConsultationFile.load(write(text)).consultation.review
    assert standings(first, review)[0].status != STALE
    assert second.signoffs[0].basis == basis != other
    assert (standings(second, review)[0].status, standings(second, review)[0].why) == (
        STALE,
        OTHER_BASIS,
    )


# (the text replaced in the format-2 file, by what, where to point, message)
RULES = [
    ('label = "2"', "label = 2", "label = 2",
     "items.opinions.label must be a string, not an integer"),
    ('label = "2"', 'label = " "', 'label = " "', "items.opinions.label is empty"),
    ('label = "2"', 'label = "1"', 'label = "1"\ntext = "駅前',
     "opinion label '1' is used twice in section '1' (also in No.1)"),
    ('text = "駅前の駐輪場が足りない。"', "text = 1", "text = 1",
     "items.opinions.text must be a string, not an integer"),
    ("count = 2", "count = 0", "count = 0", "items.opinions.count must be 1 or more, not 0"),
    ("count = 2", 'count = "2"', 'count = "2"',
     "items.opinions.count must be an integer, not a string"),
    ('sources = ["2025-0001-1", "2025-0003-2"]', "sources = [1]", "sources = [1]",
     "items.opinions.sources must be an array of strings, not an array"),
    ('sources = ["2025-0001-1", "2025-0003-2"]', 'members = "md5:0a1b"', 'members = "md5',
     'items.opinions.members must name a frozen member list by its digest ("sha256:" and 64 '
     "hexadecimal digits)"),
    ('sources = ["2025-0001-1", "2025-0003-2"]', "members = 1", "members = 1",
     "items.opinions.members must be a string, not an integer"),
    ('author = "tanaka"\nat = 2025-12-01T09:00:00+09:00', 'author = "tanaka"\nat = 2025-12-01',
     "at = 2025-12-01\n",
     "items.summaries.at must be a date-time with a UTC offset (e.g. 2025-12-15T10:30:00+09:00),"
     " not a date"),
    ('section = "1"\n', 'section = "1"\nopinion = "旧形式"\n', 'opinion = "旧形式"',
     "items.opinion belongs to format 1; a format-2 item holds its opinions, each with its "
     "count, in [[items.opinions]]"),
    ('layout = "listed"', 'layout = "table"', 'layout = "table"',
     "consultation.layout must be one of summary, listed"),
    ("published_opinions = 12", "published_opinions = -1", "published_opinions = -1",
     "intake.published_opinions must be a count >= 0"),
    ('label = "Ⅰ"', "label = 1", "label = 1", "sections.label must be a string, not an integer"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "needle", "message"), RULES)
def test_each_rule_is_reported_at_its_place(
    old: str, new: str, needle: str, message: str, write: Write, problems: Problems, where: Where
) -> None:
    text = (HEADER + FIRST + SECOND).replace(old, new, 1)
    assert problems(write(text)) == [f"{where(text, needle)}: {message}"]


def test_an_item_without_opinions_is_an_error(
    write: Write, problems: Problems, where: Where
) -> None:
    text = HEADER + SECOND.replace(
        '[[items.opinions]]\nlabel = "1"\ntext = "計画全体に賛成です。"\n\n', ""
    )
    assert problems(write(text)) == [
        f"{where(text, '[[items]]')}: missing items.opinions (an array of tables)"
    ]
    empty = HEADER + '[[items]]\nno = 2\nsection = "2"\nopinions = []\n'
    assert problems(write(empty)) == [
        f"{where(empty, 'opinions = []')}: an item holds at least one opinion"
    ]


def test_a_bad_basis_is_an_error(write: Write, problems: Problems, where: Where) -> None:
    text = HEADER + signoff(SECOND, 2, "yamada", "担当", "sha256:abc")
    assert problems(write(text)) == [
        f"{where(text, 'basis = ')}: basis must be 'sha256:' and 64 lower-case hex digits"
    ]


FORMAT_ONE = """\
format = 1

[consultation]
id = "test"
title = "テスト"

[review]
stages = ["担当"]

[[sections]]
id = "1"
title = "第1章"

[[items]]
no = 1
section = "1"
opinion = "ご意見"

"""
# (what a format-1 file gains, where to point, the key named)
FORMAT_TWO_KEYS = [
    ('title = "テスト"\n', 'title = "テスト"\nlayout = "listed"\n', "layout = ",
     "consultation.layout"),
    ('[review]', '[intake]\npublished_opinions = 3\n\n[review]', "published_opinions = ",
     "intake.published_opinions"),
    ('title = "第1章"', 'title = "第1章"\nlabel = "Ⅰ"', 'label = "Ⅰ"', "sections.label"),
    ('opinion = "ご意見"\n', 'opinion = "ご意見"\n\n[[items.summaries]]\nauthor = "tanaka"\n'
     'at = 2025-12-01T09:00:00+09:00\ntext = "概要"\n', "[[items.summaries]]", "items.summaries"),
    ('opinion = "ご意見"\n', 'opinion = "ご意見"\n\n[[items.opinions]]\nlabel = "1"\ntext = "x"\n',
     "[[items.opinions]]", "items.opinions"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "needle", "key"), FORMAT_TWO_KEYS)
def test_a_format_two_key_in_a_format_one_file_is_an_error(
    old: str, new: str, needle: str, key: str, write: Write, problems: Problems, where: Where
) -> None:
    assert ConsultationFile.load(write(FORMAT_ONE)).consultation.format == 1
    text = FORMAT_ONE.replace(old, new, 1)
    found = problems(write(text))
    assert found == [
        f"{where(text, needle)}: {key} belongs to format 2; this file is format = 1 "
        "(take it out first: then pctui migrate FILE rewrites the file as format 2)"
    ]


def test_a_basis_in_a_format_one_file_is_an_error(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    item = SECOND.replace('[[items.opinions]]\nlabel = "1"\ntext', "opinion")
    text = header + signoff(item, 2, "yamada", "担当", "sha256:" + "0" * 64)
    assert problems(write(text)) == [
        f"{where(text, 'basis = ')}: items.signoffs.basis belongs to format 2; this file is "
        "format = 1 (take it out first: then pctui migrate FILE rewrites the file as format 2)"
    ]


def test_rendering_a_format_two_consultation_reads_back_the_same(write: Write) -> None:
    consultation = ConsultationFile.load(write(HEADER + FIRST + SECOND)).consultation
    again = ConsultationFile.load(write(render_consultation(consultation), "again.toml"))
    assert again.consultation == consultation
    assert again.warnings == []


def test_a_sign_off_adds_its_table_with_the_basis_and_nothing_else(write: Write) -> None:
    path = write(HEADER + FIRST + SECOND)
    before = path.read_text(encoding="utf-8")
    file = ConsultationFile.load(path)
    made = file.transact(1, lambda c: sign(c, 1, "yamada", at=AT))
    after = path.read_text(encoding="utf-8")
    added = after.replace(before[: before.index("[[items]]\nno = 2")], "", 1)
    assert after.startswith(before[: before.index("[[items]]\nno = 2")].rstrip("\n"))
    assert f'basis = "{made.basis}"' in after and made.basis is not None
    assert after.replace(_table(after, "[[items.signoffs]]"), "") == before
    assert added.count("[[items]]") == 1
    reread = ConsultationFile.load(path).consultation
    assert reread.format == 2 and reread.items[0].signoffs == [made]


def _table(text: str, header: str) -> str:
    """The text of the one `header` table of `text` (through its blank line)."""
    start = text.index(header)
    return text[start : text.index("\n\n", start) + 2]


def test_a_summary_is_appended_and_saved_at_once(write: Write) -> None:
    path = write(HEADER + FIRST + SECOND)
    file = ConsultationFile.load(path)
    for login in ("yamada", "suzuki", "sato"):
        file.transact(2, lambda c, login=login: sign(c, 2, login, at=AT))
    assert item_state(file.consultation.items[1], file.consultation.review) == APPROVED
    file.transact(2, lambda c: add_summary(c, 2, "tanaka", "計画への賛成意見", at=AT))
    reread = ConsultationFile.load(path).consultation
    second = reread.items[1]
    assert [s.text for s in second.summaries] == ["計画への賛成意見"]
    assert {s.status for s in standings(second, reread.review)} == {STALE}


def test_a_moved_opinion_is_saved_in_both_items(write: Write) -> None:
    path = write(
        HEADER
        + FIRST
        + SECOND.replace('section = "2"', 'section = "1"').replace('label = "1"', 'label = "9"')
    )
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: move_opinion(c, 1, "2", 2, login="tanaka"), also=[2])
    first, second = ConsultationFile.load(path).consultation.items
    assert [o.label for o in first.opinions] == ["1", "3"]
    assert [o.label for o in second.opinions] == ["9", "2"]
    assert ConsultationFile.load(path).consultation == file.consultation


def test_merged_and_split_items_are_saved(write: Write) -> None:
    same_section = SECOND.replace('section = "2"', 'section = "1"').replace(
        'label = "1"', 'label = "9"'
    )
    path = write(HEADER + FIRST + same_section)
    before = path.read_text(encoding="utf-8")
    file = ConsultationFile.load(path)
    new = file.transact(1, lambda c: split_item(c, 1, ["3"], login="tanaka"))
    assert new.no == 3
    after = ConsultationFile.load(path).consultation
    assert [(i.no, [o.label for o in i.opinions]) for i in after.items] == [
        (1, ["1", "2"]), (3, ["3"]), (2, ["9"])
    ]  # fmt: skip
    assert after == file.consultation
    assert path.read_text(encoding="utf-8").endswith(same_section)  # untouched, byte for byte
    file.transact(3, lambda c: merge_items(c, 2, 3, login="tanaka"))
    merged = ConsultationFile.load(path).consultation
    assert [(i.no, [o.label for o in i.opinions]) for i in merged.items] == [
        (1, ["1", "2"]), (3, ["3", "9"])
    ]  # fmt: skip
    assert merged == file.consultation
    assert before.split("[[items]]")[0] == path.read_text(encoding="utf-8").split("[[items]]")[0]


def test_hostile_text_in_an_opinion_or_a_summary_is_a_warning_at_its_place(
    write: Write, where: Where
) -> None:
    text = (
        (HEADER + FIRST + SECOND)
        .replace('text = "駅前の駐輪場が足りない。"', 'text = "駅前の\\u202e駐輪場"')
        .replace('text = "駐輪場の整備に関するご意見"', 'text = "概要\\u200b"')
    )
    file = ConsultationFile.load(write(text))
    found = [(f"{p.line}:{p.col}", p.message) for p in integrity_warnings(file)]
    assert [place for place, _message in found] == [
        where(text, 'text = "駅前の'),
        where(text, 'text = "概要'),
    ]
    assert found[0][1].startswith("No.1: opinion 2 text")
    assert found[1][1].startswith("No.1: summary 1 text")


def test_a_file_read_whole_refuses_a_split_with_nothing_written(write: Write) -> None:
    text = HEADER.replace("[review]\n", "") + FIRST + SECOND + "[review]\n"  # review at the end
    text = text.replace(
        'stages = ["担当", "係長", "課長"]\n\n[review.reviewers]', "[review.reviewers]"
    )
    path = write(text + 'stages = ["担当", "係長", "課長"]\n')
    before = path.read_bytes()
    file = ConsultationFile.load(path)
    with pytest.raises(SaveError, match="merged or split only in a file laid out"):
        file.transact(1, lambda c: split_item(c, 1, ["3"], login="tanaka"))
    assert path.read_bytes() == before
    assert [i.no for i in file.consultation.items] == [1, 2]  # the session is the file again
