"""--help in the current language: argparse's own headings translated, and Japanese text
wrapped by terminal cells (a kanji takes two) rather than by characters at spaces."""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from typing import Any

from pctui.i18n import JAPANESE, N_, _, current_language

# argparse's own words in a help page (its gettext domain follows the process locale,
# not --lang, so these are translated here).
ARGPARSE_WORDS = {
    "usage: ": N_("usage: "),
    "positional arguments": N_("positional arguments"),
    "options": N_("options"),
    "show this help message and exit": N_("show this help message and exit"),
    "show program's version number and exit": N_("show program's version number and exit"),
}
# 禁則: never first on a line (closing marks, small kana, the long-vowel mark).
NO_LINE_START = set("、。，．,.）)」』】〕：:；;！!？?ー")
NO_LINE_START |= set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
_TOKEN = re.compile(r"\s+|[^\s]")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _cells(text: str) -> int:
    return sum(2 if _wide(char) else 1 for char in text)


def _join_lines(text: str) -> str:
    """Paragraph text with its line breaks dropped between wide characters (Japanese has
    no spaces between words) and turned into spaces elsewhere."""
    text = text.strip()
    out = []
    for index, char in enumerate(text):
        if char != "\n":
            out.append(char)
        elif _wide(text[index - 1]) and _wide(text[index + 1]):  # stripped: never first or last
            out.append("")
        else:
            out.append(" ")
    return re.sub(r"[ \t]+", " ", "".join(out))


def _pieces(paragraph: str) -> Iterable[str]:
    """Spaces (as " "), runs of narrow characters, and single wide characters."""
    run = ""
    for match in _TOKEN.finditer(paragraph):
        token = match.group()
        if token.isspace() or _wide(token):
            if run:
                yield run
                run = ""
            yield " " if token.isspace() else token
        else:
            run += token
    if run:
        yield run


def wrap_cells(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` terminal cells: at spaces, or between any two wide
    characters, keeping closing punctuation off the start of a line."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(_join_lines(text)):
        if piece == " ":
            line += " " if line else ""
            continue
        if line.strip() and _cells(line + piece) > width and piece[0] not in NO_LINE_START:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, without importing shutil.

    argparse makes a formatter for every argument it adds (to check its metavar), and its
    own asks shutil for the width: importing shutil, with the compression modules it brings,
    cost 2.5 ms of every command's start. The same answer: COLUMNS when it is a positive
    number, else the terminal's width, else 80 (a test holds the two together).
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no stdout (None), or not a terminal
        columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with its headings in the current language and Japanese
    text wrapped by cells."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **more: Any,  # what a later argparse may add (its colour, in 3.14)
    ) -> None:
        if width is None:  # argparse's own: the terminal's width less 2
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width, **more)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """The usage line, headed "usage: " in the current language."""
        super().add_usage(usage, actions, groups, _(ARGPARSE_WORDS["usage: "]) if prefix is None
                          else prefix)  # fmt: skip

    def start_section(self, heading: str | None) -> None:
        """A section, its heading in the current language."""
        super().start_section(_(ARGPARSE_WORDS[heading]) if heading in ARGPARSE_WORDS else heading)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        return _(ARGPARSE_WORDS[text]) if text in ARGPARSE_WORDS else text

    def _split_lines(self, text: str, width: int) -> list[str]:
        if current_language() != JAPANESE:
            return super()._split_lines(text, width)
        return wrap_cells(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if current_language() != JAPANESE:
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_cells(text, width - len(indent)))
