"""`pctui intake redactions FILE [--pending] [--json] [--keep ID…] [--undo ID…]`: review
the redactions of personal data that the import found in the opinions."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, load, refused, table_lines
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pctui.intake.redaction_review import RedactionView
    from pctui.intake.registry import Registry
    from pctui.storage import ConsultationFile

DESCRIPTION = N_("""\
List the redactions of personal data found in the registry's opinions, each with its id,
opinion, reason, status and the public words around it, the removed words shown as
【個人情報のため削除】; exit 1 while any is still to review. --keep ID… confirms
redactions, --undo ID… reverts them (their words become public again); all the ids of
one command are applied in one transaction, or none when one does not exist (exit 2).
Keeping and undoing are a reviewer's: refused (exit 1) to a login not in
[review.reviewers].
An item whose opinion is a copy of a public text that changed gets the new text in the
consultation file, saved at once (its sign-offs go stale); exit 1 when that file could
not be saved (then run pctui intake sync).
The removed words are printed only with --show-original, and only to a terminal: a list
written to a file, a pipe or a log never holds the personal data.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "redactions", help=_("review the redactions of personal data"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument(
        "--pending", action="store_true", help=_("list only the redactions still to review")
    )
    parser.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    parser.add_argument(
        "--keep", nargs="+", default=[], metavar="ID", help=_("confirm these redactions")
    )
    parser.add_argument(
        "--undo", nargs="+", default=[], metavar="ID",
        help=_("revert these redactions: their words become public again"),
    )  # fmt: skip
    parser.add_argument(
        "--show-original",
        action="store_true",
        help=_("also print the removed words (only to a terminal)"),
    )
    parser.set_defaults(run=run)


def _ids(option: str, values: list[str]) -> list[int]:
    ids = []
    for value in values:
        try:
            ids.append(int(value))
        except ValueError:
            message = _("pctui: {option}: not a redaction id: {value}")
            raise Exit(BAD_INPUT, message.format(option=option, value=repr(value))) from None
    return ids


def _review(registry: Registry, file: ConsultationFile, keep: list[int], undo: list[int]) -> int:
    """Keep and undo, then carry the changed public texts into the items that copy them;
    exit 1 when the consultation file could not be saved (the registry is changed)."""
    from pctui.intake.redaction_review import ReviewRefused
    from pctui.model.actions import Refused
    from pctui.session.redaction_decisions import decide

    try:
        done = decide(file, registry, keep, undo)
    except Refused as refusal:  # not a reviewer: exit 1, as move-opinion's refusal
        raise refused(refusal) from None
    except ReviewRefused as refusal:
        raise Exit(BAD_INPUT, _("pctui: {why}").format(why=refusal)) from None
    for line in done.lines():
        print(line)
    return FINDING if done.synced.error else OK


def as_json(views: list[RedactionView], original: bool) -> list[dict[str, object]]:
    """The list as `--json` prints it (keys and words stay English)."""
    out: list[dict[str, object]] = []
    for view in views:
        r = view.redaction
        entry: dict[str, object] = {
            "id": r.id,
            "opinion": r.opinion,
            "reason": r.reason,
            "status": str(r.status),
            "context": view.context,
            "by": r.by,
            "at": r.at,
        }
        if original:
            entry["original"] = r.original
        out.append(entry)
    return out


def _print(views: list[RedactionView], original: bool) -> None:
    from pctui.intake.redaction_review import REASONS, STATUSES

    header = [_("id"), _("opinion"), _("reason"), _("status"), _("by"), _("at")]
    if original:
        header.append(_("removed"))
    rows = [header]
    for view in views:
        r = view.redaction
        row = [
            str(r.id), r.opinion, _(REASONS.get(r.reason, r.reason)), _(STATUSES[r.status]),
            r.by or "-", r.at or "-",
        ]  # fmt: skip
        if original:
            row.append(" ".join(r.original.split()))
        rows.append(row)
    lines = table_lines(rows)
    print(lines[0])
    for line, view in zip(lines[1:], views, strict=True):
        print(line)
        print(f"    {view.context}")


def run(args: argparse.Namespace) -> int:
    """Apply --keep/--undo, else list; returns the exit status."""
    from pctui.cli.intake_common import opened_registry
    from pctui.intake.records import RedactionStatus
    from pctui.intake.redaction_review import redaction_views

    keep, undo = _ids("--keep", args.keep), _ids("--undo", args.undo)
    if args.show_original and not sys.stdout.isatty():
        raise Exit(
            FINDING,
            _(
                "pctui: refused: --show-original prints personal data, only to a terminal "
                "(not to a file, a pipe or a log)"
            ),
        )
    file = load(args.file)
    with opened_registry(args.file, file) as registry:
        if keep or undo:
            return _review(registry, file, keep, undo)
        views = redaction_views(registry, pending_only=args.pending)
    if args.json:
        import json  # only for --json, not at each intake command's start

        print(json.dumps(as_json(views, args.show_original), ensure_ascii=False, indent=2))
    elif views:
        _print(views, args.show_original)
    pending = sum(1 for view in views if view.redaction.status == RedactionStatus.PENDING)
    if not args.json:
        message = ngettext("{count} redaction to review", "{count} redactions to review", pending)
        print(message.format(count=pending))
    return FINDING if pending else OK
