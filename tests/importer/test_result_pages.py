"""The facts above real results pages, as their text reads (tests/importer/real/README.md,
"Pages read"): results pages whose text was found in a stored copy of the public web, each
quoted from its first line down to where its opinions start (or to the link to the PDF that
holds them). What each test asserts was checked by hand against the page's text. Sources
(government works, 政府標準利用規約 2.0 or the city's own terms):

- 西東京市「第2次総合計画(後期基本計画)素案」の検討結果 (2018-08-15),
  <http://www.city.nishitokyo.lg.jp/siseizyoho/pub/kekka/2018/dainijisougokeikaku_kouki.html>
- 延岡市「政策等の形成過程における市民等参加条例(案)」に係る意見募集の実施結果 (2020-11-30),
  <http://www.city.nobeoka.miyazaki.jp/soshiki/6/14024.html>
- 品川区大井町駅周辺地区バリアフリー計画(素案)に関する結果公表 (2015-03-21),
  <https://www.city.shinagawa.tokyo.jp/PC/kuseizyoho/kuseizyoho-zyouhoukoukai/
  kuseizyoho-zyouhoukoukai-kouhyoukanri/hpg000024820.html>
- 江東区 基本構想「中間のまとめ」に関する意見等公表 (2008),
  <https://www.city.koto.lg.jp/010162/kuse/kocho/paburikku/h20/41983.html>
- 環境省 鳥獣の保護を図るために事業を実施するための基本指針に関するパブリックコメントの集計
  結果と対応 (2002), <http://www.env.go.jp/info/iken/result/h141124a.html>
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.importer import ERROR, WARNING, RawDocument, read_source, read_text, to_consultation
from pctui.publish import render

Run = Callable[..., subprocess.CompletedProcess[str]]
AT = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))

# 西東京市's first two rows: 項目, お寄せいただいた意見, 市の検討結果と理由.
OPINION_1 = "財政フレームがなければ、経済的な実現性を詳細に検討できないのでは。"
ANSWER_1 = (
    "財政フレームについては、後期基本計画の各施策を達成するための具体的事業の整理と"
    "あわせて作成し、お示ししてまいります。"
)
OPINION_2 = (
    "評価指標のほぼすべてが空欄である。今までの分については実績値や達成率はないの"
    "だろうか。過去の成果をチェックできないまま未来を語っても無意味ではないか。"
)
ANSWER_2 = (
    "成果指標につきましては、平成29年度の実績を整理し、お示しします。なお、後期基本計画の"
    "策定に当たっては、昨年度、平成28年度の成果指標の実績に基づく施策評価を実施しました。"
)
NISHITOKYO = "\n".join(
    [
        "第2次総合計画(後期基本計画)素案",
        "ページ番号 791-931-355",
        "最終更新日 2018年8月15日",
        "検討結果公表日 平成30年8月15日(水曜日)",
        "意見募集期間 平成30年6月26日(火曜日)から7月25日(水曜日)",
        "提出された意見件数 63件(14人)",
        "担当課 企画部企画政策課",
        " 下記の一覧表は、市民の皆さんからお寄せいただいた意見を一部要約等したうえ、原案の"
        "項目ごとに整理し、それに対する西東京市の考え方をまとめたものです。",
        " 項目ごとに、「お寄せいただいた意見」、「市の検討結果と理由」を記述しています。",
        "項目 お寄せいただいた意見 市の検討結果と理由",
        "1 [お寄せいただいた意見]",
        OPINION_1,
        "[市の検討結果と理由]",
        ANSWER_1,
        "2 [お寄せいただいた意見]",
        OPINION_2,
        "[市の検討結果と理由]",
        ANSWER_2,
    ]
)

NOBEOKA = "\n".join(
    [
        "「政策等の形成過程における市民等参加条例(案)」に係る意見募集の実施結果について",
        "1.意見募集対象",
        "政策等の形成過程における市民等参加条例(案) [PDFファイル/513KB]",
        "2.意見募集期間",
        "令和2年10月1日(木曜)~10月22日(木曜)",
        "3.意見提出状況",
        "提出者数 205名",
        "提出された意見数 225件",
        "4.意見及び本市の考え方",
        "意見及び本市の考え方 [PDFファイル/677KB]",
    ]
)

SHINAGAWA = "\n".join(
    [
        "2014-005 品川区大井町駅周辺地区バリアフリー計画(素案)に関する結果公表",
        "更新日:平成27年3月21日",
        "   品川区大井町駅周辺地区バリアフリー計画の作成に当たり、計画案に対する意見募集を"
        "行ったところ、18人の方から42件のご意見をいただきました。",
        "意見公募(パブリックコメント)の実施状況",
        "1 募集期間",
        "  平成26年12月11日(木)から平成27年1月9日(金)まで",
        "2 計画案の公表方法",
        "  広報しながわ(12月11日号)、区ホームページ、区政資料コーナー(第三庁舎3階)、"
        "都市計画課(本庁舎6階)",
        "3 受付方法",
        "  郵送、FAX、区ホームページ、都市計画課窓口への持参",
        "4 意見応募状況",
        "  応募者数  18人",
        "  意見件数  42件",
        "  (内訳)郵送 0人、FAX 1人、区ホームページ 17人、持参 0人",
        "ご意見と区の考え方",
    ]
)

KOTO = "\n".join(
    [
        "基本構想「中間のまとめ」に関する意見等公表(パブリックコメント)",
        "成20年10月1日から10月24日まで基本構想「中間のまとめ」のパブリックコメント"
        "(区民意見募集)を行い、107人から138件のご意見が寄せられました。",
        "パブリックコメントの実施状況",
        "  • (1)意見募集期間",
        "    平成20年10月1日(水曜日)~10月24日(金曜日)",
        "  • (2)「中間のまとめ」の公表方法",
        "    区報パブリックコメント特集号(10月1日)、区ホームページ、企画課、"
        "こうとう情報ステーション、各出張所・図書館",
        "  • (3)受付方法",
        "    区報刷込はがき、郵送、FAX、電子メール(区ホームページより)、企画課窓口持参",
        "  • (4)意見提出状況",
        "    提出者数107人",
        "    (内訳)郵送(区報掲載のはがき等)89人、FAX5人、電子メール11人、窓口持参2人",
        "寄せられた意見と区の考え方",
    ]
)


def errors(raw: RawDocument) -> list[str]:
    return [note.message for note in raw.notes if note.severity == ERROR]


def test_nishitokyo_page_labelled_items_and_the_submitters_after_the_count() -> None:
    raw = read_text(NISHITOKYO)
    # The two sentences about the table are not facts: text above the table, said with
    # their lines as warnings (they were errors: the import exited 1 on a page's prose).
    assert [n.line for n in raw.notes if n.severity == ERROR] == []
    above = [n.line for n in raw.notes if n.message.startswith("text above the table")]
    assert above == [8, 9]
    assert raw.title == "第2次総合計画(後期基本計画)素案"
    assert (raw.opened, raw.closed) == (dt.date(2018, 6, 26), dt.date(2018, 7, 25))
    # "63件(14人)": 63 opinions from 14 people, more than the two rows quoted here.
    assert (raw.published_submitters, raw.published_opinions) == (14, 63)
    assert raw.submitter_unit == "人"
    # The labels head the columns when the result is published again.
    assert (raw.opinion_heading, raw.response_heading) == (
        "お寄せいただいた意見",
        "市の検討結果と理由",
    )
    assert [item.no for item in raw.items] == [1, 2]
    assert raw.items[1].opinion.endswith("未来を語っても無意味ではないか。")
    assert raw.items[1].response.startswith("成果指標につきましては、")
    # The page's own facts are said and left out, not errors.
    unkept = [n.message for n in raw.notes if n.message.startswith("not kept")]
    assert len(unkept) == 4 and "担当課" in unkept[3]


def test_nobeoka_page_header_parts_numbered_with_a_full_stop() -> None:
    """1.意見募集対象 … 4.意見及び本市の考え方: header parts, not four sections."""
    raw = read_text(NOBEOKA)
    assert raw.sections == []
    assert raw.title == "政策等の形成過程における市民等参加条例(案)"
    assert (raw.opened, raw.closed) == (dt.date(2020, 10, 1), dt.date(2020, 10, 22))
    assert (raw.published_submitters, raw.published_opinions) == (205, 225)
    assert raw.submitter_unit == "名"
    # The opinions are in a PDF the page links to: said, nothing guessed.
    assert [m for m in errors(raw) if "no opinion table found" in m]
    assert len(errors(raw)) == 2  # and the link line after the results heading


def test_shinagawa_page_places_on_one_line_and_the_breakdown_by_method() -> None:
    raw = read_text(SHINAGAWA)
    # "2014-005", the ward's case number before the title, is no word of it: left out, said.
    assert raw.title == "品川区大井町駅周辺地区バリアフリー計画(素案)"
    assert [n.line for n in raw.notes if "case number '2014-005'" in n.message] == [1]
    assert (raw.opened, raw.closed) == (dt.date(2014, 12, 11), dt.date(2015, 1, 9))
    assert raw.places == [
        "広報しながわ(12月11日号)",
        "区ホームページ",
        "区政資料コーナー(第三庁舎3階)",
        "都市計画課(本庁舎6階)",
    ]
    assert raw.submitters == {"郵送": 0, "FAX": 1, "区ホームページ": 17, "持参": 0}
    assert (raw.declared_submitters, raw.declared_total) == (18, 42)
    # 受付方法 says 都市計画課窓口への持参, the breakdown 持参: both kept, and said.
    assert raw.methods == ["郵送", "FAX", "区ホームページ", "都市計画課窓口への持参", "持参"]
    assert any("持参" in n.message and "内訳" in n.message for n in raw.notes)
    assert [m for m in errors(raw) if "no opinion table found" in m] == errors(raw)


def test_koto_page_totals_in_a_sentence_and_bulleted_header_parts() -> None:
    raw = read_text(KOTO)
    assert raw.title == "基本構想「中間のまとめ」"
    assert (raw.published_submitters, raw.published_opinions) == (107, 138)
    assert (raw.opened, raw.closed) == (dt.date(2008, 10, 1), dt.date(2008, 10, 24))
    assert raw.places[0] == "区報パブリックコメント特集号(10月1日)"
    assert raw.places[-1] == "各出張所・図書館"
    assert raw.methods[:5] == [
        "区報刷込はがき",
        "郵送",
        "FAX",
        "電子メール(区ホームページより)",
        "企画課窓口持参",
    ]
    assert sum(raw.submitters.values()) == 107 == raw.declared_submitters
    assert raw.submitters["郵送(区報掲載のはがき等)"] == 89
    assert [m for m in errors(raw) if "no opinion table found" in m] == errors(raw)


def test_a_title_broken_before_its_particle_is_joined() -> None:
    """座間市's result prints its title over two lines (座間市都市マスタープラン(素案) /
    に対するパブリックコメントへの回答, 2010, as its PDF's text reads)."""
    text = "\n".join(
        [
            "座間市都市マスタープラン(素案)",
            "に対するパブリックコメントへの回答",
            "No.\t意見\t回答",
            "1\t(the project's row)\t(the project's answer)",
        ]
    )
    raw = read_text(text)
    assert errors(raw) == []
    assert raw.title == "座間市都市マスタープラン(素案)"


