"""Fixtures for the storage tests: a small valid header, files in tmp_path, located problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.storage import ConsultationFile, LoadError

# 24 lines; the first item of a file made with it starts on line 25.
HEADER = """\
format = 1

[consultation]
id = "test"
title = "テスト計画（案）"

[review]
stages = ["担当", "係長", "課長"]

[review.reviewers]
tanaka = ["担当"]
yamada = ["担当"]
suzuki = ["係長"]
sato = ["課長"]
kimura = ["係長", "課長"]

[[sections]]
id = "1"
title = "第1章"

[[sections]]
id = "2"
title = "第2章"

"""

Write = Callable[..., Path]
Problems = Callable[[Path], list[str]]
Where = Callable[..., str]


@pytest.fixture
def header() -> str:
    """The header of a small valid consultation (stages 担当/係長/課長, sections 1 and 2)."""
    return HEADER


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write text (str, UTF-8) or bytes to tmp_path/NAME; returns the path."""

    def put(content: str | bytes, name: str = "c.toml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return put


@pytest.fixture
def problems() -> Problems:
    """The problems loading PATH reports, each as "line:col: message" (path checked, cut)."""

    def found(path: Path) -> list[str]:
        with pytest.raises(LoadError) as caught:
            ConsultationFile.load(path)
        lines = [str(problem) for problem in caught.value.problems]
        prefix = f"{path}:"
        assert all(line.startswith(prefix) for line in lines), lines
        assert str(caught.value) == "\n".join(lines)
        return [line[len(prefix) :] for line in lines]

    return found


@pytest.fixture
def where() -> Where:
    """Position ("line:col", 1-based) of the `nth` occurrence of `needle` in `text`."""

    def locate(text: str, needle: str, nth: int = 1) -> str:
        offset = -1
        for _ in range(nth):
            offset = text.index(needle, offset + 1)
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return f"{line}:{col}"

    return locate


@pytest.fixture(scope="session")
def national(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A generated file of 60 items: enough blocks for the parallel read's tests to fork."""
    from benchmarks import generate

    path = tmp_path_factory.mktemp("gen") / "national.toml"
    generate.write(path, 60)
    return path.read_text(encoding="utf-8")
