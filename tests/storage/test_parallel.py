"""A forked child reads the later items of a large file; the result is the serial one.

The threshold is lowered so that a generated file of 60 items is shared with a real child.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from pctui.i18n import current_language, install
from pctui.model.records import Consultation
from pctui.storage import ConsultationFile, LoadError, parallel
from pctui.storage.chunks import Chunk
from pctui.storage.reader import load_text

ITEMS = 60  # items of the `national` fixture (conftest.py)


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, bool]]:
    """A child for any file of 10 blocks or more; records every run as
    (first block, end, whether its answer was used), and checks each child was reaped."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BLOCKS", 10)
    # Even if another test left a thread behind: the child runs only the reader's code.
    monkeypatch.setattr(parallel, "may_fork", lambda: True)
    runs: list[tuple[int, int, bool]] = []
    answer = parallel.Run.answer

    def recorded(run: parallel.Run, path: str) -> parallel.Answer | None:
        found = answer(run, path)
        runs.append((run.start, run.end, found is not None))
        with pytest.raises(ChildProcessError):
            os.waitpid(run.pid, os.WNOHANG)  # reaped
        return found

    monkeypatch.setattr(parallel.Run, "answer", recorded)
    return runs


def serial(text: str, path: str = "f.toml") -> Consultation:
    return load_text(text, path, fork=False).consultation


def child_start() -> int:
    """The first block the child reads (as `fork_run` shares them)."""
    return ITEMS - round(ITEMS * parallel.CHILD_SHARE)


def block_starts(text: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith("[[items]]\n", i)]


def problems_of(text: str, path: str, fork: bool) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_text(text, path, fork=fork)
    return [str(p) for p in caught.value.problems]


def test_a_shared_read_equals_the_serial_one(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    together = load_text(national, "f.toml").consultation
    assert shared == [(child_start(), ITEMS, True)]
    alone = serial(national)
    assert together == alone
    for a, b in zip(together.items, alone.items, strict=True):
        assert [r.digest for r in a.revisions] == [r.digest for r in b.revisions]
        pairs = zip(a.signoffs, b.signoffs, strict=True)
        assert all(type(s.at.tzinfo) is type(t.at.tzinfo) for s, t in pairs)


def test_loading_a_file_shares_it(
    national: str, shared: list[tuple[int, int, bool]], tmp_path: Path
) -> None:
    path = tmp_path / "national.toml"
    path.write_text(national, encoding="utf-8")
    assert ConsultationFile.load(path).consultation == serial(national, str(path))
    assert shared == [(child_start(), ITEMS, True)]


def test_problems_in_the_childs_run_are_reported_as_in_a_serial_read(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    starts = block_starts(national)
    late = starts[child_start() + 3]
    # An unknown stage (an error) and an unknown key (a warning) inside the child's run.
    broken = national[:late] + national[late:].replace('stage = "', 'stage = "x', 1)
    broken = broken[:late] + broken[late:].replace(
        "[[items.revisions]]\n", "[[items.revisions]]\nautor = 1\n", 1
    )
    assert problems_of(broken, "f.toml", True) == problems_of(broken, "f.toml", False)
    assert shared[0] == (child_start(), ITEMS, True)


def test_a_syntax_error_in_the_childs_run_is_read_here(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    starts = block_starts(national)
    late = starts[child_start() + 5]
    broken = national[:late] + national[late:].replace("count = ", "count = = ", 1)
    assert problems_of(broken, "f.toml", True) == problems_of(broken, "f.toml", False)
    assert shared[0] == (child_start(), ITEMS, False)


def test_a_string_spanning_the_childs_first_boundary_is_joined(
    national: str, shared: list[tuple[int, int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An opinion quotes an item header, so that the quoted line is where the child's run
    # starts: the child reads from inside a string. Reading in order joins the quote back
    # into its item and steps over that false start, so the child's answer is never taken
    # and the child is stopped and reaped.
    discarded: list[int] = []
    discard = parallel.Run.discard

    def recorded(run: parallel.Run) -> None:
        discard(run)
        discarded.append(run.pid)

    monkeypatch.setattr(parallel.Run, "discard", recorded)
    quote = "引用:\n[[items]]\n"
    block = block_starts(national)[child_start()]
    opening = national.index('opinion = """', block) + len('opinion = """')
    quoted = national[:opening] + quote + national[opening:]
    blocks = len(block_starts(quoted))
    assert block_starts(quoted)[blocks - round(blocks * parallel.CHILD_SHARE)] == opening + 4
    together = load_text(quoted, "f.toml").consultation
    assert together == serial(quoted)
    assert len(together.items) == ITEMS
    assert quote in together.items[child_start()].opinion
    assert shared == []  # the child's answer was not asked for
    assert len(discarded) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(discarded[0], os.WNOHANG)


def test_messages_from_the_child_are_in_the_readers_language(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    late = block_starts(national)[child_start() + 1]
    broken = national[:late] + national[late:].replace('verdict = "', 'verdict = "x', 1)
    language = current_language()
    install("ja")
    try:
        messages = problems_of(broken, "f.toml", True)
        assert messages == problems_of(broken, "f.toml", False)
    finally:
        install(language)
    assert shared[0][2]
    assert any("verdict" in m and "にしてください" in m for m in messages), messages


def test_a_child_that_fails_changes_nothing(
    national: str, shared: list[tuple[int, int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise MemoryError  # in the child only: it exits with status 1

    monkeypatch.setattr(parallel, "_answer", fail)
    assert load_text(national, "f.toml").consultation == serial(national)
    assert shared == [(child_start(), ITEMS, False)]


@pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")
def test_no_child_with_threads_one_core_or_few_blocks(
    national: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    assert parallel.may_fork() == (threading.active_count() == 1)
    waiting = threading.Event()
    thread = threading.Thread(target=waiting.wait)
    thread.start()
    try:
        assert not parallel.may_fork()  # as in the TUI, which reads in a thread
    finally:
        waiting.set()
        thread.join()
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert not parallel.may_fork()
    monkeypatch.setattr(parallel, "may_fork", lambda: True)
    chunks = [Chunk("", 1)] * (parallel.PARALLEL_MIN_BLOCKS - 1)
    assert parallel.fork_run(chunks, lambda chunk, problems: None) is None
