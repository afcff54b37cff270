"""What a command's start skips (issue 19: the start is most of a reading command's time on
a small national file) answers as what it replaces: the --lang read without a parser, the
terminal's width without shutil, one command's parser instead of every command's."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pctui.cli.entry import build_parser, command_named
from pctui.cli.language import _requested_by_argparse, requested

WORDS = st.sampled_from(
    ["--lang", "--lang=", "--lang=ja", "--lang=en", "ja", "en", "fr", "--", "-", "-1", "-x",
     "--item", "3", "status", "f.toml", "", "--lang ja", "--langs", "--json", "-1.5", "--la"]
)  # fmt: skip


def argparse_answer(argv: list[str]) -> tuple[str, str | None]:
    """('value', the value) or ('error', what argparse printed) for the early --lang read."""
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr):
            return "value", _requested_by_argparse(argv)
    except SystemExit:
        return "error", stderr.getvalue()


@given(st.lists(WORDS, max_size=8))
def test_lang_is_read_as_argparse_reads_it(argv: list[str]) -> None:
    expected = argparse_answer(argv)
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr):
            found = "value", requested(argv)
    except SystemExit:
        found = "error", stderr.getvalue()
    assert found == expected


def test_reading_lang_builds_no_parser_for_a_plain_command(monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a parser was built")

    monkeypatch.setattr(argparse.ArgumentParser, "__init__", refuse)
    assert requested(["--lang", "en", "status", "f.toml", "--lang=ja"]) == "ja"
    assert requested(["status", "f.toml"]) is None


COLUMNS_PROBE = """\
import argparse, shutil
from pctui.cli.helpformat import HelpFormatter, terminal_columns
ours, theirs = HelpFormatter("pctui"), argparse.HelpFormatter("pctui")
print(terminal_columns(), shutil.get_terminal_size().columns)
print(ours._width, theirs._width, ours._max_help_position, theirs._max_help_position)
"""


@pytest.mark.parametrize("columns", [None, "50", "0", "-3", "wide", "200"])
def test_the_help_width_is_shutils(columns: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns is not None:
        env["COLUMNS"] = columns
    result = subprocess.run(
        [sys.executable, "-c", COLUMNS_PROBE], capture_output=True, text=True, env=env, check=True
    )
    columns, formatters = result.stdout.splitlines()
    ours, shutils = columns.split()
    assert ours == shutils
    width, argparse_width, position, argparse_position = formatters.split()
    assert (width, position) == (argparse_width, argparse_position)


def choices(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:  # argparse has no public way to list subparsers
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    raise AssertionError("no subcommands")


def test_a_known_command_builds_only_its_own_parser() -> None:
    assert choices(build_parser("status")) == ["status"]
    assert choices(build_parser("withdraw")) == ["signoff", "withdraw"]
    assert "validate" in choices(build_parser(None))


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["status", "f.toml", "extra"],
        ["status", "--bogus", "f.toml"],
        ["--bogus", "status", "f.toml"],
        ["--lang", "en", "status", "--bogus", "f.toml"],
        ["status", "f.toml", "--lang"],
        ["validate", "--json", "f.toml"],
        ["status", "--help"],
        ["-h", "status", "f.toml"],
        ["--", "status", "f.toml"],
        ["--lang", "--", "status", "f.toml"],
        ["--he", "status"],
    ],
)
def test_a_known_commands_parser_says_what_the_whole_parser_says(argv: list[str]) -> None:
    def outcome(parser: argparse.ArgumentParser) -> tuple[str, str, object]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                parsed: object = vars(parser.parse_args(argv))
            except SystemExit as leave:
                parsed = leave.code
        return out.getvalue(), err.getvalue(), parsed

    assert outcome(build_parser(command_named(argv))) == outcome(build_parser(None))
