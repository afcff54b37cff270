"""Names written in kana: after a label (氏名：カクウ　タロウ, 氏名（フリガナ）：…, ﾌﾘｶﾞﾅ:…),
as a signature on a letter's last line (カクウタロウ, ﾐﾎﾝ ﾊﾅｺ, 架空 太郎（カクウ　タロウ）),
and a form's 氏名 found in the letter in another kana. Ordinary katakana words — as a last
line, or inside sentences — are not names. Through the functions and through `pctui intake
import`. All names are made up (架空 and 見本 are the project's fake family names)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmarks.intake_generate import opinions
from tests.console import pctui

from pctui.intake.redact import find_personal_data
from pctui.intake.registry import Registry

ROOT = Path(__file__).resolve().parents[2]
LETTER = "計画に反対します。\n駅前の駐輪場を先に整備してください。\n"

SIGNATURES = [
    "カクウタロウ",
    "カクウ　タロウ",
    "カクウ タロウ",
    "ヤマダタロウ",
    "ヤマダ・タロウ",
    "ﾐﾎﾝﾊﾅｺ",
    "ﾐﾎﾝ ﾊﾅｺ",
    "ﾔﾏﾀﾞ ﾀﾛｳ",
    "架空 太郎（カクウ　タロウ）",
    "架空太郎(ｶｸｳﾀﾛｳ)",
    "カクウ タロウ（架空 太郎）",
    "見本ﾊﾅｺ",
    "ミナミ ハルカ",  # a family name not in the list, with a given name: two short parts
]

# Loanwords an opinion may hold, each standing alone on the last line, or in a sentence.
_LOANWORDS = """
エネルギー リサイクル ハラスメント システム デジタル インフラ コスト リスク メリット
デメリット スケジュール プロセス ルール サービス データ センター パブリックコメント
ガイドライン マニュアル イベント スポーツ バス タクシー トイレ ゴミ マンション アパート
ホテル コンビニ スーパー ボランティア コミュニティ ネットワーク セキュリティ プライバシー
マイナンバー カメラ ドローン アンケート ワークショップ パンフレット ポスター ホームページ
ウェブサイト メール ファクス サイクリング ベンチ フェンス ライト ガス ダム トンネル ペット
アレルギー ワクチン ウイルス マスク ストレス ケア サポート モデル テスト ゼロ カーボン
ソーラー パネル バイオマス クラウド アクセス サンプル アメリカ リンク ログ マイナ
ガバメントクラウド コンプライアンス バックスラッシュ ニュータウン ロードマップ シンポジウム
"""
LOANWORDS = _LOANWORDS.split()


@pytest.mark.parametrize("signature", SIGNATURES)
def test_a_signature_in_kana_is_a_name(signature: str) -> None:
    text = LETTER + signature
    (found,) = find_personal_data(text, signed=True)
    assert (found.reason, text[found.start : found.end]) == ("name", signature)


@pytest.mark.parametrize(
    "line",
    [
        "氏名：カクウ　タロウ",
        "氏名（フリガナ）：カクウ　タロウ",
        "お名前(カナ):ｶｸｳ ﾀﾛｳ",
        "フリガナ：カクウ タロウ",
        "ﾌﾘｶﾞﾅ:ｶｸｳ ﾀﾛｳ",
        "ふりがな：かくう たろう",
    ],
)
def test_a_name_in_kana_after_a_label_is_removed(line: str) -> None:
    text = LETTER + line + "\n以上"
    (found,) = find_personal_data(text)
    assert found.reason == "name"
    assert text[found.start : found.end] == line.replace(":", "：").split("：")[-1]


@pytest.mark.parametrize("word", LOANWORDS)
def test_a_loanword_is_not_a_name(word: str) -> None:
    assert find_personal_data(LETTER + word, signed=True) == []
    assert find_personal_data(f"{word}の見直しを求めます。\n{word}について", signed=True) == []


# Last lines that start with a family name's reading (サトウ, モリ, ヤマダ, ホンダ, ...) or
# stand as two short parts, and are words, phrases or product names, not a person.
NOT_NAMES = [
    "ヨロシクオネガイシマス",
    "アリガトウゴザイマシタ",
    "ドウゾ　ヨロシク",
    "マタ ヨロシク",
    "ヨロシク・タノム",
    "サトウキビ",
    "モリソバ",
    "ハヤシライス",
    "アベノミクス",
    "ツジツマ",
    "オカシイ",
    "アンドウナツ",
    "ホリダシモノ",
    "ヤマダデンキ",
    "ﾔﾏﾀﾞﾃﾞﾝｷ",
    "ホンダシビック",
    "スズキスイフト",
    "マツダスタジアム",
    "コバヤシセイヤク",
    "タケダヤクヒン",
    "イトウヨウカドウ",
]


@pytest.mark.parametrize("line", NOT_NAMES)
def test_a_word_or_product_starting_like_a_family_name_is_not_a_name(line: str) -> None:
    assert find_personal_data(LETTER + line, signed=True) == []


@pytest.mark.parametrize(
    "signature", ["サトウリョウ", "モリハナコ", "ｽｽﾞｷﾕｳｷ", "ヤマダ", "ホンダ ケン"]
)
def test_a_family_name_with_a_given_name_or_alone_is_still_a_name(signature: str) -> None:
    text = LETTER + signature
    (found,) = find_personal_data(text, signed=True)
    assert (found.reason, text[found.start : found.end]) == ("name", signature)


@pytest.mark.parametrize("written", ["ｶｸｳﾀﾛｳ", "かくう　たろう", "カクウ タロウ", "ｶｸｳ ﾀﾛｳ"])
def test_a_form_name_in_kana_is_found_in_any_kana(written: str) -> None:
    text = f"説明会で{written}として発言しました。再説明を求めます。"
    (found,) = find_personal_data(text, [("name", "カクウ タロウ")])
    assert (found.reason, text[found.start : found.end]) == ("name", written)


def test_the_generator_opinions_hold_no_name() -> None:
    texts = {o.text for o in opinions(20_000, 1)}
    assert [t for t in texts if find_personal_data(t, signed=True)] == []


def test_import_finds_a_katakana_signature_under_a_named_form(tmp_path: Path) -> None:
    """The form gives 氏名 in kanji; the letter is signed with its reading (found now that a
    named submission's last line is looked at too) or in half-width kana."""
    consultation = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", consultation)
    source = tmp_path / "s.csv"
    source.write_text(
        "受付番号,氏名,意見\n"
        '2026-0001,架空 太郎,"計画に反対します。\n架空 太郎（カクウ　タロウ）"\n'
        '2026-0002,見本 花子,"計画に賛成です。\nﾐﾎﾝ ﾊﾅｺ"\n'
        '2026-0003,,"計画に賛成です。\nリサイクル"\n',
        encoding="utf-8",
    )
    done = pctui("intake", "import", consultation, source)
    assert done.returncode == 0, done.stderr
    with Registry.open(tmp_path / "c.intake.sqlite") as registry:
        public = {o.id: o.text for o in registry.opinions()}
    assert public == {
        "2026-0001-1": "計画に反対します。\n【個人情報のため削除】",
        "2026-0002-1": "計画に賛成です。\n【個人情報のため削除】",
        "2026-0003-1": "計画に賛成です。\nリサイクル",
    }
