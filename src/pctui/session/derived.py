"""Each item's derived state, computed once per change instead of once per redraw.

An item's state comes from checking every sign-off against the revisions (digests, who
may sign what); with 10,000 items, doing that for the whole list on every keystroke
would make the list sluggish. Items change only by appending revisions, sign-offs and
summaries, by withdrawing a sign-off, or by opinions moving in or out, so those counts
(and the item object itself, replaced on reload) tell when an entry is out of date. No Textual here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pctui.model.records import Consultation, Item, Review
from pctui.model.state import DRAFT, STATES, Progress, State, progress

Key = tuple[int, int, int, int, int]


def change_key(item: Item) -> Key:
    """What changes whenever the item's derived state may: revisions, sign-offs,
    withdrawals and summaries (each only ever grows), and how many opinions it holds (in
    format 2 an opinion moved in or out, a merge or a split, each followed by a redraw,
    changes the count)."""
    signoffs = item.signoffs
    # Asked of every item at each redraw and each `n`: most items of a large file have no
    # sign-off, and a generator made for none cost more than computing their state.
    withdrawn = sum(1 for s in signoffs if s.withdrawn is not None) if signoffs else 0
    return (
        len(item.revisions),
        len(signoffs),
        withdrawn,
        len(item.summaries),
        len(item.opinions),
    )


@dataclass(frozen=True)
class Derived:
    """An item's state and the stages that approved its current revision."""

    state: State
    approved: tuple[str, ...]


# Every item without a sign-off: most of a large file's.
_UNSIGNED = Derived(DRAFT, ())


class DerivedCache:
    """Derived state per item, recomputed only for items that changed."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[Item, Review, Key, Derived, Progress]] = {}

    def of(self, item: Item, review: Review) -> Derived:
        """The item's derived state (from the cache when the item has not changed)."""
        if not item.signoffs:  # a draft, nothing approved (progress's own first answer)
            return _UNSIGNED
        return self._entry(item, review)[3]

    def progress_of(self, review: Review) -> Callable[[Item], Progress]:
        """Each item's progress under `review`, its sign-offs' standings with it (whose
        turn it is asks them: `n` and the "needs my sign-off" filter over 10,000 items),
        from the cache when the item has not changed."""
        entry = self._entry

        def of(item: Item) -> Progress:
            if not item.signoffs:  # computed at once: cheaper than asking if it changed
                return progress(item, review)
            return entry(item, review)[4]

        return of

    def _entry(self, item: Item, review: Review) -> tuple[Item, Review, Key, Derived, Progress]:
        key = change_key(item)
        entry = self._entries.get(item.no)
        # Holding the item and review keeps them alive, so `is` cannot match a new object
        # that reuses an old one's memory.
        if entry and entry[0] is item and entry[1] is review and entry[2] == key:
            return entry
        # One walk over the sign-offs for both (item_state and approved_stages would each
        # walk them, digesting a format-2 item's opinions twice: 10 ms of opening a file of
        # 10,000 opinions).
        found = progress(item, review)
        entry = self._entries[item.no] = (
            item,
            review,
            key,
            Derived(found.state, tuple(found.approved)),
            found,
        )
        return entry

    def counts(self, consultation: Consultation) -> tuple[dict[State, int], dict[str, int]]:
        """(items per state, items approved per stage), every state and stage present."""
        review = consultation.review
        states: Counter[State] = Counter()
        stages: Counter[str] = Counter()
        for item in consultation.items:
            derived = self.of(item, review)
            states[derived.state] += 1
            stages.update(derived.approved)
        return (
            {state: states.get(state, 0) for state in STATES},
            {stage: stages.get(stage, 0) for stage in review.stages},
        )
