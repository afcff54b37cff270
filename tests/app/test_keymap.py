"""A keymap file rebinds actions by name; mistakes are reported and the defaults kept."""

from __future__ import annotations

import re
from pathlib import Path

from pctui.app.review_actions import BINDING_IDS
from pctui.app.screens.help import HelpScreen
from pctui.session.keymap import load_keymap
from pctui.storage import ConsultationFile


def test_load_keymap_maps_names_to_binding_ids(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\napprove = "A"\nnext_item = "j, ctrl+n"\n', encoding="utf-8")
    assert load_keymap(path, BINDING_IDS) == (
        {"pctui.approve": "A", "pctui.next_item": "j,ctrl+n"},
        [],
    )
    assert load_keymap(tmp_path / "missing.toml", BINDING_IDS) == ({}, [])


def test_mistakes_are_reported_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\naprove = "A"\nquit = 3\n', encoding="utf-8")
    keymap, problems = load_keymap(path, BINDING_IDS)
    assert keymap == {}
    assert problems == [
        f"{path}: unknown action 'aprove' in [keys]; did you mean 'approve'?",
        f'{path}: keys.quit must be a string such as "A" or "j,down"',
    ]
    path.write_text("[keys\n", encoding="utf-8")
    assert load_keymap(path, BINDING_IDS)[1][0].startswith(f"{path}: not valid TOML: ")


def test_a_rebound_key_approves_and_the_old_one_does_not(
    make_app, drive, disk, sample_path, tmp_path
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\napprove = "A"\nnonsense = "z"\n', encoding="utf-8")
    app = type(make_app())(ConsultationFile.load(sample_path), "tanaka", watch_interval=None,
                           keymap=keymap)  # fmt: skip

    async def script(pilot) -> None:
        assert app.said[0][0] == "warning" and "unknown action 'nonsense'" in app.said[0][1]
        before = len(disk.item(7).signoffs)
        await pilot.press("n", "a")
        assert len(disk.item(7).signoffs) == before
        await pilot.press("A")
        assert len(disk.item(7).signoffs) == before + 1
        assert disk.item(7).signoffs[-1].revision == 2
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert re.search(r"^  A +Approve the current revision", app.screen.text, re.M)

    drive(app, script)
