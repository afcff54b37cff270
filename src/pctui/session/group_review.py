"""The grouping screen's work, without Textual: the list of 同趣旨 groups as the screen
shows it, and the four actions on a group — accept it as a new item, attach it to an
item, split it, merge it into another — each saved at once.

Accepting and attaching change the consultation through `ConsultationFile.transact`, as
the sign-off keys do (`pctui.intake.answering` says what they add), and then bring the
intake table in `[intake]` up to date from the registry; splitting and merging
change the registry in one transaction (`pctui.intake.group_edits`). Each returns an
Outcome that the screen shows as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from pctui.i18n import _, ngettext
from pctui.intake.answering import Expand, accept_group, answered_by, attach_group
from pctui.intake.group_edits import merge_groups, split_group
from pctui.intake.member_lists import LISTED, resolved
from pctui.intake.records import Group
from pctui.intake.registry import Registry
from pctui.intake.tally import looks_current, tally, write_tally
from pctui.model.actions import Refused
from pctui.model.identity import current_login
from pctui.model.records import Consultation
from pctui.session.operations import ERROR, WARNING, Outcome, attempt, refused
from pctui.session.opinion_actions import refused_before_asking
from pctui.storage import ConsultationFile, SaveError


class GroupRow(NamedTuple):
    """One line of the grouping screen: a group, its size and the item that answers it
    (None while none does). The representative's text is read when the row is drawn
    (`RepresentativeTexts`), not for each of 48,000 groups before the first frame. A
    named tuple: 48,000 of them are made in a fifth of the time frozen dataclasses take."""

    id: str
    representative: str
    size: int
    answered: int | None


def group_rows(registry: Registry, consultation: Consultation) -> list[GroupRow]:
    """Every group, largest first: one query over the registry, no member or text read."""
    answered = answered_by(resolved(consultation, registry).consultation)
    return [
        GroupRow(group_id, representative, size, answered.get(representative))
        for group_id, representative, size in registry.group_sizes()
    ]


class RepresentativeTexts:
    """The public texts of the groups' representatives, read from the registry as rows
    are drawn and kept (a screenful is one query)."""

    def __init__(self, registry: Registry) -> None:
        self._registry = registry
        self._texts: dict[str, str] = {}

    def text(self, opinion: str) -> str:
        """The public text of `opinion` ("" when the registry no longer has it)."""
        if opinion not in self._texts:
            self._texts.update(self._registry.public_texts([opinion]))
            self._texts.setdefault(opinion, "")
        return self._texts[opinion]

    def forget(self) -> None:
        """Drop what was read (a redaction reviewed may have changed a public text)."""
        self._texts.clear()


def _gone(group_id: str) -> Outcome:
    return refused(_("there is no group {group} now (regroup or reopen)").format(group=group_id))


def _not_allowed(file: ConsultationFile, login: str | None) -> Outcome | None:
    """The refusal for a login that may not change items' opinions (format 1, or not a
    reviewer), asked before a large group's member list is frozen in the registry, so that
    a refused action writes nothing there either; None when allowed. The model asks again
    under the lock."""
    return refused_before_asking(file.consultation, login if login is not None else current_login())


def accept(
    file: ConsultationFile, registry: Registry, group_id: str, login: str | None = None
) -> Outcome:
    """Add group `group_id` to the consultation as a new item, saved at once, as done by
    `login` (the OS login when None: tests only)."""
    group = registry.group(group_id)
    if group is None:
        return _gone(group_id)
    if (refusal := _not_allowed(file, login)) is not None:
        return refusal
    text = registry.public_texts([group.representative])[group.representative]
    no = max((item.no for item in file.consultation.items), default=0) + 1
    members, expand = _frozen(registry, group)
    done = attempt(file, no, lambda c: accept_group(c, group, text, members, expand, login=login))
    if isinstance(done, Outcome):
        return done
    count = len(group.members)
    message = ngettext(
        "group {group} is now No.{no} ({count} opinion), not yet answered",
        "group {group} is now No.{no} ({count} opinions), not yet answered",
        count,
    )
    return counted_again(
        file, registry, Outcome(message.format(group=group_id, no=done.no, count=count)), login
    )


def _frozen(registry: Registry, group: Group) -> tuple[str, Expand]:
    """The digest of `group`'s member list frozen in the registry when it is too long to
    list in the file ("" otherwise), and how to read the consultation's frozen lists."""
    members = ""
    if len(group.members) > LISTED:
        members = registry.freeze_members([m.opinion for m in group.members])

    def expand(consultation: Consultation) -> Consultation:
        return resolved(consultation, registry).consultation

    return members, expand


