"""The actions as the app performs them, without the app: saved at once, or refused."""

from __future__ import annotations

from pctui.session import operations
from pctui.storage import ConsultationFile, SaveError


def test_approve_then_refused_twice(disk) -> None:
    file = ConsultationFile.load(disk.path)
    done = operations.approve(file, 7, "tanaka")
    assert done.changed and done.severity == "information"
    assert disk.item(7).signoffs[-1].by == "tanaka"
    again = operations.approve(file, 7, "tanaka")
    assert (again.changed, again.severity) == (False, "error")
    assert again.message.startswith("Refused: you already signed stage '担当'")


def test_a_new_revision_says_when_it_leaves_signoffs_stale(disk) -> None:
    file = ConsultationFile.load(disk.path)
    assert operations.save_revision(file, 10, "yamada", "新しい文", base=1).message == (
        "No.10: saved revision 2"
    )
    assert operations.save_revision(file, 7, "tanaka", "新しい文", base=2).message == (
        "No.7: saved revision 3 (sign-offs of earlier ones are stale)"
    )


def test_an_unknown_item_is_refused(disk) -> None:
    file = ConsultationFile.load(disk.path)
    assert operations.withdraw_mine(file, 99, "tanaka").message == (
        "Refused: there is no item No.99 (items: 1..10)"
    )


def test_a_save_error_says_whether_the_change_is_kept(disk, monkeypatch) -> None:
    file = ConsultationFile.load(disk.path)

    def full(no: int, action: object, also: object = ()) -> None:
        raise SaveError("cannot write 2025-jumin.toml: No space left on device")

    monkeypatch.setattr(file, "transact", full)
    outcome = operations.save_revision(file, 10, "yamada", "新しい文", base=1)
    assert (outcome.severity, outcome.changed) == ("error", False)
    assert outcome.message == "Not saved: cannot write 2025-jumin.toml: No space left on device"
    monkeypatch.setattr(ConsultationFile, "pending", property(lambda self: 1))
    outcome = operations.save_revision(file, 10, "yamada", "新しい文", base=1)
    assert outcome.changed
    assert outcome.message.endswith("\nThe change is kept and is written with your next action.")
