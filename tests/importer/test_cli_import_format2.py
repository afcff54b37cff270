"""`pctui import` of a ministry's result in each form it is published in, through the real
console script: a format-2 file that pctui loads and validates, with the answers merged over
several opinions, the groups and their restarting numbers, and the totals as published."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.importer.test_merged_answers import ministry_workbook
from tests.importer.test_pdf_and_word import ministry_docx, ministry_pdf

from pctui.model.records import Layout
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
MAKERS = {"xlsx": ministry_workbook, "pdf": ministry_pdf, "docx": ministry_docx}


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_ministry_result_imports_as_format_2(tmp_path: Path, pctui: Run, kind: str) -> None:
    source = MAKERS[kind](tmp_path / f"kekka.{kind}")
    target = tmp_path / "kihon.toml"
    done = pctui("import", source, "-o", target)
    assert done.returncode == 0, done.stderr
    assert "joined 1 opinion to the answer above it (merged answer cell)" in done.stdout
    assert "format 2: 4 opinions under 3 items" in done.stdout
    assert "totals as published: 35 submitters, 48 opinions" in done.stdout
    consultation = ConsultationFile.load(target).consultation
    assert consultation.format == 2 and consultation.meta.layout == Layout.LISTED
    assert [s.label for s in consultation.sections] == ["Ⅰ", "Ⅱ"]
    assert [[o.label for o in item.opinions] for item in consultation.items] == [
        ["1", "2"],
        ["1"],
        ["2"],
    ]
    assert consultation.intake.published_opinions == 48
    checked = pctui("validate", target)
    assert checked.returncode in (0, 1), checked.stderr
    assert "Traceback" not in checked.stderr
