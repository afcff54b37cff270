"""Reading a published result in Markdown or plain text, shaped like the seed document.

Understood: the title line; the header parts (意見の募集期間, 公表場所, 意見の受付方法,
意見数等 with the submitter table, ご意見の概要とそれに対する…の考え方), numbered or as
Markdown headings; section headings (`1 …`, `(1) …`, `（1）…`, `### …` once in the results)
with their opinion tables (tab-separated or Markdown pipe rows, `<p>` paragraphs, `<br>`
breaks), numbered items with labelled parts (see `listed`), or なし; tables split across
pages (a repeated header row, or a row whose No. cell is empty continuing the row before).
Prose above the table (a paragraph a results page prints there: 趣旨, 経緯, "…は次のとおりで
す。") is text outside it: read for its period and totals, the rest said as a warning. Any
other line that fits none of these is reported with its line number, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from pctui.base.era import parse_dates
from pctui.base.labels import EN, JA
from pctui.i18n import _
from pctui.importer.cells import (
    cell_number,
    cell_text,
    continued,
    referred_label,
    split_pipe_row,
    split_topic,
)
from pctui.importer.columns import chosen, recognise, unused
from pctui.importer.fact_lines import (
    bulleted_method,
    continues_title,
    ends_sentence,
    is_call_link,
    is_overview_heading,
    is_prose,
    methods_breakdown,
    names_consultation,
    split_places,
    submitters_after_count,
    total_line,
    unkept_fact,
)
from pctui.importer.facts import (
    body_name,
    bracketed_heading,
    clean_title,
    group_heading,
    is_document_number,
    office_body,
    published_totals,
    published_unit,
)
from pctui.importer.joined_numbers import joined_labels, labelled
from pctui.importer.listed import item_label, item_start, label_at, label_word
from pctui.importer.no_cells import note_labels, numbered, published_label, refused_no
from pctui.importer.raw import ERROR, RawDocument, RawItem, RawOpinion, label_key, quoted
from pctui.importer.rows import SAME_AS_ABOVE, UNANSWERED
from pctui.importer.table import note_case_number, note_empty_answers, refuse_numbers
from pctui.importer.topic_numbers import topics_as_numbers

_HEADING = re.compile(r"^(#{1,6}[ \t]+)?([0-9０-９]{1,2})[ \t\u3000.．、]+(\S.*)$")
_SUBHEADING = re.compile(
    r"^(?:#{1,6}[ \t]+)?(?:[(（]([0-9０-９]{1,2})[)）]|([\u2474-\u2487]))[ \t\u3000]*(.*)$"
)
# "① 計画の策定について": a section numbered with a circled digit, labelled as printed. A text
# converted from Shift_JIS without its NEC special characters prints ① ② ③ as "@", "A", "B"
# (the lead byte 0x87 lost): read so only in that order, from "@", and said.
_CIRCLED = re.compile(r"^([\u2460-\u2473])[ \t\u3000]*(\S.{0,38})$")
_LOST_CIRCLED = re.compile(r"^([@A-S])[ \t\u3000]+(\S.{0,38})$")
_LOST_ORDER = "@ABCDEFGHIJKLMNOPQRS"
_BY_TOPIC_ROW = re.compile(r"^(?:.*[0-9][0-9,]*[ \t]*(?:件|人)|.*件数)$")
_MD_TITLE = re.compile(r"^#[ \t]+(.+)$")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(\S.*)$")
_MARKED_HEADING = re.compile(r"^[■□◆◇●○][ \t\u3000]*(\S.*)$")
_LABELLED_NUMBER = re.compile(r"^(\S*?)[ \t\u3000:：]*([0-9０-９][0-9０-９,，]*)[ \t\u3000]*(\S*)$")
# A fact on one line with its label, as a page's summary box prints it.
_PERIOD_LINE = re.compile(
    r"^(?:意見の?募集期間|募集期間|意見公募期間|実施期間)[ \t\u3000:：]+(\S.*)$"
)
_BULLET = re.compile(r"^[•◦▪][ \t\u3000]*(\S.*)$")
_SEPARATOR = re.compile(r"^\|?[\s:|-]*-{3,}[\s:|-]*$")
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_MARKER = re.compile(r"^(?:[ァ-ヴ]|[-*•・]|\d+[.)])[ \t\u3000]+")
# Tried in this order: "ご意見の概要とそれに対する札幌市の考え方" names 札幌市,
# not それに対する札幌市.
_RESULTS_ORGS = (
    re.compile(r"それに対する(.+?)の考え方"),
    re.compile(r"(?:及び|および|と)(.+?)の考え方"),
    re.compile(r"the response of (.+)$", re.IGNORECASE),
)
_WEB_ORG = re.compile(r"^(.+?)公式ホームページ|^on the website of (.+)$", re.IGNORECASE)
_HEADING_ORG = re.compile(r"^(.+?)の考え方$")
_DRAFT_MARK = re.compile(r"^(?:【案】|\[DRAFT\][ \t]*)")
_SENTENCE_END = tuple("。．.!?！？」』）)")
MAX_HEADING = 40
MAX_PLAIN = 24  # an unmarked heading of a part is a few words, never a sentence
_NONE = {"なし", "該当なし", "none", "ありません", "意見なし"}
_ANNEX = {"別添のとおり", "別紙のとおり", "別添", "別紙", "see below"}
# What pctui publishes for a period, places or methods not set: nothing to read back.
_NOT_SET = (JA.undated, EN.undated)

PARTS = (
    ("subject", ("意見募集対象", "募集対象", "案件名")),
    ("period", ("募集期間", "consultation period")),
    ("places", ("公表場所", "公表方法", "where this result")),
    ("methods", ("受付方法", "提出方法", "how opinions")),
    (
        "numbers",
        (
            "意見数",
            "提出者数",
            "提出人数",
            "提出状況",
            "応募状況",
            "応募者数",
            "意見書の数",
            "number of opinions",
        ),
    ),
    ("results", ("ご意見の概要", "考え方", "summary of the opinions")),
)
SUBPARTS = (
    ("by_method", ("内訳", "by method")),
    ("submitters", ("提出者数", "応募者数", "submitters")),
    ("total", ("意見総数", "total opinions")),
    ("classes", ("区分", "by outcome")),
    ("by_topic", ("項目別", "分類別", "内容別", "章別")),
)


def _part_of(title: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    name = unicodedata.normalize("NFKC", title).lower()
    for part, words in table:
        if any(word in name for word in words):
            return part
    return None


def _row_no(cells: list[str], columns: dict[str, int]) -> str:
    """'number', 'empty' (a continued row) or 'header' (anything else) for a row's No. cell."""
    if "no" not in columns:
        return "header" if recognise(cells) is not None else "number"
    index = columns["no"]
    cell = cells[index].strip() if index < len(cells) else ""
    if not cell:
        return "empty"
    # A label as published (問2, Ⅱ-3) numbers a row as a number does: with --map naming
    # columns by number, any row would otherwise pass for a header and be lost.
    return "number" if cell_number(cell) is not None or published_label(cell) else "header"


