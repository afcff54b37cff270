"""Lines of the facts box offices print above a result, in the shapes their pages use.

Found on cities' and wards' result pages (see tests/importer/real/README.md, "Pages read"):
the submitters by method on one line ("(内訳)郵送 0人、FAX 1人、区ホームページ 17人"), the
opinions with the submitters after them ("提出された意見件数 63件(14人)"), a heading over
the facts that is no fact itself ("意見公募(パブリックコメント)の実施状況", "意見募集結果"),
and a title printed over two lines ("座間市都市マスタープラン(素案)" / "に対するパブリック
コメントへの回答").
"""

from __future__ import annotations

import re
import unicodedata

_BREAKDOWN = re.compile(r"^[(（]?内訳[)）]?[ \t\u3000:：]*(?P<rest>\S.*)$")
# "郵送(区報掲載のはがき等)89人", "FAX 1人": a method, its count, the unit.
_METHOD_COUNT = re.compile(
    r"^(?P<method>\S.*?)[ \t]*(?P<count>[0-9][0-9,]*)[ \t]*(?:人|名|者|通|件)$"
)
# "63件(14人)": the opinions, then the submitters in brackets.
_AFTER_COUNT = re.compile(
    r"^件[ \t]*[(（][ \t]*(?P<count>[0-9][0-9,]*)[ \t]*(?P<unit>人|名|者|団体)"
)
# A heading over the facts: it names the box, not one of its parts.
_OVERVIEW = re.compile(
    r"^[■□◆◇●○【\[]?[ \t\u3000]*(?:"
    r"(?:意見公募|意見募集|パブリック・?コメント)?"
    r"(?:[(（][^)）]{0,20}[)）])?の?(?:実施状況|実施概要|実施結果|結果|概要)"
    # or only the name, as "1.パブリックコメント" heads a ward's facts
    r"|(?:意見公募|意見募集|パブリック・?コメント)(?:[(（][^)）]{0,20}[)）])?"
    r")[】\]]?$"
)
# Facts of the page, not of the consultation: read, said, and left out.
_UNKEPT = re.compile(
    r"^(?P<label>ページ番号|ページID|最終更新日|更新日|検討結果公表日|結果公表日|公表日|掲載日"
    r"|担当課|担当部署|所管課|問い合わせ先|お問い合わせ先?)[ \t\u3000:：]"
)
# "・封書によるもの 1,649通": a method and how many came by it, in a bulleted list.
_BULLETED_METHOD = re.compile(
    r"^[・•\-*][ \t]*(?P<method>\S.*?)[ \t]+(?P<count>[0-9][0-9,]*)[ \t]*"
    r"(?P<unit>人|名|者|通|団体)$"
)
# "合 計 1,764通", "計 18人": the total under such a list.
_TOTAL_LINE = re.compile(
    r"^(?:合[ \t]*計|総[ \t]*計|計)[ \t:：]*(?P<count>[0-9][0-9,]*)[ \t]*(?:人|名|者|通|団体)?$"
)
# A link to the call for opinions above a result's title ("■意見募集要項■"): not the title.
_CALL_LINK = re.compile(
    r"^[■□◆◇【\[]?[ \t]*(?:意見募集|意見公募|実施)?(?:要項|要領)[ \t]*[■□◆◇】\]]?$"
)
# A sentence that gives the period: "平成14年10月29日から平成14年11月24日までの27日間、…
# 意見募集(パブリックコメント)を実施し".
_CONSULTED = re.compile(r"意見募集|意見公募|意見(?:を|の)募集|パブリック・?コメント")
# What follows a title broken before its particle: "に対するパブリックコメントへの回答".
_TITLE_TAIL = re.compile(r"^(?:に対する|に関する|についての|に係る|への)")


