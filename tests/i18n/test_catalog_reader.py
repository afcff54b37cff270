"""pctui's reader of a compiled catalog answers as gettext's own, on every message."""

from __future__ import annotations

import gettext

import pytest

from pctui.i18n import LOCALE_DIR, Catalog, translation

MO = LOCALE_DIR / "ja" / "LC_MESSAGES" / "pctui.mo"


def test_every_message_is_translated_as_gnutranslations_does() -> None:
    with MO.open("rb") as handle:
        gnu = gettext.GNUTranslations(handle)
    ours = Catalog(MO.read_bytes())
    plural = [key[0] for key in gnu._catalog if isinstance(key, tuple)]
    single = [key for key in gnu._catalog if isinstance(key, str)]
    assert plural and len(single) > 500
    for message in single:
        assert ours.gettext(message) == gnu.gettext(message), message
        assert ours.ngettext(message, "others", 2) == gnu.ngettext(message, "others", 2)
    for message in plural:
        assert ours.gettext(message) == gnu.gettext(message), message
        for count in (0, 1, 2, 11):
            expected = gnu.ngettext(message, "plural", count)
            assert ours.ngettext(message, "plural", count) == expected, message
    for missing in ("not a message of pctui", ""):
        assert ours.gettext(missing) == gnu.gettext(missing)
    assert ours.ngettext("no such", "no such things", 1) == "no such"
    assert ours.ngettext("no such", "no such things", 3) == "no such things"


@pytest.mark.parametrize("order", ["little", "big"])
def test_a_catalog_of_either_byte_order_with_its_plural_rule(order: str) -> None:
    # Written by hand as msgfmt lays it out: a header naming the rule, a plain message
    # and a plural one with two forms.
    entries = [
        (b"", b"Plural-Forms: nplurals=2; plural=(n != 1);\n"),
        (b"apple\0apples", b"ringo\0ringos"),
        (b"pear", b"nashi"),
    ]
    count = len(entries)
    originals, translations = 28, 28 + 8 * count
    data = bytearray(28 + 16 * count)
    texts = bytearray()
    at = len(data)
    tables = [bytearray(), bytearray()]
    for message, translated in entries:
        for table, text in zip(tables, (message, translated), strict=True):
            table += len(text).to_bytes(4, order) + (at + len(texts)).to_bytes(4, order)
            texts += text + b"\0"
    header = [0x950412DE, 0, count, originals, translations, 0, 0]
    data[:28] = b"".join(value.to_bytes(4, order) for value in header)
    data[originals:translations] = tables[0]
    data[translations : translations + 8 * count] = tables[1]
    catalog = Catalog(bytes(data + texts))
    assert catalog.gettext("pear") == "nashi"
    assert catalog.gettext("apple") == "ringo"
    assert [catalog.ngettext("apple", "apples", n) for n in (1, 2)] == ["ringo", "ringos"]


def test_a_language_without_a_catalog_is_spoken_as_written() -> None:
    assert type(translation("en")) is gettext.NullTranslations
    assert translation("ja").gettext("states: {counts}") != "states: {counts}"
