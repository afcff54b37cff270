"""Synthetic consultations of any size, valid under the project's rules.

    python -m benchmarks.generate --items 10000 --seed 1 -o /tmp/national.toml

Every item has a Japanese opinion, `revisions` revisions of its response (3 by default,
each a small edit of the one before, written by a 担当 drafter) and at least one sign-off
when it has two revisions or more: an approval of the previous revision (now stale),
then, depending on the state drawn for the item, sign-offs of the current revision. The
states are mixed (draft, in-review, changes-requested, approved). Digests are computed
from the text, nobody signs their own words, each signer is listed for the stage, and a
login signs at most one stage of a revision, so `pctui validate` finds nothing.

`--shape` generates another shape of file instead (see `benchmarks.shapes`): short or long
texts, 1 to 5 revisions, up to 6 sign-offs with stale and withdrawn ones, 1 to 50 sections;
`--shape grouped` a format-2 file, where `--items` counts opinions grouped into items of 1 to
300 (`benchmarks.grouped`).

The same seed (and shape) gives the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from benchmarks import grouped, shapes
from benchmarks import text as t
from benchmarks import vocabulary as v
from pctui.model.phrases import CONTRADICTIONS
from pctui.model.records import (
    APPROVE,
    REJECT,
    Consultation,
    Intake,
    Item,
    Meta,
    OutcomeClass,
    Review,
    Reviewer,
    Revision,
    Section,
    Signoff,
)
from pctui.storage.writer import render_consultation, render_item

STAGES = ["担当", "係長", "課長"]
DRAFTERS = ("tanaka", "yamada")
REVIEWERS = {
    "tanaka": ("担当",),
    "yamada": ("担当",),
    "suzuki": ("係長",),
    "sato": ("課長",),
    "kimura": ("係長", "課長"),
}
CLASSES = [
    OutcomeClass("hanei", "反映"),
    OutcomeClass("hanei-zumi", "反映済み"),
    OutcomeClass("sanko", "参考"),
    OutcomeClass("taishogai", "対象外"),
]
STATE_WEIGHTS = {"draft": 20, "in-review": 35, "changes-requested": 10, "approved": 35}
JST = dt.timezone(dt.timedelta(hours=9))
START = dt.datetime(2026, 1, 13, 9, 0, tzinfo=JST)


def section_titles(count: int) -> list[str]:
    """`count` section titles: the vocabulary's, numbered when more are needed."""
    if count <= len(v.SECTION_TITLES):
        return list(v.SECTION_TITLES[:count])
    titles = v.SECTION_TITLES
    return [f"{titles[n % len(titles)]}（その{n // len(titles) + 1}）" for n in range(count)]


