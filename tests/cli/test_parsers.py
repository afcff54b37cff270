"""The subcommand registry and the FILE argument: one definition each, used by every command."""

from __future__ import annotations

import argparse
from pathlib import Path

import pctui.cli
from pctui.cli.entry import COMMANDS
from pctui.cli.parsers import Commands, add_file_argument

CLI_SOURCES = sorted(Path(pctui.cli.__file__).parent.glob("*.py"))


def test_no_command_names_argparses_private_subparsers_class() -> None:
    named = [p.name for p in CLI_SOURCES if "_SubParsersAction" in p.read_text("utf-8")]
    assert named == []


def test_the_file_argument_is_declared_in_one_place() -> None:
    declared = [
        p.name for p in CLI_SOURCES for line in p.read_text("utf-8").splitlines()
        if 'add_argument("file"' in line
    ]  # fmt: skip
    assert declared == ["parsers.py"]


def test_every_command_module_registers_through_the_registry() -> None:
    parser = argparse.ArgumentParser(prog="pctui")
    commands = Commands(parser)
    for module in dict.fromkeys(COMMANDS.values()):
        __import__(f"pctui.cli.{module}", fromlist=["add_parser"]).add_parser(commands)
    assert list(commands.parsers) == list(COMMANDS)


def test_a_command_added_by_name_only_is_still_a_choice() -> None:
    parser = argparse.ArgumentParser(prog="pctui", exit_on_error=False)
    commands = Commands(parser)
    status = commands.add("status", help="where items stand", description="all of it")
    add_file_argument(status)
    commands.add_name("open")
    assert parser.parse_args(["status", "consultation.toml"]).file == "consultation.toml"
    assert list(commands.parsers) == ["status", "open"]
    assert "where items stand" in parser.format_help()
    assert "all of it" in status.format_help()
    assert "FILE" in status.format_usage()


def test_the_item_argument_is_declared_in_one_place() -> None:
    declared = [
        p.name for p in CLI_SOURCES for line in p.read_text("utf-8").splitlines()
        if 'add_argument("--item"' in line
    ]  # fmt: skip
    assert declared == ["parsers.py"]
