"""Git for consultation files: commits of approved text, the merge driver, the audit.

Runs the `git` command (argument lists, never a shell) so the user's configuration applies.
No Textual, no Rich. The TUI calls `after_signoff` and `commit_pending` from a worker.
"""

from pctui.git.audit import Report, Trace, audit
from pctui.git.commits import CommitResult, after_signoff, commit_pending
from pctui.git.merge import MergeResult, NotMergeable, merge_files
from pctui.git.run import GitError

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
