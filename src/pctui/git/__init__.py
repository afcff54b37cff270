"""Git for consultation files: commits of approved text, the merge driver, the audit.

Runs the `git` command (argument lists, never a shell) so the user's configuration applies.
No Textual, no Rich. The TUI calls `after_signoff` and `commit_pending` from a worker.

Each name is imported from its module when first asked for (PEP 562): importing any
`pctui.git.…` module runs this file first, and the intake's registry, which only runs
`git` to keep itself out of the repository (`pctui.git.run`), need not load the merge
driver and the commits (23 ms of every `pctui intake` command's start), nor `pctui --help`
the audit (30 ms). The function `audit` has its module's name: `keep_functions` keeps
`pctui.git.audit` the function, as the eager import did (see `pctui.base.lazy_package`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pctui.base.lazy_package import keep_functions, names_from

if TYPE_CHECKING:
    from pctui.git.audit import Report, Trace, audit
    from pctui.git.commits import CommitResult, after_signoff, commit_pending
    from pctui.git.merge import MergeResult, NotMergeable, merge_files
    from pctui.git.run import GitError

# Each name this package offers when asked, and the module that defines it.
_FROM = {
    "Report": "audit",
    "Trace": "audit",
    "audit": "audit",
    "CommitResult": "commits",
    "GitError": "run",
    "MergeResult": "merge",
    "NotMergeable": "merge",
    "after_signoff": "commits",
    "commit_pending": "commits",
    "merge_files": "merge",
}

__all__ = [
    "CommitResult",
    "GitError",
    "MergeResult",
    "NotMergeable",
    "Report",
    "Trace",
    "after_signoff",
    "audit",
    "commit_pending",
    "merge_files",
]


__getattr__ = names_from(__name__, {name: f"{__name__}.{home}" for name, home in _FROM.items()})


keep_functions(__name__, frozenset({"audit"}))
