"""`[[items.moves]]` in the file (docs/format.md, "Records of moves"): a move saves its
records into both items and changes no other line; they read back the same by every
reader; a format-1 file may not hold them; a broken record is reported at its place."""

from __future__ import annotations

import datetime as dt
import marshal

from tests.storage.conftest import Problems, Where, Write
from tests.storage.format_two_text import FIRST, HEADER, SECOND

from pctui.model import move_opinion, sign
from pctui.storage import ConsultationFile
from pctui.storage.flat import flatten, unflatten
from pctui.storage.one_parse import read_whole

AT = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_a_move_appends_its_records_and_reads_back(write: Write) -> None:
    path = write(HEADER + FIRST + SECOND)
    before = path.read_text(encoding="utf-8")
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: move_opinion(c, 1, "3", 2, login="tanaka", at=AT), also=(2,))
    after = path.read_text(encoding="utf-8")
    assert after.count("[[items.moves]]") == 2
    assert 'action = "move"\nfrom = 1\nto = 2\nlabels = ["3"]\nby = "tanaka"\n' in after
    # Nothing else changed but the opinion's place: the header and revisions stay as written.
    assert after.startswith(HEADER) and before.count("回答") == after.count("回答")
    loaded = ConsultationFile.load(path).consultation
    first, second = loaded.item(1), loaded.item(2)
    assert first is not None and second is not None
    assert first.moves == file.consultation.item(1).moves  # type: ignore[union-attr]
    assert [m.target for m in second.moves] == [2] and second.moves[0].was
    whole = read_whole(after, str(path))  # the one-parse reader of validate and status
    assert whole is not None and whole.items == loaded.items
    for item in loaded.items:
        assert unflatten(marshal.loads(marshal.dumps(flatten(item)))) == item  # parallel


def test_a_format_two_file_without_records_loads_and_signs_as_before(write: Write) -> None:
    path = write(HEADER + FIRST + SECOND)
    file = ConsultationFile.load(path)
    assert all(item.moves == [] for item in file.consultation.items)
    file.transact(2, lambda c: sign(c, 2, "yamada", at=AT))
    after = path.read_text(encoding="utf-8")
    assert after.startswith(HEADER + FIRST) and "moves" not in after
    assert after.count("[[items.signoffs]]") == 1


def test_moves_in_a_format_one_file_are_an_error(
    write: Write, problems: Problems, where: Where
) -> None:
    text = HEADER.replace("format = 2", "format = 1").replace('layout = "listed"\n', "")
    item = '[[items]]\nno = 1\nsection = "1"\nopinion = "意見"\n\n'
    record = (
        '[[items.moves]]\naction = "move"\nfrom = 2\nto = 1\nlabels = ["2"]\nby = "tanaka"\n'
        "at = 2025-12-03T09:00:00+09:00\n"
        'basis = "sha256:' + "0" * 64 + '"\n'
    )
    text = text.replace("published_submitters = 5\npublished_opinions = 12\n", "")
    path = write(text + item + record)
    found = problems(path)
    assert any("items.moves belongs to format 2" in p for p in found), found


def test_a_broken_record_is_reported_at_its_place(
    write: Write, problems: Problems, where: Where
) -> None:
    record = (
        '[[items.moves]]\naction = "teleport"\nfrom = 7\nto = 8\nlabels = []\nby = "tanaka"\n'
        'at = 2025-12-03T09:00:00+09:00\nbasis = "sha256:beef"\n\n'
    )
    text = HEADER + FIRST + record + SECOND
    found = problems(write(text))
    place = where(text, 'action = "teleport')
    wrong = (
        'items.moves.action must be "move", "merge", "split", "accept" or "attach", '
        "not 'teleport'"
    )
    assert f"{place}: {wrong}" in found, found
    assert any(p.startswith(where(text, "labels = []")) for p in found), found
    assert any(p.startswith(where(text, 'basis = "sha256:beef')) for p in found), found
    assert any("neither from (7) nor to (8) is this item, No.1" in p for p in found), found


def test_from_is_the_registry_for_accept_and_attach_and_an_item_for_the_rest(
    write: Write, problems: Problems, where: Where
) -> None:
    """An intake group accepted or attached came from the registry (`from = 0`); a move,
    merge or split from an item: a record saying otherwise is reported at its `from`."""
    said = {
        ("attach", 2): "items.moves.from is 0 (the intake registry) for attach, not 2",
        ("move", 0): "items.moves.from must be an item's No. (1 or more) for move, not 0",
    }
    for (action, source), message in said.items():
        record = (
            f'[[items.moves]]\naction = "{action}"\nfrom = {source}\nto = 1\n'
            'labels = ["9"]\nby = "tanaka"\nat = 2025-12-03T09:00:00+09:00\n'
            'basis = "sha256:' + "0" * 64 + '"\n\n'
        )
        text = HEADER + FIRST + record + SECOND
        found = problems(write(text))
        assert f"{where(text, f'from = {source}')}: {message}" in found, found
