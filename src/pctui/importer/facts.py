"""Cleaning the facts a source states so that they read well once published again.

A title is the subject of the consultation (the publisher adds "寄せられたご意見と本市の考え方"
itself), an organization is a body's full name (never the bare 市 or 町 of "町の考え方"), and
an id is a slug even when the output file has a Japanese name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

# What a results page adds after the subject: "…に対する意見募集の結果について",
# "…へのパブリックコメント（意見公募）の実施結果", "…に対するパブリックコメントへの回答".
_RESULTS_SUFFIX = re.compile(
    r"[ \t\u3000]*(?:に対する|に関する|についての|に係る|に係わる|への|における|の)?[ \t\u3000]*"
    r"(?:市民|町民|村民|県民|区民|都民|府民|道民|住民)?"
    r"(?:意見(?:募集|公募|提出手続|提出|聴取)|パブリック・?コメント|パブコメ)"
    r"(?:手続き?|制度)?(?:[（(][^）)]{0,30}[）)])?"
    r"(?:の?(?:実施|集計)?結果(?:と対応)?"
    r"(?:について|の公表(?:について)?|を公表します|のお知らせ|をお知らせします)?"
    r"|への回答|に対する回答)$"
)
# What a table of answers adds after the subject: "…に対する主な御意見（パブリックコメント）
# 及びそれに対する考え方", "…に対するご意見の概要と市の考え方", "…への意見及び回答", "…に対する
# 区民意見及び区の考え方について".
_ANSWERS_SUFFIX = re.compile(
    r"[ \t\u3000]*(?:に対する|に関する|についての|に係る|への)[ \t\u3000]*"
    r"(?:主な|提出された|寄せられた|いただいた|頂いた)?(?:市民|区民|県民|町民|村民|都民|府民|道民|住民)?"
    r"(?:御|ご)?意見(?:の(?:概要|要旨))?"
    r"(?:[（(][^）)]{0,30}[）)])?[ \t\u3000]*(?:及び|および|並びに|と)[ \t\u3000]*"
    r"(?:それに対する|これに対する|意見に対する)?[ \t\u3000]*(?:[^ \t\u3000、。]{1,12}?の)?"
    r"(?:考え方|回答)(?:について)?$"
)
# What a ward's results page adds: "…に関する結果公表", "…に関する意見等公表(パブリックコメント)".
_PUBLISHED_SUFFIX = re.compile(
    r"[ \t\u3000]*(?:に対する|に関する|についての|に係る|の)[ \t\u3000]*"
    r"(?:(?:御|ご)?意見等?の?)?(?:結果|検討結果)?の?公表"
    r"(?:[（(][^）)]{0,30}[）)])?(?:について)?$"
)
_BRACKETED = re.compile(r"^「([^「」]+)」$")
_THANKS_SUFFIX = re.compile(
    r"[ \t\u3000:：]*(?:寄せられた(?:ご)?意見と.{0,14}(?:考え方|回答)"
    r"|opinions received and the (?:response|answer)(?: of .+)?)$",
    re.IGNORECASE,
)
# A body that names itself without its name: 市, 本市, 当町, 各区 …
_GENERIC_BODY = re.compile(
    r"^(?:本|当|同|各|我が|わが)?[市町村区県都道府国庁](?:[・、][市町村区県都道府国庁])*$|^市町村$"
)  # "市・区の考え方" (千葉市) names two generic bodies
_OFFICE = re.compile(r"^([^\s、。・,，]{1,12}?[都道府県市町村])(?:役所|役場|庁)")
MAX_BODY = 30


_DIGITS = "0-9０-９"
_HYPHENS = "\\-‐－―ー−"
# A case or document number printed before the title on its line ("2014-005 品川区…", "第12号
# …", "資料3 …", "【別紙1】…", "案件番号 495 …"): an office's filing number, not the subject.
# Only these shapes, and only with the title after them: "第2次総合計画", "2025年度…",
# "2040ビジョン" and a bare "2030 …" keep their numbers, which are words of the title.
_CASE_NUMBER = re.compile(
    rf"^(?P<number>"
    rf"[{_DIGITS}]+(?:[{_HYPHENS}][{_DIGITS}]+)+"
    rf"|第[{_DIGITS}一二三四五六七八九十百]+号"
    rf"|(?:案件番号|整理番号|受付番号|番号|[NnＮｎ][OoＯｏ][.．]?)[ \t\u3000:：]*"
    rf"[{_DIGITS}]+(?:[{_HYPHENS}][{_DIGITS}]+)*"
    rf"|(?:別紙|別添|資料|参考資料)[ \t\u3000]*[{_DIGITS}]+(?:[{_HYPHENS}][{_DIGITS}]+)?"
    rf")[ \t\u3000]+(?P<title>\S.*)$"
)
_BRACKETED_NUMBER = re.compile(
    rf"^[【\[［]\s*(?P<number>(?:別紙|別添|資料|参考資料|案件番号|No\.?)?[ \t\u3000:：]*"
    rf"[{_DIGITS}]+(?:[{_HYPHENS}][{_DIGITS}]+)*)\s*[】\]］][ \t\u3000]*(?P<title>\S.*)$"
)


def case_number(text: str) -> tuple[str, str] | None:
    """(number, the rest) when `text` starts with a case or document number before its
    title ("2014-005 品川区…" → ("2014-005", "品川区…")), else None."""
    stripped = text.strip()
    found = _CASE_NUMBER.match(stripped) or _BRACKETED_NUMBER.match(stripped)
    if found is None or not re.search(r"[^\s0-9０-９]", found["title"]):
        return None
    if _years_span(found["number"]):
        return None
    return found["number"], found["title"].strip()


def _years_span(number: str) -> bool:
    """True for "2024-2028" (also full-width): the years a plan covers, words of its title
    ("2024-2028 〇〇市総合計画"), where a filing number's serial is no later year
    ("2014-005")."""
    parts = re.split(f"[{_HYPHENS}]", unicodedata.normalize("NFKC", number))
    return (
        len(parts) == 2
        and all(len(part) == 4 and part.isascii() and part.isdigit() for part in parts)
        and 1900 <= int(parts[0]) < int(parts[1]) <= 2099
    )


def clean_title(text: str) -> str:
    """The consultation's subject in a result's title line:
    "〇〇計画（案）に対する意見募集の結果について 寄せられたご意見と本市の考え方"
    → "〇〇計画（案）", "〇〇計画（素案）に対する主な御意見（パブリックコメント）及びそれに
    対する考え方" → "〇〇計画（素案）"; a title that is nothing but such words is kept.
    """
    text = text.strip()
    numbered = case_number(text)
    if numbered is not None:
        text = numbered[1]
    subject = _THANKS_SUFFIX.sub("", text).strip() or text
    subject = _ANSWERS_SUFFIX.sub("", subject).strip() or subject
    shorter = _RESULTS_SUFFIX.sub("", subject).strip()
    shorter = _PUBLISHED_SUFFIX.sub("", shorter).strip() or shorter
    if shorter:
        subject = shorter
    bracketed = _BRACKETED.match(subject)
    return bracketed.group(1).strip() if bracketed else subject


def body_name(text: str) -> str:
    """`text` as an organization's name, or "" when it is only a generic 市/町/本市 …"""
    name = text.strip()
    if not name or len(name) > MAX_BODY:
        return ""
    if _GENERIC_BODY.match(unicodedata.normalize("NFKC", name)):
        return ""
    return name


