"""`pctui intake group FILE [--json]`: 同趣旨 grouping of the registry's opinions."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

# Every `pctui intake` command builds the parsers of all its subcommands, so this module
# imports at its top only what its parser needs; what running it needs is imported in
# `run` (the registry, the readers, the grouping: a tenth of a second of start-up that the
# other subcommands need not pay).
from pctui.cli.common import OK, table_lines
from pctui.cli.parsers import Commands, add_file_argument
from pctui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pctui.intake.records import Group

DESCRIPTION = N_("""\
Group the registry's opinions of the same purport (同趣旨): exact copies once their
width, spacing and punctuation are made alike, then near-copies (a personal sentence
added, a sentence left out, a word changed). Each group has a representative, the text
most people sent, and each member keeps the text it adds to it. The same registry always
gives the same groups; running it again replaces the groups it holds. Only the public
(redacted) text is read.""")

SHOWN = 20
"""Groups listed without --json: the largest, which are the campaigns."""


def add_parser(commands: Commands) -> None:
    """Register the subcommand."""
    parser = commands.add(
        "group", help=_("group opinions of the same purport"), description=_(DESCRIPTION)
    )
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the groups as JSON"))
    parser.set_defaults(run=run)


def as_json(submissions: int, opinions: int, groups: list[Group]) -> dict[str, object]:
    """The groups as `--json` prints them, largest first (keys stay English)."""
    return {
        "submissions": submissions,
        "opinions": opinions,
        "groups": [
            {
                "id": group.id,
                "representative": group.representative,
                "opinions": [member.opinion for member in group.members],
            }
            for group in groups
        ],
    }


def groups_json(submissions: int, opinions: int, groups: list[Group]) -> str:
    """`as_json(submissions, opinions, groups)` as `json.dumps(..., ensure_ascii=False,
    indent=2)` writes it, each group laid out here around its strings, which the C string
    encoder writes: 48,000 groups of 200,000 opinions through the general indenting
    encoder (`indented_json`) took 0.3 s, most of it building and walking a dictionary
    a group."""
    from json.encoder import encode_basestring as quoted  # the C one, ensure_ascii=False's

    if not groups:
        from pctui.cli.json_indent import indented_json

        return indented_json(as_json(submissions, opinions, groups))
    parts = [
        f'{{\n      "id": {quoted(group.id)},\n      "representative": '
        f'{quoted(group.representative)},\n      "opinions": '
        + (
            "[\n        "
            + ",\n        ".join([quoted(member.opinion) for member in group.members])
            + "\n      ]"
            if group.members
            else "[]"
        )
        + "\n    }"
        for group in groups
    ]
    return (
        f'{{\n  "submissions": {int(submissions)},\n  "opinions": {int(opinions)},\n'
        f'  "groups": [\n    ' + ",\n    ".join(parts) + "\n  ]\n}"
    )


def run(args: argparse.Namespace) -> int:
    """Group, store the groups in the registry and print them; returns the exit status."""
    from pctui.intake.collector import collector_paused

    with collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from pctui.cli.intake_common import opened_registry, shortened
    from pctui.intake.grouping import group_opinions

    with opened_registry(args.file) as registry:
        pairs = registry.public_text_pairs()
        groups = group_opinions(pairs)
        registry.replace_groups(groups)
        submissions = registry.scalar("SELECT COUNT(*) FROM submissions")
    if args.json:
        print(groups_json(submissions, len(pairs), groups))
        return OK
    texts = dict(pairs)
    summary = ngettext(
        "{opinions} opinions from {submissions} submissions in {groups} group",
        "{opinions} opinions from {submissions} submissions in {groups} groups",
        len(groups),
    )
    print(summary.format(opinions=len(texts), submissions=submissions, groups=len(groups)))
    if groups:
        rows = [[_("opinions"), _("representative"), _("text")]]
        for group in groups[:SHOWN]:
            shown = shortened(texts[group.representative])
            rows.append([str(len(group.members)), group.representative, shown])
        print()
        for line in table_lines(rows):
            print(line)
        if len(groups) > SHOWN:
            print(_("… and {count} smaller groups (--json lists all)").format(
                count=len(groups) - SHOWN))  # fmt: skip
    return OK
