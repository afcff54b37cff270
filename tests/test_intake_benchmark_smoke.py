"""The grouping benchmark runs end to end at a tiny size, so it cannot rot.

Nothing here asserts a speed: CI machines differ. It asserts that the report counts what
was generated and that the child's groups were read back and scored.
"""

from __future__ import annotations

import json

from benchmarks.intake_group import measure, through_registry


def test_the_grouping_benchmark_reports_its_figures() -> None:
    report = measure(400, seed=2)
    assert report["opinions"] == 400
    assert 0 < report["groups"] <= 400
    assert report["largest_group"] > 1  # the campaign letters were copied
    assert report["b_cubed_precision"] >= 0.95
    assert report["b_cubed_recall"] >= 0.95
    assert report["peak_mb"] > 0
    assert report["group_cpu_s"] > 0


def test_the_benchmark_through_the_registry_imports_and_groups_what_it_generated() -> None:
    report = through_registry(300, seed=2)
    assert report["registry_opinions"] == 300
    assert report["opinions_not_as_generated"] == 0  # the numbered points split as generated
    assert report["b_cubed_precision"] >= 0.95
    assert report["b_cubed_recall"] >= 0.95


def test_the_grouping_screen_benchmark_reaches_every_figure(tmp_path, capsys) -> None:
    """Tiny: 300 opinions, one run of each frame, three presses of each kind."""
    from benchmarks.intake_screen import main

    argv = ["--opinions", "300", "--presses", "3", "--repeat", "1", "--scratch", str(tmp_path)]
    assert main([*argv, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["answered_opinions"] == 300 and report["accept_largest_members"] > 1
    for figure in ("groups_first_frame_s", "groups_press_p95_ms", "members_revise_cpu_s"):
        assert report[figure] > 0, figure
    named = (tmp_path / "answered-members.toml").read_text(encoding="utf-8")
    listed = (tmp_path / "answered-sources.toml").read_text(encoding="utf-8")
    assert named.count("members = ") == 1 and "members = " not in listed
