"""The drafting keys of the review screen: `A` assigns the selected item or every item
shown, `i` writes an internal note shown beside the sign-offs, `h` shows the item's
history; the filter's "assigned to me" and the title's count of my open items."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from pctui.app.screens.assign import AssignScreen
from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.filter import FilterChoice, filter_choices
from pctui.app.screens.item_history import HistoryScreen
from pctui.app.widgets.title_bar import TitleBar
from pctui.model.state import State
from pctui.session.listing import ListFilter

from ..conftest import Disk
from .conftest import MakeApp


def test_a_assigns_the_selected_item_saved_at_once(
    make_app: MakeApp, drive: Callable[..., None], disk: Disk
) -> None:
    app = make_app("sato")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AssignScreen)
        await pilot.press("down", "enter")  # tanaka, then yamada
        await pilot.pause()
        assert app.screen is app.main
        assert "No.1: assigned to yamada (1 item)" in app.last_said()[1]
        assert "drafted by yamada" in app.shown("meta").plain
        assert "0 of mine open" in str(app.main.query_one("#who").render())

    drive(app, script)
    assert [(a.to, a.by) for a in disk.item(1).assignments] == [("yamada", "sato")]
    assert all(not disk.item(no).assignments for no in range(2, 11))


def test_star_in_the_dialog_assigns_every_item_shown(
    make_app: MakeApp, drive: Callable[..., None], disk: Disk
) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        app.main.where = ListFilter(state=State.DRAFT)  # Nos. 7 to 10
        app.main.refresh_view()
        assert app.main.table.numbers == [7, 8, 9, 10]
        await pilot.press("A", "asterisk")
        await pilot.pause()
        assert isinstance(app.screen, AssignScreen) and app.screen.numbers == (7, 8, 9, 10)
        await pilot.press("down", "enter")  # yamada
        await pilot.pause()
        assert "4 of mine open" in str(app.main.query_one(TitleBar).query_one("#who").render())
        app.main.where = FilterChoice("clear").applied_to(app.main.where)
        app.main.where = FilterChoice("mine", mine=True).applied_to(app.main.where)
        app.main.refresh_view()
        assert app.main.table.numbers == [7, 8, 9, 10]

    drive(app, script)
    assert [item.assignee for item in disk.consultation.items] == [None] * 6 + ["yamada"] * 4
    choices = filter_choices(disk.consultation, "yamada")
    mine = [label for label, choice in choices if choice == FilterChoice("mine", mine=True)]
    assert mine == ["assigned to me (4)"]


def test_i_saves_a_note_shown_beside_the_signoffs(
    make_app: MakeApp, drive: Callable[..., None], disk: Disk
) -> None:
    app = make_app("suzuki")

    async def script(pilot: Pilot[None]) -> None:
        assert app.detail.part("notes") is None  # no notes box while there are none
        await pilot.press("i", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CommentScreen)
        assert app.screen.problem_shown == "the note is empty"
        await pilot.press(*"ask the legal team", "enter")
        await pilot.pause()
        assert app.screen is app.main
        assert "ask the legal team" in app.shown("notes").plain
        assert app.detail.place("notes") > app.detail.place("signoffs")

    drive(app, script)
    assert [(n.by, n.text) for n in disk.item(1).notes] == [("suzuki", "ask the legal team")]


def test_h_shows_the_history_with_git_read_in_a_worker(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("yamada")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.history is not None  # git's side was read (here: no repository)
        text = app.screen.text
        assert "revision 1 by" in text and "revision 2 by" in text
        assert "not committed" in text
        assert "the file's own history is shown" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main

    drive(app, script)


def test_at_80_columns_the_history_keeps_each_body_line_indented(
    make_app: MakeApp, drive: Callable[..., None]
) -> None:
    app = make_app("yamada")
    seen: list[str] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press(*"jjjjj", "h")  # No.6: revisions longer than a line at 80 columns
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        seen.extend(app.screen.text.split("\n"))

    drive(app, script, size=(80, 24))
    entries = seen[next(n for n, line in enumerate(seen) if line.startswith("20")) :]
    assert len([line for line in entries if line.startswith("    ")]) > 4
    # Every line is an entry's head (its date) or its body, indented: a wrapped body line
    # used to go on at the left edge, level with the dates.
    assert all(line[:2] == "20" or line.startswith("    ") for line in entries if line), seen
    assert "    まいります。" in seen
