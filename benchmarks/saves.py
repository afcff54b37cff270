"""Saving one change at scale: time `ConsultationFile.transact`, then check `git diff`.

The file is copied into a throw-away git repository and committed; each repeat saves one
change to a different item, times it (lock, splice, fsync, rename), and then reads
`git diff -U0` to check that the only lines that changed are added lines inside that
item's `[[items]]` block, before committing so that the next repeat starts clean.
"""

from __future__ import annotations

import bisect
import functools
import gc
import random
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import text as t
from benchmarks.generate import DRAFTERS, REVIEWERS
from pctui.model.actions import Refused, next_stage, revise, sign
from pctui.model.records import Consultation
from pctui.storage import ConsultationFile

GIT = (
    "git",
    "-c",
    "user.name=Benchmark",
    "-c",
    "user.email=bench@example.invalid",
    "-c",
    "core.autocrlf=false",
    "-c",
    "commit.gpgsign=false",
)
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
_ITEM = re.compile(r"^\[\[items\]\]\s*$")
_NO = re.compile(r"^no\s*=\s*(\d+)")


@dataclass
class Saved:
    """Median time of the saves, every sample, and what `git diff` showed for each."""

    median: float
    samples: list[float]
    added: list[int]
    deleted: list[int]
    only_that_item: bool
    items: list[int]


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True, text=True)
    return done.stdout


def _owners(text: str) -> tuple[list[int], list[int]]:
    """Line numbers (1-based) where each item block starts, and each block's `no`."""
    starts: list[int] = []
    numbers: list[int] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _ITEM.match(line):
            for following in lines[index + 1 : index + 4]:
                if match := _NO.match(following):
                    starts.append(index + 1)
                    numbers.append(int(match.group(1)))
                    break
    return starts, numbers


def diff_against_head(folder: Path, name: str) -> tuple[int, int, set[int]]:
    """(lines added, lines deleted, numbers of the items the added lines fall in)."""
    diff = _git(folder, "diff", "-U0", "--no-color", "--", name)
    body = [line for line in diff.split("\n") if not line.startswith(("+++", "---"))]
    added = sum(1 for line in body if line.startswith("+"))
    deleted = sum(1 for line in body if line.startswith("-"))
    starts, numbers = _owners((folder / name).read_text(encoding="utf-8"))
    owners: set[int] = set()
    for match in _HUNK.finditer(diff):
        first, count = int(match.group(1)), int(match.group(2) or 1)
        for line in range(first, first + count):
            at = bisect.bisect_right(starts, line) - 1
            owners.add(numbers[at] if at >= 0 else 0)  # 0: the header
    return added, deleted, owners


def signable(consultation: Consultation, start: int) -> tuple[int, str]:
    """An item from index `start` on with a login that may sign it now, and that login."""
    items = consultation.items
    for offset in range(len(items)):
        item = items[(start + offset) % len(items)]
        for login in REVIEWERS:
            try:
                next_stage(consultation, item, login)
            except Refused:
                continue
            return item.no, login
    raise RuntimeError("no item can be signed by any reviewer")


def measure_saves(source: Path, folder: Path, repeats: int, kind: str) -> Saved:
    """Time `repeats` saves of `kind` ("signoff" or "revision"), each checked with git."""
    folder.mkdir(parents=True, exist_ok=True)
    name = source.name
    shutil.copyfile(source, folder / name)
    _git(folder, "init", "-q")
    _git(folder, "add", name)
    _git(folder, "commit", "-q", "-m", "start")
    file = ConsultationFile.load(folder / name)
    # As pctui's commands and its TUI do once a file is loaded: out of the collector's
    # sight, the model is not walked by a collection that happens to start during a save.
    gc.freeze()
    try:
        return _save_each(file, folder, name, repeats, kind)
    finally:
        gc.unfreeze()  # the benchmark goes on to other files: let this one be collected


def _save_each(file: ConsultationFile, folder: Path, name: str, repeats: int, kind: str) -> Saved:
    items = file.consultation.items
    rng = random.Random(7)
    samples: list[float] = []
    added: list[int] = []
    deleted: list[int] = []
    touched: list[int] = []
    only = True
    for repeat in range(repeats):
        start = (len(items) // 2 + 37 * repeat) % len(items)
        action: Callable[[Consultation], object]
        if kind == "signoff":
            no, login = signable(file.consultation, start)
            action = functools.partial(sign, no=no, login=login)
        else:
            item = items[start]
            current = item.current.text if item.current else ""
            no, login, new = item.no, DRAFTERS[repeat % 2], t.revise(rng, current)
            action = functools.partial(revise, no=no, login=login, text=new)
        began = time.perf_counter()
        file.transact(no, action)
        samples.append(time.perf_counter() - began)
        plus, minus, owners = diff_against_head(folder, name)
        added.append(plus)
        deleted.append(minus)
        touched.append(no)
        only = only and minus == 0 and owners == {no}
        _git(folder, "commit", "-q", "-am", f"{kind} No.{no}")
    return Saved(statistics.median(samples), samples, added, deleted, only, touched)
