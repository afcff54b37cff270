"""`pctui intake rescan FILE [--json]`: search the registry's opinions again for personal
data with today's patterns (a registry imported by an older pctui), adding what is new as
redactions to review."""

from __future__ import annotations

import argparse

# Only what the parser needs at the top: every `pctui intake` command builds this parser,
# and what running it needs (the registry, sqlite3) is imported in `run`.
from pctui.cli.common import FINDING, OK, Exit, load
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext

DESCRIPTION = N_("""\
Search every opinion of the registry again for personal data, with the patterns of this
pctui: a registry imported by an older one was searched without some of them (names in
kana, a signature under a form that gives a name). What is found anew is added as
redactions to review (its words hidden until a reviewer keeps or undoes them, as after an
import), each listed with the public words around it; nothing already redacted, kept or
undone changes, and running it again adds nothing. An item whose opinion copies a changed
public text gets the new text in the consultation file (its sign-offs go stale). Exit 1
when redactions were added (review them: pctui intake redactions FILE --pending) or the
consultation file could not be saved, 0 when nothing was new.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "rescan",
        help=_("search the opinions again for personal data (an older registry)"),
        description=_(DESCRIPTION),
    )
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the redactions added as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Rescan, list what was added; returns the exit status."""
    import sqlite3

    from pctui.cli.intake_common import opened_registry
    from pctui.intake.redaction_review import REASONS, redaction_views
    from pctui.session.redaction_decisions import rescan_and_sync

    file = load(args.file)
    with opened_registry(args.file, file) as registry:
        try:
            done = rescan_and_sync(file, registry)
            added = set(done.added)
            views = [v for v in redaction_views(registry) if v.redaction.id in added]
        except sqlite3.Error as error:
            raise Exit(FINDING, _("pctui: {error}").format(error=error)) from None
    if args.json:
        import json  # only for --json, not at each intake command's start

        listed = [
            {"id": v.redaction.id, "opinion": v.redaction.opinion,
             "reason": v.redaction.reason, "context": v.context}
            for v in views
        ]  # fmt: skip
        print(json.dumps(listed, ensure_ascii=False, indent=2))
    else:
        for view in views:
            r = view.redaction
            print(f"{r.id}  {r.opinion}  {_(REASONS.get(r.reason, r.reason))}  {view.context}")
        for line in done.synced.lines():
            print(line)
        count = len(done.added)
        message = ngettext(
            "{count} redaction added, to review: pctui intake redactions {file} --pending",
            "{count} redactions added, to review: pctui intake redactions {file} --pending",
            count,
        )
        print(message.format(count=count, file=args.file) if count else _("nothing new found"))
    return FINDING if done.added or done.synced.error else OK
