"""A redaction kept or undone after its opinion became an item's: the item's text in the
consultation file follows the registry (through `pctui intake redactions --keep/--undo`),
its sign-offs go stale, `pctui publish` refuses a text that disagrees (left by a review that
did not carry it into the file) and `pctui intake sync` brings it in line. Through the
console script, the file read back from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.app.redacted_registry import redacted_registry
from tests.console import pctui
from tests.session.format_two_file import add_reviewer, write_format_two

from pctui.intake.redact import MARKER
from pctui.intake.redaction_review import review
from pctui.intake.registry import Registry
from pctui.model.actions import sign
from pctui.model.identity import current_login
from pctui.model.state import STALE, standings
from pctui.session import group_review
from pctui.storage import ConsultationFile

ADDRESS = "架空県架空市1-2-3"  # redaction 3, in 2026-0002-1 (fake)
MAIL = "taro@example.com"  # redaction 1, in 2026-0001-1 (fake)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """No.4 is the address letter's group; the mail letter's group is No.2's second
    opinion, and No.2 signed again by yamada for it."""
    # The login running the tests is a reviewer: keeping and undoing are a reviewer's.
    path = add_reviewer(write_format_two(tmp_path / "2026-churin.toml"), current_login())
    with Registry.open(redacted_registry(path)) as registry:
        assert group_review.accept(
            ConsultationFile.load(path), registry, "G-2026-0002-1", login="yamada"
        ).changed
        file = ConsultationFile.load(path)
        assert group_review.attach(file, registry, "G-2026-0001-1", 2, login="yamada").changed
    file = ConsultationFile.load(path)
    file.transact(2, lambda c: sign(c, 2, "yamada"))
    return path


def texts(path: Path) -> dict[tuple[int, str], str]:
    consultation = ConsultationFile.load(path).consultation
    return {(i.no, o.label): o.text for i in consultation.items for o in i.opinions}


def test_undo_and_keep_carry_the_public_text_into_the_item(path: Path) -> None:
    assert texts(path)[4, "4"] == "駐輪場に賛成です。住所：" + MARKER
    done = pctui("intake", "redactions", path, "--undo", "3")
    assert done.returncode == 0, done.stderr
    assert "No.4 opinion 4: its text is now the registry's public text of 2026-0002-1" in (
        done.stdout
    )
    assert texts(path)[4, "4"] == "駐輪場に賛成です。住所：" + ADDRESS
    done = pctui("intake", "redactions", path, "--keep", "3")  # hidden again
    assert done.returncode == 0, done.stderr
    assert texts(path)[4, "4"] == "駐輪場に賛成です。住所：" + MARKER
    assert pctui("intake", "sync", path, "--check").returncode == 0


def test_a_signed_item_whose_opinion_text_changes_is_stale(path: Path) -> None:
    consultation = ConsultationFile.load(path).consultation
    item = consultation.item(2)
    assert (
        item is not None
        and STALE not in [s.status for s in standings(item, consultation.review)][-1:]
    )
    done = pctui("intake", "redactions", path, "--undo", "1")
    assert done.returncode == 0, done.stderr
    assert "the sign-offs of No.2 are stale: sign again" in done.stdout
    assert MAIL in texts(path)[2, "2-2"]
    consultation = ConsultationFile.load(path).consultation
    item = consultation.item(2)
    assert item is not None
    assert [s.status for s in standings(item, consultation.review)][-1] == STALE


def test_publish_refuses_a_text_that_disagrees_and_sync_fixes_it(
    path: Path, tmp_path: Path
) -> None:
    # The registry changed without the file (a pctui from before this, or a failed save).
    with Registry.open(path.with_name("2026-churin.intake.sqlite")) as registry:
        review(registry, ConsultationFile.load(path).consultation, undo=[3], login="tanaka")
    check = pctui("intake", "sync", path, "--check")
    assert check.returncode == 1
    line = check.stdout.strip()
    assert line.startswith(f"{path}:") and "No.4 opinion 4: the text is not the registry's" in line
    out = tmp_path / "out"
    refused = pctui("publish", path, "--draft", "--out", out)
    assert refused.returncode == 1
    assert f"pctui intake sync {path} brings it in line" in refused.stderr
    assert "No.4 opinion 4" in refused.stderr and not out.exists()
    done = pctui("intake", "sync", path)
    assert done.returncode == 0, done.stderr
    assert "1 opinion text follows the registry again" in done.stdout
    assert texts(path)[4, "4"].endswith(ADDRESS)
    assert pctui("intake", "sync", path, "--check").returncode == 0
    again = pctui("intake", "sync", path)
    assert "0 opinion texts follow the registry again" in again.stdout


def test_an_edited_text_loses_the_words_of_a_redaction_kept_again(path: Path) -> None:
    assert pctui("intake", "redactions", path, "--undo", "3").returncode == 0
    # Staff rewrite the opinion, quoting the address, which is then hidden again.
    file = path.read_text(encoding="utf-8")
    edited = f"駐輪場の設置に賛成（{ADDRESS}の方）"
    path.write_text(file.replace("駐輪場に賛成です。住所：" + ADDRESS, edited), encoding="utf-8")
    done = pctui("intake", "redactions", path, "--keep", "3")
    assert done.returncode == 0, done.stderr
    assert "No.4 opinion 4: the words 2026-0002-1 keeps redacted are removed" in done.stdout
    assert texts(path)[4, "4"] == f"駐輪場の設置に賛成（{MARKER}の方）"
