"""A city's result drafted in Word or Excel (or printed from them as PDF) opens with the
same header parts as the seed — 1 意見の募集期間, 2 公表場所 with its (1), (2) parts, 3 意見の
受付方法, 4 意見数等 with the table by method — before the opinions. Those parts are read as
the text reader reads them (so "(1) 市役所等での配布" is a part of 公表場所, not a section, and
"1 団体" is the number of submitters, not a heading); the opinions from the results heading
on are read as a table source (merged cells and all).

A document without such parts (a ministry's 主な御意見 with only the title, the totals and
the period above its table) is read as before, by the table reader alone; one without any
opinion table (numbered items with labelled parts, "1. 意見の概要：… 市の考え方：…") is
read line by line as the text reader reads a text result.
"""

from __future__ import annotations

from collections.abc import Iterable

from pctui.importer.raw import RawDocument
from pctui.importer.rows import UNANSWERED
from pctui.importer.table import Block, Line, TableReader
from pctui.importer.text import TextReader, note_declared_total, read_text


def _as_line(block: Block) -> str:
    """A block as a line of text: a table row tab-separated (a row with one filled cell, a
    title merged across the columns, as that cell), line breaks in a cell as <br>."""
    if isinstance(block, Line):
        return block.text.replace("\n", " ")
    filled = [cell for cell in block[1] if cell]
    if len(filled) == 1:
        return filled[0].replace("\n", " ")
    return "\t".join((cell or "").replace("\n", "<br>") for cell in block[1])


def _number(block: Block) -> int:
    return block.number if isinstance(block, Line) else block[0]


def _take_facts(doc: RawDocument, facts: RawDocument) -> None:
    """Start `doc` with what the header parts said, and their notes."""
    doc.title = facts.title
    doc.organization = facts.organization
    doc.opened, doc.closed = facts.opened, facts.closed
    doc.places = list(facts.places)
    doc.url = facts.url
    doc.methods = list(facts.methods)
    doc.submitters = dict(facts.submitters)
    doc.submitter_unit = facts.submitter_unit
    doc.submissions = dict(facts.submissions)
    doc.submitters_total = facts.submitters_total
    doc.declared_total = facts.declared_total
    doc.declared_submitters = facts.declared_submitters
    doc.published_submitters = facts.published_submitters
    doc.published_opinions = facts.published_opinions
    doc.notes.extend(facts.notes)


def read_document(
    blocks: Iterable[Block],
    mapping: dict[str, str] | None = None,
    empty_answer: str = UNANSWERED,
    keeps_merges: bool = False,
) -> RawDocument:
    """Read a table source's blocks, its header parts (when it has them) as text."""
    blocks = list(blocks)
    doc = _read_table(blocks, mapping, empty_answer, keeps_merges)
    if doc.found_table or not any(isinstance(block, Line) for block in blocks):
        return doc
    # A Word or PDF result without an opinion table: numbered items with labelled parts
    # ("1. 意見の概要：… 市の考え方：…"), read line by line as a text result is.
    lines = "\n".join(_as_line(block) for block in blocks)
    listed = read_text(lines, mapping, empty_answer)
    return listed if listed.found_table else doc


def _read_table(
    blocks: list[Block],
    mapping: dict[str, str] | None,
    empty_answer: str,
    keeps_merges: bool,
) -> RawDocument:
    """The blocks read by the table reader, after their header parts read as text."""
    text = TextReader(mapping)
    # Lines made as read: the header parts end at the table's header row, near the top.
    start = text.read_header(_as_line(block) for block in blocks)
    reader = TableReader(mapping=mapping or {}, empty_answer=empty_answer)
    reader.keeps_merges = keeps_merges
    if start is None:
        return reader.read(blocks)
    text.finish_numbers()
    _take_facts(reader.doc, text.doc)
    doc = reader.read(block for block in blocks if _number(block) >= start)
    doc.take_printed_totals()
    note_declared_total(doc)
    return doc
