"""Ordinary text that uses joiners and selectors reaches every reader as written, and NEL,
LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks everywhere.

An emoji family, a skin tone, a Persian word with its non-joiner, a Devanagari conjunct and
an ideographic variation of a name are what a citizen may type: validate says nothing about
them, the TUI, the command line and all four published formats keep them raw. The same
file holds hostile text too, which stays neutralised beside them.
"""

from __future__ import annotations

import asyncio
import html
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tests.app.conftest import RecordingApp
from tests.security.conftest import SAMPLE, raw_controls

from pctui.cli.output import json_text
from pctui.storage import ConsultationFile, render_consultation

ORDINARY = (
    "家族で👨\u200d👩\u200d👧\u200d👦、職場で👩🏿\u200d💻、❤\ufe0f\u200d🔥。"
    "ペルシア語のمی\u200cخواهم、デーヴァナーガリーのक्\u200dष、氏名の葛\U000e0100。"
)
# One line per separator: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
SEPARATED = "一行目\x85二行目\u2028三行目\u2029四行目"
LONE = "結合子だけ\u200dここ"  # a joiner between kana joins nothing: hidden


def write_ordinary(path: Path) -> Path:
    """The sample with ORDINARY and LONE opening item 1's opinion, SEPARATED as item 2's."""
    consultation = ConsultationFile.load(SAMPLE).consultation
    first, second = consultation.items[0], consultation.items[1]
    first.opinion = ORDINARY + LONE + "\n\n" + first.opinion
    second.opinion = SEPARATED
    path.write_text(render_consultation(consultation), encoding="utf-8")
    return path


@pytest.fixture
def ordinary_path(tmp_path: Path) -> Path:
    return write_ordinary(tmp_path / "ordinary.toml")


def pctui(*args: object) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", *map(str, args)], capture_output=True, check=False
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def test_the_file_keeps_ordinary_sequences_raw_and_escapes_the_rest(ordinary_path: Path) -> None:
    text = ordinary_path.read_text(encoding="utf-8")
    assert ORDINARY in text
    assert "結合子だけ\\u200dここ" in text
    assert "一行目\\u0085二行目\\u2028三行目\\u2029四行目" in text
    assert ConsultationFile.load(ordinary_path).consultation.items[1].opinion == SEPARATED


def test_validate_names_only_the_lone_joiner_and_the_line_breaks(ordinary_path: Path) -> None:
    done = pctui("validate", ordinary_path)
    out = done.stdout.decode("utf-8")
    warnings = [line.split(": warning: ")[1] for line in out.splitlines() if ": warning: " in line]
    assert warnings == [
        "No.1: opinion contains U+200D ZERO WIDTH JOINER at character "
        f"{len(ORDINARY) + 6} (shown inertly)",
        "No.2: opinion contains U+0085 NEXT LINE at character 4, U+2028 LINE SEPARATOR at "
        "character 8, U+2029 PARAGRAPH SEPARATOR at character 12 (shown as a line break)",
    ]
    assert done.returncode == 1


def test_json_output_keeps_sequences_and_escapes_line_breaks() -> None:
    written = json_text({"opinion": ORDINARY + SEPARATED})
    assert ORDINARY in written
    assert "一行目\\u0085二行目\\u2028三行目\\u2029四行目" in written
    assert json.loads(written) == {"opinion": ORDINARY + SEPARATED}


def _published(path: Path, out: Path) -> dict[str, str]:
    done = pctui("publish", "--draft", "--out", out, path)
    assert done.returncode == 0, done.stderr.decode()
    files = {fmt: (out / f"2025-jumin.{fmt}").read_bytes() for fmt in ("md", "html", "csv")}
    texts = {fmt: data.decode("utf-8") for fmt, data in files.items()}
    workbook = openpyxl.load_workbook(out / "2025-jumin.xlsx")
    cells = [str(c) for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row]
    texts["xlsx"] = "\n".join(cells)
    with zipfile.ZipFile(io.BytesIO((out / "2025-jumin.xlsx").read_bytes())) as archive:
        # The XML as a reader of the file sees its characters: openpyxl writes them as they
        # are, or (where lxml is installed, as python-docx brings it) as character references.
        xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
        texts["xlsx-xml"] = html.unescape(xml)
    return texts


def test_every_format_publishes_sequences_raw_and_line_breaks_as_breaks(
    ordinary_path: Path, tmp_path: Path
) -> None:
    texts = _published(ordinary_path, tmp_path / "out")
    for fmt, text in texts.items():
        assert ORDINARY in text, fmt
        assert "\\u200d\\U" not in text and "👨\\u200d" not in text, fmt
        assert "結合子だけ\\u200dここ" in text.replace("\\\\", "\\"), fmt  # the lone one, marked
        assert "\x85" not in text and "\u2028" not in text and "\u2029" not in text, fmt
        unmarked = text.replace(ORDINARY, "").removeprefix("\ufeff")  # the CSV's BOM
        assert raw_controls(unmarked.replace("\r\n", "\n")) == [], fmt
    assert "一行目<br>二行目<br>三行目<br>四行目" in texts["md"]
    assert "一行目<br>二行目<br>三行目<br>四行目" in texts["html"]
    assert "一行目\n二行目\n三行目\n四行目" in texts["csv"]
    assert "一行目\n二行目\n三行目\n四行目" in texts["xlsx"]


def test_the_tui_shows_sequences_raw_and_separators_as_line_breaks(ordinary_path: Path) -> None:
    app = RecordingApp(ConsultationFile.load(ordinary_path), "sato", watch_interval=None)

    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            opinion = app.detail.part("opinion")
            assert opinion is not None
            assert opinion.plain.startswith(ORDINARY + "結合子だけ\\u200dここ\n\n")
            await pilot.press("j")
            await pilot.pause()
            second = app.detail.part("opinion")
            assert second is not None and second.plain == "一行目\n二行目\n三行目\n四行目"
            # The list row shows the first line, as for any line break; not the rest raw.
            rows = [app.main.table.render_line(y).text for y in range(4)]
            assert any("一行目" in row and "二行目" not in row for row in rows), rows
            screen = app.export_screenshot()
            assert "\x85" not in screen and "\u2028" not in screen and "\u2029" not in screen

    asyncio.run(main())
