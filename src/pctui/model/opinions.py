"""What staff do to an item's opinions in format 2: write its summary, move an opinion to
another item, merge two items, split one.

Each changes the in-memory model and returns what it did, or raises `Refused` before
changing anything: in a format-1 file, and when the login acting is not one of the
consultation's reviewers (who read the file and change nothing, as they sign nothing).
None touches a sign-off: each changes the opinions or the summary a sign-off's basis was
computed from, so the sign-offs of every item it changes are stale by construction (see
state.standings). A move, merge or split (and an intake group accepted or attached,
`pctui.intake.answering`, through the same `Recorder`) appends a `Move` record to each
item it changes (who, when, which opinions, the item's basis before and after), from which
the item's history says which sign-offs it left stale. The storage layer saves each at once, like a
sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pctui.i18n import _
from pctui.model.actions import Refused, find_item, require_reviewer
from pctui.model.digest import basis_digest
from pctui.model.identity import current_login
from pctui.model.records import Consultation, Item, Move, MoveAction, Opinion, Summary
from pctui.model.zones import consultation_now


def require_format_two(consultation: Consultation) -> None:
    """Refused unless the file is format 2: format 1 holds one opinion per item and no
    summary, and saving never changes a file's format behind its owner's back."""
    if consultation.format < 2:
        raise Refused(
            _(
                "this file is format 1: one opinion per item and no summary; "
                "run pctui migrate FILE to rewrite it as format 2 first"
            )
        )


def may_edit_opinions(consultation: Consultation, login: str) -> None:
    """Refused unless `login` may write summaries and move, merge and split items here: a
    format-2 file and a reviewer of it (what the TUI asks before its dialog opens)."""
    require_format_two(consultation)
    require_reviewer(consultation, login)


def _clashes(consultation: Consultation, section: str, labels: Iterable[str]) -> list[str]:
    """Those of `labels` some opinion of `section` already has (labels are unique within a
    section and may restart in the next)."""
    taken = {
        opinion.label
        for item in consultation.items
        if item.section == section
        for opinion in item.opinions
    }
    return [label for label in labels if label in taken]


def _refuse_clashes(consultation: Consultation, section: str, labels: Iterable[str]) -> None:
    clashes = _clashes(consultation, section, labels)
    if clashes:
        raise Refused(
            _("section {section} already has an opinion labelled {labels}").format(
                section=repr(section), labels=", ".join(clashes)
            )
        )


def add_summary(
    consultation: Consultation, no: int, login: str, text: str, at: dt.datetime | None = None
) -> Summary:
    """Append a summary (意見の概要) of item `no`'s opinions written by `login`: it becomes
    the current one, and the item's earlier sign-offs stale."""
    require_format_two(consultation)
    item = find_item(consultation, no)  # a wrong No. first: bad input, whoever asks
    require_reviewer(consultation, login)
    if not text.strip():
        raise Refused(_("the summary is empty"))
    if item.summary is not None and item.summary.text == text:
        raise Refused(_("the summary of No.{no} is already this text").format(no=no))
    summary = Summary(author=login, at=at or consultation_now(consultation), text=text)
    item.summaries.append(summary)
    return summary


def _opinion(item: Item, label: str) -> Opinion:
    for opinion in item.opinions:
        if opinion.label == label:
            return opinion
    labels = ", ".join(o.label for o in item.opinions)
    raise Refused(
        _("No.{no} has no opinion labelled {label} (its opinions: {labels})").format(
            no=item.no, label=label, labels=labels
        )
    )


class Recorder:
    """Notes the bases of the items an action changes before it, then appends to each the
    record of the action (`Move`) with its basis after. Made by every action that changes
    an item's opinions (here, and an intake group accepted or attached: intake.answering),
    so each acts as one login, refused alike to a login that is not a reviewer."""

    def __init__(self, consultation: Consultation, login: str | None, at: dt.datetime | None):
        self.login = login if login is not None else current_login()
        # Made once the items named are found (a wrong No. is bad input, exit 2 on the
        # command line, whoever types it) and before anything else is looked at: a
        # non-reviewer learns that before any other refusal.
        may_edit_opinions(consultation, self.login)
        self.at = at or consultation_now(consultation)
        self.was: dict[int, str] = {}

    def before(self, *items: Item) -> None:
        for item in items:
            self.was[id(item)] = basis_digest(item)

    def record(self, action: MoveAction, source: int, target: int, labels: Sequence[str],
               *items: Item) -> None:  # fmt: skip
        for item in items:
            was = self.was.get(id(item), "")
            item.moves.append(Move(action, source, target, tuple(labels), self.login, self.at,
                                   was, basis_digest(item)))  # fmt: skip


