"""Benchmark of 同趣旨 grouping at national scale (issue 17 point 9).

    python -m benchmarks.intake_group --opinions 200000 [--seed 1] [--json]

Writes the generator's opinions (benchmarks/intake_generate.py) to a CSV, times a plain
`csv.reader` pass over it (the yardstick: the best of three), then reads the same CSV and
groups it in a child process, which reports its wall time, CPU time and peak memory (so
that the generator's and the parent's memory are not counted). Prints the ratio to the
yardstick, the B-cubed precision and recall against the generator's truth, and the load
average, since the machine may be shared: CPU time is the figure that load does not
inflate.

With `--registry` the opinions are written as a submissions CSV instead, imported with
`pctui intake import` and grouped with `pctui intake group --json`, each command a process
of its own, start-up included: the report gives each command's CPU (user + system) and wall
time and peak memory, and the ratios of their sums to the csv.reader pass (`ratio_cpu`,
`ratio_wall`).

Targets: 200,000 opinions imported and grouped in at most 20× the csv.reader pass and
1.5 GB; 1,000,000 within 5 minutes; B-cubed precision and recall at least 0.95.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.intake_generate import b_cubed, opinions

HEADER = ("意見ID", "受付番号", "意見")
ROOT = Path(__file__).resolve().parents[1]


def write_csv(path: Path, count: int, seed: int) -> dict[str, str]:
    """The generated opinions written to `path`; returns each opinion's true group."""
    truth = {}
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for opinion in opinions(count, seed):
            writer.writerow((opinion.id, opinion.submission, opinion.text))
            truth[opinion.id] = opinion.truth
    return truth


