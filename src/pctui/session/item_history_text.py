"""An item's history in words, for `pctui history` and the TUI's history screen alike:
the headline of each entry (when, what, who, which commit) and its body (the text, a
revision's changes marked in line as [-removed-]{+added+})."""

from __future__ import annotations

from pctui.git.item_history import Entry
from pctui.i18n import _
from pctui.model.diff import DELETE, INSERT, Segment
from pctui.model.history import EventKind
from pctui.model.records import Assignment, Note, Revision, Signoff, Summary
from pctui.words import verdict_name


def when(entry: Entry) -> str:
    """The entry's time as the office wrote it (its own UTC offset), to the minute."""
    return entry.event.at.strftime("%Y-%m-%d %H:%M")


def what(entry: Entry) -> str:
    """What happened, in one line: "revision 2 by tanaka", "suzuki assigned it to yamada"."""
    event, record = entry.event, entry.event.record
    if isinstance(record, Revision):
        return _("revision {number} by {login}").format(number=event.number, login=event.by)
    if isinstance(record, Summary):
        return _("summary {number} by {login}").format(number=event.number, login=event.by)
    if isinstance(record, Assignment):
        if record.to:
            return _("{by} assigned it to {to}").format(by=record.by, to=record.to)
        return _("{by} took it off its assignee").format(by=record.by)
    if isinstance(record, Note):
        return _("note by {login}").format(login=event.by)
    assert isinstance(record, Signoff)
    if event.kind == EventKind.WITHDRAWAL:
        return _("{login} withdrew the {stage} sign-off on revision {revision}").format(
            login=record.by, stage=record.stage, revision=record.revision
        )
    return _("{stage} {verdict} of revision {revision} by {login}").format(
        stage=record.stage,
        verdict=verdict_name(record.verdict),
        revision=record.revision,
        login=record.by,
    )


def source(entry: Entry) -> str:
    """Where git has it: "commit 1a2b3c4d5e by 田中 太郎" (the committer too when another
    made the commit), or "not committed"."""
    commit = entry.commit
    if commit is None:
        return _("not committed")
    if commit.committer and commit.committer != commit.author:
        return _("commit {commit} by {author}, committed by {committer}").format(
            commit=commit.short, author=commit.author, committer=commit.committer
        )
    return _("commit {commit} by {author}").format(commit=commit.short, author=commit.author)


def body(entry: Entry) -> str:
    """What the entry says: a revision's text (its changes from the revision before marked
    in line), a summary's or a note's text, a sign-off's comment, a revision's note; ""
    when it says nothing more than its headline."""
    event, record = entry.event, entry.event.record
    if isinstance(record, Revision):
        text = record.text if event.diff is None else marked(event.diff)
        if note := revision_note(entry):
            text += "\n" + note
        return text
    if isinstance(record, Summary | Note):
        return record.text
    if isinstance(record, Signoff) and event.kind == EventKind.SIGNOFF:
        return record.comment or ""
    return ""


def revision_note(entry: Entry) -> str:
    """A revision's note (why it changed) as its history shows it; "" when none."""
    record = entry.event.record
    if isinstance(record, Revision) and record.note:
        return _("(note: {note})").format(note=record.note)
    return ""


def marked(segments: list[Segment]) -> str:
    """A difference as text: removed parts as [-…-], added ones as {+…+}."""
    parts = []
    for op, text in segments:
        if op == DELETE:
            parts.append(f"[-{text}-]")
        elif op == INSERT:
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(text)
    return "".join(parts)
