"""Benchmark of the grouping screen at national scale (issue 17 points 6 and 9).

    python -m benchmarks.intake_screen --opinions 200000 [--seed 1] [--presses 30]
        [--repeat 3] [--scratch DIR] [--json]

Makes a format-2 consultation (the sample, migrated) and its registry of `--opinions`
generated opinions (benchmarks/intake_generate.py), imported and grouped with `pctui intake
import` and `pctui intake group` as an office would; `--scratch DIR` keeps them there and
reuses them on the next run. Then measures, each in a child process so that its peak memory
is its own:

- the grouping screen's first frame: `pctui intake review FILE` on a pseudo-terminal, from
  the process's start to the frame that shows the groups and the first (largest) group's
  members; beside it the same-run reference, an empty Textual app's first frame. Target:
  at most 1 s.
- key presses (Pilot, 120x40, in-process): `j`/`k` between groups, `j` in the largest
  group's members, and `a` accepting the largest group as a new item; p95 of each kind.
- what answering a group costs the consultation file: one item whose opinion answers every
  opinion of the registry, written by the accept key's own path with every id in
  `sources` (as before frozen member lists), with `members` naming the list frozen in the
  registry (as now), and without either (the floor): the file's size, `pctui validate`,
  `pctui status`, `pctui revise` of that item and `pctui open`'s first frame on each.

Prints the load average beside the figures: the machine may be shared, so CPU times are
given where a wall time would be inflated by others' work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from benchmarks.intake_group import write_submissions
from benchmarks.measure import ROOT, Child, percentile, run_child, run_in_terminal
from benchmarks.run import compile_sources

CHILDREN = "benchmarks.children"
FRAME_TARGET = 1.0  # seconds: the "first frame on 200,000 opinions within 1 s"
CONSULTATION = "campaign.toml"


def _pctui() -> list[str]:
    script = Path(sys.executable).with_name("pctui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pctui.cli.entry"]


def _run(argv: list[str]) -> None:
    done = subprocess.run([*_pctui(), *argv], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"pctui {' '.join(argv)}: exit {done.returncode}: {done.stderr[-500:]}")


def prepare(folder: Path, count: int, seed: int) -> Path:
    """The consultation, with its registry imported and grouped, in `folder` (made once per
    count and seed: a marker file says what is there)."""
    consultation = folder / CONSULTATION
    marker = folder / "prepared.json"
    # "reviewer": the login running the benchmark is one of the file's reviewers (accepting
    # a group is a reviewer's act); a folder prepared before that was asked is made again.
    wanted = {"opinions": count, "seed": seed, "reviewer": True}
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        return consultation
    for stale in folder.glob("campaign*"):
        stale.unlink()
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", consultation)
    _add_reviewer(consultation)
    _run(["migrate", str(consultation)])
    source = folder / "submissions.csv"
    write_submissions(source, count, seed)
    _run(["intake", "import", str(consultation), str(source)])
    _run(["intake", "group", str(consultation)])
    source.unlink()
    marker.write_text(json.dumps(wanted))
    return consultation


def _add_reviewer(consultation: Path) -> None:
    """Make the OS login running the benchmark a reviewer of `consultation` (a text edit),
    so that the accept key and `answered_file` accept rather than measure a refusal."""
    from pctui.model.identity import current_login

    marker = "[review.reviewers]\n"
    text = consultation.read_text(encoding="utf-8")
    if f"\n{current_login()} = " not in text:
        line = f'{current_login()} = ["担当"]\n'
        consultation.write_text(text.replace(marker, marker + line, 1), encoding="utf-8")


def _frame(argv: list[str], out: Path, what: str) -> Child:
    out.unlink(missing_ok=True)
    child = run_in_terminal([*argv, str(out)])
    if child.returncode != 0 or not out.exists():
        raise RuntimeError(f"{what} did not reach its first frame:\n{child.output[-3000:]}")
    return child


def first_frames(name: str, argv: list[str], out: Path, repeats: int) -> dict[str, Any]:
    """The median first frame (seconds from the process's start) of `argv` OUT, its CPU
    time and peak memory, over `repeats` runs."""
    seconds, cpu, peaks = [], [], []
    for _ in range(repeats):
        child = _frame(argv, out, name)
        seconds.append(float(out.read_text()) - child.started)
        cpu.append(child.cpu_seconds)
        peaks.append(child.peak_mb)
    return {
        f"{name}_s": round(statistics.median(seconds), 3),
        f"{name}_samples_s": [round(s, 3) for s in seconds],
        f"{name}_cpu_s": round(statistics.median(cpu), 3),
        f"{name}_peak_mb": round(max(peaks)),
    }


@contextmanager
def _kept(path: Path) -> Iterator[None]:
    """`path` as it was before the block (the accept key writes into it)."""
    before = path.read_bytes()
    try:
        yield
    finally:
        path.write_bytes(before)


def presses(consultation: Path, count: int, scratch: Path) -> dict[str, Any]:
    """Key presses on the grouping screen (see children/groups_browse.py)."""
    result = scratch / "browse.json"
    argv = [sys.executable, "-m", f"{CHILDREN}.groups_browse", str(consultation)]
    with _kept(consultation):
        child = run_child([*argv, str(count), str(result)])
    if child.returncode != 0:
        raise RuntimeError(f"browsing the groups failed:\n{child.output[-3000:]}")
    found = json.loads(result.read_text())
    figures: dict[str, Any] = {}
    for kind in ("groups", "members"):
        ms = [x * 1000 for x in found[kind]]
        figures[f"{kind}_press_p95_ms"] = round(percentile(ms, 0.95), 1)
        figures[f"{kind}_press_median_ms"] = round(statistics.median(ms), 1)
        figures[f"{kind}_press_max_ms"] = round(max(ms), 1)
    figures["accept_largest_ms"] = round(found["accept"] * 1000)
    figures["accept_largest_members"] = found["accepted"]
    figures["browse_peak_mb"] = round(child.peak_mb)
    return figures


def answered_file(consultation: Path, out: Path, variant: str) -> tuple[int, int]:
    """`consultation` with one more item whose opinion answers every opinion of its
    registry, saved by the accept key's own path, naming them as `variant` says (see
    VARIANTS); written to `out`. Returns the count and the item's No."""
    from pctui.intake.answering import accept_group
    from pctui.intake.records import Group, Member
    from pctui.intake.registry import Registry, registry_path
    from pctui.session.operations import attempt
    from pctui.storage import ConsultationFile

    shutil.copyfile(consultation, out)
    file = ConsultationFile.load(out)
    with Registry.open(registry_path(consultation, file.consultation)) as registry:
        ids = [opinion.id for opinion in registry.opinions()]
        frozen = registry.freeze_members(ids) if variant == "members" else ""
    members = tuple(Member(opinion) for opinion in ids)
    group = Group(f"G-{ids[0]}", ids[0], members)
    no = max(item.no for item in file.consultation.items) + 1
    done = attempt(file, no, lambda c: accept_group(c, group, "すべての意見の代表。", frozen))
    if variant == "without":  # the same item, its sources left out: the floor
        text = out.read_text(encoding="utf-8")
        start = text.index("sources = [", text.index(f"no = {no}\n"))
        stop = text.index("]", start) + 1
        out.write_text(text[:start] + text[stop:].lstrip("\n"), encoding="utf-8")
    if not hasattr(done, "no"):
        raise RuntimeError(f"accepting every opinion failed: {done}")
    return len(ids), no


