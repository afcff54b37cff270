"""`pctui open FILE`: the review TUI."""

from __future__ import annotations

import argparse

from pctui.cli.common import BAD_INPUT, OK, Exit, load
from pctui.theming import load_catalog

HELP = "open the review TUI on a consultation file"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommand."""
    parser = commands.add_parser("open", help=HELP, description=HELP + ".")
    parser.add_argument("file", metavar="FILE", help="the consultation TOML file")
    parser.add_argument(
        "--theme", metavar="NAME", help="colour theme for this session (see `pctui themes`)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load first (a broken file opens no TUI), then run the app."""
    catalog = load_catalog()
    if args.theme is not None and args.theme not in catalog.themes:
        raise Exit(BAD_INPUT, f"pctui: --theme: {catalog.unknown(args.theme)}")
    file = load(args.file)
    from pctui.app.main import run_app  # Textual is imported only when the TUI is wanted

    run_app(file, theme=args.theme, catalog=catalog)
    return OK
