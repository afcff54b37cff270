"""Recognising the columns of an opinion table by their header names, Japanese or English.

Fields: no, section, topic, count, class, opinion, response (and state, which is read past).
`--map field=HEADER` or `--map field=N` (1-based column number) overrides recognition.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from pctui.i18n import _, ngettext

MAX_HEADER = 40
FIELDS = ("no", "section", "topic", "count", "class", "opinion", "response")
IGNORED = ("state",)

_EXACT = {
    "no": {"no", "no.", "№", "#", "number", "番号", "通し番号", "意見番号", "項番", "整理番号"},
    "state": {"状態", "state", "status", "承認状況"},
    # 人数: how many people gave the opinion (千葉市's 市民意見の概要と市・区の考え方).
    "count": {"件数", "count", "opinions", "意見数", "同趣旨の意見数", "同趣旨意見数", "人数"},
    "class": {"class", "outcome", "区分", "対応区分", "反映区分", "対応状況", "反映状況", "対応"},
    "topic": {"topic", "subject", "項目", "論点", "テーマ", "見出し"},
    "section": {"section", "part", "分類", "章", "セクション", "意見の分類", "該当箇所", "対象"},
}
# Checked in this order: a response header often names the opinion too (ご意見に対する考え方).
_CONTAINS: list[tuple[str, Callable[[str], bool]]] = [
    ("count", lambda h: "件数" in h),
    ("class", lambda h: "区分" in h or "outcome" in h),
    (
        "response",
        lambda h: any(
            w in h for w in ("考え方", "回答", "対応", "検討結果", "response", "answer", "reply")
        ),
    ),
    ("opinion", lambda h: any(w in h for w in ("意見", "opinion", "comment"))),
]


def normal(header: str) -> str:
    """A header name as compared: NFKC, lower case, spaces removed."""
    return "".join(unicodedata.normalize("NFKC", header).lower().split())


def field_of(header: str) -> str | None:
    """The field a header name stands for, or None when it is not recognised.

    Header names are short labels: a long cell or a sentence is text, never a header.
    """
    name = normal(header)
    if not name or len(name) > MAX_HEADER or "。" in name:
        return None
    for field, names in _EXACT.items():
        if name in names:
            return field
    for field, test in _CONTAINS:
        if test(name):
            return field
    return None


class MapError(ValueError):
    """A --map entry that cannot be used; the message says which and why."""


def parse_map(entries: list[str], fields: tuple[str, ...] = FIELDS) -> dict[str, str]:
    """field -> header name or column number, from `--map` values like 'opinion=ご意見,no=1';
    `fields` are the names a table of this kind has (the intake's submissions have others)."""
    mapping: dict[str, str] = {}
    for entry in entries:
        for part in entry.split(","):
            if not part.strip():
                continue
            field, sep, target = part.partition("=")
            field = field.strip().lower()
            if not sep or not target.strip():
                message = _("--map '{entry}': write FIELD=HEADER or FIELD=COLUMN-NUMBER")
                raise MapError(message.format(entry=part))
            if field not in fields:
                message = _("--map '{entry}': unknown field '{field}' (fields: {fields})")
                raise MapError(message.format(entry=part, field=field, fields=", ".join(fields)))
            mapping[field] = target.strip()
    return mapping


def check_numbers(mapping: dict[str, str], widths: Iterable[int]) -> None:
    """MapError for a `--map FIELD=N` naming a column past the widest row of the table: read
    on, it matches nothing and the import would only say that no header row was found."""
    widest = max(widths, default=0)
    for field, target in mapping.items():
        if target.isdigit() and int(target) > widest:
            message = ngettext(
                "--map {field}={target}: the table has only {count} column",
                "--map {field}={target}: the table has only {count} columns",
                widest,
            )
            raise MapError(message.format(field=field, target=target, count=widest))


def mapped(cells: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """field -> 0-based column of each `--map` entry found in a header row: a column number
    in range, or the first header equal to the name as compared (see `normal`)."""
    found: dict[str, int] = {}
    for field, target in mapping.items():
        if target.isdigit():
            if 1 <= int(target) <= len(cells):
                found[field] = int(target) - 1
            continue
        for index, name in enumerate(cells):
            if normal(name) == normal(target):
                found[field] = index
                break
    return found


def recognise(cells: list[str], mapping: dict[str, str] | None = None) -> dict[str, int] | None:
    """field -> 0-based column for a header row, or None when it is not one.

    A header row names at least the opinion and the response columns (after `mapping`).
    """
    mapping = mapping or {}
    found = mapped(cells, mapping)
    taken = set(found.values())
    for index, name in enumerate(cells):
        if index in taken:
            continue
        known = field_of(name)
        if known is not None and known not in found and known not in mapping:
            found[known] = index
    # A bare 対応 column is an outcome class beside a 考え方 column, else the answer.
    bare = "class" in found and normal(cells[found["class"]]) == "対応"
    if bare and "response" not in found and "class" not in mapping:
        found["response"] = found.pop("class")
    if "opinion" not in found or "response" not in found:
        return None
    return {field: index for field, index in found.items() if field not in IGNORED}


def numbers_only(values: list[str]) -> bool:
    """Whether a column's filled cells are all numbers (and there is at least one): then it
    is a No. or 件数 column, never the opinion or the answer."""
    filled = [v for v in values if v.strip()]
    return bool(filled) and all(
        unicodedata.normalize("NFKC", v).strip().replace(",", "").rstrip(".件").isdigit()
        for v in filled
    )


def unused(found: dict[str, int], cells: list[str]) -> list[tuple[str, int]]:
    """(header name, 1-based column) of each named column no field was given: its cells are
    not imported, which the import says (a 区 column beside 章, say), with --map to read it."""
    taken = set(found.values())
    return [
        (name.strip(), index + 1)
        for index, name in enumerate(cells)
        if name.strip() and index not in taken and field_of(name) not in IGNORED
    ]


def chosen(found: dict[str, int], cells: list[str]) -> list[tuple[str, str, int]]:
    """(field, header name, 1-based column) of each recognised column, left to right: the
    mapping the import prints, so that a wrong guess is seen and fixed with --map."""
    return sorted(
        ((name, cells[index], index + 1) for name, index in found.items()), key=lambda c: c[2]
    )
