"""Values that a commit message carries on a line of their own: one line of visible text.

A commit's subject and trailers are built from values in the file: the consultation's id,
stage names, logins, reviewers' names and e-mail addresses. A line break in one of them
starts a line of its own in the message, so a reviewer's name could add
`Reviewed-by: Someone Else <…>` to the very record the audit trusts. Such values must be
one line without control characters; `validate` reports any other, and the commit
message is never built from one.
"""

from __future__ import annotations

import re

from pctui.i18n import _

# C0 controls (tab included), DEL, C1 controls (NEL among them), the Unicode line and
# paragraph separators, and the bidi embeddings, overrides and isolates (which would show
# the rest of a line in another order than it is read).
_NOT_ONE_LINE_CLASS = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_not_one_line: list[re.Pattern[str]] = []  # compiled at the first value that needs it
# `Name <email>`: angle brackets inside a name or an address would make another address.
_BRACKETS = re.compile("[<>]")


def breaking_character(value: str) -> str | None:
    """The first character that keeps `value` from being one line of visible text, as
    `U+000A`; None when there is none."""
    # Every character of the class is a control, format or separator character, none of
    # which `str.isprintable` passes: a printable value (nearly every one) needs no search,
    # and the class (0.5 ms to compile, a character class reaching past U+00FF) no compiling
    # at the start of every command that reads a file.
    if value.isprintable():
        return None
    if not _not_one_line:
        _not_one_line.append(re.compile(_NOT_ONE_LINE_CLASS))
    found = _not_one_line[0].search(value)
    return None if found is None else f"U+{ord(found.group()):04X}"


def one_line_problem(what: str, value: str) -> str | None:
    """Why `value` (described by `what`, e.g. `review.stages`) cannot go on a line of a
    commit message; None when it can."""
    char = breaking_character(value)
    if char is None:
        return None
    return _("{what} must be one line without control characters; it holds {char}").format(
        what=what, char=char
    )


def identity_problem(what: str, value: str) -> str | None:
    """Why a reviewer's name or e-mail address (`what`) cannot go into `Name <email>`;
    None when it can."""
    problem = one_line_problem(what, value)
    if problem is None and _BRACKETS.search(value):
        problem = _("{what} must not hold < or >").format(what=what)
    return problem


class NotOneLine(ValueError):
    """A value would not stay on its line of a commit message; the message says which."""


def require_one_line(what: str, value: str, *, identity: bool = False) -> str:
    """`value` itself when it can go on a line of a commit message (with `identity`, inside
    `Name <email>` too); else NotOneLine saying why."""
    problem = identity_problem(what, value) if identity else one_line_problem(what, value)
    if problem:
        raise NotOneLine(problem)
    return value


# What git strips from either end of a name before it writes `Name <email>` (ident.c's
# "crud": ASCII spaces and controls, and . , : ; < > " \ '), and the brackets and line
# feed it drops inside. A name made only of them is nothing to git: every commit naming
# it fails ("name consists only of disallowed characters", "empty ident name").
_GIT_CRUD = "".join(chr(c) for c in range(33)) + ".,:;<>\"\\'"


def nothing_to_git(name: str) -> bool:
    """True when git reduces the non-empty `name` to nothing (" ", ".", "<>")."""
    return bool(name) and not name.strip(_GIT_CRUD).translate({ord(c): None for c in "<>\n"})


def git_name_problem(login: str, name: str) -> str | None:
    """Why `name`, given to `login` in [review.reviewers], cannot name a commit; None when
    it can (an empty name is none given: git's own identity names the commit then)."""
    if not nothing_to_git(name):
        return None
    return _(
        "review.reviewers.{login}.name {name} is nothing to git (it drops spaces and "
        ". , : ; < > \" \\ ' at a name's ends), so no commit can name {login}; give "
        "{login} a name with a letter or digit in it"
    ).format(login=login, name=repr(name))
