"""A case or document number printed before the title on its line (品川区's "2014-005 …",
"第12号 …", "資料３ …", "【別紙1】…") is an office's filing number, not the subject: left
out of the title, and said; numbers that are words of the title stay. The titles are made
up in the shapes offices print."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.importer import read_text
from pctui.importer.facts import case_number, clean_title
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]

SUBJECT = "〇〇市駐輪場整備計画（案）"
ROWS = "No.\tご意見\t市の考え方\n1\t駅前に駐輪場を増やしてほしい。\t計画に位置付けています。"


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("2014-005 ", "2014-005"),
        ("２０１４－００５\u3000", "２０１４－００５"),
        ("7-12-3 ", "7-12-3"),
        ("第12号 ", "第12号"),
        ("第十二号\u3000", "第十二号"),
        ("資料３ ", "資料３"),
        ("参考資料1-2 ", "参考資料1-2"),
        ("【資料1】", "資料1"),
        ("【別紙２】 ", "別紙２"),
        ("案件番号 495250123 ", "案件番号 495250123"),
        ("No.12 ", "No.12"),
    ],
)
def test_a_case_number_before_the_title_is_left_out(printed: str, number: str) -> None:
    line = f"{printed}{SUBJECT}に対する意見募集の結果について"
    assert case_number(line) == (number, f"{SUBJECT}に対する意見募集の結果について")
    assert clean_title(line) == SUBJECT
    raw = read_text(f"{line}\n{ROWS}")
    assert raw.title == SUBJECT
    said = [n for n in raw.notes if "before the title is left out" in n.message]
    assert len(said) == 1 and said[0].line == 1 and number in said[0].message


@pytest.mark.parametrize(
    "title",
    [
        "第2次総合計画(後期基本計画)素案",
        "第3期〇〇市地域福祉計画（案）",
        "第2号被保険者の保険料について",
        "2025年度〇〇市予算編成方針",
        "2040〇〇ビジョン（素案）",
        "2030 〇〇プラン（案）",  # a year and a space: a word of the title, not a case number
        "2024-2028 〇〇市総合計画（案）",  # the years the plan covers, not a filing number
        "２０２１－２０３０\u3000〇〇ビジョン（素案）",
        "【2025-2029】〇〇市実施計画（案）",
        "令和7年度〇〇計画",
        "〇〇計画 2014-005",  # after the title: not before it
    ],
)
def test_numbers_that_are_words_of_the_title_stay(title: str) -> None:
    assert case_number(title) is None
    raw = read_text(f"{title}\n{ROWS}")
    assert raw.title == title
    assert not [n for n in raw.notes if "before the title" in n.message]


def test_a_line_that_is_only_a_number_is_no_title() -> None:
    assert case_number("2014-005") is None
    assert case_number("第12号 ２０１４") is None  # nothing but numbers after it


@pytest.mark.parametrize("suffix", [".txt", ".csv"])
def test_pctui_import_leaves_the_number_out_of_the_title(
    suffix: str, tmp_path: Path, pctui: Run
) -> None:
    source = tmp_path / f"kekka{suffix}"
    title = f"2014-005 {SUBJECT}に関する結果公表"
    if suffix == ".csv":
        body = ROWS.replace("\t", ",")
        source.write_text(f"{title},,\n{body}\n", "utf-8")
    else:
        source.write_text(f"{title}\n{ROWS}\n", "utf-8")
    target = tmp_path / "churin.toml"
    done = pctui("import", source, "-o", target, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert f"{source}:1:1: warning: the case number '2014-005' before the title" in done.stderr
    assert ConsultationFile.load(target).consultation.meta.title == SUBJECT
