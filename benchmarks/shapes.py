"""File shapes the benchmark generates besides the standard one (issue 19).

A figure measured on one shape of file can hide what another shape costs: `validate` and
`status` pay per item, revision and sign-off, `tomllib.loads` (their reference) pays mostly per
character, so short texts with many small tables are the hard case and 5,000-character answers
the easy one. Each shape sets how long the texts are, how many revisions and sign-offs an item
has (stale ones on earlier revisions, withdrawn ones on the current one), how many sections
there are and how the items' states are mixed. Every generated file is valid: `pctui validate`
finds nothing in it.

The `grouped` shape is a format-2 file (`benchmarks.grouped`): its size is a number of
opinions, grouped into items of one to a few hundred opinions each, with summaries and
sign-offs bound to them (their basis). The others are format-1 files, one opinion per item.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from benchmarks import vocabulary as v
from pctui.model.records import APPROVE, REJECT, Item, Revision, Signoff

DRAFTERS = ("tanaka", "yamada")
STANDARD = "standard"  # benchmarks.generate's own shape, unchanged since issue 6


@dataclass(frozen=True)
class Shape:
    """How the items of a generated file look."""

    name: str
    what: str
    text: tuple[int, int]  # characters of an opinion and of a first response, low to high
    revisions: tuple[int, int]  # per item
    signoffs: tuple[int, int]  # per item, stale and withdrawn ones included
    sections: int
    states: dict[str, int]  # weights of draft, in-review, changes-requested, approved
    # Lengths are drawn as low + (high - low) * u ** skew: above 1, most texts are short and
    # a few long, as in real results (and 10,000 items of 5,000 characters would be 300 MB).
    skew: float = 1.0
    # Opinions per item, low to high: above one, a format-2 file whose size counts opinions.
    opinions: tuple[int, int] = (1, 1)

    @property
    def grouped(self) -> bool:
        """Whether items hold several opinions (format 2)."""
        return self.opinions[1] > 1


SHAPES = {
    shape.name: shape
    for shape in (
        Shape(
            "short",
            "short texts, 3 revisions, up to 3 sign-offs, every item in review (issue 19's file)",
            text=(30, 160),
            revisions=(3, 3),
            signoffs=(1, 3),
            sections=7,
            states={"in-review": 1},
        ),
        Shape(
            "busy",
            "short to middling texts, 5 revisions, 4 to 6 sign-offs (stale, withdrawn), "
            "50 sections",
            text=(40, 400),
            revisions=(5, 5),
            signoffs=(4, 6),
            sections=50,
            states={"draft": 10, "in-review": 40, "changes-requested": 10, "approved": 40},
        ),
        Shape(
            "long",
            "texts of 100 to 5,000 characters (most under 1,500), 1 to 2 revisions, 0 to 3 "
            "sign-offs, 3 sections",
            text=(100, 5000),
            revisions=(1, 2),
            signoffs=(0, 3),
            sections=3,
            states={"draft": 30, "in-review": 30, "changes-requested": 10, "approved": 30},
            skew=3.0,
        ),
        Shape(
            "bare",
            "one short revision, no sign-off, one section: a consultation just imported",
            text=(20, 200),
            revisions=(1, 1),
            signoffs=(0, 0),
            sections=1,
            states={"draft": 1},
        ),
        Shape(
            "grouped",
            "format 2: opinions of 30 to 300 characters grouped into items of 1 to 300 "
            "(a quarter answer one), summaries, 1 to 3 revisions, 0 to 4 sign-offs bound to "
            "their basis; the size counts opinions",
            text=(30, 300),
            revisions=(1, 3),
            signoffs=(0, 4),
            sections=5,
            states={"draft": 20, "in-review": 40, "changes-requested": 10, "approved": 30},
            skew=2.0,
            opinions=(1, 300),
        ),
    )
}


def sized_text(rng: random.Random, low: int, high: int, skew: float = 1.0) -> str:
    """A Japanese text of `low` to `high` characters, in paragraphs, ending with a full stop."""
    length = low + round((high - low) * rng.random() ** skew)
    paragraphs: list[str] = []
    size = 0
    while size < length:
        subject = rng.choice(v.SUBJECTS)
        sentences = [rng.choice(v.MEASURES).format(s=subject), rng.choice(v.OUTCOMES)]
        if rng.random() < 0.5:
            sentences.insert(0, rng.choice(v.CONCERNS).format(s=subject))
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = "\n\n".join(paragraphs)[:length].rstrip()
    return text if text.endswith("。") else text + "。"


def _revise(rng: random.Random, text: str) -> str:
    # A different text each time (the model refuses a revision that changes nothing).
    before, after = rng.choice(v.REWORDINGS)
    if before in text and rng.random() < 0.7:
        return text.replace(before, after, 1)
    return text + rng.choice(v.ADDITIONS)


def not_answered_before(text: str, no: int, answered: set[str]) -> str:
    """`text`, or it with a closing sentence added, so that no two items carry the same
    answer: `pctui validate` warns of identical answers (they belong in one format-2 item),
    and the generated file must validate without a finding. No random draw, so every
    other item stays as the seed makes it."""
    candidate, step = text, 0
    while candidate in answered:
        extra = v.ADDITIONS[(no + step) % len(v.ADDITIONS)]
        candidate = text + extra if step < len(v.ADDITIONS) else f"{text}（No.{no}）"
        step += 1
    answered.add(candidate)
    return candidate


def item(
    rng: random.Random,
    shape: Shape,
    no: int,
    section: str,
    start: dt.datetime,
    answered: set[str] | None = None,
) -> Item:
    """Item `no` of a file of `shape`: valid, with every sign-off's standing what it says."""
    opinion = sized_text(rng, *shape.text, shape.skew)
    when = start + dt.timedelta(minutes=7 * no)
    texts = [sized_text(rng, *shape.text, shape.skew)]
    for _ in range(rng.randint(*shape.revisions) - 1):
        texts.append(_revise(rng, texts[-1]))
    texts[-1] = not_answered_before(texts[-1], no, set() if answered is None else answered)
    first = rng.randrange(2)
    made = Item(no=no, section=section, opinion=opinion, count=1)
    for index, text in enumerate(texts):
        author = DRAFTERS[(first + index) % 2]
        made.revisions.append(Revision(author, when + dt.timedelta(days=2 * index), text))
    state = rng.choices(list(shape.states), weights=list(shape.states.values()))[0]
    current = _current_signoffs(rng, made, state)
    wanted = rng.randint(*shape.signoffs)
    stale = min(max(wanted - len(current), 0), 2 * (len(texts) - 1))
    if len(current) > wanted:
        current = current[:wanted]  # fewer than the state asked for: an earlier state
    for revision in range(len(texts) - 1, 0, -1):
        if stale <= 0:
            break
        target = made.revisions[revision - 1]
        _add(made, revision, "担当", _other(target.author), APPROVE)
        stale -= 1
        if stale > 0:
            _add(made, revision, "係長", "suzuki", APPROVE)
            stale -= 1
    # Stale ones first in file order (older revisions), then the current revision's.
    made.signoffs.sort(key=lambda s: s.revision)
    for stage, by, verdict, withdrawn in current:
        _add(made, len(texts), stage, by, verdict, withdrawn)
    return made


