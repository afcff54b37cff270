"""Fixtures for the import tests: the seed document and the real command."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

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


@pytest.fixture
def pctui() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real `pctui` console script; returns the completed process (text)."""
    script = Path(sys.executable).parent / "pctui"

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
        )

    return run