VARIANTS = ("sources", "members", "without")


def _command(
    argv: list[str], repeats: int, changes: Path | None = None
) -> tuple[float, float, float]:
    """Median wall and CPU seconds of `pctui ARGV`, and its largest peak memory (MB);
    the file `changes` (which the command writes) put back as it was after each run."""
    walls, cpus, peaks = [], [], []
    for _ in range(repeats):
        with _kept(changes) if changes is not None else nullcontext():
            child = run_child([*_pctui(), *argv])
        if child.returncode not in (0, 1):
            raise RuntimeError(f"pctui {' '.join(argv)} failed:\n{child.output[-2000:]}")
        walls.append(child.seconds)
        cpus.append(child.cpu_seconds)
        peaks.append(child.peak_mb)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def sources_cost(consultation: Path, scratch: Path, repeats: int) -> dict[str, Any]:
    """The file's size and the commands' times for each way of naming the opinions."""
    figures: dict[str, Any] = {}
    for variant in VARIANTS:
        path = scratch / f"answered-{variant}.toml"
        figures["answered_opinions"], no = answered_file(consultation, path, variant)
        figures[f"{variant}_file_kb"] = round(path.stat().st_size / 1024)
        for command in ("validate", "status"):
            wall, cpu, _peak = _command([command, str(path)], repeats)
            figures[f"{variant}_{command}_s"] = round(wall, 3)
            figures[f"{variant}_{command}_cpu_s"] = round(cpu, 3)
        revise = ["revise", "--item", str(no), "--text", "回答", str(path)]
        wall, cpu, peak = _command(revise, repeats, changes=path)
        figures[f"{variant}_revise_s"] = round(wall, 3)
        figures[f"{variant}_revise_cpu_s"] = round(cpu, 3)
        figures[f"{variant}_revise_peak_mb"] = round(peak)
        argv = [sys.executable, "-m", f"{CHILDREN}.open_first_frame", str(path)]
        opened = first_frames("open", argv, scratch / "open-frame.txt", repeats)
        figures[f"{variant}_open_s"] = opened["open_s"]
        figures[f"{variant}_open_cpu_s"] = opened["open_cpu_s"]
        figures[f"{variant}_open_peak_mb"] = opened["open_peak_mb"]
    return figures


