"""The published result as Markdown, laid out like the seed document.

Table cells cannot hold raw line breaks, so paragraphs are joined with `<br><br>` and line
breaks within a paragraph with `<br>`; every character Markdown or HTML would act on is
escaped, so an opinion's text is shown, never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pctui.publish.document import Part, Publication, Row

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[\\`*_\[\]{}|~&<>]")
_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char) or "\\" + char


def _escape_start(match: re.Match[str]) -> str:
    # A line that would open a heading, a list or a setext underline: escape its marker
    # (for "1." the full stop, since a backslash before a digit is not an escape).
    indent, mark, digits, stop = match.groups()
    return indent + (f"\\{mark}" if mark else f"{digits}\\{stop}")


def escape(text: str) -> str:
    """`text` with Markdown and HTML specials escaped, safe in a paragraph or a table cell."""
    escaped = _SPECIAL.sub(_escape_char, text)
    return _LINE_START.sub(_escape_start, escaped)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of `text` (separated by blank lines), stripped, empty ones dropped."""
    return [p.strip("\n") for p in re.split(r"\n[ \t\u3000]*\n", text) if p.strip()]


def cell(text: str) -> str:
    """A table cell for `text`: paragraphs joined by <br><br>, lines by <br>, all escaped."""
    parts = ["<br>".join(escape(line) for line in p.split("\n")) for p in paragraphs(text)]
    return "<br><br>".join(parts)


def _table(header: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _opinion_cell(row: Row, marked: str) -> str:
    opinion = cell(row.opinion)
    if not row.topic:
        return opinion
    topic = escape(f"【{row.topic}】" if marked == "ja" else f"[{row.topic}]")
    return f"{topic}<br>{opinion}" if opinion else topic


def _part(pub: Publication, part: Part) -> list[str]:
    labels = pub.labels
    lines = [f"### {part.number} {escape(part.title)}", ""]
    if not part.rows:
        return [*lines, labels.none, ""]
    header = [labels.no, escape(pub.opinion_heading), escape(pub.response_heading)]
    align = ["---:", "---", "---"]
    # The seed's three columns; outcome classes are counted in 4 (4) and listed in CSV/XLSX.
    counted = pub.counts_shown
    if counted:
        header.insert(2, labels.count)
        align.insert(2, "---:")
    if pub.draft:
        header.append(labels.state)
        align.append("---")
    rows = []
    for row in part.rows:
        # Markdown has no merged cells: an item's later opinions refer to the row holding
        # its answer (listed layout).
        answer = escape(labels.same_answer.format(label=row.first)) if not row.span else None
        cells = [escape(row.number), _opinion_cell(row, pub.language), answer or cell(row.response)]
        if counted:
            cells.insert(2, str(row.count))
        if pub.draft:
            cells.append(escape(row.state))
        rows.append(cells)
    return [*lines, *_table(header, rows, align), ""]


def _places(pub: Publication) -> list[str]:
    lines: list[str] = []
    for places in pub.place_lists:
        lines += [f"### ({places.number}) {escape(places.title)}", ""]
        for mark, place in places.marked:
            lines += [f"{mark or '-'} {escape(place)}", ""]
        shown = [link(places.url)] if places.url else [escape(place) for place in places.named]
        for line in shown:
            lines += [line, ""]
    return lines or [pub.labels.undated, ""]


def link(url: str) -> str:
    """An autolink for a web address, or the escaped text when it is not an http(s) address."""
    if re.fullmatch(r"https?://[^\s<>]+", url):
        return f"<{url}>"
    return escape(url)


def _numbers(pub: Publication) -> list[str]:
    labels = pub.labels
    unit = pub.submitter_unit
    part = iter(range(1, 5))  # the parts numbered as printed: (2) may be left out
    lines = [f"### ({next(part)}) {labels.submitters}", ""]
    lines += [f"{pub.submitter_total} {escape(unit)}", ""]
    if pub.method_table:
        lines += [f"### ({next(part)}) {labels.by_method}", ""]
        header = [labels.method, *(escape(m) for m, _ in pub.submitters), labels.total]
        counts = [labels.submitter_count, *(str(n) for _, n in pub.submitters)]
        rows = [[*counts, str(pub.method_total)]]
        if pub.submissions:  # tallied from the registry: 通 above 人
            letters = [labels.submission_count, *(str(n) for _, n in pub.submissions)]
            rows.insert(0, [*letters, str(pub.submission_total)])
        lines += _table(header, rows, ["---"] * len(header))
        if pub.distinct_total:
            lines += ["", labels.distinct_total]
        lines.append("")
    lines += [f"### ({next(part)}) {labels.opinion_total}", ""]
    lines += [f"{pub.opinion_total}{labels.opinions_unit}", ""]
    if pub.classes:
        lines += [f"### ({next(part)}) {labels.by_class}", ""]
        rows = [[escape(label), str(n)] for label, n in pub.classes]
        lines += _table([labels.klass, labels.opinion_count], rows, ["---", "---:"])
        lines.append("")
    return lines


def to_markdown(pub: Publication, after: Sequence[str] = ()) -> str:
    """The whole result as Markdown text (LF line ends, one trailing newline); `after`:
    the lines of parts that follow the results (the submitted opinions)."""
    labels = pub.labels
    mark = labels.draft_mark if pub.draft else ""
    lines = [f"# {mark}{escape(pub.heading)}", ""]
    if pub.draft:
        lines += [f"> **{labels.draft_banner}**", ""]
    lines += [f"## 1 {labels.period}", "", pub.period or labels.undated, ""]
    lines += [f"## 2 {labels.places}", "", *_places(pub)]
    methods = labels.list_separator.join(escape(m) for m in pub.methods)
    lines += [f"## 3 {labels.methods}", "", methods or labels.undated, ""]
    lines += [f"## 4 {labels.numbers}", "", *_numbers(pub)]
    lines += [f"## 5 {escape(pub.results_heading)}", ""]
    if pub.period_short:
        lines += [labels.held.format(period=pub.period_short), ""]
    for part in pub.parts:
        lines += _part(pub, part)
    lines += after
    if pub.draft:
        lines += [f"> **{labels.draft_banner}**", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
