"""Kana as a name is written in it: katakana (ヤマダ　タロウ), half-width katakana (ﾔﾏﾀﾞ ﾀﾛｳ)
and hiragana (やまだ たろう) read as one script, and a line of katakana told apart from a
loanword (パブリックコメント), for `redact`.

A name's reading is written in every one of these forms, and a form's 氏名 may give it in
one while the letter is signed in another. Half-width katakana write a voiced sound in two
characters (ﾀﾞ for ダ), so a folded text is not one character for one: `fold_kana` keeps,
for each character it gives, where it came from in the text.
"""

from __future__ import annotations

import re
import unicodedata

_HIRAGANA = re.compile("[ぁ-ゖ]")
_ANY_KANA = re.compile("[ぁ-ゖァ-ヺｦ-ﾟ]")
_MARKS = "\u3099\u309a\uff9e\uff9f"  # (semi-)voiced sound marks: combining and half-width


def _half_width() -> dict[str, str]:
    """Each half-width katakana and mark as its full-width form (ﾀ → タ, ﾞ → ゛ combining)."""
    return {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF61, 0xFFA0)}


_HALF = _half_width()


def fold_kana(text: str, hiragana: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """`text` with half-width katakana full-width and a voiced sound mark joined to the
    kana before it (ﾀﾞ → ダ), hiragana as katakana (unless `hiragana` is False), and for
    each character of the result the span of `text` it came from."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for at, char in enumerate(text):
        if char in _MARKS and out:
            joined = unicodedata.normalize("NFC", out[-1] + unicodedata.normalize("NFKC", char))
            if len(joined) == 1:
                out[-1] = joined
                spans[-1] = (spans[-1][0], at + 1)
                continue
        char = _HALF.get(char, char)
        if hiragana and "ぁ" <= char <= "ゖ":
            char = chr(ord(char) + 0x60)
        out.append(char)
        spans.append((at, at + 1))
    return "".join(out), spans


_NARROW = {full: half for half, full in _HALF.items() if len(full) == 1}
_NARROW_MARK = {"\u3099": "\uff9e", "\u309a": "\uff9f"}


def _narrow(char: str) -> str:
    """A full-width katakana in half-width form: ダ → ﾀﾞ (two characters); others as they are."""
    if char in _NARROW:
        return _NARROW[char]
    parts = unicodedata.normalize("NFD", char)
    if len(parts) == 2 and parts[0] in _NARROW and parts[1] in _NARROW_MARK:
        return _NARROW[parts[0]] + _NARROW_MARK[parts[1]]
    return char


def kana_forms(value: str) -> set[str]:
    """`value` as written, in katakana, in hiragana and in half-width katakana: the forms
    a cheap substring test looks for (see `redact.mentions_own`)."""
    katakana = fold_kana(value)[0]
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)
    narrow = "".join(_narrow(c) for c in katakana)
    return {value, katakana, hiragana, narrow} - {""}


def has_kana(text: str) -> bool:
    """Whether `text` holds any kana (hiragana, katakana or half-width katakana)."""
    return _ANY_KANA.search(text) is not None


def has_hiragana(text: str) -> bool:
    """Whether `text` holds any hiragana."""
    return _HIRAGANA.search(text) is not None


# A katakana reading of a name, in full-width katakana (after `fold_kana`): one to eight
# kana for each part, the parts parted by a space or a middle dot, or not at all.
KATAKANA = "ァ-ヺ"
READING = rf"[{KATAKANA}ー]{{1,8}}(?:[ 　・･]?[{KATAKANA}ー]{{1,8}})?"
_PARTS = re.compile(r"[ 　・･]")

# What a Japanese name's reading never holds and a loanword often does: the small vowels
# of foreign sounds (ファ, ティ), ヴ, the long vowel mark (a name's reading writes ウ: ユウコ),
# and a p-sound that does not follow ッ or ン (イッペイ, シンペイ are names; パブリック is not).
_LOANWORD = re.compile(r"[ァィゥェォヮヴー]|(?<![ッン])[パピプペポ]")

# The readings of common family names (and of 見本 and 架空, which made-up examples use).
# A line of katakana alone without a space is a name only when it starts with one of these:
# リサイクル, システム, クラウド are not names, and nothing else tells them from ヤマダタロウ.
_FAMILY_NAMES = """
    サトウ スズキ タカハシ タナカ ワタナベ イトウ ヤマモト ナカムラ コバヤシ カトウ ヨシダ
    ヤマダ ササキ ヤマグチ マツモト イノウエ キムラ ハヤシ サイトウ シミズ ヤマザキ モリ
    アベ イケダ ハシモト ヤマシタ イシカワ ナカジマ マエダ フジタ オガワ ゴトウ オカダ
    ハセガワ ムラカミ コンドウ イシイ サカモト エンドウ アオキ フジイ ニシムラ フクダ オオタ
    ミウラ フジワラ オカモト マツダ ナカガワ ナカノ ハラダ オノ タムラ タケウチ カネコ ワダ
    ナカヤマ イシダ ウエダ モリタ シバタ サカイ クドウ ヨコヤマ ミヤザキ ミヤモト ウチダ
    タカギ アンドウ タニグチ オオノ マルヤマ イマイ タカダ フジモト タケダ ムラタ ウエノ
    スギヤマ マスダ スガワラ ヒラノ オオツカ コジマ チバ クボ マツイ イワサキ サクライ
    キノシタ ノグチ マツオ キクチ ノムラ アライ ワタベ オオシマ ヒラタ スギモト ナカタ
    オオニシ クボタ イワタ ミズノ コヤマ ハマダ ヤマウチ キタムラ ニシダ カワグチ ホンダ
    ヤノ ツジ アラキ ニシカワ ナカニシ ヤスダ オオハシ カワカミ ヒロセ ホリ ミヤタ オカ
    ミホン カクウ
"""
FAMILY_NAMES = frozenset(_FAMILY_NAMES.split())

# The readings of common given names, men's and women's, of every generation. A family
# name's reading followed by more kana is a name only when the rest is one of these: a
# family name's reading starts many words and brands (サトウキビ, モリソバ, ヤマダデンキ,
# ホンダシビック), and nothing but the given name tells them from ヤマダタロウ. So is the
# second of two short parts (ミナミ ハルカ, not ドウゾ ヨロシク).
_GIVEN_NAMES = """
    タロウ ジロウ サブロウ シロウ イチロウ ケンイチロウ ケンイチ シンイチ ジュンイチ
    コウイチ ヨウイチ ユウイチ セイイチ ケイイチ ショウイチ ヒロシ タカシ タケシ サトシ
    キヨシ ヒトシ ススム マサル ミノル ツトム オサム イサム ワタル カオル ヒロユキ
    トシユキ ノリユキ マサユキ ヒデキ ナオキ カズキ ユウキ ダイキ マサキ ヒロキ トモキ
    コウキ ハルキ イツキ ケンタ ショウタ ソウタ ユウタ コウタ リョウタ ケイタ ヒナタ
    ハルト ユウト ヒロト カイト リクト ミナト ダイスケ ケイスケ ユウスケ シュンスケ
    コウスケ リュウノスケ タクヤ カズヤ テツヤ ナオヤ トモヤ タツヤ シンヤ ケンジ コウジ
    ユウジ シンジ ケイジ エイジ ジョウジ ヨウヘイ シュウヘイ コウヘイ ジュンペイ ショウヘイ
    カズオ ヤスオ ノブオ テツオ アキオ マサオ ヒデオ トシオ ヨシオ ケン ジュン シン ショウ
    リョウ リク レン ソラ ガク ゴウ ジン ダイ マコト ヒロ マサヒロ カズヒロ トモヒロ
    タカヒロ アキラ ツヨシ マモル ノボル タクミ ユウマ タクマ カズマ ソウマ アキヒコ
    カズヒコ トシヒコ タダシ マサシ ヤスシ ハジメ マサトシ ケンゴ シンゴ ダイゴ ユウゴ
    ハナコ ヨウコ ケイコ ユウコ ジュンコ ヒロコ カズコ トモコ ノリコ マサコ ミチコ サチコ
    キョウコ アキコ ナオコ リョウコ ユキコ ヨシコ エミコ フミコ アツコ マユミ アユミ ナオミ
    ヒロミ ユミ マミ エミ クミ ルミ メグミ ノゾミ ナツミ ハルミ キヨミ ミユキ サユリ ユリ
    マリ エリ ユカリ ヒカリ アカリ ミドリ カオリ サオリ シオリ イオリ サクラ ハルカ アヤカ
    モモカ ホノカ シズカ アスカ チカ リカ ユカ ミカ エリカ アヤ サヤ マヤ アイ メイ マイ
    ユイ レイ ケイ ミサキ サキ ユキ アキ マキ ミキ ハナ ユナ ヒナ モモ ミオ ミホ シホ ナホ
    カホ リホ マホ ミズホ チエ サエ カナエ ヨシエ ノリエ アヤネ アカネ ミハル ユウナ リン
    カリン カレン アンナ ミク ナナ ミナ ハルナ マナ ミナミ アオイ
"""
GIVEN_NAMES = frozenset(_GIVEN_NAMES.split())


def looks_like_name_reading(reading: str) -> bool:
    """Whether a line of katakana (folded) reads as a name rather than a loanword."""
    return _LOANWORD.search(reading) is None


def is_name_reading(line: str) -> bool:
    """Whether a line of katakana alone (folded) is a name: a common family name alone or
    with a common given name (ヤマダ, ヤマダタロウ), a common family name and any short part
    after a space (ヤマダ　ケン), or two short parts the second of which is a common given
    name (ミナミ・ハルカ); never what reads as a loanword."""
    if not looks_like_name_reading(line):
        return False
    parts = [part for part in _PARTS.split(line) if part]
    if len(parts) == 2:
        if parts[0] in FAMILY_NAMES:
            return True
        return all(2 <= len(part) <= 4 for part in parts) and parts[1] in GIVEN_NAMES
    if len(parts) != 1:
        return False
    word = parts[0]
    return any(
        word.startswith(family) and (word == family or word[len(family) :] in GIVEN_NAMES)
        for family in FAMILY_NAMES
    )
