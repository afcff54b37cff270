"""Items' opinion texts that follow the registry (no I/O of the consultation file).

A group accepted or attached as an item's opinion puts its representative's public
(redacted) text into the consultation file. That copy must stay what the registry says is
public: when a reviewer later undoes a redaction (the words are public again) or keeps one
that was undone, or a rescan finds personal data the import missed, the registry's public
text changes, and the file's copy would publish a false marker or, worse, the personal data.

`disagreements` finds each item opinion whose text is not what the registry says now:

- a **copy**: the text is the representative's public text as it was under another set of
  redactions (the same text with some of its redactions standing and others not). It
  becomes the registry's public text.
- an **edit** (staff rewrote the text after accepting it) that still holds the words of a
  redaction that stands: those words become the marker. Any other edit is staff's text and
  is left alone (a marker an edit kept where the words are now public hides nothing).

`follow` applies them to a consultation in memory. A changed opinion text changes the
item's basis, so its sign-offs go stale by the format's rules (docs/format.md).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from pctui.intake.member_lists import resolved
from pctui.intake.records import Redaction, RedactionStatus
from pctui.intake.redact import MARKER, public_text
from pctui.intake.registry import Registry
from pctui.model.records import Consultation

SUBSETS = 10
"""Redactions of one opinion up to which every older public form of it is recognised as a
copy (2**10 forms); with more, a text that is not today's public text is read as an edit."""

COPY = "copy"
EDIT = "edit"


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Item `no`'s opinion `label` (the `index`-th), whose text `old` becomes `new`: a
    stale `COPY` of the representative `opinion`'s public text, or an `EDIT` that held
    words a standing redaction removes."""

    no: int
    index: int
    label: str
    opinion: str
    kind: str
    old: str
    new: str


def _older_forms(text: str, redactions: Sequence[Redaction]) -> set[str]:
    """Every public form `text` has had or could have: each subset of `redactions`
    standing (a few redactions per opinion: 2**k forms)."""
    spans = [(r.start, r.end) for r in redactions]
    return {
        public_text(text, [span for bit, span in enumerate(spans) if mask >> bit & 1])
        for mask in range(1 << len(spans))
    }


def _without_words(text: str, original: str, standing: Sequence[Redaction]) -> str:
    """`text` with the words of each redaction of `standing` (a span of `original`)
    replaced by the marker wherever they stand in it; a word of one character is left
    (it would match everywhere)."""
    for redaction in standing:
        words = original[redaction.start : redaction.end].strip()
        if len(words) >= 2:
            text = text.replace(words, MARKER)
    return text


def disagreements(
    consultation: Consultation, registry: Registry, opinions: Collection[str] | None = None
) -> list[Disagreement]:
    """Each item opinion whose text disagrees with the registry, in file order. Only the
    item opinions whose representative is in `opinions` are looked at when it is given (the
    opinions whose redactions just changed)."""
    expanded = resolved(consultation, registry).consultation
    wanted: list[tuple[int, int, str, str, str]] = []  # no, index, label, text, representative
    for item in expanded.items:
        for index, opinion in enumerate(item.opinions):
            if opinion.sources and (opinions is None or opinion.sources[0] in opinions):
                wanted.append((item.no, index, opinion.label, opinion.text, opinion.sources[0]))
    if not wanted:
        return []
    heads = {head for *_rest, head in wanted}
    public = registry.public_texts(heads)
    original = registry.original_texts(heads)
    found: dict[str, list[Redaction]] = {}
    for redaction in registry.redactions():
        if redaction.opinion in heads:
            found.setdefault(redaction.opinion, []).append(redaction)
    out: list[Disagreement] = []
    for no, index, label, text, head in wanted:
        now = public.get(head)
        if now is None or text == now:
            continue  # not in the registry (intake status says so), or in agreement
        spans = found.get(head, [])
        if spans and len(spans) <= SUBSETS and text in _older_forms(original[head], spans):
            out.append(Disagreement(no, index, label, head, COPY, text, now))
            continue
        standing = [r for r in spans if r.status != RedactionStatus.REVERTED]
        cleaned = _without_words(text, original.get(head, ""), standing)
        if cleaned != text:
            out.append(Disagreement(no, index, label, head, EDIT, text, cleaned))
    return out


def follow(consultation: Consultation, changes: Sequence[Disagreement]) -> list[Disagreement]:
    """Give each opinion of `changes` its new text, in `consultation` (in memory), when it
    still holds the old one; returns those changed."""
    done: list[Disagreement] = []
    for change in changes:
        item = consultation.item(change.no)
        if item is None or change.index >= len(item.opinions):
            continue
        opinion = item.opinions[change.index]
        if opinion.label != change.label or opinion.text != change.old:
            continue  # changed meanwhile: the next look finds it again
        opinions = list(item.opinions)
        opinions[change.index] = replace(opinion, text=change.new)
        item.opinions = opinions
        done.append(change)
    return done
