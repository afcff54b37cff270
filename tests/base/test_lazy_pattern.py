"""A pattern compiled at its first use behaves as the compiled pattern does."""

from __future__ import annotations

import re

import pytest

from pctui.base.lazy_pattern import lazy_compile


def test_nothing_is_compiled_until_the_first_use() -> None:
    broken = lazy_compile("(unclosed")  # re.compile would raise here
    with pytest.raises(re.error):
        broken.search("unclosed")


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"\d+", 0, "a1b22c333"),
        (r"^item (\d+)$", re.MULTILINE, "item 1\nitem 22\nnot item 3"),
        (r"[<>]", 0, "<b>&</b>"),
        (r"\{([a-z_]+)\}", 0, "{no}: {answer} {Unknown}"),
    ],
)
def test_each_method_answers_as_the_compiled_pattern(pattern: str, flags: int, text: str) -> None:
    lazy, compiled = lazy_compile(pattern, flags), re.compile(pattern, flags)
    for method in ("search", "match", "fullmatch", "findall", "split"):
        theirs = getattr(compiled, method)(text)
        ours = getattr(lazy, method)(text)
        if isinstance(theirs, re.Match):
            assert isinstance(ours, re.Match)
            assert (ours.span(), ours.groups()) == (theirs.span(), theirs.groups())
        else:
            assert ours == theirs
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert lazy.subn("_", text) == compiled.subn("_", text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (pattern, compiled.flags, compiled.groups)


def test_bytes_patterns_and_positions() -> None:
    lazy = lazy_compile(rb"\[\[items\]\]")
    data = b"x = 1\n[[items]]\n[[items]]\n"
    assert [m.start() for m in lazy.finditer(data)] == [6, 16]
    assert lazy.search(data, 7).start() == 16  # type: ignore[union-attr]


def test_compiled_once() -> None:
    lazy = lazy_compile(r"a+")
    first = lazy.search
    lazy.match("aa")
    assert lazy.search == first  # the compiled pattern's method, kept
