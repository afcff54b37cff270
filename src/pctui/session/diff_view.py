"""How the review screen shows the selected item's diff: the mode `d` cycles through and
the base revision `[` and `]` move. Pure (no Textual): the screen holds one `DiffView`
and asks it, rather than keeping the mode, the base and what the base was chosen for in
three fields of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pctui.model.records import Item
from pctui.session.diff_state import DiffBase, DiffMode, default_base, newer, next_mode, older


@dataclass
class DiffView:
    """The diff's mode, and its base for `login`: chosen afresh (`default_base`) for each
    item and each new revision of it, kept while the reviewer moves it with `[` and `]`."""

    login: str
    mode: DiffMode = DiffMode.INLINE
    _base: DiffBase | None = field(default=None, repr=False)
    _chosen_for: tuple[int, int] | None = field(default=None, repr=False)  # (No., revisions)

    @property
    def shown(self) -> bool:
        """True unless the diff is hidden."""
        return self.mode != DiffMode.HIDDEN

    def cycle(self) -> None:
        """Inline → side by side → hidden → inline."""
        self.mode = next_mode(self.mode)

    def base(self, item: Item | None) -> DiffBase | None:
        """The revision `item`'s diff starts from; None with no item or nothing to compare."""
        if item is None:
            return None
        key = (item.no, item.current_index)
        if key != self._chosen_for:
            self._chosen_for, self._base = key, default_base(item, self.login)
        return self._base

    def _moved(self, item: Item, to_older: bool) -> DiffBase | None:
        return (older if to_older else newer)(item, self.base(item))

    def can_move(self, item: Item, to_older: bool) -> bool:
        """Whether `[` (`to_older`) or `]` would move the base: the diff is shown and there
        is a revision that way."""
        return self.shown and self._moved(item, to_older) is not None

    def move(self, item: Item, to_older: bool) -> bool:
        """Move the base one revision older (`to_older`) or newer; False when it cannot."""
        moved = self._moved(item, to_older)
        if moved is None:
            return False
        self._base = moved
        return True
