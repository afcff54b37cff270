"""The published result as one self-contained, accessible HTML page a website can post as is.

No script, no external style sheet, font or image: one file. Tables have captions and
header cells with `scope`; the page declares its language; print CSS repeats table headers
on each page and keeps a row together. Every text is escaped; an opinion's or a response's
spaces are kept as typed (`white-space: pre-wrap`: a citizen's indented lines and tables
keep their layout, and long lines still wrap).

Citizens read the result on phones, so the page never scrolls sideways (down to the 320 CSS
px of WCAG's Reflow criterion): long URLs and words wrap, each opinion table stacks its rows
under 40em (every cell then shows its column's name, taken from `data-label`), and the
numbers tables, whose columns cannot shrink, scroll inside a focusable region. The opinion
tables carry explicit ARIA table roles because some browsers drop a table's meaning for
screen readers once its cells are laid out as blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape as _escape

from pctui.publish.document import Part, Publication, Row
from pctui.publish.markdown import paragraphs

STYLE = """\
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: "BIZ UDPGothic", "Hiragino Sans", "Yu Gothic", "Noto Sans JP", sans-serif;
  line-height: 1.7; color: #1a1a1a; background: #fff; margin: 0 auto; padding: 1rem 1.5rem;
  max-width: 64rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.4; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border: 1px solid #555; padding: 0.4rem 0.6rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
