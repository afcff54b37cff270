"""Reading a published result in Markdown or plain text, shaped like the seed document.

Understood: the title line; the numbered header parts (意見の募集期間, 公表場所, 意見の受付方法,
意見数等 with the submitter table, ご意見の概要とそれに対する…の考え方); numbered section
headings with their opinion tables (tab-separated or Markdown pipe rows, `<p>` paragraphs,
`<br>` breaks) or なし; tables split across pages (a repeated header row, or a row whose
No. cell is empty continuing the row before). A line that fits none of these is reported
with its line number, never guessed.
"""

from __future__ import annotations

import re
import unicodedata

from pctui.importer.cells import cell_text, split_pipe_row, split_topic
from pctui.importer.columns import recognise
from pctui.importer.raw import ERROR, RawDocument, RawItem
from pctui.publish.era import parse_dates

_HEADING = re.compile(r"^(#{1,6}[ \t]+)?([0-9０-９]{1,2})[ \t\u3000.．、]+(\S.*)$")
_SUBHEADING = re.compile(r"^(?:#{1,6}[ \t]+)?[(（]([0-9０-９]{1,2})[)）][ \t\u3000]*(.*)$")
_MD_TITLE = re.compile(r"^#[ \t]+(.+)$")
_SEPARATOR = re.compile(r"^\|?[\s:|-]*-{3,}[\s:|-]*$")
_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_MARKER = re.compile(r"^(?:[ァ-ヴ]|[-*•・]|\d+[.)])[ \t\u3000]+")
_TITLE_SUFFIX = re.compile(
    r"[ \t\u3000:：]*(?:寄せられた(?:ご)?意見と.{1,12}の考え方"
    r"|opinions received and the response of .+)$",
    re.IGNORECASE,
)
_RESULTS_ORG = re.compile(r"それに対する(.+?)の考え方|the response of (.+)$", re.IGNORECASE)
_WEB_ORG = re.compile(r"^(.+?)公式ホームページ|^on the website of (.+)$", re.IGNORECASE)
_HEADING_ORG = re.compile(r"^(.+?)の考え方$")
_DRAFT_MARK = re.compile(r"^(?:【案】|\[DRAFT\][ \t]*)")
_SENTENCE_END = tuple("。．.!?！？」』）)")
_NONE = {"なし", "該当なし", "none", "ありません", "意見なし"}
_ANNEX = {"別添のとおり", "別紙のとおり", "別添", "別紙", "see below"}

PARTS = (
    ("period", ("募集期間", "consultation period")),
    ("places", ("公表場所", "公表方法", "where this result")),
    ("methods", ("受付方法", "提出方法", "how opinions")),
    ("numbers", ("意見数", "提出者数", "number of opinions")),
    ("results", ("ご意見の概要", "考え方", "summary of the opinions")),
)
SUBPARTS = (
    ("by_method", ("内訳", "by method")),
    ("submitters", ("提出者数", "submitters")),
    ("total", ("意見総数", "total opinions")),
    ("classes", ("区分", "by outcome")),
)


