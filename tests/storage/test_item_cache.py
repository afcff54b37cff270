"""The item cache makes reading a large file again faster and changes nothing it reads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from benchmarks import generate

from pctui.model.records import Revision, Signoff
from pctui.storage import ConsultationFile, LoadError, item_cache
from pctui.storage.item_cache import flatten, unflatten
from pctui.storage.reader import load_text


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder, and a threshold low enough for a 60-item file."""
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(item_cache, "CACHE_MIN_ITEMS", 10)
    return home


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("gen") / "national.toml"
    generate.write(path, 60)
    return path.read_bytes()


def _uncached(path: Path) -> object:
    return load_text(path.read_text(encoding="utf-8"), str(path)).consultation


def test_a_second_read_comes_from_the_cache_and_equals_a_fresh_parse(
    cache_home: Path, generated: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(generated)
    first = ConsultationFile.load(path).consultation
    files = list((cache_home / "pctui" / "items").iterdir())
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    second = ConsultationFile.load(path).consultation
    assert first == second == _uncached(path)
    for a, b in zip(first.items, second.items, strict=True):
        assert [r.digest for r in a.revisions] == [r.digest for r in b.revisions]
        pairs = zip(a.signoffs, b.signoffs, strict=True)
        assert all(type(s.at.tzinfo) is type(t.at.tzinfo) for s, t in pairs)


def test_a_changed_block_or_header_is_read_afresh(
    cache_home: Path, generated: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(generated)
    ConsultationFile.load(path)
    text = generated.decode("utf-8")
    changed = text.replace('author = "', 'author = "x', 1)  # in the first item's block
    path.write_text(changed, encoding="utf-8")
    assert ConsultationFile.load(path).consultation == _uncached(path)
    retitled = changed.replace('title = "', 'title = "改', 1)
    path.write_text(retitled, encoding="utf-8")
    assert ConsultationFile.load(path).consultation == _uncached(path)


def test_problems_are_reported_as_without_the_cache(
    cache_home: Path, generated: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(generated)
    ConsultationFile.load(path)
    # Every stage renamed in the header: the cached items were checked against the old one.
    text = generated.decode("utf-8")
    broken = text.replace('stages = ["担当"', 'stages = ["係員"', 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(LoadError) as cached:
        ConsultationFile.load(path)
    with pytest.raises(LoadError) as fresh:
        load_text(broken, str(path))
    assert [str(p) for p in cached.value.problems] == [str(p) for p in fresh.value.problems]


def test_a_damaged_cache_is_ignored(cache_home: Path, generated: bytes, tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(generated)
    ConsultationFile.load(path)
    for file in (cache_home / "pctui" / "items").iterdir():
        file.write_bytes(b"\x00garbage")
    assert ConsultationFile.load(path).consultation == _uncached(path)


def test_an_unwritable_cache_folder_changes_nothing(
    generated: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(item_cache, "CACHE_MIN_ITEMS", 10)
    path = tmp_path / "c.toml"
    path.write_bytes(generated)
    assert ConsultationFile.load(path).consultation == _uncached(path)


def test_small_files_never_touch_the_cache(
    cache_home: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_cache, "CACHE_MIN_ITEMS", 1000)
    ConsultationFile.load(sample_path)
    assert not (cache_home / "pctui").exists()


def test_rebuilt_records_have_exactly_the_dataclass_fields(sample_path: Path) -> None:
    consultation = ConsultationFile.load(sample_path).consultation
    for item in consultation.items:
        rebuilt = unflatten(flatten(item))
        assert rebuilt == item
        for revision in rebuilt.revisions:
            names = {f.name for f in dataclasses.fields(Revision)}
            assert set(vars(revision)) == names | {"digest"}
        for signoff in rebuilt.signoffs:
            assert set(vars(signoff)) == {f.name for f in dataclasses.fields(Signoff)}
