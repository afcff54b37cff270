"""`pctui signoff`, `withdraw` and `revise` through the real command, as the current login."""

from __future__ import annotations

import difflib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.model import current_login
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
ME = current_login()


def states(pctui: Run, path: Path) -> dict[int, tuple[str, list[str]]]:
    result = pctui("status", "--json", path)
    assert result.returncode == 0, result.stderr
    return {i["no"]: (i["state"], i["approved_stages"]) for i in json.loads(result.stdout)["items"]}


def refused(pctui: Run, path: Path, *args: str, message: str) -> None:
    """The command exits 1 with `message`, and the file is byte for byte as it was."""
    before = path.read_bytes()
    result = pctui(*args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == f"pctui: refused: {message}\n"
    assert result.stdout == ""
    assert path.read_bytes() == before


def test_signoff_approves_at_the_first_open_stage(pctui: Run, small: Path) -> None:
    before = small.read_text(encoding="utf-8")
    result = pctui("signoff", small, "--item", "4")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"No.4: {ME} approved revision 1 at stage 担当; No.4 is now in-review\n"
    assert states(pctui, small)[4] == ("in-review", ["担当"])
    after = small.read_text(encoding="utf-8")
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    changed = [line for line in diff if line[:1] in "-+?"]
    assert changed[0] == "+ [[items.signoffs]]"
    assert all(line.startswith("+ ") for line in changed)
    assert f'+ by = "{ME}"' in changed


def test_signoff_takes_the_next_stage_and_can_complete_an_item(pctui: Run, small: Path) -> None:
    result = pctui("signoff", small, "--item", "2", "--comment", "確認済み")
    assert result.returncode == 0, result.stderr
    assert "at stage 係長; No.2 is now in-review" in result.stdout
    signoff = ConsultationFile.load(small).consultation.items[1].signoffs[-1]
    assert (signoff.by, signoff.stage, signoff.comment) == (ME, "係長", "確認済み")


def test_one_login_signs_one_stage_of_a_revision(pctui: Run, small: Path) -> None:
    assert pctui("signoff", small, "--item", "4").returncode == 0
    refused(
        pctui, small, "signoff", str(small), "--item", "4",
        message=(
            "you already signed stage '担当' of No.4 revision 1; one login signs one stage "
            "of a revision: another reviewer signs '係長', '課長'"
        ),
    )  # fmt: skip


def test_every_stage_already_approved(pctui: Run, small: Path) -> None:
    refused(
        pctui, small, "signoff", str(small), "--item", "1",
        message=(
            "every stage you may sign (担当, 係長, 課長) already approved No.1 "
            "(by yamada at 担当, suzuki at 係長, sato at 課長)"
        ),
    )  # fmt: skip


def test_reject_needs_a_comment(pctui: Run, small: Path) -> None:
    refused(
        pctui, small, "signoff", str(small), "--item", "4", "--reject",
        message="a request for changes needs a comment saying what to change",
    )  # fmt: skip


def test_reject_with_a_comment_requests_changes(pctui: Run, small: Path) -> None:
    result = pctui("signoff", small, "--item", "4", "--reject", "--comment", "表現を改めて")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"No.4: {ME} requested changes to revision 1 at stage 担当; No.4 is now changes-requested\n"
    )
    assert states(pctui, small)[4] == ("changes-requested", [])


def test_an_item_without_a_response_cannot_be_signed(pctui: Run, small: Path) -> None:
    refused(
        pctui, small, "signoff", str(small), "--item", "5",
        message="No.5 has no draft response to sign yet",
    )  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [
        ["signoff"],
        ["signoff", "--reject", "--comment", "x"],
        ["withdraw"],
        ["revise", "--text", "x"],
    ],
)
def test_an_unknown_item_is_bad_input(pctui: Run, small: Path, command: list[str]) -> None:
    """An item that does not exist is a wrong argument (exit 2), not a refused action."""
    before = small.read_bytes()
    result = pctui(command[0], small, "--item", "99", *command[1:])
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == "pctui: argument --item: there is no item No.99 (items: 1..5)\n"
    assert result.stdout == ""
    assert small.read_bytes() == before


def test_not_a_reviewer(pctui: Run, small: Path) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_text(text.replace(f'{ME} = ["担当", "係長", "課長"]\n', ""), encoding="utf-8")
    refused(
        pctui, small, "signoff", str(small), "--item", "4",
        message=f"{ME!r} is not a reviewer of this consultation (see [review.reviewers])",
    )  # fmt: skip


