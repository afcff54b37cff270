"""/ search, f filter, ? help, q quit, and the layout at 80 and 120 columns."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList, Static

from pctui.app.review_actions import ACTIONS
from pctui.app.screens.filter import FilterScreen
from pctui.app.screens.help import HelpScreen
from pctui.app.widgets.search_bar import SearchBar
from pctui.session.listing import ListFilter, needs_signoff, visible_items


def test_slash_searches_opinions_and_responses(make_app, drive, disk) -> None:
    consultation = disk.consultation
    expected = [i.no for i in visible_items(consultation, "x", ListFilter(query="クラウド"))]
    assert 0 < len(expected) < 10
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("slash", *"クラウド", "enter")
        assert app.main.table.numbers == expected
        assert app.focused is app.main.table
        assert "/クラウド" in str(app.main.query_one("#progress", Static).content)

    drive(app, script)


def test_search_matches_full_width_against_half_width(make_app, drive, disk) -> None:
    ismap = [i.no for i in disk.consultation.items if "ISMAP" in i.current.text]
    assert ismap
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("slash", *"ｉｓｍａｐ", "enter")
        assert app.main.table.numbers == ismap

    drive(app, script)


def test_what_is_typed_in_one_burst_after_slash_is_searched(make_app, drive) -> None:
    # Over SSH the keys typed quickly arrive together: they were sent to the list before
    # the search line had the focus ("“I” does nothing here"), and the search was empty.
    app = make_app("yamada")

    async def script(pilot) -> None:
        for key, character in [("slash", "/"), *[(c, c) for c in "ISMAP"], ("slash", "/")]:
            app.post_message(events.Key(key, character))  # not awaited one by one: a burst
        await pilot.pause()
        await pilot.pause()
        assert app.main.query_one(SearchBar).value == "ISMAP/"  # a / in a query stays one
        assert not [said for said in app.said if "does nothing" in said[1]]

    drive(app, script)


def test_escape_closes_search_and_empty_search_shows_everything(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("slash", *"zzz", "escape")
        assert len(app.main.table.numbers) == 10
        await pilot.press("slash", *"zzz", "enter")
        assert app.main.table.numbers == []
        assert app.last_said() == ("warning", "Nothing matches “zzz”.")
        assert app.main.check_action("approve", ()) is None  # nothing selected
        await pilot.press("slash")
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.press("enter")
        assert len(app.main.table.numbers) == 10

    drive(app, script)


def test_f_filters_by_needs_me_and_by_state(make_app, drive, disk) -> None:
    consultation = disk.consultation
    mine = [i.no for i in consultation.items if needs_signoff(consultation, i, "tanaka")]
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert labels[2] == f"needs my sign-off ({len(mine)})"
        await pilot.press("down", "down", "enter")
        assert app.main.table.numbers == mine
        await pilot.press("a")  # approving moves on: No.7 leaves the list
        assert app.main.table.numbers == mine[1:]
        assert app.main.table.selected_no == mine[1]
        await pilot.press("f", *["down"] * labels.index("state: approved (4)"), "enter")
        assert app.main.table.numbers == [1, 2, 3, 4]
        await pilot.press("f", "enter")  # all items
        assert len(app.main.table.numbers) == 10
        await pilot.press("f", "escape")
        assert app.main.is_current

    drive(app, script)


def test_question_mark_shows_every_key(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text
        # Long help is wrapped in the box, Japanese anywhere (no space to break at): compare
        # without the white space the wrapping adds.
        flowing = "".join(text.split())
        for action in ACTIONS:
            assert f"{action.display}  " in text and "".join(action.help.split()) in flowing
        await pilot.press("escape")
        assert app.main.is_current

    drive(app, script)


def test_q_quits_without_asking(make_app, drive, disk) -> None:
    before = disk.bytes()
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("q")

    drive(app, script)
    assert app.return_code == 0
    assert disk.bytes() == before


def test_stacked_below_100_columns_side_by_side_from_100(make_app, drive) -> None:
    for width, expected in ((80, "-narrow"), (99, "-narrow"), (100, "-wide"), (160, "-wide")):
        app = make_app("yamada")

        async def script(pilot, app=app, expected=expected) -> None:
            assert app.main.has_class(expected)
            opinion, response = app.detail.place("opinion"), app.detail.place("response")
            assert opinion is not None and response is not None
            stacked = response[0] > opinion[0]
            assert stacked == (expected == "-narrow")
            assert (response[1] > 0) == (expected == "-wide")  # beside the opinion

        drive(app, script, size=(width, 40))


def test_widening_the_terminal_puts_the_response_beside_the_opinion(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        place = app.detail.place
        assert place("response")[0] > place("opinion")[0]  # 80 columns: stacked
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert app.main.has_class("-wide")
        assert place("response")[0] == place("opinion")[0] and place("response")[1] > 0
        assert all(len(line) <= app.detail.scrollable_content_region.width
                   for line in app.detail.lines)  # fmt: skip
        await pilot.resize_terminal(90, 40)
        await pilot.pause()
        assert place("response")[0] > place("opinion")[0]

    drive(app, script, size=(80, 40))
