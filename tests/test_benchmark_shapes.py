"""The benchmark's file shapes (issue 19): each is valid and has the shape it claims, and the
report names the worst shape of each target figure."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from benchmarks import generate, run, shapes
from benchmarks.report import Row, worst_rows

from pctui.model.phrases import contradictions, identical_answers
from pctui.model.state import STALE, VALID, WITHDRAWN, progress
from pctui.storage import ConsultationFile
from pctui.storage.integrity import integrity_warnings


@pytest.mark.parametrize("name", list(shapes.SHAPES))
def test_each_shape_is_valid_and_as_described(name: str, tmp_path: Path) -> None:
    shape = shapes.SHAPES[name]
    # 120 items; the grouped shape's size counts opinions (about 75 items).
    built = generate.build(4000 if shape.grouped else 120, seed=7, shape=name)
    path = tmp_path / f"{name}.toml"
    path.write_text(generate.render(built), encoding="utf-8")
    loaded = ConsultationFile.load(path)
    review = loaded.consultation.review
    progresses = [progress(item, review) for item in loaded.consultation.items]
    assert loaded.warnings == [] and integrity_warnings(loaded, progresses) == []
    assert loaded.consultation.items == built.items
    assert len(loaded.consultation.sections) == shape.sections
    items = loaded.consultation.items
    low, high = shape.text
    lengths = [len(r.text) for item in items for r in item.revisions[:1]]
    assert low <= min(lengths) and max(lengths) <= high + 1  # + the closing 。
    assert {len(item.revisions) for item in items} <= set(range(shape.revisions[0], 6))
    assert max(len(item.revisions) for item in items) == shape.revisions[1]
    counts = [len(item.signoffs) for item in items]
    assert max(counts) <= shape.signoffs[1]
    assert {p.state for p in progresses} == set(shape.states)
    standing = {s.status for p in progresses for s in p.standings}
    if shape.signoffs[1] >= 4:
        assert {STALE, WITHDRAWN, VALID} <= standing


def test_the_busy_shape_reaches_six_signoffs_and_the_long_one_five_thousand_characters() -> None:
    busy = generate.build(200, seed=1, shape="busy").items
    assert max(len(item.signoffs) for item in busy) == 6
    long = generate.build(200, seed=1, shape="long").items
    lengths = [len(r.text) for item in long for r in item.revisions]
    assert max(lengths) > 4000 and statistics.median(lengths) < 1500


def test_a_shape_gives_the_same_file_for_the_same_seed() -> None:
    first = generate.render(generate.build(30, seed=2, shape="short"))
    assert first == generate.render(generate.build(30, seed=2, shape="short"))
    assert first != generate.render(generate.build(30, seed=3, shape="short"))


def _command(shape: str, size: int, value: float, tomllib: float) -> Row:
    return Row(
        key="status",
        figure="pctui status",
        size=size,
        value=value,
        unit="s",
        ok=value <= tomllib / 3,
        shape=shape,
        ratio=value / tomllib,
        allowed_ratio=1 / 3,
    )


def test_worst_rows_pick_the_shape_with_the_highest_ratio_not_the_longest_time() -> None:
    rows = [
        _command("standard", 10, 0.9, 3.2),  # 0.28×
        _command("short", 10, 0.8, 2.0),  # 0.40×: the worst, though faster
        _command("long", 10, 1.5, 9.0),  # 0.17×
        _command("standard", 1, 0.2, 0.3),  # only one size per worst row
    ]
    (found,) = [r for r in worst_rows(rows) if r.size == 10]
    assert (found.key, found.shape, round(found.value, 2)) == ("worst:status", "short", 0.4)
    assert found.ok is False
    assert "standard 0.28×" in found.note and "long 0.17×" in found.note
    # At size 1 only one shape was measured: no worst row.
    assert [r.size for r in worst_rows(rows)] == [10]


def test_worst_rows_of_a_figure_without_a_ratio_take_the_largest_value() -> None:
    rows = [
        Row("next_item_p95", "next item", 10, value, "ms", ok=value <= 30, shape=shape)
        for shape, value in (("standard", 21.0), ("busy", 27.5), ("bare", 18.0))
    ]
    (found,) = worst_rows(rows)
    assert (found.shape, found.value, found.unit, found.ok) == ("busy", 27.5, "ms", True)


def test_the_runner_takes_shapes_and_groups_of_figures() -> None:
    args = run.parse_args(["--shapes", "short,bare", "--figures", "commands,tui"])
    assert (args.shape_list, args.group_list) == (["short", "bare"], ["commands", "tui"])
    every = run.parse_args([])
    assert every.shape_list == ["standard", *shapes.SHAPES]
    assert every.group_list == list(run.GROUPS)
    for wrong in (["--shapes", "round"], ["--figures", "speed"]):
        with pytest.raises(SystemExit) as stopped:
            run.parse_args(wrong)
        assert stopped.value.code == 2


@pytest.mark.parametrize("name", list(shapes.SHAPES))
def test_no_shape_gives_validate_a_wording_finding(name: str) -> None:
    # validate warns of an answer contradicting its class and of two items with the same
    # answer; at 10,000 items the draws made both (416 and 187 of them) before the generator
    # chose classes that fit and kept every answer its own.
    built = generate.build(10_000, seed=1, shape=name)
    assert contradictions(built) == []
    assert identical_answers(built) == []
