"""`pctui validate FILE`: is the file well-formed, and is every sign-off genuine?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pctui.base.problems import NOTE
from pctui.cli.common import FINDING, OK, keep_to_exit, load
from pctui.i18n import N_, _, ngettext

if TYPE_CHECKING:  # argparse only when the parser is built (see pctui.cli.plain_argv)
    import argparse

    from pctui.cli.parsers import Commands

HELP = N_("check a consultation file: syntax, schema, sign-off integrity, hostile text")
DESCRIPTION = N_("""\
Check FILE and print one summary line. Errors (the file cannot be used) are printed as
path:line:col: message, and the exit status is 2. Warnings are findings to act on (an
unknown key, a sign-off that could not have been given, text with control or bidi
characters, an answer whose wording contradicts its class or the phrases of phrases.toml):
printed the same way, and the exit status is 1. Notes are advice or explanations (items
with the identical answer, published totals that differ from the listed counts): printed,
and the exit status stays 0. A file with notes only exits 0.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    from pctui.cli.parsers import add_file_argument  # not when run by plain_argv

    parser = commands.add("validate", help=_(HELP), description=_(DESCRIPTION))
    add_file_argument(parser)
    parser.set_defaults(run=run, only_reads=True)  # see entry._main


def run(args: argparse.Namespace) -> int:
    """Validate and report; returns the exit status."""
    # Imported when it runs: `pctui --help` imports every command's module to list it (the
    # checks import the file's reader: 60-100 ms of the help's start, none of validate's).
    from pctui.cli.phrases import office_phrases
    from pctui.model.state import progress, state_counts
    from pctui.storage.integrity import integrity_warnings
    from pctui.storage.phrase_checks import phrase_warnings
    from pctui.storage.totals import totals_notes
    from pctui.words import opinion_counts, state_name

    file = load(args.file, only_read=True, marks=True)
    review = file.consultation.review
    progresses = [progress(item, review) for item in file.consultation.items]
    keep_to_exit(progresses)  # not freed one by one after the answer (see common.load)
    found = integrity_warnings(file, progresses)
    found += phrase_warnings(file, office_phrases(args.file))
    # Notes (advice: the same answer as No.6) are printed in file order with the warnings
    # but are no finding: only warnings make the exit status 1.
    said = sorted([*file.warnings, *found], key=lambda p: (p.line, p.col))
    for problem in said:
        print(problem)
    warnings = [problem for problem in said if problem.severity != NOTE]
    for note in totals_notes(file):  # explanations, not findings: the exit status ignores them
        print(note)
    consultation = file.consultation
    counts = state_counts(consultation, progresses)
    summary = ", ".join(f"{n} {state_name(state)}" for state, n in counts.items() if n)
    items = len(consultation.items)
    count = len(warnings)
    tail = ngettext("; {count} warning", "; {count} warnings", count).format(count=count)
    if consultation.format >= 2:  # items answer several opinions: say how many
        line = _(
            "{path}: ok: {items} items ({opinions}) in {sections} sections ({summary}){warnings}"
        )
        listed = sum(len(item.opinions) for item in consultation.items)
        opinions = opinion_counts(listed, consultation.total_opinions)
    else:
        line = _("{path}: ok: {items} items in {sections} sections ({summary}){warnings}")
        opinions = ""
    print(
        line.format(
            path=args.file,
            items=items,
            opinions=opinions,
            sections=len(consultation.sections),
            summary=summary or _("no items"),
            warnings=tail if warnings else "",
        )
    )
    return FINDING if warnings else OK