def test_withdraw(pctui: Run, small: Path) -> None:
    assert pctui("signoff", small, "--item", "2").returncode == 0
    result = pctui("withdraw", small, "--item", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"No.2: {ME} withdrew the 係長 sign-off on revision 1\n"
    assert states(pctui, small)[2] == ("in-review", ["担当"])
    refused(
        pctui, small, "withdraw", str(small), "--item", "2",
        message="you have no sign-off on No.2 revision 1 to withdraw",
    )  # fmt: skip


def test_revise_with_text_then_self_approval_is_refused(pctui: Run, small: Path) -> None:
    result = pctui("revise", small, "--item", "1", "--text", "回答1（修正）", "--note", "語句")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"No.1: revision 2 by {ME} saved\n"
    assert states(pctui, small)[1] == ("draft", [])
    revision = ConsultationFile.load(small).consultation.items[0].revisions[-1]
    assert (revision.author, revision.text, revision.note) == (ME, "回答1（修正）", "語句")
    refused(
        pctui,
        small,
        "signoff",
        str(small),
        "--item",
        "1",
        message="you wrote revision 2 of No.1; another reviewer must sign it "
        "(self-approval is off)",
    )


def test_self_approval_when_allowed(pctui: Run, small: Path) -> None:
    text = small.read_text(encoding="utf-8").replace(
        "\n[review.reviewers]", "allow_self_approval = true\n\n[review.reviewers]"
    )
    small.write_text(text, encoding="utf-8")
    assert pctui("revise", small, "--item", "5", "--text", "回答5").returncode == 0
    result = pctui("signoff", small, "--item", "5")
    assert result.returncode == 0, result.stderr
    assert states(pctui, small)[5] == ("in-review", ["担当"])


def test_revise_from_a_file(pctui: Run, small: Path, tmp_path: Path) -> None:
    source = tmp_path / "answer.txt"
    source.write_text('一段落目。\n\n二段落目 """ と \\ も。\n\n', encoding="utf-8")
    result = pctui("revise", small, "--item", "5", "--from-file", source)
    assert result.returncode == 0, result.stderr
    item = ConsultationFile.load(small).consultation.items[4]
    # Trailing newlines of the file are not part of the response.
    assert item.revisions[0].text == '一段落目。\n\n二段落目 """ と \\ も。'


def test_revise_from_stdin(pctui: Run, small: Path) -> None:
    result = pctui("revise", small, "--item", "4", "--from-file", "-", stdin="標準入力から\n")
    assert result.returncode == 0, result.stderr
    assert ConsultationFile.load(small).consultation.items[3].revisions[-1].text == "標準入力から"


def test_windows_line_ends_become_lf_from_stdin_and_from_a_file(
    pctui: Run, small: Path, tmp_path: Path
) -> None:
    result = pctui("revise", small, "--item", "4", "--from-file", "-", stdin="一行目\r\n二行目\r\n")
    assert result.returncode == 0, result.stderr
    source = tmp_path / "notepad.txt"
    source.write_bytes("一段落目。\r\n\r\n二段落目。\r\n".encode())
    result = pctui("revise", small, "--item", "5", "--from-file", source)
    assert result.returncode == 0, result.stderr
    items = ConsultationFile.load(small).consultation.items
    assert items[3].revisions[-1].text == "一行目\n二行目"
    assert items[4].revisions[-1].text == "一段落目。\n\n二段落目。"


def test_revise_from_a_missing_file(pctui: Run, small: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    before = small.read_bytes()
    result = pctui("revise", small, "--item", "4", "--from-file", missing)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{missing}:1:1: cannot read the text: ")
    assert small.read_bytes() == before


def test_revise_with_the_same_text(pctui: Run, small: Path) -> None:
    refused(
        pctui, small, "revise", str(small), "--item", "4", "--text", "回答4",
        message="the text is the same as revision 1; nothing to save",
    )  # fmt: skip


def test_revise_with_empty_text(pctui: Run, small: Path) -> None:
    refused(
        pctui, small, "revise", str(small), "--item", "4", "--text", "  ",
        message="the response text is empty",
    )  # fmt: skip


def test_actions_on_a_broken_file_exit_2(pctui: Run, small: Path) -> None:
    small.write_text(small.read_text(encoding="utf-8").replace("no = 3", "no = 2"))
    for args in (("signoff",), ("withdraw",), ("revise", "--text", "x")):
        result = pctui(args[0], small, "--item", "1", *args[1:])
        assert result.returncode == 2, args
        assert "duplicate No.2" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["signoff", "withdraw", "revise"])
def test_item_must_be_a_number(pctui: Run, small: Path, command: str) -> None:
    result = pctui(command, small, "--item", "二")
    assert result.returncode == 2
    assert "invalid int value: '二'" in result.stderr


def test_sign_withdraw_and_revise_on_the_sample(pctui: Run, root_sample: Path) -> None:
    before = states(pctui, root_sample)
    open_items = [no for no, (state, _) in before.items() if state in ("draft", "in-review")]
    assert open_items, "the sample has items still in review"
    no = str(open_items[0])
    result = pctui("signoff", root_sample, "--item", no)
    assert result.returncode == 0, result.stderr
    after = states(pctui, root_sample)
    assert len(after[int(no)][1]) == len(before[int(no)][1]) + 1
    assert pctui("withdraw", root_sample, "--item", no).returncode == 0
    assert states(pctui, root_sample) == before
    assert pctui("revise", root_sample, "--item", no, "--text", "新しい回答").returncode == 0
    assert states(pctui, root_sample)[int(no)] == ("draft", [])
    validate = pctui("validate", root_sample)
    assert validate.returncode == 0, validate.stdout + validate.stderr


def test_signoff_with_the_revision_read_is_refused_when_a_newer_one_was_saved(
    pctui: Run, small: Path
) -> None:
    item = ConsultationFile.load(small).consultation.items[1]
    seen = item.current_index
    result = pctui("revise", small, "--item", "2", "--text", "書き直した回答")
    assert result.returncode == 0, result.stderr
    before = small.read_bytes()
    result = pctui("signoff", small, "--item", "2", "--revision", str(seen))
    assert result.returncode == 1
    assert "No.2 changed meanwhile" in result.stderr and "Traceback" not in result.stderr
    assert small.read_bytes() == before


@pytest.mark.parametrize("revision", ["0", "5"])
def test_signoff_with_a_revision_the_item_does_not_have_is_a_bad_argument(
    pctui: Run, small: Path, revision: str
) -> None:
    # No.2 has one revision: "you read revision 5" is a typing mistake, not a newer text
    # saved meanwhile (which is what the command said, with exit status 1).
    before = small.read_bytes()
    result = pctui("signoff", small, "--item", "2", "--revision", revision)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"pctui: argument --revision: No.2 has no revision {revision} (revisions: 1..1)\n"
    )
    assert small.read_bytes() == before


