"""`pctui audit FILE [--strict] [--signed] [--json]`: every sign-off traced through git history."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, load
from pctui.cli.output import json_text
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pctui.git.audit import Report, Trace, TraceVerdict
    from pctui.git.history import Commit
    from pctui.storage import ConsultationFile

# Git's audit, the file's schema and the zones are imported by the functions that audit:
# `pctui --help` imports every command's module to list it (git's audit: 30-35 ms).

DESCRIPTION = N_("""\
Walk FILE's git history (following renames) and report, for each sign-off in the file,
the commit that introduced it and whether that commit's author and committer are the
signer (by the email, else the name, in review.reviewers, else the login). A sign-off
authored as the signer but committed by someone else is a finding. A sign-off brought in by
someone else's commit is accepted when pctui recorded it there (a Pctui-Signoff trailer:
an approval commit carries the earlier stages' sign-offs); --strict reports those too.
Findings: sign-offs typed into the file by hand, digests that do not match their
revision, sign-offs that could never have been given, sign-offs not yet committed, and
sign-offs or revisions that were committed once and are gone. With --signed, every commit
that brought in or withdrew a sign-off must also carry a good signature (SSH or GnuPG,
checked by git) whose signer names the commit's author by email. Exit 0 when everything
checks out, 1 otherwise.""")

# Why a trace verdict is a finding, by verdict (see `_why`).
WHY_HAND_EDITED = N_(
    "edited in by hand? introduced in {c} by {a}, who is not the signer, "
    "and not recorded there by a reviewer's pctui"
)
WHY_MERGE = N_("appeared in merge commit {c} ({a}), on neither side before it")
WHY_UNCOMMITTED = N_("not committed yet (pctui commit FILE)")
WHY_CARRIED = N_("committed in {c} by {a}, not by the signer (recorded by pctui)")
WHY_COMMITTED_BY_OTHER = N_(
    "authored as the signer in {c} but committed by {k}: "
    "git commit --author, or history rewritten by someone else?"
)


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "audit", help=_("trace every sign-off through git history"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument(
        "--strict", action="store_true", help=_("a sign-off must be committed by its own signer")
    )
    parser.add_argument(
        "--signed",
        action="store_true",
        help=_("each such commit must be signed by its author (see docs/git.md)"),
    )
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))
    parser.set_defaults(run=run)


def _why(verdict: TraceVerdict | None, commit: Commit | None, strict: bool) -> list[str]:
    """The reason to print for a trace verdict that is a finding ([] when it is not)."""
    from pctui.git.audit import CARRIED, COMMITTED_BY_OTHER, HAND_EDITED, MERGE, UNCOMMITTED

    why = {HAND_EDITED: WHY_HAND_EDITED, MERGE: WHY_MERGE, UNCOMMITTED: WHY_UNCOMMITTED,
            CARRIED: WHY_CARRIED, COMMITTED_BY_OTHER: WHY_COMMITTED_BY_OTHER}  # fmt: skip
    if verdict not in why or (verdict == CARRIED and not strict):
        return []
    author = f"{commit.author} <{commit.email}>" if commit else ""
    committer = f"{commit.committer} <{commit.committer_email}>" if commit else ""
    return [_(why[verdict]).format(c=commit.short if commit else "", a=author, k=committer)]


def _findings(file: ConsultationFile, report: Report, strict: bool) -> list[str]:
    from pctui.storage.item_schema import SIGNOFFS
    from pctui.words import verdict_name

    lines = []
    for trace in report.findings(strict):
        s = trace.signoff
        line, col = file.place(trace.no, SIGNOFFS, trace.index, None)
        what = _("No.{no} {stage} {verdict} by {login}").format(
            no=trace.no, stage=s.stage, verdict=verdict_name(s.verdict), login=s.by
        )
        reasons = list(trace.problems)
        reasons += _why(trace.verdict, trace.commit, strict)
        withdrawn = _why(trace.withdrawal, trace.withdrawal_commit, strict)
        reasons += [_("its withdrawal: {reason}").format(reason=reason) for reason in withdrawn]
        lines += [f"{file.path}:{line}:{col}: {what}: {reason}" for reason in reasons]
    lines += [f"{file.path}: {gone}" for gone in report.gone]
    lines += [
        _("{path}: in history: {problem}").format(path=file.path, problem=bad)
        for bad in report.unreadable
    ]
    return lines


def _json(trace: Trace, zone: dt.tzinfo | None) -> dict[str, Any]:
    from pctui.model.zones import in_zone

    s, c = trace.signoff, trace.commit
    return {
        "no": trace.no, "stage": s.stage, "by": s.by, "verdict": s.verdict,
        "at": in_zone(s.at, zone).isoformat(), "revision": s.revision, "trace": trace.verdict,
        "commit": c.sha if c else None, "author": c.author if c else None,
        "email": c.email if c else None, "problems": list(trace.problems),
        "committer": c.committer if c else None,
        "committer_email": c.committer_email if c else None,
        "withdrawal": trace.withdrawal,
        "withdrawal_commit": trace.withdrawal_commit.sha if trace.withdrawal_commit else None,
        "signature": (c.signature or None) if c else None,
        "signer": (c.signer or None) if c else None,
    }  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Audit; returns 0 when everything checks out, 1 otherwise."""
    from pctui.git.audit import audit, trace_name
    from pctui.git.run import GitError
    from pctui.model.zones import consultation_zone

    file = load(args.file)
    try:
        report = audit(file, signatures=args.signed)
    except GitError as error:
        message = _("pctui: {path}: cannot audit: {error}").format(path=args.file, error=error)
        raise Exit(BAD_INPUT, message) from None
    findings = _findings(file, report, args.strict)
    clean = report.clean(args.strict)
    zone = consultation_zone(file.consultation)
    if args.json:
        payload = {"clean": clean, "commits": report.commits,
                   "signoffs": [_json(t, zone) for t in report.traces],
                   "findings": findings, "merged": report.merged}  # fmt: skip
        print(json_text(payload))
        return OK if clean else FINDING
    for trace in report.traces:
        print(trace.describe(zone))
    counts: dict[TraceVerdict, int] = {}
    for trace in report.traces:
        counts[trace.verdict] = counts.get(trace.verdict, 0) + 1
    summary = ", ".join(f"{n} {trace_name(verdict)}" for verdict, n in sorted(counts.items()))
    signoffs = ngettext("{count} sign-off", "{count} sign-offs", len(report.traces))
    commits = ngettext("{count} commit", "{count} commits", report.commits)
    print(
        _("{signoffs} in {commits} of history").format(
            signoffs=signoffs.format(count=len(report.traces)),
            commits=commits.format(count=report.commits),
        )
        + (": " + summary if summary else "")
    )
    for merged in report.merged:
        message = _(
            "{item} was merged into another item: its revisions and sign-offs are in git history"
        )
        print(message.format(item=merged))
    for line in findings:
        print(line, file=sys.stderr)
    if not clean:
        count = len(findings)
        message = ngettext("{path}: {count} finding", "{path}: {count} findings", count)
        print(message.format(path=args.file, count=count), file=sys.stderr)
    return OK if clean else FINDING
