"""The catalog read a message at a time (`pctui.mo_catalog`) answers as gettext's own reader
does, for every message of every shipped catalog and for texts it does not hold, and hands
a catalog it cannot read that way to gettext's reader."""

from __future__ import annotations

import gettext
import io
import struct
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from pctui.i18n import LOCALE_DIR
from pctui.mo_catalog import Identity, MoCatalog, load

SHIPPED = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"))
COUNTS = (0, 1, 2, 3, 11, 101)


def originals(data: bytes) -> list[bytes]:
    """The table of originals, read with struct (independently of mo_catalog's reading)."""
    count, table = struct.unpack_from("<2I", data, 8)
    keys = []
    for index in range(count):
        length, offset = struct.unpack_from("<2I", data, table + 8 * index)
        keys.append(data[offset : offset + length])
    return keys


def test_there_is_a_shipped_catalog() -> None:
    assert SHIPPED, "the Japanese catalog is shipped in src/pctui/locale"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.parent.parent.name)
def test_the_shipped_catalog_is_sorted_by_bytes_which_the_binary_search_needs(
    path: Path,
) -> None:
    keys = originals(path.read_bytes())
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.parent.parent.name)
def test_every_message_reads_as_gettext_reads_it(path: Path) -> None:
    data = path.read_bytes()
    ours = load(data)
    assert isinstance(ours, MoCatalog)  # the shipped catalogs take the fast reader
    theirs = gettext.GNUTranslations(io.BytesIO(data))
    asked = 0
    for key in originals(data):
        singular, nul, plural = key.decode("utf-8").partition("\0")
        assert ours.gettext(singular) == theirs.gettext(singular)
        if nul:
            for n in COUNTS:
                assert ours.ngettext(singular, plural, n) == theirs.ngettext(singular, plural, n)
        asked += 1
    assert asked > 100
    # Texts it does not hold, around and between the ones it does.
    for text in ["", "\0", "a", "zzzz", "~", "項目", "{path}: ok", "no such file ", "\U0010ffff"]:
        assert ours.gettext(text) == theirs.gettext(text)
        for n in COUNTS:
            assert ours.ngettext(text, text + "s", n) == theirs.ngettext(text, text + "s", n)


def written(messages: dict[str | tuple[str, str], str | tuple[str, ...]], locale: str) -> bytes:
    """A catalog compiled by Babel, as pctui's are; its plural forms are the locale's."""
    catalog = Catalog(locale=locale, charset="utf-8")
    for message, translation in messages.items():
        catalog.add(message, translation)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


SMALL: dict[str | tuple[str, str], str | tuple[str, ...]] = {
    "Approve": "承認",
    "approve": "承認する",
    ("{n} item", "{n} items"): ("{n} 項目",),
    ("{n} item left", "{n} items left"): ("残り {n} 項目",),
}


def test_a_small_catalog_of_one_form_reads_the_same_both_ways() -> None:
    data = written(SMALL, "ja")
    ours = load(data)
    assert isinstance(ours, MoCatalog)
    theirs = gettext.GNUTranslations(io.BytesIO(data))
    for text in ["Approve", "approve", "{n} item", "{n} item left", "missing", ""]:
        assert ours.gettext(text) == theirs.gettext(text)
        for n in COUNTS:
            plural = text.replace("item", "items")
            assert ours.ngettext(text, plural, n) == theirs.ngettext(text, plural, n)
    assert ours.ngettext("{n} item", "{n} items", 5) == "{n} 項目"
    assert ours.gettext("{n} item") == "{n} 項目"  # a plural's singular: its form for one


def test_a_catalog_of_two_forms_goes_to_gettexts_reader() -> None:
    data = written({("{n} day", "{n} days"): ("{n} Tag", "{n} Tage")}, "de")
    ours = load(data)
    assert not isinstance(ours, MoCatalog)
    assert ours.ngettext("{n} day", "{n} days", 1) == "{n} Tag"
    assert ours.ngettext("{n} day", "{n} days", 2) == "{n} Tage"


def big_endian(data: bytes) -> bytes:
    """The same catalog as GNU msgfmt writes it on a big-endian machine."""
    count, originals_at, translations_at = struct.unpack_from("<3I", data, 8)
    words = len(data) // 4
    body = bytearray(data)
    # The header and both tables are words; the strings after them are bytes.
    for at in range(0, max(originals_at, translations_at) + 8 * count, 4):
        if at // 4 < words:
            body[at : at + 4] = struct.pack(">I", struct.unpack_from("<I", data, at)[0])
    return bytes(body)


def test_a_catalog_in_the_other_byte_order_goes_to_gettexts_reader() -> None:
    data = big_endian(written(SMALL, "ja"))
    ours = load(data)
    assert not isinstance(ours, MoCatalog)
    assert ours.gettext("Approve") == "承認"


def test_english_is_every_message_itself() -> None:
    english = Identity()
    assert english.gettext("Approve") == "Approve"
    assert english.ngettext("{n} item", "{n} items", 1) == "{n} item"
    assert english.ngettext("{n} item", "{n} items", 0) == "{n} items"


def test_pctui_speaks_japanese_through_the_fast_reader() -> None:
    from pctui.i18n import JAPANESE, translation

    assert isinstance(translation(JAPANESE), MoCatalog)
