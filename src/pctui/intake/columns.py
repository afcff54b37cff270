"""The columns of a submissions table, matched by their header names (Japanese or
English, compared as the importer compares them: NFKC, lower case, no spaces); `--map
field=HEADER` or `field=N` (1-based) overrides the match."""

from __future__ import annotations

from pctui.importer.columns import MAX_HEADER, MapError, mapped, normal
from pctui.importer.columns import parse_map as parse_field_map
from pctui.intake.fields import FIELDS

__all__ = ["FIELDS", "MapError", "field_of", "parse_map", "recognise"]

_NAMES = {
    "number": {"受付番号", "受付no", "受付no.", "番号", "整理番号", "no", "no.", "id", "number",
               "submissionid", "referencenumber"},
    "received": {"受付日時", "受付日", "提出日", "提出日時", "日時", "receivedat", "received",
                 "date", "submitted", "submittedat"},
    "method": {"提出方法", "受付方法", "方法", "提出手段", "method", "channel"},
    "name": {"氏名", "名前", "お名前", "氏名又は名称", "氏名・団体名", "団体名", "name",
             "fullname"},
    "address": {"住所", "所在地", "ご住所", "address"},
    "email": {"電子メール", "電子メールアドレス", "メールアドレス", "メール", "email",
              "e-mail", "mail", "emailaddress"},
    "phone": {"電話番号", "電話", "連絡先電話番号", "tel", "tel.", "phone", "telephone"},
    "opinion": {"意見", "ご意見", "意見内容", "ご意見の内容", "意見の内容", "opinion",
                "comment", "comments", "text", "submission"},
}  # fmt: skip


def parse_map(entries: list[str]) -> dict[str, str]:
    """field -> header name or column number, from `--map` values like 'opinion=本文,name=3'."""
    return parse_field_map(entries, FIELDS)


def field_of(header: str, *, exact: bool = False) -> str | None:
    """The field a header names, or None (a long cell is text, never a header). Without
    `exact`, a header holding 意見, opinion or comment (意見の要旨) names the opinion."""
    name = normal(header)
    if not name or len(name) > MAX_HEADER:
        return None
    for field, names in _NAMES.items():
        if name in names:
            return field
    if not exact and ("意見" in name or "opinion" in name or "comment" in name):
        return "opinion"
    return None


def recognise(cells: list[str], mapping: dict[str, str]) -> dict[str, int] | None:
    """field -> 0-based column for a header row, or None when it names no opinion column.
    A header named exactly (意見) wins over one that only holds the word (意見ID before it,
    an export's id column, would otherwise have been read as the opinions)."""
    found = mapped(cells, mapping)
    taken = set(found.values())
    for exact in (True, False):
        for index, name in enumerate(cells):
            known = field_of(name, exact=exact)
            if index not in taken and known is not None and known not in found:
                found[known] = index
                taken.add(index)
    return found if "opinion" in found else None
