"""`plain_reading` gives what argparse gives, attribute for attribute, or leaves the command
line to argparse."""

from __future__ import annotations

import random

import pytest

from pctui.cli.entry import build_parser, command_named
from pctui.cli.plain_argv import plain_reading

PLAIN = [
    ["validate", "c.toml"],
    ["validate", "validate"],
    ["status", "c.toml"],
    ["status", "--json", "c.toml"],
    ["status", "c.toml", "--json"],
    ["--lang", "ja", "validate", "c.toml"],
    ["--lang=en", "status", "--json", "c.toml"],
    ["status", "--lang", "ja", "c.toml"],
    ["status", "c.toml", "--lang=ja"],
    ["--lang", "ja", "status", "--lang", "en", "c.toml"],
    ["--lang", "", "status", "c.toml"],
    ["validate", "a file with spaces.toml"],
    ["status", "2025-住民.toml"],
]

NOT_PLAIN = [
    [],
    ["validate"],
    ["status"],
    ["validate", "a.toml", "b.toml"],
    ["validate", "-"],
    ["validate", "--", "c.toml"],
    ["validate", "--help"],
    ["-h"],
    ["status", "--js", "c.toml"],
    ["status", "--board", "c.toml"],
    ["status", "--json", "--json", "c.toml"],
    ["status", "-x", "c.toml"],
    ["--lang"],
    ["status", "c.toml", "--lang"],
    ["--lang", "--json", "status", "c.toml"],
    ["--la", "ja", "status", "c.toml"],
    ["signoff", "c.toml"],
    ["open", "c.toml"],
    ["--version"],
]


def _parsed(argv: list[str]) -> dict[str, object]:
    parser = build_parser(command_named(argv))
    return vars(parser.parse_args(argv))


@pytest.mark.parametrize("argv", PLAIN)
def test_a_plain_command_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    plain = plain_reading(argv)
    assert plain is not None
    assert vars(plain) == _parsed(argv)


@pytest.mark.parametrize("argv", NOT_PLAIN)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert plain_reading(argv) is None


WORDS = ["validate", "status", "--json", "--board", "--lang", "ja", "--lang=en", "c.toml",
         "d.toml", "-", "--", "-h", "--js", "open"]  # fmt: skip


def test_no_command_line_reads_otherwise_than_argparse_reads_it() -> None:
    # Every command line of up to four of these words that plain_reading takes is one
    # argparse reads the same way (and does not refuse).
    chooser = random.Random(19)
    taken = 0
    for _ in range(3000):
        argv = [chooser.choice(WORDS) for _ in range(chooser.randint(1, 4))]
        plain = plain_reading(argv)
        if plain is None:
            continue
        taken += 1
        try:
            parsed = _parsed(argv)
        except SystemExit:
            pytest.fail(f"argparse refuses {argv}, plain_reading took it")
        assert vars(plain) == parsed, argv
    assert taken > 50  # the draw meets the plain shapes often enough to mean something
