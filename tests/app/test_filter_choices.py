"""The filter dialog's choices (`f`): each sets one dimension of the list to a typed value."""

from __future__ import annotations

from pctui.app.screens.filter import filter_choices
from pctui.model.state import State
from pctui.session.listing import NEEDS_ME


def test_each_filter_choice_sets_one_typed_value(disk) -> None:
    choices = [choice for _label, choice in filter_choices(disk.consultation, "tanaka")]
    states = [choice.state for choice in choices if choice.kind == "state"]
    assert states == [None, NEEDS_ME, *State]
    assert all(type(state) is State for state in states[2:])
    sections = [choice.section for choice in choices if choice.kind == "section"]
    assert sections == [None, *(section.id for section in disk.consultation.sections)]
    assert [choice.kind for choice in choices].count("clear") == 1
    assert all(choice.section is None for choice in choices if choice.kind != "section")
