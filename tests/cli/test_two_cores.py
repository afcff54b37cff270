"""The real command on a file it reads on two cores reports exactly what one process would.

2,400 items is past `parallel.PARALLEL_MIN_BLOCKS`: the console script forks a child that
reads the last items, and the problems planted there come back through it (a syntax error
there makes the parent read that run itself, with the same messages).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks import generate
from tests.console import SCRIPT

from pctui.storage import LoadError, parallel
from pctui.storage.reader import load_text

Run = Callable[..., subprocess.CompletedProcess[str]]
ITEMS = 2400

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or parallel._cores() < 2,
    reason="needs Linux and two cores, where the command reads on both",
)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("gen") / "national.toml"
    generate.write(path, ITEMS)
    return path.read_text(encoding="utf-8")


def late_block(text: str) -> int:
    """Offset of an item block well inside the child's share."""
    assert ITEMS >= parallel.PARALLEL_MIN_BLOCKS
    starts = [i for i in range(len(text)) if text.startswith("[[items]]\n", i)]
    return starts[ITEMS - 20]


def test_warnings_from_the_childs_share(national: str, tmp_path: Path, pctui: Run) -> None:
    at = late_block(national)
    header = "[[items.revisions]]\n"
    text = national[:at] + national[at:].replace(header, header + "autor = 1\n", 1)
    path = tmp_path / "national.toml"
    path.write_text(text, encoding="utf-8")
    expected = [str(p) for p in load_text(text, str(path), fork=False).warnings]
    assert len(expected) == 1 and "autor" in expected[0]
    done = pctui("--lang", "en", "validate", path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[:-1] == expected
    assert f"ok: {ITEMS} items" in done.stdout.splitlines()[-1]


def test_errors_from_the_childs_share(national: str, tmp_path: Path, pctui: Run) -> None:
    at = late_block(national)
    text = national[:at] + national[at:].replace('verdict = "', 'verdict = "x', 1)
    assert_same_errors(text, tmp_path, pctui, count=1)


def test_a_syntax_error_in_the_childs_share(national: str, tmp_path: Path, pctui: Run) -> None:
    at = late_block(national)
    text = national[:at] + national[at:].replace('verdict = "', 'verdict = "x', 1)
    text = text[:at] + text[at:].replace("count = ", "count = = ", 1)
    assert_same_errors(text, tmp_path, pctui, count=2)


def test_sigchld_ignored_by_whoever_started_pctui(
    national: str, tmp_path: Path, pctui: Run
) -> None:
    # An ignored SIGCHLD is inherited through exec; the system then reaps the child itself.
    path = tmp_path / "national.toml"
    path.write_text(national, encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPT), "--lang", "en", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: signal.signal(signal.SIGCHLD, signal.SIG_IGN),
    )
    assert done.returncode == 0, done.stderr
    assert f"ok: {ITEMS} items" in done.stdout


def assert_same_errors(text: str, tmp_path: Path, pctui: Run, count: int) -> None:
    path = tmp_path / "national.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_text(text, str(path), fork=False)
    expected = [str(p) for p in caught.value.problems]
    assert len(expected) == count
    done = pctui("--lang", "en", "validate", path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[:-1] == expected
    assert "Traceback" not in done.stderr
