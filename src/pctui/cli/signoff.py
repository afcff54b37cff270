"""`pctui signoff` and `pctui withdraw`: sign an item's current revision, or take it back."""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING

from pctui.cli.common import BAD_INPUT, OK, Exit, load, saved
from pctui.cli.parsers import Commands, add_file_argument, add_item_argument
from pctui.i18n import N_, _
from pctui.model.actions import sign, withdraw
from pctui.model.identity import current_login
from pctui.model.records import APPROVE, REJECT
from pctui.model.state import item_state
from pctui.words import state_name

if TYPE_CHECKING:
    # Only named: `load` imports the reader when the command runs, not at `pctui --help`.
    from pctui.storage import ConsultationFile

SIGNOFF_DESCRIPTION = N_("""\
Sign item N's current revision as the current login (from the operating system) at the
first stage, in review.stages order, that has no approval yet and that this login may
sign. An approval waits until every earlier stage has approved the current revision
(unless review.order = "any"). With --reject, request changes instead (a --comment is
then required); that never waits. Refused with exit status 1 when the login is not a
reviewer, may sign no remaining stage, already signed this revision, wrote it while
self-approval is off, an earlier stage has not approved yet, or the item changed since
the caller read it (--revision, --basis); exit status 2 when there is no item N.""")
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
WITHDRAW_DESCRIPTION = N_("Withdraw the current login's sign-off on item N's current revision.")


def add_parser(commands: Commands) -> None:
    """Register `signoff` and `withdraw`."""
    parser = commands.add(
        "signoff", help=_("approve (or reject) an item's current revision"),
        description=_(SIGNOFF_DESCRIPTION),
    )  # fmt: skip
    add_file_argument(parser)
    add_item_argument(parser)
    parser.add_argument("--reject", action="store_true", help=_("request changes instead"))
    parser.add_argument("--comment", metavar="TEXT", help=_("a comment kept with the sign-off"))
    parser.add_argument(
        "--revision", type=int, metavar="R",
        help=_("the revision you read: refused (exit 1) if a newer one was saved since"),
    )  # fmt: skip
    parser.add_argument(
        "--basis", metavar="DIGEST",
        help=_("the opinions and summary you read (format 2: the item's basis as status "
               "--json prints it): refused (exit 1) if they changed since"),
    )  # fmt: skip
    parser.set_defaults(run=run_signoff)
    parser = commands.add(
        "withdraw", help=_("withdraw your sign-off on an item's current revision"),
        description=_(WITHDRAW_DESCRIPTION),
    )  # fmt: skip
    add_file_argument(parser)
    add_item_argument(parser)
    parser.set_defaults(run=run_withdraw)


def run_signoff(args: argparse.Namespace) -> int:
    """Sign and save; returns the exit status."""
    file = load(args.file)
    _revision_exists(file, args.item, args.revision)
    _basis_usable(file, args.basis)
    login = current_login()
    verdict = REJECT if args.reject else APPROVE
    signoff = saved(
        file, args.item,
        lambda c: sign(c, args.item, login, verdict, args.comment, seen=args.revision,
                       seen_basis=args.basis),
    )  # fmt: skip
    item = file.consultation.item(args.item)
    assert item is not None
    if verdict == APPROVE:
        done = _(
            "No.{no}: {login} approved revision {revision} at stage {stage}; No.{no} is now {state}"
        )
    else:
        done = _(
            "No.{no}: {login} requested changes to revision {revision} at stage {stage}; "
            "No.{no} is now {state}"
        )
    state = state_name(item_state(item, file.consultation.review))
    print(
        done.format(
            no=item.no, login=login, revision=signoff.revision, stage=signoff.stage, state=state
        )
    )
    if verdict == APPROVE:
        _commit_on_approve(file, item.no)
    return OK


def _revision_exists(file: ConsultationFile, no: int, revision: int | None) -> None:
    """Exit 2 when --revision names a revision item `no` does not have: a wrong argument
    (nobody read revision 5 of an item that has one), not a newer text saved meanwhile."""
    item = file.consultation.item(no)
    if revision is None or item is None or 1 <= revision <= len(item.revisions):
        return  # a missing item is the action's to report
    span = f"1..{len(item.revisions)}" if item.revisions else _("none")
    why = _("No.{no} has no revision {revision} (revisions: {span})").format(
        no=no, revision=revision, span=span
    )
    raise Exit(BAD_INPUT, _("pctui: argument {option}: {why}").format(option="--revision", why=why))


def _basis_usable(file: ConsultationFile, basis: str | None) -> None:
    """Exit 2 when --basis cannot be compared: a format-1 file has no basis (status --json
    prints none), and a value that is no digest is a wrong argument, not a change."""
    if basis is None:
        return
    if file.consultation.format < 2:
        why = _("{path} is in format 1, where an item has no basis (pctui migrate makes it "
                "format 2)").format(path=file.path)  # fmt: skip
    elif not _DIGEST.fullmatch(basis):
        why = _("{value} is not a digest as status --json prints it (sha256:…)").format(
            value=repr(basis)
        )
    else:
        return
    raise Exit(BAD_INPUT, _("pctui: argument {option}: {why}").format(option="--basis", why=why))


def _commit_on_approve(file: ConsultationFile, no: int) -> None:
    """With `[git] commit = "on-approve"`, commit an item that just became approved.

    A commit that cannot be made is a warning: the sign-off itself is saved.
    """
    # Imported when it runs: `pctui --help` imports every command's module to list it.
    from pctui.git.commits import after_signoff

    result = after_signoff(file, no)
    if result.failed:
        print(_("pctui: warning: {message}").format(message=result.message), file=sys.stderr)
    elif result.message:
        print(result.message)


def run_withdraw(args: argparse.Namespace) -> int:
    """Withdraw and save; returns the exit status."""
    file = load(args.file)
    login = current_login()
    signoff = saved(file, args.item, lambda c: withdraw(c, args.item, login))
    print(
        _("No.{no}: {login} withdrew the {stage} sign-off on revision {revision}").format(
            no=args.item, login=login, stage=signoff.stage, revision=signoff.revision
        )
    )
    return OK
