"""Bytes on disk: invalid UTF-8, a byte-order mark, CRLF line endings."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from pctui.model import revise, sign, withdraw
from pctui.storage import ConsultationFile

Write = Callable[..., Path]
Problems = Callable[[Path], list[str]]

ITEMS = """\
[[items]]
no = 1
section = "1"
opinion = "ご意見1"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = \"\"\"回答1

第二段落\"\"\"

[[items]]
no = 2
section = "2"
opinion = "ご意見2"
"""


def test_invalid_utf8_is_located_in_characters_and_every_bad_byte_listed(
    header: str, write: Write, problems: Problems
) -> None:
    text = (header + ITEMS).encode("utf-8")
    # Shift_JIS bytes pasted into two places: line 28 after `opinion = "ご` and line 40.
    text = text.replace("ご意見1".encode(), "ご".encode() + "意見".encode("shift_jis"))
    text = text.replace("ご意見2".encode(), "ご意見2".encode() + b"\xff")
    # 意見 in Shift_JIS is 88 d3 8c a9, and d3 8c happens to be valid UTF-8 (one character).
    assert problems(write(text)) == [
        "28:13: not valid UTF-8 (byte 0x88); save the file as UTF-8",
        "28:15: not valid UTF-8 (byte 0xa9); save the file as UTF-8",
        "40:16: not valid UTF-8 (byte 0xff); save the file as UTF-8",
    ]


def test_a_file_in_shift_jis_is_refused_not_misread(
    header: str, write: Write, problems: Problems
) -> None:
    found = problems(write((header + ITEMS).encode("shift_jis")))
    # One problem, at the first non-ASCII character (テ of the title), saying what to do.
    assert len(found) == 1 and found[0].startswith("5:10: not valid UTF-8 (byte 0x83): ")
    assert "looks like Shift_JIS (cp932)" in found[0] and "iconv -f CP932 -t UTF-8" in found[0]


def test_a_bom_loads_and_is_kept_on_save(header: str, write: Write) -> None:
    path = write(b"\xef\xbb\xbf" + (header + ITEMS).encode("utf-8"))
    file = ConsultationFile.load(path)
    assert file.consultation.meta.id == "test"
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert ConsultationFile.load(path).consultation.items[0].signoffs[0].by == "yamada"


def test_a_problem_on_the_first_line_of_a_file_with_a_bom(
    header: str, write: Write, problems: Problems
) -> None:
    path = write(b"\xef\xbb\xbf" + (header.replace("format = 1", "format = x") + ITEMS).encode())
    assert problems(path) == ["1:10: TOML syntax: Invalid value"]


def test_crlf_files_load_and_stay_crlf(header: str, write: Write) -> None:
    original = (header + ITEMS).replace("\n", "\r\n")
    path = write(original)
    file = ConsultationFile.load(path)
    assert file.consultation.items[0].current is not None
    assert file.consultation.items[0].current.text == "回答1\n\n第二段落"
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    file.transact(2, lambda c: revise(c, 2, "tanaka", "回答2\n\n二段落目"))
    file.transact(1, lambda c: withdraw(c, 1, "yamada"))
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")  # no bare LF anywhere
    assert b"\r\r" not in data
    saved = data.decode("utf-8")
    diff = difflib.ndiff(original.splitlines(), saved.splitlines())
    assert not [line for line in diff if line.startswith("- ")]
    reloaded = ConsultationFile.load(path).consultation
    assert reloaded.items[1].revisions[0].text == "回答2\n\n二段落目"
    assert reloaded.items[0].signoffs[0].withdrawn is not None


def test_a_crlf_file_whose_last_item_ends_without_a_newline(header: str, write: Write) -> None:
    original = (header + ITEMS).replace("\n", "\r\n").rstrip("\r\n")
    path = write(original)
    ConsultationFile.load(path).transact(2, lambda c: revise(c, 2, "tanaka", "回答2"))
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert data.startswith(original.encode("utf-8") + b"\r\n")
