"""`audit --signed`: each commit that brought in a sign-off carries a good signature by its
author. Real SSH signatures (ssh-keygen), checked by git against an allowed-signers file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.git.conftest import Office, author
from tests.git.test_audit import HOUR, PEOPLE, T1, run_audit

from pctui.git import commit_pending

pytestmark = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")


@pytest.fixture
def keys(tmp_path: Path, office: Office) -> dict[str, Path]:
    """A key for tanaka, suzuki and sato; only tanaka's and suzuki's are allowed signers."""
    made = {}
    allowed = []
    for login in ("tanaka", "suzuki", "sato"):
        key = tmp_path / f"key-{login}"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", login, "-f", str(key)],
                       check=True)  # fmt: skip
        made[login] = key
        if login != "sato":
            public = key.with_suffix(".pub").read_text().strip()
            allowed.append(f'{PEOPLE[login][1]} namespaces="git" {public}\n')
    (tmp_path / "allowed_signers").write_text("".join(allowed))
    office.git("config", "gpg.format", "ssh")
    office.git("config", "gpg.ssh.allowedSignersFile", str(tmp_path / "allowed_signers"))
    return made


def signs_and_commits(
    office: Office, monkeypatch: pytest.MonkeyPatch, no: int, login: str, key: Path | None
) -> None:
    """`login` approves item `no` and commits it as themselves, signed with `key` (or not)."""
    author(monkeypatch, *PEOPLE[login])
    settings = {"user.signingkey": str(key), "commit.gpgsign": "true"} if key else {}
    monkeypatch.setenv("GIT_CONFIG_COUNT", str(len(settings)))
    for index, (name, value) in enumerate(settings.items()):
        monkeypatch.setenv(f"GIT_CONFIG_KEY_{index}", name)
        monkeypatch.setenv(f"GIT_CONFIG_VALUE_{index}", value)
    office.sign(no, login, T1 + no * HOUR)
    assert commit_pending(office.load()).committed


def test_only_commits_signed_by_their_own_author_pass(
    office: Office, keys: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    signs_and_commits(office, monkeypatch, 1, "tanaka", keys["tanaka"])
    signs_and_commits(office, monkeypatch, 1, "suzuki", keys["tanaka"])  # someone else's key
    signs_and_commits(office, monkeypatch, 1, "sato", keys["sato"])  # not an allowed signer
    signs_and_commits(office, monkeypatch, 2, "yamada", None)  # not signed
    assert run_audit(office).returncode == 0  # without --signed: every commit by its signer
    done = run_audit(office, "--signed")
    assert done.returncode == 1
    problems = {
        line.split(": ", 2)[1].split(" by ")[-1]: line.split(": ", 2)[2]
        for line in done.stderr.splitlines()[:-1]
    }
    assert set(problems) == {"suzuki", "sato", "yamada"}
    assert "is signed by tanaka@example.jp, not by its author 鈴木 花子" in problems["suzuki"]
    assert "a key that gpg.ssh.allowedSignersFile does not list" in problems["sato"]
    assert problems["yamada"].endswith("is not signed")
    assert done.stderr.splitlines()[-1].endswith("3 findings")
    report = json.loads(run_audit(office, "--signed", "--json").stdout)
    signers = {s["by"]: (s["signature"], s["signer"]) for s in report["signoffs"]}
    assert signers["tanaka"] == ("G", "tanaka@example.jp")
    assert signers["yamada"] == ("N", None)


def test_signatures_that_cannot_be_checked_at_all(
    office: Office, keys: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    signs_and_commits(office, monkeypatch, 1, "tanaka", keys["tanaka"])
    office.git("config", "--unset", "gpg.ssh.allowedSignersFile")  # nothing to check against
    done = run_audit(office, "--signed")
    assert done.returncode == 2
    assert "cannot check signatures: gpg.ssh.allowedSignersFile needs to be configured" in (
        done.stderr
    )
    assert "Traceback" not in done.stderr
    assert run_audit(office).returncode == 0  # without --signed nothing is asked of git
