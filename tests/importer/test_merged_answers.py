"""One answer over several opinions, as offices publish it: an answer cell merged down (XLSX)
or left empty under a filled one (CSV), outcome groups Ⅰ/Ⅱ with numbering restarting under
them, the 資料番号 above the title, the period and the "○者○件" totals above the table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pctui.importer import ERROR, SAME_AS_ABOVE, read_source

ANSWER_A = "ご意見を踏まえ、第3章を修正しました。"
ANSWER_B = "原案のとおりとします。"


def ministry_workbook(path: Path) -> Path:
    """A ministry's 主な御意見 as a workbook: 資料番号, title, period and totals above the
    table, group Ⅰ with Nos. 1–2 sharing one merged answer, group Ⅱ restarting at 1."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["資料３"])
    sheet.append(["〇〇基本方針（案）に対する意見募集の結果について"])
    sheet.append(["（意見募集期間：令和７年10月31日～11月21日）"])
    sheet.append(["※パブリックコメント意見提出総数　３５者４８件"])
    sheet.append(["No.", "御意見の概要", "御意見に対する考え方"])  # row 5
    sheet.append(["Ⅰ．当該意見を踏まえて内容を修正するもの"])  # row 6
    sheet.merge_cells("A6:C6")
    sheet.append([1, "第3章の記述が分かりにくい。", ANSWER_A])  # row 7
    sheet.append([2, "第3章に事例を加えてほしい。", None])  # row 8
    sheet.merge_cells("C7:C8")
    sheet.append(["Ⅱ．その他の主な意見"])  # row 9
    sheet.merge_cells("A9:C9")
    sheet.append([1, "対象を広げるべきだ。", ANSWER_B])  # row 10
    sheet.append([2, "期間が短い。", "今後の参考とさせていただきます。"])  # row 11
    sheet.append(["公表場所：〇〇省ホームページ、〇〇省情報公開室"])  # row 12, below the table
    book.save(path)
    return path


def test_merged_answer_cells_make_one_item_with_several_opinions(tmp_path: Path) -> None:
    raw = read_source(ministry_workbook(tmp_path / "kekka.xlsx"))
    assert [note for note in raw.notes if note.severity == ERROR] == []
    first, second, third = raw.items
    assert first.response == ANSWER_A
    assert [(o.label, o.text) for o in first.opinions] == [
        ("1", "第3章の記述が分かりにくい。"),
        ("2", "第3章に事例を加えてほしい。"),
    ]
    assert raw.joined_merged == 1
    assert [(o.label, o.text) for o in second.opinions] == [("1", "対象を広げるべきだ。")]
    assert third.opinions[0].label == "2" and third.response.startswith("今後")


def test_groups_restart_numbering_instead_of_duplicates(tmp_path: Path) -> None:
    raw = read_source(ministry_workbook(tmp_path / "kekka.xlsx"))
    assert not any("appears again" in note.message for note in raw.notes)
    assert raw.restarted
    assert raw.sections == ["当該意見を踏まえて内容を修正するもの", "その他の主な意見"]
    assert raw.section_labels == {
        "当該意見を踏まえて内容を修正するもの": "Ⅰ",
        "その他の主な意見": "Ⅱ",
    }
    assert [item.section for item in raw.items] == [
        "当該意見を踏まえて内容を修正するもの",
        "その他の主な意見",
        "その他の主な意見",
    ]


def test_the_facts_above_the_table(tmp_path: Path) -> None:
    raw = read_source(ministry_workbook(tmp_path / "kekka.xlsx"))
    assert raw.title == "〇〇基本方針（案）"  # not 資料３
    assert (raw.opened, raw.closed) is not None
    assert str(raw.opened) == "2025-10-31" and str(raw.closed) == "2025-11-21"
    assert (raw.published_submitters, raw.published_opinions) == (35, 48)
    assert raw.places == ["〇〇省ホームページ", "〇〇省情報公開室"]
    assert [entry[0] for entry in raw.columns] == ["no", "opinion", "response"]


def test_a_duplicate_number_in_one_group_is_still_refused(tmp_path: Path) -> None:
    source = tmp_path / "dup.csv"
    source.write_text("No,ご意見,考え方\n1,一,回答\n1,二,回答\n", encoding="utf-8")
    raw = read_source(source)
    assert any("No.1 appears again" in note.message for note in raw.notes)


PREFECTURE_CSV = (
    "番号,意見の要旨,県の考え方\n"
    "1,歩道を広げてほしい。,道路整備計画で検討します。\n"
    "2,歩道が狭い。,\n"
    "3,自転車道がほしい。,\n"
    "4,公園を増やしてほしい。,公園計画で検討します。\n"
)


