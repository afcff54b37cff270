"""The redaction screen as drawn: the title's counts and filter, the list (those to review
first, then one kept by yamada at a fixed time), the redaction under the cursor in its
opinion with the marker highlighted, and the footer's keys."""

from __future__ import annotations

import datetime as dt

from tests.app.redacted_registry import redacted_registry
from tests.session.format_two_file import write_format_two

from pctui.intake.redaction_review import review
from pctui.intake.registry import Registry
from pctui.storage import ConsultationFile

AT = dt.datetime(2026, 5, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_redaction_screen_110x24(make_app, snap_compare, tmp_path) -> None:
    path = write_format_two(tmp_path / "2026-churin.toml")
    registry = redacted_registry(path)
    with Registry.open(registry) as opened:
        review(opened, ConsultationFile.load(path).consultation, keep=[2], login="yamada", at=AT)
    app = make_app("tanaka", path, groups=registry)
    assert snap_compare(app, press=["R"], terminal_size=(110, 24))
