"""A command that only reads its file (validate, status) runs without the garbage
collector once the file is loaded; one that may save keeps it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from pctui.cli.common import load


@pytest.fixture(name="collector")
def _collector() -> Iterator[None]:
    gc.enable()
    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.usefixtures("collector")
def test_only_reading_leaves_the_collector_off(small: Path) -> None:
    load(str(small), only_read=True)
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_command_that_may_save_keeps_the_collector(small: Path) -> None:
    load(str(small))
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_main_in_process_gives_the_collector_back(small: Path) -> None:
    # Tests (and scripts) call main() in their own process: validate turning the collector
    # off for the rest of its command left it off for every test after (the full suite
    # failed in tests/intake/test_grouping.py). The console script exits at once instead.
    from pctui.cli.entry import main

    assert main(["--lang", "en", "validate", str(small)]) in (0, 1)
    assert gc.isenabled()
