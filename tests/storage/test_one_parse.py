"""A file read in one parse (`one_parse`, for `validate` and `status`) reads as the usual
block-by-block read does: the same model, and where the usual read would report any
problem, no model at all (the caller then reads it the usual way). The blocks found later
for a place in the file are the usual read's, so every warning is located as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from benchmarks import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pctui.base.problems import LoadError
from pctui.model.actions import Revised, revise
from pctui.model.records import Consultation
from pctui.storage import ConsultationFile, toml_parse
from pctui.storage.chunks import Chunk
from pctui.storage.integrity import integrity_warnings
from pctui.storage.item_schema import ITEMS, REVISIONS, SIGNOFFS
from pctui.storage.one_parse import read_whole
from pctui.storage.reader import Loaded, item_chunks, load_text

AT = dt.datetime(2026, 2, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
pytestmark = pytest.mark.skipif(not toml_parse.fast_parser(), reason="toml-rs is not installed")

# Fragments put into a valid file, at the start of a line or anywhere: what people and
# tools do to a file (an unknown key, a second No., a table after the items, a quoted item
# header, a line in a string that looks like an item, a string never closed, a broken
# line, a hostile character, CRLF, a BOM).
LINES = [
    "[[items]]\n",
    "extra = 1\n",
    "no = 1\n",
    'section = "9"\n',
    '[[sections]]\nid = "9"\ntitle = "後から"\n',
    '[["items"]]\nno = 900\nsection = "1"\nopinion = "引用"\n',
    'note = """\n[[items]]\nno = 901\n"""\n',
    "# [[items]] だけの行\n",
    '"""\n',
    "'''\n",
    "[review]\n",
    "[items.x]\ny = 1\n",
    "x = \n",
    'stage = "部長"\n',
    "  [[ items ]]  # 字下げ\n",
]
ANYWHERE = ['"', "\u202e", "\r\n", "\ufeff", "]", "=", "\n", "【注】"]


def _file(shape: str, items: int) -> str:
    return generate.render(generate.build(items, seed=3, revisions=2, shape=shape))


BASES = {
    "standard": _file("standard", 6),
    "busy": _file("busy", 5),
    "grouped": _file("grouped", 40),  # format 2: a few items of several opinions
}


@st.composite
def edited(draw: st.DrawFn) -> str:
    """A generated file with up to three fragments put in, or one item's No. repeated."""
    text = BASES[draw(st.sampled_from(sorted(BASES)))]
    if draw(st.booleans()) and "\nno = 3\n" in text:
        text = text.replace("\nno = 3\n", "\nno = 2\n", 1)
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
            at = draw(st.sampled_from(starts))
            fragment = draw(st.sampled_from(LINES))
        else:
            at = draw(st.integers(0, len(text)))
            fragment = draw(st.sampled_from(ANYWHERE))
        text = text[:at] + fragment + text[at:]
    return text


def usual(text: str) -> Loaded | list[str]:
    try:
        return load_text(text, "c.toml", fork=False)
    except LoadError as error:
        return [str(problem) for problem in error.problems]


def check_alike(text: str) -> bool:
    """Assert that the one parse reads `text` as the usual read does; True when it read
    it at all (False: it left the file to the usual read)."""
    expected = usual(text)
    whole = read_whole(text, "c.toml")
    if whole is None:
        return False
    assert isinstance(expected, Loaded), expected  # a file with problems is never taken
    assert expected.warnings == ()  # nor one with warnings
    assert whole == expected.consultation
    split = item_chunks(Loaded(whole, Chunk("", 1), (), unsplit=text), "c.toml")
    assert (split.header, split.chunks) == (expected.header, expected.chunks)
    assert split.unsplit is None
    return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_one_parse_reads_as_the_usual_read_or_leaves_the_file_to_it(text: str) -> None:
    check_alike(text)


@pytest.mark.parametrize("name", sorted(BASES))
def test_a_valid_file_is_read_in_one_parse(name: str) -> None:
    assert check_alike(BASES[name])


@pytest.mark.parametrize(
    "fragment",
    [
        '[[sections]]\nid = "9"\ntitle = "後から"\n',  # a table after the items: read whole
        '[["items"]]\nno = 900\nsection = "1"\nopinion = "引用"\n',  # two items in a block
    ],
)
def test_an_unusual_layout_without_a_problem_is_read_in_one_parse(fragment: str) -> None:
    assert check_alike(BASES["standard"] + fragment)


def test_a_false_boundary_in_a_string_is_read_in_one_parse() -> None:
    lines = BASES["standard"].split("\n")
    at = next(
        n
        for n, line in enumerate(lines)
        if line.startswith('opinion = "') and not line.startswith('opinion = """')
    )
    lines[at] = 'opinion = """\n引用：\n[[items]]\nno = 901\n"""'
    assert check_alike("\n".join(lines))


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\nno = 3\n", "\nno = 2\n", 1),  # a No. twice
        lambda t: t.replace("\nno = 2\n", "\nno = 2\nextra = 1\n", 1),  # an unknown key
        lambda t: t + "x = \n",  # a syntax error
        lambda t: "\ufeff" + t,  # a BOM left after decoding
    ],
)
def test_a_file_with_a_problem_is_left_to_the_usual_read(change: object) -> None:
    assert callable(change)
    assert read_whole(change(BASES["standard"]), "c.toml") is None


def test_places_and_saves_of_a_file_read_in_one_parse_are_the_usual_ones(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(BASES["busy"], encoding="utf-8")
    one, usual_file = ConsultationFile.load(path, one_parse=True), ConsultationFile.load(path)
    assert one.consultation == usual_file.consultation
    for item in one.consultation.items:
        for table, key in ((ITEMS, "no"), (REVISIONS, "text"), (SIGNOFFS, "by")):
            assert one.place(item.no, table, 0, key) == usual_file.place(item.no, table, 0, key)
        assert one.item_text(item.no) == usual_file.item_text(item.no)
    assert one.header_place("review", 0, "stages") == usual_file.header_place("review", 0, "stages")
    assert integrity_warnings(one) == integrity_warnings(usual_file)
    # A save from a file read in one parse writes what the usual read's save writes.
    no = one.consultation.items[1].no

    def action(consultation: Consultation) -> Revised:
        return revise(consultation, no, "tanaka", "改めた回答", at=AT)

    before = path.read_bytes()
    one.transact(no, action)
    written = path.read_bytes()
    path.write_bytes(before)
    ConsultationFile.load(path).transact(no, action)
    assert path.read_bytes() == written != before


def test_an_opinion_label_twice_in_a_section_is_left_to_the_usual_read() -> None:
    text = BASES["grouped"]
    # The second item, in section 2, has the label "1" too: allowed in another section.
    assert 'no = 2\nsection = "2"\n\n[[items.opinions]]\nlabel = "1"\n' in text
    assert check_alike(text)
    moved = text.replace('no = 2\nsection = "2"\n', 'no = 2\nsection = "1"\n')
    assert read_whole(moved, "c.toml") is None
    assert isinstance(usual(moved), list)  # the usual read reports where it stands
    twice = text.replace(
        '[[items.opinions]]\nlabel = "1"\n', '[[items.opinions]]\nlabel = "1"\ntext = "x"\n\n'
        '[[items.opinions]]\nlabel = "1"\n', 1,
    )  # fmt: skip
    assert read_whole(twice, "c.toml") is None
    assert isinstance(usual(twice), list)
