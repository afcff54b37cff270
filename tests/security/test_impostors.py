"""Impostors: sign-offs that could not have been given, typed into the file by hand.

Each kind — a login not listed at all, a listed login signing a stage it may not, a
digest that does not match the text, a drafter approving their own revision — is reported
by `pctui validate` (exit 1, at the sign-off), by `pctui audit`, and shown as invalid in
the TUI. A forged sign-off in the name of a listed reviewer is valid as far as the file
can tell; the audit finds it through git: committed by someone else, or authored as the
reviewer but committed by someone else. Forging the committer too is beyond what pctui can
see (docs/security.md: signed commits and server-side checks are the defence there).
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.app.conftest import RecordingApp

from pctui.storage import ConsultationFile

KINDS = {
    # by, stage, digest (None: the right one): the reason the model gives
    ("mallory", "担当", None): "'mallory' may not sign stage '担当'",
    ("sato", "担当", None): "'sato' may not sign stage '担当'",
    ("suzuki", "係長", "sha256:" + "0" * 64): "digest does not match the text of revision 2",
    ("yamada", "担当", None): "'yamada' wrote revision 2 and may not sign it",
}


def signoff_block(by: str, stage: str, digest: str, hour: int) -> str:
    return (f'[[items.signoffs]]\nstage = "{stage}"\nby = "{by}"\n'
            f"at = 2025-12-18T{hour:02d}:00:00+09:00\nrevision = 2\n"
            f'digest = "{digest}"\nverdict = "approve"\n\n')  # fmt: skip


def add_to_item_7(path: Path, blocks: str) -> None:
    """Append sign-off tables at the end of item 7 (before `[[items]]` of No.8)."""
    text = path.read_text(encoding="utf-8")
    at = text.index("[[items]]\nno = 8\n")
    path.write_text(text[:at] + blocks + text[at:], encoding="utf-8")


@pytest.fixture
def digest(sample_copy: Path) -> str:
    """The digest of item 7's current revision (revision 2, written by yamada)."""
    item = ConsultationFile.load(sample_copy).consultation.item(7)
    assert item is not None and item.current is not None and item.current.author == "yamada"
    return item.current.digest


@pytest.fixture
def impostors(sample_copy: Path, digest: str) -> Path:
    """The sample with one sign-off of each impostor kind on item 7."""
    blocks = "".join(signoff_block(by, stage, wrong or digest, 9 + n)
                     for n, (by, stage, wrong) in enumerate(KINDS))  # fmt: skip
    add_to_item_7(sample_copy, blocks)
    return sample_copy


