"""Ways a consultation file gets broken, as hypothesis strategies over its bytes.

Each mutation is what really happens to a hand-edited, merged or half-copied file: cut
short, lines lost, a value of the wrong type, a key or table twice, bytes that are not
UTF-8, a byte-order mark, Windows line ends. `broken(base)` applies one to three of them
and returns the new bytes with a short description (shown when an example fails).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import strategies as st

Mutation = tuple[bytes, str]
Draw = Callable[..., object]

# The right-hand side of `key = value` on one line (a multi-line value keeps its tail).
_ASSIGNMENT = re.compile(rb"^([ \t]*[A-Za-z0-9_\"'.\- ]+?[ \t]*=[ \t]*)(.*)$", re.MULTILINE)
_TABLE = re.compile(rb"^[ \t]*\[\[?[^\n\]]+\]\]?[ \t]*\r?$", re.MULTILINE)

VALUES = [  # one of each TOML type, and the kinds of junk an editor leaves
    b'"text"', b"42", b"-1", b"0", b"1.5", b"true", b"[]", b'[1, "two"]', b"{ a = 1 }",
    b"{}", b"2025-12-01", b"2025-12-01T09:00:00", b"2025-12-01T09:00:00+09:00", b'""',
    b"'''x'''", b'"""', b"", b"nan", b"9999999999999999999999", b'"\\u0000"', b"[[]]",
]  # fmt: skip
JUNK = [
    b"\xff", b"\xfe", b"\xc3", b"\xe3\x81", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80\x80",
    b"\xf4\x90\x80\x80", b"\x00", b"\r", b"\x1b[31m", b"\xef\xbb\xbf",
]  # fmt: skip
BOM = b"\xef\xbb\xbf"


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


@st.composite
def truncate(draw: Draw, data: bytes) -> Mutation:
    """Cut the file short at any byte (a copy interrupted, a disk that filled up)."""
    at = draw(st.integers(0, len(data)))
    return data[:at], f"truncated at byte {at}"


@st.composite
def delete_lines(draw: Draw, data: bytes) -> Mutation:
    """Lose one to a few consecutive lines (a bad merge, a slip in the editor)."""
    lines = _lines(data)
    if not lines:
        return data, "nothing to delete"
    start = draw(st.integers(0, len(lines) - 1))
    count = draw(st.integers(1, 4))
    return b"".join(lines[:start] + lines[start + count :]), f"deleted lines {start + 1}+{count}"


@st.composite
def swap_type(draw: Draw, data: bytes) -> Mutation:
    """Give a key a value of another type (string <-> int <-> array <-> table …)."""
    found = list(_ASSIGNMENT.finditer(data))
    if not found:
        return data, "no assignment to change"
    match = draw(st.sampled_from(found))
    value = draw(st.sampled_from(VALUES))
    new = data[: match.start(2)] + value + data[match.end(2) :]
    line = data.count(b"\n", 0, match.start()) + 1
    return new, f"line {line}: value -> {value!r}"


@st.composite
def duplicate(draw: Draw, data: bytes) -> Mutation:
    """Write a key line, or a whole table, twice (a merge that kept both sides)."""
    lines = _lines(data)
    if draw(st.booleans()):
        found = list(_ASSIGNMENT.finditer(data))
        if not found:
            return data, "no key to duplicate"
        match = draw(st.sampled_from(found))
        line = data[match.start() : match.end()] + b"\n"
        return data[: match.start()] + line + data[match.start() :], "duplicated a key line"
    heads = [i for i, line in enumerate(lines) if _TABLE.match(line.rstrip(b"\n"))]
    if not heads:
        return data, "no table to duplicate"
    first = draw(st.sampled_from(heads))
    after = [i for i in heads if i > first]
    end = after[0] if after else len(lines)
    block = lines[first:end]
    if draw(st.booleans()):
        block = block[:1]  # only the [header] line
    where = draw(st.sampled_from([first, end]))
    new = b"".join(lines[:where] + block + lines[where:])
    return new, f"duplicated table at line {first + 1} ({len(block)} lines) at line {where + 1}"


@st.composite
def bad_bytes(draw: Draw, data: bytes) -> Mutation:
    """Insert bytes that are not UTF-8 (or a NUL, a CR, an escape) anywhere."""
    at = draw(st.integers(0, len(data)))
    junk = draw(st.sampled_from(JUNK))
    return data[:at] + junk + data[at:], f"inserted {junk!r} at byte {at}"


@st.composite
def overwrite_byte(draw: Draw, data: bytes) -> Mutation:
    """Replace one byte by any byte (a bit flip, a mangled multi-byte character)."""
    if not data:
        return data, "empty"
    at = draw(st.integers(0, len(data) - 1))
    byte = draw(st.integers(0, 255))
    return data[:at] + bytes([byte]) + data[at + 1 :], f"byte {at} -> 0x{byte:02x}"


@st.composite
def bom(draw: Draw, data: bytes) -> Mutation:
    """A byte-order mark at the start (a Windows editor), or twice."""
    times = draw(st.integers(1, 2))
    return BOM * times + data, f"{times} BOM"


@st.composite
def crlf(draw: Draw, data: bytes) -> Mutation:
    """Windows line ends on every line, or on some lines only (a partial paste)."""
    if draw(st.booleans()):
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), "CRLF everywhere"
    lines = _lines(data)
    if not lines:
        return data, "empty"
    picked = draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=8))
    new = [
        line[:-1] + b"\r\n" if i in picked and line.endswith(b"\n") else line
        for i, line in enumerate(lines)
    ]
    return b"".join(new), f"CRLF on lines {sorted(i + 1 for i in picked)}"


@st.composite
def swap_lines(draw: Draw, data: bytes) -> Mutation:
    """Two lines exchanged (a key moved into another table)."""
    lines = _lines(data)
    if len(lines) < 2:
        return data, "too short"
    a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[a], lines[b] = lines[b], lines[a]
    return b"".join(lines), f"swapped lines {a + 1} and {b + 1}"


MUTATIONS = [truncate, delete_lines, swap_type, duplicate, bad_bytes, overwrite_byte, bom, crlf,
             swap_lines]  # fmt: skip


@st.composite
def broken(draw: Draw, base: bytes, most: int = 3) -> Mutation:
    """`base` after one to `most` mutations in a row; returns (bytes, what was done)."""
    data, done = base, []
    for _ in range(draw(st.integers(1, most))):
        mutation = draw(st.sampled_from(MUTATIONS))
        data, what = draw(mutation(data))
        done.append(what)
    return data, "; ".join(done)
