"""The facts an import writes read well when published: the title is the subject, the
organization a full name or nothing, the id a slug that names the files, the counts in
good grammar, quoted source text as written, the notes in the reader's language."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.importer import derive_id, read_text
from pctui.importer.facts import body_name, clean_title
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("自転車活用推進計画（案）に対する意見募集の結果について", "自転車活用推進計画（案）"),
        ("「市民参加条例（案）」に係る意見募集の実施結果について", "市民参加条例（案）"),
        ("都市計画（素案）に対するパブリックコメントへの回答", "都市計画（素案）"),
        ("公園条例の一部改正に関するパブリックコメント（意見公募）の結果", "公園条例の一部改正"),
        ("環境基本計画（案）への市民意見募集結果", "環境基本計画（案）"),
        ("保護評価書について 寄せられたご意見と本市の考え方", "保護評価書について"),
        ("パブリックコメントの結果について", "パブリックコメントの結果について"),
    ],
)  # fmt: skip
def test_a_title_keeps_its_subject(title: str, subject: str) -> None:
    assert clean_title(title) == subject


@pytest.mark.parametrize(
    ("name", "kept"),
    [("町", ""), ("市", ""), ("本市", ""), ("当町", ""), ("各区", ""), ("県", ""),
     ("札幌市", "札幌市"), ("〇〇町", "〇〇町"), ("北海道", "北海道")],
)  # fmt: skip
def test_a_bare_body_word_is_no_organization(name: str, kept: str) -> None:
    assert body_name(name) == kept


def test_the_organization_is_never_the_bare_word_of_a_column_heading() -> None:
    table = "# 題名\n\nNo.\tご意見の概要\t町の考え方\n1\t意見。\t回答。\n"
    assert read_text(table).organization == ""
    with_office = "# 題名\n\n## 2 公表場所\n\nア 〇〇町役場総務課\n\n" + table[6:]
    assert read_text(with_office).organization == "〇〇町"
    with_site = "# 題名\n\n## 2 公表場所\n\n### (1) 市公式ホームページ\n\n" + table[6:]
    assert read_text(with_site).organization == ""


def test_an_id_for_every_file_name() -> None:
    assert derive_id("2026-Road Plan", None) == ("2026-road-plan", False)
    opened = dt.date(2026, 4, 1)
    first, derived = derive_id("自転車計画", opened)
    assert derived and first.startswith("2026-04-01-") and first != "imported"
    assert derive_id("自転車計画", opened) == (first, True)  # stable for one name
    assert derive_id("公園計画", opened)[0] != first  # different for another
    assert derive_id("自転車計画", None)[0].startswith("pc-")


SOURCE = """\
# 〇〇町自転車活用推進計画（案）に対する意見募集の結果について

## 1 意見の募集期間

令和8年4月1日（水）～令和8年4月30日（木）

## 2 ご意見の概要と町の考え方

No.\tご意見の概要\t町の考え方
1\t歩道を広げてほしい。\t検討します。
全角\u3000空白のある行と\x1b[31m制御文字
"""


def test_a_japanese_file_name_gets_a_usable_id_and_says_so(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "kekka.md"
    source.write_text(SOURCE, encoding="utf-8")
    target = tmp_path / "自転車計画.toml"
    done = pctui("import", source, "-o", target)
    assert done.returncode == 1, done.stderr  # the line outside the table
    meta = ConsultationFile.load(target).consultation.meta
    assert meta.id.startswith("2026-04-01-") and meta.id == derive_id("自転車計画", meta.opened)[0]
    assert f"consultation.id is {meta.id}" in done.stdout and "--id" in done.stdout
    assert meta.title == "〇〇町自転車活用推進計画（案）" and meta.organization == ""
    # One item in one section: no "1 items in 1 sections".
    assert f"wrote {target}: 1 item in 1 section, 1 response as revision 1 by" in done.stdout
    # The source line is quoted as written (an ideographic space is a space), only the
    # escape character made visible.
    assert f"{source}:11:1: not read (not in a table): '全角\u3000空白のある行と␛[31m制御文字'" in (
        done.stderr.splitlines()
    )
    published = pctui("publish", target, "--draft", "--format", "md", "--out", tmp_path / "web")
    assert published.returncode == 0, published.stderr
    page = (tmp_path / "web" / f"{meta.id}.md").read_text(encoding="utf-8")
    assert "〇〇町自転車活用推進計画（案） 寄せられたご意見と" in page
    assert "結果について 寄せられた" not in page


def test_an_ascii_name_is_the_id_without_a_word(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "kekka.md"
    source.write_text(SOURCE, encoding="utf-8")
    done = pctui("import", source, "-o", tmp_path / "2026-bicycle.toml")
    assert ConsultationFile.load(tmp_path / "2026-bicycle.toml").consultation.meta.id == (
        "2026-bicycle"
    )
    assert "consultation.id is" not in done.stdout


def test_notes_speak_japanese(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "kekka.md"
    source.write_text(SOURCE, encoding="utf-8")
    done = pctui("--lang", "ja", "import", source, "-o", tmp_path / "out.toml")
    assert done.returncode == 1
    assert f"{source}:11:1: 読み取れません（表の外）:「全角\u3000空白のある行と␛[31m制御文字」" in (
        done.stderr.splitlines()
    )
    assert "1 区分に 1 項目、回答 1 件を" in done.stdout


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("※パブリックコメント意見提出総数 ３３者６２件", "者"),
        ("提出者 12人（意見 30件）", "人"),
        ("意見提出 5団体 7件", "団体"),
    ],
)
def test_the_unit_of_printed_totals_is_kept(line: str, unit: str) -> None:
    text = f"""# 緑の基本計画（案）

{line}

| No. | ご意見 | 市の考え方 |
| --- | --- | --- |
| 1 | 公園を増やしてほしい。 | 検討します。 |
| 2 | 街路樹を守ってほしい。 | 配慮します。 |
"""
    raw = read_text(text)
    assert raw.published_opinions is not None, [n.message for n in raw.notes]
    assert raw.submitter_unit == unit
