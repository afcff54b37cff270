"""Multi-line strings that quote `[[items]]` lines span several blocks: the reader joins
them back from the blocks alone (the file's text is let go once split), joining ever more
of the following blocks until the string closes. The result is that of reading the whole
text in one parse, and the blocks still hold the file's text, one item each."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import generate

from pctui.storage import ConsultationFile
from pctui.storage.layouts import SplicedBlocks
from pctui.storage.reader import _load_whole

ITEMS = 80
OPENING = 'opinion = """'


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("gen") / "national.toml"
    generate.write(path, ITEMS)
    return path.read_text(encoding="utf-8")


def item_starts(text: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith("[[items]]\n", i)]


def multi_line(text: str) -> list[int]:
    """Indexes of the items whose opinion is a multi-line string."""
    starts = [*item_starts(text), len(text)]
    return [n for n in range(len(starts) - 1) if OPENING in text[starts[n] : starts[n + 1]]]


def quoting(text: str, quotes: dict[int, int]) -> str:
    """`text` with the opinion of the `index`-th item quoting `count` item header lines,
    for each index: count in `quotes`."""
    starts = item_starts(text)
    for index in sorted(quotes, reverse=True):
        opening = text.index(OPENING, starts[index]) + len(OPENING)
        quote = "".join(f"引用{n}:\n[[items]]\n" for n in range(quotes[index]))
        text = text[:opening] + quote + text[opening:]
    return text


@pytest.mark.parametrize(
    "counts",
    [
        {2: 1},  # one false boundary
        {2: 40},  # one string over 41 blocks: the joined blocks grow six times
        {2: 1, 3: 2, 4: 1, 6: 3},  # strings in neighbouring items, one after another
        {0: 2, -1: 5},  # the first such item's string, and the last one's to the end
    ],
)
def test_a_string_spanning_blocks_reads_as_the_whole_text(
    national: str, counts: dict[int, int], tmp_path: Path
) -> None:
    # Keys are places in the list of items with a multi-line opinion.
    items = multi_line(national)
    assert (
        items[0] == 0 and items[-1] == ITEMS - 1 and items[2:5] == [items[2] + n for n in (0, 1, 2)]
    )
    quotes = {items[place]: count for place, count in counts.items()}
    text = quoting(national, quotes)
    path = tmp_path / "quoted.toml"
    path.write_text(text, encoding="utf-8")
    file = ConsultationFile.load(path)
    assert file.consultation == _load_whole(text, str(path)).consultation
    layout = file._lay_out()  # the blocks a save splices
    assert isinstance(layout, SplicedBlocks) and len(layout.blocks) == ITEMS
    assert layout.header + "".join(layout.blocks) == text
    for index, count in quotes.items():
        item = file.consultation.items[index]
        assert item.opinion.count("[[items]]") == count
        assert file.item_text(item.no).count("[[items]]") == count + 1


def test_a_string_closing_where_the_next_opens_is_joined_to_its_end(
    national: str, tmp_path: Path
) -> None:
    # An item's opinion quotes a header line, and the response after it in the same item
    # quotes another: one join must take in the blocks of both.
    answer_opening = 'text = """'
    starts = [*item_starts(national), len(national)]
    index = next(
        n
        for n in multi_line(national)
        if answer_opening in national[starts[n] : starts[n + 1]] and n < ITEMS - 1
    )
    text = quoting(national, {index: 1})
    start = item_starts(text)[index]
    answer = text.index(answer_opening, start) + len(answer_opening)
    assert answer < item_starts(text)[index + 2]  # in the same item
    text = text[:answer] + "回答の引用:\n[[items]]\n" + text[answer:]
    path = tmp_path / "quoted.toml"
    path.write_text(text, encoding="utf-8")
    file = ConsultationFile.load(path)
    assert file.consultation == _load_whole(text, str(path)).consultation
    assert len(file.consultation.items) == ITEMS
    assert file.item_text(file.consultation.items[index].no).count("[[items]]") == 3
