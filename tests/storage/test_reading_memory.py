"""Reading a file keeps its blocks' texts (a save splices them) but not a second copy of
them as UTF-8: toml-rs asks Python for a string's UTF-8, which Python then keeps with the
string (93 MB of the 100 MB `long` benchmark file, for as long as it was open)."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest
from benchmarks import generate

from pctui.storage import ConsultationFile, reader
from pctui.storage.chunks import Chunk
from pctui.storage.layouts import SplicedBlocks


def test_the_kept_blocks_hold_no_utf8_copy(tmp_path: Path) -> None:
    path = tmp_path / "national.toml"
    generate.write(path, 40)
    file = ConsultationFile.load(path)
    layout = file._lay_out()  # the blocks a save splices, as the file keeps them
    assert isinstance(layout, SplicedBlocks) and len(layout.blocks) == 40
    japanese = [block for block in layout.blocks if not block.isascii()]
    assert japanese
    for block in japanese:
        fresh = block[:-1] + block[-1]  # the same text, its UTF-8 never asked for
        assert sys.getsizeof(block) == sys.getsizeof(fresh)


def test_the_text_is_not_held_while_its_blocks_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The blocks hold all of the text once it is split: holding the text too while the
    # items were read was a quarter of the peak of reading a large file. So from the split
    # on, the peak stays above what the read keeps (blocks and model) by much less than
    # the text. (Before the split, UTF-8 decoding allocates more than it touches.)
    path = tmp_path / "national.toml"
    generate.write(path, 300)
    size = sys.getsizeof(path.read_text(encoding="utf-8"))
    split = reader.split

    def split_then_measure(text: str) -> tuple[Chunk, list[Chunk]]:
        found = split(text)
        tracemalloc.reset_peak()
        return found

    monkeypatch.setattr(reader, "split", split_then_measure)
    tracemalloc.start()
    try:
        file = ConsultationFile.load(path)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(file.consultation.items) == 300
    assert peak - kept < size / 4, (peak - kept, size)
