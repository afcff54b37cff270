"""Assigning and notes as the app performs them: saved at once, told in words, a refusal
changing nothing; and the list's "assigned to me"."""

from __future__ import annotations

from pctui.session.listing import ListFilter, visible_items
from pctui.session.office_operations import assign_items, write_note
from pctui.storage import ConsultationFile

from ..conftest import Disk


def test_assigning_several_items_is_one_save_told_in_words(disk: Disk) -> None:
    file = ConsultationFile.load(disk.path)
    told = assign_items(file, [7, 8], "yamada", "sato")
    assert told.message == "No.7, No.8: assigned to yamada (2 items)"
    assert [disk.item(no).assignee for no in (7, 8, 9)] == ["yamada", "yamada", None]
    shown = visible_items(disk.consultation, "yamada", ListFilter(mine=True))
    assert [item.no for item in shown] == [7, 8]
    assert ListFilter(mine=True).describe() == "assigned to me"


def test_a_refused_assignment_or_note_changes_nothing(disk: Disk) -> None:
    before = disk.bytes
    file = ConsultationFile.load(disk.path)
    told = assign_items(file, [7], "outsider", "sato")
    assert (told.severity, told.changed) == ("error", False)
    assert told.message.startswith("Refused: 'outsider' is not a reviewer")
    told = write_note(file, 7, "sato", "   ")
    assert (told.severity, told.message) == ("error", "Refused: the note is empty")
    assert disk.bytes == before
    assert write_note(file, 7, "sato", "確認").message == "No.7: note by sato saved"
