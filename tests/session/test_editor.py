"""Choosing and running the external editor (pure: no app)."""

from __future__ import annotations

import sys

from pctui.session.editor import editor_command, run_editor


def test_visual_then_editor_then_vi() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "nano"}) == ["code", "--wait"]
    assert editor_command({"VISUAL": " ", "EDITOR": "nano -R"}) == ["nano", "-R"]
    assert editor_command({}) == ["vi"]


def test_the_edited_text_comes_back_without_the_final_newline(tmp_path, monkeypatch) -> None:
    script = tmp_path / "ed.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "assert p.name == 'No3.txt'\n"
        "p.write_text(p.read_text(encoding='utf-8').upper() + '\\n\\n', encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    assert run_editor("abc\n\nせつ", "No3.txt").text == "ABC\n\nせつ"
