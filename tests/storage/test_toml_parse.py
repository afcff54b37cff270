"""The fast chunk parser must read exactly what tomllib reads, and refuse what it refuses."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pctui.storage import toml_parse
from pctui.storage.chunks import ITEM_HEADER, item_starts, split

ROOT = Path(__file__).resolve().parents[2]

# Pieces of TOML 1.0 and of what only TOML 1.1 accepts, to be strung together.
FRAGMENTS = [
    "a = ", "b.c = ", '"q k" = ', "[t]", "[[items]]", "[items.x]", "\n", "\r\n", " ", "#c\n",
    "1", "1e400", "-0.0", "0x1F", "1_000", "99999999999999999999", "true", "nan", "inf",
    '"s"', "'lit'", '"\\u00e9"', '"\\e"', '"\\x41"', '"\\\\e"', '"""\nml\n"""', "'''\nml'''",
    "2025-01-02", "2025-01-02T03:04:05+09:00", "2025-01-02T03:04:05Z", "2025-01-02T03:04Z",
    "2025-01-02 03:04:05", "03:04:05", "03:04", "2025-01-02T03:04+09:00", "24:00:00",
    "{x = 1}", "{x = 1,}", "{\nx = 1}", "[1, 2]", "[1, 2,]", "[\n1,\n]", "=", ",", "]", "}",
    '"""', "'''", "\r", "\x01", "\x7f", "\u202e", "意見", "\ufeff",
]  # fmt: skip


def same(ours: Any, reference: Any) -> bool:
    """Equal values of equal types, date-times with the same offset."""
    if isinstance(reference, dict):
        return (
            isinstance(ours, dict)
            and list(ours) == list(reference)
            and all(same(ours[k], reference[k]) for k in reference)
        )
    if isinstance(reference, list):
        return (
            isinstance(ours, list)
            and len(ours) == len(reference)
            and all(same(a, b) for a, b in zip(ours, reference, strict=True))
        )
    if isinstance(reference, float) and reference != reference:
        return isinstance(ours, float) and ours != ours
    if isinstance(reference, dt.datetime | dt.time):
        return type(ours) is type(reference) and (
            ours == reference and ours.utcoffset() == reference.utcoffset()
        )
    return type(ours) is type(reference) and ours == reference


def check(text: str) -> None:
    """pctui reads `text` as tomllib does; so does toml-rs on its own (a text it refused
    would only be read slower, through tomllib, and go unnoticed), but for a leading BOM."""
    fast = toml_parse._fast
    assert fast is not None
    bom = text.startswith("\ufeff")
    try:
        reference = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        with pytest.raises(tomllib.TOMLDecodeError):
            toml_parse.loads(text)
        if not bom:
            with pytest.raises(Exception):  # noqa: B017 (toml-rs raises its own error type)
                fast(text)
        return
    assert same(toml_parse.loads(text), reference)
    if not bom:
        assert same(fast(text), reference)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
@example(["a = ", "{x = 1,}"])
@example(["a = ", '"\\e"'])
@example(["a = ", "03:04"])
@example(["a = ", "2025-01-02T03:04+09:00"])
@example(["a = ", "1e400"])
@example(["a = ", '"""', "\r\n", "x", '"""'])
def test_agrees_with_tomllib_on_any_string_of_fragments(parts: list[str]) -> None:
    check("".join(parts))


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_agrees_with_tomllib_on_any_text_in_a_string(text: str) -> None:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    check(f'a = """{escaped}"""\nb = 2025-01-02T03:04:05+09:00\n')


def test_agrees_on_every_chunk_of_the_sample() -> None:
    header, chunks = split((ROOT / "consultations" / "2025-jumin.toml").read_text("utf-8"))
    for chunk in [header, *chunks]:
        check(chunk.text)


def test_times_without_seconds_and_inline_tables_go_to_tomllib() -> None:
    for text in ("a = {x = 1,}", 'a = "\\e"', "a = 03:04", "a = 2025-01-02T03:04Z"):
        with pytest.raises(tomllib.TOMLDecodeError):
            toml_parse.loads(text)


def test_the_fast_parser_reads_offset_datetimes_as_tomllib_does() -> None:
    # It is a dependency: without it national files read ten times slower, unnoticed.
    assert toml_parse.fast_parser()
    assert toml_parse._fast is not None
    text = (
        "a = 2025-01-02T03:04:05+09:00\nb = 2025-01-02 03:04:05.5-05:30\nc = 1979-05-27T07:32:00Z\n"
    )
    ours = toml_parse._fast(text)
    assert same(ours, tomllib.loads(text))
    assert all(type(value.tzinfo) is dt.timezone for value in ours.values())


def test_a_leading_bom_is_refused_as_tomllib_refuses_it() -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        toml_parse.loads("\ufeffa = 1\n")


HEADER_PARTS = ["[[items]]", "[[ items ]]", " ", "\t", "\n", "\r\n", "x", "#c", "'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEADER_PARTS), max_size=14))
def test_item_boundaries_found_fast_are_those_of_the_line_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    assert item_starts(text) == [m.start() for m in ITEM_HEADER.finditer(text)]


@pytest.mark.parametrize("byte", [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
def test_toml_refuses_every_raw_control_but_tab_line_feed_and_a_line_ending_cr(byte: int) -> None:
    # `validate` trusts this of a file read in one parse (pctui.base.inert's
    # holds_suspect_toml searches its bytes for a carriage return only, not each control).
    char = chr(byte)
    for text in (
        f'a = "x{char}y"', f'a = """x{char}y"""', f"a = 'x{char}y'", f"a = '''x{char}y'''",
        f"a = 1 # x{char}y", f"a{char} = 1", f'"k{char}" = 1', f"a = 1{char}",
        f"[t{char}]", f"a = [1,{char}2]",
    ):  # fmt: skip
        if char == "\r" and text == f"a = 1{char}":
            continue  # "a = 1\r\n": a CRLF line end, which holds_suspect_toml searches for
        with pytest.raises(toml_parse.decode_error()):
            toml_parse.loads(text + "\n")
        assert toml_parse.fast_loads(text + "\n") is None  # toml-rs itself refuses it
