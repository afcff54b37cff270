"""The TUI opened through a symbolic link saves into the file the link names."""

from __future__ import annotations

import os
from pathlib import Path


def test_a_through_a_link_signs_the_real_file(make_app, drive, disk, tmp_path: Path) -> None:
    disk.path.chmod(0o640)
    link = tmp_path / "shortcut" / "link.toml"
    link.parent.mkdir()
    link.symlink_to(os.path.relpath(disk.path, link.parent))
    app = make_app("tanaka", path=link)

    async def script(pilot) -> None:
        await pilot.press("n", "a")  # n: No.7, written by yamada, not yet signed at 担当
        await pilot.app.workers.wait_for_complete()

    drive(app, script)
    assert link.is_symlink() and link.resolve() == disk.path.resolve()
    assert [(s.stage, s.by) for s in disk.item(7).signoffs][-1] == ("担当", "tanaka")
    assert disk.path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in link.parent.iterdir()) == ["link.toml"]
    assert app.last_said()[0] == "information"
