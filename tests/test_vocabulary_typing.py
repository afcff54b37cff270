"""Strict mypy tells the vocabularies apart: a misspelt state, a state passed as a verdict or a
severity outside the list is an error before anything runs, while the right words pass."""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api

# Each line marked `# wrong` must be an error; no other line may be.
USES = """\
import datetime as dt

from pctui.app.screens.filter import FilterChoice
from pctui.git.audit import TraceVerdict, trace_name
from pctui.importer.raw import Note
from pctui.model.actions import comment_problem
from pctui.base.inert import Mark
from pctui.model.records import CommitMode, Consultation, Order, Review, Signoff, Verdict
from pctui.model.state import State, Status, Standing
from pctui.session.diff_state import DiffMode, next_mode
from pctui.session.listing import NEEDS_ME, ListFilter
from pctui.base.problems import Problem
from pctui.words import standing_name, state_name, verdict_name

AT = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
signoff = Signoff("担当", "yamada", AT, 1, "sha256:", Verdict.APPROVE)
state_name(State.IN_REVIEW)
verdict_name(signoff.verdict)
standing_name(Status.STALE)
trace_name(TraceVerdict.CARRIED)
next_mode(DiffMode.HIDDEN)
ListFilter(state=NEEDS_ME)
ListFilter(state=State.APPROVED)
FilterChoice("section", section="1")
Review([], {}, order=Order.ANY)
Problem("c.toml", 1, 1, "m", "warning")
Note(1, 1, "m", "error")
Mark(0, "U+200B", "hidden")

state_name("in-reveiw")  # wrong
verdict_name(State.APPROVED)  # wrong
standing_name(State.DRAFT)  # wrong
trace_name("carried")  # wrong
Signoff("担当", "yamada", AT, 1, "sha256:", "approve")  # wrong
comment_problem("reject", None)  # wrong
Standing(signoff, "valid")  # wrong
next_mode("hidden")  # wrong
ListFilter(state="aproved")  # wrong
FilterChoice("stat")  # wrong
Review([], {}, order="any")  # wrong
Consultation.commit_mode = "on-approve"  # wrong
Problem("c.toml", 1, 1, "m", "fatal")  # wrong
Note(1, 1, "m", "info")  # wrong
Mark(0, "U+200B", "invisible")  # wrong
"""


def test_strict_mypy_rejects_words_outside_each_vocabulary(tmp_path: Path) -> None:
    uses = tmp_path / "uses.py"
    uses.write_text(USES, encoding="utf-8")
    report, errors, _status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(uses)]
    )
    assert not errors, errors
    lines = [line for line in report.splitlines() if ": error: " in line]
    assert all("incompatible type" in line.lower() for line in lines), report
    flagged = {int(n) for n in re.findall(rf"^{re.escape(str(uses))}:(\d+): error", report, re.M)}
    wrong = {n for n, line in enumerate(USES.splitlines(), start=1) if line.endswith("# wrong")}
    assert len(wrong) == 15
    assert flagged == wrong, report