NISHITOKYO_ROWS = [
    ["項目", "お寄せいただいた意見", "市の検討結果と理由"],
    ["1", OPINION_1, ANSWER_1],
    ["2", OPINION_2, ANSWER_2],
]


@pytest.mark.parametrize("suffix", [".txt", ".csv"])
def test_nishitokyo_table_numbered_under_its_item_column(suffix: str, tmp_path: Path) -> None:
    """The page's table as its cells read (tab-separated text, a CSV): 項目 holds 1, 2 …,
    the rows' numbers, not a topic each ("1") printed again beside the No."""
    source = tmp_path / f"kekka{suffix}"
    if suffix == ".csv":
        with source.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(NISHITOKYO_ROWS)
    else:
        source.write_text("\n".join("\t".join(row) for row in NISHITOKYO_ROWS), "utf-8")
    raw = read_source(source)
    assert errors(raw) == []
    assert [(item.no, item.topic) for item in raw.items] == [(1, None), (2, None)]
    assert raw.items[0].opinion.startswith("財政フレームがなければ")
    assert raw.columns[0] == ("no", "項目", 1)


def test_an_item_column_of_words_stays_the_topic() -> None:
    rows = [["項目", "意見", "市の考え方"], ["計画全般", "意見。", "回答。"]]
    raw = read_text("\n".join("\t".join(row) for row in rows))
    assert raw.items[0].topic == "計画全般"
    assert raw.columns[0] == ("topic", "項目", 1)