def test_an_empty_answer_cell_in_a_csv_is_not_answered_yet_by_default(tmp_path: Path) -> None:
    source = tmp_path / "kekka.csv"
    source.write_text(PREFECTURE_CSV, encoding="utf-8")
    raw = read_source(source)
    assert [len(item.opinions) for item in raw.items] == [1, 1, 1, 1]
    assert [item.response for item in raw.items][1:3] == ["", ""]
    (note,) = raw.notes
    assert note.line == 3 and "2 rows have an empty answer cell" in note.message
    assert "--empty-answer same-as-above" in note.message


def test_same_as_above_joins_empty_answer_cells(tmp_path: Path) -> None:
    source = tmp_path / "kekka.csv"
    source.write_text(PREFECTURE_CSV, encoding="utf-8")
    raw = read_source(source, empty_answer=SAME_AS_ABOVE)
    first, second = raw.items
    assert [o.label for o in first.opinions] == ["1", "2", "3"]
    assert first.response == "道路整備計画で検討します。"
    assert second.opinions[0].label == "4"
    (note,) = raw.notes
    assert "2 rows with an empty answer cell were joined" in note.message
    assert "--empty-answer unanswered" in note.message


def test_an_empty_answer_cell_in_a_workbook_is_simply_unanswered(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No.", "ご意見", "市の考え方"])
    sheet.append([1, "意見一。", "回答一。"])
    sheet.append([2, "意見二。", None])  # not merged: nobody has answered it yet
    source = tmp_path / "book.xlsx"
    book.save(source)
    raw = read_source(source)
    assert raw.notes == []
    assert [(item.no, item.response) for item in raw.items] == [(1, "回答一。"), (2, "")]


NUMBERS = {
    "opinion": "No,意見ID,考え方\n1,3,回答\n2,4,回答\n",  # 意見ID guessed as the opinion
    "response": "No,ご意見,回答番号\n1,意見一,10\n2,意見二,11\n",
}


@pytest.mark.parametrize("column", ["opinion", "response"])
def test_a_guessed_column_of_numbers_is_refused(tmp_path: Path, column: str) -> None:
    source = tmp_path / "numbers.csv"
    source.write_text(NUMBERS[column], encoding="utf-8")
    raw = read_source(source)
    assert raw.items == [] and not raw.found_table
    (note,) = [n for n in raw.notes if n.severity == ERROR]
    assert "holds only numbers" in note.message and f"--map {column}=" in note.message


def test_a_bare_taiou_column_is_the_answer(tmp_path: Path) -> None:
    source = tmp_path / "taiou.csv"
    source.write_text("No,ご意見,対応\n1,意見一,検討します。\n", encoding="utf-8")
    raw = read_source(source)
    assert raw.items[0].response == "検討します。"


def test_a_row_without_a_number_continues_the_row_before(tmp_path: Path) -> None:
    source = tmp_path / "broken.csv"
    source.write_text(
        "No,ご意見,考え方\n1,ページをまたぐ,回答の前半\n,意見。,と後半。\n", encoding="utf-8"
    )
    raw = read_source(source)
    (item,) = raw.items
    assert (item.opinion, item.response) == ("ページをまたぐ意見。", "回答の前半と後半。")


def test_a_number_joined_under_an_answer_is_not_taken_again(tmp_path: Path) -> None:
    source = tmp_path / "twice.csv"
    source.write_text("No,ご意見,考え方\n1,一,回答\n2,二,\n2,三,別の回答\n", encoding="utf-8")
    raw = read_source(source, empty_answer=SAME_AS_ABOVE)
    assert [o.label for o in raw.items[0].opinions] == ["1", "2"]
    assert len(raw.items) == 1
    assert any("No.2 appears again (first on line 3)" in n.message for n in raw.notes)


def test_a_section_cell_merged_down_names_every_row_it_covers(tmp_path: Path) -> None:
    """A 分類 cell merged over three rows (no group headings): each row is in that section,
    and the answer merged over two of them is one item of that section."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["分類", "No.", "ご意見の概要", "市の考え方"])
    sheet.append(["計画全般", 1, "期間が短い。", ANSWER_B])
    sheet.append([None, 2, "目標が低い。", ANSWER_A])
    sheet.append([None, 3, "目標を上げて。", None])
    sheet.append(["第3章\n施策", 4, "駐輪場を増やして。", "検討します。"])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("D3:D4")
    path = tmp_path / "kekka.xlsx"
    book.save(path)
    raw = read_source(path)
    assert raw.notes == []
    assert raw.sections == ["計画全般", "第3章施策"]
    assert [(item.section, [o.label for o in item.opinions]) for item in raw.items] == [
        ("計画全般", ["1"]),
        ("計画全般", ["2", "3"]),
        ("第3章施策", ["4"]),
    ]
