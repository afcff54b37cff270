"""`json.dumps(data, ensure_ascii=False, indent=2)`, the same text in a fraction of the time.

With an indent, Python 3.11's json module leaves its C encoder for one in pure Python that
yields every comma, colon and indentation as a separate piece through nested generators:
`status --json` of 10,000 items spent 75 ms there. This one encodes strings with the C
string encoder and joins each container's lines at once. It handles what commands print
(dicts with string keys, lists, tuples, strings, ints, finite floats, booleans, None, and
subclasses such as a StrEnum state) and `Rows`, a list of objects held column by column;
anything else (NaN, a number as a key, a set …) goes to `json.dumps` itself, so the result
is always exactly json's.

Each call can also tell which strings it wrote (`texts`): everything else in the output is
ASCII punctuation, digits, letters of `true`/`false`/`null` and line feeds, so a caller that
must know whether the output holds a control or bidi character need only ask those
strings, not the whole output (see `pctui.cli.output.json_text`).
"""

from __future__ import annotations

import math
from _json import encode_basestring  # json's C string encoder (ensure_ascii=False)
from collections.abc import Iterable, Sequence
from itertools import chain, repeat
from typing import Any

INDENT = "  "
# Each key as it is written ("\"no\": "): the 10,000 rows of a status repeat six keys.
_NAMED: dict[str, str] = {}
# A column whose distinct values are at most this share of its rows is written value by
# distinct value, and a run of such columns as one piece per distinct run (status's rows:
# each a No. and one of a few runs of section, state, stages and revision).
_FEW = 0.25


class Rows:
    """Objects with the same keys, held as one list of values per key: written as the list
    of those objects (`dicts`), without making 10,000 dictionaries to write them."""

    __slots__ = ("columns", "keys")

    def __init__(self, keys: Sequence[str], columns: Sequence[Sequence[Any]]) -> None:
        if len(keys) != len(columns) or not columns:
            raise ValueError("Rows needs one column per key, and at least one")
        self.keys = list(keys)
        self.columns = list(columns)

    def add(self, key: str, column: Sequence[Any]) -> None:
        """One more key, with its value in each row."""
        self.keys.append(key)
        self.columns.append(column)

    def dicts(self) -> list[dict[str, Any]]:
        """The rows as dictionaries, each with lists of its own (a column may share one
        list between rows)."""
        return [
            {key: list(value) if type(value) is list else value for key, value in row}
            for row in map(zip, repeat(self.keys), zip(*self.columns, strict=True))
        ]


class _Unusual(Exception):
    """A value this encoder leaves to json (a key that is not a string, a set, NaN …)."""


def indented_json(data: Any, texts: list[str] | None = None) -> str:
    """`data` as `json.dumps(data, ensure_ascii=False, indent=2)` writes it (a `Rows` as
    its list of objects). With `texts`, every string the output holds (keys and values,
    each at least once, unescaped) is added to it; if json itself wrote the output, the
    whole output is."""
    written: list[str] = [] if texts is None else texts
    try:
        return _value(data, "\n", written)
    except _Unusual:
        import json  # 2 ms of start-up, for what no command prints

        text = json.dumps(data, ensure_ascii=False, indent=2, default=_rows_as_dicts)
        written.append(text)
        return text


def _rows_as_dicts(value: Any) -> Any:
    if isinstance(value, Rows):
        return value.dicts()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _value(value: Any, newline: str, texts: list[str]) -> str:
    """`value` encoded, `newline` being the line break and indentation of its own level."""
    kind = type(value)
    if kind is str:
        texts.append(value)
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + INDENT
        between = "," + inner
        # Each key, value and comma a piece, joined once: the value of "items" is 1.7 MB,
        # which `named + value` and each enclosing join would copy again.
        pieces = []
        for key, item in value.items():
            named = _NAMED.get(key)
            if named is None:
                if not isinstance(key, str):
                    raise _Unusual
                named = _NAMED[key] = encode_basestring(key) + ": "
            texts.append(key)
            pieces.append(between)
            pieces.append(named)
            kind = type(item)
            if kind is str or (kind is not bool and isinstance(item, str)):  # a StrEnum too
                texts.append(item)
                pieces.append(encode_basestring(item))
            elif kind is int:
                pieces.append(int.__repr__(item))
            elif kind is list and not item:
                pieces.append("[]")
            else:
                pieces.append(_value(item, inner, texts))
        pieces[0] = "{" + inner
        pieces.append(newline + "}")
        return "".join(pieces)
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + INDENT
        kinds = set(map(type, value))
        if kinds == {str}:  # the stages of 10,000 items: no call each
            texts.extend(value)
            return "[" + inner + ("," + inner).join(map(encode_basestring, value)) + newline + "]"
        if kinds == {int}:  # the items where it is a login's turn
            return "[" + inner + ("," + inner).join(map(int.__repr__, value)) + newline + "]"
        if kinds == {dict} and len(value) > 1:
            rows = _dict_rows(value, newline, texts)
            if rows is not None:
                return rows
        parts = [_value(v, inner, texts) for v in value]
        return "[" + inner + ("," + inner).join(parts) + newline + "]"
    if kind is Rows:
        return _rows(value, newline, texts)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return _subclass(value, newline, texts)


def _dict_rows(rows: list[Any] | tuple[Any, ...], newline: str, texts: list[str]) -> str | None:
    """`rows` (dictionaries) encoded as `_rows` does, when all have the same string keys in
    the same order, else None."""
    keys = tuple(rows[0])
    if (
        not keys
        or not all(type(key) is str for key in keys)
        or not all(map(keys.__eq__, map(tuple, rows)))
    ):
        return None
    return _rows(Rows(keys, list(zip(*map(dict.values, rows), strict=True))), newline, texts)


