"""--help in the current language: argparse's own headings translated, and Japanese text
wrapped by terminal cells (a kanji takes two) rather than by characters at spaces."""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterable

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


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with its headings in the current language and Japanese
    text wrapped by cells."""

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
