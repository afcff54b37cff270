"""Running the `git` command: argument lists, never a shell, errors in words a person can act on.

The real `git` is used (not a library) so that the user's own configuration applies:
identity, commit signing, hooks, safe.directory.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from pctui.i18n import N_, _


class GitError(Exception):
    """A git command failed; the message says what happened and what to do."""


# What git says, and what a reviewer should be told instead (first match wins).
_EXPLAINED = (
    ("not a git repository", N_("not in a git repository (run `git init` first)")),
    ("index.lock", N_("another git command is running in this repository (its index.lock is held); "
     "try again when it has finished, or remove the lock if no git is running")),
    ("dubious ownership", N_("git refuses this repository because another user owns it; an "
     "administrator can allow it with `git config --system --add safe.directory PATH`")),
    ("Please tell me who you are", N_("git does not know who you are; set it with "
     "`git config --global user.name NAME` and `git config --global user.email EMAIL`")),
    ("partial commit during a merge", N_("a merge is in progress; finish it (git commit) first")),
    ("are ignored by one of your .gitignore", N_("the file is ignored by .gitignore")),
)  # fmt: skip


def explain(stderr: str) -> str:
    """A message a person can act on for git's `stderr` (its own last lines when unknown)."""
    for needle, message in _EXPLAINED:
        if needle in stderr:
            return _(message)
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    return "git: " + " / ".join(lines[-3:]) if lines else _("git failed without saying why")


def git(
    args: Sequence[str],
    cwd: Path,
    *,
    input: bytes | None = None,
    env: Mapping[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    """Run `git ARGS` in `cwd` and return the finished process (stdout and stderr as bytes).

    With `check`, a non-zero exit raises GitError carrying `explain(stderr)`. A missing
    git raises GitError too. Output is never sent to the terminal (the TUI owns it).
    """
    environment = dict(os.environ)
    # git's messages are matched in English; LC_ALL is left alone so hooks keep the
    # user's character set (a user who sets LC_ALL gets git's own words instead).
    environment["LC_MESSAGES"] = "C"
    environment.pop("LANGUAGE", None)
    environment["GIT_TERMINAL_PROMPT"] = "0"
    if env:
        environment.update(env)
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input,
            capture_output=True,
            env=environment,
            check=False,
            stdin=None if input is not None else subprocess.DEVNULL,
        )
    except FileNotFoundError:
        if not cwd.is_dir():
            raise GitError(_("{path}: no such folder").format(path=cwd)) from None
        raise GitError(_("the `git` command is not installed (or not on PATH)")) from None
    except OSError as error:
        raise GitError(
            _("cannot run git in {path}: {error}").format(path=cwd, error=error.strerror)
        ) from None
    if check and done.returncode != 0:
        raise GitError(explain(done.stderr.decode("utf-8", "replace")))
    return done


def literal(names: Sequence[str]) -> list[str]:
    """Pathspecs that match exactly these names (a `*` or `[` in a name is not a pattern)."""
    return [f":(literal){name}" for name in names]


def out(args: Sequence[str], cwd: Path) -> str:
    """The stdout of `git ARGS` as text without the final newline (GitError on failure)."""
    return git(args, cwd).stdout.decode("utf-8", "replace").rstrip("\n")
