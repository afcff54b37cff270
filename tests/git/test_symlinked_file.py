"""`pctui signoff` through a symbolic link signs the file the link names, and commits it.

`link.toml -> consultations/test-pc.toml` inside the repository: the sign-off lands in the
tracked file and the approval commit holds it (the link stays a link, committed as one);
a link to a consultation outside the repository: that file is signed, the link kept.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from tests.git.conftest import ME, T1, Office, make_consultation

from pctui.model import sign
from pctui.storage import ConsultationFile, render_consultation


def signoff(path: Path, no: int) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pctui.cli.entry", "signoff", str(path), "--item", str(no)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_a_link_inside_the_repository(on_approve: Office) -> None:
    on_approve.path.chmod(0o640)
    link = on_approve.root / "link.toml"
    link.symlink_to("consultations/test-pc.toml")
    on_approve.git("add", "link.toml")
    on_approve.git("commit", "-q", "-m", "a shortcut")
    on_approve.sign(1, "tanaka", T1)
    on_approve.sign(1, "suzuki", T1 + dt.timedelta(hours=1))
    done = signoff(link, 1)
    assert done.returncode == 0, done.stderr
    assert "test-pc: approve No.1 (課長)" in done.stdout
    assert link.is_symlink() and os.readlink(link) == "consultations/test-pc.toml"
    signed = ConsultationFile.load(on_approve.path).consultation.items[0].signoffs
    assert [(s.stage, s.by) for s in signed][-1] == ("課長", ME)
    assert on_approve.path.stat().st_mode & 0o777 == 0o640
    assert on_approve.git("status", "--porcelain") == ""
    committed = on_approve.git("show", "--name-only", "--format=", "HEAD").split()
    assert committed == ["consultations/test-pc.toml"]
    assert on_approve.git("ls-files", "-s", "link.toml").startswith("120000 ")  # still a link


def test_a_link_pointing_outside_the_repository(office: Office, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "holdout.toml"
    real.parent.mkdir()
    real.write_text(render_consultation(make_consultation()), encoding="utf-8")
    real.chmod(0o604)
    link = office.root / "link.toml"
    link.symlink_to(real)
    ConsultationFile.load(real).transact(2, lambda c: sign(c, 2, "tanaka", at=T1))
    before = office.path.read_bytes()
    done = signoff(link, 2)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    signed = ConsultationFile.load(real).consultation.items[1].signoffs
    assert [(s.stage, s.by) for s in signed] == [("担当", "tanaka"), ("係長", ME)]
    assert real.stat().st_mode & 0o777 == 0o604
    assert office.path.read_bytes() == before
    assert sorted(p.name for p in real.parent.iterdir()) == ["holdout.toml"]
