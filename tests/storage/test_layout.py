"""Unusual but valid layouts: item headers inside strings, tables after the items, comments."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from tests.storage.item_text import answered, last

from pctui.model import revise, sign, withdraw
from pctui.storage import ConsultationFile

Write = Callable[..., Path]
Problems = Callable[[Path], list[str]]
Where = Callable[..., str]

QUOTING = """\
[[items]]
no = 1
section = "1"
opinion = \"\"\"次の設定ファイルが届きました。
[[items]]
no = 99
この行も意見の一部です。\"\"\"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = '''設定例:
  [[items]]
以上です。'''

[[items]]
no = 2
section = "2"
opinion = "ご意見2"
"""


def added_only(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line was removed or changed."""
    diff = list(difflib.ndiff(before.split("\n"), after.split("\n")))
    removed = [line for line in diff if line.startswith(("- ", "? "))]
    assert removed == [], removed
    return [line[2:] for line in diff if line.startswith("+ ")]


def test_an_items_line_inside_strings_does_not_split_the_item(header: str, write: Write) -> None:
    path = write(header + QUOTING)
    file = ConsultationFile.load(path)
    first, second = file.consultation.items
    assert (
        first.opinion
        == "次の設定ファイルが届きました。\n[[items]]\nno = 99\nこの行も意見の一部です。"
    )
    assert first.revisions[0].text == "設定例:\n  [[items]]\n以上です。"
    assert second.no == 2
    assert file.warnings == []
    assert file.item_text(1).startswith("[[items]]\nno = 1\n")
    assert file.item_text(1).endswith("以上です。'''\n\n")


def test_an_item_split_by_strings_is_saved_whole(header: str, write: Write) -> None:
    path = write(header + QUOTING)
    before = path.read_text(encoding="utf-8")
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    after = path.read_text(encoding="utf-8")
    added = added_only(before, after)
    assert "[[items.signoffs]]" in added
    assert after.index("[[items.signoffs]]") < after.index("no = 2")
    reloaded = ConsultationFile.load(path).consultation
    assert [item.no for item in reloaded.items] == [1, 2]
    assert reloaded.items[0].signoffs[0].by == "yamada"


def test_an_items_line_inside_a_header_string(header: str, write: Write) -> None:
    text = (
        header.replace(
            'title = "テスト計画（案）"', 'title = """テスト計画（案）\n[[items]]\n副題"""'
        )
        + QUOTING
    )
    file = ConsultationFile.load(write(text))
    assert file.consultation.meta.title == "テスト計画（案）\n[[items]]\n副題"
    assert [item.no for item in file.consultation.items] == [1, 2]


def test_problems_after_a_split_item_keep_their_lines(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    text = header + QUOTING.replace('section = "2"', 'section = "3"')
    place = where(text, 'section = "3"')
    assert problems(write(text)) == [f"{place}: unknown section '3' (sections: '1', '2')"]


def test_a_line_in_a_string_is_never_the_place_of_a_problem(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    item = (
        '[[items]]\nno = 1\nsection = "1"\nopinion = """[注]\ncount = 5\n'
        '[[items.revisions]]\n"""\ncount = "5"\n'
    )
    text = header + item
    place = where(text, 'count = "5"')
    assert problems(write(text)) == [f"{place}: items.count must be an integer, not a string"]


TRAILING = last(answered(3, "2"))


def test_a_table_after_the_items_falls_back_to_whole_file_reading(
    header: str, write: Write
) -> None:
    text = header + QUOTING + TRAILING + '\n# 末尾の設定\n[git]\ncommit = "manual"\n'
    path = write(text)
    file = ConsultationFile.load(path)
    assert [item.no for item in file.consultation.items] == [1, 2, 3]
    assert file.consultation.commit_mode == "manual"
    file.transact(3, lambda c: sign(c, 3, "yamada"))
    file.transact(2, lambda c: revise(c, 2, "tanaka", "回答2"))
    file.transact(3, lambda c: withdraw(c, 3, "yamada"))
    after = path.read_text(encoding="utf-8")
    added = added_only(text, after)
    assert any(line.startswith("withdrawn = ") for line in added)
    # In this layout tomlkit appends after a trailing comment; it is kept, in order.
    assert after.endswith('\n[git]\ncommit = "manual"\n')
    assert after.index("# 末尾の設定") < after.index("[git]")
    reloaded = ConsultationFile.load(path)
    assert reloaded.consultation.items[2].signoffs[0].withdrawn is not None
    assert reloaded.consultation.items[1].revisions[0].text == "回答2"
    assert "no = 3" in reloaded.item_text(3)


def test_problems_in_a_whole_file_layout_are_located(
    header: str, write: Write, problems: Problems, where: Where
) -> None:
    text = header + TRAILING.replace("no = 3", 'no = "3"') + '[git]\ncommit = "manual"\n'
    assert problems(write(text)) == [
        f"{where(text, 'no = ')}: items.no must be an integer, not a string"
    ]


def test_a_comment_block_before_the_next_item_stays_there(header: str, write: Write) -> None:
    text = (
        header
        + TRAILING.replace('text = "回答3"', 'text = "回答3"  # 初稿\n# 係長確認待ち')
        + "\n# ---- 第2章 ----\n\n"
        + QUOTING
    )
    path = write(text)
    ConsultationFile.load(path).transact(3, lambda c: sign(c, 3, "yamada"))
    after = path.read_text(encoding="utf-8")
    added_only(text, after)
    # The sign-off goes after the comment glued to the revision, before the next heading.
    assert after.index("# 係長確認待ち") < after.index("[[items.signoffs]]")
    assert after.index("[[items.signoffs]]") < after.index("# ---- 第2章 ----")
    assert after.index("# ---- 第2章 ----\n\n[[items]]\nno = 1") > 0


def test_a_string_line_that_looks_like_a_comment_is_not_moved(header: str, write: Write) -> None:
    text = header + TRAILING.replace('text = "回答3"', 'text = """回答3\n\n# 見出しではない"""')
    path = write(text)
    ConsultationFile.load(path).transact(3, lambda c: sign(c, 3, "yamada"))
    reloaded = ConsultationFile.load(path).consultation
    assert reloaded.items[0].revisions[0].text == "回答3\n\n# 見出しではない"
    assert reloaded.items[0].signoffs[0].by == "yamada"


def test_place_points_into_the_file(header: str, write: Write, where: Where) -> None:
    text = header + QUOTING
    file = ConsultationFile.load(write(text))
    line, col = file.place(2, "items", 0, "section")
    assert f"{line}:{col}" == where(text, 'section = "2"')
    line, col = file.place(1, "items.revisions", 0, "text")
    assert f"{line}:{col}" == where(text, "text = '''")