def counted_again(
    file: ConsultationFile, registry: Registry, outcome: Outcome, login: str | None = None
) -> Outcome:
    """`outcome` of a group accepted or attached by `login`, after the intake table
    (`[intake]`: 通 and 人 by method) is brought up to date from the registry when it is
    not (see `pctui.intake.tally`); saying so, or why it could not be saved."""
    try:
        if looks_current(registry, file.consultation):
            return outcome
        if not write_tally(file, tally(registry, file.consultation), login):
            return outcome
    except (Refused, SaveError, sqlite3.Error) as error:
        note = _("the intake table ([intake]) was not updated: {error}").format(error=error)
        return Outcome(_("{done}; {note}").format(done=outcome.message, note=note), WARNING)
    note = _("the intake table ([intake]) counted again from the registry")
    return replace(outcome, message=_("{done}; {note}").format(done=outcome.message, note=note))


def attach(
    file: ConsultationFile, registry: Registry, group_id: str, no: int, login: str | None = None
) -> Outcome:
    """Add group `group_id` as one more opinion of item `no`, saved at once, as done by
    `login` (the OS login when None: tests only)."""
    group = registry.group(group_id)
    if group is None:
        return _gone(group_id)
    if (refusal := _not_allowed(file, login)) is not None:
        return refusal
    text = registry.public_texts([group.representative])[group.representative]
    members, expand = _frozen(registry, group)
    done = attempt(
        file, no, lambda c: attach_group(c, no, group, text, members, expand, login=login)
    )
    if isinstance(done, Outcome):
        return done
    count = len(group.members)
    message = ngettext(
        "group {group} ({count} opinion) attached to No.{no} as opinion {label}",
        "group {group} ({count} opinions) attached to No.{no} as opinion {label}",
        count,
    )
    outcome = Outcome(message.format(group=group_id, count=count, no=no, label=done.label))
    item = file.consultation.item(no)
    if item is not None and any(s.withdrawn is None for s in item.signoffs):
        note = _("the sign-offs of No.{no} are stale: sign again").format(no=no)
        outcome = Outcome(_("{done}; {note}").format(done=outcome.message, note=note), WARNING)
    return counted_again(file, registry, outcome, login)


def split(registry: Registry, group_id: str, selected: Iterable[str]) -> tuple[Outcome, str | None]:
    """Move the members `selected` of group `group_id` into a group of their own, saved in
    the registry at once; the outcome and the new group's id (None when refused).

    Only the texts the split needs are read — those leaving, and those staying only when
    the representative leaves (each then gets its added text against the new one) — and
    only the rows that move are written: a straggler leaves a campaign of 200,000 at once."""
    group = registry.group(group_id)
    if group is None:
        return _gone(group_id), None
    chosen = set(selected)
    needed = [m.opinion for m in group.members if m.opinion in chosen]
    if group.representative in chosen:
        needed = [m.opinion for m in group.members]
    try:
        kept, new = split_group(group, chosen, registry.public_texts(needed))
        if kept.representative == group.representative:
            registry.split_off(group.id, new)
        else:
            registry.change_groups([group.id], [kept, new])
    except Refused as refusal:
        return refused(refusal), None
    except KeyError:
        return _gone(group_id), None
    except sqlite3.Error as error:
        return Outcome(_("Not saved: {error}").format(error=error), ERROR, changed=False), None
    count = len(new.members)
    if kept.representative != group.representative:
        # A group's id is its representative's: the representative left with the split, so
        # the group it led keeps its id and the opinions that stayed are named anew.
        message = ngettext(
            "{count} opinion split off into group {new}, led by the representative; "
            "the opinions that stayed are now group {kept}",
            "{count} opinions split off into group {new}, led by the representative; "
            "the opinions that stayed are now group {kept}",
            count,
        )
        return Outcome(message.format(count=count, new=new.id, kept=kept.id)), new.id
    message = ngettext(
        "{count} opinion split off group {group} into the new group {new}",
        "{count} opinions split off group {group} into the new group {new}",
        count,
    )
    return Outcome(message.format(count=count, group=group_id, new=new.id)), new.id


