"""The totals a result printed beside those the file adds up to: explained by a note at
the printed total (never an error or a warning), and printed by publish."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from tests.storage.conftest import Where, Write
from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.publish.document import build
from pctui.publish.files import render
from pctui.storage import ConsultationFile
from pctui.storage.totals import totals_notes


def notes(path: Path) -> list[str]:
    found = totals_notes(ConsultationFile.load(path))
    assert all(note.severity == "note" for note in found)
    return [str(note).removeprefix(f"{path}:") for note in found]


def test_more_printed_than_listed_is_explained(write: Write, where: Where) -> None:
    text = HEADER + FIRST + SECOND  # printed 5 submitters and 12 opinions; listed 5, 3 sent
    assert notes(write(text)) == [
        f"{where(text, 'published_submitters')}: note: the result printed 5 submitters; "
        "intake.submitters adds up to 3",
        f"{where(text, 'published_opinions')}: note: the result printed 12 opinions and the "
        "items list 5: 7 opinions not listed are counted in the printed total only",
    ]


def test_fewer_printed_than_listed_asks_for_a_check(write: Write, where: Where) -> None:
    text = (HEADER + FIRST + SECOND).replace("published_opinions = 12", "published_opinions = 4")
    text = text.replace("published_submitters = 5", "published_submitters = 3")
    assert notes(write(text)) == [
        f"{where(text, 'published_opinions')}: note: the result printed 4 opinions, fewer than "
        "the 5 the items list: check intake.published_opinions and each count"
    ]


def test_no_note_when_the_totals_agree_or_none_is_printed(write: Write, header: str) -> None:
    agreeing = (HEADER + FIRST + SECOND).replace("= 12", "= 5").replace("= 5\n", "= 3\n", 1)
    assert notes(write(agreeing)) == []
    assert notes(write(header + '[[items]]\nno = 1\nsection = "1"\nopinion = "x"\n')) == []


def test_validate_prints_the_notes_and_exits_zero(write: Write) -> None:
    import subprocess
    import sys

    path = write(HEADER + FIRST + SECOND)
    script = Path(sys.executable).parent / "pctui"
    done = subprocess.run(
        [str(script), "validate", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line.split(": ")[1] for line in done.stdout.splitlines()[:2]] == ["note", "note"]


def test_publish_prints_the_printed_totals(write: Write) -> None:
    consultation = ConsultationFile.load(write(HEADER + FIRST + SECOND)).consultation
    publication = build(consultation)
    assert (publication.submitter_total, publication.opinion_total) == (5, 12)
    assert publication.method_total == 3  # the by-method table adds up its own counts
    markdown = render(consultation, "md").decode("utf-8")
    assert "### (1) 提出者数\n\n5 人\n" in markdown
    assert "| 提出者数 | 3 | 3 |" in markdown
    assert "### (3) 意見総数\n\n12件\n" in markdown
    html = render(consultation, "html").decode("utf-8")
    assert "<p>5 人</p>" in html and "<p>12件</p>" in html and "<td>3</td></tr></tbody>" in html
    sheet = openpyxl.load_workbook(io.BytesIO(render(consultation, "xlsx")))["概要"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert values["提出者数"] == "5 人" and values["意見総数"] == 12
    assert values["意見の受付方法別内訳: 合計"] == 3


def test_without_printed_totals_the_computed_ones_are_printed(write: Write) -> None:
    text = (HEADER + FIRST + SECOND).replace("published_submitters = 5\n", "")
    consultation = ConsultationFile.load(
        write(text.replace("published_opinions = 12\n", ""))
    ).consultation
    publication = build(consultation)
    assert (publication.submitter_total, publication.opinion_total) == (3, 5)


def test_the_listed_total_is_not_summed_when_nothing_is_compared_with_it(
    write: Write, monkeypatch
) -> None:
    # Summing walks every item's opinions: a file that records no printed or received
    # total (most files) does not pay it.
    text = (HEADER + FIRST + SECOND).replace("published_opinions = 12\n", "")
    file = ConsultationFile.load(write(text))
    assert file.consultation.intake.opinions_received is None

    def refuse(consultation: object) -> int:
        raise AssertionError("the opinions were summed")

    monkeypatch.setattr(type(file.consultation), "total_opinions", property(refuse))
    assert [note.message for note in totals_notes(file)] == [
        "the result printed 5 submitters; intake.submitters adds up to 3"
    ]