def holding_only(small: Path, stage: str, order: str = "") -> None:
    """The current login may sign `stage` only; `order` is set in [review] when given."""
    text = small.read_text(encoding="utf-8")
    text = text.replace(f'{ME} = ["担当", "係長", "課長"]', f'{ME} = ["{stage}"]')
    if order:
        text = text.replace("[review]\n", f'[review]\norder = "{order}"\n')
    small.write_text(text, encoding="utf-8")


def test_a_kacho_may_not_approve_before_tanto_and_kakaricho(pctui: Run, small: Path) -> None:
    holding_only(small, "課長")
    refused(
        pctui, small, "signoff", str(small), "--item", "4",
        message="No.4 is waiting for 担当, 係長: 課長 may approve revision 1 only after "
        'every earlier stage has approved it (review.order = "stages")',
    )  # fmt: skip
    refused(
        pctui, small, "signoff", str(small), "--item", "2", "--revision", "1",
        message="No.2 is waiting for 係長: 課長 may approve revision 1 only after "
        'every earlier stage has approved it (review.order = "stages")',
    )  # fmt: skip
    # Requesting changes does not wait.
    result = pctui("signoff", small, "--item", "4", "--reject", "--comment", "根拠を追記")
    assert result.returncode == 0, result.stderr
    assert "requested changes to revision 1 at stage 課長" in result.stdout


def test_an_office_that_allows_approval_after_the_fact_says_so(pctui: Run, small: Path) -> None:
    holding_only(small, "課長", order="any")
    result = pctui("signoff", small, "--item", "4")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"No.4: {ME} approved revision 1 at stage 課長; No.4 is now in-review\n"
    assert states(pctui, small)[4] == ("in-review", ["課長"])
