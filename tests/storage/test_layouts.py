"""The two layouts a save plans its write in, and the reader's result they are made from."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from tests.storage.conftest import Write

from pctui.base.problems import SaveError
from pctui.model import revise
from pctui.storage import ConsultationFile, consultation_file
from pctui.storage.layouts import FileLayout, SplicedBlocks, WholeDocument, layout_of
from pctui.storage.reader import BOM, read_file

# A table after the items: the file is then read, and written, whole.
TABLE_AFTER = '\n# 末尾の設定\n[git]\ncommit = "manual"\n'
# Writes one after another, each changing some items: several at once, the first and the
# last, one alone; the new revisions have more lines each time, so later blocks move down.
WRITES = ({1, 4}, {0, 5}, {2}, {3, 1})


def _blocks(count: int) -> str:
    return "".join(
        f'[[items]]\nno = {no}\nsection = "1"\nopinion = "ご意見{no}"\n\n'
        for no in range(1, count + 1)
    )


def _fresh(path: Path) -> FileLayout:
    loaded, _stamp = read_file(path)
    return layout_of(loaded)


@pytest.mark.parametrize("bom", [False, True], ids=["utf-8", "bom"])
@pytest.mark.parametrize("tail", ["", TABLE_AFTER], ids=["spliced", "whole"])
def test_the_layout_kept_after_a_write_is_what_reading_the_file_gives(
    header: str, write: Write, tail: str, bom: bool
) -> None:
    path = write((BOM if bom else "") + header + _blocks(6) + tail)
    loaded, _stamp = read_file(path)
    layout = layout_of(loaded)
    assert type(layout) is (WholeDocument if tail else SplicedBlocks)
    consultation = loaded.consultation
    for round_, changed in enumerate(WRITES):
        for index in changed:
            no = consultation.items[index].no
            revise(consultation, no, "tanaka", f"第{round_}版\n" * (round_ + index + 1))
        planned = layout.plan(consultation.items, changed)
        path.write_bytes(planned.data)
        after = planned.after
        if isinstance(after, SplicedBlocks):  # the bytes it keeps are those of its blocks
            assert after.encoded == tuple(block.encode("utf-8") for block in after.blocks)
            after = dataclasses.replace(after, encoded=None)
        assert after == _fresh(path)
        assert planned.data.startswith(BOM.encode("utf-8")) is bom
        layout = planned.after
    for index, item in enumerate(read_file(path)[0].consultation.items):
        assert item == consultation.items[index]
        line, _col = layout.place(index, "items", 0, "no")
        assert path.read_text(encoding="utf-8-sig").split("\n")[line - 1] == f"no = {item.no}"


def test_planning_a_write_changes_neither_the_layout_nor_the_file(
    header: str, write: Write
) -> None:
    path = write(header + _blocks(3))
    loaded, _stamp = read_file(path)
    layout = layout_of(loaded)
    revise(loaded.consultation, 2, "tanaka", "回答\n二行目")
    first = layout.plan(loaded.consultation.items, {1})
    # Not written (as when the disk is full): planned again, the same write comes out.
    assert layout == _fresh(path)
    assert layout.plan(loaded.consultation.items, {1}) == first
    assert "回答" not in layout.item_text(1)
    assert "回答" in first.after.item_text(1)


def test_what_the_reader_returns_cannot_be_changed(header: str, write: Write) -> None:
    loaded, _stamp = read_file(write(header + _blocks(2)))
    assert isinstance(loaded.chunks, tuple)
    assert isinstance(loaded.warnings, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.bom = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.chunks[0].text = ""  # type: ignore[misc]


def test_a_failed_write_keeps_the_layout_and_the_next_save_writes_both_changes(
    header: str, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(header + _blocks(4))
    before = path.read_bytes()
    file = ConsultationFile.load(path)

    def disk_full(target: Path, data: bytes) -> os.stat_result:
        raise SaveError(f"{target}: No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(consultation_file, "write_atomic", disk_full)
        with pytest.raises(SaveError, match="No space left"):
            file.transact(2, lambda c: revise(c, 2, "tanaka", "一行目\n二行目\n三行目"))
    assert path.read_bytes() == before
    assert file.pending == 1
    assert "一行目" not in file.item_text(2)  # the file's layout is still what is on disk
    file.transact(3, lambda c: revise(c, 3, "tanaka", "回答3"))
    assert file.pending == 0
    again = ConsultationFile.load(path)
    assert again.consultation == file.consultation
    lines = path.read_text(encoding="utf-8").split("\n")
    for item in file.consultation.items:
        assert file.item_text(item.no) == again.item_text(item.no)
        line, _col = file.place(item.no, "items", 0, "no")
        assert lines[line - 1] == f"no = {item.no}"
