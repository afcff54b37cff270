"""A large file's preview: its first items, read-only, or nothing when it could mislead."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import generate

from pctui.model.actions import sign
from pctui.storage import ConsultationFile, LoadError, SaveError
from pctui.storage import preview as reading


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "national.toml"
    generate.write(path, 120)
    return path


def test_preview_holds_the_first_items_as_the_whole_file_does(large: Path) -> None:
    preview = ConsultationFile.preview(large, 30)
    whole = ConsultationFile.load(large)
    assert preview is not None and not preview.complete
    assert preview.expected_items == 120
    assert preview.consultation.items == whole.consultation.items[:30]
    assert preview.consultation.meta == whole.consultation.meta
    assert whole.complete


def test_a_preview_refuses_to_save_and_changes_nothing(large: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    path.write_bytes(large.read_bytes())
    preview = ConsultationFile.preview(path, 30)
    assert preview is not None
    item = preview.consultation.items[0]
    with pytest.raises(SaveError, match="still reading"):
        preview.transact(item.no, lambda c: sign(c, item.no, "nobody", "approve"))
    assert path.read_bytes() == large.read_bytes()


def test_reloading_a_preview_makes_it_whole(large: Path) -> None:
    preview = ConsultationFile.preview(large, 30)
    assert preview is not None
    preview.reload()
    assert preview.complete and len(preview.consultation.items) == 120


def test_small_files_are_not_previewed(sample_path: Path) -> None:
    assert ConsultationFile.preview(sample_path, 200) is None


def test_no_preview_with_a_bom_or_a_problem_in_the_first_items(large: Path, tmp_path: Path) -> None:
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + large.read_bytes())
    assert ConsultationFile.preview(bom, 30) is None
    broken = tmp_path / "broken.toml"
    text = large.read_text(encoding="utf-8")
    first = text.index("[[items]]")
    broken.write_text(text[:first] + text[first:].replace("no = 1\n", "no = '1'\n", 1), "utf-8")
    assert ConsultationFile.preview(broken, 30) is None


def test_a_problem_after_the_preview_is_found_by_the_whole_read(
    large: Path, tmp_path: Path
) -> None:
    path = tmp_path / "late.toml"
    path.write_text(large.read_text(encoding="utf-8").replace("no = 100\n", "no = 'x'\n"), "utf-8")
    preview = ConsultationFile.preview(path, 30)
    assert preview is not None  # the first 30 items are fine …
    with pytest.raises(LoadError) as raised:
        ConsultationFile.load(path)  # … the whole file is not, and says where
    assert "items.no must be an integer" in str(raised.value.problems[0])


@pytest.mark.parametrize("piece", [7, 8, 9, 10, 64, 4096])
def test_reading_in_pieces_finds_and_counts_as_reading_whole(
    large: Path, piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pieces shorter than a header line, and of every size around the `[[items]]` needle,
    # so that headers are cut at every place a piece can end; a last line with no newline.
    data = large.read_bytes() + b"[[items]]"
    path = large.with_name(f"cut-{piece}.toml")
    path.write_bytes(data)
    monkeypatch.setattr(reading, "_PIECE", piece)
    with path.open("rb", buffering=0) as handle:
        head, starts = reading._head(handle, 30)
        total = reading._count_rest(handle, head)
    whole = [m.start() for m in reading._ITEM_HEADER.finditer(data)]
    assert starts == whole[:31]
    assert data.startswith(head)
    assert total == data.count(b"[[items]]") == 121
    with path.open("rb", buffering=0) as handle:
        head, starts = reading._head(handle, 200)  # more than the file has: all of it
    assert head == data and starts is None


@pytest.mark.parametrize(("items", "previewed"), [(30, False), (31, True)])
def test_a_preview_only_of_a_file_with_more_items_than_shown(
    tmp_path: Path, items: int, previewed: bool
) -> None:
    path = tmp_path / f"{items}.toml"
    generate.write(path, items)
    preview = ConsultationFile.preview(path, 30)
    assert (preview is not None) == previewed
    if preview is not None:
        assert len(preview.consultation.items) == 30 and preview.expected_items == 31


@pytest.fixture(scope="module")
def few_large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Few items, each of many opinions: 1,000 opinions in 26 items (about 450 KB)."""
    path = tmp_path_factory.mktemp("grouped") / "grouped.toml"
    generate.write(path, 1000, shape="grouped")
    return path


def test_a_file_of_few_large_items_is_previewed_by_its_first_bytes(few_large: Path) -> None:
    # 26 items, fewer than the 200 a preview holds: only the bound by bytes previews it.
    assert ConsultationFile.preview(few_large, 200) is None
    data = few_large.read_bytes()
    starts = [m.start() for m in reading._ITEM_HEADER.finditer(data)]
    size = starts[5] + 1  # the sixth item starts before it, the seventh after
    preview = ConsultationFile.preview(few_large, 200, size)
    whole = ConsultationFile.load(few_large)
    assert preview is not None and not preview.complete
    assert preview.consultation.items == whole.consultation.items[:6]
    assert preview.expected_items == len(starts) == len(whole.consultation.items)
    assert preview.consultation.meta == whole.consultation.meta
    # The count still bounds it when it comes first.
    counted = ConsultationFile.preview(few_large, 3, size)
    assert counted is not None and counted.consultation.items == whole.consultation.items[:3]


def test_a_preview_by_bytes_holds_an_item_even_when_the_first_is_larger(few_large: Path) -> None:
    preview = ConsultationFile.preview(few_large, 200, 1)
    assert preview is not None and len(preview.consultation.items) == 1


def test_a_file_read_whole_before_its_bound_by_bytes_is_not_previewed(few_large: Path) -> None:
    assert ConsultationFile.preview(few_large, 200, few_large.stat().st_size) is None