.table-scroll { overflow-x: auto; margin: 0.5rem 0 1.5rem; }
.table-scroll:focus-visible { outline: 3px solid #0645ad; outline-offset: 2px; }
table.numbers { width: auto; min-width: 50%; margin: 0; overflow-wrap: normal; }
table.numbers th[scope="col"] { white-space: nowrap; }
table.numbers td { text-align: right; }
table.opinions { table-layout: fixed; }
col.no { width: 3.5rem; }
col.count { width: 3.5rem; }
col.state { width: 6.5rem; }
table.opinions th[scope="row"] { text-align: right; white-space: nowrap; width: 3.5rem; }
td p { margin: 0 0 0.6em; white-space: pre-wrap; }
td p:last-child { margin-bottom: 0; }
p.topic { font-weight: bold; }
ul.places { list-style: none; padding-left: 0; }
ul.places span.mark { display: inline-block; min-width: 1.5em; }
.draft-banner { border: 3px solid #a00; color: #a00; background: #fff4f4; padding: 0.75rem 1rem;
  font-weight: bold; }
.draft-mark { display: none; }
a { color: #0645ad; }
@media screen and (max-width: 40em) {
  body { padding: 0.75rem 1rem; }
  table.opinions, table.opinions tbody, table.opinions tr, table.opinions th,
  table.opinions td { display: block; width: auto; }
  table.opinions thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.opinions tr { border: 1px solid #555; margin-bottom: 1rem; }
  table.opinions th, table.opinions td { border: 0; }
  table.opinions td { border-top: 1px solid #bbb; }
  table.opinions th[scope="row"] { text-align: left; background: #e8e8e8; width: auto; }
  table.opinions th[scope="row"]::before { content: attr(data-label) " ";
    content: attr(data-label) " " / ""; }
  table.opinions td::before { content: attr(data-label); content: attr(data-label) / "";
    display: block; font-weight: bold; margin-bottom: 0.25rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .table-scroll { overflow: visible; }
  @page { size: A4; margin: 15mm; }
  thead { display: table-header-group; }
  tr, caption, h2, h3 { break-inside: avoid; break-after: avoid-page; }
  tr { break-after: auto; }
  .draft-mark { display: block; position: fixed; top: 0; right: 0; color: #a00;
    font-weight: bold; border: 2px solid #a00; padding: 0.1rem 0.4rem; }
}
"""


def esc(text: str) -> str:
    """`text` escaped for HTML element content and attribute values."""
    return _escape(text, quote=True)


def _text_block(text: str) -> str:
    return "".join(
        "<p>" + "<br>".join(esc(line) for line in p.split("\n")) + "</p>" for p in paragraphs(text)
    )


def _link(url: str) -> str:
    if re.fullmatch(r"https?://[^\s<>\"']+", url):
        return f'<a href="{esc(url)}">{esc(url)}</a>'
    return esc(url)


def _opinion(row: Row, language: str) -> str:
    topic = ""
    if row.topic:
        mark = f"【{row.topic}】" if language != "en" else f"[{row.topic}]"
        topic = f'<p class="topic">{esc(mark)}</p>'
    return topic + _text_block(row.opinion)


def _part(pub: Publication, part: Part) -> list[str]:
    labels = pub.labels
    title = f"{part.number} {part.title}"
    out = [
        f'<section aria-labelledby="part-{part.number}">',
        f'<h3 id="part-{part.number}">{esc(title)}</h3>',
    ]
    if not part.rows:
        return [*out, f"<p>{esc(labels.none)}</p>", "</section>"]
    # The seed's three columns; outcome classes are counted in 4 (4) and listed in CSV/XLSX.
    columns = [labels.no, pub.opinion_heading, pub.response_heading]
    counted = pub.counts_shown  # 件数 after the opinion, when some row counts more than 1
    if counted:
        columns.insert(2, labels.count)
    if pub.draft:
        columns.append(labels.state)
    out.append('<table class="opinions" role="table">')
    # The heading above names the table for sighted readers; the caption is for screen readers.
    out.append(f'<caption class="visually-hidden">{esc(title)}</caption>')
    kept = ["no", "opinion", *(["count"] if counted else []), "response"]
    kept += ["state"] if pub.draft else []
    out.append("<colgroup>" + "".join(f'<col class="{k}">' for k in kept) + "</colgroup>")
    out.append(
        '<thead role="rowgroup"><tr role="row">'
        + "".join(f'<th scope="col" role="columnheader">{esc(c)}</th>' for c in columns)
        + "</tr></thead>"
    )
    out.append('<tbody role="rowgroup">')
    # data-label: the column's name, shown above each text when a phone stacks the row.
    labels_of = [f' data-label="{esc(c)}"' for c in columns]
    for row in part.rows:
        own = [_opinion(row, pub.language)] + ([str(row.count)] if counted else [])
        shared = [_text_block(row.response)] + ([esc(row.state)] if pub.draft else [])
        cells = [f'<th scope="row" role="rowheader"{labels_of[0]}>{esc(row.number)}</th>']
        cells += [
            f'<td role="cell"{label}>{text}</td>'
            for label, text in zip(labels_of[1:], own, strict=False)
        ]
        # Listed layout: the answer (and the state) once, spanning the item's opinions.
        span = f' rowspan="{row.span}"' if row.span > 1 else ""
        if row.span:
            cells += [
                f'<td role="cell"{label}{span}>{text}</td>'
                for label, text in zip(labels_of[1 + len(own) :], shared, strict=True)
            ]
        out.append('<tr role="row">' + "".join(cells) + "</tr>")
    return [*out, "</tbody>", "</table>", "</section>"]


def _places(pub: Publication) -> list[str]:
    out: list[str] = []
    for places in pub.place_lists:
        out.append(f"<h3>({places.number}) {esc(places.title)}</h3>")
        if places.marked:
            out.append('<ul class="places">')
            out += [
                f'<li><span class="mark" aria-hidden="true">{mark or "•"}</span> {esc(place)}</li>'
                for mark, place in places.marked
            ]
            out.append("</ul>")
        shown = [_link(places.url)] if places.url else [esc(place) for place in places.named]
        out += [f"<p>{line}</p>" for line in shown]
    return out or [f"<p>{esc(pub.labels.undated)}</p>"]


def _method_table(pub: Publication, number: int) -> list[str]:
    """The part "(number) 意見の受付方法別内訳": its heading and its table."""
    labels = pub.labels
    out = [
        f'<h3 id="by-method">({number}) {esc(labels.by_method)}</h3>',
        _scroll_region("by-method"),
        '<table class="numbers">',
        f'<caption class="visually-hidden">{esc(labels.by_method)}</caption>',
    ]
    header = [labels.method, *(m for m, _ in pub.submitters), labels.total]
    out.append(
        "<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in header) + "</tr></thead>"
    )
    counts = "".join(f"<td>{n}</td>" for _, n in pub.submitters)
    letters = ""
    if pub.submissions:  # tallied from the registry: 通 above 人
        cells = "".join(f"<td>{n}</td>" for _, n in pub.submissions)
        letters = (
            f'<tr><th scope="row">{esc(labels.submission_count)}</th>{cells}'
            f"<td>{pub.submission_total}</td></tr>"
        )
    out.append(
        f'<tbody>{letters}<tr><th scope="row">{esc(labels.submitter_count)}</th>{counts}'
        f"<td>{pub.method_total}</td></tr></tbody>"
    )
    out.append("</table></div>")
    if pub.distinct_total:
        out.append(f"<p>{esc(labels.distinct_total)}</p>")
    return out


def _numbers(pub: Publication) -> list[str]:
    labels = pub.labels
    part = iter(range(1, 5))  # the parts numbered as printed: (2) may be left out
    out = [
        f"<h3>({next(part)}) {esc(labels.submitters)}</h3>",
        f"<p>{pub.submitter_total} {esc(pub.submitter_unit)}</p>",
    ]
    if pub.method_table:
        out += _method_table(pub, next(part))
    out += [
        f"<h3>({next(part)}) {esc(labels.opinion_total)}</h3>",
        f"<p>{pub.opinion_total}{esc(labels.opinions_unit)}</p>",
    ]
    if pub.classes:
        out += [
            f'<h3 id="by-class">({next(part)}) {esc(labels.by_class)}</h3>',
            _scroll_region("by-class"),
            '<table class="numbers">',
            f'<caption class="visually-hidden">{esc(labels.by_class)}</caption>',
            f'<thead><tr><th scope="col">{esc(labels.klass)}</th>'
            f'<th scope="col">{esc(labels.opinion_count)}</th></tr></thead>',
            "<tbody>",
        ]
        for label, n in pub.classes:
            out.append(f'<tr><th scope="row">{esc(label)}</th><td>{n}</td></tr>')
        out += ["</tbody>", "</table></div>"]
    return out


def _scroll_region(heading: str) -> str:
    # A table wider than a phone scrolls inside this region instead of widening the page; the
    # region takes the keyboard focus so that it can be scrolled without a pointer (WCAG 2.1.1).
    return f'<div class="table-scroll" role="region" aria-labelledby="{heading}" tabindex="0">'


def _section(number: int, title: str, body: list[str]) -> list[str]:
    return [
        f'<section aria-labelledby="h{number}">',
        f'<h2 id="h{number}">{number} {esc(title)}</h2>',
        *body,
        "</section>",
    ]


def to_html(pub: Publication, after: Sequence[str] = ()) -> str:
    """The whole result as one HTML5 page (LF line ends, one trailing newline); `after`:
    the lines of parts that follow the results (the submitted opinions)."""
    labels = pub.labels
    mark = labels.draft_mark if pub.draft else ""
    methods = labels.list_separator.join(pub.methods) or labels.undated
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(pub.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="pctui">',
        f"<title>{esc(mark + pub.heading)}</title>",
        "<style>",
        STYLE + "</style>",
        "</head>",
        '<body class="draft">' if pub.draft else "<body>",
    ]
    if pub.draft:
        out.append(f'<div class="draft-mark" aria-hidden="true">{esc(labels.draft_mark)}</div>')
    out += ["<main>", f"<h1>{esc(mark + pub.heading)}</h1>"]
    if pub.draft:
        out.append(f'<p class="draft-banner" role="note">{esc(labels.draft_banner)}</p>')
    out += _section(1, labels.period, [f"<p>{esc(pub.period or labels.undated)}</p>"])
    out += _section(2, labels.places, _places(pub))
    out += _section(3, labels.methods, [f"<p>{esc(methods)}</p>"])
    out += _section(4, labels.numbers, _numbers(pub))
    results: list[str] = []
    if pub.period_short:
        results.append(f"<p>{esc(labels.held.format(period=pub.period_short))}</p>")
    for part in pub.parts:
        results += _part(pub, part)
    out += _section(5, pub.results_heading, results)
    out += after
    if pub.draft:
        out.append(f'<p class="draft-banner" role="note">{esc(labels.draft_banner)}</p>')
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
