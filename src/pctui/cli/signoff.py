"""`pctui signoff` and `pctui withdraw`: sign an item's current revision, or take it back."""

from __future__ import annotations

import argparse
import sys

from pctui.cli.common import FINDING, OK, Exit, load
from pctui.git.commits import after_signoff
from pctui.model.actions import Refused, sign, withdraw
from pctui.model.identity import current_login
from pctui.model.records import APPROVE, REJECT
from pctui.model.state import item_state
from pctui.storage import ConsultationFile, SaveError

SIGNOFF_DESCRIPTION = """\
Sign item N's current revision as the current login (from the operating system) at the
first stage, in review.stages order, that has no approval yet and that this login may
sign. With --reject, request changes instead (a --comment is then required). Refused
with exit status 1 when the login is not a reviewer, may sign no remaining stage, already
signed this revision, or wrote it while self-approval is off."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `signoff` and `withdraw`."""
    parser = commands.add_parser(
        "signoff", help="approve (or reject) an item's current revision",
        description=SIGNOFF_DESCRIPTION,
    )  # fmt: skip
    parser.add_argument("file", metavar="FILE", help="the consultation TOML file")
    parser.add_argument("--item", type=int, required=True, metavar="N", help="the item's No.")
    parser.add_argument("--reject", action="store_true", help="request changes instead")
    parser.add_argument("--comment", metavar="TEXT", help="a comment kept with the sign-off")
    parser.set_defaults(run=run_signoff)
    parser = commands.add_parser(
        "withdraw", help="withdraw your sign-off on an item's current revision",
        description="Withdraw the current login's sign-off on item N's current revision.",
    )  # fmt: skip
    parser.add_argument("file", metavar="FILE", help="the consultation TOML file")
    parser.add_argument("--item", type=int, required=True, metavar="N", help="the item's No.")
    parser.set_defaults(run=run_withdraw)


def run_signoff(args: argparse.Namespace) -> int:
    """Sign and save; returns the exit status."""
    file = load(args.file)
    login = current_login()
    verdict = REJECT if args.reject else APPROVE
    try:
        signoff = file.transact(
            args.item, lambda c: sign(c, args.item, login, verdict, args.comment)
        )
    except Refused as refusal:
        raise Exit(FINDING, f"pctui: refused: {refusal}") from None
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None
    item = file.consultation.item(args.item)
    assert item is not None
    done = "approved" if verdict == APPROVE else "requested changes to"
    state = item_state(item, file.consultation.review)
    print(f"No.{item.no}: {login} {done} revision {signoff.revision} at stage "
          f"{signoff.stage}; No.{item.no} is now {state}")  # fmt: skip
    if verdict == APPROVE:
        _commit_on_approve(file, item.no)
    return OK


def _commit_on_approve(file: ConsultationFile, no: int) -> None:
    """With `[git] commit = "on-approve"`, commit an item that just became approved.

    A commit that cannot be made is a warning: the sign-off itself is saved.
    """
    result = after_signoff(file, no)
    if result.failed:
        print(f"pctui: warning: {result.message}", file=sys.stderr)
    elif result.message:
        print(result.message)


def run_withdraw(args: argparse.Namespace) -> int:
    """Withdraw and save; returns the exit status."""
    file = load(args.file)
    login = current_login()
    try:
        signoff = file.transact(args.item, lambda c: withdraw(c, args.item, login))
    except Refused as refusal:
        raise Exit(FINDING, f"pctui: refused: {refusal}") from None
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None
    print(f"No.{args.item}: {login} withdrew the {signoff.stage} sign-off "
          f"on revision {signoff.revision}")  # fmt: skip
    return OK
