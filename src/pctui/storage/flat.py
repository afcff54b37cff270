"""Items as tuples of plain values, for marshal: how a forked child hands back what it read.

A forked child (see `parallel`) reads a run of a large file's item blocks into the model
and sends the items back to its parent. marshal is the fastest way to move plain
values between two Python processes of the same version, but it knows no dataclasses,
datetimes or enums: `flatten` turns an item into tuples of strings and numbers (its revisions'
digests included, so the receiver need not hash their texts again) and `unflatten` builds
an equal item from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pctui.model.records import (
    MOVE_ACTION_OF,
    VERDICT_OF,
    Assignment,
    Item,
    Move,
    Note,
    Opinion,
    Revision,
    Signoff,
    Summary,
)

Flat = tuple[Any, ...]


def flatten(item: Item) -> Flat:
    """`item` as tuples of plain values (what marshal writes), digests included."""
    revisions = tuple(
        (r.author, r.at.isoformat(), r.text, r.note, r.digest) for r in item.revisions
    )
    signoffs = tuple(
        (s.stage, s.by, s.at.isoformat(), s.revision, s.digest, str(s.verdict), s.comment,
         None if s.withdrawn is None else s.withdrawn.isoformat(), s.basis)
        for s in item.signoffs
    )  # fmt: skip
    opinions = tuple((o.label, o.text, o.count, o.sources, o.members) for o in item.opinions)
    summaries = tuple((s.author, s.at.isoformat(), s.text) for s in item.summaries)
    assignments = tuple((a.to, a.by, a.at.isoformat()) for a in item.assignments)
    notes = tuple((n.by, n.at.isoformat(), n.text) for n in item.notes)
    moves = tuple(
        (str(m.action), m.source, m.target, m.labels, m.by, m.at.isoformat(), m.was, m.basis)
        for m in item.moves
    )
    return (item.no, item.section, item.topic, item.klass, opinions, summaries,
            revisions, signoffs, assignments, notes, moves)  # fmt: skip


def unflatten(flat: Flat) -> Item:
    """The item `flatten` made `flat` from (new objects, safe to change).

    Revisions and sign-offs are made by filling their attribute dictionaries: their
    dataclass __init__ does only that (Revision, being frozen, through a slow
    object.__setattr__ per field), and this runs for every item the child read.
    Sender and receiver are the same program (the child is a fork of the parent), so the
    tuples and the classes are always in step.
    """
    (no, section, topic, klass, opinions, summaries, revisions, signoffs, assignments, notes,
     moves) = flat  # fmt: skip
    when = dt.datetime.fromisoformat
    built_revisions: list[Revision] = []
    for author, at, text, note, digest in revisions:
        revision = object.__new__(Revision)
        revision.__dict__.update(
            author=author, at=when(at), text=text, note=note, digest=digest
        )  # digest: what Revision.digest keeps, computed by the sender
        built_revisions.append(revision)
    built_signoffs: list[Signoff] = []
    for stage, by, at, revision_no, digest, verdict, comment, withdrawn, basis in signoffs:
        signoff = object.__new__(Signoff)
        signoff.__dict__.update(
            stage=stage, by=by, at=when(at), revision=revision_no, digest=digest,
            verdict=VERDICT_OF[verdict], comment=comment,
            withdrawn=None if withdrawn is None else when(withdrawn), basis=basis,
        )  # fmt: skip
        built_signoffs.append(signoff)
    return Item(
        no=no, section=section, topic=topic, klass=klass,
        opinions=[Opinion(*opinion) for opinion in opinions],
        summaries=[Summary(author, when(at), text) for author, at, text in summaries],
        revisions=built_revisions, signoffs=built_signoffs,
        assignments=[Assignment(to, by, when(at)) for to, by, at in assignments],
        notes=[Note(by, when(at), text) for by, at, text in notes],
        moves=[Move(MOVE_ACTION_OF[action], source, target, labels, by, when(at), was, basis)
               for action, source, target, labels, by, at, was, basis in moves],
    )  # fmt: skip
