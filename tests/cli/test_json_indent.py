"""The CLI's indenting JSON encoder writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from enum import IntEnum, StrEnum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pctui.cli.json_indent import _rows, indented_json

LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
)
KEYS = st.text(max_size=5) | st.integers() | st.booleans() | st.none()
DATA = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=20,
)


def _same(data: Any) -> None:
    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


@given(DATA)
def test_any_json_data_is_written_as_json_writes_it(data: Any) -> None:
    _same(data)


def test_what_status_prints_and_the_values_json_writes_its_own_way() -> None:
    _same(
        {
            "id": "bench",
            "items": [
                {"no": 1, "state": "in-review", "approved_stages": ["担当"], "next_stages": []},
                {"no": 2, "state": "draft", "approved_stages": [], "next_stages": ["担当"]},
            ],
            "counts": {"draft": 1, "in-review": 1},
            "empty": {},
        }
    )
    for value in (math.nan, math.inf, -math.inf, 1.5, True, False, None, '\x1b\u202e"\\'):
        _same({"v": value, "list": [value]})
    _same({1: "int key", None: "null key", 2.5: "float key", False: "bool key"})


class _Int(int):
    pass


class _State(StrEnum):
    IN_REVIEW = "in-review"


class _Rank(IntEnum):
    FIRST = 1


def test_subclasses_are_written_as_json_writes_them() -> None:
    data = {"n": _Int(3), "xs": [_Int(4), _State.IN_REVIEW], _State.IN_REVIEW: _Rank.FIRST}
    _same(data)
    _same({"tree": OrderedDict(a=[1.5, (2, "x")]), "deep": [[{}], [[]]]})


ROW_KEYS = st.lists(st.text(max_size=4), min_size=1, max_size=4, unique=True)
ROW_VALUES = (
    LEAVES
    | st.lists(st.text(max_size=3), max_size=2)
    | st.lists(LEAVES, max_size=2)
    | st.dictionaries(st.text(max_size=2), LEAVES, max_size=2)
)


@given(
    ROW_KEYS.flatmap(
        lambda keys: st.lists(
            st.fixed_dictionaries(dict.fromkeys(keys, ROW_VALUES)), min_size=2, max_size=5
        )
    )
)
def test_rows_with_the_same_keys_are_written_as_json_writes_them(rows: list[Any]) -> None:
    # Such rows (status's items) take a path of their own, column by column.
    _same({"items": rows})
    _same([rows, {"x": rows}])


class _Stage(StrEnum):
    DRAFT = "draft"


class _Level(IntEnum):
    ONE = 1


def test_rows_take_their_own_path_and_every_odd_row_is_written_as_json_writes_it() -> None:
    rows = [
        {"no": n, "state": _Stage.DRAFT, "next": ["担当"] if n % 2 else [], "by": "%s"}
        for n in range(1, 5)
    ]
    assert _rows(rows, "\n  ") is not None  # status's 10,000 rows: no call per value
    _same({"items": rows})
    odd: list[list[Any]] = [
        [{"a": 1, "b": 2}, {"b": 2, "a": 1}],  # the same keys in another order
        [{"a": 1}, {"a": 1, "b": 2}],
        [{"a": 1}, ["not a row"]],
        [{"%d": True}, {"%d": 1}],  # a bool and an int in one column
        [{"a": _Level.ONE}, {"a": 2}],
        [{"a": 1.5}, {"a": math.inf}],  # json's own way for infinity
        [{"a": ["x", 1]}, {"a": ["y"]}, {"a": [None]}, {"a": {"k": []}}],
        [{}, {}],
        [OrderedDict(a=1), {"a": 1}],
    ]
    for each in odd:
        _same({"rows": each})
