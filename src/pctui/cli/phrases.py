"""`pctui phrases FILE [--json]`: the office's standard phrases and how often each is used."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pctui.base.inert import inert
from pctui.cli.common import FINDING, OK, Exit, load, problems_exit, table_lines
from pctui.cli.output import json_text
from pctui.i18n import N_, _
from pctui.storage import LoadError

if TYPE_CHECKING:  # argparse only where a parser is built: validate runs office_phrases
    import argparse

    from pctui.cli.parsers import Commands
    from pctui.model.phrases import Phrase

HELP = N_("list the standard phrases (phrases.toml) and how often the answers use each")
DESCRIPTION = N_("""\
List the office's standard phrases (定型句) with the number of items whose current answer
uses each, and those items. phrases.toml is read from beside FILE, else from the root of
its git repository. Exit status 1 when there is no phrases.toml, 2 when it has problems
(printed as path:line:col: message).""")


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    from pctui.cli.parsers import add_file_argument

    parser = commands.add("phrases", help=_(HELP), description=_(DESCRIPTION))
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.set_defaults(run=run)


def office_phrases(file: str) -> list[Phrase]:
    """The phrases for the consultation `file` ([] without a phrases.toml); exit 2 with every
    problem printed when the phrases.toml is wrong."""
    from pctui.storage.phrases import find_phrases, load_phrases

    found = find_phrases(Path(file))
    if found is None:
        return []
    try:
        return load_phrases(found)
    except LoadError as error:
        raise problems_exit(found, error.problems) from None


def run(args: argparse.Namespace) -> int:
    """Print the phrases and their use; returns the exit status."""
    # Imported here, not by `pctui --help` (which imports every command's module): 20 ms.
    from pctui.model.phrases import usage
    from pctui.storage.phrases import find_phrases

    consultation = load(args.file).consultation
    if find_phrases(Path(args.file)) is None:
        raise Exit(
            FINDING,
            _("{path}: no phrases.toml beside it or at the root of its repository").format(
                path=args.file
            ),
        )
    phrases = office_phrases(args.file)
    used = usage(phrases, consultation)
    if args.json:
        rows = [
            {"id": p.id, "text": p.text, "classes": list(p.classes), "items": used[p.id]}
            for p in phrases
        ]
        print(json_text({"phrases": rows}))
        return OK
    table = [(_("phrase"), _("used"), _("classes"), _("text"), _("items"))]
    for phrase in phrases:
        items = used[phrase.id]
        table.append(
            (
                inert(phrase.id),
                str(len(items)),
                " ".join(map(inert, phrase.classes)) or "-",
                inert(phrase.text.replace("\n", " ")),
                " ".join(map(str, items)),
            )
        )
    print("\n".join(table_lines(table)))
    return OK
