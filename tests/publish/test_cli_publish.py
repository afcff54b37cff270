"""`pctui publish` through the real console script."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from pctui.publish import FORMATS, outputs
from pctui.storage import ConsultationFile

SMALL = Path(__file__).parent / "data" / "small.toml"
Run = Callable[..., subprocess.CompletedProcess[str]]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "small.toml"
    shutil.copyfile(SMALL, target)
    return target


def test_outputs_names_the_files_a_publish_writes(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    consultation = ConsultationFile.load(path).consultation
    assert outputs(path, consultation) == [tmp_path / f"small.{fmt}" for fmt in FORMATS]
    assert outputs(path, consultation, ["html"], tmp_path / "out") == [tmp_path / "out/small.html"]


def test_publish_writes_every_format_beside_the_file(tmp_path: Path, pctui: Run) -> None:
    path = _copy(tmp_path)
    done = pctui("publish", path)
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != "small.toml")
    assert written == ["small.csv", "small.html", "small.md", "small.xlsx"]
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert pctui("publish", path).returncode == 0
    assert first == {p.name: p.read_bytes() for p in tmp_path.iterdir()}, "not deterministic"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_publish_refuses_unapproved_items_and_lists_them(tmp_path: Path, pctui: Run) -> None:
    path = _copy(tmp_path)
    revised = pctui("revise", path, "--item", "3", "--text", "回答案を書き直しました。")
    assert revised.returncode == 0, revised.stderr
    done = pctui("publish", path, "--format", "md")
    assert done.returncode == 1
    line = ConsultationFile.load(path).place(3, "items", 0, "no")[0]
    assert f"{path}:{line}:1: No.3 is not approved (draft; needs 担当, 係長, 課長)" in done.stderr
    assert "refused" in done.stderr and not (tmp_path / "small.md").exists()
    draft = pctui("publish", path, "--format", "md,html", "--draft", "--out", tmp_path / "d")
    assert draft.returncode == 0, draft.stderr
    assert (tmp_path / "d" / "small.md").read_text(encoding="utf-8").startswith("# 【案】")
    assert "回答案を書き直しました。" in (tmp_path / "d" / "small.html").read_text(encoding="utf-8")


def test_missing_required_facts_are_located_and_refused(tmp_path: Path, pctui: Run) -> None:
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8").replace("opened = 2025-04-01\n", "")
    path.write_text(text, encoding="utf-8")
    done = pctui("publish", path, "--check")
    assert done.returncode == 1
    assert f"{path}:3:1: 第43条: the date the draft was announced" in done.stderr
    assert f"{path}:" in done.stderr and "warning: No.4" in done.stderr


def test_bad_format_and_bad_file(tmp_path: Path, pctui: Run) -> None:
    path = _copy(tmp_path)
    done = pctui("publish", path, "--format", "md,pdf")
    assert done.returncode == 2 and "unknown format 'pdf'" in done.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[consultation\n", encoding="utf-8")
    done = pctui("publish", broken)
    assert done.returncode == 2 and f"{broken}:2:" in done.stderr
    assert "Traceback" not in done.stderr


def test_check_writes_nothing(tmp_path: Path, pctui: Run) -> None:
    path = _copy(tmp_path)
    done = pctui("publish", path, "--check", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"would write {tmp_path / 'small.csv'}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.toml"]


def test_a_file_that_cannot_be_replaced_leaves_every_format_as_it_was(
    tmp_path: Path, pctui: Run
) -> None:
    path = _copy(tmp_path)
    before = {fmt: f"old {fmt}\n".encode() for fmt in FORMATS}
    for fmt, data in before.items():
        (tmp_path / f"small.{fmt}").write_bytes(data)
    (tmp_path / "small.csv").chmod(0o444)  # read-only on purpose: the third of four
    done = pctui("--lang", "en", "publish", path)
    assert done.returncode == 1
    assert "small.csv: the file is read-only" in done.stderr
    assert "; none of the 4 files was replaced" in done.stderr
    assert {fmt: (tmp_path / f"small.{fmt}").read_bytes() for fmt in FORMATS} == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert "Traceback" not in done.stderr
