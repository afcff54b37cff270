"""The header's values that must each be one line of visible text: those commit messages
carry on a line of their own (stage names, logins, reviewers' names and e-mail addresses),
and those that name a row or a column of the tables the commands print (a section's id,
the intake's methods), as the items' opinion labels, logins and stages do. Texts (a
section's title) stay texts: shown through `inert`, a table showing a tab or a line break
of one as a space (the progress board).

A line break in a reviewer's name would forge a `Reviewed-by:` trailer (see
`pctui.model.one_line`); a tab or a line break in a section's id would shift or break the
columns of `pctui status` for every item in it (`inert` shows tabs and line feeds as they
are: layout needs them in texts). An error here keeps such a file from loading at all.
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


def check_section_id(index: int, section_id: str | None, check: Checker) -> None:
    """Report (as an error) a section's id (None: not given) that is not one line of
    visible text."""
    if section_id is not None and (problem := one_line_problem("sections.id", section_id)):
        check.report("sections", index, "id", problem)


def check_methods(methods: list[str], check: Checker) -> None:
    """Report (as an error) each intake method that is not one line of visible text: a
    row of the intake table, and the key of its counts."""
    for method in methods:
        if problem := one_line_problem(f"intake.methods {method!r}", method):
            check.report("intake", 0, "methods", problem)
