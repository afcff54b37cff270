"""The submitted opinions' part of each format: a sixth section of the Markdown and HTML
pages, a sheet of the workbook, and a CSV file of its own (`<id>.submitted.csv`: one
table per CSV file, and the result's table keeps its columns for those who read it)."""

from __future__ import annotations

import csv
import io
from typing import Any

from pctui.base.long_cells import pieces
from pctui.publish.document import Publication
from pctui.publish.html import esc
from pctui.publish.markdown import cell, escape, paragraphs
from pctui.publish.submitted import words_for
from pctui.publish.table import defuse

SECTION = 6  # after 5, the opinions and the responses


def submitted_markdown(pub: Publication) -> list[str]:
    """The Markdown lines of the part ([] when the submitted opinions are not published)."""
    if pub.submitted is None:
        return []
    words = words_for(pub.language)
    lines = [f"## {SECTION} {escape(words.heading)}", "", escape(words.intro), ""]
    if not pub.submitted:
        lines += [pub.labels.none, ""]
    for block in pub.submitted:
        lines += [f"### {escape(words.item.format(number=block.number))}", ""]
        for each in block.texts:
            copies = words.copies.format(count=each.count) if each.count > 1 else ""
            lines.append(f"- {cell(each.text)}{escape(copies)}")
        lines.append("")
    return lines


def submitted_html(pub: Publication) -> list[str]:
    """The HTML lines of the part ([] when the submitted opinions are not published)."""
    if pub.submitted is None:
        return []
    words = words_for(pub.language)
    out = [
        f'<section aria-labelledby="h{SECTION}" class="submitted">',
        f'<h2 id="h{SECTION}">{SECTION} {esc(words.heading)}</h2>',
        f"<p>{esc(words.intro)}</p>",
    ]
    if not pub.submitted:
        out.append(f"<p>{esc(pub.labels.none)}</p>")
    for block in pub.submitted:
        out += [f"<h3>{esc(words.item.format(number=block.number))}</h3>", "<ul>"]
        for each in block.texts:
            text = "".join(
                "<p>" + "<br>".join(esc(line) for line in p.split("\n")) + "</p>"
                for p in paragraphs(each.text)
            )
            copies = words.copies.format(count=each.count) if each.count > 1 else ""
            out.append(f"<li>{text}{f'<p>{esc(copies)}</p>' if copies else ''}</li>")
        out.append("</ul>")
    return [*out, "</section>"]


def _header(pub: Publication) -> list[str]:
    labels = pub.labels
    return [labels.no, labels.section, labels.count, words_for(pub.language).text_column]


def _records(pub: Publication) -> list[list[str | int]]:
    return [
        [block.number, block.section, each.count, each.text]
        for block in pub.submitted or []
        for each in block.texts
    ]


def submitted_csv(pub: Publication) -> bytes:
    """`<id>.submitted.csv`: No., section, how many sent it, the text; as the result's CSV
    (UTF-8 with BOM, CRLF, formulas defused)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([defuse(name) for name in _header(pub)])
    for record in _records(pub):
        writer.writerow([defuse(value) for value in record])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def add_submitted_sheet(workbook: Any, pub: Publication, wrap: Any) -> None:
    """The workbook's sheet of submitted opinions (none when they are not published); a
    text longer than a cell holds continues in the rows below, never cut."""
    if pub.submitted is None:
        return
    words = words_for(pub.language)
    sheet = workbook.create_sheet(words.sheet[:31])
    sheet.append(_header(pub))
    for record in _records(pub):
        text = str(record[3])
        for n, piece in enumerate(pieces(text)):
            if n == 0:
                sheet.append([*record[:3], piece])
            else:
                sheet.append([pub.labels.continued.format(no=record[0]), None, None, piece])
    for row in sheet.iter_rows():
        for each in row:
            each.alignment = wrap
            if isinstance(each.value, str):
                each.data_type = "s"
    for column, width in zip("ABCD", (10, 24, 8, 80), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
