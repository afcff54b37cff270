"""A consultation file saved as Shift_JIS is said once, with the way to convert it; any other
run of invalid bytes is listed a few at a time and the rest counted."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.console import pctui

from pctui.storage import ConsultationFile

Write = Callable[..., Path]
Problems = Callable[[Path], list[str]]


def _items(count: int) -> str:
    return "".join(
        f'[[items]]\nno = {no}\nsection = "1"\nopinion = "ご意見その{no}です。"\n\n'
        for no in range(1, count + 1)
    )


def test_a_large_shift_jis_file_is_one_problem_not_thousands(
    header: str, write: Write, tmp_path: Path
) -> None:
    path = write((header + _items(2000)).encode("cp932"))
    done = pctui("validate", path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[-1] == f"{path}: 1 problem"
    assert lines[0].startswith(f"{path}:5:10: not valid UTF-8 (byte 0x83): ")
    assert "looks like Shift_JIS (cp932)" in lines[0]


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv is not installed")
def test_the_advised_conversion_gives_a_file_that_loads(
    header: str, write: Write, problems: Problems
) -> None:
    path = write((header + _items(3)).encode("cp932"))
    (advice,) = problems(path)
    command = advice.split("e.g. ", 1)[1]
    assert command == f"iconv -f CP932 -t UTF-8 {path} > {path}.utf8 && mv {path}.utf8 {path}"
    subprocess.run(command, shell=True, check=True)  # the very command the message gives
    loaded = ConsultationFile.load(path).consultation
    assert [item.opinion for item in loaded.items] == [f"ご意見その{n}です。" for n in (1, 2, 3)]


def test_many_bad_bytes_in_a_utf8_file_are_capped_with_a_count(
    header: str, write: Write, problems: Problems
) -> None:
    text = (header + _items(10)).encode("utf-8")
    # 0xff never occurs in UTF-8 nor in Shift_JIS: ten stray bytes, one in each opinion.
    text = text.replace("です。".encode(), b"\xff")
    found = problems(write(text))
    assert found == [
        "28:18: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        "33:18: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        "38:18: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        "43:18: … and 7 more invalid bytes like this",
    ]


def test_a_few_bad_bytes_are_each_listed(header: str, write: Write, problems: Problems) -> None:
    text = (header + _items(2)).encode("utf-8").replace("です。".encode(), b"\xff")
    assert problems(write(text)) == [
        "28:18: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        "33:18: not valid UTF-8 (byte 0xff); save the file as UTF-8",
    ]
