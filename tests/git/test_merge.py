"""The item-level merge driver: real `git merge` of branches that signed different items."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.git.conftest import HOUR, T1, Office, git, pctui

from pctui.git import merge_files
from pctui.git.install import install
from pctui.model import revise, withdraw
from pctui.storage import ConsultationFile


@pytest.fixture
def merging(office: Office) -> Office:
    """The office with the merge driver installed and committed, and a branch `other`."""
    done = pctui("install-merge-driver", cwd=office.root)
    assert done.returncode == 0, done.stderr
    assert (office.root / ".gitattributes").read_text() == "consultations/*.toml merge=pctui\n"
    assert "merge-driver %O %A %B %P" in office.git("config", "merge.pctui.driver")
    office.git("add", ".gitattributes")
    office.git("commit", "-q", "-m", "merge driver")
    office.git("branch", "other")
    return office


def commit_all(office: Office, message: str) -> None:
    office.git("commit", "-q", "-a", "-m", message)


def signers(office: Office) -> dict[int, list[str]]:
    file = ConsultationFile.load(office.path)
    return {item.no: [s.by for s in item.signoffs] for item in file.consultation.items}


def test_install_is_idempotent(merging: Office) -> None:
    install(merging.root)
    install(merging.root)
    assert (merging.root / ".gitattributes").read_text() == "consultations/*.toml merge=pctui\n"


def test_branches_that_signed_different_items_merge_without_conflict(merging: Office) -> None:
    merging.sign(1, "tanaka", T1)
    merging.sign(1, "suzuki", T1 + HOUR)
    commit_all(merging, "main signs No.1")
    merging.git("checkout", "-q", "other")
    merging.sign(2, "yamada", T1 + 2 * HOUR)
    merging.sign(4, "tanaka", T1 + 3 * HOUR)
    commit_all(merging, "other signs No.2 and No.4")
    theirs = merging.path.read_text()
    merging.git("checkout", "-q", "main")
    done = subprocess.run(["git", "merge", "-q", "--no-edit", "other"], cwd=merging.root,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert signers(merging) == {1: ["tanaka", "suzuki"], 2: ["yamada"], 3: [], 4: ["tanaka"]}
    merged = merging.path.read_text()
    block = theirs[theirs.index("[[items]]\nno = 2") : theirs.index("[[items]]\nno = 3")]
    assert block in merged  # an item changed on one side only is taken byte for byte
    assert pctui("validate", str(merging.path), cwd=merging.root).returncode == 0


def test_both_sides_signing_one_item_keep_both_in_time_order(merging: Office) -> None:
    merging.sign(3, "tanaka", T1 + 2 * HOUR)  # later in time, on our side
    commit_all(merging, "ours")
    merging.git("checkout", "-q", "other")
    merging.sign(3, "yamada", T1)  # earlier, on theirs
    commit_all(merging, "theirs")
    merging.git("checkout", "-q", "main")
    merging.git("merge", "-q", "--no-edit", "other")
    assert signers(merging)[3] == ["yamada", "tanaka"]


def test_concurrent_revisions_are_ordered_by_time_and_signoffs_follow(merging: Office) -> None:
    file = merging.load()
    file.transact(1, lambda c: revise(c, 1, "tanaka", "本線の案", base=1, at=T1 + HOUR))
    commit_all(merging, "ours revises")
    merging.git("checkout", "-q", "other")
    file = merging.load()
    file.transact(1, lambda c: revise(c, 1, "yamada", "支線の案", base=1, at=T1))
    merging.sign(1, "tanaka", T1 + 2 * HOUR)  # signs their revision 2 (yamada's)
    commit_all(merging, "theirs revises and signs")
    merging.git("checkout", "-q", "main")
    merging.git("merge", "-q", "--no-edit", "other")
    item = ConsultationFile.load(merging.path).consultation.items[0]
    assert [r.text for r in item.revisions][1:] == ["支線の案", "本線の案"]
    (signoff,) = item.signoffs
    assert signoff.revision == 2 and signoff.digest == item.revisions[1].digest


def test_a_withdrawal_on_either_side_wins(merging: Office) -> None:
    merging.sign(2, "tanaka", T1)
    commit_all(merging, "signed")
    merging.git("checkout", "-q", "other")
    merging.git("merge", "-q", "main")
    merging.sign(2, "suzuki", T1 + 2 * HOUR)
    commit_all(merging, "theirs signs 係長")
    merging.git("checkout", "-q", "main")
    merging.load().transact(2, lambda c: withdraw(c, 2, "tanaka", at=T1 + HOUR))
    commit_all(merging, "ours withdraws 担当")
    merging.git("merge", "-q", "--no-edit", "other")
    item = ConsultationFile.load(merging.path).consultation.items[1]
    assert [(s.by, s.withdrawn) for s in item.signoffs] == [
        ("tanaka", T1 + HOUR),
        ("suzuki", None),
    ]


def test_a_real_conflict_is_marked_in_that_item_only(merging: Office) -> None:
    def edit(old: str, new: str) -> None:
        merging.path.write_text(merging.path.read_text().replace(old, new, 1))

    edit("ご意見3です。", "ご意見3です（本線で修正）。")
    merging.sign(1, "tanaka", T1)
    commit_all(merging, "ours")
    merging.git("checkout", "-q", "other")
    edit("ご意見3です。", "ご意見3です（支線で修正）。")
    merging.sign(2, "yamada", T1)
    commit_all(merging, "theirs")
    merging.git("checkout", "-q", "main")
    done = subprocess.run(["git", "merge", "--no-edit", "other"], cwd=merging.root,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode != 0
    assert "No.3: opinion changed differently on both sides" in done.stdout + done.stderr
    text = merging.path.read_text()
    start, end = text.index("<<<<<<< ours"), text.index(">>>>>>> theirs")
    conflict = text[start:end]
    assert "本線で修正" in conflict and "支線で修正" in conflict
    assert text.count("<<<<<<<") == 1
    assert text.rindex("[[items]]", 0, start) == text.index("[[items]]\nno = 3")
    assert "[[items.revisions]]" not in conflict  # only the opinion's lines
    assert 'by = "tanaka"' in text and 'by = "yamada"' in text  # the rest merged


def test_the_driver_exit_status_and_text_fallback(tmp_path: Path, office: Office) -> None:
    base = office.path.read_text()
    ours = base.replace("ご意見2です。", "ご意見2です（A）。")
    theirs = base.replace("ご意見2です。", "ご意見2です（B）。")
    paths = []
    for name, text in (("O", base), ("A", ours), ("B", theirs)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text)
    done = pctui("merge-driver", *map(str, paths), "consultations/test-pc.toml", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    # Not a consultation file: merged as text, cleanly.
    for name, text in (("O", "a\nb\nc\n"), ("A", "A\nb\nc\n"), ("B", "a\nb\nC\n")):
        (tmp_path / name).write_text(text)
    done = pctui("merge-driver", *map(str, paths), "pyproject.toml", cwd=tmp_path)
    assert done.returncode == 0 and "as plain text" in done.stderr
    assert (tmp_path / "A").read_text() == "A\nb\nC\n"


def test_merge_files_in_memory_takes_one_sided_changes_whole(office: Office) -> None:
    base = office.path.read_text()
    office.sign(1, "tanaka", T1)
    ours = office.path.read_text()
    office.path.write_text(base)
    office.sign(4, "yamada", T1)
    theirs = office.path.read_text()
    result = merge_files(base, ours, theirs)
    assert result.conflicts == []
    office.path.write_text(result.text)
    assert signers(office) == {1: ["tanaka"], 2: [], 3: [], 4: ["yamada"]}
    assert git(office.root, "diff", "--stat").count("|") == 1


def test_items_added_on_either_side_and_a_header_edit(office: Office) -> None:
    base = office.path.read_text()
    first = base.index("[[items]]\nno = 2")
    second = base.index("[[items]]\nno = 3")
    block = base[first:second]
    new_item = block.replace("no = 2", "no = 9").replace("ご意見2", "ご意見9")
    ours = base[:second] + new_item + base[second:]  # No.9 after No.2 on our side
    theirs = base.replace('title = "テスト計画（案）"', 'title = "テスト計画"')
    theirs += block.replace("no = 2", "no = 10")  # No.10 at the end on theirs
    result = merge_files(base, ours, theirs)
    assert result.conflicts == []
    office.path.write_text(result.text)
    file = ConsultationFile.load(office.path)
    assert [item.no for item in file.consultation.items] == [1, 2, 9, 3, 4, 10]
    assert file.consultation.meta.title == "テスト計画"
