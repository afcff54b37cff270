"""`pctui merge-driver %O %A %B %P` (run by git) and `pctui install-merge-driver`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit
from pctui.git.install import DEFAULT_PATTERNS, install
from pctui.git.merge import NotMergeable, merge_files
from pctui.git.run import GitError, git
from pctui.git.textmerge import Labels
from pctui.i18n import N_, _
from pctui.storage import SaveError
from pctui.storage.atomic import write_atomic

DRIVER_DESCRIPTION = N_("""\
A git merge driver for consultation files (git runs it; see install-merge-driver).
Merges item by item: revisions and sign-offs are append-only, so both sides' are kept,
new ones ordered by time; a withdrawal on either side wins. Only a real conflict (both
sides changed an item's opinion, topic, section, count or class differently) is left as
conflict markers in that item, with exit status 1. The result is written to CURRENT.
A file that is not a consultation is merged as plain text (git merge-file).""")

INSTALL_DESCRIPTION = N_("""\
Make git use `pctui merge-driver` for consultation files in the repository holding the
current folder: adds `PATTERN merge=pctui` lines to .gitattributes at the top level
(default: {patterns}; commit that file so every clone uses them) and sets
merge.pctui.driver in the repository's config (each clone runs this once).""")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `merge-driver` and `install-merge-driver`."""
    parser = commands.add_parser(
        "merge-driver", help=_("git merge driver (run by git)"), description=_(DRIVER_DESCRIPTION)
    )
    parser.add_argument("base", metavar="BASE", help=_("the common ancestor's version (%%O)"))
    parser.add_argument(
        "current", metavar="CURRENT", help=_("our version; receives the result (%%A)")
    )
    parser.add_argument("other", metavar="OTHER", help=_("their version (%%B)"))
    parser.add_argument(
        "path",
        metavar="PATH",
        nargs="?",
        default="",
        help=_("the file's path in the repository (%%P)"),
    )
    parser.set_defaults(run=run_driver)
    description = _(INSTALL_DESCRIPTION).format(patterns=" ".join(DEFAULT_PATTERNS))
    parser = commands.add_parser(
        "install-merge-driver", help=_("set up the merge driver in a repo"), description=description
    )
    parser.add_argument(
        "patterns",
        metavar="PATTERN",
        nargs="*",
        help=_("gitattributes patterns of consultation files"),
    )
    parser.set_defaults(run=run_install)


def _as_text(base: Path, current: Path, other: Path, name: str, why: str) -> int:
    print(
        _("pctui merge-driver: {name}: {why}; merging it as plain text").format(name=name, why=why),
        file=sys.stderr,
    )
    done = git(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                str(current), str(base), str(other)], Path.cwd(), check=False)  # fmt: skip
    return OK if done.returncode == 0 else FINDING


def run_driver(args: argparse.Namespace) -> int:
    """Merge into CURRENT; returns 0 when clean, 1 when conflicts are left."""
    base, current, other = Path(args.base), Path(args.current), Path(args.other)
    name = args.path or str(current)
    try:
        texts = [p.read_bytes().decode("utf-8") for p in (base, current, other)]
    except UnicodeDecodeError:
        return _as_text(base, current, other, name, _("not UTF-8"))
    except OSError as error:
        raise Exit(BAD_INPUT, f"pctui merge-driver: {name}: {error}") from None
    try:
        result = merge_files(texts[0], texts[1], texts[2], Labels())
    except NotMergeable as why:
        return _as_text(base, current, other, name, str(why))
    except GitError as error:
        raise Exit(FINDING, f"pctui merge-driver: {name}: {error}") from None
    try:
        write_atomic(current, result.text.encode("utf-8"))
    except SaveError as error:
        raise Exit(FINDING, f"pctui merge-driver: {error}") from None
    for conflict in result.conflicts:
        print(
            _("pctui merge-driver: {name}: conflict: {conflict}").format(
                name=name, conflict=conflict
            ),
            file=sys.stderr,
        )
    return FINDING if result.conflicts else OK


def run_install(args: argparse.Namespace) -> int:
    """Install; returns the exit status."""
    try:
        done = install(Path.cwd(), args.patterns or DEFAULT_PATTERNS)
    except (GitError, SaveError) as error:
        raise Exit(FINDING, f"pctui install-merge-driver: {error}") from None
    for line in done:
        print(line)
    return OK
