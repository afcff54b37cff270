"""Which items the list shows and in what order: filters, search, "needs my sign-off".

Pure functions over the model (no Textual), so the list's behaviour is tested directly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from pctui.base.inert import split_lines
from pctui.i18n import _
from pctui.model.actions import turn_test
from pctui.model.records import Consultation, Item
from pctui.model.state import Progress, State, item_state, progress
from pctui.words import state_name

NeedsMe = Literal["needs-me"]  # a pseudo-state for the filter: items where my stage is next
NEEDS_ME: NeedsMe = "needs-me"


def fold(text: str) -> str:
    """`text` normalised for searching: NFKC (full-width ＡＢＣ and half-width ｶﾅ match their
    usual forms) and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def matches(item: Item, query: str) -> bool:
    """True when `query` occurs in one of the item's opinions, its summary, its topic or
    its current response. (Every opinion: `item.opinion` is the summary alone when there is
    one, and a search for words of an opinion must still find its item.)"""
    needle = fold(query.strip())
    if not needle:
        return True
    current = item.current
    summary = item.summary
    haystack = [
        *(opinion.text for opinion in item.opinions),
        summary.text if summary else "",
        item.topic or "",
        current.text if current else "",
    ]
    return any(needle in fold(text) for text in haystack)


def needs_signoff(consultation: Consultation, item: Item, login: str) -> bool:
    """True when `login` may approve the item's current revision now: its stage is next
    (the model's rule, the one `pctui status` counts by)."""
    return needing_test(consultation, login)(item)


def needing_test(
    consultation: Consultation,
    login: str,
    progress_of: Callable[[Item], Progress] | None = None,
) -> Callable[[Item], bool]:
    """`needs_signoff` for `login`, as a test to ask of many items; `progress_of` gives an
    item's progress (a cache of it, for large files); by default it is computed.

    `n` and the "needs my sign-off" filter ask it of every item: with each item's progress
    computed again and `my_turn` item by item, `n` took 160 ms on 10,000 items where none
    needed the reviewer.
    """
    review = consultation.review
    turn = turn_test(review, login)
    if progress_of is None:
        return lambda item: turn(item, progress(item, review))
    of = progress_of
    return lambda item: turn(item, of(item))


@dataclass(frozen=True)
class ListFilter:
    """What the list shows: a state (or NEEDS_ME), a section id, a search query, and
    with `mine` only the items assigned to the reviewer."""

    state: State | NeedsMe | None = None
    section: str | None = None
    query: str = ""
    mine: bool = False

    def describe(self) -> str:
        """A short text of the active filters for the progress line ("" when none)."""
        parts = []
        if self.state:
            state = _("needs my sign-off") if self.state == NEEDS_ME else state_name(self.state)
            parts.append(_("state={state}").format(state=state))
        if self.section:
            parts.append(_("section={section}").format(section=self.section))
        if self.mine:
            parts.append(_("assigned to me"))
        if self.query.strip():
            parts.append(f"/{self.query.strip()}")
        return " ".join(parts)


def visible_items(
    consultation: Consultation,
    login: str,
    where: ListFilter,
    state_of: Callable[[Item], State] | None = None,
    progress_of: Callable[[Item], Progress] | None = None,
) -> list[Item]:
    """The items the list shows, in file order. `state_of` gives an item's state and
    `progress_of` its progress (caches of them, for large files); by default they are
    computed."""
    review = consultation.review
    if state_of is None:
        state_of = lambda item: item_state(item, review)  # noqa: E731
    needs = needing_test(consultation, login, progress_of)
    shown = []
    for item in consultation.items:
        if where.section and item.section != where.section:
            continue
        if where.mine and item.assignee != login:
            continue
        if where.state == NEEDS_ME:
            if not needs(item):
                continue
        elif where.state and state_of(item) != where.state:
            continue
        if not matches(item, where.query):
            continue
        shown.append(item)
    return shown


def neighbour_needing(
    consultation: Consultation,
    items: Sequence[Item],
    current: int | None,
    login: str,
    step: int,
    progress_of: Callable[[Item], Progress] | None = None,
) -> Item | None:
    """The next (step=1) or previous (step=-1) item of `items` after the one numbered
    `current` that `login` can sign, wrapping around; None when there is none.
    `progress_of` gives an item's progress (a cache of it); by default it is computed."""
    if not items:
        return None
    needs = needing_test(consultation, login, progress_of)
    numbers = [item.no for item in items]
    start = numbers.index(current) if current in numbers else (-1 if step > 0 else 0)
    for offset in range(1, len(items) + 1):
        item = items[(start + step * offset) % len(items)]
        if item.no != current and needs(item):
            return item
    return None


def opinion_summary(item: Item, limit: int = 60, ellipsis: str = "…") -> str:
    """The first non-empty line of the opinion, without a leading 【topic】, at most `limit`
    characters (a cut line ends with `ellipsis`): what the list shows beside the topic."""
    for line in split_lines(item.opinion):
        line = line.strip()
        if item.topic and line.startswith(f"【{item.topic}】"):
            line = line[len(item.topic) + 2 :].strip()
        if line:
            return line if len(line) <= limit else line[: limit - len(ellipsis)] + ellipsis
    return ""


class ItemIndex:
    """Items by No., built again only when the consultation is another object (reloaded,
    or saved) or holds another number of items (format 2's merge and split change the
    list in place): a screen looks items up at every key press, and files hold 10,000."""

    def __init__(self) -> None:
        self._by_no: dict[int, Item] = {}
        self._built_for: Consultation | None = None

    def of(self, consultation: Consultation) -> dict[int, Item]:
        """No. -> item of `consultation`."""
        if consultation is not self._built_for or len(consultation.items) != len(self._by_no):
            self._by_no = {item.no: item for item in consultation.items}
            self._built_for = consultation
        return self._by_no