def _other(drafter: str) -> str:
    return DRAFTERS[1 - DRAFTERS.index(drafter)]


def _current_signoffs(
    rng: random.Random, made: Item, state: str
) -> list[tuple[str, str, str, bool]]:
    """The current revision's sign-offs (stage, login, verdict, withdrawn) for `state`."""
    if state == "draft":
        return []
    chain = [("担当", _other(made.revisions[-1].author), APPROVE, False)]
    if rng.random() < 0.4:
        chain.append(("係長", "suzuki", APPROVE, True))  # taken back, then given again below
    if state == "changes-requested":
        return [*chain, ("係長", "kimura", REJECT, False)]
    chief = rng.choice(("suzuki", "kimura"))
    if state == "in-review":
        return chain + ([("係長", chief, APPROVE, False)] if rng.random() < 0.5 else [])
    head = "sato" if chief == "kimura" else rng.choice(("sato", "kimura"))
    return [*chain, ("係長", chief, APPROVE, False), ("課長", head, APPROVE, False)]


def _add(
    made: Item, revision: int, stage: str, by: str, verdict: str, withdrawn: bool = False
) -> None:
    target = made.revisions[revision - 1]
    at = target.at + dt.timedelta(hours=1 + len(made.signoffs))
    made.signoffs.append(
        Signoff(
            stage=stage,
            by=by,
            at=at,
            revision=revision,
            digest=target.digest,
            verdict=verdict,
            withdrawn=at + dt.timedelta(minutes=30) if withdrawn else None,
        )
    )
