"""The numbered-list layout of a result: each opinion a numbered paragraph whose parts are
labelled, instead of a table.

    1. 意見の概要：歩道を広げてほしい。
       市の考え方：次期計画で検討します。
    2 [お寄せいただいた意見]
    …
    [市の検討結果と理由]
    …

A label is a column header name (see `columns`) marked as a label: in brackets (【】 [] 〔〕
<> （）), after ■ or ◆, or followed by a colon. A sentence that merely begins with the word
意見 is not a label.
"""

from __future__ import annotations

import re
import unicodedata

from pctui.importer.columns import field_of

_LABEL = re.compile(
    r"(?P<open>[【\[［〔<＜(（■◆●○])?[ \t\u3000]*"
    r"(?P<label>[^ \t\u3000：:【】\[\]［］〔〕<>＜＞()（）。、]{1,24})[ \t\u3000]*"
    r"(?P<close>[】\]］〕>＞)）])?[ \t\u3000]*(?P<colon>[：:])?[ \t\u3000]*"
)
_PAIRS = {"【": "】", "[": "]", "［": "］", "〔": "〕", "<": ">", "＜": "＞", "(": ")", "（": "）"}
_ITEM = re.compile(
    r"^(?:No\.?|NO\.?|№)?[ \t\u3000]*(?P<no>[0-9０-９]{1,4})[ \t\u3000]*[.．)）、]?[ \t\u3000]*"
    r"(?P<rest>\S.*)$"
)
_INLINE = re.compile(r"[ \t\u3000]+|(?<=。)")


def label_at(text: str) -> tuple[str, str] | None:
    """(field, the text after the label) when `text` opens with a marked opinion or response
    label, else None."""
    found = _LABEL.match(text)
    if found is None:
        return None
    opened, closed, colon = found["open"], found["close"], found["colon"]
    if opened in _PAIRS:
        marked = closed == _PAIRS[opened]
    elif opened:  # ■ ◆ ● ○: a mark before the label, no closing bracket
        marked = not closed
    else:
        marked = bool(colon) and not closed
    if not marked:
        return None
    field = field_of(unicodedata.normalize("NFKC", found["label"]))
    if field not in ("opinion", "response"):
        return None
    return field, text[found.end() :].strip()


def label_word(text: str) -> str:
    """The label `text` opens with as printed ("お寄せいただいた意見" of "[お寄せいただいた意見]
    …"), to head its column when published; "" when it opens with no label."""
    if label_at(text) is None:
        return ""
    found = _LABEL.match(text)
    return found["label"].strip() if found else ""


def item_label(line: str) -> str:
    """The opinion label of a line opening a numbered item ("2 [お寄せいただいた意見]")."""
    found = _ITEM.match(line)
    return label_word(found["rest"]) if found else ""


def item_start(line: str) -> tuple[int, str, str] | None:
    """(No., opinion text, response text) of a line opening a numbered item with an opinion
    label; a response label later on the same line splits the two."""
    found = _ITEM.match(line)
    if found is None:
        return None
    labelled = label_at(found["rest"])
    if labelled is None or labelled[0] != "opinion":
        return None
    no = int(unicodedata.normalize("NFKC", found["no"]))
    opinion = labelled[1]
    for gap in _INLINE.finditer(opinion):
        response = label_at(opinion[gap.end() :])
        if gap.end() > 0 and response is not None and response[0] == "response":
            return no, opinion[: gap.start()].strip(), response[1]
    return no, opinion, ""
