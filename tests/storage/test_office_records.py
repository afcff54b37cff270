"""`[[items.assignments]]` and `[[items.notes]]` on disk: saved at once by appending, read
back equal in both formats, checked with line:col, and absent from files that never use
them."""

from __future__ import annotations

import datetime as dt
import marshal
from pathlib import Path

from tests.storage.item_text import answered

from pctui.model import add_note, assign
from pctui.model.records import Assignment, Note
from pctui.storage import ConsultationFile
from pctui.storage.flat import flatten, unflatten

from .conftest import Problems, Where, Write
from .format_two_text import FIRST, SECOND
from .format_two_text import HEADER as HEADER_TWO

JST = dt.timezone(dt.timedelta(hours=9))
AT = dt.datetime(2025, 12, 3, 10, 0, tzinfo=JST)
ITEM = answered(1, "1")
SAVED = """\
[[items.assignments]]
to = "yamada"
by = "sato"
at = 2025-12-03T10:00:00+09:00

[[items.notes]]
by = "suzuki"
at = 2025-12-03T10:00:00+09:00
text = \"\"\"法令担当に確認中。
回答は来週。\"\"\"

"""


def _act(path: Path) -> ConsultationFile:
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: assign(c, [1], "yamada", "sato", at=AT))
    file.transact(1, lambda c: add_note(c, 1, "suzuki", "法令担当に確認中。\n回答は来週。", AT))
    return file


def test_an_assignment_and_a_note_are_appended_to_the_item_and_read_back(
    header: str, write: Write
) -> None:
    text = header + ITEM + ITEM.replace("no = 1", "no = 2")
    path = write(text)
    _act(path)
    on_disk = path.read_text(encoding="utf-8")
    assert on_disk == header + ITEM + SAVED + ITEM.replace("no = 1", "no = 2")
    item = ConsultationFile.load(path).consultation.items[0]
    assert item.assignee == "yamada"
    assert item.assignments == [Assignment("yamada", "sato", AT)]
    assert item.notes == [Note("suzuki", AT, "法令担当に確認中。\n回答は来週。")]


def test_a_format_two_item_keeps_them_too(write: Write) -> None:
    path = write(HEADER_TWO + FIRST + SECOND)
    _act(path)
    file = ConsultationFile.load(path)
    first = file.consultation.items[0]
    assert (first.assignee, [n.by for n in first.notes]) == ("yamada", ["suzuki"])
    assert len(first.opinions) == 3  # the rest of the item as it was


def test_a_file_without_them_is_byte_identical_after_an_unrelated_save(
    header: str, write: Write
) -> None:
    text = header + ITEM + ITEM.replace("no = 1", "no = 2")
    path = write(text)
    file = ConsultationFile.load(path)
    file.transact(2, lambda c: add_note(c, 2, "suzuki", "確認", AT))
    assert path.read_text(encoding="utf-8").startswith(header + ITEM)
    assert "[[items.assignments]]" not in path.read_text(encoding="utf-8")


def test_bad_records_are_reported_at_their_place(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    text = (
        header
        + ITEM
        + (
            '[[items.assignments]]\nto = 3\nby = "sato"\nat = 2025-12-03T10:00:00+09:00\n\n'
            '[[items.notes]]\nby = "suzuki"\nat = 2025-12-03\ntext = "メモ"\n\n'
        )
    )
    assert problems(write(text)) == [
        f"{where(text, 'to = 3')}: items.assignments.to must be a string, not an integer",
        f"{where(text, 'at = 2025-12-03', 2)}: items.notes.at must be "
        "a date-time with a UTC offset (e.g. 2025-12-15T10:30:00+09:00), not a date",
    ]


def test_an_assignee_who_is_not_a_reviewer_is_a_located_warning(
    header: str, write: Write, where: Where
) -> None:
    text = (
        header
        + ITEM
        + (
            '[[items.assignments]]\nto = "takahashi"\nby = "sato"\n'
            "at = 2025-12-03T10:00:00+09:00\n\n"
        )
    )
    path = write(text)
    file = ConsultationFile.load(path)
    assert file.consultation.items[0].assignee == "takahashi"
    warnings = [str(w).removeprefix(f"{path}:") for w in file.warnings]
    assert len(warnings) == 1
    place = where(text, '\nto = "takahashi"').split(":")
    at = f"{int(place[0]) + 1}:1"  # the line after the line feed the needle starts with
    assert warnings[0].startswith(f"{at}: warning: assigned to 'takahashi'")


def test_flattened_items_keep_them(header: str, write: Write) -> None:
    path = write(header + ITEM)
    _act(path)
    item = ConsultationFile.load(path).consultation.items[0]
    assert unflatten(marshal.loads(marshal.dumps(flatten(item)))) == item
