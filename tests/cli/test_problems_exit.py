"""The one way every command reports a file's problems (load, a phrases.toml, a file the TUI
could not load whole): each on stderr as it is, then exit 2 with the count."""

from __future__ import annotations

import pytest

from pctui.cli.common import BAD_INPUT, problems_exit


@pytest.mark.parametrize(("count", "noun"), [(1, "problem"), (2, "problems")])
def test_each_problem_is_printed_and_the_exit_counts_them(
    capsys: pytest.CaptureFixture[str], count: int, noun: str
) -> None:
    problems = [f"c.toml:{n}:1: items.no must be an integer" for n in range(1, count + 1)]
    exit = problems_exit("c.toml", problems)
    assert capsys.readouterr().err.splitlines() == problems
    assert exit.code == BAD_INPUT
    assert exit.message == f"c.toml: {count} {noun}"
