"""Importing a consultation from what an office already has: a published result in Markdown
or plain text, PDF or Word, a CSV or an XLSX table. No Textual, no Rich.

Each name is imported from its module when first used (PEP 562), as in `pctui.model`:
importing any module of the package runs this file first, and `pctui intake import` needs
only `columns` and `grid` (a CSV's rows), `pctui import --help` only the fields' names, not
the whole importer (90 ms of their start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pctui.base.lazy_package import names_from

if TYPE_CHECKING:
    from pctui.importer.build import DEFAULT_STAGES, to_consultation
    from pctui.importer.columns import FIELDS, MapError, parse_map
    from pctui.importer.facts import derive_id, slug
    from pctui.importer.grid import Unreadable
    from pctui.importer.raw import ERROR, WARNING, Note, RawDocument, RawItem, quoted
    from pctui.importer.rows import EMPTY_ANSWER, SAME_AS_ABOVE, UNANSWERED
    from pctui.importer.source import read_source
    from pctui.importer.text import read_text

# The module of each name this package exports.
_HOME = {
    "DEFAULT_STAGES": "pctui.importer.build",
    "to_consultation": "pctui.importer.build",
    "FIELDS": "pctui.importer.columns",
    "MapError": "pctui.importer.columns",
    "parse_map": "pctui.importer.columns",
    "derive_id": "pctui.importer.facts",
    "slug": "pctui.importer.facts",
    "Unreadable": "pctui.importer.grid",
    "ERROR": "pctui.importer.raw",
    "WARNING": "pctui.importer.raw",
    "Note": "pctui.importer.raw",
    "RawDocument": "pctui.importer.raw",
    "RawItem": "pctui.importer.raw",
    "quoted": "pctui.importer.raw",
    "EMPTY_ANSWER": "pctui.importer.rows",
    "SAME_AS_ABOVE": "pctui.importer.rows",
    "UNANSWERED": "pctui.importer.rows",
    "read_source": "pctui.importer.source",
    "read_text": "pctui.importer.text",
}


__getattr__ = names_from(__name__, _HOME)


__all__ = [
    "DEFAULT_STAGES",
    "EMPTY_ANSWER",
    "ERROR",
    "FIELDS",
    "SAME_AS_ABOVE",
    "UNANSWERED",
    "WARNING",
    "MapError",
    "Note",
    "RawDocument",
    "RawItem",
    "Unreadable",
    "derive_id",
    "parse_map",
    "quoted",
    "read_source",
    "read_text",
    "slug",
    "to_consultation",
]
