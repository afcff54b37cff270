"""Unknown keys are warnings (the file loads), each at its key, with "did you mean" for typos."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pctui.storage import ConsultationFile

Write = Callable[..., Path]
Where = Callable[..., str]

ITEM = """\
[[items]]
no = 1
section = "1"
opinon = "ご意見1"
opinion = "ご意見1"
colour = "red"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = "回答1"
notes = "typo of note"
"""


def warnings_of(path: Path) -> list[str]:
    file = ConsultationFile.load(path)
    prefix = f"{path}:"
    assert all(str(w).startswith(prefix) for w in file.warnings)
    return [str(w)[len(prefix) :] for w in file.warnings]


def test_unknown_keys_load_with_located_warnings(header: str, write: Write, where: Where) -> None:
    text = header + ITEM
    assert warnings_of(write(text)) == [
        f"{where(text, 'opinon')}: warning: unknown key items.opinon; did you mean 'opinion'?",
        f"{where(text, 'colour')}: warning: unknown key items.colour",
        f"{where(text, 'notes')}: warning: unknown key items.revisions.notes; did you mean 'note'?",
    ]


def test_unknown_keys_in_the_header(header: str, write: Write, where: Where) -> None:
    text = "formt = 1\n" + header.replace(
        'title = "テスト計画（案）"', 'title = "t"\ntitel = "t"'
    ).replace(
        'stages = ["担当", "係長", "課長"]', 'stages = ["担当", "係長", "課長"]\nstage = 1'
    ).replace('[[sections]]\nid = "2"', '[[sections]]\nid = "2"\nname = "x"')
    assert warnings_of(write(text)) == [
        f"{where(text, 'formt')}: warning: unknown key formt; did you mean 'format'?",
        f"{where(text, 'titel')}: warning: unknown key consultation.titel; did you mean 'title'?",
        f"{where(text, 'stage = 1')}: warning: unknown key review.stage; did you mean 'stages'?",
        f"{where(text, 'name = ')}: warning: unknown key sections.name",
    ]


def test_a_sign_off_with_an_unknown_key(header: str, write: Write, where: Where) -> None:
    from pctui.model import text_digest

    text = (
        header
        + ITEM.replace('notes = "typo of note"\n', "")
        + (
            '\n[[items.signoffs]]\nstage = "担当"\nby = "yamada"\nat = 2025-12-01T10:00:00+09:00\n'
            f'revision = 1\ndigest = "{text_digest("回答1")}"\nverdict = "approve"\n'
            "withdrawn_at = 2025-12-02T10:00:00+09:00\n"
        )
    )
    assert warnings_of(write(text))[-1] == (
        f"{where(text, 'withdrawn_at')}: warning: unknown key items.signoffs.withdrawn_at;"
        " did you mean 'withdrawn'?"
    )


def test_a_file_with_only_warnings_still_saves_them_untouched(header: str, write: Write) -> None:
    from pctui.model import sign

    path = write(header + ITEM)
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    saved = path.read_text(encoding="utf-8")
    assert 'opinon = "ご意見1"' in saved
    assert 'notes = "typo of note"' in saved
    assert len(ConsultationFile.load(path).warnings) == 3


def test_an_unknown_key_of_a_reviewer_points_at_the_reviewer(
    header: str, write: Write, where: Where
) -> None:
    text = header.replace(
        'kimura = ["係長", "課長"]', 'kimura = { stages = ["係長"], nmae = "木村" }'
    )
    assert warnings_of(write(text)) == [
        f"{where(text, 'kimura')}: warning: unknown key review.reviewers.kimura.nmae;"
        " did you mean 'name'?"
    ]
