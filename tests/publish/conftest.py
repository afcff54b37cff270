"""Fixtures for the publish tests: the small fixture consultation and the real command."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.console import pctui

from pctui.model.records import Consultation
from pctui.storage import ConsultationFile

HERE = Path(__file__).parent
SMALL = HERE / "data" / "small.toml"
GOLDEN = HERE / "golden"
# Set PCTUI_REGENERATE_GOLDEN=1 to rewrite the golden files on purpose, then review the diff.
REGENERATE = os.environ.get("PCTUI_REGENERATE_GOLDEN") == "1"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def small() -> Consultation:
    """The small fixture consultation: classes, hostile text, an empty section, all approved."""
    return ConsultationFile.load(SMALL).consultation


@pytest.fixture
def golden() -> Callable[[str, bytes], None]:
    """Compare bytes with tests/publish/golden/NAME byte for byte (or rewrite it, see above)."""

    def compare(name: str, data: bytes) -> None:
        path = GOLDEN / name
        if REGENERATE:
            path.write_bytes(data)
        assert path.exists(), f"no golden file {name}; run with PCTUI_REGENERATE_GOLDEN=1"
        assert data == path.read_bytes(), f"{name} differs from the golden file"

    return compare


@pytest.fixture(name="pctui")
def run_pctui() -> Run:
    """Run the real `pctui` console script; returns the completed process (text)."""
    return pctui