def merge(registry: Registry, group_id: str, into_id: str) -> Outcome:
    """Merge group `group_id` into group `into_id`, saved in the registry at once. The
    group merged into is not read, only its representative: its members stay as they are
    and those joining are added after them."""
    group, head = registry.group(group_id), registry.representative(into_id)
    if group is None:
        return _gone(group_id)
    if head is None:
        return _gone(into_id)
    needed = [head, *(m.opinion for m in group.members)]
    try:
        # `into` without its members: merge_groups puts those joining after them.
        joining = merge_groups(Group(into_id, head, ()), group, registry.public_texts(needed))
        registry.merge_into(into_id, group.id, joining.members)
    except Refused as refusal:
        return refused(refusal)
    except KeyError as gone:
        return _gone(str(gone.args[0]))
    except sqlite3.Error as error:
        return Outcome(_("Not saved: {error}").format(error=error), ERROR, changed=False)
    count = len(group.members)
    message = ngettext(
        "group {group} ({count} opinion) merged into group {into}",
        "group {group} ({count} opinions) merged into group {into}",
        count,
    )
    return Outcome(message.format(group=group_id, count=count, into=into_id))


PAGE = 100
"""Members read from the registry at a time, as the list is scrolled."""


@dataclass(frozen=True)
class MemberRow:
    """One member as the screen lists it: its opinion id and the text it adds."""

    opinion: str
    added: str


class MemberPages:
    """The members of one group in the order the screen lists them — the representative,
    then those that add text (what a reviewer must read), then the exact copies, each in
    the group's order — read a page at a time as they are drawn, so that a campaign of
    200,000 copies opens as fast as a pair."""

    def __init__(self, registry: Registry, group: GroupRow) -> None:
        self._registry = registry
        self.group = group
        self.total, self.adding = registry.member_counts(group.id)
        self._pages: dict[int, list[MemberRow]] = {}

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, row: int) -> MemberRow:
        if not 0 <= row < self.total:
            raise IndexError(row)
        page = self._pages.get(row // PAGE)
        if page is None:
            page = self._pages[row // PAGE] = self._read(row // PAGE * PAGE)
        return page[row % PAGE]

    def _read(self, start: int) -> list[MemberRow]:
        stop = min(start + PAGE, self.total)
        found = [MemberRow(self.group.representative, "")] if start == 0 else []
        # Rows 1 .. adding are those adding text, the copies after them.
        for adding, first, last in (
            (True, max(start, 1) - 1, min(stop, 1 + self.adding) - 1),
            (False, max(start, 1 + self.adding) - 1 - self.adding, stop - 1 - self.adding),
        ):
            if last > first:
                page = self._registry.members_page(
                    self.group.id, adding=adding, offset=first, limit=last - first
                )
                found += [MemberRow(m.opinion, m.added) for m in page]
        # Another reviewer's split may have shortened the group since it was counted.
        found += [MemberRow("", "")] * (stop - start - len(found))
        return found


def read_group(text: str, rows: Sequence[GroupRow]) -> str | None:
    """The group a reviewer typed: its number in the list as shown (from 1), its id or its
    representative's id; None when none matches."""
    typed = text.strip()
    if typed.isdecimal():
        number = int(typed)  # int() reads full-width digits too
        return rows[number - 1].id if 1 <= number <= len(rows) else None
    for row in rows:
        if typed in (row.id, row.representative):
            return row.id
    return None
