"""Hostile text (terminal escapes, bidi overrides, markup) is shown inertly everywhere."""

from __future__ import annotations

from pctui.model.actions import revise, sign
from pctui.storage import ConsultationFile

HOSTILE = "\x1b[31m[red]赤[/red]\u202eevil\u202c [b]太[/b]"


def test_escapes_bidi_and_markup_are_shown_as_typed_and_never_reach_the_screen(
    make_app, drive, disk
) -> None:
    other = ConsultationFile.load(disk.path)
    other.transact(10, lambda c: revise(c, 10, "yamada", "前の文。" + HOSTILE, base=1))
    other.transact(10, lambda c: sign(c, 10, "suzuki", "reject", comment=HOSTILE))
    app = make_app("tanaka")

    async def script(pilot) -> None:
        await pilot.press("G")
        shown = "␛[31m[red]赤[/red]\\u202eevil\\u202c [b]太[/b]"
        response = app.shown("response").plain
        assert response == "前の文。" + shown
        assert shown in app.shown("signoffs").plain
        assert shown in app.shown("diff-inline").plain
        screen = app.export_screenshot()
        assert "\x1b[31m" not in screen and "\u202e" not in screen
        assert "[red]赤[/red]" in screen.replace("&#160;", " ")

    drive(app, script)
