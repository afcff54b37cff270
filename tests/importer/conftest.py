"""Fixtures for the import tests: the seed document and the real command."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.console import pctui

ROOT = Path(__file__).resolve().parents[2]


def _seed() -> Path:
    # The seed lives in the shared folder beside the repository (../shared/seeds/).
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "seeds" / "000_79f03315a8e91a6a.txt"
        if candidate.exists():
            return candidate
    pytest.skip("the seed document (shared/seeds/000_79f03315a8e91a6a.txt) is not here")


@pytest.fixture
def seed() -> Path:
    """The real published result the sample was made from."""
    return _seed()


@pytest.fixture(name="pctui")
def run_pctui() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real `pctui` console script; returns the completed process (text)."""
    return pctui
