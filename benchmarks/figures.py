"""Each figure of issue 6 measured on one generated file, with its same-run reference."""

from __future__ import annotations

import functools
import json
import random
import statistics
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import text as t
from benchmarks.measure import Child, median_seconds, percentile, run_child, run_in_terminal
from benchmarks.report import NA_TUI, Row, amount, row
from benchmarks.saves import measure_saves
from pctui.storage import ConsultationFile

CHILDREN = "benchmarks.children"
SAVE_TARGET = 0.200
DIFF_TARGET = 0.020
NEXT_TARGET = 0.030
MEMORY_TARGET = 400.0


@dataclass
class Setting:
    """What one size's run needs: the file, its size, repeats, key presses, a scratch folder."""

    path: Path
    items: int
    repeats: int
    presses: int
    scratch: Path
    tui: bool


def console_script() -> list[str]:
    """The real `pctui` console script next to this Python (as a user runs it)."""
    script = Path(sys.executable).parent / "pctui"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "pctui.cli.entry"]  # not installed as a script: same code


# `tomllib.loads` of the file as a process of its own, as a user times it beside `pctui
# validate` (what issue 19 compares, "measured side by side"): Python's start and the
# reading of the file are in both.
TOMLLIB_SCRIPT = (
    "import sys, tomllib\n"
    "with open(sys.argv[1], encoding='utf-8') as handle:\n"
    "    tomllib.loads(handle.read())\n"
)


def references(s: Setting) -> tuple[list[Row], float]:
    """Reading the text and tomllib.loads of the whole file; returns the rows and tomllib's time."""
    text = s.path.read_text(encoding="utf-8")
    read, read_samples = median_seconds(lambda: s.path.read_text(encoding="utf-8"), s.repeats)
    parse, parse_samples = median_seconds(lambda: tomllib.loads(text), s.repeats)
    return [
        row("read_text", s.items, read, "s", target="reference", samples=read_samples),
        row("tomllib_loads", s.items, parse, "s", target="reference", samples=parse_samples),
    ], parse


def _children(make: Callable[[], Child], repeats: int, what: str) -> list[Child]:
    return _succeeded([make() for _ in range(repeats)], what)


def _succeeded(done: list[Child], what: str) -> list[Child]:
    for child in done:
        if child.returncode not in (0, 1):
            raise RuntimeError(f"{what} failed ({child.returncode}):\n{child.output[-3000:]}")
    return done


def _frame_seconds(child: Child, out: Path, what: str) -> float:
    if child.returncode != 0 or not out.exists():
        raise RuntimeError(f"{what} did not reach its first frame:\n{child.output[-3000:]}")
    return float(out.read_text()) - child.started


def empty_app(s: Setting) -> tuple[Row, float, float]:
    """The empty Textual app's first frame; returns the row, its seconds and its peak MB."""
    out = s.scratch / "empty-frame.txt"
    seconds: list[float] = []
    peaks: list[float] = []
    for _ in range(s.repeats):
        out.unlink(missing_ok=True)
        child = run_in_terminal([sys.executable, "-m", f"{CHILDREN}.empty_app", str(out)])
        seconds.append(_frame_seconds(child, out, "the empty Textual app"))
        peaks.append(child.peak_mb)
    value = statistics.median(seconds)
    found = row(
        "empty_app_first_frame",
        s.items,
        value,
        "s",
        target="reference",
        note="subprocess on a pseudo-terminal",
        samples=seconds,
    )
    return found, value, max(peaks)


COMMANDS = {"validate": ["validate"], "status": ["status"], "status_json": ["status", "--json"]}
COMMAND_RATIO = 1 / 3  # of tomllib.loads of the same file (issue 6, issue 19)
OPEN_RATIO = 2.0  # of the empty Textual app's first frame


