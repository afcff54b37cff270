"""The grouping screen brings the intake table up to date: after `a` (accept) and `t`
(attach) the file's `[intake]` holds the registry's 通 and 人 by method, read back from
disk; a second action with nothing new to count leaves `[intake]` as it was."""

from __future__ import annotations

from pathlib import Path

from tests.session.format_two_file import write_format_two
from tests.session.group_registry import grouped_registry
from textual.widgets import Input

from pctui.storage import ConsultationFile


def test_a_and_t_put_the_tally_into_intake(make_app, drive, tmp_path: Path) -> None:
    path = write_format_two(tmp_path / "2026-churin.toml")
    registry = grouped_registry(path)
    app = make_app("tanaka", path, groups=registry)
    seen = {}

    async def script(pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        seen["after a"] = path.read_text(encoding="utf-8")
        await pilot.press("j", "t")
        await pilot.pause()
        app.screen.query_one(Input).value = "2"
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script)
    intake = ConsultationFile.load(path).consultation.intake
    # The letters name no method: その他, in the file's language; seven submissions by
    # seven senders of whom none gave a name, e-mail or phone.
    assert intake.submissions == {"電子メール": 0, "その他": 7}
    assert intake.submitters == {"電子メール": 0, "その他": 7}
    assert (intake.submitters_total, intake.opinions_received) == (7, 7)
    after_a = seen["after a"]
    assert "opinions_received = 7" in after_a
    head = path.read_text(encoding="utf-8")
    assert head[: head.index("[review]")] == after_a[: after_a.index("[review]")]
    assert app.said[0][1].endswith("the intake table ([intake]) counted again from the registry")
    assert "counted again" not in app.said[-1][1]
