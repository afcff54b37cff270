"""Who a login is, for a `Reviewed-by:` trailer and for matching commit authors in the audit."""

from __future__ import annotations

import re
from pathlib import Path

from pctui.git.run import GitError, out
from pctui.i18n import _
from pctui.model.identity import current_login
from pctui.model.one_line import NotOneLine, git_name_problem, require_one_line
from pctui.model.records import Review

_IDENT = re.compile(r"^(.*?) <([^>]*)>")


def git_ident(cwd: Path) -> tuple[str, str] | None:
    """(name, email) git would put on a commit made here now, or None when it has none."""
    try:
        ident = out(["var", "GIT_AUTHOR_IDENT"], cwd)
    except GitError:
        return None
    match = _IDENT.match(ident)
    return (match.group(1), match.group(2)) if match else None


class Identities:
    """`Name <email>` for each login: review.reviewers first, then (for the current login
    only) git's configuration, else the bare login. Other logins' git configuration lives
    in their home folders and is not read."""

    def __init__(self, review: Review, cwd: Path) -> None:
        self.review = review
        self.cwd = cwd
        self._me = current_login()
        self._mine: tuple[str, str] | bool | None = False  # False: not looked up yet

    def _git_me(self) -> tuple[str, str] | None:
        if self._mine is False:
            self._mine = git_ident(self.cwd)
        return self._mine if isinstance(self._mine, tuple) else None

    def acting(self) -> tuple[str, str] | None:
        """(name, email) of the login running pctui for the commits pctui makes, when
        review.reviewers gives that login both; None otherwise (git's own identity then).

        Who acts is the OS login; GIT_AUTHOR_NAME and git's configuration are whatever the
        user set, so they name the commit only where the file does not say who the login
        is. NotOneLine when a value would break the author line, or is a name git reduces
        to nothing (git would refuse the commit after the files were staged)."""
        reviewer = self.review.reviewers.get(self._me)
        if reviewer is None or not reviewer.name or not reviewer.email:
            return None
        self(self._me)  # the same one-line checks as the trailer's
        if problem := git_name_problem(self._me, reviewer.name):
            raise NotOneLine(problem)
        return reviewer.name, reviewer.email

    def __call__(self, login: str) -> str:
        """The trailer value for `login`: `Name <email>`, `Name`, or the login itself;
        NotOneLine when a value would break the trailer's line."""
        reviewer = self.review.reviewers.get(login)
        name = reviewer.name if reviewer else None
        email = reviewer.email if reviewer else None
        if (not name or not email) and login == self._me:
            found = self._git_me()
            if found:
                name, email = name or found[0], email or found[1]
        # A line break or a bracket here would forge a trailer or an address: NotOneLine.
        if name:
            require_one_line(_("the name of {login}").format(login=repr(login)), name,
                             identity=True)  # fmt: skip
        if email:
            require_one_line(_("the e-mail address of {login}").format(login=repr(login)), email,
                             identity=True)  # fmt: skip
        if name and email:
            return f"{name} <{email}>"
        return name or require_one_line(_("the login {login}").format(login=repr(login)), login)
