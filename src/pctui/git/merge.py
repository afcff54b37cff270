"""Item-level three-way merge of a consultation file (the `pctui merge-driver`).

Revisions and sign-offs are only ever appended, so two clones' versions of an item merge
as the union of both, new entries ordered by time, each sign-off's revision number moved
to where its revision lands. Items changed on one side only are taken whole, byte for
byte. Only a real conflict — both sides changed an item's opinion, topic, section, count
or class differently (in format 2: its list of opinions), or one side removed an item the
other changed — is left as standard conflict markers, around those lines of that item
only. Format 2's summaries and moves, and an item's assignments and notes, are appended like
revisions: both sides' are kept. The header (everything before the first item) is merged
line by line like any text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pctui.base.problems import LoadError
from pctui.git.changes import revision_key, signoff_key
from pctui.git.textmerge import Labels, merge_text
from pctui.i18n import _, ngettext
from pctui.model.records import Item, Signoff
from pctui.storage.reader import BOM, Loaded, load_text
from pctui.storage.writer import patch_chunk, render_item

T = TypeVar("T")
FACTS = ("section", "topic", "opinion", "count", "klass")
# Format 2: an item's opinions are one fact (a move changes the list as a whole); its
# summaries, like its revisions, are only ever appended, so both sides' are kept.
FORMAT_TWO_FACTS = ("section", "topic", "opinions", "klass")
_EMPTY: dict[str, Any] = {
    "section": "", "topic": "", "opinion": "", "count": 0, "klass": "", "opinions": [],
}  # fmt: skip
SHOWN_PROBLEMS = 5  # of a merged file that does not load; the rest are counted
# A table line only a consultation file has (a side may be too broken to load, yet still be
# a consultation: then its merge must load, whichever way it was made).
_CONSULTATION_TABLE = re.compile(r"^[ \t]*\[(?:consultation|\[items\])\][ \t]*(?:#.*)?\r?$", re.M)


class NotMergeable(Exception):
    """A side is not a consultation file pctui can merge by items (merge it as text)."""


@dataclass
class MergeResult:
    """The merged file's text and the conflicts left in it (empty when the merge is clean)."""

    text: str
    conflicts: list[str] = field(default_factory=list)
    version: int = 1  # the format our side is in: the one merged items are written in

    @property
    def facts(self) -> tuple[str, ...]:
        """The facts of an item that merge three-way, in this format."""
        return FORMAT_TWO_FACTS if self.version >= 2 else FACTS


@dataclass(frozen=True)
class _Side:
    """One side's item of a three-way merge, with the text of its block."""

    item: Item
    block: str


def _load(text: str, name: str) -> tuple[Loaded, bool]:
    bom = text.startswith(BOM)
    try:
        loaded = load_text(text.removeprefix(BOM), name)
    except LoadError as error:
        raise NotMergeable(
            _("{side} does not load: {problem}").format(side=name, problem=error.problems[0])
        ) from None
    if not loaded.spliceable:
        raise NotMergeable(_("{side}: items are not laid out one block each").format(side=name))
    return loaded, bom


def is_consultation(text: str) -> bool:
    """True when `text` is a consultation file, loadable or not: it has a [consultation]
    or [[items]] table. A merge of such files must give a file that loads."""
    return _CONSULTATION_TABLE.search(text) is not None


def load_problems(text: str, name: str) -> list[str]:
    """Why `text` (a merge result) does not load, one line per problem, as
    `name:line:col: message` (at most SHOWN_PROBLEMS, then a count); empty when it loads."""
    try:
        load_text(text.removeprefix(BOM), name, fork=False)
    except LoadError as error:
        found = [str(problem) for problem in error.problems]
        if len(found) > SHOWN_PROBLEMS:
            rest = len(found) - SHOWN_PROBLEMS
            more = ngettext("and {count} more problem", "and {count} more problems", rest)
            found = [*found[:SHOWN_PROBLEMS], more.format(count=rest)]
        return found
    return []


def _sides(loaded: Loaded) -> dict[int, _Side]:
    items = loaded.consultation.items
    return {it.no: _Side(it, chunk.text) for it, chunk in zip(items, loaded.chunks, strict=True)}


