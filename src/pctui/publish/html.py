"""The published result as one self-contained, accessible HTML page a website can post as is.

No script, no external style sheet, font or image: one file. Tables have captions and
header cells with `scope`; the page declares its language; print CSS repeats table headers
on each page and keeps a row together. Every text is escaped; an opinion's or a response's
spaces are kept as typed (`white-space: pre-wrap`: a citizen's indented lines and tables
keep their layout, and long lines still wrap).
"""

from __future__ import annotations

import re
from html import escape as _escape

from pctui.publish.document import Part, Publication, Row
from pctui.publish.markdown import KANA_MARKS, paragraphs

STYLE = """\
:root { color-scheme: light; }
body { font-family: "BIZ UDPGothic", "Hiragino Sans", "Yu Gothic", "Noto Sans JP", sans-serif;
  line-height: 1.7; color: #1a1a1a; background: #fff; margin: 0 auto; padding: 1rem 1.5rem;
  max-width: 64rem; }
h1 { font-size: 1.5rem; line-height: 1.4; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border: 1px solid #555; padding: 0.4rem 0.6rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
table.numbers { width: auto; min-width: 50%; }
table.numbers td { text-align: right; }
table.opinions { table-layout: fixed; }
col.no { width: 3.5rem; }
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
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
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
    if pub.draft:
        columns.append(labels.state)
    out.append('<table class="opinions">')
    # The heading above names the table for sighted readers; the caption is for screen readers.
    out.append(f'<caption class="visually-hidden">{esc(title)}</caption>')
    kept = ["no", "opinion", "response"] + (["state"] if pub.draft else [])
    out.append("<colgroup>" + "".join(f'<col class="{k}">' for k in kept) + "</colgroup>")
    out.append(
        "<thead><tr>" + "".join(f'<th scope="col">{esc(c)}</th>' for c in columns) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in part.rows:
        cells = [
            f'<th scope="row">{row.no}</th>',
            f"<td>{_opinion(row, pub.language)}</td>",
            f"<td>{_text_block(row.response)}</td>",
        ]
        if pub.draft:
            cells.append(f"<td>{esc(row.state)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return [*out, "</tbody>", "</table>", "</section>"]


def _places(pub: Publication) -> list[str]:
    labels = pub.labels
    out: list[str] = []
    number = 0
    if pub.places:
        number += 1
        out.append(f"<h3>({number}) {esc(labels.places_offices.format(office=pub.office))}</h3>")
        out.append('<ul class="places">')
        for index, place in enumerate(pub.places):
            mark = KANA_MARKS[index] if pub.language != "en" and index < len(KANA_MARKS) else "•"
            out.append(f'<li><span class="mark" aria-hidden="true">{mark}</span> {esc(place)}</li>')
        out.append("</ul>")
    if pub.url or pub.web_places:
        number += 1
        org = pub.organization or pub.self_name
        out.append(f"<h3>({number}) {esc(labels.places_web.format(org=org))}</h3>")
        shown = [_link(pub.url)] if pub.url else [esc(place) for place in pub.web_places]
        out += [f"<p>{line}</p>" for line in shown]
    return out or [f"<p>{esc(labels.undated)}</p>"]


def _numbers(pub: Publication) -> list[str]:
    labels = pub.labels
    out = [
        f"<h3>(1) {esc(labels.submitters)}</h3>",
        f"<p>{pub.submitter_total} {esc(pub.submitter_unit)}</p>",
        f"<h3>(2) {esc(labels.by_method)}</h3>",
        '<table class="numbers">',
        f'<caption class="visually-hidden">{esc(labels.by_method)}</caption>',
    ]
    header = [labels.method, *(m for m, _ in pub.submitters), labels.total]
    out.append(
        "<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in header) + "</tr></thead>"
    )
    counts = "".join(f"<td>{n}</td>" for _, n in pub.submitters)
    out.append(
        f'<tbody><tr><th scope="row">{esc(labels.submitter_count)}</th>{counts}'
        f"<td>{pub.submitter_total}</td></tr></tbody>"
    )
    out.append("</table>")
    out += [
        f"<h3>(3) {esc(labels.opinion_total)}</h3>",
        f"<p>{pub.opinion_total}{esc(labels.opinions_unit)}</p>",
    ]
    if pub.classes:
        out += [
            f"<h3>(4) {esc(labels.by_class)}</h3>",
            '<table class="numbers">',
            f'<caption class="visually-hidden">{esc(labels.by_class)}</caption>',
            f'<thead><tr><th scope="col">{esc(labels.klass)}</th>'
            f'<th scope="col">{esc(labels.opinion_count)}</th></tr></thead>',
            "<tbody>",
        ]
        for label, n in pub.classes:
            out.append(f'<tr><th scope="row">{esc(label)}</th><td>{n}</td></tr>')
        out += ["</tbody>", "</table>"]
    return out


def _section(number: int, title: str, body: list[str]) -> list[str]:
    return [
        f'<section aria-labelledby="h{number}">',
        f'<h2 id="h{number}">{number} {esc(title)}</h2>',
        *body,
        "</section>",
    ]


def to_html(pub: Publication) -> str:
    """The whole result as one HTML5 page (LF line ends, one trailing newline)."""
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
    if pub.draft:
        out.append(f'<p class="draft-banner" role="note">{esc(labels.draft_banner)}</p>')
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
