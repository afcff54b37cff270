"""A format-2 consultation whose No.1 answers 300 opinions (the largest item of the
`grouped` benchmark shape), for the tests of the item pane's lazy layout: texts of one to
three paragraphs and of every length from a few words to several lines, a tab, Latin
words, kinsoku punctuation, and one word (NEEDLE) found only in opinion 250. No.2 answers
two opinions, No.3 one short one. Every text is generated; no real submission."""

from __future__ import annotations

import random
from pathlib import Path

from tests.session.format_two_file import HEADER

NEEDLE = "合言葉ゆずりは"  # in opinion 250 only
OPINIONS = 300
PHRASES = (
    "駐輪場を増やしてほしい。",
    "「ISMAP」の登録状況について、説明が必要ではないか。",
    "高齢者や障がいのある方にも分かりやすい案内をお願いしたい（特に窓口で）。",
    "料金の見直しは、利用者の意見を聴いてから行うべきである。",
    "Bicycle parking near the station is full every morning.",
    "ー小さなっャュョを行頭に置かないこと、「括弧」の扱い。",
    "\t字下げのある段落",
)


def opinion_text(number: int) -> str:
    """Opinion `number`'s text, the same at every call (No.3's one opinion is short)."""
    if number > OPINIONS + 2:
        return "短い意見です。"
    chance = random.Random(number)
    paragraphs = [
        "".join(chance.choice(PHRASES) for _ in range(chance.randint(1, 6)))
        for _ in range(chance.randint(1, 3))
    ]
    if number == 250:
        paragraphs[-1] += f"この意見には{NEEDLE}と書かれている。"
    return "\n\n".join(paragraphs)


def opinion_count(number: int) -> int:
    return 1 + number % 3


def _string(text: str) -> str:
    """`text` as a TOML basic string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


def _item(no: int, numbers: range) -> str:
    text = f'[[items]]\nno = {no}\nsection = "1"\n\n'
    for number in numbers:
        text += (
            f'[[items.opinions]]\nlabel = "{number}"\ntext = {_string(opinion_text(number))}\n'
            f"count = {opinion_count(number)}\n\n"
        )
    answer = "ご意見を踏まえ、周知方法を見直します。" * (3 if no == 1 else 1)
    text += (
        '[[items.revisions]]\nauthor = "tanaka"\nat = 2026-03-02T09:30:00+09:00\n'
        f"text = {_string(answer)}\n\n"
    )
    return text


def write_many_opinions(path: Path) -> Path:
    """Write the file at `path` and return it."""
    items = (
        _item(1, range(1, OPINIONS + 1))
        + _item(2, range(OPINIONS + 1, OPINIONS + 3))
        + _item(3, range(OPINIONS + 3, OPINIONS + 4))
    )
    path.write_text(HEADER + items, encoding="utf-8")
    return path
