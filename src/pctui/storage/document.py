"""A consultation file on disk: load it, and apply actions that are saved at once.

Every action goes through `ConsultationFile.transact`: under an exclusive lock the file is
re-read if someone else changed it since we loaded it, this session's not-yet-saved
actions are applied again on top, the new action is applied, and only the items touched
are re-rendered and spliced into the text, which is then replaced atomically.
"""

from __future__ import annotations

import gc
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pctui.base.atomic import folder_lock, write_atomic
from pctui.base.problems import LoadError, Problem, SaveError
from pctui.base.toml_locate import Locator
from pctui.i18n import _
from pctui.model.actions import Refused, Revised
from pctui.model.records import Consultation, Revision, Signoff
from pctui.storage.item_schema import ITEMS
from pctui.storage.preview import read_preview
from pctui.storage.reader import BOM, Loaded, decode, load_text
from pctui.storage.stamp import FileStamp, stamp_on_disk

T = TypeVar("T")


def read_loaded(path: Path) -> tuple[Loaded, FileStamp]:
    """Read and parse `path`; LoadError (with a located problem) when it cannot be."""
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        raise LoadError([Problem(str(path), 1, 1, _("no such file"))]) from None
    except IsADirectoryError:
        message = _("is a folder, not a consultation file")
        raise LoadError([Problem(str(path), 1, 1, message)]) from None
    except OSError as error:
        message = _("cannot read: {error}").format(error=error.strerror)
        raise LoadError([Problem(str(path), 1, 1, message)]) from None
    text, bom = decode(data, str(path))
    # Reading a large file makes a million objects and no garbage cycles: the collector
    # walking them again and again cost a fifth of the time, so it waits until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        loaded = load_text(text, str(path))
    finally:
        if collecting:
            gc.enable()
    loaded.bom = bom
    return loaded, FileStamp.of(stat)


@dataclass
class _Pending:
    no: int
    action: Callable[[Consultation], Any]
    result: Any = None  # what the action did when first applied (a Signoff, a Revised …)