def merge_files(
    base: str, ours: str, theirs: str, labels: Labels | None = None, name: str = "merged"
) -> MergeResult:
    """Merge three versions of a consultation file; NotMergeable when one is not one.

    A result that does not load is never clean: its problems (located in `name`, the
    file's path) are conflicts.
    """
    labels = labels or Labels()
    o = _load(base, labels.base)[0]
    a, bom = _load(ours, labels.ours)
    b = _load(theirs, labels.theirs)[0]
    crlf = "\r\n" in a.header.text
    result = MergeResult("", version=a.consultation.format)
    header, conflicted = _three(o.header.text, a.header.text, b.header.text, labels)
    if conflicted:
        result.conflicts.append(_("the header (before the first item) was changed on both sides"))
    o_items, a_items, b_items = _sides(o), _sides(a), _sides(b)
    blocks: list[str] = []
    for no in _order(list(a_items), list(b_items)):
        block = _merge_one(no, o_items.get(no), a_items.get(no), b_items.get(no), labels, result)
        if block is None:
            continue
        if crlf and "\r\n" not in block:
            block = block.replace("\n", "\r\n")
        blocks.append(block)
    text = header
    for block in blocks:
        if text and not text.endswith("\n"):
            text += "\r\n" if crlf else "\n"
        text += block
    result.text = (BOM if bom else "") + text
    if not result.conflicts:
        result.conflicts += [
            _("the merged file does not load: {problem}").format(problem=problem)
            for problem in load_problems(text, name)
        ]
    return result


