"""同趣旨 grouping: opinions of the same purport put together, each group with the opinion
that stands for it and, for every member, the text it adds to that one.

Pure: (id, text) pairs in, groups out, no registry, so that it is tested and measured alone.
Three steps, each cheaper than the next would be on what it removes:

1. normalise each text (`normalise`), so that a layout-only change is no change;
2. exact copies of one normalised text become one *distinct text* (a national campaign is
   mostly verbatim copies: 96 % of the 2025 除去土壌 consultation's 207,850 opinions);
3. near-copies among the distinct texts are found by MinHash over character n-grams with
   LSH (rensa, in Rust) and verified on their estimated Jaccard similarity.

Step 3 assigns each distinct text, most copied first, to the most similar *leader* already
chosen or makes it a leader itself. Comparing with leaders only (not any member) keeps a chain
of small edits from joining two different letters, and the order makes the campaign letter
itself, the text most people sent, the representative of its group.

Deterministic: the n-gram hashes and permutations are seeded, ties are broken by opinion id,
and diff-match-patch runs without its time limit (a time-out would make the added text
depend on the machine's speed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import rensa
from diff_match_patch import diff_match_patch

from pctui.intake.normalise import normalise
from pctui.intake.records import Group, Member

SHINGLE = 5
"""Characters in one n-gram: long enough that two unrelated opinions on one subject share few
(in Japanese a 3-gram such as について is everywhere), short enough that a small edit spoils
only a few."""
NUM_PERM = 128
BANDS = 32
"""32 bands of 4 rows: a pair with Jaccard similarity 0.5 becomes a candidate with
probability 1 - (1 - 0.5^4)^32 = 0.9987, one of 0.2 with 0.05."""
THRESHOLD = 0.5
"""Estimated Jaccard similarity with a leader at or above which a text joins its group: a
400-character letter with a personal paragraph of its own length added still joins (0.5),
two different letters on the same subject do not."""
SEED = 17
ADDED_SEPARATOR = "\n"
"""Between the separate pieces of text a member adds to its representative."""


@dataclass(slots=True)
class _Distinct:
    """One normalised text and the opinions whose text it is, in id order."""

    text: str
    opinions: list[str]


def group_opinions(opinions: Iterable[tuple[str, str]]) -> list[Group]:
    """The groups of `opinions` ((id, text) pairs, ids unique), largest first (then by the
    representative's id). Every opinion is in exactly one group."""
    distinct = _distinct_texts(opinions)
    leaders = _assign_to_leaders(distinct)
    differ = diff_match_patch()
    differ.Diff_Timeout = 0.0
    groups = []
    for leader, followers in leaders.items():
        head = distinct[leader]
        members = [Member(opinion) for opinion in head.opinions]
        for follower in followers:
            added = _added_text(differ, head.text, distinct[follower].text)
            members.extend(Member(opinion, added) for opinion in distinct[follower].opinions)
        representative = head.opinions[0]
        rest = sorted(members[1:], key=lambda member: member.opinion)
        groups.append(Group(f"G-{representative}", representative, (members[0], *rest)))
    groups.sort(key=lambda group: (-len(group.members), group.representative))
    return groups


def _distinct_texts(opinions: Iterable[tuple[str, str]]) -> list[_Distinct]:
    """The distinct normalised texts, most copied first, then by their first opinion's id."""
    by_text: dict[str, list[str]] = {}
    # Verbatim copies are most of a campaign: each raw text is normalised once.
    normalised: dict[str, str] = {}
    for opinion, text in opinions:
        key = normalised.get(text)
        if key is None:
            key = normalised[text] = normalise(text)
        by_text.setdefault(key, []).append(opinion)
    distinct = [_Distinct(text, sorted(ids)) for text, ids in by_text.items()]
    distinct.sort(key=lambda entry: (-len(entry.opinions), entry.opinions[0]))
    return distinct


def _shingles(text: str) -> list[str]:
    """The character n-grams of `text` (the text itself when shorter than one)."""
    if len(text) <= SHINGLE:
        return [text]
    return [text[start : start + SHINGLE] for start in range(len(text) - SHINGLE + 1)]


def _assign_to_leaders(distinct: list[_Distinct]) -> dict[int, list[int]]:
    """Each leader's index in `distinct` and the indexes of the texts that follow it."""
    sketches = rensa.RMinHash.from_token_sets(
        (_shingles(entry.text) for entry in distinct), NUM_PERM, SEED
    )
    # rensa's deduplicator finds the LSH candidates among the leaders and keeps only those
    # whose estimated similarity reaches the threshold, in Rust: short opinions ending in
    # the same stock phrase are many candidates and few matches.
    index = rensa.RMinHashDeduplicator(THRESHOLD, NUM_PERM, True, BANDS, SEED)
    leaders: dict[int, list[int]] = {}
    for position, sketch in enumerate(sketches):
        matches = sorted(int(key) for key in index.get_duplicates(sketch))
        if not matches:
            leaders[position] = []
            index.add(str(position), sketch)
            continue
        # The most similar leader; of equally similar ones the earliest (most copied).
        best = max(matches, key=lambda leader: (sketch.jaccard(sketches[leader]), -leader))
        leaders[best].append(position)
    return leaders


def _added_text(differ: diff_match_patch, representative: str, member: str) -> str:
    """What `member` says that `representative` does not: the inserted pieces of a character
    diff with semantic clean-up (so that a changed word reads as that word, not as scattered
    characters), one per line."""
    # One sentence a line, so that diff-match-patch's line mode first matches whole sentences
    # and diffs character by character only the sentences that differ: a letter with a
    # sentence added or left out costs a few sentence comparisons, not a character diff of
    # the whole letter (three times faster on a campaign).
    diffs = differ.diff_main(_by_sentence(representative), _by_sentence(member), True)
    differ.diff_cleanupSemantic(diffs)
    inserted = (text for operation, text in diffs if operation == differ.DIFF_INSERT)
    pieces = (text.replace("\n", "") for text in inserted)
    return ADDED_SEPARATOR.join(piece for piece in pieces if piece)


def _by_sentence(text: str) -> str:
    return text.replace("。", "。\n")