def commands(s: Setting, in_process: float) -> list[Row]:
    """`pctui validate`, `status` and `status --json`, each run side by side with
    `tomllib.loads` of the file as a process (`TOMLLIB_SCRIPT`), the two in turn, run by
    run: the ratio of each pair, whose median (and the first pair's: cold, nothing of the
    file compiled or cached anywhere but in the page cache the generator filled) must be at
    most a third. Pairs, because this machine's speed drifts by a third from one minute to
    the next: a reference measured minutes before the commands (as this runner did) judged
    a drift, not pctui. Beside it: the command's wall and CPU time (of it and its helper
    processes), and its ratio to tomllib.loads timed in this process (`in_process`), which
    leaves out the Python start and the reading that each command pays.
    """
    reference = [sys.executable, "-c", TOMLLIB_SCRIPT, str(s.path)]
    rows = []
    for key, words in COMMANDS.items():
        argv = [*console_script(), *words, str(s.path)]
        what = "pctui " + " ".join(words)
        pairs = [(run_child(reference), run_child(argv)) for _ in range(s.repeats)]
        _succeeded([c for _, c in pairs], what)
        _succeeded([r for r, _ in pairs], "tomllib.loads as a process")
        samples = [c.seconds for _, c in pairs]
        ratios = [c.seconds / r.seconds for r, c in pairs]
        value = statistics.median(samples)
        ratio = max(statistics.median(ratios), ratios[0])
        tomllib_seconds = statistics.median(r.seconds for r, _ in pairs)
        cpu = statistics.median(c.cpu_seconds for _, c in pairs)
        rows.append(
            row(
                key,
                s.items,
                value,
                "s",
                reference=f"tomllib.loads as a process: {tomllib_seconds:.3f} s",
                reference_value=tomllib_seconds,
                target=f"≤ {COMMAND_RATIO:.2f}× its pair, first run too",
                ok=ratio <= COMMAND_RATIO,
                note=(
                    f"exit {pairs[0][1].returncode}; pairs {statistics.median(ratios):.3f}×, "
                    f"first {ratios[0]:.3f}×; CPU {cpu:.2f} s; "
                    f"{value / in_process:.2f}× tomllib.loads in one process"
                ),
                samples=samples,
                ratio=ratio,
                allowed_ratio=COMMAND_RATIO,
            )
        )
    return rows


def load(s: Setting, tomllib_seconds: float) -> list[Row]:
    """ConsultationFile.load in this process, and the peak memory of a child that loads."""
    value, samples = median_seconds(lambda: ConsultationFile.load(s.path), s.repeats)
    # With its forked child's memory: loading at this size reads on two cores.
    child = run_child([sys.executable, "-m", f"{CHILDREN}.load_file", str(s.path)], tree=True)
    if child.returncode != 0:
        raise RuntimeError(f"loading failed in a child:\n{child.output[-3000:]}")
    size_mb = s.path.stat().st_size / 1e6
    reference = f"tomllib.loads = {tomllib_seconds:.3f} s"
    return [
        row("load", s.items, value, "s", reference=reference,
            reference_value=tomllib_seconds, samples=samples),
        row(
            "peak_memory_load",
            s.items,
            child.peak_mb,
            "MB",
            reference=f"file {size_mb:.1f} MB",
            reference_value=size_mb,
            target=f"≤ {MEMORY_TARGET:.0f} MB",
            ok=child.peak_mb <= MEMORY_TARGET,
        ),
    ]  # fmt: skip


def saves(s: Setting) -> list[Row]:
    """A sign-off and a new revision saved through transact, each checked with git diff."""
    rows = []
    for kind, key in (("signoff", "signoff_save"), ("revision", "revision_save")):
        # A save is short and noisy (the page cache, fsync): at least 5 of them.
        saved = measure_saves(s.path, s.scratch / f"git-{kind}", max(s.repeats, 5), kind)
        shape = ", ".join(f"+{a} -{d}" for a, d in zip(saved.added, saved.deleted, strict=True))
        where = "only that item's added lines" if saved.only_that_item else "OTHER LINES CHANGED"
        ok = saved.median <= SAVE_TARGET and saved.only_that_item
        rows.append(
            row(
                key,
                s.items,
                saved.median * 1000,
                "ms",
                reference="git diff: " + shape,
                target=f"≤ {SAVE_TARGET * 1000:.0f} ms, added lines only",
                ok=ok,
                note=f"{where}; items {saved.items}",
                samples=[x * 1000 for x in saved.samples],
            )
        )
    return rows