def header(items: int, sections: int = len(v.SECTION_TITLES)) -> Consultation:
    """The consultation's facts, review rules and sections, without items."""
    sections_made = [Section(str(n + 1), title) for n, title in enumerate(section_titles(sections))]
    submitters = {"電子メール": items * 6 // 10, "郵送": items * 3 // 10, "FAX": items // 10}
    return Consultation(
        meta=Meta(
            id="bench-national",
            title="（ベンチマーク用・架空）全国規模の意見公募の結果",
            organization="架空省",
            department="デジタル推進局 情報政策課",
            opened=dt.date(2025, 11, 12),
            closed=dt.date(2025, 12, 11),
            url="https://example.invalid/public-comment/bench-national",
            places=["架空省ホームページ", "情報公開窓口"],
            opinion_heading="寄せられたご意見",
            response_heading="架空省の考え方",
        ),
        intake=Intake(["電子メール", "郵送", "FAX"], submitters, "人"),
        review=Review(
            stages=list(STAGES),
            reviewers={login: Reviewer(login, stages) for login, stages in REVIEWERS.items()},
            classes=list(CLASSES),
        ),
        # The last section stays empty, as real results often have one ("なし").
        sections=sections_made,
        items=[],
    )


def _item(rng: random.Random, no: int, section: str, revisions: int, answered: set[str]) -> Item:
    opinion, subject = t.opinion(rng)
    when = START + dt.timedelta(minutes=7 * no)
    texts = [t.response(rng, subject)]
    while len(texts) < revisions:
        texts.append(t.revise(rng, texts[-1]))
    texts[-1] = shapes.not_answered_before(texts[-1], no, answered)
    first_author = rng.choice(DRAFTERS)
    item = Item(
        no=no,
        section=section,
        opinion=opinion,
        topic=rng.choice(v.TOPICS) if rng.random() < 0.4 else None,
        count=rng.randint(2, 40) if rng.random() < 0.1 else 1,
    )
    for index, text in enumerate(texts):
        author = DRAFTERS[(DRAFTERS.index(first_author) + index) % 2]
        note = rng.choice(v.NOTES) if index else ""
        at = when + dt.timedelta(days=2 * index)
        item.revisions.append(Revision(author, at, text, note or None))
    if revisions >= 2:
        _sign(item, revisions - 1, "担当", _other(item.revisions[-2].author), APPROVE, rng)
    state = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
    _sign_current(rng, item, state)
    if state in ("approved", "in-review"):
        item.klass = _fitting(rng.choice(CLASSES), texts[-1]).id
    return item


def _fitting(drawn: OutcomeClass, answer: str) -> OutcomeClass:
    """`drawn`, unless the answer's wording contradicts it (a 反映 answer saying
    「原案のとおり」, which `pctui validate` warns of): then the first class it fits."""
    candidates = [drawn, *CLASSES]
    for candidate in candidates:
        if not any(words in answer for words in CONTRADICTIONS.get(candidate.label, ())):
            return candidate
    return drawn


def _other(drafter: str) -> str:
    return DRAFTERS[1 - DRAFTERS.index(drafter)]


def _sign(item: Item, revision: int, stage: str, by: str, verdict: str, rng: random.Random) -> None:
    target = item.revisions[revision - 1]
    comments = v.REJECT_COMMENTS if verdict == REJECT else v.APPROVE_COMMENTS
    item.signoffs.append(
        Signoff(
            stage=stage,
            by=by,
            at=target.at + dt.timedelta(hours=1 + len(item.signoffs)),
            revision=revision,
            digest=target.digest,
            verdict=verdict,
            comment=rng.choice(comments) or None,
        )
    )


def _sign_current(rng: random.Random, item: Item, state: str) -> None:
    current = len(item.revisions)
    if state == "draft" or current == 0:
        return
    _sign(item, current, "担当", _other(item.revisions[-1].author), APPROVE, rng)
    if state == "in-review":
        if rng.random() < 0.5:
            _sign(item, current, "係長", rng.choice(("suzuki", "kimura")), APPROVE, rng)
        return
    if state == "changes-requested":
        _sign(item, current, "係長", "suzuki", REJECT, rng)
        return
    chief = rng.choice(("suzuki", "kimura"))
    _sign(item, current, "係長", chief, APPROVE, rng)
    _sign(
        item,
        current,
        "課長",
        "sato" if chief == "kimura" else rng.choice(("sato", "kimura")),
        APPROVE,
        rng,
    )


def build(
    items: int, seed: int = 1, revisions: int = 3, shape: str = shapes.STANDARD
) -> Consultation:
    """A consultation of `items` items, the same for the same arguments.

    `revisions` is for the standard shape; another shape draws its own (`benchmarks.shapes`).
    """
    rng = random.Random(seed)
    if shape == shapes.STANDARD:
        consultation = header(items)
        filled = len(consultation.sections) - 1
        answered: set[str] = set()
        for index in range(items):
            section = consultation.sections[index * filled // max(items, 1)].id
            consultation.items.append(_item(rng, index + 1, section, revisions, answered))
        return consultation
    kind = shapes.SHAPES[shape]
    consultation = header(items, kind.sections)
    if kind.grouped:
        consultation.format = 2
        ids = [section.id for section in consultation.sections]
        consultation.items = grouped.items(rng, kind, items, ids, START)
        return consultation
    answered: set[str] = set()
    count = len(consultation.sections)
    for index in range(items):
        section = consultation.sections[index * count // max(items, 1)].id
        consultation.items.append(shapes.item(rng, kind, index + 1, section, START, answered))
    return consultation


def _string(text: str) -> str:
    """A TOML basic string for `text`: multi-line when it has line breaks, like the storage."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " or c == "\n" else f"\\u{ord(c):04x}" for c in escaped)
    if "\n" in text:
        return f'"""{escaped}"""'
    return f'"{escaped}"'


def item_text(item: Item, version: int = 1) -> str:
    """One `[[items]]` block as a person would lay it out in format `version`, ending with
    a blank line.

    Written directly rather than through tomlkit: at 10,000 items tomlkit takes ~15 s,
    this ~0.2 s. A test proves that loading it gives back exactly the item.
    """
    lines = ["[[items]]", f"no = {item.no}", f"section = {_string(item.section)}"]
    if item.topic:
        lines.append(f"topic = {_string(item.topic)}")
    if version < 2:
        lines.append(f"opinion = {_string(item.opinion)}")
        if item.count != 1:
            lines.append(f"count = {item.count}")
    if item.klass:
        lines.append(f"class = {_string(item.klass)}")
    if version >= 2:
        lines += _format_two_lines(item)
    for revision in item.revisions:
        lines += ["", "[[items.revisions]]", f"author = {_string(revision.author)}"]
        lines += [f"at = {revision.at.isoformat()}", f"text = {_string(revision.text)}"]
        if revision.note:
            lines.append(f"note = {_string(revision.note)}")
    for signoff in item.signoffs:
        lines += ["", "[[items.signoffs]]", f"stage = {_string(signoff.stage)}"]
        lines += [f"by = {_string(signoff.by)}", f"at = {signoff.at.isoformat()}"]
        lines += [f"revision = {signoff.revision}", f'digest = "{signoff.digest}"']
        lines.append(f"verdict = {_string(signoff.verdict)}")
        if signoff.comment:
            lines.append(f"comment = {_string(signoff.comment)}")
        if signoff.withdrawn is not None:
            lines.append(f"withdrawn = {signoff.withdrawn.isoformat()}")
        if signoff.basis is not None:
            lines.append(f'basis = "{signoff.basis}"')
    return "\n".join(lines) + "\n\n"


def _format_two_lines(item: Item) -> list[str]:
    """A format-2 item's `[[items.opinions]]` and `[[items.summaries]]`."""
    lines: list[str] = []
    for opinion in item.opinions:
        lines += ["", "[[items.opinions]]", f"label = {_string(opinion.label)}"]
        lines.append(f"text = {_string(opinion.text)}")
        if opinion.count != 1:
            lines.append(f"count = {opinion.count}")
        if opinion.sources:
            lines.append(f"sources = [{', '.join(_string(s) for s in opinion.sources)}]")
    for summary in item.summaries:
        lines += ["", "[[items.summaries]]", f"author = {_string(summary.author)}"]
        lines += [f"at = {summary.at.isoformat()}", f"text = {_string(summary.text)}"]
    return lines


def render(consultation: Consultation, via_tomlkit: bool = False) -> str:
    """The file's text: the header by the storage's renderer, the items direct or by tomlkit."""
    items, consultation.items = consultation.items, []
    try:
        head = render_consultation(consultation)
    finally:
        consultation.items = items
    block = render_item if via_tomlkit else item_text
    return head + "".join(block(item, consultation.format) for item in items)


def write(
    path: Path, items: int, seed: int = 1, revisions: int = 3, shape: str = shapes.STANDARD
) -> int:
    """Write a consultation of `items` items to `path`; returns its size in bytes."""
    data = render(build(items, seed, revisions, shape)).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def main(argv: list[str] | None = None) -> int:
    """Command line of the generator; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--items", type=int, default=10_000, help="number of items")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    parser.add_argument("--revisions", type=int, default=3, help="revisions per item")
    parser.add_argument(
        "--shape",
        choices=[shapes.STANDARD, *shapes.SHAPES],
        default=shapes.STANDARD,
        help="shape of the items (benchmarks.shapes); revisions applies to standard only",
    )
    parser.add_argument("--tomlkit", action="store_true", help="render items with tomlkit (slow)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    args = parser.parse_args(argv)
    if args.items < 0 or args.revisions < 1:
        parser.error("--items must be 0 or more and --revisions 1 or more")
    built = build(args.items, args.seed, args.revisions, args.shape)
    text = render(built, via_tomlkit=args.tomlkit)
    args.output.write_bytes(text.encode("utf-8"))
    unit = "opinions" if built.format >= 2 else "items"
    size = len(text.encode("utf-8")) / 1e6
    print(f"{args.output}: {args.items} {unit} in {len(built.items)} items, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
