"""The header's values that commit messages carry on a line of their own: stage names,
logins, reviewers' names and e-mail addresses must each be one line of visible text.

A line break in a reviewer's name would forge a `Reviewed-by:` trailer (see
`pctui.model.one_line`); an error here keeps such a file from loading at all.
"""

from __future__ import annotations

from pctui.base.problems import WARNING
from pctui.model.one_line import (
    breaking_character,
    git_name_problem,
    identity_problem,
    one_line_problem,
)
from pctui.model.records import Review
from pctui.storage.checker import Checker

REVIEW = "review"
REVIEWERS = "review.reviewers"


def _shown(login: str) -> str:
    """The login as a message may print it: quoted with escapes when it holds a break."""
    return login if breaking_character(login) is None else repr(login)


def check_review_values(review: Review, check: Checker) -> None:
    """Report (as errors) each stage name, login, name and e-mail address of `review`
    that is not one line of visible text, and (as a warning) a name git reduces to
    nothing."""
    for stage in review.stages:
        problem = one_line_problem(f"review.stages {stage!r}", stage)
        if problem:
            check.report(REVIEW, 0, "stages", problem)
    for login, reviewer in review.reviewers.items():
        where = f"{REVIEWERS}.{_shown(login)}"
        problems = [one_line_problem(f"{REVIEWERS}: {_shown(login)}", login)]
        problems += [identity_problem(f"{where}.name", reviewer.name or "")]
        problems += [identity_problem(f"{where}.email", reviewer.email or "")]
        for problem in problems:
            if problem:
                check.report(REVIEWERS, 0, login, problem)
        # A warning, not an error: the file and its sign-offs are sound, only a commit
        # naming this reviewer cannot be made (the commit code refuses to try).
        if not any(problems) and (problem := git_name_problem(login, reviewer.name or "")):
            check.report(REVIEWERS, 0, login, problem, WARNING)
