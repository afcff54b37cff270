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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import rensa
from diff_match_patch import diff_match_patch

from pctui.intake.collector import collector_paused
from pctui.intake.normalise import normalise, normalise_with_places
from pctui.intake.records import Group, Member

SHINGLE = 5
"""Characters in one n-gram: long enough that two unrelated opinions on one subject share few
(in Japanese a 3-gram such as について is everywhere), short enough that a small edit spoils
only a few."""
NUM_PERM = 160
BANDS = 32
"""32 bands of 5 rows: a pair with Jaccard similarity 0.7 becomes a candidate with
probability 1 - (1 - 0.7^5)^32 = 0.997, 0.6 with 0.93, 0.5 with 0.64, 0.3 with 0.075.
Four rows a band (128 permutations) caught every pair of 0.5 but made so many candidates of
unrelated short opinions sharing a stock phrase that the search grew with the square of the
opinions (1,000,000 took 94 s of CPU, sixteen times 200,000; 48 s with five rows); five rows
cost a little recall on the generator (B-cubed 0.997 -> 0.993) and save 20 % at 200,000."""
THRESHOLD = 0.5
"""Estimated Jaccard similarity with a leader at or above which a candidate joins its group:
a letter with a personal paragraph of its own length added is at 0.5, two different letters
on the same subject far below."""
SEED = 17
_SLICE = 10_000
ADDED_SEPARATOR = "\n"
"""Between the separate pieces of text a member adds to its representative."""


@dataclass(slots=True)
class _Distinct:
    """One normalised text and the opinions whose text it is, in id order."""

    text: str
    opinions: list[str]
    publics: list[str]  # each opinion's text as the registry holds it (public, redacted)


def group_opinions(opinions: Iterable[tuple[str, str]]) -> list[Group]:
    """The groups of `opinions` ((id, text) pairs, ids unique), largest first (then by the
    representative's id). Every opinion is in exactly one group."""
    # Grouping makes millions of objects (n-grams, sketches, members) and no garbage cycles:
    # the collector walking them again and again cost a sixth of the time at 200,000.
    with collector_paused():
        return _grouped(opinions)


def _grouped(opinions: Iterable[tuple[str, str]]) -> list[Group]:
    distinct = _distinct_texts(opinions)
    leaders = _assign_to_leaders(distinct)
    differ = diff_match_patch()
    differ.Diff_Timeout = 0.0
    groups = []
    for leader, followers in leaders.items():
        head = distinct[leader]
        representative = head.opinions[0]
        if not followers:  # most groups: one text, its opinions in id order already
            members = tuple(map(Member, head.opinions))
        else:
            # (id, added) pairs, sorted as tuples: the ids are unique, so in id order
            rest = [(opinion, "") for opinion in head.opinions[1:]]
            for follower in followers:
                entry = distinct[follower]
                spans = _added_spans(differ, head.text, entry.text)
                # Copies of one normalised text may differ in layout: each member is shown
                # its own words, worked out once for each way they were typed.
                shown: dict[str, str] = {}
                for opinion, public in zip(entry.opinions, entry.publics, strict=True):
                    added = shown.get(public)
                    if added is None:
                        added = shown[public] = _as_typed(public, entry.text, spans)
                    rest.append((opinion, added))
            rest.sort()
            members = (Member(representative), *(Member(o, added) for o, added in rest))
        groups.append(Group(f"G-{representative}", representative, members))
    groups.sort(key=lambda group: (-len(group.members), group.representative))
    return groups


