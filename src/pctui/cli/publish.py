"""`pctui publish FILE [--format md,html,csv,xlsx] [--out DIR] [--draft] [--check]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pctui.base.problems import ERROR, WARNING, Problem
from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, load
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext
from pctui.publish.formats import FORMATS

if TYPE_CHECKING:
    from pctui.base.toml_locate import Locator
    from pctui.publish.completeness import Finding
    from pctui.storage import ConsultationFile

# The publisher is imported by the functions that publish: `pctui --help` lists this
# command with its formats alone (the renderers and the checks took 60-90 ms of its start).

DESCRIPTION = N_("""\
Write the published result of FILE from the approved text: <id>.md, <id>.html, <id>.csv
and <id>.xlsx beside FILE (or in --out DIR), all replaced together or none, and byte for
byte the same for the same file. First a completeness check (行政手続法 第43条: title, dates,
a response to every opinion, counts that add up) prints what is missing as
path:line:col: message. Publishing is refused (exit 1) while an item is not approved or
something required is missing, unless --draft is given: every page is then marked as a
draft. Formats: {formats}.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "publish",
        help=_("write the published result (md, html, csv, xlsx)"),
        description=_(DESCRIPTION).format(formats=", ".join(FORMATS)),
    )
    add_file_argument(parser)
    parser.add_argument(
        "--format",
        default=",".join(FORMATS),
        metavar="LIST",
        help=_("comma-separated formats (default: {formats})").format(formats=",".join(FORMATS)),
    )
    parser.add_argument("--out", metavar="DIR", help=_("write into DIR instead of beside FILE"))
    parser.add_argument(
        "--draft",
        action="store_true",
        help=_("publish items that are not approved, every page marked as a draft"),
    )
    parser.add_argument(
        "--submitted",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=_(
            "add the submitted opinions (redacted, from the intake registry) under the "
            "items that answer them (default: [intake] publish_submitted)"
        ),
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=_("only run the checks and say whether publishing would go ahead"),
    )
    parser.set_defaults(run=run)


def parse_formats(value: str) -> list[str]:
    """The formats named in `value` ('md,html'), in order, once each; Exit(2) on an unknown one."""
    chosen: list[str] = []
    for name in value.split(","):
        name = name.strip().lower().lstrip(".")
        if not name:
            continue
        if name not in FORMATS:
            message = _("pctui: --format: unknown format {name} (formats: {formats})")
            raise Exit(BAD_INPUT, message.format(name=repr(name), formats=", ".join(FORMATS)))
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise Exit(BAD_INPUT, _("pctui: --format: name at least one format"))
    return chosen


def locate(file: ConsultationFile, finding: Finding, header: Locator) -> Problem:
    """`finding` as a Problem at its place in the file (the header's, or the item's)."""
    where = finding.where
    if where.no is None:
        line, col = header.find(where.table, 0, where.key)
    else:
        line, col = file.place(where.no, where.table, where.index, where.key)
    severity = ERROR if finding.blocking else WARNING
    return Problem(str(file.path), line, col, finding.message, severity)


def _header_text(file: ConsultationFile) -> str:
    """The file's text before its first item: where header findings point (items can be many MB)."""
    text = file.path.read_text(encoding="utf-8-sig")
    return text.split("\n[[items]]", 1)[0]


def _unapproved_problems(file: ConsultationFile, draft: bool) -> list[Problem]:
    from pctui.model.state import approved_stages
    from pctui.publish import unapproved
    from pctui.publish.completeness import ITEMS
    from pctui.words import state_name

    review = file.consultation.review
    problems = []
    for item, state in unapproved(file.consultation):
        done = approved_stages(item, review)
        needs = [stage for stage in review.stages if stage not in done]
        line, col = file.place(item.no, ITEMS, 0, "no")
        message = _("No.{no} is not approved ({state}; needs {needs})").format(
            no=item.no, state=state_name(state), needs=", ".join(needs) or _("a response")
        )
        # In a draft they are what the draft mark is about: said, but not in the way.
        severity = WARNING if draft else ERROR
        problems.append(Problem(str(file.path), line, col, message, severity))
    return problems


