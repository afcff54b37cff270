"""Splitting and merging 同趣旨 groups, as a reviewer corrects the grouping (no I/O).

Each returns the groups that replace the ones it was given, or raises `Refused` first.
A group's id stays `G-` and its representative's id, so that a group keeps its id while
its representative stays; a member's added text is worked out again against the
representative whenever that changes for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pctui.i18n import _
from pctui.intake.grouping import added_text
from pctui.intake.records import Group, Member
from pctui.model.actions import Refused


def group_of(representative: str, members: Iterable[Member], texts: Mapping[str, str]) -> Group:
    """A group led by `representative` holding `members` (the representative among them):
    the representative first with nothing added, the others' added text against it."""
    head = texts[representative]
    rest = [
        Member(m.opinion, added_text(head, texts[m.opinion]))
        for m in members
        if m.opinion != representative
    ]
    return Group(f"G-{representative}", representative, (Member(representative), *rest))


def split_group(
    group: Group, selected: Iterable[str], texts: Mapping[str, str]
) -> tuple[Group, Group]:
    """Move the members `selected` (opinion ids) out of `group` into a group of their
    own, led by the first of them in the group's order; returns (what stays, the new
    group). When the representative leaves, the first member left leads what stays.
    `texts` holds the public text of every member."""
    chosen = set(selected)
    if not chosen:
        raise Refused(_("select the opinions that leave group {group}").format(group=group.id))
    ids = {m.opinion for m in group.members}
    strangers = sorted(chosen - ids)
    if strangers:
        raise Refused(
            _("{opinions} not in group {group}").format(
                opinions=", ".join(strangers), group=group.id
            )
        )
    leaving = [m for m in group.members if m.opinion in chosen]
    staying = [m for m in group.members if m.opinion not in chosen]
    if not staying:
        raise Refused(
            _("group {group} would keep no opinion: leave at least one in it").format(
                group=group.id
            )
        )
    if group.representative in chosen:
        kept = group_of(staying[0].opinion, staying, texts)
    else:
        kept = Group(group.id, group.representative, tuple(staying))
    return kept, group_of(leaving[0].opinion, leaving, texts)


def merge_groups(into: Group, other: Group, texts: Mapping[str, str]) -> Group:
    """`into` with every member of `other` after its own, their added text against
    `into`'s representative; `other` is gone."""
    if into.id == other.id:
        raise Refused(_("group {group} cannot be merged into itself").format(group=into.id))
    head = texts[into.representative]
    joining = [Member(m.opinion, added_text(head, texts[m.opinion])) for m in other.members]
    return Group(into.id, into.representative, (*into.members, *joining))