def _distinct_texts(opinions: Iterable[tuple[str, str]]) -> list[_Distinct]:
    """The distinct normalised texts, most copied first, then by their first opinion's id."""
    # Verbatim copies are most of a campaign: the opinions are gathered by their text as
    # typed first, in id order, so that each such text is normalised once and a copy
    # costs a dictionary look-up; the few texts typed differently that normalise alike
    # (a layout-only change) are then merged, still in id order.
    by_typed: dict[str, list[str]] = {}
    for opinion, text in sorted(opinions):
        known = by_typed.get(text)
        if known is None:
            by_typed[text] = [opinion]
        else:
            known.append(opinion)
    by_text: dict[str, _Distinct] = {}
    for typed, ids in by_typed.items():
        text = normalise(typed)
        entry = by_text.get(text)
        if entry is None:
            by_text[text] = _Distinct(text, ids, [typed] * len(ids))
        else:
            before = zip(entry.opinions, entry.publics, strict=True)
            merged = sorted([*before, *((opinion, typed) for opinion in ids)])
            entry.opinions = [opinion for opinion, _ in merged]
            entry.publics = [public for _, public in merged]
    distinct = list(by_text.values())
    distinct.sort(key=lambda entry: (-len(entry.opinions), entry.opinions[0]))
    return distinct


def _shingles(text: str) -> Sequence[str] | Sequence[bytes]:
    """The character n-grams of `text` (the text itself when shorter than one), each as
    its UTF-8 bytes where every character of `text` takes as many bytes (nearly every
    Japanese text: three each), as the text itself otherwise.

    rensa hashes a token's UTF-8 bytes either way, so both give the same sketch; but a
    `str` token makes CPython build and keep a UTF-8 copy of each n-gram for rensa to
    read, which cost more than slicing them (0.47 s against 0.22 s for bytes, at 200,000
    opinions), and slicing the encoded text costs what slicing the text does."""
    length = len(text)
    if length <= SHINGLE:
        return [text]
    encoded = text.encode()
    width = len(encoded) // length
    if len(encoded) != width * length:  # characters of different widths: cut the text
        return _cutter(length, 1)(text)
    return _cutter(length, width)(encoded)


_Cutter = Callable[[str | bytes], tuple[Any, ...]]
_CUTTERS: dict[tuple[int, int], _Cutter] = {}
_SLICES: dict[int, list[slice]] = {}
"""For each width, the slices of a text's first n-grams in order, which the cutters of
every length share: made once, together, so that they do not pin the allocator's memory
that the n-grams, made and freed around them, fill (a slice a cutter made the group
command's peak 30 MB higher)."""


def _cutter(length: int, width: int) -> _Cutter:
    """What cuts a text of `length` characters of `width` units each (bytes, or 1 for
    `str`) into its n-grams: an `itemgetter` of their slices, made once for each length.

    It takes every slice in C and returns them as one tuple, where a list comprehension
    ran CPython's loop and made a slice object and a range item for each of the 6.1
    million n-grams of 200,000 opinions: 1.41-1.67 -> 0.96-1.02 s at a load of 5.5. (At
    least two n-grams: `_shingles` returns a text of one whole, and an `itemgetter` of
    one slice would not give a tuple.)"""
    global _kept
    known = _CUTTERS.get((length, width))
    if known is not None:
        return known
    count = length - SHINGLE + 1
    size = SHINGLE * width
    if count > _LONGEST:  # a text of its own: its slices are not kept
        return itemgetter(*[slice(at, at + size) for at in range(0, count * width, width)])
    slices = _SLICES.setdefault(width, [])
    if len(slices) < count:
        slices += [slice(at, at + size) for at in range(len(slices) * width, count * width, width)]
    cutter: _Cutter = itemgetter(*slices[:count])
    if _kept + count <= _KEPT:
        _CUTTERS[(length, width)] = cutter
        _kept += count
    return cutter


_LONGEST = 10_000
"""N-grams of the longest text whose slices are kept (about 1 MB for each width)."""
_KEPT = 1_000_000
"""Slices the kept cutters may name in all (8 MB of references): the 406 lengths of the
68,773 distinct texts of 200,000 opinions name 57,865; past it, a cutter is made for each
text again, as cheap as slicing it was."""
_kept = 0


