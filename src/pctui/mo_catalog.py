"""A compiled gettext catalog (`.mo`), looked up a message at a time.

`gettext.GNUTranslations` decodes every message of a catalog when it opens it: the 1,008 of
pctui's Japanese catalog cost 3.4-4 ms of every command that speaks Japanese (a tenth of
what `pctui validate` adds to parsing a national file), to look up the dozen or so that a
command prints. So this keeps the file's bytes and finds a message by binary search in its
table of originals, which the format sorts by their bytes (GNU gettext's manual, "The
Format of GNU MO Files"; Babel, which compiles pctui's catalogs, writes them so, and a test
holds each shipped catalog to it). A message is decoded when it is asked for.

It answers as `GNUTranslations` does (a test compares the two over every message of each
catalog): `gettext` gives a message's translation or the message itself; `ngettext` the
plural form that the catalog's `Plural-Forms` picks for the count, or the English singular
or plural when the catalog has no entry (and `gettext` of a plural entry's singular, its
form for one). A catalog this does not read the same way (another
byte order or character set, or a plural formula other than the one form of Japanese) is
handed to `GNUTranslations` whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

_MAGIC = 0x950412DE  # the first word, read in the byte order the file was written in
_HEADER_WORDS = 7  # magic, revision, count, originals' offset, translations' offset, hash

if TYPE_CHECKING:  # a Protocol class costs 0.3 ms to create, at every start
    from typing import Protocol

    class Translations(Protocol):
        """What pctui asks of a catalog: the calls `gettext.NullTranslations` answers."""

        def gettext(self, message: str) -> str: ...

        def ngettext(self, singular: str, plural: str, n: int) -> str: ...


class Identity:
    """English: every message is its own translation (`gettext.NullTranslations`)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


class MoCatalog:
    """A `.mo` file's messages, found by binary search and decoded when asked for."""

    def __init__(self, data: bytes, words: memoryview) -> None:
        self._data = data
        self._words = words  # the file as native 32-bit words (its byte order is native)
        self._count = words[2]
        self._originals = words[3] // 4  # word index of the table of (length, offset) pairs
        self._translations = words[4] // 4
        self._found: dict[str, str] = {}

    def _index(self, key: bytes) -> int:
        """Index of the first original not below `key`, in byte order."""
        data, words, table = self._data, self._words, self._originals
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            at = table + 2 * middle
            offset = words[at + 1]
            if data[offset : offset + words[at]] < key:
                low = middle + 1
            else:
                high = middle
        return low

    def _original(self, index: int) -> bytes:
        at = self._originals + 2 * index
        offset = self._words[at + 1]
        return self._data[offset : offset + self._words[at]]

    def _translation(self, index: int) -> bytes:
        at = self._translations + 2 * index
        offset = self._words[at + 1]
        return self._data[offset : offset + self._words[at]]

    def gettext(self, message: str) -> str:
        found = self._found.get(message)
        if found is None:
            key = message.encode("utf-8")
            index = self._index(key)
            original = self._original(index) if index < self._count else b""
            if original == key and index < self._count:
                found = self._translation(index).decode("utf-8")
            elif original.startswith(key + b"\0"):  # a plural entry: its form for one
                found = self._translation(index).split(b"\0")[0].decode("utf-8")
            else:
                found = message
            self._found[message] = found
        return found

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        # A plural entry's original is the singular and the plural joined by NUL, so it
        # sorts right after the singular alone (NUL is the smallest byte).
        key = singular.encode("utf-8") + b"\0"
        index = self._index(key)
        if index < self._count and self._original(index).startswith(key):
            # One form for every count (`load` hands any other formula to GNUTranslations).
            return self._translation(index).split(b"\0")[0].decode("utf-8")
        return singular if n == 1 else plural


def load(data: bytes) -> Translations:
    """The catalog `data` holds: a `MoCatalog`, or `GNUTranslations` where this module does
    not read it the same way (see the module's text)."""
    whole = len(data) - len(data) % 4
    words = memoryview(data)[:whole].cast("I")
    # Read as this machine's words, the magic number is itself only in a file written in
    # this machine's byte order (Babel writes native order; GNU msgfmt either).
    native = words.itemsize == 4 and len(words) >= _HEADER_WORDS and words[0] == _MAGIC
    if native and words[1] >> 16 in (0, 1):  # the major revisions GNUTranslations reads
        catalog = MoCatalog(data, words)
        header = catalog.gettext("")  # the empty original's translation: the metadata
        if _reads_as_one_form(header):
            return catalog
    import gettext  # another byte order, character set or plural formula: the full reader
    import io

    return gettext.GNUTranslations(io.BytesIO(data))


def _reads_as_one_form(header: str) -> bool:
    """True when the metadata says UTF-8 and one plural form (`plural=0`), which is what
    `MoCatalog` assumes; a catalog without `Plural-Forms` (GNUTranslations then uses the
    English rule) is handed to the full reader."""
    fields: dict[str, str] = {}
    for line in header.split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    charset = fields.get("content-type", "").lower().partition("charset=")[2].strip()
    plural = fields.get("plural-forms", "").replace(" ", "").rstrip(";")
    return charset in ("utf-8", "utf8") and plural == "nplurals=1;plural=0"
