"""Every subcommand has --help; bad arguments exit 2 without a traceback."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui import __version__
from pctui.cli.entry import build_parser

Run = Callable[..., subprocess.CompletedProcess[str]]


def subcommands() -> list[str]:
    """The names of every registered subcommand."""
    parser = build_parser()
    for action in parser._actions:  # argparse has no public way to list subparsers
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("no subcommands")


def test_the_core_commands_exist() -> None:
    assert {"open", "validate", "status", "signoff", "withdraw", "revise"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help(pctui: Run, command: str) -> None:
    result = pctui(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: pctui {command} ")
    assert result.stderr == ""


def test_top_level_help_lists_every_subcommand(pctui: Run) -> None:
    result = pctui("--help")
    assert result.returncode == 0
    for command in subcommands():
        assert command in result.stdout


def test_version(pctui: Run) -> None:
    result = pctui("--version")
    assert (result.returncode, result.stdout) == (0, f"pctui {__version__}\n")


def test_no_command_prints_help_and_exits_2(pctui: Run) -> None:
    result = pctui()
    assert result.returncode == 2
    assert result.stderr.startswith("usage: pctui")


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--frobnicate", "x.toml"),
        ("status", "--jsn", "x.toml"),
        ("signoff", "x.toml"),  # --item is required
        ("revise", "x.toml", "--item", "1"),  # --text or --from-file is required
        ("revise", "x.toml", "--item", "1", "--text", "a", "--from-file", "b"),
        ("validate",),
        ("nonsense",),
    ],
)
def test_bad_arguments_exit_2(pctui: Run, args: tuple[str, ...]) -> None:
    result = pctui(*args)
    assert result.returncode == 2
    assert "usage: pctui" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["validate", "status", "signoff", "withdraw", "revise"])
def test_a_missing_file_is_reported_at_1_1(pctui: Run, tmp_path: Path, command: str) -> None:
    missing = tmp_path / "missing.toml"
    extra = {"signoff": ["--item", "1"], "withdraw": ["--item", "1"]}
    extra["revise"] = ["--item", "1", "--text", "x"]
    result = pctui(command, missing, *extra.get(command, []))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{missing}:1:1: no such file"
    assert "Traceback" not in result.stderr


def test_open_on_a_missing_file_does_not_start_the_tui(pctui: Run, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    result = pctui("open", missing)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{missing}:1:1: no such file"


def test_a_command_imports_only_its_own_module() -> None:
    # `pctui status` on a small file: start-up is most of its time, so it does not import
    # the publisher, the importer or git; every command is still known by name.
    code = (
        "import sys; from pctui.cli.entry import build_parser, command_named; "
        "parser = build_parser(command_named(['--lang', 'en', 'status', 'f.toml'])); "
        "print(sorted(m for m in sys.modules if m.startswith(('pctui.publish', "
        "'pctui.importer', 'pctui.git', 'pctui.cli.audit', 'openpyxl'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["status", "f.toml"], "status"),
        (["--lang", "ja", "validate", "f"], "validate"),
        (["--lang=en", "withdraw", "f"], "withdraw"),
        (["--version"], None),
        (["nonsense", "status"], None),
        ([], None),
    ],
)
def test_the_command_is_found_past_the_top_level_options(argv, command) -> None:
    from pctui.cli.entry import command_named

    assert command_named(argv) == command


def _intake_subcommands() -> list[str]:
    parser = build_parser("intake")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            intake = action.choices["intake"]
            for inner in intake._actions:
                if isinstance(inner, argparse._SubParsersAction):
                    return sorted(inner.choices)
    raise AssertionError("no intake subcommands")


def test_the_readme_lists_every_command() -> None:
    # A new user learns the commands from the README's table: one missing there is one
    # they never hear of (summary, move-opinion, merge-items, split-item and intake tally
    # were). merge-driver is run by git, not by a person.
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `pctui ")]
    commands = [c for c in subcommands() if c not in ("merge-driver", "intake")]
    commands += [f"intake {c}" for c in _intake_subcommands()]
    missing = [c for c in commands if not any(f"| `pctui {c}" in line for line in table)]
    assert missing == []


def test_the_intake_summary_names_more_than_import_and_status(pctui: Run) -> None:
    # It said "import, status" while intake also groups and turns groups into items.
    result = pctui("--lang", "en", "--help")
    (line,) = [line for line in result.stdout.splitlines() if line.split()[:1] == ["intake"]]
    assert "group" in line and "review" in line
