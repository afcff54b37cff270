"""docs/format.md: its annotated example validates, and what it says about it holds."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pctui.model import (
    APPROVED,
    CHANGES_REQUESTED,
    DRAFT,
    IN_REVIEW,
    Item,
    Opinion,
    Summary,
    approved_stages,
    basis_digest,
    item_state,
    text_digest,
)
from pctui.model.state import STALE, VALID, WITHDRAWN, standings
from pctui.storage import ConsultationFile
from pctui.storage.header_schema import CONSULTATION_KEYS, INTAKE_KEYS, TOP_KEYS
from pctui.storage.integrity import integrity_warnings
from pctui.storage.item_schema import ITEM_KEYS, REVISION_KEYS, SIGNOFF_KEYS
from pctui.storage.opinion_schema import FORMAT_TWO_ITEM_KEYS, OPINION_KEYS, SUMMARY_KEYS

DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def example(heading: str = "## A minimal example") -> str:
    """The first ```toml block after `heading`."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    match = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert match, "docs/format.md has no ```toml example"
    return match.group(1)


def test_the_example_validates_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example(), encoding="utf-8")
    file = ConsultationFile.load(path)
    assert file.warnings == []
    assert integrity_warnings(file) == []


def test_the_example_shows_what_the_doc_says(tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example(), encoding="utf-8")
    consultation = ConsultationFile.load(path).consultation
    review = consultation.review
    first, second = consultation.items
    assert item_state(first, review) == APPROVED
    assert approved_stages(first, review) == ["担当", "係長", "課長"]
    assert [s.status for s in standings(first, review)] == [STALE, VALID, VALID, VALID]
    assert item_state(second, review) == CHANGES_REQUESTED
    assert [s.status for s in standings(second, review)] == [WITHDRAWN, VALID]
    assert [s.id for s in consultation.sections] == ["1", "2"]
    assert not [item for item in consultation.items if item.section == "2"]


def test_every_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    keys = {*TOP_KEYS, *CONSULTATION_KEYS, *ITEM_KEYS, *REVISION_KEYS, *SIGNOFF_KEYS}
    keys |= {*INTAKE_KEYS, *FORMAT_TWO_ITEM_KEYS, *OPINION_KEYS, *SUMMARY_KEYS, "label"}
    keys |= {"methods", "submitters", "submitter_unit", "stages", "reviewers", "classes"}
    keys |= {"allow_self_approval", "commit"}
    missing = sorted(key for key in keys if f"| `{key}` |" not in text)
    assert missing == []


def test_the_digest_example_is_right() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text_digest("回答") in text


FORMAT_TWO = "## Format 2: one answer, many opinions"


def test_the_format_two_example_validates_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example(FORMAT_TWO), encoding="utf-8")
    file = ConsultationFile.load(path)
    assert file.warnings == []
    assert integrity_warnings(file) == []
    assert file.consultation.format == 2


def test_the_format_two_example_shows_what_the_doc_says(tmp_path: Path) -> None:
    path = tmp_path / "example.toml"
    path.write_text(example(FORMAT_TWO), encoding="utf-8")
    consultation = ConsultationFile.load(path).consultation
    review = consultation.review
    first, second = consultation.items
    assert item_state(first, review) == IN_REVIEW
    assert approved_stages(first, review) == ["担当", "係長"]
    assert [s.basis for s in first.signoffs] == [basis_digest(first)] * 2
    assert item_state(second, review) == DRAFT
    assert [o.label for o in second.opinions] == ["1"]  # restarting in section Ⅱ
    assert [s.label for s in consultation.sections] == ["Ⅰ", "Ⅱ"]
    first.summaries.append(Summary("tanaka", first.summaries[0].at, "別の概要"))
    assert item_state(first, review) == DRAFT
    assert {s.status for s in standings(first, review)} == {STALE}


def test_the_basis_is_computed_as_the_doc_says() -> None:
    """The JSON the doc describes, digested as a revision's text is."""
    item = Item(1, "1", opinions=[Opinion("1", "ア", 3), Opinion("Ⅱ-2", "イ")])
    item.summaries.append(Summary("tanaka", dt.datetime(2025, 1, 1, tzinfo=dt.UTC), "概要"))
    assert basis_digest(item) == text_digest('["概要",["1","ア",3],["Ⅱ-2","イ",1]]')
    assert basis_digest(Item(1, "1", "ア")) == text_digest('[null,["1","ア",1]]')