def office_body(place: str) -> str:
    """The body named by an office in a place line ("〇〇町役場総務課" → "〇〇町"), or ""."""
    found = _OFFICE.match(place.strip())
    return body_name(found.group(1)) if found else ""


SLUG_CHARS = re.compile(r"[^a-z0-9._-]+")


def slug(text: str) -> str:
    """`text` (an ASCII file name) as a consultation id: a-z, 0-9, '-', '_', '.'; "" if none."""
    return SLUG_CHARS.sub("-", text.lower()).strip("-._")


def derive_id(stem: str, opened: dt.date | None) -> tuple[str, bool]:
    """(id, derived) for an output file named `stem`.

    An ASCII name is the id (`2026-road.toml` → "2026-road", derived False). Any other name
    (`自転車計画.toml`) cannot be spelled in a-z without guessing a reading, so the id is the
    opening date and a short digest of the name ("2026-04-01-3fa2c1"; "pc-3fa2c1" undated):
    stable for one name, different for two names, and derived True so the caller says so.
    """
    name = unicodedata.normalize("NFKC", stem)
    if name.isascii() and slug(name):
        return slug(name), False
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:6]
    prefix = opened.isoformat() if opened is not None else "pc"
    return f"{prefix}-{digest}", True


# "※パブリックコメント意見提出総数 ３５者４８件", "提出者 12人（意見 30件）", "107人から138件の
# ご意見が寄せられました" (a ward's page, in a sentence): the totals a
# result prints above a table of the main opinions, more than the rows it lists.
_TOTALS = re.compile(
    r"(?P<submitters>[0-9][0-9,]*)[ \t]*(?P<unit>者|人|名|通|団体)[ \t]*[、,（(：:]?[ \t]*"
    r"(?:(?:の方)?から[ \t]*)?"  # "107人から138件のご意見", "18人の方から42件"
    r"(?:意見(?:数|件数)?[ \t]*[：:]?[ \t]*)?(?P<opinions>[0-9][0-9,]*)[ \t]*件"
)
# "資料３", "【別紙２】", "参考資料1-2": the number a document carries above its title.
_DOCUMENT_NUMBER = re.compile(
    r"^[【\[（(]?(?:別紙|別添|資料|参考資料|参考|様式)[ \t]*[0-9一二三四五六七八九十]*"
    r"(?:[-－‐ー][0-9]+)?[】\]）)]?$"
)
# An outcome group's heading: "Ⅰ．当該意見を踏まえて内容を修正するもの", "II. その他".
_GROUP = re.compile(
    r"^(?P<label>[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|(?:X|IX|IV|V?I{1,3}|V)(?=[.．]))"
    r"[ \t\u3000]*[.．、]?[ \t\u3000]*(?P<title>\S.{0,59})$"
)


