"""Write with the publisher, read with the importer: the same opinions and responses come back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from pctui.base.inert import inert
from pctui.importer import RawDocument, read_source, to_consultation
from pctui.model.records import Consultation
from pctui.publish import render
from pctui.storage import ConsultationFile

SMALL = Path(__file__).resolve().parents[1] / "publish" / "data" / "small.toml"
AT = dt.datetime(2025, 12, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _items(raw: RawDocument) -> list[tuple[object, ...]]:
    return [(i.no, i.section, i.topic, i.opinion, i.response) for i in raw.items]


def _seed_cells(seed: Path) -> list[tuple[str, str]]:
    """(opinion, response) of every seed row, read with plain string handling (not the importer)."""
    rows = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 3 and cells[0].isdigit():
            rows.append((cells[1], cells[2]))
    return rows


def _flat(text: str) -> str:
    text = re.sub(r"</?p>|<br>", " ", text)
    return " ".join(text.split())


def test_seed_imported_and_published_again_gives_the_same_texts(seed: Path, tmp_path: Path) -> None:
    raw = read_source(seed)
    consultation = to_consultation(raw, "tanaka", AT, "jumin")
    published = tmp_path / "jumin.md"
    published.write_bytes(render(consultation, "md"))
    again = read_source(published)
    assert again.notes == []
    assert _items(again) == _items(raw)
    assert again.sections == raw.sections
    for key in ("title", "organization", "opened", "closed", "places", "url", "methods",
                "submitters", "submitter_unit", "opinion_heading", "response_heading"):  # fmt: skip
        assert getattr(again, key) == getattr(raw, key), key
    # And word for word against the seed's own cells (whitespace runs aside).
    seed_rows = _seed_cells(seed)
    assert len(seed_rows) == 10
    for (opinion, response), item in zip(seed_rows, again.items, strict=True):
        topic = f"【{item.topic}】 " if item.topic else ""
        assert _flat(opinion) == _flat(topic + item.opinion)
        assert _flat(response) == _flat(item.response)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
def test_small_round_trip(fmt: str, tmp_path: Path) -> None:
    consultation: Consultation = ConsultationFile.load(SMALL).consultation
    published = tmp_path / f"small.{fmt}"
    published.write_bytes(render(consultation, fmt))
    raw = read_source(published)
    assert [n for n in raw.notes if n.severity == "error"] == []
    titles = {s.id: s.title for s in consultation.sections}
    labels = {c.id: c.label for c in consultation.review.classes}
    expected = [
        (i.no, titles[i.section], i.topic, inert(i.opinion), inert(i.current.text))
        for i in consultation.items
        if i.current is not None
    ]
    assert _items(raw) == expected
    # The Markdown and HTML tables have the seed's three columns: classes travel in CSV and
    # XLSX only.
    table_only = fmt in ("md", "html")
    classes = [labels[i.klass or ""] if not table_only else "" for i in consultation.items]
    assert [i.klass for i in raw.items] == classes
    if not table_only:  # no count column in Markdown or HTML; 意見総数 says it (a warning)
        assert [i.count for i in raw.items] == [i.count for i in consultation.items]
    else:
        assert any("意見総数 says 6件" in n.message for n in raw.notes)


def test_draft_markdown_imports_with_a_note(tmp_path: Path) -> None:
    consultation = ConsultationFile.load(SMALL).consultation
    published = tmp_path / "small.md"
    published.write_bytes(render(consultation, "md", draft=True))
    raw = read_source(published)
    assert raw.title == consultation.meta.title
    assert len(raw.items) == 4
    assert any("marked as a draft" in n.message for n in raw.notes)


def test_xlsx_round_trip_keeps_the_header_facts(seed: Path, tmp_path: Path) -> None:
    raw = read_source(seed)
    consultation = to_consultation(raw, "tanaka", AT, "jumin")
    published = tmp_path / "jumin.xlsx"
    published.write_bytes(render(consultation, "xlsx"))
    again = read_source(published)
    assert again.notes == []
    for key in ("title", "organization", "opened", "closed", "places", "url", "methods",
                "submitters", "submitter_unit", "declared_total"):  # fmt: skip
        assert getattr(again, key) == getattr(raw, key), key
    assert _items(again)[0][2:] == _items(raw)[0][2:]


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
def test_format_two_listed_round_trip(fmt: str, tmp_path: Path) -> None:
    """Groups Ⅰ/Ⅱ with labels restarting, one answer over three opinions (its own 件数 each):
    the listed layout imports back to the same answers and opinions, whatever the format."""
    from tests.storage.format_two_text import FIRST, HEADER, SECOND

    source = tmp_path / "two.toml"
    source.write_text(HEADER + FIRST + SECOND, encoding="utf-8")
    consultation = ConsultationFile.load(source).consultation
    published = tmp_path / f"two.{fmt}"
    published.write_bytes(render(consultation, fmt))
    raw = read_source(published, empty_answer="same-as-above")
    back = to_consultation(raw, "tanaka", AT, "test")
    assert back.format == 2 and back.meta.layout == "listed"
    assert [(s.label, s.title) for s in back.sections] == [
        (s.label, s.title) for s in consultation.sections
    ]
    counts = fmt not in ("md", "html")  # their table has no 件数 column
    assert [
        [(o.label, o.text, o.count if counts else 1) for o in item.opinions] for item in back.items
    ] == [
        [(o.label, o.text, o.count if counts else 1) for o in item.opinions]
        for item in consultation.items
    ]
    assert [i.current.text for i in back.items if i.current] == ["回答1", "回答2"]
    # The answer spanning the first item's three rows was read as one answer: merged in the
    # workbook, referred to in Markdown (「（No.1と同じ）」), repeated in the CSV; the HTML
    # spans it (rowspan).
    joined = {"csv": raw.joined_repeated}.get(fmt, raw.joined_merged)
    assert joined == 2


def test_pctui_import_reads_the_published_html_page(tmp_path: Path, pctui: Any) -> None:
    from tests.storage.format_two_text import FIRST, HEADER, SECOND

    source = tmp_path / "two.toml"
    source.write_text(HEADER + FIRST + SECOND, encoding="utf-8")
    page = tmp_path / "two.html"
    page.write_bytes(render(ConsultationFile.load(source).consultation, "html"))
    done = pctui("import", page, "-o", tmp_path / "back.toml")
    assert done.returncode == 0, done.stderr
    back = ConsultationFile.load(tmp_path / "back.toml").consultation
    assert back.format == 2
    assert [[o.label for o in item.opinions] for item in back.items] == [["1", "2", "3"], ["1"]]
    assert (back.intake.published_submitters, back.intake.published_opinions) == (5, 12)
