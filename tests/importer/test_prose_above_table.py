"""Prose above the opinion table (趣旨, 経緯, 「お寄せいただいたご意見と市の考え方は次のとおりで
す。」), as results pages print a paragraph or two there: read as text outside the table, its
period and totals kept, the rest said as a warning; never a failed part that makes `pctui
import` exit 1, never the title. The city and its plan are made up; the sentences are the
shapes results pages use."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from pctui.importer import ERROR, read_source
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]

TITLE = "駐輪場整備計画（案）に対する意見募集の結果について"
PROSE = [
    "市では、駐輪場整備計画（案）について、市民の皆さんからご意見を募集しました。",
    "令和7年10月1日から令和7年10月31日まで意見を募集したところ、12人の方から31件の"
    "ご意見をいただきました。",
    "お寄せいただいたご意見と市の考え方は次のとおりです。",
]
ROWS = [
    ["No.", "ご意見", "市の考え方"],
    ["1", "駅前に駐輪場を増やしてほしい。", "計画に位置付けています。"],
    ["2", "料金を下げてほしい。", "今後検討します。"],
]


def _markdown(path: Path) -> None:
    table = ["| " + " | ".join(row) + " |" for row in ROWS]
    table.insert(1, "|---|---|---|")
    path.write_text("\n\n".join([f"# {TITLE}", *PROSE, "\n".join(table)]) + "\n", "utf-8")


def _text(path: Path) -> None:
    path.write_text("\n".join([TITLE, *PROSE, *("\t".join(row) for row in ROWS)]), "utf-8")


def _csv(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[TITLE, "", ""], *([p, "", ""] for p in PROSE), *ROWS])


def _xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [[TITLE], *([p] for p in PROSE), *ROWS]:
        sheet.append(row)
    book.save(path)


def _docx(path: Path) -> None:
    document = docx.Document()
    for paragraph in [TITLE, *PROSE]:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(ROWS), cols=3)
    for row, cells in zip(table.rows, ROWS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))


MAKERS = {".md": _markdown, ".txt": _text, ".csv": _csv, ".xlsx": _xlsx, ".docx": _docx}


@pytest.mark.parametrize("suffix", list(MAKERS))
def test_prose_above_the_table_is_read_for_its_facts_and_the_import_succeeds(
    suffix: str, tmp_path: Path, pctui: Run
) -> None:
    source = tmp_path / f"kekka{suffix}"
    MAKERS[suffix](source)
    target = tmp_path / "churin.toml"
    done = pctui("import", source, "-o", target, "--lang", "en")
    assert done.returncode == 0, done.stderr  # it was 1 for Markdown and text
    assert "Traceback" not in done.stderr
    consultation = ConsultationFile.load(target).consultation
    assert consultation.meta.title == "駐輪場整備計画（案）"  # not a sentence of the prose
    assert (consultation.meta.opened, consultation.meta.closed) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 10, 31),
    )
    assert [item.opinion for item in consultation.items] == [row[1] for row in ROWS[1:]]
    assert "totals as published: 12 submitters, 31 opinions" in done.stdout


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_the_sentences_left_out_are_said_with_their_lines(suffix: str, tmp_path: Path) -> None:
    source = tmp_path / f"kekka{suffix}"
    MAKERS[suffix](source)
    raw = read_source(source)
    assert [n for n in raw.notes if n.severity == ERROR] == []
    said = [n.message for n in raw.notes if n.message.startswith("text above the table")]
    assert len(said) == 2  # the period's sentence was read, the other two are said
    assert PROSE[0] in said[0] and PROSE[2] in said[1]


def test_a_paragraph_broken_over_lines_and_prose_under_a_results_heading(
    tmp_path: Path, pctui: Run
) -> None:
    """A PDF's text breaks a paragraph where the page did, the first line without its 。;
    and a heading of the results may stand between the prose and the table."""
    lines = [
        TITLE,
        "市では、駐輪場整備計画（案）について、市民の皆さんから",
        "ご意見を募集しました。",
        "ご意見と市の考え方",
        "お寄せいただいたご意見と市の考え方は次のとおりです。",
        *("\t".join(row) for row in ROWS),
    ]
    source = tmp_path / "kekka.txt"
    source.write_text("\n".join(lines), "utf-8")
    done = pctui("import", source, "-o", tmp_path / "churin.toml", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("warning: text above the table, not imported") == 3


def test_a_line_that_fits_nothing_under_the_table_is_still_an_error(
    tmp_path: Path, pctui: Run
) -> None:
    """Below the first row a line that is no row may be a broken one: said as before, and
    the import exits 1 (nothing guessed)."""
    lines = [
        TITLE,
        PROSE[2],
        *("\t".join(row) for row in ROWS),
        "この行はどの表の行でもありません。",
    ]
    source = tmp_path / "kekka.txt"
    source.write_text("\n".join(lines), "utf-8")
    done = pctui("import", source, "-o", tmp_path / "churin.toml", "--lang", "en")
    assert done.returncode == 1
    assert f"{source}:6:1: not read" in done.stderr


def test_a_sentence_under_each_section_heading_above_its_table(tmp_path: Path, pctui: Run) -> None:
    """A result split by chapter, a sentence under each heading before its rows: the second
    is as much text above a table as the first."""
    lines = [
        TITLE,
        "1 計画全般について",
        "計画全般に関するご意見は次のとおりです。",
        *("\t".join(row) for row in ROWS),
        "2 料金について",
        "料金に関するご意見は次のとおりです。",
        "3\t学生の料金を下げてほしい。\t今後検討します。",
    ]
    source = tmp_path / "kekka.txt"
    source.write_text("\n".join(lines), "utf-8")
    raw = read_source(source)
    assert [n for n in raw.notes if n.severity == ERROR] == []
    above = [n.line for n in raw.notes if n.message.startswith("text above the table")]
    assert above == [3, 8]
    assert [(item.no, item.section) for item in raw.items] == [
        (1, "計画全般について"),
        (2, "計画全般について"),
        (3, "料金について"),
    ]
    done = pctui("import", source, "-o", tmp_path / "churin.toml", "--lang", "en")
    assert done.returncode == 0, done.stderr
