"""The benchmark's format-2 shape (issue 16 point 8): 10,000 opinions grouped into items of
one to a few hundred, with summaries and sign-offs bound to their basis, valid as generated."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks import generate

from pctui.model.state import OTHER_BASIS, STALE, VALID, progress
from pctui.storage import ConsultationFile
from pctui.storage.integrity import integrity_warnings
from pctui.storage.writer import render_item


def test_ten_thousand_opinions_grouped_load_back_valid_as_generated(tmp_path: Path) -> None:
    built = generate.build(10_000, seed=1, shape="grouped")
    path = tmp_path / "grouped.toml"
    path.write_text(generate.render(built), encoding="utf-8")
    loaded = ConsultationFile.load(path)
    assert loaded.consultation.format == 2
    progresses = [progress(item, loaded.consultation.review) for item in loaded.consultation.items]
    assert loaded.warnings == [] and integrity_warnings(loaded, progresses) == []
    assert loaded.consultation.items == built.items
    items = loaded.consultation.items
    sizes = [len(item.opinions) for item in items]
    assert sum(sizes) == 10_000
    assert min(sizes) == 1 and 200 <= max(sizes) <= 300
    assert 0.15 < sizes.count(1) / len(items) < 0.35  # about a quarter answer one opinion
    assert 2 <= sorted(sizes)[len(sizes) // 2] <= 100  # most: a few dozen
    assert any(o.count > 1 for item in items for o in item.opinions)
    # An item of several opinions has a summary, some of them rewritten; one opinion, none.
    assert all(bool(item.summaries) == (len(item.opinions) > 1) for item in items)
    assert any(len(item.summaries) == 2 for item in items)
    signoffs = [s for item in items for s in item.signoffs]
    assert signoffs and all(s.basis is not None for s in signoffs)
    standings = Counter((s.status, s.why) for p in progresses for s in p.standings)
    assert standings[(VALID, "")] > 0 and standings[(STALE, OTHER_BASIS)] > 0
    assert {p.state for p in progresses} == {"draft", "in-review", "changes-requested", "approved"}


def test_labels_restart_in_each_section_as_results_number_them() -> None:
    built = generate.build(3000, seed=2, shape="grouped")
    for section in built.sections:
        labels = [o.label for i in built.items if i.section == section.id for o in i.opinions]
        assert labels == [str(n + 1) for n in range(len(labels))]
    assert len({i.section for i in built.items}) == len(built.sections)


def test_format_two_direct_rendering_reads_like_the_storage_rendering() -> None:
    built = generate.build(600, seed=4, shape="grouped")
    for item in built.items:
        direct = [line for line in generate.item_text(item, 2).splitlines() if line]
        stored = [line for line in render_item(item, 2).splitlines() if line]
        assert direct == stored


def test_the_generator_says_how_many_opinions_in_how_many_items(
    tmp_path: Path, capsys: object
) -> None:
    path = tmp_path / "g.toml"
    assert generate.main(["--items", "500", "--shape", "grouped", "-o", str(path)]) == 0
    built = generate.build(500, seed=1, shape="grouped")
    assert path.read_bytes() == generate.render(built).encode("utf-8")
    said = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"500 opinions in {len(built.items)} items" in said
