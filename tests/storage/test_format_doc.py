"""docs/format.md: its annotated example validates, and what it says about it holds."""

from __future__ import annotations

import re
from pathlib import Path

from pctui.model import APPROVED, CHANGES_REQUESTED, approved_stages, item_state, text_digest
from pctui.model.state import STALE, VALID, WITHDRAWN, standings
from pctui.storage import ConsultationFile
from pctui.storage.header_schema import CONSULTATION_KEYS, TOP_KEYS
from pctui.storage.integrity import integrity_warnings
from pctui.storage.item_schema import ITEM_KEYS, REVISION_KEYS, SIGNOFF_KEYS

DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def example() -> str:
    """The first ```toml block after the "A minimal example" heading."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## A minimal example") :]
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
    keys |= {"methods", "submitters", "submitter_unit", "stages", "reviewers", "classes"}
    keys |= {"allow_self_approval", "commit"}
    missing = sorted(key for key in keys if f"| `{key}` |" not in text)
    assert missing == []


def test_the_digest_example_is_right() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text_digest("回答") in text
