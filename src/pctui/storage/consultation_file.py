"""A consultation file on disk: load it, and apply actions that are saved at once.

Every action goes through `ConsultationFile.transact`: under an exclusive lock the file is
re-read if someone else changed it since we loaded it, this session's not-yet-saved
actions are applied again on top, the new action is applied, and the file's layout (see
`layouts`) plans the write of the items touched, which then replaces the file atomically.
This class keeps the session's side of that: the lock, the actions not yet saved and
their replay, and the notices about what other sessions' changes did to ours.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pctui.base.atomic import folder_lock, write_atomic
from pctui.base.problems import LoadError, Problem, SaveError
from pctui.base.record_class import record
from pctui.i18n import _
from pctui.model.actions import Refused, Revised
from pctui.model.records import Consultation, Revision, Signoff
from pctui.storage.reader import Loaded, item_chunks, read_file
from pctui.storage.stamp import FileStamp, stamp_on_disk

if TYPE_CHECKING:
    from pctui.storage.layouts import FileLayout

T = TypeVar("T")


@record()
class _Pending:
    """An action applied in this session and not saved yet, to replay on a newer file."""

    no: int
    action: Callable[[Consultation], Any]
    result: Any = None  # what the action did when first applied (a Signoff, a Revised …)
    also: tuple[int, ...] = ()  # other items the action changes (format 2: a moved opinion)
    intake: bool = False  # the action changes the header's [intake] table (a tally)

    def __init__(
        self,
        no: int,
        action: Callable[[Consultation], Any],
        result: Any = None,
        also: tuple[int, ...] = (),
        intake: bool = False,
    ) -> None:
        self.no = no
        self.action = action
        self.result = result
        self.also = also
        self.intake = intake


class ConsultationFile:
    """One consultation file, loaded: its model, its text's layout, this session's actions."""

    def __init__(self, path: Path, loaded: Loaded, stamp: FileStamp) -> None:
        self.path = path
        self._take(loaded, stamp)
        self._pending: list[_Pending] = []
        self.notices: list[str] = []  # things other sessions' changes did to ours
        self._revised: dict[int, Revision] = {}  # our latest revision of each item
        # False for a preview (the first items of a large file, see `preview`): read-only
        # until the file read whole replaces it.
        self.complete = True
        self.expected_items = len(loaded.consultation.items)

    @classmethod
    def load(
        cls, path: str | Path, *, one_parse: bool = False, marks: bool = False
    ) -> ConsultationFile:
        """Load the file at `path`; LoadError lists every problem found.

        `one_parse` is for a command that only reads: a file without a problem is then read
        in one parse of its whole text (see `pctui.storage.one_parse`), and its blocks are
        found only if a place in it is asked for. Saving works all the same (the blocks are
        found then), but costs that once more. `marks` with it: `plain_text` will be asked.
        """
        path = Path(path)
        loaded, stamp = read_file(path, one_parse=one_parse, marks=marks)
        return cls(path, loaded, stamp)

    @classmethod
    def preview(
        cls, path: str | Path, count: int, size: int | None = None
    ) -> ConsultationFile | None:
        """The first `count` items of a large file (fewer if they reach past its first
        `size` bytes), read-only, in milliseconds; None when the file is small or unusual
        (load it whole: that also reports its problems)."""
        from pctui.storage.preview import read_preview  # only `open` shows a preview

        path = Path(path)
        found = read_preview(path, count, size)
        if found is None:
            return None
        loaded, stamp, total = found
        file = cls(path, loaded, stamp)
        file.complete = False
        file.expected_items = total
        return file

    def _take(self, loaded: Loaded, stamp: FileStamp) -> None:
        """Hold `loaded`, just read from the file whose stamp is `stamp`."""
        self._consultation = loaded.consultation
        self._warnings = loaded.warnings
        # A file read in one parse keeps `loaded` until its layout is asked for (see
        # `_layout`); any other file's layout is made now.
        self._loaded: Loaded | None = loaded
        self._kept_layout: FileLayout | None = None
        if loaded.unsplit is None:
            self._layout = _layout_of(loaded)
        self._stamp = stamp
        self._index = {item.no: i for i, item in enumerate(loaded.consultation.items)}

    @property
    def _layout(self) -> FileLayout:
        """How the file's text is laid out, made when first needed: a file read in one
        parse (see `load`) is split into its blocks only then."""
        return self._lay_out()

    @_layout.setter
    def _layout(self, layout: FileLayout) -> None:
        self._kept_layout = layout
        self._loaded = None

    def _lay_out(self) -> FileLayout:
        """The layout, made now if it was not yet."""
        if self._kept_layout is None:
            assert self._loaded is not None
            self._kept_layout = _layout_of(item_chunks(self._loaded, str(self.path)))
            self._loaded = None
        return self._kept_layout

    @property
    def consultation(self) -> Consultation:
        """The consultation as last loaded or saved."""
        return self._consultation

    @property
    def warnings(self) -> list[Problem]:
        """Problems that do not stop the file from loading (unknown keys, …)."""
        return list(self._warnings)

    @property
    def pending(self) -> int:
        """Number of actions applied in memory but not yet on disk (after a failed save)."""
        return len(self._pending)

    def changed_on_disk(self) -> bool:
        """True when the file on disk is no longer the one this object last read or wrote."""
        return stamp_on_disk(self.path) != self._stamp  # None (unreadable) is a change too

    def reload(self) -> None:
        """Read the file again (someone else saved it); keeps actions not yet saved.

        LoadError when it no longer loads, or its folder cannot even be locked.
        """
        try:
            with folder_lock(self.path):
                self._reload_and_replay()
        except SaveError as error:  # the lock: say it as a problem with the file
            message = str(error).removeprefix(f"{self.path}: ")
            raise LoadError([Problem(str(self.path), 1, 1, message)]) from None

    def _reload_and_replay(self) -> None:
        loaded, stamp = read_file(self.path)
        self._take(loaded, stamp)
        self.complete, self.expected_items = True, len(loaded.consultation.items)
        kept: list[_Pending] = []
        for pending in self._pending:
            try:
                again = pending.action(self.consultation)
            except Refused as refusal:
                self.notices.append(
                    _("not saved after another reviewer's change: {why}").format(why=refusal)
                )
            else:
                self._notice_moved(pending, again)
                kept.append(pending)
        self._pending = kept
        self._notice_revisions()

    def _notice_moved(self, pending: _Pending, again: Any) -> None:
        """Tell this session when a kept sign-off, applied again after a reload, goes to
        another stage than when it was first applied (a login that may sign two stages
        signs the first one still open, and the item changed meanwhile)."""
        first = pending.result
        if (
            isinstance(first, Signoff)
            and isinstance(again, Signoff)
            and first.withdrawn is None  # a sign-off given, not one taken back
            and again.withdrawn is None
            and first.stage != again.stage
        ):
            self.notices.append(
                _(
                    "No.{no}: your sign-off, kept after a failed save, is now at stage {now}, "
                    "not {was}: the item changed meanwhile"
                ).format(no=pending.no, now=again.stage, was=first.stage)
            )
            pending.result = again

    def _notice_revisions(self) -> None:
        """Tell this session when someone else appended a revision after one of its own."""
        for no, mine in list(self._revised.items()):
            item = self.consultation.item(no)
            if item is None or mine not in item.revisions:
                continue
            ours = item.revisions.index(mine) + 1
            if ours < len(item.revisions):
                other = item.revisions[-1]
                self.notices.append(
                    _(
                        "No.{no}: {author} saved revision {theirs} after yours "
                        "(revision {ours}); both are kept, theirs is now the current draft"
                    ).format(no=no, author=other.author, theirs=len(item.revisions), ours=ours)
                )
                del self._revised[no]

    def transact(
        self,
        no: int,
        action: Callable[[Consultation], T],
        also: Collection[int] = (),
        *,
        intake: bool = False,
    ) -> T:
        """Apply `action` (which changes item `no`, and the items numbered in `also`) and
        save at once; return its result. An action may also remove items or add new ones
        (format 2's merge and split): the file is then written with their blocks left out
        or added, the other items' blocks as they were. With `intake` the action changes
        the header's `[intake]` table (`no` 0 when it changes no item): that table's keys
        are written too, the rest of the header as it was.

        Refused propagates with nothing changed. SaveError propagates with the change
        kept in memory; it is written by the next successful action. When someone else
        left the file on disk in a state that does not load, SaveError says where, and
        the action is not applied.
        """
        if not self.complete:
            raise SaveError(
                _(
                    "{path}: still reading the file ({count} items); "
                    "nothing was saved, act again in a moment"
                ).format(path=self.path, count=self.expected_items)
            )
        with folder_lock(self.path):
            self._catch_up()
            self._lay_out()  # of the file as read: before the action changes its items
            try:
                result = action(self.consultation)
            except Refused:
                if self._pending:
                    self._save()
                raise
            self._pending.append(_Pending(no, action, result, tuple(also), intake))
            if isinstance(result, Revised):
                self._revised[no] = result.revision
            self._save()
            return result

    def _catch_up(self) -> None:
        """Under the lock: re-read the file if someone else saved it, replaying ours."""
        if self.changed_on_disk():
            try:
                self._reload_and_replay()
            except LoadError as error:
                problems = "\n".join(str(problem) for problem in error.problems)
                raise SaveError(
                    _(
                        "{path}: changed on disk and no longer loads; nothing was "
                        "written (fix the file, then act again):\n{problems}"
                    ).format(path=self.path, problems=problems)
                ) from None

    def save_pending(self) -> None:
        """Write the actions kept in memory after a failed save (a full disk, …), if any.

        SaveError when it fails again; the actions stay kept.
        """
        if not self._pending:
            return
        with folder_lock(self.path):
            self._catch_up()
            if self._pending:
                self._save()

    def _save(self) -> None:
        # tomlkit is imported only to write: reading commands (status, validate, open) are
        # 15 ms faster to start without it.
        import tomllib

        from tomlkit.exceptions import TOMLKitError

        from pctui.storage.layouts import CannotRestructure

        items = self.consultation.items
        touched = {no for pending in self._pending for no in (pending.no, *pending.also)}
        layout = self._layout
        try:
            if any(pending.intake for pending in self._pending):
                layout = layout.with_intake(self.consultation.intake)
            if len(items) == len(self._index) and all(i.no in self._index for i in items):
                changed = {self._index[no] for no in touched if no in self._index}
                planned = layout.plan(items, changed)
            else:  # items were merged or split: some blocks go, new ones come
                sources = [self._index.get(item.no) for item in items]
                changed = {index for index, item in enumerate(items) if item.no in touched}
                planned = layout.restructure(items, sources, changed, self.consultation.format)
        except CannotRestructure:
            self._pending.clear()
            self._reload_and_replay()
            raise SaveError(
                _(
                    "{path}: items can be merged or split only in a file laid out as its "
                    "header followed by one [[items]] block per item; nothing was written"
                ).format(path=self.path)
            ) from None
        except (TOMLKitError, tomllib.TOMLDecodeError, LookupError, ValueError, TypeError) as error:
            # Unlike a full disk, this would fail again: drop the unsaved actions and go back
            # to the file as it is, so the session and the disk agree.
            self._pending.clear()
            self._reload_and_replay()
            raise SaveError(
                _(
                    "{path}: could not render the change safely ({error}); nothing was "
                    "written. Please report this with the file."
                ).format(path=self.path, error=error)
            ) from error
        self._stamp = FileStamp.of(write_atomic(self.path, planned.data))
        self._layout = planned.after
        self._index = {item.no: i for i, item in enumerate(items)}
        self._pending.clear()

    def item_text(self, no: int) -> str:
        """The TOML text of item `no` as it stands in the file (for a raw view)."""
        return self._layout.item_text(self._index[no])

    def plain_text(self) -> bool:
        """True when the file was loaded with `marks`, its text is still at hand (read in
        one parse, not laid out since), and it holds no backslash and no character
        `pctui.base.inert` may replace: then no text the file holds can hide a character,
        each being a piece of it as written (no escape)."""
        loaded = self._loaded
        return loaded is not None and loaded.unsplit is not None and loaded.plain

    def header_place(self, table: str, index: int = 0, key: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `index`-th `table` of the header."""
        return self._layout.header_place(table, index, key)

    def place(self, no: int, table: str, index: int = 0, key: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `index`-th `table` of item `no`."""
        return self._layout.place(self._index[no], table, index, key)


def _layout_of(loaded: Loaded) -> FileLayout:
    """`layouts.layout_of`, imported when a layout is first made: `status` and `validate`
    of a file without a problem never make one (see `ConsultationFile.load`)."""
    from pctui.storage.layouts import layout_of

    return layout_of(loaded)
