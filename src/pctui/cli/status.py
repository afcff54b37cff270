"""`pctui status FILE [--json]`: where every item stands."""

from __future__ import annotations

import argparse
from typing import Any

from pctui.cli.common import OK, load, pad, width
from pctui.cli.output import json_text
from pctui.model.inert import inert
from pctui.model.records import Consultation
from pctui.model.state import approved_stages, item_state, stage_counts, state_counts

HELP = "show per-state and per-stage counts and the state of every item"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommand."""
    parser = commands.add_parser("status", help=HELP, description=HELP + ".")
    parser.add_argument("file", metavar="FILE", help="the consultation TOML file")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def status_data(consultation: Consultation) -> dict[str, Any]:
    """The status as plain data (the --json output)."""
    review = consultation.review
    return {
        "id": consultation.meta.id,
        "title": consultation.meta.title,
        "stages": review.stages,
        "items": [
            {
                "no": item.no,
                "section": item.section,
                "state": item_state(item, review),
                "approved_stages": approved_stages(item, review),
                "revision": item.current_index,
            }
            for item in consultation.items
        ],
        "counts": state_counts(consultation),
        "stage_counts": stage_counts(consultation),
    }


def run(args: argparse.Namespace) -> int:
    """Print the status; returns the exit status."""
    consultation = load(args.file).consultation
    data = status_data(consultation)
    if args.json:
        print(json_text(data))
        return OK
    total = len(consultation.items)
    print(f"{inert(consultation.meta.title)} ({inert(consultation.meta.id)})")
    print("states: " + ", ".join(f"{state} {n}" for state, n in data["counts"].items()))
    stages = data["stage_counts"].items()
    print("stages: " + ", ".join(f"{inert(stage)} {n}/{total}" for stage, n in stages))
    rows = [("No", "section", "state", "approved stages")]
    rows += [
        (str(i["no"]), inert(i["section"]), i["state"], " ".join(map(inert, i["approved_stages"])))
        for i in data["items"]
    ]
    widths = [max(width(row[col]) for row in rows) for col in range(3)]
    for row in rows:
        cells = [pad(cell, widths[n]) for n, cell in enumerate(row[:3])]
        print("  ".join([*cells, row[3]]).rstrip())
    return OK
