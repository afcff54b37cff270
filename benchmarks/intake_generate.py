"""A national campaign's opinions, made up, with the truth of which belong together.

What a ministry receives when organised groups campaign: a few letters sent by thousands,
most verbatim, some with a personal sentence added, a sentence left out, a word changed, or
only the layout changed (re-typed, full-width digits, a comma for a 読点); beside them the
unique opinions people wrote themselves, and submissions making several points (one opinion
per point, ids `<受付番号>-<k>`). Sentences are built from random kanji compounds so that
unique opinions are as different from each other as real ones, not variants of a few
templates. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

# Common kanji: compounds of two of them are the nouns and verb stems of the sentences.
KANJI = (
    "安全環境住民地域計画事業処分土壌除去汚染調査結果報告説明責任管理基準制度行政政策国民"
    "生活健康影響被害補償費用負担経済産業雇用教育医療福祉交通道路河川水質大気廃棄物資源"
    "電力発電原子再生可能技術開発研究情報公開透明議論参加意見募集期間延長検討実施評価見直"
    "将来世代子供高齢障害農業漁業林業観光文化歴史自然景観保全防災避難訓練確保財源税金予算"
)
PARTICLES = ("の", "に", "を", "が", "は", "と", "で", "から", "まで", "より")
ENDINGS = (
    "について再検討を求めます。",
    "を明確にすべきだと考えます。",
    "に強く反対します。",
    "の説明が不十分です。",
    "を十分に考慮してください。",
    "は見直すべきです。",
    "に関する情報を公開してください。",
    "を優先すべきではないでしょうか。",
    "について住民の理解が得られていません。",
    "の根拠を示してください。",
)
PERSONAL = (
    "私は{place}に{years}年住んでいます。",
    "{place}で子供を育てている親として心配です。",
    "{place}で農業を営んでおり、{word}{particle}影響を懸念しています。",
    "先日{place}の説明会に参加しましたが、{word}{particle}説明はありませんでした。",
    "祖父の代から{place}で暮らしてきました。",
)
PLACES = ("福島市", "郡山市", "いわき市", "大熊町", "双葉町", "横浜市", "名古屋市", "札幌市")
SHORT_STOCK = ("反対です。", "賛成です。", "計画の撤回を求めます。", "よく検討してください。")
LAYOUT_SWAPS = (("、", "，"), ("。", "．"), ("0", "０"), ("1", "１"), ("2", "２"))


@dataclass(frozen=True, slots=True)
class Opinion:
    """A generated opinion: its id, its submission's 受付番号, its text and the id of the
    true group it belongs to."""

    id: str
    submission: str
    text: str
    truth: str


@dataclass(frozen=True, slots=True)
class Mix:
    """What share of the opinions is which kind (the rest are unique)."""

    campaign: float = 0.72
    """Opinions copied from a campaign letter (verbatim or varied)."""
    varied: float = 0.25
    """Of those, the share not verbatim (personal sentence, omission, edit, layout)."""
    stock: float = 0.03
    """Short stock phrases many people write independently (反対です。)."""
    multi_point: float = 0.1
    """Submissions making two to four points."""
    campaigns: int = 40


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(KANJI, k=rng.choice((2, 2, 3, 4))))


def sentence(rng: random.Random) -> str:
    """A sentence of random compounds: unique opinions share almost no 5-gram."""
    parts = [_word(rng) + rng.choice(PARTICLES) for _ in range(rng.randint(1, 3))]
    return "".join(parts) + _word(rng) + rng.choice(ENDINGS)


def personal(rng: random.Random) -> str:
    """A sentence about the sender, as people add to a campaign letter."""
    return rng.choice(PERSONAL).format(
        place=rng.choice(PLACES),
        years=rng.randint(3, 60),
        word=_word(rng),
        particle=rng.choice(PARTICLES),
    )


def letter(rng: random.Random) -> list[str]:
    """A campaign letter's sentences (four to eight)."""
    return [sentence(rng) for _ in range(rng.randint(4, 8))]


def vary(rng: random.Random, sentences: list[str]) -> str:
    """One sender's copy of a letter that is not verbatim."""
    kind = rng.choice(("personal", "omit", "edit", "layout", "personal+omit"))
    body = list(sentences)
    if "omit" in kind:
        del body[rng.randrange(len(body))]
    if "personal" in kind:
        added = personal(rng)
        if rng.random() < 0.5:
            body.insert(0, added)
        else:
            body.append(added)
    text = "".join(body)
    if kind == "edit":
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(KANJI) + text[at + 1 :]
    if kind == "layout":
        text = "\n".join(body)
        for before, after in rng.sample(LAYOUT_SWAPS, k=2):
            text = text.replace(before, after)
        text = "　" + text if rng.random() < 0.5 else text + "\n"
    return text


def opinions(count: int, seed: int = 1, mix: Mix = Mix()) -> Iterator[Opinion]:
    """`count` opinions, in id order."""
    rng = random.Random(seed)
    letters = [letter(rng) for _ in range(mix.campaigns)]
    # Campaign sizes fall off as real ones do: a few letters carry most of the copies.
    weights = [1.0 / (rank + 1) for rank in range(mix.campaigns)]
    made = 0
    number = 0
    while made < count:
        number += 1
        submission = f"R{number:07d}"
        points = rng.randint(2, 4) if rng.random() < mix.multi_point else 1
        for k in range(1, min(points, count - made) + 1):
            draw = rng.random()
            if draw < mix.campaign:
                which = rng.choices(range(mix.campaigns), weights)[0]
                sentences = letters[which]
                verbatim = rng.random() >= mix.varied
                text = "".join(sentences) if verbatim else vary(rng, sentences)
                truth = f"campaign{which}"
            elif draw < mix.campaign + mix.stock:
                text = rng.choice(SHORT_STOCK)
                truth = f"stock:{text}"
            else:
                text = "".join(sentence(rng) for _ in range(rng.randint(1, 4)))
                truth = f"unique:{submission}-{k}"
            yield Opinion(f"{submission}-{k}", submission, text, truth)
            made += 1


def b_cubed(found: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a grouping: `found` and `truth` give each opinion's
    group. For each opinion, precision is the share of its found group that truly belongs
    with it, recall the share of its true group found with it; both are averaged."""
    both = Counter((found[opinion], truth[opinion]) for opinion in truth)
    found_sizes, true_sizes = Counter(found.values()), Counter(truth.values())
    precision = sum(n * n / found_sizes[f] for (f, _), n in both.items()) / len(truth)
    recall = sum(n * n / true_sizes[t] for (_, t), n in both.items()) / len(truth)
    return precision, recall
