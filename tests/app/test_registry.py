"""The action registry: every key defined once, with an id, a label, help and a method."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

from pctui.app.review_actions import ACTIONS, EDITOR, bindings
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
