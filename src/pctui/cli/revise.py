"""`pctui revise FILE --item N (--text TEXT | --from-file PATH)`: a new draft response."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pctui.cli.common import BAD_INPUT, OK, Exit, load, saved
from pctui.cli.parsers import Commands, add_file_argument, add_item_argument
from pctui.i18n import N_, _
from pctui.model.actions import revise
from pctui.model.identity import current_login

DESCRIPTION = N_("""\
Append a revision of item N's response, authored by the current login. The new revision
becomes the current draft; sign-offs of earlier revisions stay, shown as stale.""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "revise", help=_("append a revision of an item's response"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    add_item_argument(parser)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", metavar="TEXT", help=_("the new response text"))
    source.add_argument(
        "--from-file", metavar="PATH", help=_("read the text from PATH ('-': stdin)")
    )
    parser.add_argument("--note", metavar="TEXT", help=_("why it changed (kept with the revision)"))
    parser.set_defaults(run=run)


def _lf(text: str) -> str:
    """`text` with Windows (CRLF) and old Mac (CR) line ends as LF: a response written in
    Notepad is the same response, and a CR would show in every pane and diff as a mark."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(args: argparse.Namespace) -> str:
    if args.text is not None:
        return _lf(str(args.text))
    try:
        if args.from_file == "-":
            return _lf(sys.stdin.read())
        return _lf(Path(args.from_file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        message = _("{path}:1:1: cannot read the text: {error}")
        raise Exit(BAD_INPUT, message.format(path=args.from_file, error=error)) from None


def run(args: argparse.Namespace) -> int:
    """Append the revision and save; returns the exit status."""
    text = _read_text(args).rstrip("\n")
    file = load(args.file)
    login = current_login()
    item = file.consultation.item(args.item)
    base = item.current_index if item else None
    done = saved(file, args.item, lambda c: revise(c, args.item, login, text, args.note, base=base))
    for other in done.concurrent:
        print(
            _(
                "pctui: note: {author} saved a revision of No.{no} meanwhile; "
                "both are kept, yours is the current one"
            ).format(author=other.author, no=args.item),
            file=sys.stderr,
        )
    print(
        _("No.{no}: revision {revision} by {login} saved").format(
            no=args.item, revision=done.index, login=login
        )
    )
    return OK
