"""From 同趣旨 groups to items (no I/O): a group accepted as a new item, or attached to an
item that exists, becomes one opinion of that item — the representative's public text,
counting every member (件) and naming them in `sources` — or, for a group of more than
1,000, in `members`, the digest of their list frozen in the registry (see
`pctui.intake.member_lists`). So an item's count is the registry's count of the opinions
it answers, and the published 件 totals equal the registry's.

Each changes the in-memory consultation and returns what it added, or raises `Refused`
first. Like a move or merge of opinions (`pctui.model.opinions`), each acts as the OS login
(`login` only for tests), is refused to a login that is not a reviewer before anything
else is looked at, and records itself (`[[items.moves]]`, action "accept" or "attach",
`from = 0`: the registry) in the item it changed, with the item's basis before and after:
its history then names the sign-offs it left stale, and the audit reads the change as
recorded. A group some item already answers (one of its members in an item's sources) is
refused, so that no opinion is counted twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pctui.i18n import _
from pctui.intake.records import Group
from pctui.model.actions import Refused, find_item
from pctui.model.opinions import Recorder, require_format_two
from pctui.model.records import Consultation, Item, MoveAction, Opinion

Expand = Callable[[Consultation], Consultation]
"""The consultation with each frozen member list read into `sources`
(`member_lists.resolved`); without a registry, the consultation as it is."""


FROM_REGISTRY = 0
"""The `from` of an accept or attach record: the intake registry, which is no item (Nos.
start at 1)."""


def _as_is(consultation: Consultation) -> Consultation:
    return consultation


def answered_by(consultation: Consultation) -> dict[str, int]:
    """Each intake opinion id an item answers (its opinions' sources; give a consultation
    whose frozen member lists are read in) and that item's No."""
    return {
        source: item.no
        for item in consultation.items
        for opinion in item.opinions
        for source in opinion.sources
    }


def _refuse_answered(consultation: Consultation, group: Group, expand: Expand) -> None:
    answered = answered_by(expand(consultation))
    for member in group.members:
        no = answered.get(member.opinion)
        if no is not None:
            raise Refused(
                _("opinion {opinion} of group {group} is already answered by No.{no}").format(
                    opinion=member.opinion, group=group.id, no=no
                )
            )


def _free_label(consultation: Consultation, section: str, no: int, first: int) -> str:
    """A label no opinion of `section` has: the item's No., else `No-k` from k = first."""
    taken = {o.label for i in consultation.items if i.section == section for o in i.opinions}
    label, k = str(no), first
    while label in taken:
        label, k = f"{no}-{k}", k + 1
    return label


def _opinion(group: Group, text: str, label: str, members: str) -> Opinion:
    if members:  # the list frozen in the registry, too long for the file
        return Opinion(label=label, text=text, count=len(group.members), members=members)
    return Opinion(
        label=label,
        text=text,
        count=len(group.members),
        sources=tuple(member.opinion for member in group.members),
    )


def accept_group(
    consultation: Consultation,
    group: Group,
    text: str,
    members: str = "",
    expand: Expand = _as_is,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Item:
    """Add a new item, numbered one after the highest No. and in the last item's section,
    whose one opinion is `group` (`text`: its representative's public text; `members`: the
    digest of its member list when frozen, then named instead of listed); returns it.
    `expand` reads the consultation's frozen lists, for the refusal of a group answered.
    Recorded in it as done by `login` (the OS login when None) at `at`."""
    require_format_two(consultation)
    recorder = Recorder(consultation, login, at)  # refused here for a non-reviewer
    _refuse_answered(consultation, group, expand)
    no = max((item.no for item in consultation.items), default=0) + 1
    if consultation.items:
        section = consultation.items[-1].section
    else:
        section = consultation.sections[0].id if consultation.sections else ""
    label = _free_label(consultation, section, no, 2)
    item = Item(no, section, opinions=[_opinion(group, text, label, members)])
    consultation.items.append(item)
    recorder.record(MoveAction.ACCEPT, FROM_REGISTRY, no, [label], item)  # no `was`: new
    return item


def attach_group(
    consultation: Consultation,
    no: int,
    group: Group,
    text: str,
    members: str = "",
    expand: Expand = _as_is,
    login: str | None = None,
    at: dt.datetime | None = None,
) -> Opinion:
    """Add `group` as the last opinion of item `no` (`text`, `members`, `expand` as for
    `accept_group`); returns that opinion. The item's sign-offs go stale, as for any
    change of its opinions, and the change is recorded in it (`login`, `at` as for
    `accept_group`)."""
    require_format_two(consultation)
    item = find_item(consultation, no)  # a wrong No. first: bad input, whoever asks
    recorder = Recorder(consultation, login, at)  # refused here for a non-reviewer
    _refuse_answered(consultation, group, expand)
    label = _free_label(consultation, item.section, no, 2)
    opinion = _opinion(group, text, label, members)
    recorder.before(item)
    item.opinions = [*item.opinions, opinion]
    recorder.record(MoveAction.ATTACH, FROM_REGISTRY, no, [label], item)
    return opinion
