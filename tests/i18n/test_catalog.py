"""The message catalogs: every translatable text of the source is in the Japanese catalog
and translated, keeps its placeholders, and the compiled .mo is the .po compiled now."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from pctui.i18n import LOCALE_DIR

SOURCE = Path(__file__).resolve().parents[2] / "src" / "pctui"
PO = LOCALE_DIR / "ja" / "LC_MESSAGES" / "pctui.po"
MO = PO.with_suffix(".mo")
POT = LOCALE_DIR / "pctui.pot"
BRACES = re.compile(r"\{[^{}]*\}")
PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def extracted() -> set[str | tuple[str, ...]]:
    """Every text passed to _(), N_() or ngettext() in the source, as Babel extracts it."""
    found: set[str | tuple[str, ...]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(SOURCE)):
        found.add(tuple(message) if isinstance(message, (tuple, list)) else message)
    return found


def entries(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def test_every_source_text_is_in_the_japanese_catalog_and_translated() -> None:
    catalog = read(PO)
    untranslated = [m.id for m in entries(catalog)
                    if not (m.string if isinstance(m.string, str) else all(m.string))]  # fmt: skip
    fuzzy = [m.id for m in entries(catalog) if m.fuzzy]
    missing = [text for text in extracted() if text not in catalog]
    assert missing == [], "run the extraction and translate (docs/guide.md, Language)"
    assert untranslated == []
    assert fuzzy == []


def test_the_catalog_holds_nothing_the_source_no_longer_says() -> None:
    source = extracted()
    stale = [m.id for m in entries(read(PO)) if m.id not in source]
    assert stale == []


def test_the_template_lists_what_the_source_says() -> None:
    assert {m.id for m in entries(read(POT))} == extracted()


def placeholders(text: str) -> Counter[str]:
    return Counter(BRACES.findall(text) + PERCENT.findall(text))


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    wrong = []
    for message in entries(read(PO)):
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            # A plural's translation has the placeholders of its plural source.
            if placeholders(string) != placeholders(sources[-1]):
                wrong.append((sources[-1], string))
    assert wrong == []


def test_the_japanese_catalog_has_one_plural_form() -> None:
    assert read(PO).plural_forms == "nplurals=1; plural=0;"


def test_the_compiled_catalog_is_the_po_compiled_now() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, read(PO))
    assert MO.read_bytes() == compiled.getvalue(), (
        "pctui.mo is out of date: pybabel compile -d src/pctui/locale -D pctui"
    )


@pytest.mark.parametrize("text", ["the response text is empty", "approve", "usage: "])
def test_the_installed_package_finds_the_compiled_catalog(text: str) -> None:
    import gettext

    translation = gettext.translation("pctui", str(LOCALE_DIR), languages=["ja"])
    assert translation.gettext(text) != text