def _assign_to_leaders(distinct: list[_Distinct]) -> dict[int, list[int]]:
    """Each leader's index in `distinct` and the indexes of the texts that follow it."""
    # In slices, so that the n-grams of only one slice are in memory at a time.
    sketches = []
    for start in range(0, len(distinct), _SLICE):
        shingled = [_shingles(entry.text) for entry in distinct[start : start + _SLICE]]
        sketches.extend(rensa.RMinHash.from_token_sets(shingled, NUM_PERM, SEED))
    # rensa's deduplicator finds the LSH candidates among the leaders and keeps only those
    # whose estimated similarity reaches the threshold, in Rust: short opinions ending in
    # the same stock phrase are many candidates and few matches. Its `add` searches the
    # index before it adds and adds only a text that matches no leader, so a text is first
    # offered as a leader: most are (48,352 of 68,773 at 200,000 opinions), and each of
    # those is searched for once instead of twice; only a follower is searched for again,
    # for its matches. (rensa's bare LSH index would not search twice, but then each
    # candidate's similarity is a call from Python: 24-30 s against 22-23 s for the search
    # at 1,000,000 opinions, 23 million candidates.)
    index = rensa.RMinHashDeduplicator(THRESHOLD, NUM_PERM, True, BANDS, SEED)
    leaders: dict[int, list[int]] = {}
    for position, sketch in enumerate(sketches):
        if index.add(str(position), sketch):  # like no leader before it: a leader itself
            leaders[position] = []
            continue
        matches = index.get_duplicates(sketch)
        if len(matches) == 1:
            leaders[int(matches[0])].append(position)
        else:
            # The most similar leader; of equally similar ones the earliest (most copied).
            best = max(
                sorted(map(int, matches)),
                key=lambda leader: (sketch.jaccard(sketches[leader]), -leader),
            )
            leaders[best].append(position)
    return leaders


def added_text(representative: str, member: str) -> str:
    """What `member` says that `representative` does not (texts as the registry holds
    them), in `member`'s own words: for a group a reviewer splits or merges, whose
    representative changes."""
    differ = diff_match_patch()
    differ.Diff_Timeout = 0.0
    normalised = normalise(member)
    return _as_typed(
        member, normalised, _added_spans(differ, normalise(representative), normalised)
    )


def _as_typed(public: str, normalised: str, spans: list[tuple[int, int]]) -> str:
    """The passages `spans` of `normalised` (the normalised `public`) as `public` has them,
    one per line: the member's own words (【個人情報のため削除】, not its normalised
    (個人情報のため削除); a name with its space), which grouping compared normalised."""
    if not spans:
        return ""
    if public == normalised:  # nothing to map back
        return ADDED_SEPARATOR.join(public[start:end] for start, end in spans)
    places = normalise_with_places(public)
    if places is None or places[0] != normalised:
        pieces = [normalised[start:end] for start, end in spans]
    else:
        _, starts, ends = places
        pieces = [public[starts[start] : ends[end - 1]] for start, end in spans]
    return ADDED_SEPARATOR.join(piece for piece in pieces if piece)


