"""The grouping screen's work without the screen: the rows largest first, and each action
saved at once — accept and attach in the consultation file, split and merge in the
registry — read back from disk; refused with both unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two
from tests.session.group_registry import CAMPAIGN, grouped_registry

from pctui.intake.records import Group, Member, Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.model.state import STALE, standings
from pctui.session import group_review
from pctui.storage import ConsultationFile

CAMPAIGN_GROUP = "G-2026-0001-1"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


@pytest.fixture
def registry(path: Path) -> Iterator[Registry]:
    with Registry.open(grouped_registry(path)) as opened:
        yield opened


def test_rows_are_largest_first_with_the_public_text(path: Path, registry: Registry) -> None:
    rows = group_review.group_rows(registry, ConsultationFile.load(path).consultation)
    assert [(r.id, r.size, r.answered) for r in rows] == [
        (CAMPAIGN_GROUP, 4, None),
        ("G-2026-0005-1", 2, None),
        ("G-2026-0007-1", 1, None),
    ]
    texts = group_review.RepresentativeTexts(registry)
    assert texts.text(rows[0].representative) == CAMPAIGN
    assert texts.text("2026-9999-1") == ""


def test_accept_saves_a_new_item_counting_the_registry(path: Path, registry: Registry) -> None:
    done = group_review.accept(
        ConsultationFile.load(path), registry, CAMPAIGN_GROUP, login="yamada"
    )
    assert done.changed and done.severity == "information"
    assert done.message == (
        f"group {CAMPAIGN_GROUP} is now No.4 (4 opinions), not yet answered; "
        "the intake table ([intake]) counted again from the registry"
    )
    consultation = ConsultationFile.load(path).consultation
    item = consultation.item(4)
    assert item is not None and item.revisions == []
    (opinion,) = item.opinions
    assert opinion.count == 4 and opinion.text == CAMPAIGN
    assert opinion.sources == ("2026-0001-1", "2026-0002-1", "2026-0003-1", "2026-0004-1")
    rows = group_review.group_rows(registry, consultation)
    assert rows[0].answered == 4
    before = path.read_bytes()
    again = group_review.accept(
        ConsultationFile.load(path), registry, CAMPAIGN_GROUP, login="yamada"
    )
    assert not again.changed and "already answered by No.4" in again.message
    assert path.read_bytes() == before


def test_attach_saves_an_opinion_and_stales_the_signoff(path: Path, registry: Registry) -> None:
    done = group_review.attach(
        ConsultationFile.load(path), registry, "G-2026-0005-1", 2, login="yamada"
    )
    assert done.severity == "warning"
    assert done.message == (
        "group G-2026-0005-1 (2 opinions) attached to No.2 as opinion 2-2; "
        "the sign-offs of No.2 are stale: sign again; "
        "the intake table ([intake]) counted again from the registry"
    )
    consultation = ConsultationFile.load(path).consultation
    item = consultation.item(2)
    assert item is not None
    assert [(o.label, o.count, o.sources) for o in item.opinions][-1] == (
        "2-2", 2, ("2026-0005-1", "2026-0006-1")
    )  # fmt: skip
    assert [s.status for s in standings(item, consultation.review)] == [STALE]
    assert consultation.total_opinions == 7 + 1 + 2 + 2


def test_split_and_merge_are_saved_in_the_registry(path: Path, registry: Registry) -> None:
    done, new = group_review.split(registry, CAMPAIGN_GROUP, ["2026-0003-1"])
    assert new == "G-2026-0003-1" and done.changed
    assert done.message == (
        f"1 opinion split off group {CAMPAIGN_GROUP} into the new group G-2026-0003-1"
    )
    with Registry.open(registry.path) as fresh:
        sizes = {group.id: len(group.members) for group in fresh.groups()}
    assert sizes == {CAMPAIGN_GROUP: 3, "G-2026-0003-1": 1, "G-2026-0005-1": 2,
                     "G-2026-0007-1": 1}  # fmt: skip
    merged = group_review.merge(registry, "G-2026-0003-1", CAMPAIGN_GROUP)
    assert merged.message == f"group G-2026-0003-1 (1 opinion) merged into group {CAMPAIGN_GROUP}"
    with Registry.open(registry.path) as fresh:
        group = fresh.group(CAMPAIGN_GROUP)
        assert fresh.group("G-2026-0003-1") is None
    assert group is not None and group.members[-1].opinion == "2026-0003-1"
    assert group.members[-1].added == "私の家の前の道も危険です。"


def test_refusals_change_nothing(path: Path, registry: Registry) -> None:
    before = [g for g in registry.groups()]
    done, new = group_review.split(registry, CAMPAIGN_GROUP, [])
    assert new is None and not done.changed and done.message.startswith("Refused: ")
    gone = group_review.merge(registry, "G-nothing", CAMPAIGN_GROUP)
    assert gone.message == "Refused: there is no group G-nothing now (regroup or reopen)"
    itself = group_review.merge(registry, CAMPAIGN_GROUP, CAMPAIGN_GROUP)
    assert not itself.changed
    assert registry.groups() == before


def test_members_list_the_adding_ones_first(path: Path, registry: Registry) -> None:
    rows = group_review.group_rows(registry, ConsultationFile.load(path).consultation)
    members = group_review.MemberPages(registry, rows[0])
    assert (len(members), members.adding) == (4, 1)
    assert [(members[n].opinion, bool(members[n].added)) for n in range(4)] == [
        ("2026-0001-1", False), ("2026-0003-1", True), ("2026-0002-1", False),
        ("2026-0004-1", False),
    ]  # fmt: skip
    with pytest.raises(IndexError):
        members[4]


def test_members_are_read_a_page_at_a_time_in_order(
    monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    """A group of 250 where every third member adds text, pages of 100: each row is the
    one the whole group's order puts there, and only the pages drawn are read."""
    where = registry_path(path, ConsultationFile.load(path).consultation)
    ids = [f"2026-{n:04d}-1" for n in range(1, 251)]
    with Registry.open(where) as opened:
        opened.add(Incoming(Submission(number=i[:-2], raw=f"意見{i}"), "s.csv") for i in ids)
        members = [Member(i, "足す" if n % 3 == 1 else "") for n, i in enumerate(ids)]
        opened.replace_groups([Group("G-big", ids[0], (Member(ids[0]), *members[1:]))])
        monkeypatch.setattr(group_review, "PAGE", 100)
        reads: list[tuple[bool, int, int]] = []
        real = opened.members_page

        def counted(group: str, *, adding: bool, offset: int, limit: int) -> list[Member]:
            reads.append((adding, offset, limit))
            return real(group, adding=adding, offset=offset, limit=limit)

        monkeypatch.setattr(opened, "members_page", counted)
        row = group_review.GroupRow("G-big", ids[0], 250, None)
        pages = group_review.MemberPages(opened, row)
        adding = [m.opinion for m in members[1:] if m.added]
        copies = [m.opinion for m in members[1:] if not m.added]
        assert pages.adding == len(adding) == 83
        assert pages[249].opinion == copies[-1]
        assert reads == [(False, 200 - 1 - 83, 50)]  # the last page only: rows 200 to 249
        everything = [pages[n].opinion for n in range(250)]
        assert everything == [ids[0], *adding, *copies]


