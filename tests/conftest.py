"""Fixtures shared by every test: a temporary copy of the sample consultation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A writable copy of consultations/2025-jumin.toml (tests never write checked-in files)."""
    target = tmp_path / "2025-jumin.toml"
    shutil.copyfile(SAMPLE, target)
    return target