@pytest.fixture
def office(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Git with no machine configuration; commits by a clerk who is not a reviewer."""
    config = tmp_path / "gitconfig"
    config.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    clerk("Test Clerk", "clerk@example.jp", monkeypatch)


def clerk(name: str, email: str, monkeypatch: pytest.MonkeyPatch, role: str = "") -> None:
    """Commits authored (role AUTHOR), committed (COMMITTER), or both (""), by name <email>."""
    for each in [role] if role else ["AUTHOR", "COMMITTER"]:
        monkeypatch.setenv(f"GIT_{each}_NAME", name)
        monkeypatch.setenv(f"GIT_{each}_EMAIL", email)


def commit(path: Path, message: str) -> None:
    folder = path.parent
    if not (folder / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)
    subprocess.run(["git", "add", path.name], cwd=folder, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=folder, check=True)


def pctui(*args: str | Path) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "pctui.cli.entry", *map(str, args)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def at_signoff(path: Path, line: int, col: int) -> str:
    """The key at line:col, which must lie inside a [[items.signoffs]] table."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = max(n for n in range(line) if lines[n].startswith("["))
    assert lines[header] == "[[items.signoffs]]", lines[header]
    return lines[line - 1][col - 1 :].split(" =")[0]


def test_validate_reports_every_impostor_at_its_sign_off(impostors: Path) -> None:
    code, out, _ = pctui("validate", impostors)
    assert code == 1
    found = re.findall(rf"^{re.escape(str(impostors))}:(\d+):(\d+): warning: (.*)$", out, re.M)
    messages = {}
    for line, col, message in found:
        key = at_signoff(impostors, int(line), int(col))
        messages[message] = key
    for (by, stage, _), reason in KINDS.items():
        message = f"No.7: invalid sign-off ({stage}, {by}): {reason}"
        assert message in messages, (message, out)
        assert messages[message] == ("digest" if "digest" in reason else "by")
    assert "; 4 warnings" in out


def test_audit_reports_every_impostor_and_who_typed_them(impostors: Path, office: None) -> None:
    commit(impostors, "hand edit")
    code, _, err = pctui("audit", impostors)
    assert code == 1
    for (by, stage, _), reason in KINDS.items():
        assert re.search(rf":\d+:\d+: No\.7 {stage} approve by {by}: {re.escape(reason)}$", err,
                         re.M), (reason, err)  # fmt: skip
        assert re.search(rf"No\.7 {stage} approve by {by}: edited in by hand\? introduced in "
                         r"\w+ by Test Clerk <clerk@example\.jp>", err)  # fmt: skip
    code, out, _ = pctui("audit", "--json", impostors)
    problems = {s["by"]: s["problems"] for s in json.loads(out)["signoffs"] if s["no"] == 7}
    assert problems["mallory"] == ["'mallory' may not sign stage '担当'"]


def test_a_forged_sign_off_of_a_listed_reviewer_is_found_by_the_audit(
    sample_copy: Path, digest: str, office: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(sample_copy, "the sample")
    # The clerk types a sign-off for suzuki (係長) on the right digest: the file cannot tell.
    add_to_item_7(sample_copy, signoff_block("suzuki", "係長", digest, 9))
    assert pctui("validate", sample_copy)[0] == 0
    commit(sample_copy, "suzuki approved No.7")
    code, _, err = pctui("audit", sample_copy)
    assert code == 1
    assert "No.7 係長 approve by suzuki: edited in by hand? introduced in" in err
    # Naming suzuki as the author (git commit --author) is seen: the committer is the clerk.
    add_to_item_7(sample_copy, signoff_block("suzuki", "係長", digest, 10).replace("0:00", "0:01"))
    clerk("鈴木 一郎", "suzuki@example.jp", monkeypatch, "AUTHOR")
    commit(sample_copy, "suzuki approved No.7 again")
    code, out, err = pctui("audit", sample_copy)
    assert code == 1
    assert re.search(r"No\.7 係長 approve by suzuki: authored as the signer in \w+ but committed "
                     r"by Test Clerk <clerk@example\.jp>", err), err  # fmt: skip
    assert "[committed-by-other] committed by Test Clerk <clerk@example.jp>" in out


def test_forging_author_and_committer_is_beyond_the_audit(
    sample_copy: Path, digest: str, office: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit docs/security.md states: git identities are what the committer says."""
    commit(sample_copy, "the sample")
    add_to_item_7(sample_copy, signoff_block("suzuki", "係長", digest, 9))
    clerk("鈴木 一郎", "suzuki@example.jp", monkeypatch)
    commit(sample_copy, "suzuki approved No.7")
    _, out, err = pctui("audit", sample_copy)
    forged = next(line for line in out.splitlines() if "No.7 係長 approve by suzuki" in line)
    assert forged.endswith("鈴木 一郎 <suzuki@example.jp> [by-signer]")
    assert "No.7 係長 approve by suzuki" not in err  # (the sample's own, by the clerk, are)


def test_the_tui_shows_each_impostor_as_invalid_with_its_reason(impostors: Path) -> None:
    app = RecordingApp(ConsultationFile.load(impostors), "sato", watch_interval=None)

    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("g", *["j"] * 6)  # No.7
            await pilot.pause()
            shown = app.shown("signoffs")
            lines = str(shown).split("\n")
            for (by, stage, _), reason in KINDS.items():
                line = next(row for row in lines if f" {by} " in row and " rev 2 " in row)
                assert line.startswith(stage) and line.endswith(f"approve invalid ({reason})")
            # None counts: No.7 is still a draft.
            assert "draft" in str(app.shown("meta"))

    asyncio.run(main())
