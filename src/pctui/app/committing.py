"""Commits from the review screen, in a worker thread: git may take a second or more (a
hook, signing, a large file), and the screen must keep answering meanwhile.

What is committed, and how, is `pctui.git.commits`, the same code `pctui signoff` and
`pctui commit` run; this only moves it off the screen's thread and brings the outcome back
as a notification.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.worker import Worker

from pctui.session import operations
from pctui.session.operations import Outcome
from pctui.storage import ConsultationFile

GROUP = "commit"


def commit_in_worker(
    node: DOMNode, file: ConsultationFile, say: Callable[[Outcome], None], no: int | None = None
) -> Worker[None]:
    """Commit in a worker of `node` and `say` the outcome on the screen's thread: after the
    approval of item `no` (on-approve files only, quiet when nothing was committed), or,
    with `no` None, everything pending (the `c` key, always answered)."""

    def commit() -> None:
        if no is None:
            outcome: Outcome | None = operations.commit_now(file)
        else:
            outcome = operations.commit_after_approval(file, no)
        if outcome is not None:
            node.app.call_from_thread(say, outcome)

    # Not exclusive: a thread cannot be stopped half-way through a commit. Two commits
    # wait for each other on the folder's lock; the second records what the first left.
    return node.run_worker(commit, group=GROUP, thread=True, exit_on_error=False)
