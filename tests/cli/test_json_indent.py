"""The CLI's indenting JSON encoder writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from enum import IntEnum, StrEnum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pctui.cli.json_indent import indented_json

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
