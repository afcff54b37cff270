"""`pctui open FILE`: the review TUI."""

from __future__ import annotations

import argparse

from pctui.cli.common import BAD_INPUT, OK, Exit, load, problems_exit
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _

HELP = N_("open the review TUI on a consultation file")
DESCRIPTION = N_("Open the review TUI on a consultation file.")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add("open", help=_(HELP), description=_(DESCRIPTION))
    add_file_argument(parser)
    parser.add_argument(
        "--theme", metavar="NAME", help=_("colour theme for this session (see `pctui themes`)")
    )
    parser.set_defaults(run=run)


# Items read before the first frame of a large file; the rest are read while it is shown.
# The bytes bound it too: a file of few but large items (10,000 opinions in 183 items,
# 4.5 MB) would otherwise be read whole first. 512 KiB holds a screenful on every shape
# the benchmark makes (27 of those items, 48 of `long`'s, 87 of `busy`'s).
PREVIEW_ITEMS = 200
PREVIEW_BYTES = 512 * 1024


def run(args: argparse.Namespace) -> int:
    """Load first (a broken file opens no TUI), then run the app.

    A large file opens on a preview of its first items and is read whole in the background;
    should it then turn out not to load, the app closes and its problems are printed here.
    An unknown --theme is refused before anything is read.
    """
    # Imported here, not by `pctui --help`, which imports every command's module to list it
    # (the themes' catalog and the file's reader: 50-130 ms of its start).
    from pctui.storage import ConsultationFile
    from pctui.theming import load_catalog

    catalog = load_catalog()
    if args.theme is not None and args.theme not in catalog.themes:
        raise Exit(BAD_INPUT, "pctui: --theme: " + catalog.unknown(args.theme))
    file = ConsultationFile.preview(args.file, PREVIEW_ITEMS, PREVIEW_BYTES) or load(args.file)
    from pctui.app.run import run_app  # Textual is imported only when the TUI is wanted

    problems = run_app(file, theme=args.theme, catalog=catalog)
    if problems:
        raise problems_exit(args.file, problems)
    return OK
