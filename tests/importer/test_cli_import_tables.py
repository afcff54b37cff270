"""`pctui import` of tables as offices publish them, through the real console script: the
column mapping printed, --empty-answer, a column of numbers refused naming --map."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]

EMPTY_UNDER_FILLED = (
    "番号,意見の要旨,県の考え方\n"
    "1,歩道を広げてほしい。,道路整備計画で検討します。\n"
    "2,歩道が狭い。,\n"
)


def test_the_column_mapping_is_printed(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "kekka.csv"
    source.write_text("番号,意見の要旨,県の考え方\n1,意見。,回答。\n", encoding="utf-8")
    done = pctui("import", source, "-o", tmp_path / "out.toml")
    assert done.returncode == 0, done.stderr
    assert "columns: no=番号 (1), opinion=意見の要旨 (2), response=県の考え方 (3)" in done.stdout
    assert "--map" in done.stdout


def test_an_empty_answer_cell_says_which_reading_was_taken(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "kekka.csv"
    source.write_text(EMPTY_UNDER_FILLED, encoding="utf-8")
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target)
    assert done.returncode == 0, done.stderr
    assert f"{source}:3:1: warning: 1 row has an empty answer cell under a filled one" in (
        done.stderr
    )
    assert "--empty-answer same-as-above" in done.stderr
    items = ConsultationFile.load(target).consultation.items
    assert [(item.no, item.current is None) for item in items] == [(1, False), (2, True)]


def test_a_guessed_column_of_numbers_is_refused_naming_map(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "ids.csv"
    source.write_text("No,意見ID,考え方\n1,301,回答。\n2,302,回答。\n", encoding="utf-8")
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target)
    assert done.returncode == 2 and not target.exists()
    assert f"{source}:1:2: the opinion column '意見ID' (column 2) holds only numbers" in (
        done.stderr
    )
    assert "--map opinion=HEADER" in done.stderr and "Traceback" not in done.stderr


def test_help_names_the_new_sources_and_the_option(pctui: Run) -> None:
    done = pctui("import", "--help")
    assert done.returncode == 0
    assert "--empty-answer {unanswered,same-as-above}" in done.stdout
    assert "PDF" in done.stdout and "Word" in done.stdout


def test_same_as_above_imports_one_item_answering_both(tmp_path: Path, pctui: Run) -> None:
    source = tmp_path / "kekka.csv"
    source.write_text(EMPTY_UNDER_FILLED, encoding="utf-8")
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target, "--empty-answer", "same-as-above")
    assert done.returncode == 0, done.stderr
    assert "1 row with an empty answer cell was joined to the answer above" in done.stderr
    assert "--empty-answer unanswered" in done.stderr
    consultation = ConsultationFile.load(target).consultation
    assert consultation.format == 2
    (item,) = consultation.items
    assert [(o.label, o.text) for o in item.opinions] == [
        ("1", "歩道を広げてほしい。"),
        ("2", "歩道が狭い。"),
    ]


def test_a_map_column_past_the_table_is_named(tmp_path: Path, pctui: Run) -> None:
    """`--map opinion=9` on a table of 3 columns says so (exit 2), instead of "no header row
    naming the opinion and response columns", which sends the user looking elsewhere."""
    source = tmp_path / "three.csv"
    source.write_text(EMPTY_UNDER_FILLED, encoding="utf-8")
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target, "--map", "opinion=9", "--lang", "en")
    assert done.returncode == 2 and not target.exists()
    assert done.stderr == f"{source}:1:1: --map opinion=9: the table has only 3 columns\n"
    done = pctui("import", source, "-o", target, "--map", "opinion=2", "--lang", "en")
    assert done.returncode == 0, done.stderr


def test_a_map_header_the_table_does_not_have_is_named(tmp_path: Path, pctui: Run) -> None:
    """`--map response=回答` on a table whose answer column is 県の考え方 says that no header
    is called so and lists the headers, instead of "no header row naming the opinion and
    response columns" (there is one: the mapping names a header it does not have)."""
    source = tmp_path / "three.csv"
    source.write_text(EMPTY_UNDER_FILLED, encoding="utf-8")
    target = tmp_path / "out.toml"
    done = pctui("import", source, "-o", target, "--map", "response=回答", "--lang", "en")
    assert done.returncode == 2 and not target.exists()
    assert done.stderr.splitlines()[0] == (
        f"{source}:1:1: --map response=回答 names no column of the header row "
        "(columns: 1 番号, 2 意見の要旨, 3 県の考え方)"
    )
    assert "Traceback" not in done.stderr
