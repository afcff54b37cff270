"""Reading an opinion table from rows of cells and the text lines around it, whatever the
source (CSV, XLSX, Word, PDF): a header row, then one opinion per row.

A cell is None where a merged cell above covers it. An answer cell covered so (merged down
over several opinions) makes its row a further opinion of the answer above; an empty answer
cell under a filled one is read as the `empty_answer` option says (a CSV keeps no merges, so
"same as above" and "not answered yet" look alike there). A row with an empty No. cell
continues the row before (a row broken across a page). Text lines and one-cell rows carry
the facts above the table (the title, not the 資料番号 above it; the period; "○者○件"
totals) and the outcome groups (Ⅰ．…, Ⅱ．…) under which numbering starts again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pctui.base.era import parse_dates
from pctui.base.long_cells import continued_no
from pctui.i18n import _, ngettext
from pctui.importer.cells import cell_number, continued, one_line, referred_label, split_topic
from pctui.importer.columns import chosen, mapped, normal, numbers_only, recognise, unused
from pctui.importer.fact_lines import ends_sentence, names_consultation
from pctui.importer.facts import (
    bracketed_heading,
    case_number,
    clean_title,
    group_heading,
    is_document_number,
    kept_label,
    numbered_heading,
    published_totals,
    published_unit,
)
from pctui.importer.joined_numbers import joined_labels, labelled
from pctui.importer.no_cells import note_labels, numbered, refused_no
from pctui.importer.raw import ERROR, RawDocument, RawItem, RawOpinion, label_key, quoted
from pctui.importer.rows import (
    HEADER_SEARCH,
    SAME_AS_ABOVE,
    UNANSWERED,
    Cells,
    Row,
)
from pctui.importer.topic_numbers import topics_as_numbers

# What showed that a row is answered by the answer above: a merged answer cell (or 「（No.1と
# 同じ）」), an empty one, or one repeating the answer word for word (a CSV keeps no merges).
MERGED, EMPTY, REPEATED = "merged", "empty", "repeated"

# "公表場所：市政情報室、各区役所": where the result may be read (before or after the table).
_PLACES = re.compile(
    r"^[■●○・※]?(?:公表場所|閲覧場所|公表方法)[ \t\u3000]*[：:][ \t\u3000]*(?P<places>\S.*)$"
)

# Fields whose cells hold a text of several lines; the others (No., 該当箇所, 件数 …) are read
# on one line, whatever line breaks the source put in them.
_TEXT_FIELDS = ("opinion", "response")


@dataclass(frozen=True)
class Line:
    """A line of text outside any table (a Word paragraph, a PDF line), at `number`."""

    number: int
    text: str


Block = Row | Line


def _join(before: str, more: str) -> str:
    """A cell continued on the next page (see cells.continued)."""
    return continued(before, more, ("。", ".", "」", "）"))


@dataclass
class TableReader:
    """Reads blocks into a RawDocument (see the module docstring)."""

    mapping: dict[str, str] = field(default_factory=dict)
    empty_answer: str = UNANSWERED
    doc: RawDocument = field(default_factory=RawDocument)
    columns: dict[str, int] | None = None
    section: str = ""
    before_header: int = 0  # rows and lines read before the header row
    first_empty: int = 0  # the first row whose empty answer cell was read one way or the other
    header: list[str] = field(default_factory=list)  # the header row's names as compared
    # Whether the current section was opened by a heading (Ⅰ．…, 1 …) rather than by the
    # section column: under a heading, a 該当箇所 cell names the part of the draft (the topic).
    headed: bool = False
    # The last section cell read under the current heading: a cell merged down below it
    # (None) names the same section.
    section_cell: str = ""
    # Whether a section column was read as the items' topics (under group headings): the
    # column mapping printed then says so.
    parts_as_topics: bool = False
    # The item whose answer an empty or merged answer cell below it stands under: the last
    # one with an answer, while only rows without one of their own follow it.
    above: RawItem | None = None
    # The item the row just read belongs to (made or joined), answered or not: a merged
    # answer cell below it, or a reference to one of its rows, continues that item, also
    # when its answer is still empty (a draft, or an Excel sheet with the answer to write).
    row_item: RawItem | None = None
    # Whether the source keeps merged cells (XLSX, Word, PDF): there an empty answer cell is
    # one nobody filled, and reading it as "not answered yet" needs no warning.
    keeps_merges: bool = False
    # The first row that would be the header but for a `--map FIELD=HEADER` naming none of
    # its cells: (row, field, header, the row's cells), to say so if no header is found.
    unmatched_map: tuple[int, str, str, list[str]] | None = None

    def read(self, blocks: Iterable[Block]) -> RawDocument:
        for block in blocks:
            if isinstance(block, Line):
                self._text(block.number, block.text)
                continue
            number, cells = block
            if self.columns is None:
                if not self._header(number, cells) and self.before_header >= HEADER_SEARCH:
                    break
                continue
            filled = [c for c in cells if c]
            if not filled:
                continue
            if len(filled) == 1 and (
                self._heading(filled[0], numbered=cells[0] == filled[0])
                or (cells[0] == filled[0] and self._fact(filled[0]))
            ):
                continue  # a row of its own (its cells merged across): a group or a fact
            if [normal(c or "") for c in cells] == self.header:
                continue  # the header repeated on the next page
            self._row(number, cells)
        self._finish()
        return self.doc

    # --- before and around the table -------------------------------------------------

    def _header(self, number: int, cells: Cells) -> bool:
        plain = [c or "" for c in cells]
        found = recognise(plain, self.mapping)
        if found is None:
            self._note_unmatched_map(number, plain)
            self.before_header += 1
            text = " ".join(c for c in plain if c)
            if text:
                self._text(number, text)
            return False
        self.columns = found
        self.header = [normal(c) for c in plain]
        self.doc.found_table = True
        self.doc.opinion_heading = plain[found["opinion"]]
        self.doc.response_heading = plain[found["response"]]
        self.doc.columns = chosen(found, plain)
        self.doc.unused_columns = unused(found, plain)
        return True

    def _note_unmatched_map(self, number: int, plain: list[str]) -> None:
        """Remember row `number` when it is a header but for a `--map` entry naming a header
        it does not have (see `unmatched_map`)."""
        if self.unmatched_map is not None:
            return
        found = mapped(plain, self.mapping)
        missing = [(f, t) for f, t in self.mapping.items() if f not in found and not t.isdigit()]
        rest = {f: t for f, t in self.mapping.items() if f in found}
        if missing and recognise(plain, rest) is not None:
            self.unmatched_map = (number, missing[0][0], missing[0][1], plain)

    def _text(self, number: int, text: str) -> None:
        """A line outside the table: a group heading, a fact, or the title."""
        text = text.strip()
        # A numbered line is a heading once the title is known: "1 計画全般について".
        if not text or self._heading(text, numbered=bool(self.doc.title)) or self._fact(text):
            return
        # Prose above the table ("…は次のとおりです。") is read for its facts only: a
        # sentence is no title.
        if (
            self.columns is None
            and not self.doc.title
            and not is_document_number(text)
            and not ends_sentence(text)
        ):
            note_case_number(self.doc, number, text)
            self.doc.title = clean_title(text)

    def _fact(self, text: str) -> bool:
        """The places, the totals or the period stated on a line of its own."""
        place = _PLACES.match(text)
        if place is not None:
            for name in re.split(r"[、,，]", place["places"]):
                if name.strip() and name.strip() not in self.doc.places:
                    self.doc.places.append(name.strip())
            return True
        read = False
        totals = published_totals(text)
        if totals is not None and self.doc.published_opinions is None:
            self.doc.published_submitters, self.doc.published_opinions = totals
            self.doc.submitter_unit = published_unit(text) or self.doc.submitter_unit
            read = True
        # The period on a line of its own, or in a sentence of the paragraph above the table
        # ("令和7年10月1日から10月31日まで意見を募集したところ、12人の方から31件の…").
        dated = "期間" in text or "～" in text or "〜" in text
        if self.doc.opened is None and (dated or ("から" in text and names_consultation(text))):
            found, _errors = parse_dates(text)
            if len(found) >= 2:
                self.doc.opened, self.doc.closed = found[0].date, found[1].date
                read = True
        return read

    def _heading(self, text: str, numbered: bool) -> bool:
        """A group heading (Ⅰ．…) or, where `numbered`, a numbered one (1 …, (1) …) opens a
        section; numbering may start again under it. A group keeps its label, and so does a
        bracketed number ("(1)"); a plain one does not (see `kept_label`)."""
        group = group_heading(text)
        heading = group or (numbered_heading(text) if numbered else None)
        if heading is None:
            return False
        label, title = heading
        self.section = title
        self.headed = True
        self.section_cell = ""
        self.doc.add_section(title, label if group else kept_label(label))
        return True

    # --- the rows ----------------------------------------------------------------------

    def _get(self, cells: Cells, name: str) -> str | None:
        columns = self.columns
        assert columns is not None
        index = columns.get(name)
        if index is None or index >= len(cells):
            return ""
        cell = cells[index]
        return cell if cell is None or name in _TEXT_FIELDS else one_line(cell)

    def _row(self, number: int, cells: Cells) -> None:
        columns = self.columns
        assert columns is not None
        no_cell = self._get(cells, "no") if "no" in columns else str(len(self.doc.items) + 1)
        continuing = continued_no(no_cell or "") if "no" in columns else None
        if continuing is not None:
            self._continuation(number, cells, continuing)
            return
        section, part = self._row_section(cells)
        last = self.doc.items[-1] if self.doc.items else None
        if not no_cell and last is not None and last.section == section:
            if no_cell is None and self._get(cells, "opinion") is not None:
                # The No. cell merged down too: another opinion under the same number.
                label = f"{last.label or last.no}-{len(last.joined) + 2}"
                self._join(number, cells, last, label, MERGED)
            else:  # a row broken across a page
                last.extend(
                    self._get(cells, "opinion") or "", self._get(cells, "response") or "", _join
                )
            return
        labels = joined_labels(no_cell or "")
        no, label = numbered(labels[0] if labels else no_cell or "", len(self.doc.items) + 1)
        if no is None:
            col = columns.get("no", 0) + 1
            self.doc.note(number, col, refused_no(no_cell or ""), ERROR)
            return
        if label != str(no) and not labels:
            labels = [label]
        note_labels(self.doc, labels or [])
        response = self._get(cells, "response")
        above = self.above if self.above is not None and self.above.section == section else None
        spanned = self.row_item if self.row_item and self.row_item.section == section else None
        for target in (spanned, above):
            if target is not None and (response is None or self._refers_to(target, response)):
                self._join(number, cells, target, label, MERGED)
                return
        if (
            above is not None
            and response == above.response
            and not self.keeps_merges
            and self.empty_answer == SAME_AS_ABOVE
        ):  # A CSV keeps no merges: pctui repeats an answer on each row it answers.
            self.first_empty = self.first_empty or number
            self._join(number, cells, above, label, REPEATED)
            return
        if above is not None and not response:
            self.first_empty = self.first_empty or number
            if self.empty_answer == SAME_AS_ABOVE:
                self._join(number, cells, above, label, EMPTY)
                return
            self.doc.left_empty += 1
            self.row_item = self._item(number, cells, no, (section, part), labels)
            return
        item = self.row_item = self._item(number, cells, no, (section, part), labels)
        self.above = item if item is not None and item.response else None

    def _row_section(self, cells: Cells) -> tuple[str, str | None]:
        """(section, part) of a row: its section cell (the one above when merged down over
        it), else the heading above. A group label before the title in the cell (「Ⅰ 当該意見を
        踏まえて…」, as pctui publishes a format-2 group) is the section's label. Under a
        heading (Ⅰ．当該意見を踏まえて…) the heading is the section and the cell (該当箇所:
        第３章) names the part of the draft, which becomes the item's topic — unless
        `--map section=…` says the column holds the sections."""
        cell = self._get(cells, "section")
        if cell is None:
            cell = self.section_cell
        else:
            self.section_cell = cell
        if not cell:
            return self.section, None
        group = group_heading(cell) or bracketed_heading(cell)  # 「(1) 施策の展開」 too
        if group is not None:
            self.doc.add_section(group[1], group[0])
            return group[1], None
        if self.headed and "section" not in self.mapping:
            self.parts_as_topics = True
            return self.section, cell
        return cell, None

    @staticmethod
    def _refers_to(above: RawItem, response: str) -> bool:
        """Whether the answer cell says "as for No.1" of a row answered by `above`."""
        label = referred_label(response)
        return label is not None and any(o.label == label for o in above.opinions)

    def _count(self, number: int, cells: Cells) -> int:
        text = self._get(cells, "count") or ""
        if not text:
            return 1
        parsed = cell_number(text.rstrip("件"))
        if parsed is None or parsed < 1:
            assert self.columns is not None
            message = _("count '{text}' is not a number of 1 or more; 1 is used")
            self.doc.note(number, self.columns["count"] + 1, message.format(text=quoted(text, 20)))
            return 1
        return parsed

    def _item(
        self,
        number: int,
        cells: Cells,
        no: int,
        place: tuple[str, str | None],
        labels: list[str] | None = None,
    ) -> RawItem | None:
        """A new item of row `number`; `place` is its (section, part of the draft)."""
        assert self.columns is not None
        section, part = place
        if section:
            self.doc.add_section(section)
        topic = self._get(cells, "topic") or part
        opinion = self._get(cells, "opinion") or ""
        if topic is None:
            topic, opinion = split_topic(opinion)
        item = RawItem(
            no=no,
            section=section,
            opinion=opinion,
            response=self._get(cells, "response") or "",
            line=number,
            topic=topic,
            klass=self._get(cells, "class") or "",
            count=self._count(number, cells),
        )
        if not opinion:
            col = self.columns["opinion"] + 1
            self.doc.note(
                number, col, _("No.{no} has no opinion text").format(no=labels[0] if labels else no)
            )
        if labels:
            labelled(item, labels)
        if not self.doc.add_item(item):
            return None
        for further in item.joined:
            self.doc.claim(label_key(further.label), number, section)
        return item

    def _join(self, number: int, cells: Cells, last: RawItem, label: str, how: str) -> None:
        """Row `number` is a further opinion answered by `last`'s answer; `how` says what
        showed it (MERGED: a merged cell or a reference, EMPTY or REPEATED: read so)."""
        text = self._get(cells, "opinion") or ""
        if not self.doc.claim(label_key(label), number, last.section):
            return
        self.row_item = last
        last.joined.append(RawOpinion(label, text, number, self._count(number, cells)))
        if how == MERGED:
            self.doc.joined_merged += 1
        elif how == EMPTY:
            self.doc.joined_empty += 1
        else:
            self.doc.joined_repeated += 1

    def _continuation(self, number: int, cells: Cells, no: int) -> None:
        """A continuation row (`12（続き）`, written by pctui's XLSX for a text longer than a
        cell holds): its pieces are joined to item `no`'s texts, which must be just above."""
        assert self.columns is not None
        last = self.doc.items[-1] if self.doc.items else None
        if last is None or last.no != no:
            message = _("a continuation of No.{no} that does not follow its row; row skipped")
            self.doc.note(number, self.columns["no"] + 1, message.format(no=no), ERROR)
            return
        last.extend(
            self._get(cells, "opinion") or "", self._get(cells, "response") or "", str.__add__
        )

    # --- after the table ---------------------------------------------------------------

    def _finish(self) -> None:
        doc = self.doc
        if self.columns is None and self.unmatched_map is not None:
            number, name, target, cells = self.unmatched_map
            message = _(
                "--map {field}={target} names no column of the header row (columns: {columns})"
            )
            columns = ", ".join(f"{n} {cell}" for n, cell in enumerate(cells, start=1) if cell)
            doc.note(number, 1, message.format(field=name, target=target, columns=columns), ERROR)
            return
        if self.columns is None:
            message = _(
                "no header row naming the opinion and response columns in the first "
                "{rows} rows (e.g. No, opinion, response; see --map)"
            )
            doc.note(1, 1, message.format(rows=HEADER_SEARCH), ERROR)
            return
        if refuse_numbers(doc, self.mapping):
            return
        topics_as_numbers(doc, self.mapping)
        if self.parts_as_topics and "topic" not in self.columns:
            doc.columns = [
                ("topic" if name == "section" else name, header, column)
                for name, header, column in doc.columns
            ]
        note_empty_answers(doc, self.first_empty, self.keeps_merges)


