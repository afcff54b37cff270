"""Reading a file keeps its blocks' texts (a save splices them) but not a second copy of
them as UTF-8: toml-rs asks Python for a string's UTF-8, which Python then keeps with the
string (93 MB of the 100 MB `long` benchmark file, for as long as it was open)."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks import generate

from pctui.storage import ConsultationFile
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
