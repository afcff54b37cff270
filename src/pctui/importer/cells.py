"""Turning a published table cell back into the text it came from.

Cells come as the seed prints them (`<p>…</p> <p>…</p>`), as pctui's Markdown writes them
(paragraphs joined by `<br><br>`, specials escaped), or as plain text. Paragraphs become
text separated by a blank line, as the consultation format keeps them.
"""

from __future__ import annotations

import html
import re
import unicodedata

from pctui.base.labels import EN, JA

_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.IGNORECASE | re.DOTALL)
# A line break of the source (with its indentation) is layout of the source, not of the
# text; spaces right after a <br> are the text's own (a citizen's table, an indent).
_SOURCE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_BREAKS = re.compile(r"(?:\s*<br\s*/?>){2,}\n?", re.IGNORECASE)
_BREAK = re.compile(r"\s*<br\s*/?>\n?", re.IGNORECASE)
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_TOPIC_JA = re.compile(r"^【([^】\n]{1,60})】[ \t\u3000]*\n?")
_TOPIC_EN = re.compile(r"^\[([^\]\n]{1,60})\][ \t]*\n")
_HTML_HINT = re.compile(r"<(?:p|br)\b|&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
UNSPACED = re.compile(r"[ \t\u3000]{2,}")


def cell_number(text: str) -> int | None:
    """The whole number a cell holds (full-width digits and a trailing full stop allowed)."""
    digits = unicodedata.normalize("NFKC", text).strip().rstrip(".")
    return int(digits) if digits.isdigit() else None


def one_line(text: str) -> str:
    """A short cell (a No., a 該当箇所, a count) on one line: the lines it was broken into
    joined again, with a space only between two Latin letters or digits ("第3章\n基本的方針D"
    → "第3章基本的方針D")."""
    joined = ""
    for line in text.split("\n"):
        line = line.strip(" \t\u3000")
        if joined and line and joined[-1].isascii() and line[0].isascii():
            joined += " "
        joined += line
    return joined


def continued(before: str, more: str, sentence_ends: tuple[str, ...]) -> str:
    """A cell continued on the next page: a new paragraph after a sentence end (one of
    `sentence_ends`), else the same paragraph."""
    if not more:
        return before
    if not before:
        return more
    return before + ("\n\n" if before.rstrip().endswith(sentence_ends) else "") + more


def unescape_markdown(text: str) -> str:
    """`text` with Markdown backslash escapes removed (one left-to-right pass)."""
    return _MD_ESCAPE.sub(lambda m: m.group(1), text)


def _paragraph(raw: str) -> str:
    text = _SOURCE_BREAK.sub("\n", raw.strip(" \t\n"))
    text = _BREAKS.sub("\n\n", text)
    text = _BREAK.sub("\n", text)
    lines = [line.rstrip(" \t\u3000") for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def cell_text(raw: str, markdown: bool = False) -> str:
    """The text of one table cell: paragraphs separated by blank lines, entities decoded.

    `markdown` says the cell comes from a Markdown pipe table, whose backslash escapes are
    removed too. Plain cells without any <p>, <br> or entity are taken as they are.
    """
    if markdown:
        raw = unescape_markdown(raw)
    if not markdown and not _HTML_HINT.search(raw):
        return raw.strip(" \t\u3000")
    found = _PARAGRAPH.findall(raw)
    chunks = found if found else [raw]
    paragraphs = [_paragraph(chunk) for chunk in chunks]
    text = "\n\n".join(p for p in paragraphs if p)
    return html.unescape(text)


def split_topic(text: str) -> tuple[str | None, str]:
    """(topic, rest) when `text` opens with the seed's 【topic】 label (or an English
    [topic] on a line of its own), else (None, text)."""
    match = _TOPIC_JA.match(text) or _TOPIC_EN.match(text)
    if not match:
        return None, text
    return match.group(1).strip(), text[match.end() :].lstrip(" \t\u3000\n")


def split_pipe_row(line: str) -> list[str]:
    """The cells of a Markdown pipe-table row; `\\|` stays inside its cell (still escaped)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, index = [], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current.append(body[index : index + 2])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current).strip())
    return cells


def _reference_pattern(template: str) -> re.Pattern[str]:
    before, after = template.split("{label}")
    return re.compile(re.escape(before) + r"(?P<label>\S{1,20}?)" + re.escape(after))


# What pctui's Markdown writes in place of an answer given in a row above (the listed layout
# of format 2): 「（No.1と同じ）」, "(as for No. 1)". It is read as "the answer of No.1".
_REFERENCES = tuple(_reference_pattern(labels.same_answer) for labels in (JA, EN))


def referred_label(text: str) -> str | None:
    """The label an answer cell refers to (`（No.1と同じ）` → "1"), None when it is an answer."""
    for pattern in _REFERENCES:
        found = pattern.fullmatch(text.strip())
        if found is not None:
            return found["label"]
    return None
