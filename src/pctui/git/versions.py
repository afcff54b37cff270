"""Reading versions of a consultation file from git (HEAD's, or every one in its history).

Consecutive versions share almost every `[[items]]` block, so blocks are cached by their
text: each distinct block is parsed once however many versions hold it, and a file of
10,000 items costs one full parse plus the changed blocks of each further version.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field

from pctui.base.problems import LoadError
from pctui.base.toml_locate import Locator
from pctui.model.records import Intake, Item, Meta, Review
from pctui.storage.checker import Checker
from pctui.storage.chunks import split
from pctui.storage.header_schema import Header
from pctui.storage.item_schema import ITEMS, read_item
from pctui.storage.reader import BOM, load_text

# Item blocks are read without judging them against a header: the audit judges sign-offs
# against the current file's review rules, and old headers may differ.
_ANY_HEADER = Header(Meta(id="", title=""), Intake(), Review(stages=[], reviewers={}))


@dataclass
class Version:
    """One version of the file, split into its header and item blocks (nothing parsed yet)."""

    text: str
    header: str
    blocks: list[str] = field(default_factory=list)
    problem: str = ""  # why this version cannot be read ("" when it can)


class VersionReader:
    """Splits and parses versions of one file, each distinct item block once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._blocks: dict[str, Item | None] = {}

    def split(self, data: bytes) -> Version:
        """The version whose content is `data`, split into blocks without parsing them."""
        try:
            text = data.decode("utf-8").removeprefix(BOM)
        except UnicodeDecodeError:
            return Version(text="", header="", problem="not valid UTF-8")
        header, chunks = split(text)
        return Version(text=text, header=header.text, blocks=[chunk.text for chunk in chunks])

    def seed(self, block: str, item: Item) -> None:
        """Record that `block` holds `item` (already parsed elsewhere)."""
        self._blocks[block] = item

    def item(self, block: str) -> Item | None:
        """The item one `[[items]]` block holds (None when the block is not a whole item).

        The result is shared by every version holding the same block: do not change it.
        """
        if block in self._blocks:
            return self._blocks[block]
        item: Item | None = None
        try:
            parsed = tomllib.loads(block)
        except tomllib.TOMLDecodeError:
            parsed = {}
        tables = parsed.get(ITEMS)
        if set(parsed) == {ITEMS} and isinstance(tables, list) and len(tables) == 1:
            item = read_item(tables[0], _ANY_HEADER, Checker(self.path, Locator(block), []))
        self._blocks[block] = item
        return item

    def items(self, version: Version) -> list[Item]:
        """Every item of `version` in file order ([] and `version.problem` set if unreadable).

        A block that is not a whole item (a `[[items]]` line inside a string, a layout with
        tables after the items) sends the version through the storage loader instead.
        """
        if version.problem:
            return []
        found: list[Item] = []
        for block in version.blocks:
            item = self.item(block)
            if item is None:
                return self._whole(version)
            found.append(item)
        if not version.blocks and "[[items]]" in version.header.replace(" ", ""):
            return self._whole(version)
        return found

    def _whole(self, version: Version) -> list[Item]:
        try:
            loaded = load_text(version.text, self.path)
        except LoadError as error:
            version.problem = str(error.problems[0]) if error.problems else "does not load"
            return []
        return loaded.consultation.items