def published_totals(line: str) -> tuple[int, int] | None:
    """(submitters, opinions) of a "○者○件" or "○人○件" total in `line`, or None."""
    found = _TOTALS.search(unicodedata.normalize("NFKC", line))
    if found is None:
        return None
    return (
        int(found["submitters"].replace(",", "")),
        int(found["opinions"].replace(",", "")),
    )


def published_unit(line: str) -> str | None:
    """The unit the submitters of a "○者○件" total in `line` are counted in (者, 人, 名,
    通, 団体), kept so that the published result prints "33 者" as the source did."""
    found = _TOTALS.search(unicodedata.normalize("NFKC", line))
    return None if found is None else found["unit"]


def is_document_number(line: str) -> bool:
    """Whether `line` is only a document's number ("資料３") and not its title."""
    return bool(_DOCUMENT_NUMBER.match(unicodedata.normalize("NFKC", line).strip()))


def group_heading(line: str) -> tuple[str, str] | None:
    """(label, title) of an outcome group's heading such as "Ⅰ．当該意見を踏まえて…", or None.
    A heading is short and ends no sentence."""
    text = line.strip()
    if len(text) > 60 or text.endswith("。"):
        return None
    found = _GROUP.match(text)
    if found is None:
        return None
    return found["label"], found["title"].strip()


# A numbered heading of a part of the draft: "1 計画全般について", "（2）施策の展開", "⑶ 推進体制".
_NUMBERED = re.compile(
    r"^(?:(?P<label>[0-9０-９]{1,2})[ \t\u3000.．、]+"
    r"|(?P<bracketed>[(（][0-9０-９]{1,2}[)）]|[\u2474-\u2487]|[\u2460-\u2473])[ \t\u3000]*)"
    r"(?P<title>[^0-9０-９ \t\u3000.．、].{0,39})$"
)
# Words of a result's header parts, which are facts and not groups of opinions.
_PART_WORDS = ("期間", "公表", "受付", "提出", "意見数", "件数", "考え方", "概要", "方法")


def numbered_heading(line: str) -> tuple[str, str] | None:
    """(label, title) of a short numbered heading such as "1 計画全般について" or
    "（2）施策の展開" that groups opinions, or None (a sentence, or a header part such as
    "1 意見の募集期間")."""
    text = line.strip()
    if len(text) > 40 or text.endswith(("。", ".")):
        return None
    found = _NUMBERED.match(text)
    if found is None or any(word in found["title"] for word in _PART_WORDS):
        return None
    bracketed = found["bracketed"]
    if bracketed and _CIRCLED_DIGIT.match(bracketed):
        return bracketed, found["title"].strip()  # ① as printed: NFKC would make it "1"
    label = unicodedata.normalize("NFKC", found["label"] or bracketed).replace(" ", "")
    return label, found["title"].strip()


_CIRCLED_DIGIT = re.compile(r"^[\u2460-\u2473]$")


def kept_label(label: str) -> str:
    """The label a section keeps from its numbered heading: a bracketed one as printed
    ("(1)" of "(1) 施策の展開", "（１）…", "⑶ …"), like a group's Ⅰ; none from a plain "1 …",
    whose number is the section's place, which publishing prints again ("1 1 …" otherwise)."""
    return label if label.startswith("(") or _CIRCLED_DIGIT.match(label) else ""


def bracketed_heading(line: str) -> tuple[str, str] | None:
    """(label, title) of a heading numbered in brackets, "(1) 施策の展開", else None."""
    heading = numbered_heading(line)
    return heading if heading is not None and kept_label(heading[0]) else None
