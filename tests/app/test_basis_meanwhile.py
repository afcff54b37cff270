"""Approving an item whose opinions or summary another reviewer changed in the moment
before `a` (format 2): a sign-off approves the answer to the opinions as summarised on the
reviewer's screen, so it is refused, nothing written, as for a revision saved meanwhile
(docs/git.md, "Several reviewers on one server"); read again, it may be signed."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two

from pctui.model import basis_digest
from pctui.session import operations, opinion_actions
from pctui.storage import ConsultationFile

LOGIN = "tanaka"  # a reviewer of the file: who moves, merges and splits


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


def test_a_summary_written_meanwhile_is_not_approved_unseen(make_app, drive, path) -> None:
    app = make_app("yamada", path)

    async def script(pilot) -> None:
        await pilot.press("j", "j")
        shown = app.main.selected
        assert shown is not None and shown.no == 3 and shown.summary is None
        other = ConsultationFile.load(path)  # tanaka, in another terminal, before the poll
        assert opinion_actions.write_summary(other, 3, "tanaka", "賛成のご意見").changed
        before = path.read_bytes()
        await pilot.press("a")
        severity, message = app.last_said()
        assert severity == "error"
        assert "No.3 changed meanwhile" in message and "summary" in message
        assert path.read_bytes() == before
        await pilot.pause()  # the screen now shows the summary: read, it may be approved
        assert app.main.selected.summary is not None
        await pilot.press("a")
        await pilot.pause()
        item = ConsultationFile.load(path).consultation.item(3)
        assert item is not None and item.signoffs[-1].by == "yamada"
        assert item.signoffs[-1].basis == basis_digest(item)

    drive(app, script)


def test_changes_requested_on_opinions_moved_meanwhile_are_refused(path: Path) -> None:
    """The same for `x` (request changes), through the operations the screen calls."""
    mine = ConsultationFile.load(path)
    item = mine.consultation.item(1)
    assert item is not None
    seen = (item.current_index, basis_digest(item))
    other = ConsultationFile.load(path)
    assert opinion_actions.move(other, 1, "4", 2, LOGIN).changed
    before = path.read_bytes()
    done = operations.request_changes(mine, 1, "suzuki", "根拠を", *seen)
    assert not done.changed and "No.1 changed meanwhile" in done.message
    assert path.read_bytes() == before
