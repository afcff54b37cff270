"""The review screen's footer dims and undims its keys in place as the selection moves:
the same key widgets stay, and each is dimmed exactly when the screen says its action
cannot run, as a footer composed afresh would show it. (Composing the footer again at each
press was half of what a press cost on a file of items in every state.)"""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from pctui.app.screens.review import MainScreen
from pctui.app.widgets.key_footer import KeyFooter


def _keys(app) -> list[FooterKey]:
    return list(app.main.query_one(KeyFooter).query(FooterKey))


def _expected(app) -> list[bool]:
    """Dimmed or not, for each key shown, from the screen's bindings now."""
    enabled = {
        (binding.key, binding.action): can_run
        for _node, binding, can_run, _tip in app.main.active_bindings.values()
    }
    return [not enabled[(key.key, key.action)] for key in _keys(app)]


def test_moving_dims_the_footer_keys_in_place(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.pause()
        first = _keys(app)
        assert first
        states = set()
        for _ in range(len(app.main.table.numbers)):
            await pilot.press("j")
            await pilot.pause()
            keys = _keys(app)
            assert keys == first  # the very same widgets: nothing composed again
            dimmed = [key.has_class("-disabled") for key in keys]
            assert dimmed == _expected(app) == [key._disabled for key in keys]
            states.add(tuple(dimmed))
        assert len(states) == 1  # the sample's items all allow the same keys

    drive(app, script)


def test_a_key_that_cannot_run_is_dimmed_in_place_and_undimmed(
    make_app, drive, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app("yamada")
    check_action = MainScreen.check_action

    def approve_dimmed(screen: MainScreen, action: str, parameters: tuple[object, ...]):
        return None if action == "approve" else check_action(screen, action, parameters)

    async def script(pilot) -> None:
        await pilot.pause()
        first = _keys(app)
        assert not any(key.has_class("-disabled") for key in first)
        monkeypatch.setattr(MainScreen, "check_action", approve_dimmed)
        app.main.refresh_bindings()
        await pilot.pause()
        assert _keys(app) == first
        assert [key.action for key in first if key.has_class("-disabled")] == ["approve"]
        assert [key.has_class("-disabled") for key in first] == _expected(app)
        monkeypatch.setattr(MainScreen, "check_action", check_action)
        app.main.refresh_bindings()
        await pilot.pause()
        assert _keys(app) == first
        assert not any(key.has_class("-disabled") or key._disabled for key in first)

    drive(app, script)
