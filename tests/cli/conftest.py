"""Fixtures for the CLI tests: the real console script, and files the current login may sign."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.console import SCRIPT, pctui
from tests.storage.item_text import answered, item, last, signed

from pctui.model import current_login

Run = Callable[..., subprocess.CompletedProcess[str]]

# Item 1 approved at every stage, 2 in review, 3 changes requested, 4 a draft written by
# tanaka, 5 a draft with no response yet. The current login is a reviewer of every stage.
SMALL = f"""\
format = 1

[consultation]
id = "cli-test"
title = "CLIテスト計画（案）"

[review]
stages = ["担当", "係長", "課長"]

[review.reviewers]
{current_login()} = ["担当", "係長", "課長"]
tanaka = ["担当"]
yamada = ["担当"]
suzuki = ["係長"]
sato = ["課長"]

[[sections]]
id = "1"
title = "第1章"

[[sections]]
id = "2"
title = "第2章"

"""
SMALL += (
    answered(1, "1")
    + signed(1, "担当", "yamada")
    + signed(1, "係長", "suzuki", at="2025-12-01T11:00:00+09:00")
    + signed(1, "課長", "sato", at="2025-12-01T12:00:00+09:00")
    + answered(2, "1")
    + signed(2, "担当", "yamada")
    + answered(3, "2")
    + signed(3, "係長", "suzuki", verdict="reject", comment="根拠を明記してください")
    + answered(4, "2")
    + last(item(5, "2"))
)


@pytest.fixture(name="pctui")
def run_pctui() -> Run:
    """Run the real `pctui` console script; returns the completed process (text)."""
    assert SCRIPT.exists(), f"no console script at {SCRIPT}; install pctui (pip install -e .)"

    return pctui


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A small consultation in every state, the current login a reviewer of every stage."""
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def not_a_reviewer(path: Path) -> None:
    """Take the current login out of the reviewers of `path` (a `small` file, by a text
    edit): what the commands a non-reviewer may not run are then asked."""
    line = f'{current_login()} = ["担当", "係長", "課長"]\n'
    text = path.read_text(encoding="utf-8")
    assert line in text
    path.write_text(text.replace(line, "", 1), encoding="utf-8")


@pytest.fixture
def root_sample(sample_path: Path) -> Path:
    """A copy of the sample with the current login added as a reviewer (by a text edit)."""
    text = sample_path.read_text(encoding="utf-8")
    marker = "[review.reviewers]\n"
    assert marker in text, "the sample lists its reviewers under [review.reviewers]"
    line = f'{current_login()} = ["担当", "係長", "課長"]\n'
    sample_path.write_text(text.replace(marker, marker + line, 1), encoding="utf-8")
    return sample_path


@pytest.fixture
def where() -> Callable[..., str]:
    """Position ("line:col", 1-based) of the `nth` occurrence of `needle` in `text`."""

    def locate(text: str, needle: str, nth: int = 1) -> str:
        offset = -1
        for _ in range(nth):
            offset = text.index(needle, offset + 1)
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return f"{line}:{col}"

    return locate
