"""Choosing a standard phrase for one item, as the editor's picker does: each phrase filled
in for the item, the phrases written for its class first, and a forgiving search over the
phrase's id and filled text. Pure: the phrases come from `pctui.storage.phrases`."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from pctui.model.phrases import Phrase, class_label, fill
from pctui.model.records import Consultation, Item


class Fit(IntEnum):
    """How a phrase's classes fit the item's class; the lower, the earlier it is listed."""

    CLASS = 0  # written for the item's class
    ANY = 1  # written for any class (no `classes`), or the item has no class yet
    OTHER = 2  # written for other classes only: `validate` would warn of it here


@dataclass(frozen=True)
class Choice:
    """One phrase as the picker offers it for an item: `filled` is what would be inserted."""

    phrase: Phrase
    filled: str
    fit: Fit


def fit_of(phrase: Phrase, label: str) -> Fit:
    """How `phrase` fits an item whose class is labelled `label` ("" for none)."""
    if not phrase.classes or not label:
        return Fit.ANY
    return Fit.CLASS if label in phrase.classes else Fit.OTHER


def choices_for(phrases: Iterable[Phrase], consultation: Consultation, item: Item) -> list[Choice]:
    """Every phrase filled in for `item`: its class's phrases first, then those for any
    class, then those for other classes; in file order within each."""
    label = class_label(consultation, item)
    found = [Choice(phrase, fill(phrase, consultation, item), fit_of(phrase, label))
             for phrase in phrases]  # fmt: skip
    return sorted(found, key=lambda choice: choice.fit)  # sorted() is stable: file order kept


def _folded(text: str) -> str:
    # NFKC: full-width ＡＢＣ and half-width ｶﾅ match what the keyboard typed; casefold: case.
    return unicodedata.normalize("NFKC", text).casefold()


def term_score(term: str, text: str) -> int | None:
    """How well `text` matches one search `term` (both folded), None when it does not: the
    term's characters must all appear in `text` in order. A run of them side by side scores
    more than scattered ones, and the whole term as it was typed scores most, earlier better."""
    if not term:
        return 0
    at = text.find(term)
    if at >= 0:
        return 1000 + 10 * len(term) - min(at, 99)
    score, place, previous = 0, 0, -2
    for char in term:
        place = text.find(char, place)
        if place < 0:
            return None
        score += 3 if place == previous + 1 else 1
        previous = place
        place += 1
    return score


def match_score(query: str, choice: Choice) -> int | None:
    """How well `choice` matches `query`: each space-separated word must match its id or
    its filled text (the better counts); None when one does not."""
    fields = (_folded(choice.phrase.id), _folded(choice.filled))
    total = 0
    for term in _folded(query).split():
        scores = [score for field in fields if (score := term_score(term, field)) is not None]
        if not scores:
            return None
        total += max(scores)
    return total


def search(choices: Sequence[Choice], query: str) -> list[Choice]:
    """The choices matching `query`, best first (ties keep the class-first order); all of
    them, in their order, for an empty query."""
    scored = [(score, index, choice) for index, choice in enumerate(choices)
              if (score := match_score(query, choice)) is not None]  # fmt: skip
    return [choice for _, _, choice in sorted(scored, key=lambda found: (-found[0], found[1]))]
