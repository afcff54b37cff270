"""`pctui validate FILE`: is the file well-formed, and is every sign-off genuine?"""

from __future__ import annotations

import argparse

from pctui.cli.common import FINDING, OK, load
from pctui.model.state import progress, state_counts
from pctui.storage.integrity import integrity_warnings

HELP = "check a consultation file: syntax, schema, sign-off integrity, hostile text"
DESCRIPTION = """\
Check FILE and print one summary line. Errors (the file cannot be used) are printed as
path:line:col: message, and the exit status is 2. Warnings (an unknown key, a sign-off
that could not have been given, text with control or bidi characters) are printed the
same way and the exit status is 1. A clean file exits 0."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommand."""
    parser = commands.add_parser("validate", help=HELP, description=DESCRIPTION)
    parser.add_argument("file", metavar="FILE", help="the consultation TOML file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate and report; returns the exit status."""
    file = load(args.file)
    review = file.consultation.review
    progresses = [progress(item, review) for item in file.consultation.items]
    found = integrity_warnings(file, progresses)
    warnings = sorted([*file.warnings, *found], key=lambda p: (p.line, p.col))
    for warning in warnings:
        print(warning)
    consultation = file.consultation
    counts = state_counts(consultation, progresses)
    summary = ", ".join(f"{n} {state}" for state, n in counts.items() if n)
    items = len(consultation.items)
    tail = f"; {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
    print(f"{args.file}: ok: {items} items in {len(consultation.sections)} sections"
          f" ({summary or 'no items'}){tail}")  # fmt: skip
    return FINDING if warnings else OK
