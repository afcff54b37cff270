"""The forked child answers in pieces, taken by the parent as they come: so neither side
holds the child's whole share of items, flattened and marshalled, at once. Whatever
happens to the pieces, the result is the serial read's.

The threshold and the piece size are lowered so that a generated file of 60 items is
shared with a real child that answers in several pieces.
"""

from __future__ import annotations

import functools
import os
import select

import pytest

from pctui.base.problems import Problem
from pctui.base.toml_locate import Locator
from pctui.model.records import Consultation, Item
from pctui.storage import LoadError, parallel, reader, toml_parse
from pctui.storage.checker import Checker
from pctui.storage.chunks import Chunk, split
from pctui.storage.header_schema import read_header
from pctui.storage.reader import load_text

ITEMS = 60  # items of the `national` fixture (conftest.py)
PIECE = 4
WAIT = 60.0  # seconds: only a broken child would take this long to send one piece


@pytest.fixture
def pieces(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Children for files of 10 blocks or more, answering PIECE items at a time; records
    each answer asked for as (items taken before it was asked for, whether it was used)."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BLOCKS", 10)
    monkeypatch.setattr(parallel, "PIECE_ITEMS", PIECE)
    monkeypatch.setattr(parallel, "may_fork", lambda: True)
    asked: list[tuple[int, bool]] = []
    answer = parallel.Run.answer

    def recorded(run: parallel.Run, path: str) -> parallel.Answer | None:
        before = run.taken
        found = answer(run, path)
        asked.append((before, found is not None))
        with pytest.raises(ChildProcessError):
            os.waitpid(run.pid, os.WNOHANG)  # reaped
        return found

    monkeypatch.setattr(parallel.Run, "answer", recorded)
    return asked


def serial(text: str) -> Consultation:
    return load_text(text, "f.toml", fork=False).consultation


def problems_of(text: str, fork: bool) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_text(text, "f.toml", fork=fork)
    return [str(p) for p in caught.value.problems]


def child_start(blocks: int = ITEMS) -> int:
    return blocks - round(blocks * parallel.CHILD_SHARE)


def block_start(text: str, index: int) -> int:
    """Offset of the `index`-th `[[items]]` line of `text`."""
    at = -1
    for _ in range(index + 1):
        at = text.index("[[items]]\n", at + 1)
    return at


def test_pieces_are_taken_before_the_child_has_read_its_run(
    national: str, pieces: list[tuple[int, bool]]
) -> None:
    # The child waits before its last block until the parent has taken a piece: so the
    # pieces reach the parent while the child is still reading.
    header_chunk, chunks = split(national)
    problems: list[Problem] = []
    header = read_header(
        toml_parse.loads(header_chunk.text), Checker("f.toml", Locator(header_chunk.text), problems)
    )
    read = functools.partial(reader.read_block, header, "f.toml")
    gate_out, gate_in = os.pipe()

    def read_block(chunk: Chunk, found: list[Problem]) -> Item | None:
        if chunk is chunks[-1]:
            os.read(gate_out, 1)  # in the child: until the parent says it has a piece
        return read(chunk, found)

    run = parallel.fork_run(chunks, read_block)
    assert run is not None
    try:
        while run.taken < PIECE:
            readable, _, _ = select.select([run.pipe], [], [], WAIT)
            assert readable, "no piece came"
            run.poll()
        os.write(gate_in, b"x")
        answer = run.answer("f.toml")
    finally:
        if run.pipe >= 0:  # failed before the answer: stop the child waiting at the gate
            run.discard()
        os.close(gate_out)
        os.close(gate_in)
    assert answer is not None
    items, found = answer
    assert items == serial(national).items[run.start :]
    assert found == []


def test_an_answer_in_pieces_equals_the_serial_read(
    national: str, pieces: list[tuple[int, bool]]
) -> None:
    assert load_text(national, "f.toml").consultation == serial(national)
    assert [used for _, used in pieces] == [True]


def test_problems_sent_in_several_pieces_are_reported_as_in_a_serial_read(
    national: str, pieces: list[tuple[int, bool]]
) -> None:
    # An error in the child's first piece, a warning in a later one, an error in its last.
    broken = national
    for index, old, new in [
        (child_start() + 1, 'stage = "', 'stage = "x'),
        (child_start() + 9, "[[items.revisions]]\n", "[[items.revisions]]\nautor = 1\n"),
        (ITEMS - 1, 'verdict = "', 'verdict = "x'),
    ]:
        at = block_start(broken, index)
        broken = broken[:at] + broken[at:].replace(old, new, 1)
    assert problems_of(broken, True) == problems_of(broken, False)
    assert [used for _, used in pieces] == [True]


def test_a_string_spanning_blocks_late_in_the_childs_run_is_read_here(
    national: str, pieces: list[tuple[int, bool]]
) -> None:
    # An opinion quoting an item header deep in the child's run: the child has sent
    # pieces before it meets the false boundary, then says so; the parent drops what it
    # took and reads the whole run itself, joining the string back.
    quote = "引用:\n[[items]]\n"
    block = block_start(national, ITEMS - 3)
    opening = national.index('opinion = """', block) + len('opinion = """')
    quoted = national[:opening] + quote + national[opening:]
    together = load_text(quoted, "f.toml").consultation
    assert together == serial(quoted)
    assert len(together.items) == ITEMS
    assert quote in together.items[ITEMS - 3].opinion
    assert [used for _, used in pieces] == [False]


def test_a_damaged_piece_is_read_here(
    national: str, pieces: list[tuple[int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(chunks: list[Chunk], read_block: parallel.ReadBlock, pipe: int) -> None:
        with os.fdopen(pipe, "wb") as out:
            out.write((8).to_bytes(4, "little") + b"\xff" * 8)  # no marshal data

    monkeypatch.setattr(parallel, "_answer", damaged)
    assert load_text(national, "f.toml").consultation == serial(national)
    assert [used for _, used in pieces] == [False]


def test_a_child_dying_after_some_pieces_changes_nothing(
    national: str, pieces: list[tuple[int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    flattened: list[Item] = []
    flatten = parallel.flatten

    def failing(item: Item) -> parallel.Flat:
        flattened.append(item)  # in the child's memory only
        if len(flattened) > 2 * PIECE:
            raise MemoryError  # the child exits with status 1 after two pieces
        return flatten(item)

    monkeypatch.setattr(parallel, "flatten", failing)
    assert load_text(national, "f.toml").consultation == serial(national)
    assert [used for _, used in pieces] == [False]
    assert flattened == []  # the parent itself flattened nothing


def test_a_syntax_error_after_some_pieces_is_read_here(
    national: str, pieces: list[tuple[int, bool]]
) -> None:
    # The child has sent a piece when it meets a block that does not parse: it says its
    # run is unusual, and the parent reports exactly what a serial read reports.
    at = block_start(national, child_start() + 6)
    broken = national[:at] + national[at:].replace("count = ", "count = = ", 1)
    assert problems_of(broken, True) == problems_of(broken, False)
    assert [used for _, used in pieces] == [False]