def _out_dir(value: str | None, file: Path) -> Path | None:
    if value is None:
        return None
    folder = Path(value)
    if folder.exists() and not folder.is_dir():
        raise Exit(BAD_INPUT, _("{path}:1:1: --out must be a folder").format(path=value))
    try:
        # Beside a group-shared consultation, shared like its folder (umask or not).
        # Imported here: `pctui --help` imports every command's module to list it.
        from pctui.base.shared_folders import make_folders

        make_folders(folder, file)
    except OSError as error:
        message = _("{path}:1:1: cannot create the folder: {error}")
        raise Exit(BAD_INPUT, message.format(path=value, error=error.strerror)) from None
    return folder


def run(args: argparse.Namespace) -> int:
    """Check, then publish; returns the exit status."""
    # The submitted opinions' reading brings the intake registry (sqlite3 and the intake
    # package): imported here, not by `pctui --help`, which imports every command's module.
    from pctui.base.toml_locate import Locator
    from pctui.cli.publish_submitted import disagreeing_texts, pending_reason, read_submitted
    from pctui.publish import completeness, outputs, write_outputs
    from pctui.storage import SaveError

    formats = parse_formats(args.format)
    file = load(args.file)
    consultation = file.consultation
    findings = completeness(consultation)
    header = Locator(_header_text(file)) if findings else Locator("")
    problems = [locate(file, finding, header) for finding in findings]
    pending = _unapproved_problems(file, args.draft)
    for problem in sorted([*problems, *pending], key=lambda p: (p.line, p.col)):
        print(problem, file=sys.stderr)
    blocking = [p for p in problems if p.severity == ERROR]
    reasons = []
    publish_submitted = consultation.intake.publish_submitted
    if args.submitted is not None:
        publish_submitted = args.submitted
    submitted = read_submitted(args.file, consultation) if publish_submitted else None
    # Refused even for a draft: the text would print personal data a redaction removes, or
    # a marker where the words are public.
    disagreeing = disagreeing_texts(file)
    if disagreeing:
        for line in disagreeing:
            print(line, file=sys.stderr)
        message = ngettext(
            "pctui: refused: {count} opinion text disagrees with the intake registry; "
            "pctui intake sync {file} brings it in line",
            "pctui: refused: {count} opinion texts disagree with the intake registry; "
            "pctui intake sync {file} brings them in line",
            len(disagreeing),
        )
        raise Exit(FINDING, message.format(count=len(disagreeing), file=args.file))
    if submitted is not None and submitted.pending:
        reason = pending_reason(args.file, submitted.pending)
        if args.draft:  # the draft shows them as removed, which is what a pending one is
            print(_("pctui: warning: {reason}").format(reason=reason), file=sys.stderr)
        else:
            reasons.append(reason)
    if pending:
        reasons.append(
            _("{count} of {total} items are not approved").format(
                count=len(pending), total=len(consultation.items)
            )
        )
    if blocking:
        reasons.append(
            ngettext(
                "{count} required fact is missing (行政手続法 第43条)",
                "{count} required facts are missing (行政手続法 第43条)",
                len(blocking),
            ).format(count=len(blocking))
        )
    if reasons and not args.draft:
        raise Exit(
            FINDING,
            _(
                "pctui: refused: {reasons}; publish after they are "
                "fixed, or use --draft for a copy marked as a draft"
            ).format(reasons="; ".join(reasons)),
        )
    checking = Path(args.out) if args.out else None
    out = _out_dir(args.out, file.path) if not args.check else checking
    if args.check:
        for path in outputs(file.path, consultation, formats, out, submitted is not None):
            print(
                (_("would write {path} (draft)") if args.draft else _("would write {path}")).format(
                    path=path
                )
            )
        return OK
    try:
        written = write_outputs(
            file.path,
            submitted.consultation if submitted is not None else consultation,
            formats,
            out,
            draft=args.draft,
            submitted=submitted.public if submitted is not None else None,
        )
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None
    for path in written:
        print((_("wrote {path} (draft)") if args.draft else _("wrote {path}")).format(path=path))
    return OK
