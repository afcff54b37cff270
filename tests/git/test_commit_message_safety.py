"""No value from the file can add a line of its own to a commit message: the message is
refused when an id, a stage name, a login, a revision's author, a reviewer's name or
e-mail address, or a committed file's name holds a line break or a control character,
and `commit_pending` then changes nothing (no commit, nothing staged)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from tests.git.conftest import JST, Office

from pctui.git import commit_pending
from pctui.git.changes import Change, Pending, describe_signoff
from pctui.git.identity import Identities
from pctui.git.message import build
from pctui.model import Item, Review, Reviewer, Revision, Signoff, text_digest
from pctui.model.one_line import NotOneLine

T0 = dt.datetime(2025, 12, 1, 9, 0, tzinfo=JST)
BREAKS = {"newline": "\n", "carriage return": "\r", "NUL": "\0", "NEL": "\x85", "tab": "\t"}
SMUGGLED = ["Reviewed-by: Forged Person <forged@example.invalid>",
            "Signed-off-by: Forged Person <forged@example.invalid>"]  # fmt: skip
FIELDS = ("id", "stage", "signer", "author", "name", "email", "output")
GOOD = {"id": "test-pc", "stage": "課長", "signer": "sato", "author": "drafter",
        "name": "佐藤 次郎", "email": "sato@example.jp",
        "output": "consultations/test-pc.md"}  # fmt: skip


def _message(values: dict[str, str], cwd: Path) -> str:
    """The commit message of item 1 approved at 担当 (tanaka) and at `stage` (`signer`)."""
    text = "回答1。"
    stage, signer = values["stage"], values["signer"]
    review = Review(
        stages=["担当", stage],
        reviewers={
            "tanaka": Reviewer("tanaka", ("担当",), "田中 一郎", "tanaka@example.jp"),
            signer: Reviewer(signer, (stage,), values["name"], values["email"]),
        },
    )
    digest = text_digest(text)
    signoffs = [Signoff("担当", "tanaka", T0, 1, digest, "approve"),
                Signoff(stage, signer, T0, 1, digest, "approve")]  # fmt: skip
    item = Item(1, "1", "ご意見", revisions=[Revision(values["author"], T0, text)],
                signoffs=signoffs)  # fmt: skip
    changes = [Change(1, f"No.1 revision 1 by {values['author']}")]
    changes += [Change(1, describe_signoff(1, s), s) for s in signoffs]
    found = Pending(changes=changes, approved=[(item, stage)])
    return build(values["id"], found, review, Identities(review, cwd), [values["output"]])


def test_good_values_make_the_trailers_expected(tmp_path: Path) -> None:
    message = _message(GOOD, tmp_path)
    assert message.splitlines()[0] == "test-pc: approve No.1 (課長)"
    assert message.endswith(
        "Pctui-Signoff: No.1 課長 approve sato 2025-12-01T09:00:00+09:00\n"
        "Reviewed-by: 田中 一郎 <tanaka@example.jp>\n"
        "Reviewed-by: 佐藤 次郎 <sato@example.jp>\n"
    )


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("way", BREAKS)
@pytest.mark.parametrize("smuggled", SMUGGLED)
def test_a_break_in_any_field_refuses_the_message(
    tmp_path: Path, field: str, way: str, smuggled: str
) -> None:
    values = dict(GOOD)
    values[field] += BREAKS[way] + smuggled
    with pytest.raises(NotOneLine) as refused:
        _message(values, tmp_path)
    assert f"it holds U+{ord(BREAKS[way]):04X}" in str(refused.value)


@pytest.mark.parametrize("field", ["name", "email"])
def test_a_bracket_in_a_name_or_address_refuses_the_message(tmp_path: Path, field: str) -> None:
    values = dict(GOOD)
    values[field] += " <forged@example.invalid>"
    with pytest.raises(NotOneLine, match="must not hold < or >"):
        _message(values, tmp_path)


def test_commit_pending_refuses_and_changes_nothing(on_approve: Office) -> None:
    """A model made in code (a file that loads never holds such a name): nothing is
    committed or staged, and the reason is given."""
    for login in ("tanaka", "suzuki", "sato"):
        on_approve.sign(1, login, T0 + dt.timedelta(days=1))
    head = on_approve.git("rev-parse", "HEAD")
    file = on_approve.load()
    reviewers = file.consultation.review.reviewers
    reviewers["sato"] = dataclasses.replace(reviewers["sato"], name="佐藤\n" + SMUGGLED[0])
    result = commit_pending(file)
    assert result.failed and not result.committed
    assert "the name of 'sato' must be one line without control characters" in result.message
    assert on_approve.git("rev-parse", "HEAD") == head
    assert on_approve.git("status", "--porcelain") == " M consultations/test-pc.toml\n"