def methods_breakdown(line: str) -> dict[str, int] | None:
    """The submitters by method of a "(内訳)郵送 0人、FAX 1人…" line, in order; None when
    the line is not such a breakdown or one of its parts is not "method count"."""
    found = _BREAKDOWN.match(line.strip())
    if found is None:
        return None
    counts: dict[str, int] = {}
    for part in re.split(r"[、，,/／]", found["rest"]):
        method = _METHOD_COUNT.match(unicodedata.normalize("NFKC", part).strip())
        if method is None:
            return None
        counts[method["method"].strip()] = int(method["count"].replace(",", ""))
    return counts or None


def submitters_after_count(rest: str) -> tuple[int, str] | None:
    """(submitters, unit) of "件(14人)", the text after a count of opinions, or None."""
    found = _AFTER_COUNT.match(unicodedata.normalize("NFKC", rest).strip())
    if found is None:
        return None
    return int(found["count"].replace(",", "")), found["unit"]


def is_overview_heading(line: str) -> bool:
    """Whether `line` heads the facts box as a whole ("意見募集結果", "…の実施状況")."""
    return bool(_OVERVIEW.match(unicodedata.normalize("NFKC", line).strip()))


def unkept_fact(line: str) -> str | None:
    """The label of a page's fact pctui has no field for ("担当課 企画部企画政策課",
    "検討結果公表日 平成30年8月15日"), or None."""
    found = _UNKEPT.match(unicodedata.normalize("NFKC", line).strip())
    return found["label"] if found else None


def split_places(line: str) -> list[str]:
    """The places of a line that lists them with 、 ("区ホームページ、都市計画課(本庁舎6階)");
    a 、 inside brackets is part of its place."""
    places, depth, start = [], 0, 0
    for index, char in enumerate(line):
        if char in "(（「『【[":
            depth += 1
        elif char in ")）」』】]" and depth:
            depth -= 1
        elif char == "、" and not depth:
            places.append(line[start:index])
            start = index + 1
    places.append(line[start:])
    return [place.strip() for place in places if place.strip()]


def bulleted_method(line: str) -> tuple[str, int, str] | None:
    """(method, count, unit) of "・封書によるもの 1,649通", the method without "によるもの"."""
    found = _BULLETED_METHOD.match(unicodedata.normalize("NFKC", line).strip())
    if found is None:
        return None
    method = re.sub(r"(?:によるもの|による|での提出)$", "", found["method"].strip())
    return method or found["method"], int(found["count"].replace(",", "")), found["unit"]


def total_line(line: str) -> int | None:
    """The count of a "合 計 1,764通" line under a list by method, or None."""
    found = _TOTAL_LINE.match(unicodedata.normalize("NFKC", line).strip())
    return int(found["count"].replace(",", "")) if found else None


def is_call_link(line: str) -> bool:
    """Whether `line` is only a link to the call for opinions ("■意見募集要項■")."""
    return bool(_CALL_LINK.match(unicodedata.normalize("NFKC", line).strip()))


def names_consultation(line: str) -> bool:
    """Whether a sentence speaks of the consultation itself (意見募集, パブリックコメント)."""
    return bool(_CONSULTED.search(line))


# What closes a sentence in brackets: "（…次のとおりです。）".
_CLOSERS = "）)」』】] \t\u3000"
MIN_PROSE = 20  # a line broken out of a paragraph, without its 。: at least this long


def ends_sentence(line: str) -> bool:
    """Whether `line` ends a sentence (。, or a full stop after several English words):
    prose, never a title or a heading."""
    text = line.strip().rstrip(_CLOSERS)
    if text.endswith(("。", "．")):
        return True
    return text.endswith(".") and len(text.split()) >= 4


def is_prose(line: str) -> bool:
    """Whether `line` is prose, as results pages print a paragraph or two above the table
    (趣旨, 経緯, "お寄せいただいたご意見と市の考え方は次のとおりです。"): it ends a sentence,
    holds one (。), or is a long line of a paragraph broken before its 。 (、 inside)."""
    text = line.strip()
    if ends_sentence(text) or "。" in text:
        return True
    return len(text) >= MIN_PROSE and "、" in text


def continues_title(line: str) -> bool:
    """Whether `line` is the second line of a title broken before "に対する…"."""
    return bool(_TITLE_TAIL.match(line.strip()))