class ConsultationFile:
    """One consultation file, loaded, with its text kept in per-item chunks for splicing."""

    def __init__(self, path: Path, loaded: Loaded, stamp: FileStamp) -> None:
        self.path = path
        self._loaded = loaded
        self._stamp = stamp
        self._index = {item.no: i for i, item in enumerate(loaded.consultation.items)}
        self._pending: list[_Pending] = []
        self.notices: list[str] = []  # things other sessions' changes did to ours
        self._revised: dict[int, Revision] = {}  # our latest revision of each item
        # What a save is about to write: the new text of each changed chunk (by index), its
        # bytes, or the new header text of a file read whole; made true by _commit_chunks.
        self._new_chunks: dict[int, str] = {}
        self._new_bytes: dict[int, bytes] = {}
        self._new_header = ""
        # False for a preview (the first items of a large file, see `preview`): read-only
        # until the file read whole replaces it.
        self.complete = True
        self.expected_items = len(loaded.consultation.items)

    @classmethod
    def load(cls, path: str | Path) -> ConsultationFile:
        """Load the file at `path`; LoadError lists every problem found."""
        path = Path(path)
        loaded, stamp = read_loaded(path)
        return cls(path, loaded, stamp)

    @classmethod
    def preview(cls, path: str | Path, count: int) -> ConsultationFile | None:
        """The first `count` items of a large file, read-only, in milliseconds; None when
        the file is small or unusual (load it whole: that also reports its problems)."""
        path = Path(path)
        found = read_preview(path, count)
        if found is None:
            return None
        loaded, stamp, total = found
        file = cls(path, loaded, stamp)
        file.complete = False
        file.expected_items = total
        return file

    @property
    def consultation(self) -> Consultation:
        """The consultation as last loaded or saved."""
        return self._loaded.consultation

    @property
    def warnings(self) -> list[Problem]:
        """Problems that do not stop the file from loading (unknown keys, …)."""
        return self._loaded.warnings

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
        loaded, stamp = read_loaded(self.path)
        self._loaded, self._stamp = loaded, stamp
        self.complete, self.expected_items = True, len(loaded.consultation.items)
        self._index = {item.no: i for i, item in enumerate(loaded.consultation.items)}
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

    def transact(self, no: int, action: Callable[[Consultation], T]) -> T:
        """Apply `action` (which changes item `no` only) and save at once; return its result.

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
            try:
                result = action(self.consultation)
            except Refused:
                if self._pending:
                    self._save()
                raise
            self._pending.append(_Pending(no, action, result))
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
        from tomlkit.exceptions import TOMLKitError

        touched = {pending.no for pending in self._pending}
        try:
            text = self._render(touched)
            self._check(text, touched)
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
        self._stamp = FileStamp.of(write_atomic(self.path, self._file_bytes(text)))
        self._commit_chunks()
        self._pending.clear()

    def _file_bytes(self, text: str | None) -> bytes:
        """What the file is to hold: `text` (a file read whole), or the header and chunks
        with the new chunks in place, joined as bytes. Each unchanged chunk's bytes are
        kept from the first save on, so a later save encodes only what changed instead of
        the whole text (30 ms less at 27 MB, and the 27 MB join of bytes instead of text)."""
        bom = BOM.encode("utf-8") if self._loaded.bom else b""
        if text is not None:
            return bom + text.encode("utf-8")
        loaded = self._loaded
        if loaded.encoded is None:
            chunks = [loaded.header, *loaded.chunks]
            loaded.encoded = [chunk.text.encode("utf-8") for chunk in chunks]
        parts = [bom, *loaded.encoded]
        self._new_bytes = {index: new.encode("utf-8") for index, new in self._new_chunks.items()}
        for index, data in self._new_bytes.items():
            parts[index + 2] = data  # after the BOM and the header
        return b"".join(parts)

    def _render(self, touched: set[int]) -> str | None:
        import tomlkit

        from pctui.storage.render import patch_chunk, patch_item

        items = self.consultation.items
        if not self._loaded.spliceable:
            text = self._loaded.header.text
            crlf = "\r\n" in text  # tomlkit writes new tables with LF; keep the file's endings
            document = tomlkit.parse(text.replace("\r\n", "\n") if crlf else text)
            for no in touched:
                patch_item(document[ITEMS][self._index[no]], items[self._index[no]])
            rendered = tomlkit.dumps(document)
            self._new_header = rendered.replace("\n", "\r\n") if crlf else rendered
            return self._new_header
        self._new_chunks = {
            self._index[no]: patch_chunk(self._loaded.chunks[self._index[no]].text,
                                         items[self._index[no]])
            for no in touched
        }  # fmt: skip
        return None  # spliced: `_file_bytes` joins the chunks

    def _check(self, text: str | None, touched: set[int]) -> None:
        """Read back what is about to be written: ValueError unless it holds the model."""
        from pctui.storage.render import written_as

        items = self.consultation.items
        if self._loaded.spliceable:
            written = {
                index: tomllib.loads(chunk)[ITEMS][0] for index, chunk in self._new_chunks.items()
            }
        else:
            assert text is not None  # a file read whole is rendered whole
            tables = tomllib.loads(text)[ITEMS]
            written = {self._index[no]: tables[self._index[no]] for no in touched}
        for index, table in written.items():
            if not written_as(table, items[index]):
                raise ValueError(f"No.{items[index].no} would not read back as it is")

    def _commit_chunks(self) -> None:
        """Make the chunks hold the text just written, keeping their line numbers true."""
        if not self._loaded.spliceable:
            self._loaded.header.text = self._new_header
            return
        shift = 0
        for index, chunk in enumerate(self._loaded.chunks):
            chunk.line += shift
            if index in self._new_chunks:
                new = self._new_chunks[index]
                shift += new.count("\n") - chunk.text.count("\n")
                chunk.text = new
                if self._loaded.encoded is not None:
                    self._loaded.encoded[index + 1] = self._new_bytes[index]
        self._new_chunks = {}
        self._new_bytes = {}

    def item_text(self, no: int) -> str:
        """The TOML text of item `no` as it stands in the file (for a raw view)."""
        index = self._index[no]
        if self._loaded.spliceable:
            return self._loaded.chunks[index].text
        import tomlkit

        return tomlkit.dumps({ITEMS: [tomlkit.parse(self._loaded.header.text)[ITEMS][index]]})

    def header_place(self, table: str, index: int = 0, key: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `index`-th `table` of the header."""
        return Locator(self._loaded.header.text).find(table, index, key)

    def place(self, no: int, table: str, index: int = 0, key: str | None = None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `index`-th `table` of item `no`."""
        position = self._index[no]
        if self._loaded.spliceable:
            chunk = self._loaded.chunks[position]
            return Locator(chunk.text, chunk.line).find(table, index, key)
        return Locator(self._loaded.header.text).find(ITEMS, position, key)
