"""`saved`: the one way the CLI's signoff, withdraw and revise apply an action and save it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pctui.cli.common import BAD_INPUT, FINDING, Exit, saved
from pctui.model import current_login
from pctui.model.actions import sign
from pctui.model.records import APPROVE, Signoff
from pctui.storage import ConsultationFile


def test_the_action_is_saved_and_its_result_returned(small: Path) -> None:
    file = ConsultationFile.load(small)
    result = saved(file, 2, lambda c: sign(c, 2, current_login(), APPROVE))
    assert isinstance(result, Signoff)
    again = ConsultationFile.load(small).consultation.item(2)
    assert again is not None
    assert again.signoffs[-1] == result


def test_a_refusal_exits_1_and_changes_nothing(small: Path) -> None:
    before = small.read_bytes()
    file = ConsultationFile.load(small)
    with pytest.raises(Exit) as leave:
        saved(file, 1, lambda c: sign(c, 1, current_login(), APPROVE))  # every stage signed
    assert leave.value.code == FINDING
    assert leave.value.message.startswith("pctui: refused: ")
    assert small.read_bytes() == before


def test_an_item_that_does_not_exist_exits_2(small: Path) -> None:
    file = ConsultationFile.load(small)
    with pytest.raises(Exit) as leave:
        saved(file, 99, lambda c: sign(c, 99, current_login(), APPROVE))
    assert leave.value.code == BAD_INPUT
    assert leave.value.message.startswith("pctui: argument --item: ")


def test_a_save_that_cannot_happen_exits_1(small: Path) -> None:
    before = small.read_bytes()
    file = ConsultationFile.load(small)
    file.complete = False  # a preview still being read: saving is refused
    with pytest.raises(Exit) as leave:
        saved(file, 2, lambda c: sign(c, 2, current_login(), APPROVE))
    assert leave.value.code == FINDING
    assert leave.value.message.startswith(f"pctui: {small}: still reading the file")
    assert small.read_bytes() == before
