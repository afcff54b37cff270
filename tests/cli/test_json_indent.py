"""The CLI's indenting JSON encoder writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from enum import IntEnum, StrEnum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pctui.cli.json_indent import Rows, _dict_rows, indented_json

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
    assert _dict_rows(rows, "\n  ", []) is not None  # status's 10,000 rows: no call per value
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


# Strings as a file may hold them: controls, bidi, joiners in and out of sequences,
# selectors, tags, line breaks, quotes, backslashes, CJK and accented letters.
HOSTILE = st.text(
    alphabet=st.sampled_from(
        'a担"\\\t\n\x00\x1b\x7f\x85\x9b\u061c\u200b\u200c\u200d\u2028\u202e\ufe0f\ufeff'
        "\U000e0001\U000e0067\U000e007f\U000e0100é👨🏴葛❤"
    )
    | st.characters(codec="utf-8"),
    max_size=6,
)
CELLS = (
    st.integers(-3, 3)
    | st.booleans()
    | st.none()
    | HOSTILE
    | st.sampled_from([_Stage.DRAFT, _Level.ONE, 1.5])
    | st.lists(HOSTILE, max_size=3)
    | st.lists(st.sampled_from(["担当", "係長", _Stage.DRAFT]), max_size=3).map(tuple)
    | st.dictionaries(HOSTILE, st.integers(), max_size=2)
)


def _table(draw: st.DrawFn, cells: st.SearchStrategy[Any]) -> Rows:
    keys = draw(st.lists(HOSTILE, min_size=1, max_size=5, unique=True))
    count = draw(st.integers(0, 12))
    # One kind of cell per column most of the time (status's), any mix sometimes; few
    # distinct values in a column sometimes, so that runs of them are written once.
    columns = []
    for _ in keys:
        kind = draw(st.sampled_from([cells, st.integers(0, 3), st.sampled_from(["1", "担"])]))
        columns.append(draw(st.lists(kind, min_size=count, max_size=count)))
    return Rows(keys, columns)


@st.composite
def _rows_of(draw: st.DrawFn) -> Rows:
    return _table(draw, CELLS)


@given(_rows_of())
def test_rows_are_written_as_json_writes_their_dictionaries(rows: Rows) -> None:
    expected = json.dumps({"items": rows.dicts()}, ensure_ascii=False, indent=2)
    assert indented_json({"items": rows}) == expected
    assert indented_json([rows, {"x": rows}]) == json.dumps(
        [rows.dicts(), {"x": rows.dicts()}], ensure_ascii=False, indent=2
    )


def test_status_rows_are_written_as_json_writes_them_and_odd_rows_too() -> None:
    # Few distinct values but the No.: runs of columns written once per distinct run.
    count = 40
    stages = [["担当"], [], ["担当", "係長"], ["担当"]]
    rows = Rows(
        ["no", "section", "state", "approved_stages", "next_stages", "revision"],
        [
            list(range(1, count + 1)),
            [str(n % 3) for n in range(count)],
            [_Stage.DRAFT if n % 2 else "approved" for n in range(count)],
            [stages[n % 4] for n in range(count)],
            [stages[(n + 1) % 4] for n in range(count)],
            [n % 2 for n in range(count)],
        ],
    )
    rows.add("basis", [f"{n:064x}" for n in range(count)])
    assert indented_json({"items": rows}) == json.dumps(
        {"items": rows.dicts()}, ensure_ascii=False, indent=2
    )
    for odd in (
        Rows(["a", "a"], [[1, 2], [3, 4]]),  # a key twice: the dictionary's last value
        Rows(["a", "b"], [[1, 2], [3]]),  # columns of different lengths
        Rows(["a"], [[]]),
        Rows(["a"], [[math.nan, 1]]),  # json's own way
        Rows(["a"], [[True, 1, 1, 1, 1, 1, 1, 1, 1]]),  # True == 1, written apart
        Rows(["a"], [[(), [], ("x",), ["x"], ("x",), ("x",), ("x",), ("x",)]]),
    ):
        try:
            expected = json.dumps(odd.dicts(), ensure_ascii=False, indent=2)
        except ValueError:  # different lengths
            continue
        assert indented_json(odd) == expected
    assert (
        indented_json({"items": Rows(["a"], [[math.nan]])})
        == '{\n  "items": [\n    {\n      "a": NaN\n    }\n  ]\n}'
    )


def test_rows_as_dictionaries_have_lists_of_their_own() -> None:
    shared = ["担当"]
    dicts = Rows(["next"], [[shared, shared]]).dicts()
    assert dicts == [{"next": ["担当"]}, {"next": ["担当"]}]
    assert dicts[0]["next"] is not dicts[1]["next"] is not shared


@given(DATA | _rows_of() | st.lists(st.dictionaries(HOSTILE, CELLS, max_size=3), max_size=4))
def test_every_string_written_is_told(data: Any) -> None:
    # A caller asks these strings, not the output, whether it holds a suspect character:
    # every character of the output beyond ASCII (and DEL) must be in one of them, and the
    # only C0 control in it a line feed.
    texts: list[str] = []
    written = indented_json(data, texts)
    told = set("".join(texts))
    assert {c for c in written if not c.isascii() or c == "\x7f"} <= told
    assert {c for c in written if c < " "} <= {"\n"}
