"""Each shortcut the import takes for speed gives what the full work gives: the redaction
pre-check, the one-line and line-filter shortcuts of splitting, the submission digest and
the cell cleaning of a plain one-line cell. Checked on hostile made-up text built from the
pieces the patterns look for, near misses included, and on the benchmark generator's text."""

from __future__ import annotations

import hashlib
import random
import re

import pytest
from benchmarks.intake_generate import opinions as generated

from pctui.importer.grid import clean
from pctui.intake import split
from pctui.intake.importing import Incoming, _Digests, digest
from pctui.intake.records import Submission
from pctui.intake.redact import _every_pattern, find_personal_data
from pctui.intake.sources import numbered_copies

# Pieces of personal data and of its near misses; random strings of them are hostile text.
PIECES = (
    "架空県", "架空市", "東京都", "北海道", "本町", "中央", "丁目", "番地", "番", "号", "一", "三",
    "十", "二十", "〇", "1", "２", "34", "５６７", "-", "－", "ー", "‐", "〒", "@", "＠", "a",
    "Taro.", "example", ".com", ".jp", "+81", "0", "０", "(", "（", ")", "）", "氏名", "お名前",
    "名前", "住所", "所在地", ":", "：", " ", "　", "\t", "\n", "、", "。", ",", "意見", "です",
    "反対", "年", "月", "第", "条", "%", "ｱ", "ケ", "ヶ", "々",
)  # fmt: skip


def hostile(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 14))) for _ in range(count)]


def test_the_redaction_pre_check_passes_over_no_personal_data() -> None:
    rng = random.Random(9)
    texts = hostile(rng, 30_000) + [o.text for o in generated(3000, seed=3)]
    found = [text for text in texts if _every_pattern(text)]
    assert len(found) > 500  # the hostile texts do hold personal data, often enough
    for text in texts:
        assert find_personal_data(text) == _every_pattern(text), text


def test_splitting_with_its_shortcuts_is_splitting_without_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(4)
    markers = ("1. ", "2. ", "3. ", "1)", "2)", "(1)", "(2)", "（１）", "（２）", "①", "②",
               "一、", "二、", " ", "　", "\n", "\r\n", "\r", "2025. ", "意見。",
               "十、")  # fmt: skip
    texts = ["".join(rng.choices(markers, k=rng.randint(0, 12))) for _ in range(20_000)]
    styles = ("{k}. ", "{k})", "({k})", "（{k}）", "{c}", "{j}、", " {k}．", "{k}、")
    for _ in range(5000):  # lists, some numbered out of turn or with a preamble
        style, lines = rng.choice(styles), [rng.choice(("", "前文。"))]
        for k in range(1, rng.randint(1, 5)):
            k = k if rng.random() < 0.9 else rng.randint(1, 9)
            lines.append(style.format(k=k, c=chr(0x245F + k), j="〇一二三四五六七八九"[k]) + "点")
        texts.append(rng.choice(("\n", "\r\n", "\r")).join(lines))
    texts += [o.text for o in generated(2000, seed=3)]
    fast = [split.split_opinions(text) for text in texts]
    monkeypatch.setattr(split, "_MAY_OPEN", re.compile(""))  # every line tried in full
    slow = [split._split_lines(text) for text in texts]
    assert sum(len(points) > 1 for points in slow) > 1000
    assert fast == slow


def test_the_digest_is_of_every_field_but_the_number() -> None:
    submission = Submission("1", "2025-01-10", "郵送", "架空 太郎", "架空市", "t@example.com",
                            "090-5555-0000", "意見です。")  # fmt: skip
    fields = [getattr(submission, name) for name in Submission._fields[1:]]
    expected = hashlib.sha256("\x00".join(fields).encode("utf-8")).hexdigest()
    assert digest(submission) == expected


class _Cell(str):
    """A cell's text as a str subclass: `clean` takes its general path for it."""


def test_a_plain_cell_is_cleaned_as_every_cell_is() -> None:
    rng = random.Random(2)
    pieces = ("意見", " ", "　", "\n", "\r\n", "\r", "'", "=", "+", "1", "\t", "a")
    cells = ["".join(rng.choices(pieces, k=rng.randint(0, 8))) for _ in range(20_000)]
    assert [clean(cell) for cell in cells] == [clean(_Cell(cell)) for cell in cells]


def test_a_digest_looked_up_is_the_digest_computed() -> None:
    # Copies differing in their number share a digest; any other field makes its own.
    rng = random.Random(4)
    values = ("", "架空 太郎", "意見です。", "郵送", "t@example.com")
    submissions = [Submission(str(n), *(rng.choice(values) for _ in range(7))) for n in range(3000)]
    digests = _Digests()
    assert [digests.of(s) for s in submissions] == [digest(s) for s in submissions]
    assert len({digest(s) for s in submissions}) < 3000  # copies were looked up


def test_copies_are_counted_as_their_digests_count_them() -> None:
    # numbered_copies counts identical unnumbered submissions by the joined text the
    # digest is of: the same occurrences as counting digests, NUL characters included.
    rng = random.Random(5)
    values = ("", "a", "a\x00", "\x00", "意見です。", "架空 太郎")
    incoming = [
        Incoming(Submission(rng.choice(["", "", "N-1"]), *rng.choices(values, k=7)), f"x:{n}")
        for n in range(5000)
    ]
    seen: dict[str, int] = {}
    expected = []
    for one in incoming:
        if not one.submission.number:
            seen[digest(one.submission)] = seen.get(digest(one.submission), 0) + 1
        expected.append(seen[digest(one.submission)] if not one.submission.number else 1)
    assert [one.occurrence for one in numbered_copies(incoming)] == expected
    assert max(expected) > 1
