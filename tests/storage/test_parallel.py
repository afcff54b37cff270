"""Helper processes read runs of a large file's items; the result is exactly the serial one.

The thresholds are lowered so that a generated file of 60 items is shared with a real
helper process (the helper runs pctui's own code, unpatched).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from benchmarks import generate

from pctui.i18n import current_language, install
from pctui.model.records import Consultation
from pctui.storage import ConsultationFile, LoadError, parallel
from pctui.storage.reader import load_text

ITEMS = 60


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("gen") / "national.toml"
    generate.write(path, ITEMS)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, bool]]:
    """Helpers for any size of file, at least one even on one core; records every run as
    (first block, end, whether its answer was used)."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BLOCKS", 10)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    runs: list[tuple[int, int, bool]] = []
    answer = parallel.Run.answer

    def recorded(run: parallel.Run, path: str) -> parallel.Answer | None:
        found = answer(run, path)
        runs.append((run.start, run.end, found is not None))
        return found

    monkeypatch.setattr(parallel.Run, "answer", recorded)
    return runs


def serial(text: str, path: str = "f.toml") -> Consultation:
    return load_text(text, path, helpers=parallel.Helpers([])).consultation


def helper_start() -> int:
    """The first block handed to the one helper (as `Helpers.assign` shares them)."""
    return ITEMS - round(ITEMS / (1 + parallel.OWN_WEIGHT))


def block_starts(text: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith("[[items]]\n", i)]


def problems_of(text: str, path: str, helpers: parallel.Helpers | None) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_text(text, path, helpers=helpers)
    return [str(p) for p in caught.value.problems]


def test_a_shared_read_equals_the_serial_one(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    together = load_text(national, "f.toml").consultation
    assert shared == [(helper_start(), ITEMS, True)]
    alone = serial(national)
    assert together == alone
    for a, b in zip(together.items, alone.items, strict=True):
        assert [r.digest for r in a.revisions] == [r.digest for r in b.revisions]
        pairs = zip(a.signoffs, b.signoffs, strict=True)
        assert all(type(s.at.tzinfo) is type(t.at.tzinfo) for s, t in pairs)


def test_reading_a_file_shares_it_and_leaves_nothing_behind(
    national: str,
    shared: list[tuple[int, int, bool]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[subprocess.Popen[bytes]] = []
    start = parallel.Helpers.start

    def recorded(size: int) -> parallel.Helpers:
        helpers = start(size)
        started.extend(helpers.processes)
        return helpers

    monkeypatch.setattr(parallel.Helpers, "start", recorded)
    before = set(Path(tempfile.gettempdir()).glob("pctui-read-*"))
    path = tmp_path / "national.toml"
    path.write_text(national, encoding="utf-8")
    assert ConsultationFile.load(path).consultation == serial(national, str(path))
    assert shared == [(helper_start(), ITEMS, True)]
    assert set(Path(tempfile.gettempdir()).glob("pctui-read-*")) == before
    assert started and all(p.returncode is not None for p in started)  # every one reaped


def test_problems_in_a_helpers_run_are_reported_as_in_a_serial_read(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    starts = block_starts(national)
    late = starts[helper_start() + 3]
    # An unknown stage (an error) and an unknown key (a warning) inside the helper's run.
    broken = national[:late] + national[late:].replace('stage = "', 'stage = "x', 1)
    broken = broken[:late] + broken[late:].replace(
        "[[items.revisions]]\n", "[[items.revisions]]\nautor = 1\n", 1
    )
    assert problems_of(broken, "f.toml", None) == problems_of(
        broken, "f.toml", parallel.Helpers([])
    )
    assert shared[0] == (helper_start(), ITEMS, True)


def test_a_syntax_error_in_a_helpers_run_is_read_here(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    starts = block_starts(national)
    late = starts[helper_start() + 5]
    broken = national[:late] + national[late:].replace("count = ", "count = = ", 1)
    assert problems_of(broken, "f.toml", None) == problems_of(
        broken, "f.toml", parallel.Helpers([])
    )
    assert shared[0] == (helper_start(), ITEMS, False)


def test_a_string_spanning_the_helpers_first_boundary_is_joined(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    # The last opinion before the helper's run quotes an item header, so the helper's first
    # "block" starts inside a string: the serial read joins it, and the helper is not used.
    starts = block_starts(national)
    boundary = starts[helper_start()]
    before = national.rfind('opinion = """', 0, boundary)
    opening = before + len('opinion = """')
    quoted = national[:opening] + "引用:\n[[items]]\n" + national[opening:]
    assert block_starts(quoted)[helper_start()] < boundary + len("引用:\n[[items]]\n")
    together = load_text(quoted, "f.toml").consultation
    assert together == serial(quoted)
    assert len(together.items) == ITEMS


def test_messages_from_a_helper_are_in_the_readers_language(
    national: str, shared: list[tuple[int, int, bool]]
) -> None:
    late = block_starts(national)[helper_start() + 1]
    broken = national[:late] + national[late:].replace('verdict = "', 'verdict = "x', 1)
    language = current_language()
    install("ja")
    try:
        messages = problems_of(broken, "f.toml", None)
        assert messages == problems_of(broken, "f.toml", parallel.Helpers([]))
    finally:
        install(language)
    assert shared[0][2]
    assert any("verdict" in m and "にしてください" in m for m in messages), messages


def test_a_helper_that_fails_changes_nothing(
    national: str, shared: list[tuple[int, int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "HELPER_MODULE", "pctui.no_such_module")
    assert load_text(national, "f.toml").consultation == serial(national)
    assert shared == [(helper_start(), ITEMS, False)]


def test_one_core_or_a_small_file_starts_no_helper(
    national: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert parallel.Helpers.start(10**9).processes == []
    monkeypatch.setattr(parallel, "_cores", lambda: 8)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 4_000_000)
    assert parallel.Helpers.start(len(national.encode())).processes == []
