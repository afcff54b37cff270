"""A syntax error in the header of a format-2 file is reported once, at its place, and not
followed by a problem for every opinion saying the file is format 1 (the header's facts
are unknown, but its `format = 2` line is not). Issue 17's end-to-end trial found 21
problems for one unclosed string, from every reading command."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import write_format_two

from pctui.base.problems import LoadError
from pctui.storage import ConsultationFile

TITLE = 'title = "駐輪場整備計画（案）"\n'


def _broken(tmp_path: Path) -> Path:
    path = write_format_two(tmp_path / "2026-churin.toml")
    text = path.read_text("utf-8")
    assert TITLE in text
    path.write_text(text.replace(TITLE, 'title = "駐輪場整備計画（案）\n'), "utf-8")
    return path


def test_one_problem_at_the_syntax_error(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    with pytest.raises(LoadError) as raised:
        ConsultationFile.load(path)
    assert [(p.line, p.col) for p in raised.value.problems] == [(5, 20)]


@pytest.mark.parametrize(
    "command", [("validate",), ("status",), ("intake", "status"), ("intake", "tally")]
)
def test_every_reading_command_reports_it_once(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = _broken(tmp_path)
    done = pctui(*command, path.name, cwd=tmp_path)
    assert done.returncode == 2
    located = [line for line in done.stderr.splitlines() if line.startswith(path.name + ":")]
    assert located[0].startswith(f"{path.name}:5:20: ")
    assert "format = 1" not in done.stderr
    assert len(located) == 2  # the syntax error, then "1 problem"


def test_a_literal_string_never_closed_is_reported_where_it_opens(tmp_path: Path) -> None:
    # tomllib looks for the closing ' to the end of the block and reports the end (a line
    # of another table, far from the mistake).
    path = write_format_two(tmp_path / "2026-churin.toml")
    text = path.read_text("utf-8")
    label = text.index('label = "', text.index("[[items.opinions]]"))
    broken = text[:label] + "label = 'unclosed\n" + text[text.index("\n", label) + 1 :]
    path.write_text(broken, "utf-8")
    line = broken.count("\n", 0, label) + 1
    with pytest.raises(LoadError) as raised:
        ConsultationFile.load(path)
    assert [(p.line, p.col) for p in raised.value.problems] == [(line, 9)]
    assert "never closed" in raised.value.problems[0].message