# 環境省「鳥獣の保護を図るために事業を実施するための基本指針」に関するパブリックコメントの
# 集計結果と対応について (2002), <http://www.env.go.jp/info/iken/result/h141124a.html>.
ENV_CHOJU = "\n".join(
    [
        "■意見募集要項■",
        "「鳥獣の保護を図るために事業を実施するための基本指針」",
        "に関するパブリックコメントの集計結果と対応について",
        " 「鳥獣の保護を図るために事業を実施するための基本指針」について、平成14年10月29日"
        "から平成14年11月24日までの27日間、国民からの意見募集(パブリックコメント)を実施し、"
        "提出された意見を踏まえて最終案を作成した。",
        " パブリックコメントの実施結果の概要は以下のとおり。",
        "提出された意見書の数",
        "・封書によるもの 1,649通",
        "・ファックスによるもの 60通",
        "・電子メールによるもの 55通",
        "合 計 1,764通",
        "整理された個別意見の延べ数",
        "うち本案件に関するもの 25,565件",
        "うち本案件外のもの 24,851件",
        "意見を踏まえた修正箇所数 4箇所",
        " 主な意見と対応については別添のとおり。",
    ]
)


def test_env_ministry_page_submissions_by_method_in_a_list() -> None:
    raw = read_text(ENV_CHOJU)
    # Not "■意見募集要項■" (a link above it), and the title's second line joined to it.
    assert raw.title == "鳥獣の保護を図るために事業を実施するための基本指針"
    # The period, from the sentence that gives it.
    assert (raw.opened, raw.closed) == (dt.date(2002, 10, 29), dt.date(2002, 11, 24))
    assert raw.submitters == {"封書": 1649, "ファックス": 60, "電子メール": 55}
    assert raw.methods == ["封書", "ファックス", "電子メール"]
    assert raw.submitter_unit == "通"
    assert raw.declared_submitters == 1764  # 合計, the list's sum
    # 4箇所 counts the revisions, not opinions: never read as 意見総数.
    assert raw.declared_total is None
    # What pctui cannot hold (opinions on and off the draft) is said with its line; the
    # opinions themselves are in an annex (別添): "no opinion table found" (line 1).
    # Lines 5 ("…概要は以下のとおり。") and 15 ("…については別添のとおり。") are prose above
    # where the opinions would be: warnings.
    unread = sorted(n.line for n in raw.notes if n.severity == ERROR)
    assert unread == [1, 11, 12, 13, 14]
    above = [n.line for n in raw.notes if n.message.startswith("text above the table")]
    assert above == [5, 15]


