"""`validate`'s checks of wording (pctui.model.phrases), each at the current revision's text:
an answer that contradicts its class (a warning: a finding, exit 1), and items carrying the
identical answer (a note: advice, since results publish word-for-word identical answers to
different opinions as a matter of course; it does not change the exit status)."""

from __future__ import annotations

from collections.abc import Sequence

from pctui.base.problems import NOTE, WARNING, Problem, Severity
from pctui.i18n import _
from pctui.model.phrases import Phrase, contradictions, identical_answers
from pctui.storage.consultation_file import ConsultationFile
from pctui.storage.item_schema import REVISIONS


def phrase_warnings(file: ConsultationFile, phrases: Sequence[Phrase] = ()) -> list[Problem]:
    """Located warnings, answers whose words contradict their class (the built-in rules and
    the phrases' classes), and notes, each item whose answer repeats an earlier item's."""
    consultation = file.consultation
    path = str(file.path)
    found: list[Problem] = []

    def warn(no: int, message: str, severity: Severity = WARNING) -> None:
        item = consultation.item(no)
        index = max(0, (item.current_index if item else 1) - 1)
        line, col = file.place(no, REVISIONS, index, "text")
        found.append(Problem(path, line, col, f"No.{no}: {message}", severity))

    for found_one in contradictions(consultation, phrases):
        if found_one.phrase:
            message = _(
                "the answer uses phrase {id}, which is not written for its class {label}"
            ).format(id=repr(found_one.phrase), label=found_one.label)
        else:
            message = _("the answer says {words}, which contradicts its class {label}").format(
                words=f"「{found_one.words}」", label=found_one.label
            )
        warn(found_one.no, message)
    for numbers in identical_answers(consultation):
        for no in numbers[1:]:
            if consultation.format >= 2:  # the advice is the command, not the format it has
                message = _(
                    "the same answer as No.{first}: if one answer covers both, merge them: "
                    "pctui merge-items {path} --item {no} --into {first}"
                ).format(first=numbers[0], path=_shell_word(path), no=no)
            else:
                message = _(
                    "the same answer as No.{first}: consider one item with several opinions "
                    "(format 2)"
                ).format(first=numbers[0])
            warn(no, message, NOTE)
    return found


def _shell_word(path: str) -> str:
    """`path` as one word of a shell command (a folder name with a space in it), as the
    reader quotes a path in its advice; shlex only when some advice names a command."""
    import shlex

    return shlex.quote(path)
