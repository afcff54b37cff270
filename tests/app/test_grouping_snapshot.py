"""The grouping screen as drawn: groups largest first, the campaign's representative, its
members with the sentence one of them adds highlighted, the keys and the footer."""

from __future__ import annotations

from tests.session.format_two_file import write_format_two
from tests.session.group_registry import grouped_registry


def test_grouping_screen_100x30(make_app, snap_compare, tmp_path) -> None:
    path = write_format_two(tmp_path / "2026-churin.toml")
    app = make_app("tanaka", path, groups=grouped_registry(path))
    assert snap_compare(app, terminal_size=(100, 30))
