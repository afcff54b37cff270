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
    r"(?:の?(?:実施)?結果(?:について|の公表(?:について)?|を公表します|のお知らせ|をお知らせします)?"
    r"|への回答|に対する回答)$"
)
_BRACKETED = re.compile(r"^「([^「」]+)」$")
_THANKS_SUFFIX = re.compile(
    r"[ \t\u3000:：]*(?:寄せられた(?:ご)?意見と.{1,12}の考え方"
    r"|opinions received and the response of .+)$",
    re.IGNORECASE,
)
# A body that names itself without its name: 市, 本市, 当町, 各区 …
_GENERIC_BODY = re.compile(r"^(?:本|当|同|各|我が|わが)?[市町村区県都道府国庁]$|^市町村$")
_OFFICE = re.compile(r"^([^\s、。・,，]{1,12}?[都道府県市町村])(?:役所|役場|庁)")
MAX_BODY = 30


def clean_title(text: str) -> str:
    """The consultation's subject in a result's title line:
    "〇〇計画（案）に対する意見募集の結果について 寄せられたご意見と本市の考え方"
    → "〇〇計画（案）"; a title that is nothing but such words is kept as it is.
    """
    text = text.strip()
    subject = _THANKS_SUFFIX.sub("", text).strip() or text
    shorter = _RESULTS_SUFFIX.sub("", subject).strip()
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
