"""Internal notes are never published: a file whose items carry notes (and assignments)
is published in every format (as a draft, so that every item, approved or not, is in it),
and no note's text (nor who drafts the item) appears in any of them, while the answers do."""

from __future__ import annotations

import html
import io
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]
NOTE = "内部メモ：課長決裁前に法令担当へ確認"


def _texts(folder: Path) -> dict[str, str]:
    """Every output's text: the workbook's XML parts read as text too, their character
    references (&#NNNN; for non-ASCII, as openpyxl writes with lxml) resolved."""
    found: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as book:
                found[path.name] = html.unescape(
                    "".join(book.read(name).decode("utf-8") for name in book.namelist())
                )
        else:
            found[path.name] = path.read_bytes().decode("utf-8-sig")
    return found


def test_no_note_text_in_any_published_format(pctui: Run, small: Path, tmp_path: Path) -> None:
    for no in (1, 2):
        assert pctui("note", small, "--item", str(no), NOTE).returncode == 0
    assert pctui("assign", small, "--item", "1,2", "yamada").returncode == 0
    out = tmp_path / "out"
    done = pctui("publish", small, "--out", out, "--draft")
    assert done.returncode == 0, done.stderr
    texts = _texts(out)
    assert set(texts) == {"cli-test.md", "cli-test.html", "cli-test.csv", "cli-test.xlsx"}
    for name, text in texts.items():
        assert "回答1" in text, name  # the answers are there: the search can find text
        assert "内部メモ" not in text and "法令担当" not in text, name
        assert "yamada" not in text, name
