"""`pctui import SOURCE -o FILE.toml`: a consultation from a published result (text, PDF,
Word), a CSV or an XLSX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit
from pctui.cli.parsers import Commands
from pctui.i18n import N_, _, ngettext
from pctui.importer.columns import FIELDS
from pctui.importer.rows import EMPTY_ANSWER, UNANSWERED

if TYPE_CHECKING:
    from pctui.importer.raw import RawDocument
    from pctui.model.records import Consultation

# The reading, the model and the storage are imported by `run`: `pctui --help` lists this
# command with its fields and options alone (the importer, tomlkit and the file's schema
# took some 100 ms of the help's start).

DESCRIPTION = N_("""\
Create a consultation file from what an office already has: a published result as PDF,
Word (.docx), HTML, Markdown or plain text shaped like a 意見募集の結果 (No. | opinion | response
tables, tab or pipe separated, <p> paragraphs, tables split across pages, or numbered items
such as "1. 意見の概要：… 市の考え方：…"; the header facts where present), a CSV/TSV (UTF-8
or Shift_JIS) or an XLSX with a header row. An answer cell merged down over several
opinions makes one item answering them all; groups such as Ⅰ．… Ⅱ．… keep numbering that
starts again under them; a No. cell holding a label as published (Ⅱ-4, 1-(2), 問3, ①)
keeps it as its opinion's label. Column headers in Japanese or English are recognised (the mapping
chosen is printed); --map FIELD=HEADER (or FIELD=COLUMN-NUMBER) overrides, fields:
{fields}. Every imported response becomes revision 1 by the current login. The
consultation's id is --id, else FILE's name when it is ASCII, else made of the opening date
and a digest of the name (printed). What could not be read is printed as
SOURCE:line:col: message (exit 1); exit 2 when nothing usable was found. An existing FILE
is not overwritten without --force.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "import",
        help=_("create a consultation file from pdf/docx/html/md/txt/csv/xlsx"),
        description=_(DESCRIPTION).format(fields=", ".join(FIELDS)),
    )
    parser.add_argument("source", metavar="SOURCE", help=_("the document to read"))
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=_("the consultation TOML file to create"),
    )
    parser.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=_("which column holds a field, by header name or 1-based number"),
    )
    parser.add_argument(
        "--empty-answer",
        choices=EMPTY_ANSWER,
        default=UNANSWERED,
        help=_(
            "how an empty answer cell under a filled one is read: not answered yet "
            "(unanswered, the default) or the answer above it (same-as-above)"
        ),
    )
    parser.add_argument(
        "--id",
        metavar="ID",
        help=_("consultation.id (a-z, 0-9, '-', '_', '.'; default: see above)"),
    )
    parser.add_argument(
        "--title", metavar="TEXT", help=_("consultation.title when SOURCE has none")
    )
    parser.set_defaults(run=run)


def _report(output: Path, consultation: Consultation, login: str) -> None:
    """The line saying what was written, each count with its own plural."""
    items, sections = len(consultation.items), len(consultation.sections)
    drafted = sum(1 for item in consultation.items if item.revisions)
    items_text = ngettext("{count} item", "{count} items", items).format(count=items)
    sections_text = ngettext("{count} section", "{count} sections", sections).format(count=sections)
    drafted_text = ngettext("{count} response", "{count} responses", drafted).format(count=drafted)
    message = _("wrote {path}: {items} in {sections}, {drafted} as revision 1 by {login}")
    print(
        message.format(
            path=output,
            items=items_text,
            sections=sections_text,
            drafted=drafted_text,
            login=login,
        )
    )
    if consultation.format == 2:
        opinions = sum(len(item.opinions) for item in consultation.items)
        message = ngettext(
            "format 2: {count} opinion under {items}",
            "format 2: {count} opinions under {items}",
            opinions,
        )
        print(message.format(count=opinions, items=items_text))
        intake = consultation.intake
        if intake.published_opinions is not None:
            message = _("totals as published: {submitters} submitters, {opinions} opinions")
            print(
                message.format(
                    submitters=intake.published_submitters, opinions=intake.published_opinions
                )
            )


