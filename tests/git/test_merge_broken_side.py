"""A side the merge driver cannot load is merged as text, and a text merge that does not
load is a conflict, never a clean merge: a real `git merge` with ours, theirs and then the
base broken in turn stops with the file conflicted, every version kept, and each problem
told as path:line:col."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from tests.git.conftest import HOUR, T1, Office, pctui

FILE = "consultations/test-pc.toml"


@pytest.fixture
def merging(office: Office) -> Office:
    """The office with the merge driver, No.2 signed by tanaka (committed on main)."""
    assert pctui("install-merge-driver", cwd=office.root).returncode == 0
    office.sign(2, "tanaka", T1)
    office.git("add", ".gitattributes", FILE)
    office.git("commit", "-q", "-m", "merge driver; tanaka signs No.2")
    return office


def broken(text: str) -> str:
    """`text` with No.2's sign-off missing its `revision` line (a bad hand edit)."""
    start = text.index("[[items]]\nno = 2")
    line = text.index("revision = 1\n", text.index("[[items.signoffs]]", start))
    return text[:line] + text[line + len("revision = 1\n") :]


def commit(office: Office, text: str | None, message: str) -> None:
    if text is not None:
        office.path.write_text(text, encoding="utf-8")
    office.git("commit", "-q", "-a", "-m", message)


def merge(office: Office) -> subprocess.CompletedProcess[str]:
    office.git("checkout", "-q", "main")
    return subprocess.run(["git", "merge", "--no-edit", "other"], cwd=office.root,
                          capture_output=True, text=True, check=False)  # fmt: skip


def assert_conflicted(office: Office, done: subprocess.CompletedProcess[str], problem: str) -> None:
    """The merge stopped: the file is conflicted with its versions kept in the index, the
    driver told each problem of the result by path:line:col, and that is where it is."""
    assert done.returncode != 0, done.stdout + done.stderr
    assert f"CONFLICT (content): Merge conflict in {FILE}" in done.stdout
    assert office.git("status", "--porcelain", FILE).startswith("UU ")
    stages = {line.split()[2] for line in office.git("ls-files", "-u", FILE).splitlines()}
    assert stages == {"1", "2", "3"}
    told = re.search(
        rf"pctui merge-driver: {FILE}: conflict: the merged file does not load: "
        rf"{FILE}:(\d+):(\d+): {re.escape(problem)}",
        done.stderr,
    )
    assert told, done.stderr
    validate = pctui("validate", FILE, cwd=office.root)
    assert validate.returncode == 2
    assert f"{FILE}:{told[1]}:{told[2]}: {problem}" in validate.stderr


def test_ours_broken(merging: Office) -> None:
    merging.git("branch", "other")
    commit(merging, broken(merging.path.read_text(encoding="utf-8")), "ours: a bad edit")
    merging.git("checkout", "-q", "other")
    merging.sign(4, "yamada", T1 + HOUR)
    commit(merging, None, "theirs signs No.4")
    assert_conflicted(merging, merge(merging), "missing items.signoffs.revision")


def test_theirs_broken(merging: Office) -> None:
    merging.git("branch", "other")
    merging.sign(4, "yamada", T1 + HOUR)
    commit(merging, None, "ours signs No.4")
    merging.git("checkout", "-q", "other")
    commit(merging, broken(merging.path.read_text(encoding="utf-8")), "theirs: a bad edit")
    done = merge(merging)
    assert_conflicted(merging, done, "missing items.signoffs.revision")
    assert "theirs does not load: theirs:" in done.stderr  # why it was merged as text


def test_base_broken(merging: Office) -> None:
    good = merging.path.read_text(encoding="utf-8")
    commit(merging, broken(good), "base: a bad edit")
    merging.git("branch", "other")
    first, second = good.index("[[items]]\nno = 2"), good.index("[[items]]\nno = 3")
    block = good[first:second]
    # Both sides repair No.2 alike; each adds a different No.5 at another place.
    ours = good[:first] + block.replace("no = 2", "no = 5") + good[first:]
    commit(merging, ours, "ours: repair, and No.5 after No.1")
    merging.git("checkout", "-q", "other")
    theirs = good + block.replace("no = 2", "no = 5").replace("ご意見2", "別のご意見5")
    commit(merging, theirs, "theirs: repair, and another No.5 at the end")
    assert_conflicted(merging, merge(merging), "duplicate No.5")


def test_a_text_merge_that_loads_is_still_clean(merging: Office) -> None:
    # The base does not load, so the sides are merged as text; both repaired it alike and
    # signed different items, so the text merge loads: a clean merge.
    good = merging.path.read_text(encoding="utf-8")
    commit(merging, broken(good), "base: a bad edit")
    merging.git("branch", "other")
    commit(merging, good, "ours: repair")
    merging.sign(4, "yamada", T1 + HOUR)
    commit(merging, None, "ours signs No.4")
    merging.git("checkout", "-q", "other")
    commit(merging, good, "theirs: repair")
    merging.sign(3, "yamada", T1 + HOUR)
    commit(merging, None, "theirs signs No.3")
    done = merge(merging)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "base does not load: base:" in done.stderr
    assert pctui("validate", FILE, cwd=merging.root).returncode == 0


def test_the_drivers_reports_are_translated(office: Office, tmp_path: Path) -> None:
    office.sign(2, "tanaka", T1)
    base = office.path.read_text(encoding="utf-8")
    versions = {
        "O": base,
        "A": base.replace("ご意見2です。", "ご意見2です（A）。"),
        "B": broken(base.replace("ご意見2です。", "ご意見2です（B）。")),
    }
    for name, text in versions.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in "OAB"]
    done = pctui("--lang", "ja", "merge-driver", *paths, FILE, cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0].startswith(
        f"pctui merge-driver: {FILE}: theirs を読み込めません: theirs:"
    ) and lines[0].endswith("。通常のテキストとしてマージします")
    assert lines[1] == (
        f"pctui merge-driver: {FILE}: 衝突: テキストとしてのマージで衝突マーカーが残りました"
    )
    versions["B"] = versions["A"].replace("（A）", "（B）")
    (tmp_path / "B").write_text(versions["B"], encoding="utf-8")
    (tmp_path / "A").write_text(versions["A"], encoding="utf-8")
    done = pctui("--lang", "ja", "merge-driver", *paths, FILE, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"pctui merge-driver: {FILE}: 衝突: No.2: opinion が両側で異なる内容に変更されています\n"
    )
