"""Standard phrases (定型句) and the rules that keep answers consistent with their class.

An office keeps its phrases in `phrases.toml` (read by `pctui.storage.phrases`); here, with
no I/O: a phrase filled in for an item, which answers use which phrase, where an answer's
wording contradicts its class, and which items carry the identical answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property

from pctui.base.lazy_pattern import lazy_compile
from pctui.base.record_class import record
from pctui.model.records import Consultation, Item

PLACEHOLDER = lazy_compile(r"\{([a-z_]+)\}")
# What a placeholder is filled with, for the picker's list and the format documentation.
PLACEHOLDERS = ("no", "section", "topic", "label", "class")


_set = object.__setattr__  # how a frozen record's __init__ sets its fields


@record(frozen=True)
class Phrase:
    """One standard phrase: its id, its text with placeholders, the class labels it is
    written for (empty: any class)."""

    id: str
    text: str
    classes: tuple[str, ...] = ()

    def __init__(self, id: str, text: str, classes: tuple[str, ...] = ()) -> None:
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "classes", classes)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """What an answer using this phrase contains: its fixed words in order, anything
        where a placeholder stands."""
        fixed = PLACEHOLDER.split(self.text)[::2]  # split keeps the names at odd places
        parts = [re.escape(part.strip()) for part in fixed if part.strip()]
        return re.compile(".+?".join(parts), re.S)


def class_label(consultation: Consultation, item: Item) -> str:
    """The label of `item`'s class ("反映"), "" when it has none."""
    if item.klass is None:
        return ""
    for known in consultation.review.classes:
        if known.id == item.klass:
            return known.label
    return item.klass


def fill(phrase: Phrase, consultation: Consultation, item: Item) -> str:
    """`phrase`'s text for `item`: {no}, {section} (its title), {topic}, {label} (its
    opinions' labels) and {class} filled in; any other placeholder is left as written."""
    section = consultation.section(item.section)
    values = {
        "no": str(item.no),
        "section": section.title if section is not None else item.section,
        "topic": item.topic or "",
        "label": "、".join(opinion.label for opinion in item.opinions),
        "class": class_label(consultation, item),
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), phrase.text)


def uses(phrase: Phrase, answer: str) -> bool:
    """True when `answer` contains `phrase` (whatever fills its placeholders)."""
    return bool(answer) and phrase.pattern.search(answer) is not None


def usage(phrases: Sequence[Phrase], consultation: Consultation) -> dict[str, list[int]]:
    """For each phrase id, the items whose current answer uses it, in file order."""
    found: dict[str, list[int]] = {phrase.id: [] for phrase in phrases}
    for item in consultation.items:
        answer = item.current.text if item.current else ""
        for phrase in phrases:
            if uses(phrase, answer):
                found[phrase.id].append(item.no)
    return found


# The built-in rule set: wording that contradicts a class, keyed on the class's label. A
# 反映 answer says the draft changes; one that says it stays as drafted contradicts it, and
# the other way round. Offices name classes differently: each label is listed as used.
CHANGED = ("反映", "反映済み", "一部反映", "修正", "修正する", "追記")
UNCHANGED = ("その他", "参考", "今後の参考", "対象外", "反映しない", "原案どおり", "原案のとおり")
SAYS_UNCHANGED = ("原案のとおり", "原案どおり", "原案通り", "修正は行いません", "修正しません")
SAYS_CHANGED = ("修正しました", "修正いたしました", "反映しました", "反映いたしました",
                "追記しました", "追記いたしました", "改めました")  # fmt: skip
CONTRADICTIONS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(CHANGED, SAYS_UNCHANGED),
    **dict.fromkeys(UNCHANGED, SAYS_CHANGED),
}


@record(frozen=True)
class Contradiction:
    """An answer whose words do not fit its class: `words` the wording (a built-in rule's
    words, or the text of a phrase written for other classes), `phrase` that phrase's id
    ("" for a built-in rule)."""

    no: int
    label: str
    words: str
    phrase: str = ""

    def __init__(self, no: int, label: str, words: str, phrase: str = "") -> None:
        _set(self, "no", no)
        _set(self, "label", label)
        _set(self, "words", words)
        _set(self, "phrase", phrase)


def contradictions(
    consultation: Consultation, phrases: Iterable[Phrase] = ()
) -> list[Contradiction]:
    """Every item whose current answer says what its class denies: a built-in rule of
    CONTRADICTIONS, or a phrase whose `classes` leave out the item's class."""
    phrases = list(phrases)
    found: list[Contradiction] = []
    # Each class's label looked up once, not once per item (as class_label does).
    labels = {known.id: known.label for known in reversed(consultation.review.classes)}
    for item in consultation.items:
        if item.klass is None or not item.revisions:
            continue
        label = labels.get(item.klass, item.klass)
        answer = item.revisions[-1].text
        if not label or not answer:
            continue
        for words in CONTRADICTIONS.get(label, ()):
            if words in answer:
                found.append(Contradiction(item.no, label, words))
                break
        for phrase in phrases:
            if phrase.classes and label not in phrase.classes and uses(phrase, answer):
                found.append(Contradiction(item.no, label, phrase.text, phrase.id))
    return found


def identical_answers(consultation: Consultation) -> list[list[int]]:
    """Groups (two items or more, in file order) whose current answers are the same text:
    candidates for one item with several opinions (format 2)."""
    by_text: dict[str, list[int]] = {}
    for item in consultation.items:
        if item.revisions:  # the current answer, stripped once (`current` cost a call)
            answer = item.revisions[-1].text.strip()
            if answer:
                by_text.setdefault(answer, []).append(item.no)
    return [numbers for numbers in by_text.values() if len(numbers) > 1]
