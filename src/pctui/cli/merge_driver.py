"""`pctui merge-driver %O %A %B %P` (run by git) and `pctui install-merge-driver`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pctui.base.atomic import write_atomic
from pctui.cli.common import BAD_INPUT, FINDING, OK, Exit
from pctui.cli.parsers import Commands
from pctui.git.install import DEFAULT_PATTERNS, install
from pctui.git.run import GitError
from pctui.i18n import N_, _
from pctui.storage import SaveError

DRIVER_DESCRIPTION = N_("""\
A git merge driver for consultation files (git runs it; see install-merge-driver).
Merges item by item: revisions and sign-offs are append-only, so both sides' are kept,
new ones ordered by time; a withdrawal on either side wins. Only a real conflict (both
sides changed an item's opinion, topic, section, count or class differently) is left as
conflict markers in that item, with exit status 1. The result is written to CURRENT.
A side that cannot be merged by items (one that does not load) is merged as plain text
(git merge-file); for a consultation file, a result that does not load is then a conflict
too (exit status 1, each problem as path:line:col), never a clean merge. A file that is not
a consultation at all is merged as plain text.""")

INSTALL_DESCRIPTION = N_("""\
Make git use `pctui merge-driver` for consultation files in the repository holding the
current folder: adds `PATTERN merge=pctui` lines to .gitattributes at the top level
(default: {patterns}; commit that file so every clone uses them) and sets
merge.pctui.driver in the repository's config (each clone runs this once).""")


def add_parser(commands: Commands) -> None:
    """Register `merge-driver` and `install-merge-driver`."""
    parser = commands.add(
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
    parser = commands.add(
        "install-merge-driver", help=_("set up the merge driver in a repo"), description=description
    )
    parser.add_argument(
        "patterns",
        metavar="PATTERN",
        nargs="*",
        help=_("gitattributes patterns of consultation files"),
    )
    parser.set_defaults(run=run_install)


def _report(name: str, message: str) -> str:
    return _("pctui merge-driver: {name}: {message}").format(name=name, message=message)


def _say(name: str, message: str) -> None:
    print(_report(name, message), file=sys.stderr)


def _as_text(base: Path, current: Path, other: Path, name: str, why: str) -> int:
    """Merge the three versions line by line (git merge-file). When they are a consultation
    file, the result must load: if it does not, it is a conflict, never a clean merge (git
    then keeps the three versions: git checkout --ours/--theirs/--merge)."""
    from pctui.git.merge import is_consultation, load_problems
    from pctui.git.run import git

    _say(name, _("{why}; merging it as plain text").format(why=why))
    sides = [path.read_bytes().decode("utf-8", "replace") for path in (base, current, other)]
    done = git(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                str(current), str(base), str(other)], Path.cwd(), check=False)  # fmt: skip
    if done.returncode >= 128:  # git merge-file failed (its count of conflicts is below)
        _say(name, done.stderr.decode("utf-8", "replace").strip())
        return FINDING
    if done.returncode != 0:
        _say(name, _("conflict: the plain-text merge left conflict markers"))
        return FINDING
    if not any(is_consultation(side) for side in sides):
        return OK
    try:
        merged = current.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        problems = [_("{name}: not UTF-8").format(name=name)]
    else:
        problems = load_problems(merged, name)
    if not problems:
        return OK
    for problem in problems:
        _say(name, _("conflict: the merged file does not load: {problem}").format(problem=problem))
    _say(
        name,
        _(
            "fix the file and `git add` it, or take one side whole with "
            "`git checkout --ours` or `--theirs`"
        ),
    )
    return FINDING


def run_driver(args: argparse.Namespace) -> int:
    """Merge into CURRENT; returns 0 when clean, 1 when conflicts are left."""
    # Imported here: `pctui --help` imports every command's module to list it (the merge,
    # with the file's reader and writer, took 40-55 ms of its start).
    from pctui.git.merge import NotMergeable, merge_files
    from pctui.git.textmerge import Labels

    base, current, other = Path(args.base), Path(args.current), Path(args.other)
    name = args.path or str(current)
    try:
        texts = [p.read_bytes().decode("utf-8") for p in (base, current, other)]
    except UnicodeDecodeError:
        return _as_text(base, current, other, name, _("not UTF-8"))
    except OSError as error:
        raise Exit(BAD_INPUT, _report(name, str(error))) from None
    try:
        result = merge_files(texts[0], texts[1], texts[2], Labels(), name)
    except NotMergeable as why:
        return _as_text(base, current, other, name, str(why))
    except GitError as error:
        raise Exit(FINDING, _report(name, str(error))) from None
    try:
        write_atomic(current, result.text.encode("utf-8"))
    except SaveError as error:
        raise Exit(FINDING, _("pctui merge-driver: {error}").format(error=error)) from None
    for conflict in result.conflicts:
        _say(name, _("conflict: {conflict}").format(conflict=conflict))
    return FINDING if result.conflicts else OK


def run_install(args: argparse.Namespace) -> int:
    """Install; returns the exit status."""
    try:
        done = install(Path.cwd(), args.patterns or DEFAULT_PATTERNS)
    except (GitError, SaveError) as error:
        raise Exit(FINDING, _("pctui install-merge-driver: {error}").format(error=error)) from None
    for line in done:
        print(line)
    return OK