def move_opinion(
    consultation: Consultation,
    src_no: int,
    label: str,
    dst_no: int,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Opinion:
    """Move the opinion labelled `label` from item `src_no` to the end of item `dst_no`'s
    opinions, recorded in both as done by `login` (the OS login when None) at `at`;
    returns it. Refused for an item's last opinion (merge the items instead)."""
    require_format_two(consultation)
    source, target = find_item(consultation, src_no), find_item(consultation, dst_no)
    recorder = Recorder(consultation, login, at)  # refused here for a non-reviewer
    opinion = _opinion(source, label)  # first: "already holds" is said of one it holds
    if source is target:
        raise Refused(_("No.{no} already holds opinion {label}").format(no=src_no, label=label))
    if len(source.opinions) == 1:
        raise Refused(
            _(
                "opinion {label} is the last of No.{no}: an item keeps at least one; "
                "merge No.{no} into No.{target} instead"
            ).format(label=label, no=src_no, target=dst_no)
        )
    if target.section != source.section:
        _refuse_clashes(consultation, target.section, [label])
    recorder.before(source, target)
    source.opinions = [o for o in source.opinions if o is not opinion]
    target.opinions = [*target.opinions, opinion]
    recorder.record(MoveAction.MOVE, src_no, dst_no, [label], source, target)
    return opinion


@dataclass(frozen=True)
class Merged:
    """What `merge_items` did: item `removed` went into item `into` with its opinions."""

    into: int
    removed: int
    opinions: tuple[Opinion, ...]


def merge_items(
    consultation: Consultation,
    src_no: int,
    dst_no: int,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Merged:
    """Move every opinion of item `src_no` to the end of item `dst_no`'s and remove item
    `src_no`: its revisions, summaries and sign-offs leave the file (git keeps them).
    Recorded in item `dst_no` as done by `login` (the OS login when None) at `at`."""
    require_format_two(consultation)
    source, target = find_item(consultation, src_no), find_item(consultation, dst_no)
    recorder = Recorder(consultation, login, at)  # refused here for a non-reviewer
    if source is target:
        raise Refused(_("No.{no} cannot be merged into itself").format(no=src_no))
    if target.section != source.section:
        _refuse_clashes(consultation, target.section, [o.label for o in source.opinions])
    recorder.before(target)
    target.opinions = [*target.opinions, *source.opinions]
    consultation.items.remove(source)
    labels = [o.label for o in source.opinions]
    recorder.record(MoveAction.MERGE, src_no, dst_no, labels, target)
    return Merged(into=dst_no, removed=src_no, opinions=tuple(source.opinions))


def split_item(
    consultation: Consultation,
    no: int,
    labels: Sequence[str],
    new_no: int | None = None,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Item:
    """Move the opinions labelled `labels` out of item `no` into a new item (numbered
    `new_no`, or one after the highest No.), placed right after it in the same section
    with the same topic and no answer yet; returns the new item. Recorded in both as done
    by `login` (the OS login when None) at `at`."""
    require_format_two(consultation)
    item = find_item(consultation, no)
    recorder = Recorder(consultation, login, at)  # refused here for a non-reviewer
    if not labels:
        raise Refused(_("name the opinions of No.{no} that go to the new item").format(no=no))
    taken = [_opinion(item, label) for label in dict.fromkeys(labels)]
    if len(taken) == len(item.opinions):
        raise Refused(_("No.{no} would keep no opinion: leave at least one in it").format(no=no))
    number = new_no if new_no is not None else max(i.no for i in consultation.items) + 1
    if number < 1:
        raise Refused(_("items.no must be 1 or more, not {no}").format(no=number))
    if consultation.item(number) is not None:
        raise Refused(_("No.{no} already exists").format(no=number))
    recorder.before(item)
    item.opinions = [o for o in item.opinions if o not in taken]
    new = Item(number, item.section, topic=item.topic, opinions=taken)
    consultation.items.insert(consultation.items.index(item) + 1, new)
    recorder.record(MoveAction.SPLIT, no, number, [o.label for o in taken], item, new)
    return new
