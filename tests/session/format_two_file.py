"""A small format-2 consultation for the tests of the opinion actions and their screens:
No.1 answers four opinions (7 in all) under a summary, No.2 one, both signed at 担当 by yamada for
what they hold now; No.3, in the next group, answers two opinions whose labels restart."""

from __future__ import annotations

from pathlib import Path

from tests.storage.format_two_text import REVIEW_AND_GROUPS
from tests.storage.item_text import signed

from pctui.model import basis_digest, text_digest
from pctui.storage import ConsultationFile

HEADER = (
    """\
format = 2

[consultation]
id = "2026-churin"
title = "駐輪場整備計画（案）"
layout = "listed"

[intake]
methods = ["電子メール"]
submitters = { "電子メール" = 6 }

"""
    + REVIEW_AND_GROUPS
)

OPINIONS = {
    1: [("1", "駐輪場を増やしてほしい。", 2), ("2", "駅前の駐輪場が足りない。", 1),
        ("3", "駐輪場の料金を下げてほしい。", 3), ("4", "屋根のある駐輪場がほしい。", 1)],
    2: [("5", "放置自転車の撤去を急いでほしい。", 1)],
    3: [("1", "計画全体に賛成です。", 1), ("2", "早く整備してほしい。", 1)],
}  # fmt: skip
SECTIONS = {1: "1", 2: "1", 3: "2"}
ANSWERS = {
    1: "駐輪場を順次増設します。",
    2: "撤去を強化します。",
    3: "ご賛同ありがとうございます。",
}
SIGNED = (
    1,
    2,
)  # signed at 担当 by yamada (tanaka wrote the answers) for the opinions and summary they hold


def _item(no: int) -> str:
    text = f'[[items]]\nno = {no}\nsection = "{SECTIONS[no]}"\n\n'
    for label, opinion, count in OPINIONS[no]:
        text += f'[[items.opinions]]\nlabel = "{label}"\ntext = "{opinion}"\ncount = {count}\n\n'
    if no == 1:
        text += (
            '[[items.summaries]]\nauthor = "tanaka"\nat = 2026-03-02T09:00:00+09:00\n'
            'text = "駐輪場の増設と料金に関するご意見"\n\n'
        )
    text += (
        f'[[items.revisions]]\nauthor = "tanaka"\nat = 2026-03-02T09:30:00+09:00\n'
        f'text = "{ANSWERS[no]}"\n\n'
    )
    return text


def _signoff(no: int, basis: str) -> str:
    digest = text_digest(ANSWERS[no])
    return signed(no, "担当", "yamada", at="2026-03-03T09:00:00+09:00", digest=digest, basis=basis)


def write_format_two(path: Path) -> Path:
    """Write the file at `path` and return it. The bases are computed from the file as
    read without its sign-offs, so that they are the digests pctui itself would give."""
    path.write_text(HEADER + "".join(_item(no) for no in OPINIONS), encoding="utf-8")
    unsigned = ConsultationFile.load(path).consultation
    blocks = []
    for no in OPINIONS:
        block = _item(no)
        if no in SIGNED:
            item = unsigned.item(no)
            assert item is not None
            block += _signoff(no, basis_digest(item))
        blocks.append(block)
    path.write_text(HEADER + "".join(blocks), encoding="utf-8")
    return path


def add_reviewer(path: Path, login: str, stages: str = '["担当"]') -> Path:
    """Make `login` a reviewer of the file at `path` (by a text edit, the rest of the file as
    it was): the intake's and the opinions' actions are a reviewer's. Returns `path`."""
    marker = "[review.reviewers]\n"
    text = path.read_text(encoding="utf-8")
    assert marker in text and f"\n{login} = " not in text
    path.write_text(text.replace(marker, f"{marker}{login} = {stages}\n", 1), encoding="utf-8")
    return path
