"""The command line in Japanese and English: --lang, config.toml, the file's language."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def no_config(english: Path) -> None:
    """No config.toml: the file and the locale decide."""
    english.unlink()


def test_messages_in_english_with_lang_en(pctui: Run, small: Path) -> None:
    refused = pctui("--lang", "en", "signoff", small, "--item", "99")
    assert refused.returncode == 1
    assert refused.stderr == "pctui: refused: there is no item No.99 (items: 1..5)\n"
    status = pctui("status", small, "--lang", "en")
    assert "states: draft 2, in-review 1, changes-requested 1, approved 1" in status.stdout


def test_messages_in_japanese_with_lang_ja(pctui: Run, small: Path) -> None:
    refused = pctui("--lang", "ja", "signoff", small, "--item", "99")
    assert refused.returncode == 1
    assert refused.stderr == "pctui: 実行できません: No.99 の項目はありません（項目: 1..5）\n"
    status = pctui("status", small, "--lang", "ja")
    assert "状態: 起案中 2, 決裁中 1, 差戻し 1, 承認済 1" in status.stdout
    assert status.stdout.splitlines()[3].split() == ["No", "区分", "状態", "承認済みの段階"]
    done = pctui("signoff", "--lang", "ja", small, "--item", "2")
    assert done.returncode == 0, done.stderr
    assert "として承認しました" in done.stdout


def test_a_broken_file_is_reported_in_the_chosen_language(pctui: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[consultation]\nid = "x"\n', encoding="utf-8")
    english = pctui("validate", broken)
    japanese = pctui("--lang", "ja", "validate", broken)
    assert english.returncode == japanese.returncode == 2
    assert f"{broken}:2:1: missing consultation.title (a string)" in english.stderr
    assert f"{broken}:2:1: consultation.title（文字列）がありません" in japanese.stderr
    assert japanese.stderr.endswith(f"{broken}: 問題 2 件\n")


def test_help_in_japanese(pctui: Run) -> None:
    shown = pctui("--lang", "ja", "signoff", "--help")
    assert shown.returncode == 0
    assert shown.stdout.startswith("使い方: pctui signoff ")
    assert "承認の代わりに差し戻す" in shown.stdout
    assert "このヘルプを表示して終了する" in shown.stdout


@pytest.mark.usefixtures("no_config")
def test_the_files_language_decides_when_nothing_else_does(pctui: Run, small: Path) -> None:
    # The file says no `language`: the model's default, Japanese, whatever the locale.
    done = pctui("signoff", small, "--item", "99")
    assert "実行できません" in done.stderr
    english = small.read_text(encoding="utf-8").replace(
        'title = "CLIテスト計画（案）"', 'title = "CLIテスト計画（案）"\nlanguage = "en"'
    )
    small.write_text(english, encoding="utf-8")
    assert "refused" in pctui("signoff", small, "--item", "99").stderr


def test_the_config_comes_before_the_file(pctui: Run, small: Path, english: Path) -> None:
    english.write_text('lang = "ja"\n', encoding="utf-8")
    assert "実行できません" in pctui("signoff", small, "--item", "99").stderr
    assert "refused" in pctui("--lang", "en", "signoff", small, "--item", "99").stderr


def test_a_language_pctui_lacks_is_passed_over_with_a_warning(pctui: Run, small: Path) -> None:
    done = pctui("--lang", "fr", "status", small)
    assert done.returncode == 0
    assert "pctui: warning: language 'fr' (--lang) is not available; using en" in done.stderr
    assert "states: " in done.stdout  # config.toml (the tests': lang = "en") came next


@pytest.mark.usefixtures("no_config")
@pytest.mark.parametrize(
    ("newline", "bom"),
    [("\r\n", ""), ("\n", "\ufeff"), ("\r\n", "\ufeff")],
    ids=["crlf", "bom", "both"],
)
def test_the_files_language_is_read_whatever_its_line_ends(
    pctui: Run, small: Path, monkeypatch: pytest.MonkeyPatch, newline: str, bom: str
) -> None:
    # The locale says English; the file says Japanese, in the form Windows editors save.
    monkeypatch.setenv("LANGUAGE", "en")
    text = small.read_text(encoding="utf-8").replace(
        'title = "CLIテスト計画（案）"', 'title = "CLIテスト計画（案）"\nlanguage = "ja"'
    )
    small.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    done = pctui("validate", small)
    assert done.returncode == 0, done.stderr
    refused = pctui("signoff", small, "--item", "99")
    assert refused.stderr == "pctui: 実行できません: No.99 の項目はありません（項目: 1..5）\n"
