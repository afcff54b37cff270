"""TOML syntax errors: located at the right absolute line and column, every one reported."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from tests.storage.item_text import answered, item, last

from pctui.storage import ConsultationFile

Write = Callable[..., Path]
Problems = Callable[[Path], list[str]]
Where = Callable[..., str]

ITEM_1 = item(1, "1")
ITEM_2 = answered(2, "1")
ITEM_3 = last(item(3, "2"))


def test_the_valid_base_loads(header: str, write: Write) -> None:
    file = ConsultationFile.load(write(header + ITEM_1 + ITEM_2 + ITEM_3))
    assert [item.no for item in file.consultation.items] == [1, 2, 3]
    assert file.warnings == []


def test_a_syntax_error_in_an_item_is_at_its_absolute_line(
    header: str, write: Write, problems: Problems
) -> None:
    text = header + ITEM_1 + ITEM_2.replace('author = "tanaka"', "author = tanaka") + ITEM_3
    # ITEM_2 starts on line 30, its `author` line is the 7th of the block: line 36, and the
    # bare value starts at column 10.
    assert problems(write(text)) == ["36:10: TOML syntax: Invalid value"]


def test_syntax_errors_in_several_items_are_all_reported(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    text = (
        header
        + ITEM_1.replace('opinion = "ご意見1"', 'opinion = "ご意見1" 余計')
        + ITEM_2.replace("at = 2025-12-01T09:00:00+09:00", "at = 2025-13-01T09:00:00+09:00")
        + ITEM_3.replace("no = 3", "no = = 3")
    )
    expected_newline = "TOML syntax: Expected newline or end of document after a statement"
    assert problems(write(text)) == [
        f"{where(text, '余計')}: {expected_newline}",
        f"{where(text, '-13')}: {expected_newline}",
        f"{where(text, '= 3')}: TOML syntax: Invalid value",
    ]
    assert where(text, "余計") == "28:18"


def test_a_syntax_error_does_not_hide_schema_errors_elsewhere(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    text = header + ITEM_1.replace("no = 1", "no = [") + ITEM_3.replace('"2"', '"9"')
    section = where(text, 'section = "9"')
    assert problems(write(text)) == [
        "27:1: TOML syntax: Invalid value",  # the array goes on to the next line
        f"{section}: unknown section '9' (sections: '1', '2')",
    ]


def test_a_syntax_error_in_the_header_is_reported_alone(
    header: str, write: Write, problems: Problems
) -> None:
    # Without the header the schema cannot be checked: no "missing format" and the like,
    # and no complaint about every sign-off's stage.
    broken = header.replace('title = "テスト計画（案）"', 'title = "テスト計画（案）')
    signed = ITEM_2 + (
        '[[items.signoffs]]\nstage = "担当"\nby = "yamada"\nat = 2025-12-01T10:00:00+09:00\n'
        'revision = 1\ndigest = "sha256:' + "0" * 64 + '"\nverdict = "approve"\n'
    )
    assert problems(write(broken + signed)) == ["5:18: TOML syntax: Illegal character '\\n'"]


def test_header_and_item_syntax_errors_are_both_reported(
    header: str, write: Write, problems: Problems
) -> None:
    broken = header.replace("format = 1", "format = 1 1")
    assert problems(write(broken + ITEM_1.replace("no = 1", "no 1"))) == [
        "1:12: TOML syntax: Expected newline or end of document after a statement",
        "26:4: TOML syntax: Expected '=' after a key in a key/value pair",
    ]


def test_an_unclosed_multi_line_string_is_reported_where_it_opens(
    header: str, write: Write, problems: Problems
) -> None:
    text = header + ITEM_1.replace('opinion = "ご意見1"', 'opinion = """ご意見1') + ITEM_3
    # Reported where it opens (line 28, column 11), not at the end of the file.
    assert problems(write(text)) == [
        '28:11: TOML syntax: this multi-line string is never closed (add the closing """)'
    ]


def test_an_unclosed_literal_string_in_the_header(
    header: str, write: Write, problems: Problems
) -> None:
    broken = header.replace('title = "テスト計画（案）"', "title = '''テスト計画（案）")
    assert problems(write(broken + ITEM_1)) == [
        "5:9: TOML syntax: this multi-line string is never closed (add the closing ''')"
    ]


def test_a_duplicate_key_is_a_syntax_error(header: str, write: Write, problems: Problems) -> None:
    text = header + ITEM_1.replace('section = "1"', 'section = "1"\nsection = "2"')
    assert problems(write(text)) == ["28:14: TOML syntax: Cannot overwrite a value"]


def test_an_empty_file_reports_what_is_missing(write: Write, problems: Problems) -> None:
    # Only the missing tables, not every key of them.
    assert problems(write("")) == [
        "1:1: missing format (an integer)",
        "1:1: missing consultation (a table)",
        "1:1: missing review (a table)",
    ]


def test_items_after_an_unclosed_string_are_still_checked(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    # The forgotten closing quotes would swallow the following items, whose own multi-line
    # strings then pair up wrongly; the items after it are still read on their own.
    later = ITEM_2.replace('text = "回答2"', 'text = """回答2\n\n続き"""')
    text = (
        header
        + ITEM_1.replace('opinion = "ご意見1"', 'opinion = """ご意見1')
        + later
        + later.replace("no = 2", "no = 4")
        + ITEM_3.replace('section = "2"', 'section = "7"')
    )
    opened, section = where(text, '"""ご意見1'), where(text, 'section = "7"')
    assert problems(write(text)) == [
        f'{opened}: TOML syntax: this multi-line string is never closed (add the closing """)',
        f"{section}: unknown section '7' (sections: '1', '2')",
    ]


def test_a_forgotten_quote_in_a_large_file_is_found_quickly(
    header: str, write: Write, problems: Problems
) -> None:
    item = ITEM_2.replace('text = "回答2"', 'text = """回答2\n\n続き"""')
    items = [item.replace("no = 2", f"no = {n}") for n in range(1, 3001)]
    items[10] = items[10].replace('続き"""', "続き")  # No.11's closing quotes forgotten
    started = time.perf_counter()
    found = problems(write(header + "".join(items)))
    # Linear, not quadratic: joining 3,000 blocks one by one took minutes.
    assert time.perf_counter() - started < 10
    opened = 25 + 12 * 10 + 8  # No.11's text line: blocks of 12 lines after the header
    assert found == [
        f'{opened}:8: TOML syntax: this multi-line string is never closed (add the closing """)'
    ]
