"""`pctui themes [--set NAME]`: the themes a reviewer can choose, and choosing one."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, pad, width
from pctui.cli.parsers import Commands
from pctui.config import config_path, load_config, save_setting
from pctui.i18n import N_, _

if TYPE_CHECKING:
    from pctui.theming import Catalog

# The themes are imported by the functions that list or choose them: `pctui --help`
# imports every command's module to list it (the catalog, its loader and Pygments' styles
# took 25-30 ms of its start). So the words below keyed by the themes' constants are made
# where they are used.

HELP = N_("list the colour themes, or choose one with --set")
DESCRIPTION = N_("""\
List the colour themes pctui can use: the shipped ones and your own (*.toml files in
your themes folder, shown below the list), with * before the one `pctui open` starts
with. --set NAME makes NAME your theme (saved in your settings file); `pctui open
--theme NAME` uses a theme for one session only. Exit status: 0, 1 when a theme file
has problems (each printed as path:line:col: message; that theme is skipped), 2 for an
unknown theme name.""")

# Words of the listing, kept together; translated where they are printed.
SHIPPED_WORD, USER_WORD = N_("shipped"), N_("yours")
OVERRIDES = N_("yours, replaces the shipped one")
DARK_WORDS = {True: N_("dark"), False: N_("light")}
FROM_CONFIG_WORDS = N_("current: {name} (chosen in {path})")
FROM_DEFAULT_WORDS = N_("current: {name} (the default for a terminal of {colours} colours; "
                        "choose with pctui themes --set NAME)")  # fmt: skip
FOLDER_LINE = N_("your themes folder: {folder}")
SET_DONE = N_("theme set to {name} (saved in {path})")
SET_FAILED = N_("pctui: cannot save the theme in {path}: {error}")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add("themes", help=_(HELP), description=_(DESCRIPTION))
    parser.add_argument("--set", metavar="NAME", dest="set_theme", help=_("choose theme NAME"))
    parser.add_argument(
        "--pygments", action="store_true", help=_("list the Pygments styles a theme may name")
    )
    parser.set_defaults(run=run)


def listing(catalog: Catalog, current: str) -> list[str]:
    """Two lines per theme: * for `current`, name, dark/light, where it comes from and what
    it looks like; then its file."""
    from pctui.theming import USER

    origin_words = {"shipped": SHIPPED_WORD, USER: USER_WORD}
    names = sorted(catalog.themes)
    name_cells = max((width(name) for name in names), default=0)
    origins = {name: _(OVERRIDES if spec.overrides else origin_words[spec.origin])
               for name, spec in catalog.themes.items()}  # fmt: skip
    origin_cells = max((width(origin) for origin in origins.values()), default=0)
    dark_cells = max(width(_(word)) for word in DARK_WORDS.values())
    lines = []
    for name in names:
        spec = catalog.themes[name]
        mark = "*" if name == current else " "
        lines.append(
            f"{mark} {pad(name, name_cells)}  {pad(_(DARK_WORDS[spec.dark]), dark_cells)}  "
            f"{pad(origins[name], origin_cells)}  {spec.description}".rstrip()
        )
        lines.append(f"  {' ' * name_cells}  {spec.path}")
    return lines


def run(args: argparse.Namespace) -> int:
    """List the themes, or save the chosen one; returns the exit status."""
    from pctui.session.terminal import colour_count
    from pctui.theming import load_catalog, user_themes_dir
    from pctui.theming.choice import FROM_CONFIG, FROM_DEFAULT, choose_theme
    from pctui.theming.loader import pygments_styles

    if args.pygments:
        print("\n".join(pygments_styles()))
        return OK
    catalog = load_catalog()
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    if args.set_theme is not None:
        name = args.set_theme
        if name not in catalog.themes:
            raise Exit(BAD_INPUT, "pctui: --set: " + catalog.unknown(name))
        try:
            save_setting("theme", name)
        except OSError as error:
            message = _(SET_FAILED).format(path=config_path(), error=error)
            raise Exit(FINDING, message) from None
        print(_(SET_DONE).format(name=name, path=config_path()))
        return OK
    settings, problems = load_config()
    for message in problems:
        print(message, file=sys.stderr)
    colours = colour_count(os.environ)
    choice = choose_theme(catalog, None, settings.get("theme"), colours)
    for message in choice.problems:
        print(f"{config_path()}: {message}", file=sys.stderr)
    print("\n".join(listing(catalog, choice.name)))
    print()
    current_from = {FROM_CONFIG: FROM_CONFIG_WORDS, FROM_DEFAULT: FROM_DEFAULT_WORDS}
    print(_(current_from[choice.source]).format(name=choice.name, path=config_path(),
                                                colours=colours))  # fmt: skip
    print(_(FOLDER_LINE).format(folder=user_themes_dir()))
    return FINDING if catalog.problems else OK
