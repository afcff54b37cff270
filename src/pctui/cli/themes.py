"""`pctui themes [--set NAME]`: the themes a reviewer can choose, and choosing one."""

from __future__ import annotations

import argparse
import os
import sys

from pctui.app.terminal import colour_count
from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit, pad, width
from pctui.config import config_path, load_config, save_setting
from pctui.theming import USER, Catalog, load_catalog, user_themes_dir
from pctui.theming.choice import FROM_CONFIG, FROM_DEFAULT, choose_theme
from pctui.theming.loader import pygments_styles

HELP = "list the colour themes, or choose one with --set"
DESCRIPTION = """\
List the colour themes pctui can use: the shipped ones and your own (*.toml files in
your themes folder, shown below the list), with * before the one `pctui open` starts
with. --set NAME makes NAME your theme (saved in your settings file); `pctui open
--theme NAME` uses a theme for one session only. Exit status: 0, 1 when a theme file
has problems (each printed as path:line:col: message; that theme is skipped), 2 for an
unknown theme name."""

# Words of the listing, kept together.
ORIGIN_WORDS = {"shipped": "shipped", USER: "yours"}
OVERRIDES = "yours, replaces the shipped one"
DARK_WORDS = {True: "dark", False: "light"}
CURRENT_FROM = {
    FROM_CONFIG: "current: {name} (chosen in {path})",
    FROM_DEFAULT: "current: {name} (the default for a terminal of {colours} colours; "
    "choose with pctui themes --set NAME)",
}
FOLDER_LINE = "your themes folder: {folder}"
SET_DONE = "theme set to {name} (saved in {path})"
SET_FAILED = "pctui: cannot save the theme in {path}: {error}"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommand."""
    parser = commands.add_parser("themes", help=HELP, description=DESCRIPTION,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--set", metavar="NAME", dest="set_theme", help="choose theme NAME")
    parser.add_argument(
        "--pygments", action="store_true", help="list the Pygments styles a theme may name"
    )
    parser.set_defaults(run=run)


def listing(catalog: Catalog, current: str) -> list[str]:
    """Two lines per theme: * for `current`, name, dark/light, where it comes from and what
    it looks like; then its file."""
    names = sorted(catalog.themes)
    name_cells = max((width(name) for name in names), default=0)
    origins = {name: OVERRIDES if spec.overrides else ORIGIN_WORDS[spec.origin]
               for name, spec in catalog.themes.items()}  # fmt: skip
    origin_cells = max((width(origin) for origin in origins.values()), default=0)
    lines = []
    for name in names:
        spec = catalog.themes[name]
        mark = "*" if name == current else " "
        lines.append(
            f"{mark} {pad(name, name_cells)}  {pad(DARK_WORDS[spec.dark], 5)}  "
            f"{pad(origins[name], origin_cells)}  {spec.description}".rstrip()
        )
        lines.append(f"  {' ' * name_cells}  {spec.path}")
    return lines


def run(args: argparse.Namespace) -> int:
    """List the themes, or save the chosen one; returns the exit status."""
    if args.pygments:
        print("\n".join(pygments_styles()))
        return OK
    catalog = load_catalog()
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    if args.set_theme is not None:
        name = args.set_theme
        if name not in catalog.themes:
            raise Exit(BAD_INPUT, f"pctui: --set: {catalog.unknown(name)}")
        try:
            save_setting("theme", name)
        except OSError as error:
            raise Exit(FINDING, SET_FAILED.format(path=config_path(), error=error)) from None
        print(SET_DONE.format(name=name, path=config_path()))
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
    print(CURRENT_FROM[choice.source].format(name=choice.name, path=config_path(),
                                             colours=colours))  # fmt: skip
    print(FOLDER_LINE.format(folder=user_themes_dir()))
    return FINDING if catalog.problems else OK
