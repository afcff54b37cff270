"""The standard phrases the editor's picker offers for one item, or what to tell the
reviewer when there are none: read afresh from the office's `phrases.toml` each time the
picker opens, so a phrase added meanwhile is there."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pctui.base.problems import LoadError
from pctui.i18n import _, ngettext
from pctui.model.phrase_picking import Choice, choices_for
from pctui.model.records import Consultation
from pctui.storage.phrases import find_phrases, load_phrases, phrase_places


@dataclass(frozen=True)
class PhraseBook:
    """The choices for item `no`, or (`problem`) why there is nothing to choose from."""

    no: int = 0
    choices: list[Choice] = field(default_factory=list)
    problem: str = ""


def phrase_book(path: Path, consultation: Consultation, no: int) -> PhraseBook:
    """The phrases for item `no` of `consultation` (the file at `path`), filled in for it,
    its class's first; or a problem naming where a phrases.toml would be read, or the first
    thing wrong with the one found."""
    found = find_phrases(path)
    if found is None:
        places = _(" or ").join(str(place) for place in phrase_places(path))
        where = _("No standard phrases: put a phrases.toml at {places} (docs/format.md says how).")
        return PhraseBook(no, problem=where.format(places=places))
    try:
        phrases = load_phrases(found)
    except LoadError as error:
        count = len(error.problems)
        more = ngettext("{problem} ({count} problem)", "{problem} ({count} problems)", count)
        return PhraseBook(no, problem=more.format(problem=error.problems[0], count=count))
    item = consultation.item(no)
    if item is None:  # the item went from the file meanwhile
        return PhraseBook(no, problem=_("No.{no} is no longer in the file.").format(no=no))
    if not phrases:
        return PhraseBook(no, problem=_("{path} holds no phrases.").format(path=found))
    return PhraseBook(no, choices_for(phrases, consultation, item))
