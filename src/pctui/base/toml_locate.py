"""Where a key stands in the text, so schema problems point at a line and column.

Parsers hand back plain values without positions, so this scans the (small) chunk's lines
for table headers and `key =` lines; it runs only when there is a problem to report.
"""

from __future__ import annotations

import re
from functools import cached_property

from pctui.base.lazy_pattern import lazy_compile
from pctui.base.toml_strings import multiline_strings

_HEADER = lazy_compile(r"^[ \t]*(\[\[?)[ \t]*([^\]\n]+?)[ \t]*\]\]?")
_KEY = lazy_compile(r"""^[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*[=.]""")


def _unescaped(quoted: str | None) -> str | None:
    """A "quoted" key's text with its escapes (`\\n`, `\\u0000`) read as TOML reads them."""
    if not quoted or "\\" not in quoted:
        return None
    import tomllib  # only for a quoted key with an escape, seldom met

    try:
        key: str = tomllib.loads(f'"{quoted}" = 0').popitem()[0]
    except tomllib.TOMLDecodeError:
        return None
    return key


class Locator:
    """Finds positions in a chunk of text that starts at 1-based line `base_line`."""

    def __init__(self, text: str, base_line: int = 1) -> None:
        self.text = text
        self.base_line = base_line

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def _in_string(self) -> set[int]:
        """0-based numbers of the lines that begin inside a multi-line string.

        Such a line may look like a table header or a `key =` line (an opinion quoting
        TOML, a note starting with "[注]") but is text, so it is never a place to point at.
        """
        inside: set[int] = set()
        for opened, closed in multiline_strings(self.text):
            first = self.text.count("\n", 0, opened) + 1
            last = self.text.count("\n", 0, closed) if closed is not None else len(self._lines) - 1
            inside.update(range(first, last + 1))
        return inside

    @cached_property
    def _tables(self) -> list[tuple[str, int]]:
        """(dotted table name, 0-based line) for every table header, in order."""
        found: list[tuple[str, int]] = []
        for number, line in enumerate(self._lines):
            if number in self._in_string:
                continue
            match = _HEADER.match(line)
            if match:
                name = re.sub(r"[ \t]*\.[ \t]*", ".", match.group(2)).replace('"', "")
                found.append((name, number))
        return found

    def _table_span(self, table: str, index: int) -> tuple[int, int] | None:
        """0-based [first, end) lines of the `index`-th table named `table` ("" = top)."""
        if table == "":
            end = self._tables[0][1] if self._tables else len(self._lines)
            return 0, end
        seen = 0
        for position, (name, number) in enumerate(self._tables):
            if name == table:
                if seen == index:
                    following = [n for _, n in self._tables[position + 1 :]]
                    return number, following[0] if following else len(self._lines)
                seen += 1
        return None

    def _sub_table(self, table: str, first: int, key: str) -> int | None:
        """0-based line of `[table.key]` (or `[[table.key]]`) in the table at line `first`.

        For a key written as a table of its own rather than as `key = …`; None if absent.
        """
        sub = f"{table}.{key}" if table else key
        for name, number in self._tables:
            if number < first:
                continue
            if number > first and table and name == table:
                break  # the next instance of the same array of tables
            if name == sub or name.startswith(sub + "."):
                return number
        return None

    def find(self, table: str, index: int = 0, key: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `index`-th `table`, or the nearest known place.

        Falls back to the table header, then to the chunk's first line.
        """
        span = self._table_span(table, index)
        if span is None:
            if "." in table and index == 0:
                # Written inline (`reviewers = { … }` in `[review]`): point at that key.
                parent, _, name = table.rpartition(".")
                return self.find(parent, 0, name)
            return self.base_line, 1
        first, end = span
        if key is not None:
            for number in range(first, end):
                if number in self._in_string:
                    continue
                line = self._lines[number]
                match = _KEY.match(line)
                if match and key in (*match.groups(), _unescaped(match.group(1))):
                    column = len(line) - len(line.lstrip(" \t")) + 1
                    return self.base_line + number, column
            sub = self._sub_table(table, first, key)
            if sub is not None:
                first = sub
        column = len(self._lines[first]) - len(self._lines[first].lstrip(" \t")) + 1
        return self.base_line + first, column
