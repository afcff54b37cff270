"""The filter dialog's choices (`f`): each sets one dimension of the list to a typed value."""

from __future__ import annotations

from dataclasses import replace

from pctui.app.screens.filter import FilterChoice, filter_choices
from pctui.model.state import State
from pctui.session.listing import NEEDS_ME, ListFilter


def test_each_filter_choice_sets_one_typed_value(disk) -> None:
    choices = [choice for _label, choice in filter_choices(disk.consultation, "tanaka")]
    states = [choice.state for choice in choices if choice.kind == "state"]
    assert states == [None, NEEDS_ME, *State]
    assert all(type(state) is State for state in states[2:])
    sections = [choice.section for choice in choices if choice.kind == "section"]
    assert sections == [None, *(section.id for section in disk.consultation.sections)]
    assert [choice.kind for choice in choices].count("clear") == 1
    assert all(choice.section is None for choice in choices if choice.kind != "section")


def test_a_choice_sets_its_dimension_and_keeps_the_others() -> None:
    where = ListFilter(state=State.DRAFT, section="2", query="地図")
    assert FilterChoice("state", state=NEEDS_ME).applied_to(where) == replace(where, state=NEEDS_ME)
    assert FilterChoice("section", section="1").applied_to(where) == replace(where, section="1")
    assert FilterChoice("section").applied_to(where) == replace(where, section=None)
    assert FilterChoice("clear").applied_to(where) == ListFilter()
