"""`pctui import` through the real console script, and what it writes passing `pctui validate`."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from pctui.model.identity import current_login
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
SMALL = Path(__file__).resolve().parents[1] / "publish" / "data" / "small.toml"


def test_import_the_seed_then_validate(seed: Path, tmp_path: Path, pctui: Run) -> None:
    target = tmp_path / "2025-jumin.toml"
    done = pctui("import", seed, "-o", target)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"wrote {target}: 10 items in 2 sections" in done.stdout
    checked = pctui("validate", target)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "10 items in 2 sections (10 draft)" in checked.stdout
    consultation = ConsultationFile.load(target).consultation
    login = current_login()
    assert consultation.meta.id == "2025-jumin"
    assert consultation.review.stages == ["担当", "係長", "課長"]
    assert list(consultation.review.reviewers) == [login]
    assert all(len(i.revisions) == 1 and i.revisions[0].author == login for i in consultation.items)
    assert consultation.total_opinions == 10 and consultation.intake.total_submitters == 1


def test_refuses_to_overwrite_without_force(seed: Path, tmp_path: Path, pctui: Run) -> None:
    target = tmp_path / "out.toml"
    target.write_text("keep me\n", encoding="utf-8")
    done = pctui("import", seed, "-o", target)
    assert done.returncode == 1 and "--force" in done.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert pctui("import", seed, "-o", target, "--force").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("format = 1\n")


def test_nothing_usable_exits_2_with_a_located_message(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "memo.txt"
    source.write_text("# メモ\n\nただの文章です。\n", encoding="utf-8")
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target)
    assert done.returncode == 2
    assert f"{source}:3:1: warning: text above the table, not imported" in done.stderr
    assert f"{source}:1:1: no opinion table found" in done.stderr
    assert not target.exists() and "Traceback" not in done.stderr


def test_partly_unreadable_source_exits_1_and_says_where(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "table.csv"
    # A sentence in the No. column is no label as published (Ⅱ-4, 問3 are kept, see
    # test_no_labels.py): the row is refused.
    source.write_text(
        "No,ご意見,考え方\n1,意見。,回答。\n二番目の意見です,意見。,回答。\n", encoding="utf-8"
    )
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target, "--title", "表のテスト")
    assert done.returncode == 1
    assert f"{source}:3:1: No. '二番目の意見です' is neither a number" in done.stderr
    assert "--map no=HEADER" in done.stderr
    consultation = ConsultationFile.load(target).consultation
    assert consultation.meta.title == "表のテスト" and [i.no for i in consultation.items] == [1]
    assert pctui("validate", target).returncode == 0


def test_map_and_bad_map(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("整理番号,内容,見解\n1,意見。,回答。\n", encoding="utf-8")
    target = tmp_path / "odd.toml"
    done = pctui("import", source, "-o", target, "--map", "opinion=内容", "--map", "response=3")
    assert done.returncode == 0, done.stderr
    assert ConsultationFile.load(target).consultation.items[0].opinion == "意見。"
    done = pctui("import", source, "-o", tmp_path / "x.toml", "--map", "answer=見解")
    assert done.returncode == 2 and "unknown field 'answer'" in done.stderr


def test_published_xlsx_imports_into_a_valid_file(tmp_path: Path, pctui: Run) -> None:
    published = pctui("publish", SMALL, "--format", "xlsx", "--out", tmp_path)
    assert published.returncode == 0, published.stderr
    target = tmp_path / "again.toml"
    done = pctui("import", tmp_path / "small.xlsx", "-o", target, "--title", "再読込")
    assert done.returncode == 0, done.stderr
    checked = pctui("validate", target)
    # The fixture's No.4 holds control characters; published inertly, they come back as marks.
    assert checked.returncode == 0, checked.stdout + checked.stderr
    consultation = ConsultationFile.load(target).consultation
    assert [c.label for c in consultation.review.classes] == ["反映", "参考", "対象外"]
    assert [s.title for s in consultation.sections] == [
        "計画全体に関するご意見",
        "収集日に関するご意見",
    ]