def csv_pass(path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the fastest of three plain csv.reader passes over `path`."""
    best = (float("inf"), float("inf"))
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        with path.open(encoding="utf-8", newline="") as stream:
            for _row in csv.reader(stream):
                pass
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def _rows(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader)
        for row in reader:
            yield row[0], row[2]


def child(path: Path, out: Path) -> None:
    """In the child: read `path` and group it; write the figures and each opinion's group."""
    from pctui.intake.grouping import group_opinions

    wall, cpu = time.perf_counter(), time.process_time()
    groups = group_opinions(_rows(path))
    figures = {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "groups": len(groups),
        "largest": len(groups[0].members) if groups else 0,
        "added_nonempty": sum(1 for g in groups for m in g.members if m.added),
    }
    found = {member.opinion: group.id for group in groups for member in group.members}
    out.write_text(json.dumps({"figures": figures, "found": found}), encoding="utf-8")


def measure(count: int, seed: int) -> dict[str, object]:
    """Generate, time the yardstick and the grouping; the report as a dictionary."""
    with tempfile.TemporaryDirectory(prefix="pctui-intake-bench-") as scratch:
        path, out = Path(scratch) / "opinions.csv", Path(scratch) / "groups.json"
        truth = write_csv(path, count, seed)
        yardstick_wall, yardstick_cpu = csv_pass(path)
        load_before = os.getloadavg()[0]
        argv = [sys.executable, "-m", "benchmarks.intake_group", "--child", str(path), str(out)]
        subprocess.run(argv, check=True, cwd=ROOT)
        result = json.loads(out.read_text(encoding="utf-8"))
        size_mb = path.stat().st_size / 1e6
    figures = result["figures"]
    precision, recall = b_cubed(result["found"], truth)
    return {
        "opinions": count,
        "seed": seed,
        "csv_mb": round(size_mb, 1),
        "distinct_truth_groups": len(set(truth.values())),
        "csv_reader_wall_s": round(yardstick_wall, 3),
        "csv_reader_cpu_s": round(yardstick_cpu, 3),
        "group_wall_s": round(figures["wall_s"], 2),
        "group_cpu_s": round(figures["cpu_s"], 2),
        "ratio_cpu": round(figures["cpu_s"] / yardstick_cpu, 1),
        "ratio_wall": round(figures["wall_s"] / yardstick_wall, 1),
        "peak_mb": round(figures["peak_mb"]),
        "groups": figures["groups"],
        "largest_group": figures["largest"],
        "members_adding_text": figures["added_nonempty"],
        "b_cubed_precision": round(precision, 4),
        "b_cubed_recall": round(recall, 4),
        "load_average": round(load_before, 1),
        "cores": os.cpu_count(),
    }


def write_submissions(path: Path, count: int, seed: int) -> dict[str, str]:
    """The generated opinions as a submissions CSV (受付番号, 意見), a submission of several
    points written as a numbered list; returns each opinion's true group."""
    truth: dict[str, str] = {}
    points: dict[str, list[str]] = {}
    for opinion in opinions(count, seed):
        points.setdefault(opinion.submission, []).append(opinion.text)
        truth[opinion.id] = opinion.truth
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(("受付番号", "意見"))
        for number, texts in points.items():
            if len(texts) == 1:
                writer.writerow((number, texts[0]))
            else:
                listed = (f"{k}. {text}" for k, text in enumerate(texts, start=1))
                writer.writerow((number, "\n".join(listed)))
    return truth


def through_registry(count: int, seed: int) -> dict[str, object]:
    """`pctui intake import` and `pctui intake group --json` on a submissions CSV, each
    command timed (wall, and CPU from the children's usage) against a csv.reader pass."""
    pctui = Path(sys.executable).with_name("pctui")
    with tempfile.TemporaryDirectory(prefix="pctui-intake-bench-") as scratch:
        folder = Path(scratch)
        consultation = folder / "campaign.toml"
        consultation.write_bytes((ROOT / "consultations" / "2025-jumin.toml").read_bytes())
        source = folder / "submissions.csv"
        truth = write_submissions(source, count, seed)
        yardstick_wall, yardstick_cpu = csv_pass(source)
        figures: dict[str, object] = {"opinions": count, "csv_mb": round(
            source.stat().st_size / 1e6, 1), "csv_reader_cpu_s": round(yardstick_cpu, 3),
            "csv_reader_wall_s": round(yardstick_wall, 3)}  # fmt: skip
        output, total_cpu, total_wall = "", 0.0, 0.0
        for step, argv in (
            ("import", ["intake", "import", str(consultation), str(source)]),
            ("group", ["intake", "group", str(consultation), "--json"]),
        ):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = time.perf_counter()
            done = subprocess.run([str(pctui), *argv], capture_output=True, text=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                raise SystemExit(f"pctui {step}: exit {done.returncode}: {done.stderr[-500:]}")
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            wall = time.perf_counter() - wall
            figures[f"{step}_wall_s"] = round(wall, 2)
            figures[f"{step}_cpu_s"] = round(cpu, 2)
            total_cpu += cpu
            total_wall += wall
            # The largest child so far: import's, then the larger of the two.
            figures[f"{step}_peak_mb"] = round(after.ru_maxrss / 1024)
            output = done.stdout
    grouped = json.loads(output)
    found = {opinion: group["id"] for group in grouped["groups"] for opinion in group["opinions"]}
    missing = len(set(truth) - set(found))
    precision, recall = b_cubed({**found, **{o: o for o in truth if o not in found}}, truth)
    figures.update(
        {
            "registry_opinions": grouped["opinions"],
            "opinions_not_as_generated": missing,
            "ratio_cpu": round(total_cpu / yardstick_cpu, 1),
            "ratio_wall": round(total_wall / yardstick_wall, 1),
            "b_cubed_precision": round(precision, 4),
            "b_cubed_recall": round(recall, 4),
            "load_average": round(os.getloadavg()[0], 1),
        }
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opinions", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--registry",
        action="store_true",
        help="import a submissions CSV with `pctui intake import`, then `pctui intake group`",
    )
    parser.add_argument("--child", nargs=2, metavar=("CSV", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return 0
    report = (through_registry if args.registry else measure)(args.opinions, args.seed)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:>22}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
