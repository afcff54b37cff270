"""Three-way merge of plain text with `git merge-file` (standard conflict markers)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from pctui.git.run import GitError, git


@dataclass(frozen=True)
class Labels:
    """The names written after the conflict markers."""

    ours: str = "ours"
    base: str = "base"
    theirs: str = "theirs"


def merge_text(base: str, ours: str, theirs: str, labels: Labels) -> tuple[str, bool]:
    """(merged text, True when it holds conflict markers) of a line-level three-way merge."""
    with tempfile.TemporaryDirectory(prefix="pctui-merge-") as folder:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        done = git(
            ["merge-file", "-p", "-L", labels.ours, "-L", labels.base, "-L", labels.theirs,
             *paths],
            Path(folder),
            check=False,
        )  # fmt: skip
    if done.returncode < 0 or done.returncode > 127:
        raise GitError("git merge-file failed: " + done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("utf-8"), done.returncode != 0
