"""A login not in [review.reviewers] may draft and nothing else: the title bar says "not a
reviewer (drafts only)", and each key does what that says — `e` saves a revision as that
login, every key that signs, withdraws, assigns, notes or changes an item's opinions is
refused before anything is written."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from pctui.app.screens.edit import EditScreen


def test_the_title_bar_says_drafts_only_and_each_key_does_what_it_says(
    make_app, drive, disk
) -> None:
    app = make_app("guest")
    refused: list[tuple[str, tuple[str, str]]] = []

    async def script(pilot) -> None:
        who = str(app.screen.query_one("#who", Static).render())
        assert who == "guest · not a reviewer (drafts only)"
        await pilot.press("G")
        for key in ("a", "x", "u", "A", "i"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert app.main.is_current, (key, app.screen)  # refused before any dialog opens
            refused.append((key, app.last_said()))
        await pilot.press("e")
        assert isinstance(app.screen, EditScreen)
        app.screen.query_one(TextArea).text = "起案しました。"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.main.is_current

    before = disk.item(10)
    drive(app, script)
    why = "'guest' is not a reviewer of this consultation (see [review.reviewers])"
    for key, (severity, message) in refused:
        # u withdraws one's own sign-off: a login that may sign none has none to withdraw.
        reason = "you have no sign-off on No.10" if key == "u" else why
        assert severity == "error" and reason in message, (key, message)
    after = disk.item(10)
    assert after.signoffs == before.signoffs and after.notes == before.notes
    assert after.assignments == before.assignments
    assert (after.current.author, after.current.text) == ("guest", "起案しました。")
    assert app.last_said() == ("information", "No.10: saved revision 2")
