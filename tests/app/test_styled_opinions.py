"""The opinion list is built as a plain string and spans (`Styled`) without Rich's scan for
control codes; it must be the very Text that appending each piece to a Rich Text makes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text

from pctui.app.render.opinion_list import OPINION_SHOWN, SHOWN_OPINIONS, opinion_list
from pctui.app.render.styled import Styled, as_text
from pctui.app.render.texts import inert_text
from pctui.base.inert import inert
from pctui.i18n import _, format_datetime, ngettext
from pctui.model import Consultation, Item, Opinion, Summary
from pctui.model.zones import consultation_zone, in_zone
from pctui.storage import ConsultationFile

AT = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
HOSTILE = "削除\x1b[31m赤\x07\r\x08\x0b\x0c\u202e逆\u200b\ttab"


def _as_rich_builds_it(consultation: Consultation, item: Item) -> Text:
    """The list appended piece by piece to a Rich Text (how it was built before)."""
    shown = Text()
    summary = item.summary
    if summary is not None:
        when = format_datetime(in_zone(summary.at, consultation_zone(consultation)))
        heading = _("summary · by {author} {when}").format(author=inert(summary.author), when=when)
        shown.append(heading + "\n", style="bold")
        shown.append_text(inert_text(summary.text, limit=OPINION_SHOWN))
        shown.append("\n\n")
    for index, opinion in enumerate(item.opinions[:SHOWN_OPINIONS]):
        if index:
            shown.append("\n")
        shown.append(inert(opinion.label), style="bold")
        shown.append("　")
        shown.append_text(inert_text(opinion.text, limit=OPINION_SHOWN))
        count = ngettext("({count} opinion)", "({count} opinions)", opinion.count)
        shown.append(" " + count.format(count=opinion.count), style="dim")
    left = len(item.opinions) - SHOWN_OPINIONS
    if left > 0:
        more = ngettext(
            "… {count} more opinion not listed here",
            "… {count} more opinions not listed here",
            left,
        )
        shown.append("\n" + more.format(count=left), style="dim italic")
    return shown


def _item(opinions: int, summary: bool) -> Item:
    item = Item(7, "1", "")
    texts = ["駐輪場を増やしてほしい。", HOSTILE, "長" * (OPINION_SHOWN + 5), "", "一\n\n二"]
    item.opinions = [
        Opinion(f"Ⅱ-{n}" if n % 3 else f"\x1b{n}", texts[n % len(texts)], 1 + n % 4)
        for n in range(opinions)
    ]
    if summary:
        item.summaries.append(Summary("ta\x1bnaka", AT, "概要" + HOSTILE))
    return item


def test_the_styled_list_is_the_text_rich_would_build(sample_path: Path) -> None:
    consultation = ConsultationFile.load(sample_path).consultation
    for opinions, summary in [(2, False), (7, True), (SHOWN_OPINIONS + 3, True)]:
        item = _item(opinions, summary)
        styled = opinion_list(consultation, item)
        assert isinstance(styled, Styled)
        reference = _as_rich_builds_it(consultation, item)
        built = as_text(styled)
        assert len(styled) == len(styled.plain) == len(reference)
        assert built.plain == styled.plain == reference.plain
        assert built.spans == styled.spans == reference.spans