def _part_of(title: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    name = unicodedata.normalize("NFKC", title).lower()
    for part, words in table:
        if any(word in name for word in words):
            return part
    return None


def _join(before: str, more: str) -> str:
    """A cell continued on the next page: a new paragraph after a full stop, else the same one."""
    if not more:
        return before
    if not before:
        return more
    return before + ("\n\n" if before.rstrip().endswith(_SENTENCE_END) else "") + more


def _int(text: str) -> int | None:
    digits = unicodedata.normalize("NFKC", text).strip().rstrip(".")
    return int(digits) if digits.isdigit() else None


def _row_no(cells: list[str], columns: dict[str, int]) -> str:
    """'number', 'empty' (a continued row) or 'header' (anything else) for a row's No. cell."""
    if "no" not in columns:
        return "header" if recognise(cells) is not None else "number"
    index = columns["no"]
    cell = cells[index].strip() if index < len(cells) else ""
    if not cell:
        return "empty"
    return "number" if _int(cell) is not None else "header"


class TextReader:
    """Reads the lines of one document into a RawDocument (see the module docstring)."""

    def __init__(self, mapping: dict[str, str] | None = None) -> None:
        self.doc = RawDocument()
        self.mapping = mapping or {}
        self.part: str | None = None
        self.subpart: str | None = None
        self.section = ""
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.last: RawItem | None = None
        self.by_method: list[str] = []
        self.declared_submitters: tuple[int, int] | None = None  # (count, line)

    def read(self, text: str) -> RawDocument:
        """Read every line and return what was found."""
        for number, line in enumerate(text.splitlines(), start=1):
            self._line(number, line if "\t" in line else line.rstrip(" \u3000"))
        self._finish()
        return self.doc

    def _line(self, number: int, line: str) -> None:
        if not line.strip():
            return
        if "\t" in line or line.lstrip().startswith("|"):
            self._row(number, line)
            return
        stripped = line.strip()
        if stripped.startswith(">"):
            return  # a block quote: the draft banner pctui writes
        title = _MD_TITLE.match(stripped)
        if title and not self.doc.title:
            self._title(number, title.group(1))
            return
        if self._heading(number, stripped):
            return
        if not self.doc.title and self.part is None:
            self._title(number, stripped)
            return
        self._content(number, stripped)

    def _title(self, number: int, text: str) -> None:
        text = text.strip()
        if _DRAFT_MARK.match(text):
            self.doc.note(
                number, 1, "the source is marked as a draft (【案】); its text is imported as is"
            )
            text = _DRAFT_MARK.sub("", text)
        self.doc.title = _TITLE_SUFFIX.sub("", text).strip() or text

    def _heading(self, number: int, line: str) -> bool:
        sub = _SUBHEADING.match(line)
        if sub and self.part in ("places", "numbers", "period", "methods"):
            self.subpart = _part_of(sub.group(2), SUBPARTS) if self.part == "numbers" else None
            org = _WEB_ORG.search(sub.group(2).strip())
            if self.part == "places" and org and not self.doc.organization:
                self.doc.organization = (org.group(1) or org.group(2) or "").strip()
            return True
        match = _HEADING.match(line)
        if match is None:
            return False
        title = match.group(3).strip()
        part = _part_of(title, PARTS)
        if self.part == "results":
            if "ご意見の概要" in title or "summary of the opinions" in title.lower():
                self._results_org(title)
            else:
                self._section(title)
            return True
        if part == "results":
            self._enter_results(title)
        elif part is not None:
            self.part, self.subpart = part, None
        elif match.group(1) or self.part is None:
            # A numbered heading that names no header part: the first section of the results.
            self.part = "results"
            self._section(title)
        else:
            return False  # a numbered line inside a header part ("1 団体")
        return True

    def _section(self, title: str) -> None:
        self.section = title
        self.doc.add_section(title)
        self.last = None

    def _enter_results(self, title: str) -> None:
        self.part, self.subpart = "results", None
        self._results_org(title)

    def _results_org(self, text: str) -> None:
        found = _RESULTS_ORG.search(text)
        if found:
            self.doc.organization = (found.group(1) or found.group(2) or "").strip()

    def _content(self, number: int, line: str) -> None:
        handler = {
            "period": self._period,
            "places": self._place,
            "methods": self._methods,
            "numbers": self._numbers,
            "results": self._results,
        }.get(self.part or "")
        if handler is None:
            self.doc.note(number, 1, f"not read (before any known part): {line[:40]!r}", ERROR)
            return
        handler(number, line)

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
            self.doc.note(number, 1, "only one date found; the closing date is not set")
        return bool(found)

    def _period(self, number: int, line: str) -> None:
        if self.doc.opened is None and self._dates(number, line):
            return
        self.doc.note(number, 1, f"not read as a date: {line[:40]!r}", ERROR)

    def _place(self, number: int, line: str) -> None:
        url = _URL.fullmatch(line)
        if url:
            self.doc.url = url.group(1)
            return
        self.doc.places.append(_MARKER.sub("", line).strip())

    def _methods(self, number: int, line: str) -> None:
        for method in re.split(r"[、,，/／]", line):
            if method.strip() and method.strip() not in self.doc.methods:
                self.doc.methods.append(method.strip())

    def _numbers(self, number: int, line: str) -> None:
        value = re.match(r"^([0-9０-９]+)[ \t\u3000]*(\S*)$", line)
        if value and self.subpart in ("submitters", None) and self.declared_submitters is None:
            self.declared_submitters = (_int(value.group(1)) or 0, number)
            if value.group(2):
                self.doc.submitter_unit = value.group(2)
            return
        if value and self.subpart == "total":
            self.doc.declared_total = _int(value.group(1))
            return
        self.doc.note(number, 1, f"not read: {line[:40]!r}", ERROR)

    def _results(self, number: int, line: str) -> None:
        name = unicodedata.normalize("NFKC", line).strip().lower()
        if name in _NONE:
            self.doc.found_table = True
            if self.section:
                self.doc.add_section(self.section)
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
        self.doc.note(number, 1, f"not read (not in a table): {line[:40]!r}", ERROR)

    def _row(self, number: int, line: str) -> None:
        markdown = "\t" not in line
        if markdown and _SEPARATOR.match(line.strip()):
            return
        cells = split_pipe_row(line) if markdown else line.split("\t")
        if self.part == "numbers":
            self._number_row(number, cells, markdown)
            return
        plain = [cell_text(c, markdown) for c in cells]
        if self.columns is not None and _row_no(plain, self.columns) != "header":
            self._data_row(number, plain)
            return
        columns = recognise(plain, self.mapping)
        if columns is not None and _int(plain[columns.get("no", 0)]) is None:
            self.columns, self.width = columns, len(cells)
            self.doc.found_table = True
            self.doc.opinion_heading = self.doc.opinion_heading or plain[columns["opinion"]]
            self.doc.response_heading = self.doc.response_heading or plain[columns["response"]]
            if self.part != "results":
                self.part = "results"
            if not self.doc.organization:
                org = _HEADING_ORG.match(self.doc.response_heading)
                self.doc.organization = org.group(1) if org else ""
            return
        if self.columns is None:
            self.doc.note(
                number,
                1,
                "a table row before any header row naming the opinion and "
                "response columns; row skipped (see --map)",
                ERROR,
            )
            return
        self._data_row(number, plain)

    def _data_row(self, number: int, cells: list[str]) -> None:
        columns = self.columns
        assert columns is not None
        if len(cells) != self.width:
            self.doc.note(
                number,
                1,
                f"this row has {len(cells)} cells, the header "
                f"{self.width}; missing cells are read as empty",
            )

        def get(field: str) -> str:
            index = columns.get(field)
            return cells[index] if index is not None and index < len(cells) else ""

        no_cell = get("no") if "no" in columns else str(len(self.doc.items) + 1)
        no = _int(no_cell)
        if no is None and not no_cell.strip():
            if self.last is None:
                self.doc.note(
                    number, 1, "a row without a No. and no row before it to continue", ERROR
                )
                return
            self.last.opinion = _join(self.last.opinion, get("opinion"))
            self.last.response = _join(self.last.response, get("response"))
            return
        if no is None or no < 1:
            self.doc.note(
                number,
                1,
                f"No. cell {no_cell[:20]!r} is not a number of 1 or more; row skipped",
                ERROR,
            )
            return
        topic, opinion = split_topic(get("opinion"))
        if self.section:
            self.doc.add_section(self.section)
        item = RawItem(
            no=no,
            section=self.section,
            opinion=opinion,
            response=get("response"),
            line=number,
            topic=topic or (get("topic") or None),
            klass=get("class"),
        )
        count = get("count")
        if count:
            parsed = _int(count)
            if parsed is None or parsed < 1:
                self.doc.note(number, 1, f"count {count!r} is not a number of 1 or more; 1 is used")
            else:
                item.count = parsed
        self.last = item if self.doc.add_item(item) else None

    def _number_row(self, number: int, cells: list[str], markdown: bool) -> None:
        plain = [cell_text(c, markdown) for c in cells]
        head = unicodedata.normalize("NFKC", plain[0]).strip().lower() if plain else ""
        if self.subpart == "classes":
            count = _int(plain[-1]) if len(plain) > 1 else None
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
            total = None
            counts = [_int(c) for c in plain[1:]]
            if len(counts) == len(self.by_method) + 1:
                total = counts.pop()
            for method, count in zip(self.by_method, counts, strict=False):
                if count is None:
                    self.doc.note(number, 1, f"submitters by {method!r} is not a number", ERROR)
                    continue
                self.doc.submitters[method] = count
                if method not in self.doc.methods:
                    self.doc.methods.append(method)
            if total is not None and total != sum(self.doc.submitters.values()):
                self.doc.note(
                    number,
                    1,
                    f"the row's total ({total}) is not the sum of the "
                    f"methods ({sum(self.doc.submitters.values())}); the sum is used",
                )
            return
        self.doc.note(number, 1, f"not read (a table row in 意見数等): {plain[0][:20]!r}", ERROR)

    def _finish(self) -> None:
        if self.declared_submitters is not None and self.doc.submitters:
            declared, line = self.declared_submitters
            summed = sum(self.doc.submitters.values())
            if declared != summed:
                self.doc.note(
                    line,
                    1,
                    f"提出者数 says {declared}, the table by method adds up "
                    f"to {summed}; the table is used",
                )
        if self.doc.declared_total is not None and self.doc.items:
            counted = sum(item.count for item in self.doc.items)
            if counted != self.doc.declared_total:
                self.doc.note(
                    1,
                    1,
                    f"意見総数 says {self.doc.declared_total}件, the items count "
                    f"{counted}; set `count` on merged items",
                )
        if not self.doc.found_table:
            self.doc.note(
                1,
                1,
                "no opinion table found (a header row naming the opinion and "
                "response columns, e.g. No. | 寄せられたご意見 | 札幌市の考え方)",
                ERROR,
            )


def read_text(text: str, mapping: dict[str, str] | None = None) -> RawDocument:
    """Read a seed-like Markdown or plain-text result."""
    return TextReader(mapping).read(text)
