"""The audit's report in the reviewer's language: trace lines, the summary, withdrawals,
sign-offs and revisions gone from the file, and versions in history that do not load."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.git.conftest import T1, Office, author

from pctui.git import commit_pending
from pctui.model import withdraw


def run_audit(office: Office, language: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", "--lang", language, "audit", str(office.path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def history_with_every_kind_of_line(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean sign-off then withdrawn, a sign-off and a revision removed by hand, a version
    that does not load, a sign-off not committed, and one committed by someone else."""
    author(monkeypatch, "田中 一郎", "tanaka@example.jp")
    office.sign(1, "tanaka", T1)
    office.sign(2, "tanaka", T1)
    assert commit_pending(office.load()).committed
    file = office.load()
    file.transact(1, lambda c: withdraw(c, 1, "tanaka"))
    assert commit_pending(file).committed
    good = office.path.read_text(encoding="utf-8")
    office.path.write_text(good + "[[items]]\nno = \n", encoding="utf-8")
    office.git("commit", "-q", "-a", "-m", "broken by hand")
    start = good.index("[[items.signoffs]]", good.index("no = 2"))
    end = good.index("[[items]]", start)
    cut = good[:start] + good[end:]
    cut = cut.replace('author = "drafter"', 'author = "someone"', 1)  # No.1's revision rewritten
    office.path.write_text(cut, encoding="utf-8")
    author(monkeypatch, "Mallory", "mallory@example.jp")
    office.git("commit", "-q", "-a", "-m", "tidy")
    office.sign(3, "yamada", T1)


def test_the_audit_in_english(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    history_with_every_kind_of_line(office, monkeypatch)
    done = run_audit(office, "en")
    assert done.returncode == 1
    assert "No.1 担当 approve by tanaka (revision 1): " in done.stdout
    assert "[by-signer]; withdrawn: " in done.stdout
    assert "No.3 担当 approve by yamada (revision 1): not committed" in done.stdout
    assert "2 sign-offs in 5 commits of history: 1 by-signer, 1 uncommitted" in done.stdout
    assert "No.2 担当 approve by tanaka at 2025-12-02T10:00:00+09:00 (committed in " in done.stderr
    assert ") is no longer in the file" in done.stderr
    assert "No.1 revision by drafter at " in done.stderr
    assert ": consultations/test-pc.toml did not load: " in done.stderr


def test_the_audit_in_japanese(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    history_with_every_kind_of_line(office, monkeypatch)
    done = run_audit(office, "ja")
    assert done.returncode == 1
    assert "No.1 担当 承認（tanaka、第1版）: " in done.stdout
    assert "[本人]; 取下げ: " in done.stdout
    assert "No.3 担当 承認（yamada、第1版）: 未コミット" in done.stdout
    assert "決裁 2 件、履歴のコミット 5 件: 1 本人, 1 未コミット" in done.stdout
    assert "No.2 担当 承認（tanaka、2025-12-02T10:00:00+09:00。" in done.stderr
    assert "がファイルから消えています" in done.stderr
    assert "No.1 の版（drafter、" in done.stderr
    assert "が書き換えられたか削除されています" in done.stderr
    assert ": consultations/test-pc.toml を読み込めませんでした: " in done.stderr
    for english in ("sign-offs in", "not committed", "by-signer", "withdrawn:", "no longer",
                    "rewritten", "did not load"):  # fmt: skip
        assert english not in done.stdout + done.stderr, english
