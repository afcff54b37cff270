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
from pctui.model.actions import my_turn
from pctui.model.records import Consultation, Item
from pctui.model.state import State, item_state, progress
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
    review = consultation.review
    return my_turn(review, item, progress(item, review), login)


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
) -> list[Item]:
    """The items the list shows, in file order. `state_of` gives an item's state (a cache
    of it, for large files); by default it is computed."""
    review = consultation.review
    if state_of is None:
        state_of = lambda item: item_state(item, review)  # noqa: E731
    shown = []
    for item in consultation.items:
        if where.section and item.section != where.section:
            continue
        if where.mine and item.assignee != login:
            continue
        if where.state == NEEDS_ME:
            if not needs_signoff(consultation, item, login):
                continue
        elif where.state and state_of(item) != where.state:
            continue
        if not matches(item, where.query):
            continue
        shown.append(item)
    return shown


def neighbour_needing(
    consultation: Consultation, items: Sequence[Item], current: int | None, login: str, step: int
) -> Item | None:
    """The next (step=1) or previous (step=-1) item of `items` after the one numbered
    `current` that `login` can sign, wrapping around; None when there is none."""
    if not items:
        return None
    numbers = [item.no for item in items]
    start = numbers.index(current) if current in numbers else (-1 if step > 0 else 0)
    for offset in range(1, len(items) + 1):
        item = items[(start + step * offset) % len(items)]
        if item.no != current and needs_signoff(consultation, item, login):
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
