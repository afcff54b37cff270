"""Every schema rule: each problem at its exact line and column, all of them listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.model import text_digest
from pctui.storage import ConsultationFile

Write = Callable[..., Path]
Problems = Callable[[Path], list[str]]
Where = Callable[..., str]

DIGEST = text_digest("回答1")
ITEM = f"""\
[[items]]
no = 1
section = "1"
topic = "目的"
opinion = "ご意見1"
count = 2

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = "回答1"

[[items.signoffs]]
stage = "担当"
by = "yamada"
at = 2025-12-01T10:00:00+09:00
revision = 1
digest = "{DIGEST}"
verdict = "approve"

"""
OTHER = """\
[[items]]
no = 2
section = "2"
opinion = "ご意見2"
"""


def test_the_valid_base_loads(header: str, write: Write) -> None:
    file = ConsultationFile.load(write(header + ITEM + OTHER))
    [first, second] = file.consultation.items
    assert (first.no, first.section, first.topic, first.count) == (1, "1", "目的", 2)
    assert first.signoffs[0].digest == DIGEST
    assert (second.count, second.topic, second.klass) == (1, None, None)
    assert file.warnings == []


# (what is replaced in ITEM, by what, where to point (needle in the new text), message)
ITEM_RULES = [
    ('section = "1"', 'section = "9"', 'section = "9"', "unknown section '9' (sections: '1', '2')"),
    ("revision = 1", "revision = 2", "revision = 2",
     "sign-off points at revision 2; the item has 1"),
    ("revision = 1", "revision = 0", "revision = 0",
     "sign-off points at revision 0; the item has 1"),
    ('stage = "担当"', 'stage = "部長"', 'stage = "部長"',
     "stage '部長' is not in review.stages (担当, 係長, 課長)"),
    ("no = 1", 'no = "1"', "no = ", "items.no must be an integer, not a string"),
    ("no = 1", "no = 0", "no = ", "items.no must be 1 or more, not 0"),
    ('section = "1"', "section = 1", "section = ",
     "items.section must be a string, not an integer"),
    ('opinion = "ご意見1"', "opinion = [\"ご意見1\"]", "opinion = ",
     "items.opinion must be a string, not an array"),
    ('topic = "目的"', "topic = true", "topic = ", "items.topic must be a string, not a boolean"),
    ("count = 2", "count = 2.0", "count = ", "items.count must be an integer, not a float"),
    ("count = 2", "count = 0", "count = ", "items.count must be 1 or more, not 0"),
    ('author = "tanaka"', "author = 7", "author = ",
     "items.revisions.author must be a string, not an integer"),
    ('text = "回答1"', "text = 2025-12-01", "text = ",
     "items.revisions.text must be a string, not a date"),
    ("at = 2025-12-01T09:00:00+09:00", "at = 2025-12-01T09:00:00", "at = 2025-12-01T09:00:00\n",
     "items.revisions.at must be a date-time with a UTC offset (e.g. 2025-12-15T10:30:00+09:00),"
     " not a date-time without UTC offset"),
    ("at = 2025-12-01T10:00:00+09:00", "at = 2025-12-01", "at = 2025-12-01\n",
     "items.signoffs.at must be a date-time with a UTC offset (e.g. 2025-12-15T10:30:00+09:00),"
     " not a date"),
    ("at = 2025-12-01T10:00:00+09:00", "at = 10:00:00", "at = 10:00:00",
     "items.signoffs.at must be a date-time with a UTC offset (e.g. 2025-12-15T10:30:00+09:00),"
     " not a time"),
    ("revision = 1", 'revision = "1"', "revision = ",
     "items.signoffs.revision must be an integer, not a string"),
    (f'digest = "{DIGEST}"', f'digest = "{DIGEST.upper()}"', "digest = ",
     "digest must be 'sha256:' and 64 lower-case hex digits"),
    (f'digest = "{DIGEST}"', f'digest = "{DIGEST[7:]}"', "digest = ",
     "digest must be 'sha256:' and 64 lower-case hex digits"),
    (f'digest = "{DIGEST}"', f'digest = "{DIGEST[:-1]}"', "digest = ",
     "digest must be 'sha256:' and 64 lower-case hex digits"),
    ('verdict = "approve"', 'verdict = "ok"', "verdict = ",
     "verdict must be 'approve' or 'reject', not 'ok'"),
    ('verdict = "approve"', 'verdict = "approve"\nwithdrawn = "yes"', "withdrawn = ",
     "items.signoffs.withdrawn must be a date-time with a UTC offset"
     " (e.g. 2025-12-15T10:30:00+09:00), not a string"),
    ('verdict = "approve"', 'verdict = "approve"\ncomment = 3', "comment = ",
     "items.signoffs.comment must be a string, not an integer"),
    ('text = "回答1"', 'text = "回答1"\nnote = false', "note = ",
     "items.revisions.note must be a string, not a boolean"),
    ("[[items.revisions]]", "[items.revisions]", "[items.revisions]",
     "items.revisions must be an array of tables, not a table"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "needle", "message"), ITEM_RULES)
def test_an_item_rule_is_reported_at_its_key(
    header: str,
    write: Write,
    problems: Problems,
    where: Where,
    old: str,
    new: str,
    needle: str,
    message: str,
) -> None:
    assert old in ITEM
    text = header + ITEM.replace(old, new) + OTHER
    assert problems(write(text)) == [f"{where(text, needle)}: {message}"]


@pytest.mark.parametrize(
    ("key", "kind"),
    [("no", "an integer"), ("section", "a string"), ("opinion", "a string")],
)
def test_a_missing_item_key_is_reported_at_the_item_header(
    header: str, write: Write, problems: Problems, key: str, kind: str
) -> None:
    lines = [line for line in ITEM.split("\n") if not line.startswith(f"{key} =")]
    text = header + "\n".join(lines) + OTHER
    assert problems(write(text)) == [f"25:1: missing items.{key} ({kind})"]


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("stage", "a string"),
        ("by", "a string"),
        ("revision", "an integer"),
        ("digest", "a string"),
        ("verdict", "a string"),
    ],
)
def test_a_missing_sign_off_key_is_reported_at_its_table(
    header: str, write: Write, problems: Problems, where: Where, key: str, kind: str
) -> None:
    lines = [line for line in ITEM.split("\n") if not line.startswith(f"{key} =")]
    text = header + "\n".join(lines) + OTHER
    assert problems(write(text)) == [
        f"{where(text, '[[items.signoffs]]')}: missing items.signoffs.{key} ({kind})"
    ]


def test_missing_revision_keys_are_all_reported(
    header: str, write: Write, problems: Problems
) -> None:
    text = header + ITEM.replace('author = "tanaka"\n', "").replace('text = "回答1"\n', "")
    # The revision table starts on line 32.
    assert problems(write(text + OTHER)) == [
        "32:1: missing items.revisions.author (a string)",
        "32:1: missing items.revisions.text (a string)",
    ]


def test_a_duplicate_no_is_reported_at_the_second(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    text = header + ITEM + OTHER.replace("no = 2", "no = 1")
    assert problems(write(text)) == [
        f"{where(text, 'no = 1', 2)}: duplicate No.1 (also on line 26)"
    ]
    assert where(text, "no = 1", 2) == "46:1"


def test_every_duplicate_is_reported(header: str, write: Write, problems: Problems) -> None:
    text = header + ITEM + OTHER.replace("no = 2", "no = 1") + "\n" + OTHER.replace("2", "1")
    assert [p.split(": ", 1)[1] for p in problems(write(text))] == [
        "duplicate No.1 (also on line 26)",
        "duplicate No.1 (also on line 26)",
    ]


def test_problems_in_several_items_and_the_header_are_all_listed_in_file_order(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    bad_header = header.replace(
        "\n[review.reviewers]", 'allow_self_approval = "no"\n\n[review.reviewers]'
    )
    bad_item = (
        ITEM.replace('section = "1"', 'section = "0"')
        .replace("revision = 1", "revision = 3")
        .replace('verdict = "approve"', 'verdict = "yes"')
    )
    text = bad_header + bad_item + OTHER.replace('section = "2"', 'section = "x"')
    needles = ("allow_self_approval", 'section = "0"', "revision = 3", "verdict", 'section = "x"')
    flag, first, revision, verdict, second = (where(text, needle) for needle in needles)
    assert problems(write(text)) == [
        f"{flag}: review.allow_self_approval must be true or false, not a string",
        f"{first}: unknown section '0' (sections: '1', '2')",
        f"{revision}: sign-off points at revision 3; the item has 1",
        f"{verdict}: verdict must be 'approve' or 'reject', not 'yes'",
        f"{second}: unknown section 'x' (sections: '1', '2')",
    ]


# (what is replaced in the header, by what, where to point, message)
HEADER_RULES = [
    ("format = 1", "format = 3", "format = ",
     "format = 3 is not supported (this pctui reads format = 1 and 2)"),
    ("format = 1", 'format = "1"', "format = ", "format must be an integer, not a string"),
    ('id = "test"', 'id = "Test Plan"', 'id = "Test',
     "consultation.id 'Test Plan' must be a slug: a-z, 0-9, '-', '_', '.'"),
    ('title = "テスト計画（案）"', "title = 1", "title = ",
     "consultation.title must be a string, not an integer"),
    ('title = "テスト計画（案）"', 'title = "t"\nopened = "2025-01-01"', "opened = ",
     "consultation.opened must be a date (YYYY-MM-DD), not a string"),
    ('title = "テスト計画（案）"', 'title = "t"\nopened = 2025-02-01\nclosed = 2025-01-01',
     "closed = ", "consultation.closed is before consultation.opened"),
    ('title = "テスト計画（案）"', 'title = "t"\nlanguage = "fr"', "language = ",
     "consultation.language must be one of ('ja', 'en')"),
    ('title = "テスト計画（案）"', 'title = "t"\nplaces = ["a", 1]', "places = ",
     "consultation.places must be an array of strings, not an array"),
    ('stages = ["担当", "係長", "課長"]', "stages = []", "stages = ",
     "review.stages must name at least one stage"),
    ('stages = ["担当", "係長", "課長"]', 'stages = ["担当", "担当", "係長", "課長"]', "stages = ",
     "review.stages names a stage twice"),
    ('kimura = ["係長", "課長"]', 'kimura = ["係長", "部長"]', "kimura = ",
     "review.reviewers.kimura: stage '部長' is not in review.stages"),
    ('kimura = ["係長", "課長"]', 'kimura = "係長"', "kimura = ",
     "review.reviewers.kimura must be an array of stages or a table"),
    ('kimura = ["係長", "課長"]', "kimura = [1]", "kimura = ",
     "review.reviewers.kimura: stages must be strings"),
    ('kimura = ["係長", "課長"]', 'kimura = { stages = ["係長"], name = 1 }', "kimura = ",
     "review.reviewers.kimura: name and email must be strings"),
    ('id = "2"', 'id = "1"', 'id = "1"\ntitle = "第2章"',
     "section id '1' is used twice"),
    ('title = "第2章"', "title = 2", "title = 2",
     "sections.title must be a string, not an integer"),
    ('id = "2"', "id = 2", "id = 2", "sections.id must be a string, not an integer"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "needle", "message"), HEADER_RULES)
def test_a_header_rule_is_reported_at_its_key(
    header: str,
    write: Write,
    problems: Problems,
    where: Where,
    old: str,
    new: str,
    needle: str,
    message: str,
) -> None:
    assert old in header
    text = header.replace(old, new) + OTHER.replace('"2"', '"1"')
    assert problems(write(text)) == [f"{where(text, needle)}: {message}"]


def test_intake_rules(header: str, write: Write, problems: Problems, where: Where) -> None:
    intake = '[intake]\nmethods = ["郵送", "FAX"]\nsubmitters = { "郵送" = -1, "持参" = 2 }\n\n'
    text = header.replace("[review]\n", intake + "[review]\n") + OTHER
    line = where(text, "submitters")
    assert problems(write(text)) == [
        f"{line}: intake.submitters.郵送 must be a count >= 0",
        f"{line}: intake.submitters has '持参', not in intake.methods",
    ]


def test_classes_and_the_class_of_an_item(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    classes = 'classes = [{ id = "hanei", label = "反映" }, { id = "hanei", label = "反映済み" }]\n'
    text = (
        header.replace("\n[review.reviewers]", classes + "\n[review.reviewers]")
        + OTHER
        + 'class = "sanko"\n'
    )
    assert problems(write(text)) == [
        f"{where(text, 'classes')}: review.classes has id 'hanei' twice",
        f"{where(text, 'class = ')}: unknown class 'sanko' (review.classes: 'hanei', 'hanei')",
    ]


def test_git_commit_mode(header: str, write: Write, problems: Problems, where: Where) -> None:
    text = header.replace("[[sections]]", '[git]\ncommit = "always"\n\n[[sections]]', 1) + OTHER
    assert problems(write(text)) == [
        f"{where(text, 'commit = ')}: git.commit must be one of on-approve, manual"
    ]


def test_review_order(header: str, write: Write, problems: Problems, where: Where) -> None:
    for order in ("stages", "any"):
        text = header.replace("\n[review.reviewers]", f'order = "{order}"\n\n[review.reviewers]')
        file = ConsultationFile.load(write(text + OTHER))
        assert (file.consultation.review.order, file.warnings) == (order, [])
    assert ConsultationFile.load(write(header + OTHER)).consultation.review.order == "stages"
    text = header.replace("\n[review.reviewers]", 'order = "後閲"\n\n[review.reviewers]') + OTHER
    assert problems(write(text)) == [
        f"{where(text, 'order = ')}: review.order must be one of stages, any"
    ]
    text = header.replace("\n[review.reviewers]", "order = 1\n\n[review.reviewers]") + OTHER
    assert problems(write(text)) == [
        f"{where(text, 'order = ')}: review.order must be a string, not an integer"
    ]


def test_missing_header_tables_and_keys(write: Write, problems: Problems) -> None:
    text = 'format = 1\n\n[consultation]\ntitle = "t"\n\n[review]\nreviewers = {}\n'
    assert problems(write(text)) == [
        "3:1: missing consultation.id (a string)",
        "6:1: missing review.stages (an array of strings)",
    ]


def test_a_missing_review_does_not_make_every_stage_unknown(
    header: str, write: Write, problems: Problems
) -> None:
    start = header.index("[review]")
    end = header.index("[[sections]]")
    text = header[:start] + header[end:] + ITEM
    assert problems(write(text)) == ["1:1: missing review (a table)"]


def test_problems_in_an_inline_reviewers_table_point_at_it(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    start = header.index("[review.reviewers]")
    end = header.index("[[sections]]")
    inline = 'reviewers = { tanaka = ["部長"], sato = ["課長"] }\n\n'
    text = header[:start] + inline + header[end:] + OTHER
    assert problems(write(text)) == [
        f"{where(text, 'reviewers = ')}: review.reviewers.tanaka: stage '部長' is not in"
        " review.stages"
    ]
