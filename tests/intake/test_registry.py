"""The registry's API as the grouping uses it, and its transactions: opinions out in their
public form, groups replaced whole, a second add of the same submissions adding nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pctui.intake.records import Group, Member, Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.storage import ConsultationFile

LETTER = "1. 計画の期間を延ばすべきです。\n2. 説明会を夜にも開いてください。"


def incoming(number: str, raw: str, place: str = "test.csv:2", **fields: str) -> Incoming:
    return Incoming(Submission(number=number, raw=raw, **fields), place)


def test_the_default_path_is_beside_the_file_and_intake_registry_moves_it(
    sample_path: Path,
) -> None:
    consultation = ConsultationFile.load(sample_path).consultation
    folder = sample_path.parent
    assert registry_path(sample_path, consultation) == folder / "2025-jumin.intake.sqlite"
    text = sample_path.read_text(encoding="utf-8")
    sample_path.write_text(
        text.replace("[intake]\n", '[intake]\nregistry = "share/jumin.sqlite"\n', 1),
        encoding="utf-8",
    )
    moved = ConsultationFile.load(sample_path).consultation
    assert registry_path(sample_path, moved) == folder / "share" / "jumin.sqlite"


def test_opinions_are_split_numbered_and_public(tmp_path: Path) -> None:
    with Registry.open(tmp_path / "r.sqlite") as registry:
        done = registry.add(
            [
                incoming("2025-0002", "連絡先 test.user@example.com まで。", name="架空 太郎"),
                incoming("2025-0001", LETTER),
            ]
        )
        opinions = list(registry.opinions())
    assert (done.added, done.opinions, done.redactions) == (2, 3, 1)
    assert [(o.id, o.submission, o.k) for o in opinions] == [
        ("2025-0001-1", "2025-0001", 1),
        ("2025-0001-2", "2025-0001", 2),
        ("2025-0002-1", "2025-0002", 1),
    ]
    assert opinions[1].text == "説明会を夜にも開いてください。"
    assert opinions[2].text == "連絡先 【個人情報のため削除】 まで。"


def test_unnumbered_submissions_get_numbers_and_identical_letters_stay_two(
    tmp_path: Path,
) -> None:
    letters = [
        Incoming(Submission("", raw="反対です。"), "a.csv:2", occurrence=1),
        Incoming(Submission("", raw="反対です。"), "a.csv:3", occurrence=2),
    ]
    with Registry.open(tmp_path / "r.sqlite") as registry:
        first = registry.add(letters)
        again = registry.add(letters)
        ids = [o.id for o in registry.opinions()]
    assert (first.added, again.added, again.already) == (2, 0, 2)
    assert ids == ["R0000001-1", "R0000002-1"]


def test_a_number_again_with_other_content_is_a_conflict_and_not_added(tmp_path: Path) -> None:
    with Registry.open(tmp_path / "r.sqlite") as registry:
        registry.add([incoming("7", "賛成です。")])
        done = registry.add([incoming("7", "反対です。", place="b.csv:9")])
        texts = [o.text for o in registry.opinions()]
    assert done.added == 0
    assert [place for place, _ in done.conflicts] == ["b.csv:9"]
    assert texts == ["賛成です。"]


def test_groups_are_replaced_whole_and_read_back_in_order(tmp_path: Path) -> None:
    groups = [
        Group("G2", "1-1", (Member("1-1", ""), Member("2-1", "特に夜間。"))),
        Group("G1", "3-1", (Member("3-1", ""),)),
    ]
    with Registry.open(tmp_path / "r.sqlite") as registry:
        registry.add([incoming(n, "意見です。") for n in ("1", "2", "3")])
        registry.replace_groups([Group("old", "1-1", (Member("1-1", ""),))])
        registry.replace_groups(groups)
    with Registry.open(tmp_path / "r.sqlite") as registry:
        assert registry.groups() == groups


def test_a_failing_replace_groups_leaves_the_groups_as_they_were(tmp_path: Path) -> None:
    before = [Group("G1", "1-1", (Member("1-1", ""),))]
    with Registry.open(tmp_path / "r.sqlite") as registry:
        registry.add([incoming("1", "意見です。")])
        registry.replace_groups(before)
        broken = [Group("G1", "1-1", (Member("1-1", ""),)), Group("G2", "no-such", ())]
        with pytest.raises(Exception, match="FOREIGN KEY"):
            registry.replace_groups(broken)
        assert registry.groups() == before


def test_a_member_that_is_no_opinion_is_refused_and_foreign_keys_stay_on(
    tmp_path: Path,
) -> None:
    # replace_groups checks the members' opinions itself, once for all the rows, with
    # SQLite's per-row foreign keys off around its transaction only.
    before = [Group("G1", "1-1", (Member("1-1", ""),))]
    with Registry.open(tmp_path / "r.sqlite") as registry:
        registry.add([incoming("1", "意見です。"), incoming("2", "別の意見です。")])
        registry.replace_groups(before)
        stray = [Group("G1", "1-1", (Member("1-1", ""), Member("9-1", "")))]
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            registry.replace_groups(stray)
        assert registry.groups() == before
        assert registry.scalar("PRAGMA foreign_keys") == 1
        registry.replace_groups([Group("G2", "2-1", (Member("2-1", ""), Member("1-1", "")))])
        assert registry.scalar("PRAGMA foreign_keys") == 1
        with pytest.raises(sqlite3.IntegrityError):  # what other writes do is still checked
            registry.merge_into("G2", "G2", [Member("8-1", "")])


def test_replacing_the_groups_builds_the_same_index_of_members_again(tmp_path: Path) -> None:
    # replace_groups drops the members' index by group and builds it again once the rows
    # are in: the same index as a new registry's, used by the reads of a group's members.
    from pctui.intake.registry import MEMBERS_OF_GROUP

    index = "SELECT sql FROM sqlite_master WHERE name = 'members_of_group'"
    with Registry.open(tmp_path / "r.sqlite") as registry:
        assert registry.rows(index) == [(MEMBERS_OF_GROUP,)]
        registry.add([incoming("1", "意見です。"), incoming("2", "別の意見です。")])
        groups = [Group("G1", "1-1", (Member("1-1", ""), Member("2-1", "別の")))]
        registry.replace_groups(groups)
        assert registry.rows(index) == [(MEMBERS_OF_GROUP,)]
        plan = registry.rows(
            "EXPLAIN QUERY PLAN SELECT opinion FROM members WHERE grp = ? ORDER BY position", "G1"
        )
        assert "members_of_group" in str(plan)
        assert registry.members_page("G1", adding=True, offset=0, limit=5) == [groups[0].members[1]]


def test_a_new_registry_has_large_pages_and_an_older_one_keeps_its_own(tmp_path: Path) -> None:
    with Registry.open(tmp_path / "new.sqlite") as registry:
        assert registry.scalar("PRAGMA page_size") == 16384
    older = tmp_path / "old.sqlite"
    db = sqlite3.connect(older)
    db.execute("PRAGMA page_size = 4096")
    db.execute("CREATE TABLE t (x)")  # the page size is fixed once the file has a table
    db.close()
    with Registry.open(older) as registry:
        assert registry.scalar("PRAGMA page_size") == 4096
        assert registry.add([incoming("1", LETTER)]).opinions == 2


def test_an_import_writes_only_rows_the_foreign_keys_accept_and_leaves_them_on(
    tmp_path: Path,
) -> None:
    # Registry.add writes with SQLite's per-row foreign keys off (its own rows name only
    # what the same chunk wrote): every opinion and redaction it wrote names a row that
    # is there, and the keys are on again after it, interrupted or not.
    many = "\n".join(f"{k}. 意見その{k}です。連絡先 0312345678" for k in range(1, 4))
    with Registry.open(tmp_path / "r.sqlite") as registry:
        registry.add([incoming("1", many), incoming("2", "氏名：山田花子\n反対です。")])
        assert registry.scalar("PRAGMA foreign_keys") == 1
        assert registry.rows("PRAGMA foreign_key_check") == []
        assert registry.scalar("SELECT COUNT(*) FROM redactions") >= 4

        def interrupted() -> Iterator[Incoming]:
            yield incoming("3", "賛成です。")
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            registry.add(interrupted())
        assert registry.scalar("PRAGMA foreign_keys") == 1
        assert registry.scalar("SELECT COUNT(*) FROM submissions") == 2
        registry.replace_groups([Group("G1", "1-1", (Member("1-1", ""),))])
        with pytest.raises(sqlite3.IntegrityError):  # what other writes do is still checked
            registry.merge_into("G1", "G1", [Member("8-1", "")])
