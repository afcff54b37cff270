"""The format-2 shape (issue 16 point 8): opinions grouped into items, one answer each.

A national result answers thousands of opinions in a few dozen or hundred items (the 2025
除去土壌 consultation: 207,850 opinions in 79 類型); a prefectural one lists hundreds of
opinions under a few dozen answers, a quarter of them answering one opinion. The file this
module builds holds a given number of *opinions*: a quarter of its items answer one, the
others from two to a few hundred (most of them a few dozen), numbered within their section
as results print them (the numbering restarts in each group). An item of several opinions
has a summary written by staff (意見の概要), some of them rewritten once; every sign-off
carries the basis (the digest of the opinions and summary it approved the answer for), and
a sign-off given before the summary was rewritten stands stale for that reason. The answers,
revisions and the other sign-offs are drawn as in `benchmarks.shapes.item`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from benchmarks import shapes
from pctui.model.digest import basis_digest
from pctui.model.records import Item, Opinion, Summary

SINGLE_SHARE = 0.25  # items answering one opinion each
REWRITTEN_SHARE = 0.3  # summaries written twice


def group_size(rng: random.Random, high: int) -> int:
    """How many opinions one item answers: 1 for a quarter of the items, else 2 to `high`,
    most of them a few dozen (drawn with a skew, as in real results)."""
    if high <= 1 or rng.random() < SINGLE_SHARE:
        return 1
    return 2 + round((high - 2) * rng.random() ** 3)


def items(
    rng: random.Random,
    shape: shapes.Shape,
    opinions: int,
    sections: list[str],
    start: dt.datetime,
) -> list[Item]:
    """Items answering `opinions` opinions in all, spread over `sections` in order."""
    sizes: list[int] = []
    while sum(sizes) < opinions:
        sizes.append(min(group_size(rng, shape.opinions[1]), opinions - sum(sizes)))
    answered: set[str] = set()
    made: list[Item] = []
    labels: dict[str, int] = {}
    for index, size in enumerate(sizes):
        section = sections[index * len(sections) // len(sizes)]
        first = labels.get(section, 0)
        labels[section] = first + size
        made.append(item(rng, shape, index + 1, section, start, answered, size, first))
    return made


def item(
    rng: random.Random,
    shape: shapes.Shape,
    no: int,
    section: str,
    start: dt.datetime,
    answered: set[str],
    size: int,
    first_label: int,
) -> Item:
    """Item `no`, answering `size` opinions labelled from `first_label` + 1 on."""
    made = shapes.item(rng, shape, no, section, start, answered)
    made.opinions = [
        Opinion(str(first_label + n + 1), shapes.sized_text(rng, *shape.text, shape.skew), count)
        for n, count in enumerate(rng.choices((1, 2, 3, 12), (85, 8, 5, 2), k=size))
    ]
    rewritten_at = made.revisions[-1].at + dt.timedelta(minutes=20)
    if size > 1:
        first_at = made.revisions[0].at - dt.timedelta(hours=2)
        made.summaries = [Summary(made.revisions[0].author, first_at, _summary(rng, shape))]
        if rng.random() < REWRITTEN_SHARE:
            rewritten = _summary(rng, shape)
            made.summaries.append(Summary(made.revisions[-1].author, rewritten_at, rewritten))
    basis = basis_digest(made)
    before = basis_digest(_without_last_summary(made)) if len(made.summaries) > 1 else basis
    for signoff in made.signoffs:
        signoff.basis = before if signoff.at < rewritten_at else basis
    if len(made.signoffs) < shape.signoffs[1]:
        _add_stale_by_basis(made, before, basis)
    return made


def _summary(rng: random.Random, shape: shapes.Shape) -> str:
    return "（概要）" + shapes.sized_text(rng, *shape.text, shape.skew)


def _without_last_summary(made: Item) -> Item:
    return Item(made.no, made.section, opinions=made.opinions, summaries=made.summaries[:-1])


def _add_stale_by_basis(made: Item, before: str, now: str) -> None:
    """When the summary was rewritten after the answer's last revision, the first current
    sign-off was given once before that, for the old summary: stale for its basis, then
    given again for the new one."""
    current = len(made.revisions)
    ongoing = [s for s in made.signoffs if s.revision == current and s.withdrawn is None]
    if before == now or not ongoing:
        return
    given = ongoing[0]
    earlier = dataclasses.replace(
        given, at=made.revisions[-1].at + dt.timedelta(minutes=10), basis=before, comment=None
    )
    made.signoffs.insert(made.signoffs.index(given), earlier)
