"""The national-scale benchmark runs end to end at a tiny size, so it cannot rot.

Nothing here asserts a speed: CI machines differ. It asserts that the one command runs,
that its JSON has every figure, and that the generated file is valid and loads back as
generated.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks import generate
from benchmarks.report import FIGURES, WORST

from pctui.storage import ConsultationFile
from pctui.storage.writer import render_item

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    argv = [sys.executable, "-m", "benchmarks.run", "--sizes", "50", "--repeat", "1"]
    argv += ["--shapes", "standard,short"]
    done = subprocess.run(
        [*argv, "--presses", "10", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    for shape in ("standard", "short"):
        assert {r["key"] for r in rows if r["shape"] == shape} >= set(FIGURES)
    assert {r["key"] for r in rows} >= {f"worst:{key}" for key in WORST}
    for r in rows:
        assert r["size"] == 50
        assert r["value"] is not None or r["note"], r
    for key in ("signoff_save", "revision_save"):
        (saved,) = [r for r in rows if r["key"] == key and r["shape"] == "short"]
        assert saved["note"].startswith("only that item's added lines"), saved
    for figure in FIGURES.values():
        assert figure in done.stdout


def test_generated_file_loads_back_as_generated(tmp_path: Path) -> None:
    built = generate.build(40, seed=3)
    path = tmp_path / "gen.toml"
    path.write_text(generate.render(built), encoding="utf-8")
    loaded = ConsultationFile.load(path)
    assert loaded.warnings == []
    assert loaded.consultation.items == built.items
    assert loaded.consultation.review == built.review


def test_direct_rendering_reads_like_the_storage_rendering(tmp_path: Path) -> None:
    built = generate.build(12, seed=4)
    path = tmp_path / "via-tomlkit.toml"
    path.write_text(generate.render(built, via_tomlkit=True), encoding="utf-8")
    assert ConsultationFile.load(path).consultation.items == built.items
    # Only blank lines differ between the two renderings of an item.
    for item in built.items:
        direct = [line for line in generate.item_text(item).splitlines() if line]
        stored = [line for line in render_item(item).splitlines() if line]
        assert direct == stored


def test_generated_file_is_valid_and_mixes_every_state(tmp_path: Path) -> None:
    path = tmp_path / "gen.toml"
    generate.write(path, 200, seed=1)
    assert path.read_bytes() == generate.render(generate.build(200, seed=1)).encode("utf-8")
    script = Path(sys.executable).parent / "pctui"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pctui.cli.entry"]
    done = subprocess.run([*command, "status", "--json", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)["counts"]
    assert all(counts[state] > 0 for state in counts), counts
    checked = subprocess.run([*command, "validate", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
