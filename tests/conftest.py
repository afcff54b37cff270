"""Fixtures shared by every test: a temporary copy of the sample consultation, that copy read
back from disk, and English."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pctui.i18n import ENGLISH, install
from pctui.model.records import Consultation, Item
from pctui.storage import ConsultationFile

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A writable copy of consultations/2025-jumin.toml (tests never write checked-in files)."""
    target = tmp_path / "2025-jumin.toml"
    shutil.copyfile(SAMPLE, target)
    return target


class Disk:
    """The sample copy as it is on disk now (what a later session would see)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def consultation(self) -> Consultation:
        return ConsultationFile.load(self.path).consultation

    def item(self, no: int) -> Item:
        item = self.consultation.item(no)
        assert item is not None
        return item

    def bytes(self) -> bytes:
        return self.path.read_bytes()


@pytest.fixture
def disk(sample_path: Path) -> Disk:
    """The sample copy's content on disk, read afresh at each use."""
    return Disk(sample_path)


@pytest.fixture(autouse=True)
def english(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test speaks English unless it says otherwise, whatever the machine's locale and
    the sample's `language = "ja"`: a settings folder of its own (the real one never leaks
    in) whose config.toml says lang = "en", inherited by the pctui processes tests start.
    Yields that config.toml; a test of the language choice rewrites or deletes it."""
    home = tmp_path_factory.mktemp("config-home")
    config = home / "pctui" / "config.toml"
    config.parent.mkdir()
    config.write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    install(ENGLISH)
    yield config
    install(ENGLISH)


@pytest.fixture(autouse=True)
def collector_as_it_was() -> Iterator[None]:
    """Each test finds the garbage collector on: validate and status turn it off for the
    rest of their command (`cli.common.load`), and a test running one in this process
    (status.run) left it off for every test after it (test_grouping then failed)."""
    yield
    gc.enable()
