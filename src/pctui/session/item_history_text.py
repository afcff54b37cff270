"""An item's history in words, for `pctui history` and the TUI's history screen alike:
the headline of each entry (when, what, who, which commit) and its body (the text, a
revision's changes marked in line as [-removed-]{+added+})."""

from __future__ import annotations

from pctui.git.item_history import Entry
from pctui.i18n import _
from pctui.model.diff import DELETE, INSERT, Segment
from pctui.model.history import EventKind
from pctui.model.records import Assignment, Move, MoveAction, Note, Revision, Signoff, Summary
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
    if isinstance(record, Move):
        return moved(record, event.no)
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


def moved(move: Move, no: int) -> str:
    """A move, merge, split or intake group accepted or attached as item `no` saw it:
    "tanaka moved opinion 2 in from No.3"."""
    labels, login = ", ".join(move.labels), move.by
    if move.action == MoveAction.ACCEPT:
        return _("{login} made it of an intake group, as opinion {labels}").format(
            login=login, labels=labels
        )
    if move.action == MoveAction.ATTACH:
        return _("{login} attached an intake group to it as opinion {labels}").format(
            login=login, labels=labels
        )
    if move.action == MoveAction.MERGE:
        return _("{login} merged No.{other} into it (opinions {labels})").format(
            login=login, other=move.source, labels=labels
        )
    if move.action == MoveAction.SPLIT and move.source == no:
        return _("{login} split opinions {labels} off into the new No.{other}").format(
            login=login, labels=labels, other=move.target
        )
    if move.action == MoveAction.SPLIT:
        return _("{login} split it off No.{other} with opinions {labels}").format(
            login=login, other=move.source, labels=labels
        )
    if move.source == no:
        return _("{login} moved opinion {labels} out to No.{other}").format(
            login=login, labels=labels, other=move.target
        )
    return _("{login} moved opinion {labels} in from No.{other}").format(
        login=login, labels=labels, other=move.source
    )


def signoff_named(signoff: Signoff) -> str:
    """A sign-off in a few words: "担当 approval of revision 2 by yamada"."""
    return _("{stage} {verdict} of revision {revision} by {login}").format(
        stage=signoff.stage,
        verdict=verdict_name(signoff.verdict),
        revision=signoff.revision,
        login=signoff.by,
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
    in line), a summary's or a note's text, a sign-off's comment, a revision's note, the
    sign-offs a move left stale or made stand again; "" when it says nothing more than its
    headline."""
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
    if isinstance(record, Move):
        return move_effects(entry)
    return ""


def move_effects(entry: Entry) -> str:
    """What a move, merge or split did to the item's sign-offs: one line naming those it
    left stale, one those it made stand again; "" when it did neither."""
    event = entry.event
    lines = []
    if event.stale:
        named = "; ".join(signoff_named(signoff) for _n, signoff in event.stale)
        lines.append(_("left stale: {signoffs}").format(signoffs=named))
    if event.again:
        named = "; ".join(signoff_named(signoff) for _n, signoff in event.again)
        lines.append(_("stand again: {signoffs}").format(signoffs=named))
    return "\n".join(lines)


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
