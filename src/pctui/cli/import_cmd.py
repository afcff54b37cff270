"""`pctui import SOURCE -o FILE.toml`: a consultation from a published result, a CSV or an XLSX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit
from pctui.importer import (
    ERROR,
    FIELDS,
    MapError,
    Unreadable,
    parse_map,
    read_source,
    slug,
    to_consultation,
)
from pctui.model.actions import now
from pctui.model.identity import current_login
from pctui.storage import LoadError, SaveError, render_consultation
from pctui.storage.atomic import write_atomic
from pctui.storage.header_schema import SLUG
from pctui.storage.reader import load_text

DESCRIPTION = f"""\
Create a consultation file from what an office already has: a published result in
Markdown or plain text shaped like a 意見募集の結果 (No. | opinion | response tables, tab
or pipe separated, <p> paragraphs, tables split across pages, the header facts where
present), a CSV/TSV (UTF-8 or Shift_JIS) or an XLSX with a header row. Column headers in
Japanese or English are recognised; --map FIELD=HEADER (or FIELD=COLUMN-NUMBER) overrides,
fields: {", ".join(FIELDS)}. Every imported response becomes revision 1 by the current
login. What could not be read is printed as SOURCE:line:col: message (exit 1); exit 2
when nothing usable was found. An existing FILE is not overwritten without --force."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommand."""
    parser = commands.add_parser(
        "import", help="create a consultation file from md/txt/csv/xlsx", description=DESCRIPTION
    )
    parser.add_argument("source", metavar="SOURCE", help="the document to read")
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the consultation TOML file to create"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="which column holds a field, by header name or 1-based number",
    )
    parser.add_argument("--id", metavar="ID", help="consultation.id (default: from FILE's name)")
    parser.add_argument("--title", metavar="TEXT", help="consultation.title when SOURCE has none")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read, build, check, write; returns the exit status."""
    source, output = Path(args.source), Path(args.output)
    try:
        mapping = parse_map(args.map)
    except MapError as error:
        raise Exit(BAD_INPUT, f"pctui: {error}") from None
    consultation_id = args.id or slug(output.stem)
    if not SLUG.match(consultation_id):
        raise Exit(
            BAD_INPUT, f"pctui: --id {consultation_id!r} must be a slug: a-z, 0-9, '-', '_', '.'"
        )
    if output.exists() and not args.force:
        raise Exit(FINDING, f"pctui: refused: {output} exists; use --force to replace it")
    try:
        raw = read_source(source, mapping)
    except Unreadable as error:
        raise Exit(BAD_INPUT, f"{source}:{error.line}:{error.col}: {error.message}") from None
    except OSError as error:
        raise Exit(BAD_INPUT, f"{source}:1:1: cannot read: {error.strerror}") from None
    for note in sorted(raw.notes, key=lambda n: (n.line, n.col)):
        print(note.located(str(source)), file=sys.stderr)
    if not raw.found_table:
        raise Exit(BAD_INPUT, f"pctui: nothing usable in {source}; no file written")
    login = current_login()
    consultation = to_consultation(raw, login, now(), consultation_id, args.title or "")
    text = render_consultation(consultation)
    try:
        load_text(text, str(output))  # never write a file pctui itself would not load
    except LoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise Exit(
            BAD_INPUT, "pctui: the imported consultation is not valid; no file written"
        ) from None
    try:
        write_atomic(output, text.encode("utf-8"))
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None
    items, sections = len(consultation.items), len(consultation.sections)
    drafted = sum(1 for item in consultation.items if item.revisions)
    print(
        f"wrote {output}: {items} items in {sections} sections, {drafted} responses as "
        f"revision 1 by {login}"
    )
    print(
        f"next: name the reviewers in [review.reviewers] of {output}, then pctui validate {output}"
    )
    errors = [note for note in raw.notes if note.severity == ERROR]
    if errors:
        print(
            f"pctui: {len(errors)} part{'s' if len(errors) != 1 else ''} of {source} could "
            "not be read (above); check them by hand",
            file=sys.stderr,
        )
        return FINDING
    return OK
