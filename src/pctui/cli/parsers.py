"""What the subcommands' parsers share: the registry each command adds its parser to, the
consultation FILE most of them take and the --item N of those that act on one item."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from pctui.cli.helpformat import HelpFormatter
from pctui.i18n import _


class Commands:
    """The `pctui COMMAND` subcommands: each command module's `add_parser` adds to this.

    It holds what `ArgumentParser.add_subparsers` returns, so that no command module has
    to name the private argparse class of that object in its signature.
    """

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self._subparsers = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    def add(self, name: str, help: str, description: str) -> argparse.ArgumentParser:
        """A new subcommand `name`: `help` is its line in `pctui --help`, `description`
        the text of `pctui NAME --help`."""
        return self._subparsers.add_parser(
            name, help=help, description=description, formatter_class=HelpFormatter
        )

    def add_name(self, name: str) -> None:
        """A subcommand known by name only (not run in this process): `pctui --help` is
        not printed then, but a mistyped command is still told the names there are."""
        self._subparsers.add_parser(name, formatter_class=HelpFormatter)

    @property
    def parsers(self) -> Mapping[str, argparse.ArgumentParser]:
        """Every subcommand's parser by its name, in the order they were added."""
        return self._subparsers.choices


def add_file_argument(parser: argparse.ArgumentParser) -> None:
    """The positional FILE: the consultation the command reads (and may save)."""
    parser.add_argument("file", metavar="FILE", help=_("the consultation TOML file"))


def add_item_argument(
    parser: argparse.ArgumentParser, required: bool = True, help: str | None = None
) -> None:
    """--item N: the No. of the item the command acts on (required unless the command
    needs it only with one of its options, which `help` then names)."""
    text = help or _("the item's No.")
    parser.add_argument("--item", type=int, required=required, metavar="N", help=text)