def _found(raw: RawDocument) -> None:
    """What the reading chose and joined, so that a wrong guess is seen before it is used."""
    from pctui.importer.raw import quoted

    if raw.columns:
        chosen = ", ".join(f"{name}={header} ({column})" for name, header, column in raw.columns)
        print(_("columns: {columns} (change with --map FIELD=HEADER)").format(columns=chosen))
    if raw.unused_columns:
        left = ", ".join(
            f"{quoted(header, 20)} ({column})" for header, column in raw.unused_columns
        )
        message = _("not imported: {columns} (no field; read one with --map FIELD=HEADER)")
        print(message.format(columns=left))
    if raw.joined_merged:
        message = ngettext(
            "joined {count} opinion to the answer above it (merged answer cell)",
            "joined {count} opinions to the answer above them (merged answer cells)",
            raw.joined_merged,
        )
        print(message.format(count=raw.joined_merged))
    if raw.restarted:
        print(
            _("numbering starts again under each group: the published numbers are kept as labels")
        )
    if raw.labelled:
        message = ngettext(
            "kept {count} label as published from the No. column (such as '{example}') as its "
            "opinion's label; the items are numbered in the order read",
            "kept {count} labels as published from the No. column (such as '{example}') as "
            "their opinions' labels; the items are numbered in the order read",
            len(raw.labelled),
        )
        print(message.format(count=len(raw.labelled), example=quoted(raw.labelled[0], 20)))


def run(args: argparse.Namespace) -> int:
    """Read, build, check, write; returns the exit status."""
    from pctui.base.atomic import write_atomic
    from pctui.base.shared_folders import group_shared
    from pctui.importer import (
        ERROR,
        MapError,
        Unreadable,
        derive_id,
        parse_map,
        read_source,
        to_consultation,
    )
    from pctui.model.identity import current_login
    from pctui.model.records import Meta
    from pctui.model.zones import language_zone, now_in
    from pctui.storage import LoadError, SaveError, render_consultation
    from pctui.storage.header_schema import SLUG
    from pctui.storage.reader import load_text

    source, output = Path(args.source), Path(args.output)
    try:
        mapping = parse_map(args.map)
    except MapError as error:
        raise Exit(BAD_INPUT, f"pctui: {error}") from None
    if args.id is not None and not SLUG.match(args.id):
        message = _("pctui: --id {id} must be a slug: a-z, 0-9, '-', '_', '.'")
        raise Exit(BAD_INPUT, message.format(id=repr(args.id)))
    if output.exists() and not args.force:
        message = _("pctui: refused: {path} exists; use --force to replace it")
        raise Exit(FINDING, message.format(path=output))
    try:
        raw = read_source(source, mapping, args.empty_answer)
    except Unreadable as error:
        raise Exit(BAD_INPUT, f"{source}:{error.line}:{error.col}: {error.message}") from None
    except MapError as error:
        raise Exit(BAD_INPUT, f"{source}:1:1: {error}") from None
    except OSError as error:
        message = _("{path}:1:1: cannot read: {error}").format(path=source, error=error.strerror)
        raise Exit(BAD_INPUT, message) from None
    for note in sorted(raw.notes, key=lambda n: (n.line, n.col)):
        print(note.located(str(source)), file=sys.stderr)
    _found(raw)
    if not raw.found_table:
        raise Exit(
            BAD_INPUT, _("pctui: nothing usable in {path}; no file written").format(path=source)
        )
    login = current_login()
    consultation_id, derived = (args.id, False) if args.id else derive_id(output.stem, raw.opened)
    # The new file names no zone and has no times yet: its language's zone (the default
    # language's) is the one its first revisions are dated in, as later ones will be.
    at = now_in(language_zone(Meta(consultation_id, "").language))
    consultation = to_consultation(raw, login, at, consultation_id, args.title or "")
    text = render_consultation(consultation)
    try:
        load_text(text, str(output))  # never write a file pctui itself would not load
    except LoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise Exit(
            BAD_INPUT, _("pctui: the imported consultation is not valid; no file written")
        ) from None
    try:
        # A new consultation in a folder a group shares is the group's to sign and save:
        # it takes the folder's read and write bits and group, not the importer's umask.
        shared = output.parent if group_shared(output.parent) else None
        write_atomic(output, text.encode("utf-8"), shared_like=shared)
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None
    _report(output, consultation, login)
    if derived:
        message = _(
            "consultation.id is {id}, made of the opening date (when known) and a digest of "
            "the name {name}, which is not ASCII; published files are named after it, choose "
            "another with --id"
        )
        print(message.format(id=consultation_id, name=output.name))
    print(
        _(
            "next: name the reviewers in [review.reviewers] of {path}, then pctui validate {path}"
        ).format(path=output)
    )
    errors = [note for note in raw.notes if note.severity == ERROR]
    if errors:
        message = ngettext(
            "pctui: {count} part of {path} could not be read (above); check it by hand",
            "pctui: {count} parts of {path} could not be read (above); check them by hand",
            len(errors),
        )
        print(message.format(count=len(errors), path=source), file=sys.stderr)
        return FINDING
    return OK