# 世田谷区「世田谷区基本計画(素案)に対する区民意見及び区の考え方について」 (2023), the text
# version the ward publishes beside its PDF,
# <http://www.city.setagaya.lg.jp/mokuji/kusei/002/001/002/d00208452_d/fil/kuminikenbosyu_kekka_pdf.txt>.
# The stored copy gives its words with the line breaks folded into spaces; they are restored
# here where a part, a row or a label starts. "@" and "A" are the file's own: its ① and ②,
# whose Shift_JIS lead byte a conversion lost. The copy ends inside the second answer.
SETAGAYA = "\n".join(
    [
        "世田谷区基本計画(素案)に対する区民意見及び区の考え方について",
        "1.パブリックコメント",
        "(1) 募集期間",
        "   令和5年9月15日(金)〜10月6日(金)",
        "(2) 提出人数及び件数",
        "    77人(210件)",
        "(3) 項目別件数",
        "項目 件数",
        "第1章 計画の策定について 1件",
        "第2章 計画策定の背景について 4件",
        "第3章 基本方針について 5件",
        "第4章 政策 子ども・若者について 20件",
        "教育について 33件",
        "健康・福祉について 19件",
        "災害・危機管理について 9件",
        "環境・リサイクル・みどりについて 28件",
        "経済・産業について 9件",
        "文化・スポーツについて 4件",
        "都市整備について 31件",
        "人権・コミュニティについて 12件",
        "第5章 計画実行の指針について 4件",
        "第6章 持続可能な自治体経営について 3件",
        "その他、計画全体に関するご意見について 28件",
        "合計 210件",
        "その他、各分野個別意見については、関係所管にご意見をお伝えしました。",
        "(4) 意見概要及び区の考え方",
        "@ 計画の策定について",
        "意見概要 : 計画期間は8年間ですが、10年としてもよいのではないでしょうか。これからの"
        "世界情勢の変化にアンテナを張り、情報、データの収集、分析、洞察して策定すべきであり、"
        "良い期間だと思います。",
        "区の考え方: 現行の基本計画の計画期間は10年間としていますが、次期基本計画においては、"
        "より機動的・実践的かつ、社会状況の変化などを一層反映できる計画とするため、計画期間を"
        "8年間としました。",
        "A 計画策定の背景について",
        "意見概要: ふるさと納税による住民税流失への対応が世田谷区の急務であると思いますが、"
        "ボイジー市の政策の進め方を参考にされてはどうかと思います。",
        "区の考え方:ふるさと納税制度による区税への影響額は看過できない段階とな",
    ]
)