def _sub_number(found: re.Match[str]) -> int:
    """The number of a `(1)`, `（1）` or `⑴` heading."""
    return int(unicodedata.normalize("NFKC", found.group(1) or found.group(2)).strip("()"))


def _heading_like(line: str) -> bool:
    """A numbered line inside an item's text is the item's own enumeration ("(1) 第一に…。")
    when it is long or ends a sentence; otherwise a heading ending the item."""
    return len(line) <= MAX_HEADING and not line.endswith(_SENTENCE_END)


class TextReader:
    """Reads the lines of one document into a RawDocument (see the module docstring)."""

    def __init__(
        self, mapping: dict[str, str] | None = None, empty_answer: str = UNANSWERED
    ) -> None:
        self.doc = RawDocument()
        self.mapping = mapping or {}
        self.empty_answer = empty_answer
        self.above: RawItem | None = None  # the last item with an answer (see `table`)
        self.first_empty = 0  # the first row whose empty answer cell was read either way
        self.part: str | None = None
        self.subpart: str | None = None
        self.section = ""
        self.parent = ""  # a numbered section heading whose parts are (1), (2) … headings
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.last: RawItem | None = None
        self.entry: RawItem | None = None  # a numbered item of the list layout being read
        self.entry_field = "opinion"
        self.nones: set[str] = set()  # sections that said なし
        self.numbers: dict[str, int] = {}  # the last section number of each style: num, sub
        self.by_method: list[str] = []
        self.declared_submitters: tuple[int, int] | None = None  # (count, line)
        self.cell_section = False  # the section was read from a row's cell, not a heading
        self.title_line = 0  # the line the title was read from, and its text as printed
        self.title_text = ""
        # The next line that is not blank (`read` sets it): whether a circled ① ends an item
        # depends on what follows it (see `_ends_entry`).
        self.upcoming = ""

    def read(self, text: str) -> RawDocument:
        """Read every line and return what was found."""
        lines = text.splitlines()
        for number, line in enumerate(lines, start=1):
            self.upcoming = next((after for after in lines[number:] if after.strip()), "")
            self._line(number, line if "\t" in line else line.rstrip(" \u3000"))
        self._close_entry()
        self._finish()
        return self.doc

    def read_header(self, lines: Iterable[str]) -> int | None:
        """Read `lines` (line 1 first) up to where the opinions start: the results heading
        (ご意見の概要とそれに対する…の考え方, read too, for the body it names) or an opinion
        table's header row. Returns that line's number, with the facts and their notes in
        `doc`; None when no header part (意見の募集期間, 公表場所, 意見の受付方法, 意見数等)
        came before it, or when a line of those parts could not be read as one (the document
        is then not shaped like the seed)."""
        seen_part = False
        for number, line in enumerate(lines, start=1):
            if "\t" in line and recognise(line.split("\t"), self.mapping) is not None:
                break
            self._line(number, line if "\t" in line else line.rstrip(" \u3000"))
            if self.part == "results":
                break
            seen_part = seen_part or self.part is not None
        else:
            return None
        if not seen_part or any(note.severity == ERROR for note in self.doc.notes):
            return None
        return number

    def _line(self, number: int, line: str) -> None:
        if not line.strip():
            return
        if "\t" in line or line.lstrip().startswith("|"):
            self._close_entry()
            self._row(number, line)
            return
        stripped = line.strip()
        if stripped.startswith(">"):
            return  # a block quote: the draft banner pctui writes
        bulleted = _BULLET.match(stripped)
        if bulleted and self.part != "results" and _SUBHEADING.match(bulleted.group(1)):
            stripped = bulleted.group(1)  # "• (1)意見募集期間": a page's list of header parts
        totals = published_totals(stripped)
        if totals is not None and self.doc.published_opinions is None:
            self.doc.published_submitters, self.doc.published_opinions = totals
            self.doc.submitter_unit = published_unit(stripped) or self.doc.submitter_unit
            if is_prose(stripped):  # "…から…まで募集したところ、12人の方から31件の…"
                self._period_in(stripped)
            return
        if not self.doc.title and is_document_number(stripped.lstrip("# ")):
            return  # "資料３" above the title
        if not self.doc.title and is_call_link(stripped):
            return  # "■意見募集要項■": a link to the call for opinions, above the title
        title = _MD_TITLE.match(stripped)
        if title and not self.doc.title:
            self._title(number, title.group(1))
            return
        if self._list_item(number, stripped):
            return
        if self.entry is not None and self._entry_line(stripped):
            return
        self._close_entry()
        if self._heading(number, stripped):
            return
        if not self.doc.title and self.part is None and not ends_sentence(stripped):
            self._title(number, stripped)
            self.title_line = number
            return
        if self.title_line == number - 1 and continues_title(stripped):
            # A title broken before its particle: "…(素案)" / "に対するパブリックコメントへの回答".
            self._title(number, f"{self.title_text}{stripped}")
            return
        if self.part != "results" and is_overview_heading(stripped):
            return  # "意見募集結果", "…の実施状況": the heading of the facts below it
        unkept = unkept_fact(stripped) if self.part != "results" else None
        if unkept is not None:
            message = _("not kept (pctui has no field for {label}): '{text}'")
            self.doc.note(number, 1, message.format(label=unkept, text=quoted(stripped)))
            return
        if self.part != "results" and self._plain_heading(number, stripped):
            return
        if self.part != "results" and self._fact_line(number, stripped):
            return
        if self._header_words(stripped):
            return
        self._content(number, stripped)

    def _fact_line(self, number: int, line: str) -> bool:
        """`意見募集期間 令和6年…から…`, `提出された意見件数 63件` outside any part heading;
        a sentence giving the period ("平成14年10月29日から平成14年11月24日までの27日間、
        国民からの意見募集(パブリックコメント)を実施し")."""
        period = _PERIOD_LINE.match(line.strip("（）()"))
        if period and self.doc.opened is None:
            self._dates(number, period.group(1))
            return True
        if self.doc.opened is None and self.part is None and names_consultation(line):
            found, errors = parse_dates(line)
            if len(found) == 2 and not errors and "から" in line:
                self.doc.opened, self.doc.closed = found[0].date, found[1].date
                return True
        return self.part is None and self._labelled_number(number, line)

    def _header_words(self, line: str) -> bool:
        """A table's header row printed as words, "項目 お寄せいただいた意見 市の検討結果と
        理由", over numbered items with labelled parts: the names head the columns."""
        words = line.split()
        found = recognise(words, self.mapping) if self.columns is None and len(words) > 1 else None
        if found is None:
            return False
        self.doc.opinion_heading = self.doc.opinion_heading or words[found["opinion"]]
        self.doc.response_heading = self.doc.response_heading or words[found["response"]]
        return True

    def _plain_heading(self, number: int, line: str) -> bool:
        """An unnumbered, unmarked heading of a header part ("提出された意見書の数") or of the
        results ("ご意見と区の考え方"): short, no digits, naming the part; any other line is
        the part's own."""
        if not _heading_like(line) or len(line) > MAX_PLAIN or re.search(r"[0-9０-９]", line):
            return False
        part = _part_of(line, PARTS)
        if part is None or part == self.part or part == "subject":
            return False
        self._enter(number, part, line)
        return True

    def _title(self, number: int, text: str) -> None:
        text = text.strip()
        self.title_text = text
        if _DRAFT_MARK.match(text):
            message = _("the source is marked as a draft (【案】); its text is imported as is")
            self.doc.note(number, 1, message)
            text = _DRAFT_MARK.sub("", text)
        note_case_number(self.doc, number, text)
        self.doc.title = clean_title(text)

    def _heading(self, number: int, line: str) -> bool:
        group = group_heading(line.lstrip("#").strip())
        if group is not None and self.part in (None, "results"):
            self.part = "results"
            self._section(group[1])
            self.doc.add_section(group[1], group[0])
            return True
        if self.part == "results" and self._circled(number, line):
            return True
        sub = _SUBHEADING.match(line)
        named = _part_of(sub.group(3), PARTS) if sub else None
        if self.part == "numbers" and sub and _part_of(sub.group(3), SUBPARTS):
            named = None  # "(2) 意見の受付方法別内訳" is a part of 意見数等, not 受付方法
        if sub and named is not None and self.part not in (named, "results"):
            # "(1)意見募集期間", "⑶ 受付方法": a header part numbered in brackets.
            self._enter(number, named, sub.group(3).strip())
            return True
        if sub and self.part in ("places", "numbers", "period", "methods"):
            self.subpart = _part_of(sub.group(3), SUBPARTS) if self.part == "numbers" else None
            if self.subpart == "by_topic":
                message = _(
                    "not kept: the counts by topic ({title}); pctui counts each item's "
                    "opinions, and publishes the counts from them"
                )
                self.doc.note(number, 1, message.format(title=quoted(sub.group(3).strip())))
            org = _WEB_ORG.search(sub.group(3).strip())
            if self.part == "places" and org and not self.doc.organization:
                self.doc.organization = body_name(org.group(1) or org.group(2) or "")
            return True
        if sub and sub.group(3).strip():
            self.numbers["sub"] = _sub_number(sub)
            self._subsection(sub.group(3).strip(), f"({self.numbers['sub']})")
            return True
        match = _HEADING.match(line)
        if match is None:
            return self._unnumbered_heading(number, line)
        title = match.group(3).strip()
        part = _part_of(title, PARTS)
        if self.part is None and is_overview_heading(title):
            return True  # "1.パブリックコメント": the heading over the facts, no section
        if self.part == "results":
            if "ご意見の概要" in title or "summary of the opinions" in title.lower():
                self._results_org(title)
            else:
                self.numbers["num"], self.numbers["sub"] = cell_number(match.group(2)) or 0, 0
                self._group_or_section(title)
            return True
        if part is not None:
            self._enter(number, part, title)
        elif match.group(1) or self.part is None or self._part_read():
            # A numbered heading that names no header part: the first section of the results.
            self.part = "results"
            self.numbers["num"], self.numbers["sub"] = cell_number(match.group(2)) or 0, 0
            self._section(title)
        else:
            return False  # a numbered line inside a header part ("1 団体")
        return True

    def _circled(self, number: int, line: str) -> bool:
        """A results section numbered ① ② … (or "@", "A" … where a conversion lost them)."""
        if not _heading_like(line):
            return False
        found = _CIRCLED.match(line)
        if found is not None:
            self.numbers["circled"] = ord(found.group(1)) - 0x245F
            self._subsection(found.group(2).strip(), found.group(1))
            return True
        lost = _LOST_CIRCLED.match(line)
        expected = self.numbers.get("lost", 0)
        if lost is None or expected >= len(_LOST_ORDER) or lost.group(1) != _LOST_ORDER[expected]:
            return False
        if expected == 0:
            message = _(
                "'{mark}' read as ①, and what follows as ② ③ …: the text lost its circled "
                "numbers (converted from Shift_JIS without them)"
            )
            self.doc.note(number, 1, message.format(mark=lost.group(1)))
        self.numbers["lost"] = expected + 1
        self._subsection(lost.group(2).strip(), chr(0x2460 + expected))
        return True

    def _part_read(self) -> bool:
        """Whether the period or the methods part, whose lines are never numbered, has had
        its line: a numbered line after it is the results' first section, not content ("1
        団体" under 提出者数 is content, and so is a numbered list of places)."""
        if self.part == "period":
            return self.doc.opened is not None
        return self.part == "methods" and bool(self.doc.methods)

    def _unnumbered_heading(self, number: int, line: str) -> bool:
        """A heading without a number: `## 意見の募集期間`, `■意見募集期間`; in the results,
        `### 計画全般について` opens a section."""
        markdown = _MD_HEADING.match(line)
        found = markdown or _MARKED_HEADING.match(line)
        if found is None:
            return False
        title = found.group(1).strip()
        part = _part_of(title, PARTS)
        if self.part == "results" and (part != "results" or markdown is None):
            if "ご意見の概要" in title or "summary of the opinions" in title.lower():
                self._results_org(title)
            elif markdown is not None:
                self._section(title)
            else:
                return False
            return True
        if part is None:
            return False
        self._enter(number, part, title)
        return True

    def _enter(self, number: int, part: str, title: str) -> None:
        """Start header part `part` (or the results) from its heading `title`; text after a
        colon in the heading ("意見の募集期間：令和7年…"), or after a space following the
        part's name ("意見の募集期間　令和7年…"), is the part's first line."""
        self.part, self.subpart = part, None
        if part == "results":
            self._results_org(title)
            return
        _, colon, rest = title.replace("：", ":").partition(":")
        if colon and rest.strip() and not rest.startswith("//"):
            self._content(number, title[len(title) - len(rest) :].strip())
            return
        # "1 意見の募集期間　令和7年4月1日～…": the part's name, a space, its first line.
        name, space, rest = title.partition(" ") if " " in title else title.partition("\u3000")
        if space and rest.strip() and _part_of(name, PARTS) == part:
            self._content(number, rest.strip())

    def _group_or_section(self, title: str) -> None:
        """A numbered results heading; `1 Ⅰ 当該意見を踏まえて…` (a format-2 group as pctui
        publishes it) is the group's title, labelled Ⅰ."""
        group = group_heading(title) or bracketed_heading(title)  # 1 (1) 施策の展開 too
        if group is None:
            self._section(title)
            return
        self._section(group[1])
        self.doc.add_section(group[1], group[0])

    def _section(self, title: str) -> None:
        self.section, self.parent, self.cell_section = title, "", False
        self.doc.add_section(title)
        self.last = None

    def _subsection(self, title: str, label: str) -> None:
        """A `(1) 計画全般` heading in the results. Under a numbered section that has nothing
        of its own, it is a part of that section: "計画に関するご意見：計画全般"; on its own,
        a section labelled as printed, "(1)" (see facts.kept_label)."""
        if self.part != "results":
            self.part = "results"
        parent = self.parent
        if not parent and self.section and self._is_empty(self.section):
            parent = self.section
            self.doc.sections.remove(parent)
        self._section(f"{parent}：{title}" if parent else title)
        if not parent:
            self.doc.add_section(title, label)
        self.parent = parent

    def _is_empty(self, section: str) -> bool:
        return section not in self.nones and not any(
            item.section == section for item in self.doc.items
        )

    def _results_org(self, text: str) -> None:
        for pattern in _RESULTS_ORGS:
            found = pattern.search(text)
            if found:
                name = body_name(found.group(1))
                if name:
                    self.doc.organization = name
                return

    def _list_item(self, number: int, line: str) -> bool:
        """A numbered item of the list layout (`1. 意見の概要：…`) opens here."""
        found = item_start(line)
        if found is None:
            found = self._unnumbered_item(line)
        if found is None:
            return False
        self._close_entry()
        no, opinion, response = found
        if no < 1:
            return False
        self.part = "results"
        self.doc.found_table = True
        if self.section:
            self.doc.add_section(self.section)
        self.entry = RawItem(no=no, section=self.section, opinion=opinion, response="", line=number)
        self.entry_field = "opinion"
        # The labels head the columns when published again, as the source printed them.
        self.doc.opinion_heading = self.doc.opinion_heading or item_label(line) or label_word(line)
        if response:
            self.entry.response, self.entry_field = response, "response"
        return True

    def _unnumbered_item(self, line: str) -> tuple[int, str, str] | None:
        """An item of the results opened by its opinion label alone ("意見概要 : …" over
        "区の考え方: …", 世田谷区): numbered in order, once the item before has its answer."""
        if self.part != "results" or (self.entry is not None and not self.entry.response):
            return None
        labelled = label_at(line)
        if labelled is None or labelled[0] != "opinion":
            return None
        return len(self.doc.items) + 1 + (self.entry is not None), labelled[1], ""

    def _entry_line(self, line: str) -> bool:
        """A line of the open list item: its response label, or more of its text. Headings
        and notes (※) end the item."""
        entry = self.entry
        assert entry is not None
        labelled = label_at(line)
        if labelled is not None:
            self.entry_field = labelled[0]
            text = labelled[1]
            if labelled[0] == "response" and not self.doc.response_heading:
                self.doc.response_heading = label_word(line)
        elif self._ends_entry(line):
            return False
        else:
            text = line
        before = getattr(entry, self.entry_field)
        joined = f"{before}\n{text}" if before and text else before or text
        setattr(entry, self.entry_field, joined)
        return True

    def _ends_entry(self, line: str) -> bool:
        """A Markdown heading or a ※ note ends an item; a numbered line only when it is the
        next section's heading: short, and numbered one after the section before it (an
        item's own "(1) …" enumeration starts again at 1)."""
        if _MD_HEADING.match(line) or line.startswith("※"):
            return True
        if not _heading_like(line):
            return False
        # A circled ① … is a section's heading only over an item: an answer listing its points
        # "① 財源の確保について" / "② …" keeps them (it was cut at ①, the rest left unread).
        circled = _CIRCLED.match(line)
        if circled:
            follows = ord(circled.group(1)) - 0x245F == self.numbers.get("circled", 0) + 1
            return follows and self._opens_item(self.upcoming.strip())
        lost = _LOST_CIRCLED.match(line)
        expected = self.numbers.get("lost", 0)
        if lost and 0 < expected < len(_LOST_ORDER):
            return lost.group(1) == _LOST_ORDER[expected] and self._opens_item(
                self.upcoming.strip()
            )
        sub = _SUBHEADING.match(line)
        if sub:
            return _sub_number(sub) == self.numbers.get("sub", 0) + 1
        numbered = _HEADING.match(line)
        return (
            numbered is not None
            and cell_number(numbered.group(2)) == self.numbers.get("num", 0) + 1
        )

    @staticmethod
    def _opens_item(line: str) -> bool:
        """Whether `line` opens an item of the list layout ("1. 意見の概要：…", "意見概要 : …")
        or a table's row."""
        if item_start(line) is not None or "\t" in line or line.startswith("|"):
            return True
        labelled = label_at(line)
        return labelled is not None and labelled[0] == "opinion"

    def _close_entry(self) -> None:
        entry, self.entry = self.entry, None
        if entry is None:
            return
        entry.topic, entry.opinion = split_topic(entry.opinion)
        if not entry.opinion:
            self.doc.note(entry.line, 1, _("No.{no} has no opinion text").format(no=entry.no))
        self.last = None
        self.doc.add_item(entry)

    def _content(self, number: int, line: str) -> None:
        handler = {
            "subject": self._subject,
            "period": self._period,
            "places": self._place,
            "methods": self._methods,
            "numbers": self._numbers,
            "results": self._results,
        }.get(self.part or "")
        if handler is None:
            if self._prose(number, line):
                return
            message = _("not read (before any known part): '{text}'").format(text=quoted(line))
            self.doc.note(number, 1, message, ERROR)
            return
        handler(number, line)

    def _prose(self, number: int, line: str) -> bool:
        """A paragraph above the opinions (趣旨, 経緯, "…は次のとおりです。"), or above a
        section's table under its heading ("本章に関するご意見は次のとおりです。"): text
        outside the table, not a part that failed to read. The totals in it were read before
        (see `_line`); the period is read from it here; the rest is said, as a warning, and
        left out. False for any other line once a table or an item has started: a line there
        that fits nothing may be a broken row, an error as before."""
        items = self.doc.items
        first = not items and self.columns is None
        # A heading since the last item: the line stands above the next section's rows.
        headed = bool(items) and items[-1].section != self.section
        if self.entry is not None or not (first or headed):
            return False
        if not is_prose(line):
            return False
        if self._period_in(line):
            return True
        message = _("text above the table, not imported: '{text}'").format(text=quoted(line))
        self.doc.note(number, 1, message)
        return True

    def _period_in(self, sentence: str) -> bool:
        """Read the period from a sentence giving it, with exactly two dates and nothing
        half-read, when none was read before; whether it was."""
        if self.doc.opened is not None:
            return False
        found, errors = parse_dates(sentence)
        if len(found) != 2 or errors:
            return False
        self.doc.opened, self.doc.closed = found[0].date, found[1].date
        return True

    def _dates(self, number: int, line: str) -> bool:
        found, errors = parse_dates(line)
        for message in errors:
            self.doc.note(number, 1, message, ERROR)
        for date in found:
            if date.warning:
                self.doc.note(number, date.start + 1, date.warning)
        if errors:
            return True  # half a period is worse than none: the dates are left unset
        if len(found) >= 2:
            self.doc.opened, self.doc.closed = found[0].date, found[1].date
        elif len(found) == 1:
            self.doc.opened = found[0].date
            self.doc.note(number, 1, _("only one date found; the closing date is not set"))
        return bool(found)

    def _period(self, number: int, line: str) -> None:
        if self.doc.opened is None and self._dates(number, line):
            return
        if line.strip() in _NOT_SET:
            return
        if self._prose(number, line):
            return
        message = _("not read as a date: '{text}'").format(text=quoted(line))
        self.doc.note(number, 1, message, ERROR)

    def _subject(self, number: int, line: str) -> None:
        """意見募集対象: the draft consulted on, the title when none was read before it."""
        if not self.doc.title:
            self._title(number, line)

    def _place(self, number: int, line: str) -> None:
        if line.strip() in _NOT_SET:
            return
        url = _URL.fullmatch(line)
        if url:
            self.doc.url = url.group(1)
            return
        # "広報しながわ(12月11日号)、区ホームページ、区政資料コーナー(第三庁舎3階)": a page
        # lists its places on one line; a 、 inside brackets stays in its place.
        for place in split_places(_MARKER.sub("", line).strip()):
            self.doc.places.append(place)
            if not self.doc.organization:
                self.doc.organization = office_body(place)

    def _methods(self, number: int, line: str) -> None:
        if line.strip() in _NOT_SET:
            return
        for method in re.split(r"[、,，/／]", line):
            if method.strip() and method.strip() not in self.doc.methods:
                self.doc.methods.append(method.strip())

    def _numbers(self, number: int, line: str) -> None:
        if self.subpart == "by_topic" and _BY_TOPIC_ROW.match(unicodedata.normalize("NFKC", line)):
            return  # a row of the counts by topic, "第1章 計画の策定について 1件" (said above)
        listed = bulleted_method(line)
        if listed is not None and listed[0] not in self.doc.submitters:
            name, count, unit = listed
            self.doc.submitters[name] = count
            self.doc.submitter_unit = unit
            if name not in self.doc.methods:
                self.doc.methods.append(name)
            return
        total = total_line(line)
        if total is not None and self.doc.submitters and self.declared_submitters is None:
            self.declared_submitters = (total, number)  # checked against the list's sum
            return
        breakdown = methods_breakdown(line)
        if breakdown is not None and not self.doc.submitters:
            unlisted = [m for m in breakdown if self.doc.methods and m not in self.doc.methods]
            if unlisted:
                message = _(
                    "the breakdown (内訳) names {methods}, which the methods part did not "
                    "list; both are kept (0 for a method the breakdown does not count): "
                    "edit [intake] where they are the same"
                )
                self.doc.note(number, 1, message.format(methods="、".join(unlisted)))
            for method, count in breakdown.items():
                self.doc.submitters[method] = count
                if method not in self.doc.methods:
                    self.doc.methods.append(method)
            return
        value = re.match(r"^([0-9０-９]+)[ \t\u3000]*(\S*)$", line)
        if value and self.subpart in ("submitters", None) and self.declared_submitters is None:
            self.declared_submitters = (cell_number(value.group(1)) or 0, number)
            if value.group(2):
                self.doc.submitter_unit = value.group(2)
            return
        if value and self.subpart == "total":
            self.doc.declared_total = cell_number(value.group(1))
            return
        if self._labelled_number(number, line):
            return
        if line.strip() in (JA.distinct_total, EN.distinct_total):
            return  # under a tallied table: says how its total counts, nothing to keep
        if self._prose(number, line):
            return
        message = _("not read: '{text}'").format(text=quoted(line))
        self.doc.note(number, 1, message, ERROR)

    def _labelled_number(self, number: int, line: str) -> bool:
        """`提出者数 205名`, `提出された意見数 225件` on one line."""
        found = _LABELLED_NUMBER.match(line)
        if found is None:
            return False
        label = _part_of(found.group(1), SUBPARTS) or (
            "total" if "意見" in found.group(1) and "数" in found.group(1) else None
        )
        count = cell_number(found.group(2).replace(",", "").replace("，", ""))
        after = submitters_after_count(found.group(3))
        if label == "total" and after is not None and self.declared_submitters is None:
            # "提出された意見件数 63件(14人)": the submitters in brackets after the count.
            self.declared_submitters = (after[0], number)
            self.doc.submitter_unit = after[1]
        unit = unicodedata.normalize("NFKC", found.group(3))
        if label == "total" and unit not in ("", "件") and not unit.startswith("件"):
            return False  # "意見を踏まえた修正箇所数 4箇所": a count of something else
        if label == "submitters" and self.declared_submitters is None:
            self.declared_submitters = (count or 0, number)
            if found.group(3):
                self.doc.submitter_unit = found.group(3)
            return True
        if label == "total":
            self.doc.declared_total = count
            return True
        return False

    def _results(self, number: int, line: str) -> None:
        name = unicodedata.normalize("NFKC", line).strip().lower()
        if name in _NONE:
            self.doc.found_table = True
            if self.section:
                self.doc.add_section(self.section)
                self.nones.add(self.section)
            return
        if name in _ANNEX:
            return
        if "ご意見の概要" in line or "summary of the opinions" in name:
            self._results_org(line)
            return
        if re.fullmatch(r"[(（].*(?:実施|held).*[)）]", line):
            if self.doc.opened is None:
                self._dates(number, line)
            return
        if self._prose(number, line):
            return
        message = _("not read (not in a table): '{text}'").format(text=quoted(line))
        self.doc.note(number, 1, message, ERROR)

    def _row(self, number: int, line: str) -> None:
        markdown = "\t" not in line
        if markdown and _SEPARATOR.match(line.strip()):
            return
        cells = split_pipe_row(line) if markdown else line.split("\t")
        if self.part == "numbers":
            self._number_row(number, cells, markdown)
            return
        plain = [cell_text(c, markdown) for c in cells]
        filled = [c for c in plain if c]
        lone = filled[0] if len(filled) == 1 else ""  # a row of one cell: Ⅰ．… or (1) …
        group = (group_heading(lone) or bracketed_heading(lone)) if lone else None
        if group is not None and self.columns is not None:
            self._section(group[1])
            self.doc.add_section(group[1], group[0])
            return
        if self.columns is not None and _row_no(plain, self.columns) != "header":
            self._data_row(number, plain)
            return
        columns = recognise(plain, self.mapping)
        first = plain[columns.get("no", 0)] if columns is not None else ""
        if columns is not None and cell_number(first) is None and not published_label(first):
            self.columns, self.width = columns, len(cells)
            self.doc.found_table = True
            if not self.doc.columns:
                self.doc.columns = chosen(columns, plain)
                self.doc.unused_columns = unused(columns, plain)
            self.doc.opinion_heading = self.doc.opinion_heading or plain[columns["opinion"]]
            self.doc.response_heading = self.doc.response_heading or plain[columns["response"]]
            if self.part != "results":
                self.part = "results"
            if not self.doc.organization:
                org = _HEADING_ORG.match(self.doc.response_heading)
                self.doc.organization = body_name(org.group(1)) if org else ""
            return
        if self.columns is None:
            message = _(
                "a table row before any header row naming the opinion and "
                "response columns; row skipped (see --map)"
            )
            self.doc.note(number, 1, message, ERROR)
            return
        self._data_row(number, plain)

    def _data_row(self, number: int, cells: list[str]) -> None:
        columns = self.columns
        assert columns is not None
        if len(cells) != self.width:
            message = _(
                "this row has {cells} cells, the header {header}; missing cells are read as empty"
            )
            self.doc.note(number, 1, message.format(cells=len(cells), header=self.width))

        def get(field: str) -> str:
            index = columns.get(field)
            return cells[index] if index is not None and index < len(cells) else ""

        no_cell = get("no") if "no" in columns else str(len(self.doc.items) + 1)
        labels = joined_labels(no_cell)
        no, label = numbered(labels[0] if labels else no_cell, len(self.doc.items) + 1)
        if no is None and not no_cell.strip():
            if self.last is None:
                message = _("a row without a No. and no row before it to continue")
                self.doc.note(number, 1, message, ERROR)
                return
            self.last.opinion = continued(self.last.opinion, get("opinion"), _SENTENCE_END)
            self.last.response = continued(self.last.response, get("response"), _SENTENCE_END)
            return
        if no is None:
            self.doc.note(number, 1, refused_no(no_cell), ERROR)
            return
        if label != str(no) and not labels:
            labels = [label]
        note_labels(self.doc, labels or [])
        part = self._row_section(get("section").strip())
        above = (
            self.above if self.above is not None and self.above.section == self.section else None
        )
        response = get("response")
        referred = referred_label(response)
        # 「（No.1と同じ）」 said outright: No.1 is a row of the item just read (answered or,
        # in a draft, not yet) or of the last answered one.
        last = self.last if self.last is not None and self.last.section == self.section else None
        for target in (last, above) if referred is not None else ():
            if target is not None and referred in [o.label for o in target.opinions]:
                self._join(target, label, number, get, "merged")
                return
        if above is not None and response and response == above.response:
            if self.empty_answer == SAME_AS_ABOVE:  # the answer repeated: same as above too
                self.first_empty = self.first_empty or number
                self._join(above, label, number, get, "repeated")
                return
        elif above is not None and not response:
            self.first_empty = self.first_empty or number
            if self.empty_answer == SAME_AS_ABOVE:
                self._join(above, label, number, get, "empty")
                return
            self.doc.left_empty += 1
        topic, opinion = split_topic(get("opinion"))
        if self.section:
            self.doc.add_section(self.section)
        item = RawItem(
            no=no,
            section=self.section,
            opinion=opinion,
            response=get("response"),
            line=number,
            topic=topic or (get("topic") or part or None),
            klass=get("class"),
        )
        count = get("count")
        if count:
            parsed = cell_number(count)
            if parsed is None or parsed < 1:
                message = _("count '{text}' is not a number of 1 or more; 1 is used")
                self.doc.note(number, 1, message.format(text=quoted(count, 20)))
            else:
                item.count = parsed
        if labels:
            labelled(item, labels)
        self.last = item if self.doc.add_item(item) else None
        for joined in item.joined if self.last else []:
            self.doc.claim(label_key(joined.label), number, self.section)
        if item.response:
            self.above = self.last
        elif above is None:
            self.above = None

    def _row_section(self, cell: str) -> str:
        """A row's section cell (章, 分類): the row's section, kept for the rows under it whose
        cell is empty (merged down); under a heading of the results it names the part of the
        draft, the row's topic (returned), as the table reader reads it."""
        if not cell or "section" not in (self.columns or {}):
            return ""
        if self.section and not self.cell_section and "section" not in self.mapping:
            return cell
        if cell != self.section:
            self.section, self.cell_section, self.last = cell, True, None
        return ""

    def _join(
        self, above: RawItem, label: str, number: int, get: Callable[[str], str], how: str
    ) -> None:
        """Row `number` (labelled `label`) is a further opinion answered by `above`'s answer."""
        if not self.doc.claim(label_key(label), number, self.section):
            return
        count = cell_number(get("count")) or 1
        above.joined.append(RawOpinion(label, get("opinion"), number, count))
        if how == "merged":
            self.doc.joined_merged += 1
        elif how == "empty":
            self.doc.joined_empty += 1
        else:
            self.doc.joined_repeated += 1

    def _number_row(self, number: int, cells: list[str], markdown: bool) -> None:
        plain = [cell_text(c, markdown) for c in cells]
        head = unicodedata.normalize("NFKC", plain[0]).strip().lower() if plain else ""
        if self.subpart == "classes":
            count = cell_number(plain[-1]) if len(plain) > 1 else None
            if count is not None and head not in ("未分類", "unclassified"):
                self.doc.classes.append(plain[0])
            return
        rest = plain[1:]
        if rest and unicodedata.normalize("NFKC", rest[-1]).strip().lower() in (
            "合計",
            "total",
            "計",
        ):
            rest = rest[:-1]
        if head in ("提出方法", "method", "受付方法"):
            self.by_method = rest
            return
        if head in ("提出者数", "submitters", "人数"):
            self._submitters_row(number, plain)
            return
        if head in (JA.submission_count, EN.submission_count.lower(), "通数"):
            self._submissions_row(number, plain)
            return
        message = _("not read (a table row in 意見数等): '{text}'")
        self.doc.note(number, 1, message.format(text=quoted(plain[0], 20)), ERROR)

    def _submissions_row(self, number: int, plain: list[str]) -> None:
        """The 提出通数 row of a table tallied from a registry: submissions per method."""
        counts = [cell_number(c) for c in plain[1:]]
        if len(counts) == len(self.by_method) + 1:
            counts.pop()  # the total: the sum
        for method, count in zip(self.by_method, counts, strict=False):
            if count is not None:
                self.doc.submissions[method] = count

    def _submitters_row(self, number: int, plain: list[str]) -> None:
        total = None
        counts = [cell_number(c) for c in plain[1:]]
        if len(counts) == len(self.by_method) + 1:
            total = counts.pop()
        for method, count in zip(self.by_method, counts, strict=False):
            if count is None:
                message = _("submitters by '{method}' is not a number")
                self.doc.note(number, 1, message.format(method=quoted(method, 20)), ERROR)
                continue
            self.doc.submitters[method] = count
            if method not in self.doc.methods:
                self.doc.methods.append(method)
        summed = sum(self.doc.submitters.values())
        if total is not None and self.doc.submissions and total <= summed:
            self.doc.submitters_total = total  # tallied: one who used two methods counts once
        elif total is not None and total != summed:
            message = _(
                "the row's total ({total}) is not the sum of the methods ({sum}); the sum is used"
            )
            self.doc.note(number, 1, message.format(total=total, sum=summed))

    def _finish(self) -> None:
        if refuse_numbers(self.doc, self.mapping):
            return
        topics_as_numbers(self.doc, self.mapping)
        note_empty_answers(self.doc, self.first_empty, keeps_merges=False)
        self.finish_numbers()
        note_declared_total(self.doc)
        if not self.doc.found_table:
            message = _(
                "no opinion table found (a header row naming the opinion and response "
                "columns, e.g. No. | 寄せられたご意見 | 札幌市の考え方, or numbered items "
                "such as 1. 意見の概要：… 市の考え方：…)"
            )
            self.doc.note(1, 1, message, ERROR)

    def finish_numbers(self) -> None:
        """Settle the 提出者数 read against the table by method (and, in a format-2 result,
        keep printed totals other than the sums as the totals as published)."""
        if self.declared_submitters is not None:
            declared, line = self.declared_submitters
            self.doc.declared_submitters = declared
            self.doc.take_printed_totals()  # a format-2 result's printed totals are kept
            self.declared_submitters = (self.doc.declared_submitters or declared, line)
        else:
            self.doc.take_printed_totals()
        if self.declared_submitters is not None and self.doc.submitters:
            declared, line = self.declared_submitters
            summed = sum(self.doc.submitters.values())
            if declared != summed:
                message = _(
                    "提出者数 says {declared}, the table by method adds up to {sum}; "
                    "the table is used"
                )
                self.doc.note(line, 1, message.format(declared=declared, sum=summed))


def note_declared_total(doc: RawDocument) -> None:
    """Say so when the 意見総数 printed is not what the items count."""
    if doc.declared_total is None or not doc.items:
        return
    counted = sum(o.count for item in doc.items for o in item.opinions)
    if counted != doc.declared_total:
        message = _(
            "意見総数 says {declared}件, the items count {counted}; set `count` on merged items"
        )
        doc.note(1, 1, message.format(declared=doc.declared_total, counted=counted))


def read_text(
    text: str, mapping: dict[str, str] | None = None, empty_answer: str = UNANSWERED
) -> RawDocument:
    """Read a seed-like Markdown or plain-text result."""
    return TextReader(mapping, empty_answer).read(text)
