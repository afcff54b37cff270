"""Setting up a repository for the item-level merge driver."""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from pctui.git.run import git, out
from pctui.storage.atomic import write_atomic

DRIVER = "pctui"
DEFAULT_PATTERNS = ("consultations/*.toml",)


def driver_command() -> str:
    """How git should start pctui: `pctui` when it is on PATH, else its full path."""
    found = shutil.which("pctui")
    beside = Path(sys.executable).parent / "pctui"
    if found and Path(found).resolve() == beside.resolve():
        return "pctui"
    if beside.exists():
        return shlex.quote(str(beside))
    if found:
        return "pctui"
    return f"{shlex.quote(sys.executable)} -m pctui.cli.main"


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
        done += [f"{attributes}: added {line!r}" for line in added]
    command = f"{driver_command()} merge-driver %O %A %B %P"
    git(["config", f"merge.{DRIVER}.name", "pctui: item-level merge of consultation files"], root)
    git(["config", f"merge.{DRIVER}.driver", command], root)
    done.append(f"git config merge.{DRIVER}.driver {command!r}")
    return done