def inline_diff(s: Setting) -> list[Row]:
    """The character diff of two 5,000-character revisions (the TUI's diff pane).

    Measured twice: on an answer in paragraphs (the usual shape) and on the same words as a
    single paragraph, where no line-level shortcut applies.
    """
    rng = random.Random(5000)
    old = t.long_response(rng, 5000)
    new = t.scattered_edit(rng, old)[:5000]
    differ, how = _differ()
    rows = []
    for key, (a, b) in (
        ("inline_diff", (old, new)),
        ("inline_diff_flat", (old.replace("\n\n", ""), new.replace("\n\n", ""))),
    ):
        value, samples = median_seconds(functools.partial(differ, a, b), max(s.repeats, 9))
        rows.append(
            row(
                key,
                s.items,
                value * 1000,
                "ms",
                target=f"≤ {DIFF_TARGET * 1000:.0f} ms",
                ok=value <= DIFF_TARGET,
                note=how,
                samples=[x * 1000 for x in samples],
            )
        )
    return rows


def _differ() -> tuple[Callable[[str, str], Any], str]:
    try:
        from pctui.model.diff import char_diff
    except ImportError:
        from diff_match_patch import diff_match_patch

        def raw(old: str, new: str) -> Any:
            engine = diff_match_patch()
            diffs = engine.diff_main(old, new, False)
            engine.diff_cleanupSemantic(diffs)
            return diffs

        return raw, "diff_match_patch + diff_cleanupSemantic"
    return char_diff, "pctui.model.diff.char_diff (diff_match_patch + semantic clean-up)"


def tui(s: Setting, empty_seconds: float, empty_peak: float) -> list[Row]:
    """`pctui open` to its first frame, next-item latency and peak memory (n/a without a TUI)."""
    limit = OPEN_RATIO * empty_seconds
    frame_ref: dict[str, Any] = {
        "reference": f"2 × empty app = {limit:.3f} s",
        "reference_value": limit,
        "target": f"≤ {limit:.3f} s",
    }
    next_target = f"≤ {NEXT_TARGET * 1000:.0f} ms"
    memory_ref: dict[str, Any] = {
        "reference": f"empty app {empty_peak:.0f} MB",
        "reference_value": empty_peak,
        "target": f"≤ {MEMORY_TARGET:.0f} MB",
    }
    if not s.tui:
        return [
            row("open_first_frame", s.items, None, "s", note=NA_TUI, **frame_ref),
            row("next_item_p95", s.items, None, "ms", note=NA_TUI, target=next_target),
            row("peak_memory_open", s.items, None, "MB", note=NA_TUI, **memory_ref),
        ]
    out = s.scratch / "open-frame.txt"
    seconds: list[float] = []
    peaks: list[float] = []
    for _ in range(s.repeats):
        out.unlink(missing_ok=True)
        argv = [sys.executable, "-m", f"{CHILDREN}.open_first_frame", str(s.path), str(out)]
        child = run_in_terminal(argv)
        seconds.append(_frame_seconds(child, out, "pctui open"))
        peaks.append(child.peak_mb)
    frame = statistics.median(seconds)
    result = s.scratch / "browse.json"
    argv = [sys.executable, "-m", f"{CHILDREN}.browse", str(s.path), str(s.presses), str(result)]
    browsed = run_child(argv)
    if browsed.returncode != 0:
        raise RuntimeError(f"browsing with Pilot failed:\n{browsed.output[-3000:]}")
    latencies = [x * 1000 for x in json.loads(result.read_text())["latencies"]]
    p95 = percentile(latencies, 0.95)
    peak = max([*peaks, browsed.peak_mb])
    median_press = amount(statistics.median(latencies), "ms")
    return [
        row(
            "open_first_frame",
            s.items,
            frame,
            "s",
            ok=frame <= limit,
            note="subprocess on a pseudo-terminal",
            samples=seconds,
            ratio=frame / empty_seconds,
            allowed_ratio=OPEN_RATIO,
            **frame_ref,
        ),
        row(
            "next_item_p95",
            s.items,
            p95,
            "ms",
            target=next_target,
            ok=p95 <= NEXT_TARGET * 1000,
            reference=f"median {median_press}, max {amount(max(latencies), 'ms')}",
            note=f"{len(latencies)} presses, Pilot, 120x40",
        ),
        row(
            "peak_memory_open",
            s.items,
            peak,
            "MB",
            ok=peak <= MEMORY_TARGET,
            note=f"first frame and {len(latencies)} presses",
            **memory_ref,
        ),
    ]