def _three(base: str, ours: str, theirs: str, labels: Labels) -> tuple[str, bool]:
    """The text merge of three versions, taking a side whole when only it changed."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return merge_text(base, ours, theirs, labels)


def _order(ours: list[int], theirs: list[int]) -> list[int]:
    """Our item order, with items only they have placed after the item before them there."""
    order = list(ours)
    known = set(ours)
    for index, no in enumerate(theirs):
        if no in known:
            continue
        before = next((theirs[i] for i in range(index - 1, -1, -1) if theirs[i] in known), None)
        order.insert(order.index(before) + 1 if before is not None else 0, no)
        known.add(no)
    return order


def _merge_one(
    no: int, o: _Side | None, a: _Side | None, b: _Side | None, labels: Labels, result: MergeResult
) -> str | None:
    """The merged block of item `no` (None when it is gone on both sides)."""
    if a is not None and b is not None:
        if a.block == b.block:
            return a.block
        if o is not None and a.block == o.block:
            return b.block
        if o is not None and b.block == o.block:
            return a.block
        return _merge_item(no, o, a, b, labels, result)
    kept = a or b
    if kept is None:
        return None
    if o is None:
        return kept.block  # added on one side
    if kept.block == o.block:
        return None  # removed on the other side, unchanged here
    result.conflicts.append(
        _("No.{no} was removed on one side and changed on the other").format(no=no)
    )
    if a is not None:
        text = merge_text(o.block, a.block, "", labels)[0]
    else:
        text = merge_text(o.block, "", kept.block, labels)[0]
    return text


def _union(
    base: Sequence[T],
    ours: Sequence[T],
    theirs: Sequence[T],
    key: Callable[[T], Hashable],
    at: Callable[[T], Any],
) -> list[T]:
    """Base entries still on a side (in base order), then the new ones ordered by time."""
    mine, yours = {key(x) for x in ours}, {key(x) for x in theirs}
    merged: list[T] = []
    seen: set[Hashable] = set()
    for entry in base:
        k = key(entry)
        if k in seen or (k not in mine and k not in yours):
            continue
        seen.add(k)
        merged.append(entry)
    fresh: list[T] = []
    for entry in [*ours, *theirs]:
        k = key(entry)
        if k not in seen:
            seen.add(k)
            fresh.append(entry)
    fresh.sort(key=at)  # stable: on equal times ours come first
    return merged + fresh


def _merge_facts(
    base: Item | None, mine: Item, yours: Item, names: Sequence[str]
) -> tuple[dict[str, Any], list[str]]:
    """Each fact three-way (ours where both changed it), and the facts that clash."""
    facts: dict[str, Any] = {}
    clashes: list[str] = []
    for name in names:
        ours, theirs = getattr(mine, name), getattr(yours, name)
        before = getattr(base, name) if base is not None else None
        if ours == theirs or theirs == before:
            facts[name] = ours
        elif ours == before:
            facts[name] = theirs
        else:
            facts[name] = ours
            clashes.append(name)
    return facts, clashes


Slot = tuple[Item, int]  # a revision: the side's item and its 0-based index there


def _merge_revisions(no: int, base: Item | None, mine: Item, yours: Item) -> list[Slot]:
    """The union of both sides' revisions: the base's, then new ones ordered by time."""

    def slots(item: Item | None) -> list[Slot]:
        return [(item, i) for i in range(len(item.revisions))] if item is not None else []

    def key(slot: Slot) -> Hashable:
        return revision_key(no, slot[0], slot[1])

    def at(slot: Slot) -> Any:
        return slot[0].revisions[slot[1]].at

    return _union(slots(base), slots(mine), slots(yours), key, at)


def _merge_signoffs(
    no: int, base: Item | None, mine: Item, yours: Item, revisions: list[Slot]
) -> list[Signoff]:
    """The union of both sides' sign-offs, each pointing at its revision's merged number."""
    position = {revision_key(no, item, i): n + 1 for n, (item, i) in enumerate(revisions)}

    def moved(item: Item) -> list[Signoff]:
        copies = []
        for signoff in item.signoffs:
            target = signoff.revision
            if 1 <= signoff.revision <= len(item.revisions):
                key = revision_key(no, item, signoff.revision - 1)
                target = position.get(key, signoff.revision)
            copies.append(dataclasses.replace(signoff, revision=target))
        return copies

    ours, theirs = moved(mine), moved(yours)
    before = moved(base) if base is not None else []
    copies: dict[Hashable, list[Signoff]] = {}
    for signoff in [*ours, *theirs, *before]:
        copies.setdefault(signoff_key(no, signoff), []).append(signoff)
    merged = _union(before, ours, theirs, lambda s: signoff_key(no, s), lambda s: s.at)
    for signoff in merged:
        same = copies[signoff_key(no, signoff)]
        withdrawn = [s.withdrawn for s in same if s.withdrawn is not None]
        signoff.withdrawn = min(withdrawn) if withdrawn else None  # either side's withdrawal wins
        signoff.comment = next((s.comment for s in same if s.comment), None)
    return merged


def _merge_item(
    no: int, o: _Side | None, a: _Side, b: _Side, labels: Labels, result: MergeResult
) -> str:
    """Item `no` changed on both sides: the union of its records, or a marked conflict."""
    base = o.item if o is not None else None
    facts, clashes = _merge_facts(base, a.item, b.item, result.facts)
    revisions = _merge_revisions(no, base, a.item, b.item)
    summaries = _union(
        base.summaries if base is not None else [],
        a.item.summaries,
        b.item.summaries,
        lambda s: (s.author, s.at, s.text),
        lambda s: s.at,
    )
    merged = Item(
        no=no,
        revisions=[item.revisions[index] for item, index in revisions],
        signoffs=_merge_signoffs(no, base, a.item, b.item, revisions),
        summaries=summaries,
        # Assignments and notes are appended like summaries: both sides' are kept in time
        # order, so the last assignment made on either side names the assignee.
        assignments=_union(
            base.assignments if base is not None else [],
            a.item.assignments,
            b.item.assignments,
            lambda x: (x.to, x.by, x.at),
            lambda x: x.at,
        ),
        notes=_union(
            base.notes if base is not None else [],
            a.item.notes,
            b.item.notes,
            lambda n: (n.by, n.at, n.text),
            lambda n: n.at,
        ),
        moves=_union(
            base.moves if base is not None else [],
            a.item.moves,
            b.item.moves,
            lambda m: (m.action, m.source, m.target, m.labels, m.by, m.at),
            lambda m: m.at,
        ),
        **facts,
    )
    if clashes:
        return _conflict(no, merged, clashes, a.item, b.item, labels, result)
    for side in (a, b):
        if _extends(side.item, merged, result.facts):
            return patch_chunk(side.block, merged)  # keeps that side's layout and comments
    return render_item(merged, result.version)


def _extends(side: Item, merged: Item, facts: Sequence[str]) -> bool:
    """True when `merged` is `side` with entries appended (so side's text can be patched)."""
    if any(getattr(side, name) != getattr(merged, name) for name in facts if name != "klass"):
        return False
    if merged.revisions[: len(side.revisions)] != side.revisions:
        return False
    if merged.summaries[: len(side.summaries)] != side.summaries:
        return False
    if merged.assignments[: len(side.assignments)] != side.assignments:
        return False
    if merged.notes[: len(side.notes)] != side.notes:
        return False
    if merged.moves[: len(side.moves)] != side.moves:
        return False
    head = merged.signoffs[: len(side.signoffs)]
    return all(
        signoff_key(side.no, m) == signoff_key(side.no, s) and m.revision == s.revision
        for m, s in zip(head, side.signoffs, strict=True)
    ) and len(head) == len(side.signoffs)


def _conflict(
    no: int,
    merged: Item,
    clashes: list[str],
    mine: Item,
    yours: Item,
    labels: Labels,
    result: MergeResult,
) -> str:
    """The merged item with conflict markers around the clashing facts only."""
    names = ", ".join("class" if name == "klass" else name for name in clashes)
    result.conflicts.append(
        _("No.{no}: {names} changed differently on both sides").format(no=no, names=names)
    )

    def variant(values: dict[str, Any]) -> str:
        return render_item(dataclasses.replace(merged, **values), result.version)

    # The base gets a value neither side has, so every clashing line is a conflict.
    base = variant({name: _EMPTY[name] for name in clashes})
    ours = variant({name: getattr(mine, name) for name in clashes})
    theirs = variant({name: getattr(yours, name) for name in clashes})
    text = merge_text(base, ours, theirs, labels)[0]
    return text
