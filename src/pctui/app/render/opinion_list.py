"""A format-2 item's opinions as the item pane lists them: its summary (意見の概要) first
when staff wrote one, then every opinion with its label and count, one after another, in
the pane that scrolls. A format-1 item, or a format-2 item holding a single opinion and no
summary, is drawn as before (`detail` shows its one text): this module is asked only
about items with more to show."""

from __future__ import annotations

from pctui.app.render.styled import Styled
from pctui.app.render.texts import NOT_SHOWN_STYLE, not_shown_line
from pctui.base.inert import inert
from pctui.i18n import _, format_datetime, ngettext
from pctui.model.records import Consultation, Item
from pctui.model.zones import consultation_zone, in_zone

SHOWN_OPINIONS = 500  # opinions listed at once; the rest are counted (the file keeps all)
OPINION_SHOWN = 4_000  # characters of one opinion listed


def listed(consultation: Consultation, item: Item) -> bool:
    """True when the pane lists `item`'s opinions rather than showing one text."""
    return consultation.format >= 2 and (len(item.opinions) > 1 or item.summary is not None)


def counted(item: Item) -> str:
    """ "26 opinions, 31 in all" (26件の意見、31件): how many opinions the item lists and
    how many they stand for."""
    listed_ = ngettext("{listed} opinion", "{listed} opinions", len(item.opinions))
    total = _("{total} in all").format(total=item.count)
    return _("{listed}, {total}").format(
        listed=listed_.format(listed=len(item.opinions)), total=total
    )


def _append_inert(shown: Styled, text: str) -> None:
    """`text` made inert, as `texts.inert_text(text, limit=OPINION_SHOWN)` shows it."""
    if len(text) <= OPINION_SHOWN:
        shown.append(inert(text))
        return
    shown.append(inert(text[:OPINION_SHOWN]))
    shown.append(not_shown_line(len(text) - OPINION_SHOWN, len(text)), style=NOT_SHOWN_STYLE)


def opinion_list(consultation: Consultation, item: Item) -> Styled:
    """The summary, if any, then each opinion: its label in bold, its text, its count.
    Kept as a plain string and spans (`Styled`): an item may list hundreds of opinions, of
    which the pane shows a screenful, made into Rich Text chunk by chunk."""
    shown = Styled()
    summary = item.summary
    if summary is not None:
        when = format_datetime(in_zone(summary.at, consultation_zone(consultation)))
        heading = _("summary · by {author} {when}").format(author=inert(summary.author), when=when)
        shown.append(heading + "\n", style="bold")
        _append_inert(shown, summary.text)
        shown.append("\n\n")
    for index, opinion in enumerate(item.opinions[:SHOWN_OPINIONS]):
        if index:
            shown.append("\n")
        shown.append(inert(opinion.label), style="bold")
        shown.append("　")
        _append_inert(shown, opinion.text)
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
