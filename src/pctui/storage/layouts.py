"""How a loaded file's text is laid out, and how a change to some items is written into it.

A file is held in one of two layouts, chosen once from what the reader found
(`layout_of`):

- `SplicedBlocks`, the usual one: a header, then one `[[items]]` block per item. A save
  re-renders only the changed items' blocks and splices them between the unchanged
  ones, whose bytes are kept from the first save on, so a later save encodes only what
  changed.
- `WholeDocument`, for an unusual but valid file (a table after the items, items written
  inline, …): the whole text is parsed with tomlkit, the changed items patched in it and
  the document written back whole.

Both answer the same questions (an item's text, where a key is) and plan a write the
same way: `plan` renders the change, reads it back to make sure it holds the model, and
returns one `PlannedWrite` value: the bytes to write and the layout to keep once they are
on disk. A layout is never changed in place, so a write that fails (a full disk) leaves
the file's layout as it was, and the caller simply plans again.
"""

from __future__ import annotations

import tomllib
from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pctui.base.toml_locate import Locator
from pctui.model.records import Intake, Item
from pctui.storage.item_schema import ITEMS
from pctui.storage.reader import BOM, Loaded

_BOM_BYTES = BOM.encode("utf-8")


@dataclass(frozen=True)
class PlannedWrite:
    """A write ready to be made: the file's new bytes, and the layout that describes them."""

    data: bytes  # the whole file, its byte order mark included
    after: FileLayout  # what to keep as the file's layout once `data` is on disk


class CannotRestructure(ValueError):
    """Items cannot be added or removed in this layout (a file read whole): the file's
    unusual layout is not rewritten behind its owner's back."""


