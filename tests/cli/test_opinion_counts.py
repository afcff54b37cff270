"""status and validate of a format-2 file say how many opinions its items list and how
many they stand for; a format-1 file's output is as before."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run
from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.i18n import ENGLISH, JAPANESE, install
from pctui.words import opinion_counts


def format_two(tmp_path: Path) -> Path:
    path = tmp_path / "two.toml"
    path.write_text(HEADER + FIRST + SECOND, encoding="utf-8")  # 4 opinions counting 5
    return path


def test_the_words_in_both_languages() -> None:
    install(JAPANESE)
    assert opinion_counts(26, 31) == "26件の意見、31件"
    install(ENGLISH)
    assert opinion_counts(26, 31) == "26 opinions, 31 counted"
    assert opinion_counts(1, 1) == "1 opinion, 1 counted"


def test_status_counts_the_opinions(pctui: Run, tmp_path: Path) -> None:
    path = format_two(tmp_path)
    done = pctui("status", path)
    assert done.stdout.splitlines()[1] == "4 opinions, 5 counted"
    data = json.loads(pctui("status", path, "--json").stdout)
    assert (data["opinions"], data["opinions_counted"]) == (4, 5)


def test_validate_counts_the_opinions(pctui: Run, tmp_path: Path) -> None:
    path = format_two(tmp_path)
    done = pctui("validate", path)
    assert done.stdout.splitlines()[-1] == (
        f"{path}: ok: 2 items (4 opinions, 5 counted) in 2 sections (2 draft)"
    )


def test_a_format_one_file_says_nothing_new(pctui: Run, small: Path) -> None:
    assert "opinions" not in json.loads(pctui("status", small, "--json").stdout)
    assert "opinion" not in pctui("validate", small).stdout.splitlines()[-1]
