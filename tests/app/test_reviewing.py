"""Signing from the keyboard: a (approve), x (request changes), u (withdraw) and the
command palette. Each test reads the file back from disk afterwards."""

from __future__ import annotations

from textual.widgets import Input

from pctui.app.screens.comment import CommentScreen
from pctui.model.state import APPROVED, IN_REVIEW, WITHDRAWN, item_state, standings


def test_a_approves_the_current_revision_at_my_stage(make_app, drive, disk) -> None:
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("n", "a")  # n: No.7, written by yamada, not yet signed at 担当

    drive(app, script)
    item = disk.item(7)
    signoff = item.signoffs[-1]
    assert (signoff.stage, signoff.by, signoff.verdict) == ("担当", "tanaka", "approve")
    assert signoff.revision == item.current_index == 2
    assert signoff.digest == item.revisions[1].digest
    assert item_state(item, disk.consultation.review) == IN_REVIEW
    assert app.last_said() == ("information", "No.7: approved revision 2 at 担当; now in-review")


def test_a_completes_the_last_stage(make_app, drive, disk) -> None:
    app = make_app("sato")  # 課長; No.5 has 担当 and 係長

    async def script(pilot) -> None:
        await pilot.press("n")
        assert app.main.table.selected_no == 5
        await pilot.press("a")

    drive(app, script)
    assert item_state(disk.item(5), disk.consultation.review) == APPROVED


def test_a_refused_changes_nothing_and_says_why(make_app, drive, disk) -> None:
    app = make_app("yamada")  # No.1 is approved at every stage already

    async def script(pilot) -> None:
        await pilot.press("a")
        severity, message = app.last_said()
        assert severity == "error"
        assert message.startswith("Refused: ")
        await pilot.press("G", "a")  # No.10 … yamada may sign it: not refused
        assert app.last_said()[0] == "information"

    drive(app, script)
    assert [s.by for s in disk.item(10).signoffs] == ["yamada"]  # the second a only
    assert disk.item(1) == make_app("yamada").file.consultation.item(1)


def test_a_by_someone_who_is_not_a_reviewer_is_refused(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("root")

    async def script(pilot) -> None:
        await pilot.press("G", "a")
        severity, message = app.last_said()
        assert severity == "error"
        assert "'root' is not a reviewer" in message

    drive(app, script)
    assert disk.bytes() == before


def test_a_on_my_own_revision_is_refused(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("G", "a")  # tanaka wrote No.10's draft
        assert "self-approval is off" in app.last_said()[1]

    drive(app, script)
    assert disk.bytes() == before


def test_x_asks_for_a_comment_and_requests_changes(make_app, drive, disk) -> None:
    app = make_app("suzuki")

    async def script(pilot) -> None:
        await pilot.press("n")
        assert app.main.table.selected_no == 7
        await pilot.press("x")
        await pilot.press(*"please cite the law", "enter")

    drive(app, script)
    signoff = disk.item(7).signoffs[-1]
    assert (signoff.by, signoff.stage, signoff.verdict) == ("suzuki", "係長", "reject")
    assert signoff.comment == "please cite the law"
    assert item_state(disk.item(7), disk.consultation.review) == "changes-requested"


def test_x_with_an_empty_comment_keeps_the_dialog_open_and_says_why(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("suzuki")

    async def script(pilot) -> None:
        await pilot.press("n", "x", "a", "b", "escape")
        assert app.main.is_current
        await pilot.press("x", "space", "enter")
        # The dialog stays open and says why, keeping what was typed.
        assert isinstance(app.screen, CommentScreen)
        assert "needs a comment" in app.screen.problem_shown
        assert app.screen.query_one(Input).value == " "
        assert not app.said
        await pilot.press(*"cite the law", "enter")
        assert app.main.is_current

    drive(app, script)
    assert disk.item(7).signoffs[-1].comment == "cite the law"
    assert disk.bytes() != before


def test_x_with_escape_changes_nothing(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("suzuki")

    async def script(pilot) -> None:
        await pilot.press("n", "x", "enter", "escape")
        assert app.main.is_current and not app.said

    drive(app, script)
    assert disk.bytes() == before


def test_u_withdraws_my_signoff_and_keeps_it_for_history(make_app, drive, disk) -> None:
    app = make_app("suzuki")

    async def script(pilot) -> None:
        await pilot.press("j", "j", "j", "j")
        assert app.main.table.selected_no == 5
        await pilot.press("u")
        assert app.last_said()[0] == "warning"
        await pilot.press("u")
        assert app.last_said()[0] == "error"  # nothing left to withdraw

    drive(app, script)
    item = disk.item(5)
    mine = [s for s in standings(item, disk.consultation.review) if s.signoff.by == "suzuki"]
    assert [s.status for s in mine] == [WITHDRAWN]
    assert item_state(item, disk.consultation.review) == IN_REVIEW  # 担当 still stands


def test_the_palette_runs_the_same_actions(make_app, drive, disk) -> None:
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("n", "ctrl+p", *"approve")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script)
    assert disk.item(7).signoffs[-1].by == "tanaka"


def test_the_palette_lists_only_what_can_run(make_app, drive) -> None:
    app = make_app("tanaka")

    async def script(pilot) -> None:
        names = [command.title for command in app.get_system_commands(app.main)]
        assert "Review: Approve the current revision" in names
        assert "View: Quit" in names
        assert "Diff: Diff from an older revision" not in names  # No.1's base is its first

    drive(app, script)