def _added_spans(
    differ: diff_match_patch, representative: str, member: str
) -> list[tuple[int, int]]:
    """Where `member` says what `representative` does not: (start, end) passages of
    `member`, in order (both texts normalised).

    Sentences are compared as wholes first (diff-match-patch over one code per sentence):
    most near-copies leave sentences out or add sentences of their own, which needs no
    character diff. Only a sentence that replaces a similar one (a word changed) is diffed
    character by character, with semantic clean-up so that the change reads as that word;
    a sentence replacing an unrelated one is added whole (a character diff of two unrelated
    sentences is slow and gives scattered characters).
    """
    theirs, ours = _sentences(representative), _sentences(member)
    known = set(theirs)
    if all(sentence in known for sentence in ours):
        return []
    shortcut = _plain_edit(differ, theirs, ours, known)
    if shortcut is not None:
        return shortcut
    codes: dict[str, str] = {}
    for sentence in (*theirs, *ours):
        codes.setdefault(sentence, chr(_FIRST_CODE + len(codes)))
    text_of = {code: sentence for sentence, code in codes.items()}
    diffs = differ.diff_main(
        "".join(codes[s] for s in theirs), "".join(codes[s] for s in ours), False
    )
    spans: list[tuple[int, int]] = []
    place = 0  # in `member`
    for at, (operation, coded) in enumerate(diffs):
        if operation == differ.DIFF_DELETE:
            continue
        inserted = "".join(text_of[code] for code in coded)
        if operation == differ.DIFF_INSERT:
            before = diffs[at - 1] if at > 0 else (differ.DIFF_EQUAL, "")
            replaced = "".join(text_of[code] for code in before[1])
            if before[0] == differ.DIFF_DELETE and _alike(replaced, inserted):
                spans += [
                    (place + start, place + end)
                    for start, end in _inserted_spans(differ, replaced, inserted)
                ]
            elif inserted:
                spans.append((place, place + len(inserted)))
        place += len(inserted)
    return spans


def _plain_edit(
    differ: diff_match_patch, theirs: list[str], ours: list[str], known: set[str]
) -> list[tuple[int, int]] | None:
    """`_added_spans` of the two commonest near-copies without the sentence diff, or None
    for any other: sentences of its own added in one place (a personal paragraph), or one
    sentence replaced by another (a word changed), the rest the same.

    diff-match-patch's answer for these is known without running it: it takes off the
    sentences the two share at the start and at the end, and what is left in between is
    an insertion alone, or one sentence deleted and one inserted; its clean-up would move
    an insertion only onto sentences the representative has, and these have none. What
    follows is then what `_added_spans` does with that answer (tests compare the two)."""
    head = 0
    most = min(len(theirs), len(ours))
    while head < most and theirs[head] == ours[head]:
        head += 1
    tail = 0
    most -= head
    while tail < most and theirs[-1 - tail] == ours[-1 - tail]:
        tail += 1
    removed = len(theirs) - head - tail
    added = ours[head : len(ours) - tail]
    place = sum(map(len, ours[:head]))
    if removed == 0 and not any(sentence in known for sentence in added):
        inserted = "".join(added)
        return [(place, place + len(inserted))]
    if removed == 1 and len(added) == 1:
        replaced, inserted = theirs[head], added[0]
        if _alike(replaced, inserted):
            return [
                (place + start, place + end)
                for start, end in _inserted_spans(differ, replaced, inserted)
            ]
        return [(place, place + len(inserted))]
    return None


_FIRST_CODE = 0x10000
"""Sentence codes start past the Basic Multilingual Plane: any code point serves, and a
million of them is more sentences than any two opinions hold."""


def _sentences(text: str) -> list[str]:
    """`text` cut after each 句点 (a normalised text has no line breaks)."""
    return text.replace("。", "。\n").splitlines()


def _alike(first: str, second: str) -> bool:
    """Whether two passages share most of their character pairs (one is an edit of the
    other, not a different sentence)."""
    ours, theirs = _pairs(first), _pairs(second)
    return 2 * len(ours & theirs) >= len(ours | theirs)


def _pairs(text: str) -> set[str]:
    return {text[at : at + 2] for at in range(len(text) - 1)}


def _inserted_spans(differ: diff_match_patch, before: str, after: str) -> list[tuple[int, int]]:
    """Where a character diff of two similar passages finds `after` inserting text."""
    diffs = differ.diff_main(before, after, False)
    differ.diff_cleanupSemantic(diffs)
    spans = []
    place = 0
    for operation, text in diffs:
        if operation == differ.DIFF_DELETE:
            continue
        if operation == differ.DIFF_INSERT and text:
            spans.append((place, place + len(text)))
        place += len(text)
    return spans
