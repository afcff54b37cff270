"""A section's id and an intake method name rows and columns of the tables the commands
print (`status`, the intake table): like the opinion labels, stages and logins beside them
they must be one line of visible text. A raw tab in a section's id shifted every column of
`pctui status` after it, for every item in that section (`inert` shows tabs and line feeds
as they are: texts need them). Each is now an error at its place, and the file does not
load, through the real console script. A section's title is a text (validate warns of its
hidden characters, every screen shows it through `inert`): the progress board, where it
labels a bar, shows its tab as a space."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.cli.conftest import Run

Where = Callable[..., str]

# (the text it replaces in the small file, its replacement with a raw tab, the place)
FIELDS = {
    "sections.id": ('[[sections]]\nid = "1"\n', '[[sections]]\nid = "1\t2"\n', 'id = "1'),
    "intake.methods": ("[review]\n", '[intake]\nmethods = ["郵送\t持参"]\n\n[review]\n',
                       "methods = "),
}  # fmt: skip


@pytest.mark.parametrize("field", FIELDS)
def test_a_raw_tab_in_a_table_cell_is_an_error_at_its_place(
    pctui: Run, small: Path, where: Where, field: str
) -> None:
    old, new, needle = FIELDS[field]
    text = small.read_text(encoding="utf-8")
    assert old in text
    if field == "sections.id":  # the items of section 1 name it as it is now
        new_text = text.replace(old, new, 1).replace('section = "1"\n', 'section = "1\t2"\n')
    else:
        new_text = text.replace(old, new, 1)
    small.write_text(new_text, encoding="utf-8")
    place = where(new_text, needle)
    said = "must be one line without control characters; it holds U+0009"
    for command in ("validate", "status"):
        done = pctui(command, small, "--lang", "en")
        assert done.returncode == 2, (command, done.stdout)
        assert f"{small}:{place}: {field}" in done.stderr, done.stderr
        assert said in done.stderr
        assert "Traceback" not in done.stderr


def test_without_sections_an_items_section_with_a_tab_is_an_error(pctui: Run, small: Path) -> None:
    """A file that declares no sections names them only in its items: each is checked
    there, on the fast read and the checked one alike."""
    text = small.read_text(encoding="utf-8")
    for declared in ('[[sections]]\nid = "1"\ntitle = "第1章"\n\n',
                     '[[sections]]\nid = "2"\ntitle = "第2章"\n\n'):  # fmt: skip
        assert declared in text
        text = text.replace(declared, "")
    small.write_text(text.replace('section = "2"\n', 'section = "2\t3"\n'), encoding="utf-8")
    done = pctui("status", small, "--lang", "en")
    assert done.returncode == 2 and done.stdout == ""
    said = "items.section must be one line without control characters; it holds U+0009"
    assert done.stderr.count(said) == 3  # items 3, 4 and 5
    small.write_text(text, encoding="utf-8")
    assert pctui("status", small).returncode == 0  # without the tab, as before


def test_the_board_shows_a_tab_in_a_sections_title_as_a_space(pctui: Run, small: Path) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_text(text.replace('title = "第1章"', 'title = "第1\t章"', 1), encoding="utf-8")
    done = pctui("status", small, "--board", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "\t" not in done.stdout
    (bar,) = [line for line in done.stdout.splitlines() if "第1 章" in line]
    assert bar.lstrip().startswith("第1 章")
