"""The layout of what the grouping screen writes: a file that had no items gets its first
`[[items]]` after a blank line, and an item's opinions are one blank line apart, as in a
file written by `pctui migrate` (issue 17's end-to-end trial found neither)."""

from __future__ import annotations

from pathlib import Path

from tests.console import pctui
from tests.session.format_two_file import add_reviewer, write_format_two
from tests.session.group_registry import grouped_registry

from pctui.intake.registry import Registry
from pctui.model.identity import current_login
from pctui.session import group_review
from pctui.storage import ConsultationFile


def _header_only(path: Path) -> Path:
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("[[items]]")].rstrip("\n") + "\n", "utf-8")
    return path


def test_first_item_and_second_opinion_are_laid_out_as_elsewhere(tmp_path: Path) -> None:
    path = _header_only(write_format_two(tmp_path / "2026-churin.toml"))
    with Registry.open(grouped_registry(path)) as registry:
        done = group_review.accept(
            ConsultationFile.load(path), registry, "G-2026-0001-1", login="yamada"
        )
        assert done.changed, done.message
        done = group_review.attach(
            ConsultationFile.load(path), registry, "G-2026-0005-1", 1, login="yamada"
        )
        assert done.changed, done.message
    text = path.read_text("utf-8")
    assert "\n\n[[items]]\nno = 1\n" in text
    assert "\n\n\n" not in text
    assert text.count("[[items.opinions]]") == 2
    assert len(ConsultationFile.load(path).consultation.item(1).opinions) == 2  # type: ignore[union-attr]


def test_the_intake_table_added_by_a_tally_keeps_the_blank_line_before_the_items(
    tmp_path: Path,
) -> None:
    # The login running the tests is a reviewer: --write is a reviewer's act.
    path = add_reviewer(write_format_two(tmp_path / "2026-churin.toml"), current_login())
    text = path.read_text("utf-8")
    start = text.index("[intake]\n")
    path.write_text(text[:start] + text[text.index("\n\n", start) + 2 :], "utf-8")
    grouped_registry(path)
    done = pctui("intake", "tally", path.name, "--write", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = path.read_text("utf-8")
    assert "opinions_received = 7\n\n[[items]]\n" in text
    assert "\n\n\n" not in text