def test_setagaya_text_unnumbered_labelled_items_under_lost_circled_numbers() -> None:
    raw = read_text(SETAGAYA)
    assert raw.title == "世田谷区基本計画(素案)"
    assert (raw.opened, raw.closed) == (dt.date(2023, 9, 15), dt.date(2023, 10, 6))
    assert (raw.published_submitters, raw.published_opinions) == (77, 210)
    # "1.パブリックコメント" heads the facts; ① and ② (printed @ and A) are the sections.
    assert raw.sections == ["計画の策定について", "計画策定の背景について"]
    assert raw.section_labels == {"計画の策定について": "①", "計画策定の背景について": "②"}
    # Each "意見概要 :" opens an item, answered by the "区の考え方:" under it.
    assert [(item.no, item.section) for item in raw.items] == [
        (1, "計画の策定について"),
        (2, "計画策定の背景について"),
    ]
    assert raw.items[0].opinion.startswith("計画期間は8年間ですが、")
    assert raw.items[0].response.endswith("計画期間を8年間としました。")
    assert raw.items[1].opinion.endswith("参考にされてはどうかと思います。")
    assert (raw.opinion_heading, raw.response_heading) == ("意見概要", "区の考え方")
    # The counts by topic are said and left out; the sentence after them is text above
    # the table, said as a warning.
    notes = [(n.line, n.severity) for n in raw.notes]
    assert notes == [(7, WARNING), (25, WARNING), (27, WARNING)]
    assert raw.notes[1].message.startswith("text above the table, not imported")
    assert "項目別件数" in raw.notes[0].message
    assert "read as ①" in raw.notes[2].message


def test_circled_numbers_as_printed_are_sections() -> None:
    text = SETAGAYA.replace("@ ", "① ").replace("A 計画策定", "② 計画策定")
    raw = read_text(text)
    assert raw.section_labels == {"計画の策定について": "①", "計画策定の背景について": "②"}
    assert not any("read as ①" in n.message for n in raw.notes)


# 千葉市「千葉市新基本計画区基本計画(素案)に対する市民意見の概要と市・区の考え方」, as a
# document-sharing site's transcript of its PDF reads (<https://expydoc.com/doc/7604323/>):
# the header row NO | 区 | 章 | 意見の概要 | 人数 | 市・区の考え方, and the first row's cells
# (中央 区, 第2章, one person). The transcript mixes the cells, so the rows below are the
# project's: only the header names and the first row's short cells are the city's.
CHIBA_HEADER = ["NO", "区", "章", "意見の概要", "人数", "市・区の考え方"]


def test_chiba_table_people_counts_and_a_column_without_a_field(tmp_path: Path, pctui: Run) -> None:
    rows = [
        CHIBA_HEADER,
        ["1", "中央", "2", "(the project's opinion)", "1", "(the project's answer)"],
        ["2", "中央", "2", "(another opinion)", "3", "(another answer)"],
    ]
    source = tmp_path / "kekka.txt"
    source.write_text("\n".join("\t".join(row) for row in rows), "utf-8")
    raw = read_text(source.read_text("utf-8"))
    # 人数 is how many gave the opinion: the count. 章 holds the sections (the text reader
    # read past it before); 区 has no field, and the import says so.
    assert [(item.count, item.section) for item in raw.items] == [(1, "2"), (3, "2")]
    assert raw.unused_columns == [("区", 2)]
    # "市・区の考え方" names no body: no organization "市・区".
    assert raw.organization == ""
    done = pctui("import", source, "-o", tmp_path / "chiba.toml")
    assert "count=人数 (5)" in done.stdout
    assert "not imported: 区 (2) (no field; read one with --map FIELD=HEADER)" in done.stdout


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_setagaya_circled_sections_come_back_after_publishing(fmt: str, tmp_path: Path) -> None:
    """Published again (as a draft), "1 ① 計画の策定について" is section ① again, not a
    section titled "① 計画の策定について"."""
    source = to_consultation(read_text(SETAGAYA), "tanaka", AT, "setagaya")
    published = tmp_path / f"result.{fmt}"
    published.write_bytes(render(source, fmt, draft=True))
    back = read_source(published)
    assert errors(back) == []
    assert back.section_labels == {"計画の策定について": "①", "計画策定の背景について": "②"}
    assert [item.opinion for item in back.items] == [
        item.opinion for item in read_text(SETAGAYA).items
    ]