def _rows(rows: Rows, newline: str, texts: list[str]) -> str:
    """The list of `rows`' objects, encoded column by column (status's 10,000 items).

    A column of ints is written by one `map`; a column of strings, or of lists of strings
    (an item's stages), once per distinct value. Then each row is its pieces in turn,
    joined once for the whole list: a column of many distinct values (the No.) one piece
    per row, and a run of columns of few distinct values (section, state, stages,
    revision: one of a few runs over thousands of rows) one piece per row, made once per
    distinct run. Formatting each row from a template of its keys took 1 µs a row."""
    keys, columns = rows.keys, rows.columns
    count = len(columns[0])
    if (
        not all(type(key) is str for key in keys)
        or len(set(keys)) != len(keys)
        or any(len(column) != count for column in columns)
    ):
        return _value(rows.dicts(), newline, texts)  # the general way (or json's)
    if not count:
        return "[]"
    texts.extend(keys)
    inner = newline + INDENT  # each row's braces
    field = inner + INDENT  # each key
    columns_written = [_column(column, field, texts) for column in columns]
    written = [encoded for encoded, _few in columns_written]
    named = list(map(_named, keys))
    pieces: list[Any] = []  # each an iterable of one string per row
    run: list[int] = []  # the columns of few distinct values, in a run

    def end_run() -> None:
        if run:
            pieces.append(_one_piece([written[j] for j in run], [_before(j) for j in run]))
            run.clear()

    def _before(j: int) -> str:
        """What comes before column j's value in a row (the first key is in `between`)."""
        return "" if j == 0 else "," + field + named[j]

    for j, (encoded, few) in enumerate(columns_written):
        if few:
            run.append(j)
            continue
        end_run()
        if j:
            pieces.append(repeat(_before(j)))
        pieces.append(encoded)
    end_run()
    between = inner + "}," + inner + "{" + field + named[0]
    pieces.append(repeat(between))
    text = ["[" + inner + "{" + field + named[0]]
    text.extend(chain.from_iterable(zip(*pieces, strict=False)))  # repeat() never ends
    text[-1] = inner + "}" + newline + "]"  # after the last row, instead of `between`
    return "".join(text)


def _one_piece(columns: list[list[str]], before: list[str]) -> Iterable[str]:
    """Each row's encoded values of `columns`, each after its `before`, as one string:
    made once per distinct run of values."""
    if len(columns) == 1:
        if not before[0]:
            return columns[0]
        made: dict[str, str] = {}
        for value in set(columns[0]):
            made[value] = before[0] + value
        return map(made.__getitem__, columns[0])
    each = list(zip(*columns, strict=True))
    runs = {
        values: "".join(chain.from_iterable(zip(before, values, strict=True)))
        for values in set(each)
    }
    return map(runs.__getitem__, each)


def _plain_string_kind(kind: type) -> bool:
    """A str, or a subclass (a StrEnum) that compares and hashes as a str: values of it
    equal to a str are written as that str is."""
    return issubclass(kind, str) and kind.__eq__ is str.__eq__ and kind.__hash__ is str.__hash__


def _column(values: Sequence[Any], newline: str, texts: list[str]) -> tuple[list[str], bool]:
    """The values of one key over the rows, each encoded (`newline` being their level's),
    and whether they are few distinct ones (see _FEW)."""
    count = len(values)
    kinds = set(map(type, values))
    if kinds == {int}:  # the No., the revision
        distinct = set(values)
        if len(distinct) > _FEW * count:
            return list(map(int.__repr__, values)), False
        return _each_once(values, {n: int.__repr__(n) for n in distinct}), True
    if kinds and all(map(_plain_string_kind, kinds)):  # strings, StrEnum states
        distinct = set(values)
        texts.extend(distinct)
        if len(distinct) > _FEW * count:
            return list(map(encode_basestring, values)), False
        return _each_once(values, {text: encode_basestring(text) for text in distinct}), True
    if kinds and kinds <= {list, tuple}:
        each = list(map(tuple, values))
        if all(map(_plain_string_kind, set(map(type, chain.from_iterable(each))))):
            lists = set(each)
            texts.extend(chain.from_iterable(lists))
            opened, closed = "[" + newline + INDENT, newline + "]"
            between = "," + newline + INDENT
            encoded = {
                strings: opened + between.join(map(encode_basestring, strings)) + closed
                if strings
                else "[]"
                for strings in lists
            }
            return _each_once(each, encoded), len(lists) <= _FEW * count
    written = [_value(value, newline, texts) for value in values]
    return written, len(set(written)) <= _FEW * count


def _each_once(values: Sequence[Any], encoded: dict[Any, str]) -> list[str]:
    """Each of `values` as `encoded` writes it: the very same string for equal values, so
    that a run of them is told apart by hashing those strings (whose hash is kept)."""
    return list(map(encoded.__getitem__, values))


def _named(key: str) -> str:
    """A key as it is written before its value (`"no": `), each key encoded once."""
    named = _NAMED.get(key)
    if named is None:
        named = _NAMED[key] = encode_basestring(key) + ": "
    return named


def _subclass(value: Any, newline: str, texts: list[str]) -> str:
    """A value of a subclass (a StrEnum state, an IntEnum) or a float, as json writes it."""
    if isinstance(value, str):
        texts.append(value)
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    if isinstance(value, dict):
        return _value(dict(value), newline, texts)
    if isinstance(value, list | tuple):
        return _value(list(value), newline, texts)
    raise _Unusual
