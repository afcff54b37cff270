"""`validate`'s exit status: warnings are findings (exit 1); notes are advice or
explanations (exit 0). A freshly imported real result — two items answered word for word
alike, as published results often are, and published totals above the listed counts —
validates with notes only."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "importer" / "real"
MLIT_PDF = REAL / "mlit-kotsu-seisaku-kihon-keikaku-2025.pdf"

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_identical_answers_are_a_note_not_a_finding(pctui: Run, tmp_path: Path) -> None:
    result = tmp_path / "mlit.toml"
    imported = pctui("import", MLIT_PDF, "-o", result)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    checked = pctui("validate", result)
    assert checked.returncode == 0, checked.stdout
    lines = checked.stdout.splitlines()
    # The file is format 2 already: the advice is the command that makes one item of two
    # (not "consider format 2", which the file is).
    assert (
        f"{result}:155:1: note: No.7: the same answer as No.6: if one answer covers both, "
        f"merge them: pctui merge-items {result} --item 7 --into 6" in lines
    )
    assert not any(": warning: " in line for line in lines)
    assert lines[-1].startswith(f"{result}: ok: 37 items")
    assert "warning" not in lines[-1]


def test_a_warning_beside_notes_still_exits_1(pctui: Run, tmp_path: Path) -> None:
    result = tmp_path / "mlit.toml"
    pctui("import", MLIT_PDF, "-o", result)
    text = result.read_text(encoding="utf-8")
    result.write_text(text.replace("[git]\n", "[git]\ncommitt = 1\n", 1), encoding="utf-8")
    checked = pctui("validate", result)
    assert checked.returncode == 1
    assert any(": warning: " in line and "committ" in line for line in checked.stdout.splitlines())
    assert "note: No.7" in checked.stdout


def test_the_merge_advice_quotes_a_path_with_a_space(pctui: Run, tmp_path: Path) -> None:
    folder = tmp_path / "パブコメ 2025"
    folder.mkdir()
    result = folder / "mlit.toml"
    assert pctui("import", MLIT_PDF, "-o", result).returncode == 0
    checked = pctui("validate", result)
    # Pasted into a shell, the advice must run: the path is one word.
    assert f"merge them: pctui merge-items '{result}' --item 7 --into 6" in checked.stdout