def test_a_group_is_typed_by_number_id_or_representative(path: Path, registry: Registry) -> None:
    rows = group_review.group_rows(registry, ConsultationFile.load(path).consultation)
    assert group_review.read_group(" ２ ", rows) == "G-2026-0005-1"
    assert group_review.read_group("G-2026-0007-1", rows) == "G-2026-0007-1"
    assert group_review.read_group("2026-0001-1", rows) == CAMPAIGN_GROUP
    assert group_review.read_group("4", rows) is None
    assert group_review.read_group("0", rows) is None
    assert group_review.read_group("G-x", rows) is None


def test_split_and_merge_read_only_the_texts_they_need(
    monkeypatch: pytest.MonkeyPatch, registry: Registry
) -> None:
    """A straggler leaving a campaign, or a pair joining it, reads the texts of those that
    move (and the representative they join), not the campaign's."""
    asked: list[list[str]] = []
    real = registry.public_texts

    def recorded(opinions: Iterable[str]) -> dict[str, str]:
        wanted = list(opinions)
        asked.append(wanted)
        return real(wanted)

    monkeypatch.setattr(registry, "public_texts", recorded)
    group_review.split(registry, CAMPAIGN_GROUP, ["2026-0003-1"])
    group_review.merge(registry, "G-2026-0005-1", CAMPAIGN_GROUP)
    assert asked == [["2026-0003-1"], ["2026-0001-1", "2026-0005-1", "2026-0006-1"]]
    group = registry.group(CAMPAIGN_GROUP)
    assert group is not None
    assert [m.opinion for m in group.members] == [
        "2026-0001-1", "2026-0002-1", "2026-0004-1", "2026-0005-1", "2026-0006-1",
    ]  # fmt: skip


def test_when_the_representative_leaves_the_first_left_leads(registry: Registry) -> None:
    done, new = group_review.split(registry, CAMPAIGN_GROUP, ["2026-0001-1"])
    assert new == CAMPAIGN_GROUP and done.changed  # the new group is led by 0001-1
    assert done.message == (
        f"1 opinion split off into group {CAMPAIGN_GROUP}, led by the representative; "
        "the opinions that stayed are now group G-2026-0002-1"
    )
    kept = registry.group("G-2026-0002-1")
    assert kept is not None and [m.opinion for m in kept.members] == [
        "2026-0002-1", "2026-0003-1", "2026-0004-1",
    ]  # fmt: skip
    assert kept.members[1].added == "私の家の前の道も危険です。"  # against 0002-1's text


def test_a_member_gone_meanwhile_splits_nothing(registry: Registry) -> None:
    before = registry.groups()
    stranger = Group("G-2026-0005-1", "2026-0005-1", (Member("2026-0005-1"),))
    with pytest.raises(KeyError):
        registry.split_off(CAMPAIGN_GROUP, stranger)
    with pytest.raises(KeyError):
        registry.merge_into(CAMPAIGN_GROUP, "G-nothing", [])
    assert registry.groups() == before