def refuse_numbers(doc: RawDocument, mapping: dict[str, str]) -> bool:
    """Refuse (note, and drop every item) when the opinion or the answer column was guessed
    and holds only numbers: an 意見ID or 回答番号 column read as text would be garbage."""
    texts = {
        "opinion": [o.text for item in doc.items for o in item.opinions],
        "response": [item.response for item in doc.items],
    }
    columns = {name: (header, column) for name, header, column in doc.columns}
    for name, values in texts.items():
        if name in mapping or name not in columns or not numbers_only(values):
            continue
        header, column = columns[name]
        message = _(
            "the {field} column '{header}' (column {column}) holds only numbers; "
            "nothing imported: name the right column with --map {field}=HEADER"
        )
        doc.note(1, column, message.format(field=name, header=quoted(header), column=column), ERROR)
        doc.items.clear()
        doc.found_table = False
        return True
    return False


def note_case_number(doc: RawDocument, line: int, title: str) -> None:
    """Say so when the title's line starts with a case or document number ("2014-005 …"),
    which `clean_title` leaves out of the title."""
    numbered = case_number(title)
    if numbered is not None:
        message = _("the case number '{number}' before the title is left out of it")
        doc.note(line, 1, message.format(number=quoted(numbered[0])))


def note_empty_answers(doc: RawDocument, line: int, keeps_merges: bool) -> None:
    """Say which reading an empty answer cell under a filled one got, how many rows it
    concerned and the option that takes the other reading (from line `line` on). In a
    source that keeps merged cells an empty cell is one nobody filled: no doubt to report."""
    if doc.left_empty and not keeps_merges:
        message = ngettext(
            "{count} row has an empty answer cell under a filled one: read as not answered "
            "yet; --empty-answer same-as-above joins it to the answer above",
            "{count} rows have an empty answer cell under a filled one: read as not "
            "answered yet; --empty-answer same-as-above joins each to the answer above",
            doc.left_empty,
        )
        doc.note(line, 1, message.format(count=doc.left_empty))
    if doc.joined_empty:
        message = ngettext(
            "{count} row with an empty answer cell was joined to the answer above "
            "(same as above); --empty-answer unanswered keeps it apart, not answered yet",
            "{count} rows with an empty answer cell were joined to the answer above "
            "(same as above); --empty-answer unanswered keeps them apart, not answered yet",
            doc.joined_empty,
        )
        doc.note(line, 1, message.format(count=doc.joined_empty))
    if doc.joined_repeated:
        message = ngettext(
            "{count} row repeating the answer above word for word was joined to it (same "
            "as above); --empty-answer unanswered keeps it apart",
            "{count} rows repeating the answer above word for word were joined to it (same "
            "as above); --empty-answer unanswered keeps them apart",
            doc.joined_repeated,
        )
        doc.note(line, 1, message.format(count=doc.joined_repeated))


def read_blocks(
    blocks: Iterable[Block],
    mapping: dict[str, str] | None = None,
    empty_answer: str = UNANSWERED,
    keeps_merges: bool = False,
) -> RawDocument:
    """Read an opinion table and the lines around it (see the module docstring)."""
    reader = TableReader(mapping=mapping or {}, empty_answer=empty_answer)
    reader.keeps_merges = keeps_merges
    return reader.read(blocks)
