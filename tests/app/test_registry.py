"""The action registry: every key defined once, with an id, a label, help and a method."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

from pctui.app.review_actions import ACTIONS, BY_NAME, EDITOR, VIEW, Needs, ReviewAction, bindings
from pctui.app.screens.edit import EditScreen
from pctui.app.screens.review import MainScreen


def test_each_action_has_a_unique_key_id_and_help() -> None:
    keys = [key for action in ACTIONS for key in action.keys.split(",")]
    assert len(keys) == len(set(keys))
    ids = [action.binding_id for action in ACTIONS]
    assert len(ids) == len(set(ids))
    assert all(action.label and action.help.endswith(".") for action in ACTIONS)


def test_the_issue_keys_are_all_bound() -> None:
    bound = {key for action in ACTIONS if action.group != EDITOR for key in action.keys.split(",")}
    contract = {"j", "k", "down", "up", "g", "G", "tab", "n", "N", "a", "x", "u", "e", "E",
                "d", "left_square_bracket", "right_square_bracket", "slash", "f",
                "question_mark", "q"}  # fmt: skip
    assert contract <= bound


def test_every_binding_runs_a_method_of_its_screen() -> None:
    for screen, group in ((MainScreen, None), (EditScreen, EDITOR)):
        for binding in bindings(group):
            assert isinstance(binding, Binding) and binding.id
            assert callable(getattr(screen, f"action_{binding.action}", None)), binding.action
    assert bindings() == MainScreen.BINDINGS


def test_palette_names_read_as_category_and_action() -> None:
    names = {action.name: action.palette_name for action in ACTIONS}
    assert names["approve"] == "Review: Approve the current revision"
    assert names["filter"] == "View: Filter the list by state or section"


def test_the_guide_names_every_action_for_keymaps() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "guide.md").read_text(encoding="utf-8")
    for action in ACTIONS:
        assert f"`{action.name}`" in guide, action.name


def test_rows_name_their_fields_and_what_they_need() -> None:
    with pytest.raises(TypeError):  # positional rows are refused
        ReviewAction("quit", "q", "q", "quit", "Quit.", VIEW)  # type: ignore[misc]
    assert all(isinstance(action.needs, Needs) for action in ACTIONS)
    assert BY_NAME["approve"].needs == Needs.ITEM and BY_NAME["next_item"].needs == Needs.ROWS
    assert BY_NAME["quit"].needs == Needs.NOTHING


def test_an_empty_list_disables_what_needs_an_item_or_rows(make_app, drive) -> None:
    """What each row says it needs is what the screen enforces: with nothing shown, exactly
    the actions needing an item or rows are dimmed (None), the one needing a registry is
    hidden (False: the sample has none); the rest can run."""
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("slash", *"zzz", "enter")
        assert app.main.table.row_count == 0
        for action in ACTIONS:
            if action.group == EDITOR:
                continue
            answer = app.main.check_action(action.name, ())
            if action.needs == Needs.REGISTRY:
                assert answer is False, action.name
                continue
            assert (answer is None) == (action.needs != Needs.NOTHING), action.name

    drive(app, script)
