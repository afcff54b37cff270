"""Setting up a repository for the item-level merge driver."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from pctui.base.atomic import write_atomic
from pctui.git.run import git, out
from pctui.i18n import _

DRIVER = "pctui"
DEFAULT_PATTERNS = ("consultations/*.toml",)


def running_program() -> list[str]:
    """The command that starts the pctui running now, as absolute words.

    The console script that ran this command (sys.argv[0], made absolute but not resolved,
    so a link such as /usr/local/bin/pctui keeps pointing at whatever it is updated to);
    when pctui was started as `python -m`, the console script installed beside that
    python, or else that python with `-m`.
    """
    started = sys.argv[0] if sys.argv else ""
    if started and Path(started).name == "pctui" and Path(started).is_file():
        return [os.path.abspath(started)]
    beside = Path(sys.executable).parent / "pctui"
    if beside.is_file():
        return [os.path.abspath(beside)]
    return [os.path.abspath(sys.executable), "-m", "pctui.cli.entry"]


def driver_command(program: Sequence[str] | None = None) -> str:
    """The merge.pctui.driver line: `program` (by default the pctui running now) by its
    absolute path, so that a `git merge` from a shell without pctui on PATH finds it.

    git expands %O %A %B %P in the line and runs it with sh, so each word is quoted for the
    shell (a path with spaces stays one word) and a % in it is doubled (git reads %% as %).
    """
    words = list(program) if program is not None else running_program()
    quoted = " ".join(shlex.quote(word).replace("%", "%%") for word in words)
    return f"{quoted} merge-driver %O %A %B %P"


def install(cwd: Path, patterns: Sequence[str] = DEFAULT_PATTERNS) -> list[str]:
    """Write the .gitattributes lines and the repository config; returns what was done.

    Idempotent: lines already in .gitattributes are not added twice.
    """
    root = Path(out(["rev-parse", "--show-toplevel"], cwd))
    attributes = root / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    present = {line.strip() for line in text.splitlines()}
    added = [f"{pattern} merge={DRIVER}" for pattern in patterns]
    added = [line for line in added if line not in present]
    done: list[str] = []
    if added:
        if text and not text.endswith("\n"):
            text += "\n"
        text += "".join(f"{line}\n" for line in added)
        write_atomic(attributes, text.encode("utf-8"))
        done += [
            _("{path}: added {line}").format(path=attributes, line=repr(line)) for line in added
        ]
    command = driver_command()
    git(["config", f"merge.{DRIVER}.name", "pctui: item-level merge of consultation files"], root)
    git(["config", f"merge.{DRIVER}.driver", command], root)
    done.append(
        _("git config merge.{driver}.driver {command}").format(driver=DRIVER, command=repr(command))
    )
    return done