class FileLayout(ABC):
    """The text of a loaded file, as items are found in it and as a save changes it."""

    bom: bool  # the file began with a byte order mark, which every save keeps

    @property
    @abstractmethod
    def header_text(self) -> str:
        """The text in which the header's tables are found."""

    @abstractmethod
    def with_intake(self, intake: Intake) -> FileLayout:
        """This layout with the header's `[intake]` table holding `intake`'s counts (see
        `intake_header`): a new layout, planned from like any other, this one unchanged."""

    @abstractmethod
    def plan(self, items: Sequence[Item], changed: Collection[int]) -> PlannedWrite:
        """The write that puts `items[i]` for each index `i` in `changed` into the file.

        ValueError when the rendered text would not read back as those items (and the
        errors of tomlkit or tomllib when it cannot be rendered or read at all).
        """

    def restructure(
        self,
        items: Sequence[Item],
        sources: Sequence[int | None],
        changed: Collection[int],
        version: int,
    ) -> PlannedWrite:
        """The write that makes the file hold `items` after items were merged or split:
        `sources[i]` is the index `items[i]` had in the file (None for a new item, written
        in format `version`), `changed` the indexes (in `items`) of those to patch; items
        the file held that are no longer in `items` are left out.

        CannotRestructure for a layout that cannot (see WholeDocument).
        """
        raise CannotRestructure

    @abstractmethod
    def item_text(self, index: int) -> str:
        """The TOML text of the `index`-th item as it stands in the file."""

    @abstractmethod
    def place(self, index: int, table: str, nth: int, key: str | None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `nth` `table` of the `index`-th item."""

    def header_place(self, table: str, nth: int, key: str | None) -> tuple[int, int]:
        """1-based (line, column) of `key` in the `nth` `table` of the header."""
        return Locator(self.header_text).find(table, nth, key)


def layout_of(loaded: Loaded) -> FileLayout:
    """The layout of a file as the reader found it."""
    if not loaded.spliceable:
        return WholeDocument(bom=loaded.bom, text=loaded.header.text)
    return SplicedBlocks(
        bom=loaded.bom,
        header=loaded.header.text,
        blocks=tuple(chunk.text for chunk in loaded.chunks),
        lines=tuple(chunk.line for chunk in loaded.chunks),
    )


def _read_back(table: object, item: Item) -> None:
    """ValueError unless `table`, read from what is about to be written, holds `item`."""
    from pctui.storage.writer import written_as

    if not isinstance(table, dict) or not written_as(table, item):
        raise ValueError(f"No.{item.no} would not read back as it is")


@dataclass(frozen=True)
class SplicedBlocks(FileLayout):
    """A header followed by one `[[items]]` block per item, in the model's order."""

    bom: bool
    header: str
    blocks: tuple[str, ...]  # blocks[i] holds the model's items[i]
    lines: tuple[int, ...]  # lines[i]: the 1-based line on which blocks[i] starts
    # Each block's UTF-8 bytes, made by the first save and kept in step by every later one
    # (re-encoding 27 MB for each save cost 30 ms); None until then.
    encoded: tuple[bytes, ...] | None = None

    @property
    def header_text(self) -> str:
        return self.header

    def with_intake(self, intake: Intake) -> SplicedBlocks:
        from pctui.storage.intake_header import patch_intake

        header = patch_intake(self.header, intake)
        if not header.endswith("\n"):  # the first block starts on a line of its own
            header += "\r\n" if "\r\n" in header else "\n"
        shift = header.count("\n") - self.header.count("\n")
        lines = tuple(line + shift for line in self.lines)
        return SplicedBlocks(self.bom, header, self.blocks, lines, self.encoded)

    def plan(self, items: Sequence[Item], changed: Collection[int]) -> PlannedWrite:
        from pctui.storage.writer import patch_chunk

        new = {index: patch_chunk(self.blocks[index], items[index]) for index in changed}
        for index, text in new.items():
            _read_back(tomllib.loads(text)[ITEMS][0], items[index])
        blocks, lines = list(self.blocks), list(self.lines)
        order = sorted(new)
        shift = 0  # how many lines the changed blocks before this point grew by
        following_ones = [*order[1:], len(lines)] if order else []  # none: the header only
        for index, following in zip(order, following_ones, strict=True):
            lines[index] += shift
            shift += new[index].count("\n") - blocks[index].count("\n")
            blocks[index] = new[index]
            if shift:  # the blocks up to the next changed one move by as many lines
                lines[index + 1 : following] = [n + shift for n in lines[index + 1 : following]]
        if self.encoded is None:
            encoded = [block.encode("utf-8") for block in self.blocks]
        else:
            encoded = list(self.encoded)
        for index, text in new.items():
            encoded[index] = text.encode("utf-8")
        after = SplicedBlocks(self.bom, self.header, tuple(blocks), tuple(lines), tuple(encoded))
        head = (_BOM_BYTES if self.bom else b"") + self.header.encode("utf-8")
        return PlannedWrite(b"".join([head, *encoded]), after)

    def restructure(
        self,
        items: Sequence[Item],
        sources: Sequence[int | None],
        changed: Collection[int],
        version: int,
    ) -> PlannedWrite:
        from pctui.storage.writer import patch_chunk, render_item

        crlf = "\r\n" in self.header
        newline = "\r\n" if crlf else "\n"
        header = self.header
        if not self.blocks and items and header.strip() and not header.endswith(newline * 2):
            # The first item of a file that had none (the grouping screen accepting its first
            # group): a blank line after the header, as every [[items]] block has one before it.
            header = header.rstrip("\r\n") + newline * 2
        blocks: list[str] = []
        for index, (item, source) in enumerate(zip(items, sources, strict=True)):
            if source is not None and index not in changed:
                blocks.append(self.blocks[source])
                continue
            if source is None:
                text = render_item(item, version)
                text = text.replace("\n", "\r\n") if crlf else text
                if blocks and not blocks[-1].endswith("\n"):  # a last block without its end
                    blocks[-1] += "\r\n" if crlf else "\n"
            else:
                text = patch_chunk(self.blocks[source], item)
            _read_back(tomllib.loads(text)[ITEMS][0], item)
            blocks.append(text)
        line = self.lines[0] if self.lines else header.count("\n") + 1
        lines: list[int] = []
        for block in blocks:
            lines.append(line)
            line += block.count("\n")
        encoded = tuple(block.encode("utf-8") for block in blocks)
        after = SplicedBlocks(self.bom, header, tuple(blocks), tuple(lines), encoded)
        head = (_BOM_BYTES if self.bom else b"") + header.encode("utf-8")
        return PlannedWrite(b"".join([head, *encoded]), after)

    def item_text(self, index: int) -> str:
        return self.blocks[index]

    def place(self, index: int, table: str, nth: int, key: str | None) -> tuple[int, int]:
        return Locator(self.blocks[index], self.lines[index]).find(table, nth, key)


@dataclass(frozen=True)
class WholeDocument(FileLayout):
    """A file read whole: the items are not one block each, so the text is changed whole."""

    bom: bool
    text: str

    @property
    def header_text(self) -> str:
        return self.text

    def with_intake(self, intake: Intake) -> WholeDocument:
        from pctui.storage.intake_header import patch_intake

        return WholeDocument(self.bom, patch_intake(self.text, intake))

    def plan(self, items: Sequence[Item], changed: Collection[int]) -> PlannedWrite:
        import tomlkit

        from pctui.storage.writer import patch_item

        crlf = "\r\n" in self.text  # tomlkit writes new tables with LF; keep the file's endings
        document = tomlkit.parse(self.text.replace("\r\n", "\n") if crlf else self.text)
        for index in changed:
            patch_item(document[ITEMS][index], items[index])
        rendered = tomlkit.dumps(document)
        text = rendered.replace("\n", "\r\n") if crlf else rendered
        tables = tomllib.loads(text)[ITEMS]
        for index in changed:
            _read_back(tables[index], items[index])
        data = (_BOM_BYTES if self.bom else b"") + text.encode("utf-8")
        return PlannedWrite(data, WholeDocument(self.bom, text))

    def item_text(self, index: int) -> str:
        import tomlkit

        return tomlkit.dumps({ITEMS: [tomlkit.parse(self.text)[ITEMS][index]]})

    def place(self, index: int, table: str, nth: int, key: str | None) -> tuple[int, int]:
        # As before: the key is looked up in the item's own table, whatever `table` is.
        return Locator(self.text).find(ITEMS, index, key)