def measure(args: argparse.Namespace, scratch: Path) -> dict[str, Any]:
    """Every figure; the report as a dictionary."""
    began = time.perf_counter()
    consultation = prepare(scratch, args.opinions, args.seed)
    report: dict[str, Any] = {
        "opinions": args.opinions,
        "seed": args.seed,
        "prepared_s": round(time.perf_counter() - began, 1),
        "load_average_before": round(os.getloadavg()[0], 1),
    }
    out = scratch / "frame.txt"
    empty = [sys.executable, "-m", f"{CHILDREN}.empty_app"]
    report.update(first_frames("empty_app", empty, out, args.repeat))
    screen = [sys.executable, "-m", f"{CHILDREN}.groups_first_frame", str(consultation)]
    report.update(first_frames("groups_first_frame", screen, out, args.repeat))
    report["groups_first_frame_target_s"] = FRAME_TARGET
    report["groups_first_frame_ok"] = report["groups_first_frame_s"] <= FRAME_TARGET
    report.update(presses(consultation, args.presses, scratch))
    if not args.no_sources:
        report.update(sources_cost(consultation, scratch, args.repeat))
    report["load_average_after"] = round(os.getloadavg()[0], 1)
    report["cores"] = os.cpu_count()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opinions", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--presses", type=int, default=30, help="presses of each kind")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each first frame")
    parser.add_argument("--scratch", type=Path, help="keep the generated files here, reuse them")
    parser.add_argument("--no-sources", action="store_true", help="skip the sources figures")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    compile_sources()  # as an installed pctui runs: its bytecode written once, not per start
    if args.scratch is not None:
        args.scratch.mkdir(parents=True, exist_ok=True)
        report = measure(args, args.scratch.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="pctui-groups-bench-") as scratch:
            report = measure(args, Path(scratch))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:>34}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
