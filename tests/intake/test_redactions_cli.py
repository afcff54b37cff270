"""`pctui intake redactions` through the console script: the list with the public words
around each redaction and never the removed ones (unless --show-original on a terminal),
--keep and --undo applied whole in one transaction or not at all, the exit codes."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.console import SCRIPT, pctui
from tests.session.format_two_file import add_reviewer

from pctui.intake.records import RedactionStatus
from pctui.intake.registry import Registry
from pctui.model.identity import current_login

ROOT = Path(__file__).resolve().parents[2]
# Obviously fake personal data: example.com, 555 numbers, 架空 places.
SOURCE = (
    "受付番号,氏名,電子メール,意見\n"
    '2025-0001,架空 一郎,ichiro@example.com,"連絡先は taro@example.com です。\n'
    '電話 090-5555-0001 まで。"\n'
    "2025-0002,架空 花子,,賛成です。住所：架空県架空市1-2-3\n"
)
SECRETS = ("taro@example.com", "090-5555-0001", "架空県架空市1-2-3", "ichiro@example.com")


@pytest.fixture
def consultation(tmp_path: Path) -> Path:
    target = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", target)
    add_reviewer(target, current_login())  # keeping and undoing are a reviewer's
    source = tmp_path / "s.csv"
    source.write_text(SOURCE, encoding="utf-8")
    assert pctui("intake", "import", target, source).returncode == 0
    return target


def statuses(consultation: Path) -> dict[int, RedactionStatus]:
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        return {r.id: r.status for r in registry.redactions()}


def public(consultation: Path) -> dict[str, str]:
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        return {o.id: o.text for o in registry.opinions()}


def test_the_list_shows_the_words_around_each_redaction_and_never_the_removed_ones(
    consultation: Path,
) -> None:
    done = pctui("intake", "redactions", consultation)
    assert done.returncode == 1  # redactions to review: a finding
    assert "3 redactions to review" in done.stdout
    assert "賛成です。住所：【個人情報のため削除】" in done.stdout
    assert "e-mail address" in done.stdout and "phone number" in done.stdout
    assert not [secret for secret in SECRETS if secret in done.stdout + done.stderr]


def test_json_lists_ids_opinions_reasons_and_context(consultation: Path) -> None:
    done = pctui("intake", "redactions", consultation, "--json", "--pending")
    listed = json.loads(done.stdout)
    assert done.returncode == 1
    assert [(r["id"], r["opinion"], r["reason"], r["status"]) for r in listed] == [
        (1, "2025-0001-1", "email", "pending"),
        (2, "2025-0001-1", "phone", "pending"),
        (3, "2025-0002-1", "address", "pending"),
    ]
    assert listed[0]["context"].startswith("連絡先は 【個人情報のため削除】 です。")
    assert "original" not in listed[0]
    assert not [secret for secret in SECRETS if secret in done.stdout]


def test_keep_and_undo_are_applied_and_the_undone_words_become_public(
    consultation: Path,
) -> None:
    done = pctui("intake", "redactions", consultation, "--keep", "1", "3", "--undo", "2")
    assert done.returncode == 0, done.stderr
    assert "2 redactions kept, 1 redaction undone" in done.stdout
    assert statuses(consultation) == {
        1: RedactionStatus.CONFIRMED,
        2: RedactionStatus.REVERTED,
        3: RedactionStatus.CONFIRMED,
    }
    assert "090-5555-0001" in public(consultation)["2025-0001-1"]
    listed = pctui("intake", "redactions", consultation)
    assert listed.returncode == 0  # nothing left to review
    assert "0 redactions to review" in listed.stdout
    assert pctui("intake", "redactions", consultation, "--pending", "--json").stdout == "[]\n"


def test_an_unknown_id_changes_nothing_and_exits_2(consultation: Path) -> None:
    before = public(consultation)
    done = pctui("intake", "redactions", consultation, "--keep", "1", "--undo", "2", "99")
    assert done.returncode == 2
    assert "no redaction 99" in done.stderr and "nothing changed" in done.stderr
    assert set(statuses(consultation).values()) == {RedactionStatus.PENDING}
    assert public(consultation) == before


@pytest.mark.parametrize(
    "args",
    [("--keep", "one"), ("--keep", "1", "--undo", "1")],
)
def test_bad_ids_are_bad_input_without_a_traceback(
    consultation: Path, args: tuple[str, ...]
) -> None:
    done = pctui("intake", "redactions", consultation, *args)
    assert done.returncode == 2
    assert done.stderr.startswith("pctui: ") and "Traceback" not in done.stderr
    assert set(statuses(consultation).values()) == {RedactionStatus.PENDING}


def test_show_original_is_refused_when_the_output_is_not_a_terminal(consultation: Path) -> None:
    done = pctui("intake", "redactions", consultation, "--show-original")
    assert done.returncode == 1
    assert "only to a terminal" in done.stderr
    assert done.stdout == ""


def test_show_original_prints_the_removed_words_on_a_terminal(consultation: Path) -> None:
    main, child = pty.openpty()
    process = subprocess.Popen(
        [str(SCRIPT), "intake", "redactions", str(consultation), "--show-original"],
        stdout=child,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait() == 1
    shown = b"".join(chunks).decode("utf-8")
    assert "taro@example.com" in shown and "090-5555-0001" in shown


def test_help_says_what_it_does() -> None:
    done = pctui("intake", "redactions", "--help")
    assert done.returncode == 0
    assert "--show-original" in done.stdout and "--undo" in done.stdout
