"""A group too large to list in `sources` is named by its member list frozen in the
registry (`members`, a digest): accepted through the session and read back from disk, the
refusal to answer it twice, `intake status`'s attached count and missing list, the
submitted opinions published under the item, and the basis bound to the list."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import write_format_two
from tests.session.group_registry import CAMPAIGN, grouped_registry

from pctui.cli.publish_submitted import read_submitted
from pctui.intake.counts import count
from pctui.intake.registry import Registry
from pctui.model import basis_digest
from pctui.model.digest import members_digest
from pctui.model.records import Item, Opinion
from pctui.publish.submitted import submitted_blocks
from pctui.session import group_review
from pctui.storage import ConsultationFile
from pctui.storage.flat import flatten, unflatten

CAMPAIGN_GROUP = "G-2026-0001-1"
MEMBERS = ("2026-0001-1", "2026-0002-1", "2026-0003-1", "2026-0004-1")  # in the group
HIS_OWN = CAMPAIGN + "私の家の前の道も危険です。"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


@pytest.fixture
def registry(path: Path) -> Iterator[Registry]:
    with Registry.open(grouped_registry(path)) as opened:
        yield opened


@pytest.fixture
def accepted(
    monkeypatch: pytest.MonkeyPatch, path: Path, registry: Registry
) -> tuple[Path, Registry]:
    """The campaign group (four opinions) accepted as No.4 with lists of two at most."""
    monkeypatch.setattr(group_review, "LISTED", 2)
    done = group_review.accept(
        ConsultationFile.load(path), registry, CAMPAIGN_GROUP, login="yamada"
    )
    assert done.changed, done.message
    return path, registry


def test_the_registry_keeps_a_list_by_its_digest(registry: Registry) -> None:
    digest = registry.freeze_members(MEMBERS)
    assert digest == members_digest("\n".join(MEMBERS))
    assert registry.freeze_members(MEMBERS) == digest  # the same list: nothing added
    assert registry.scalar("SELECT COUNT(*) FROM member_lists") == 1
    assert registry.member_list(digest) == MEMBERS
    assert registry.member_list("sha256:" + "0" * 64) is None
    registry.replace_groups([])  # regrouping keeps the lists items name
    assert registry.member_list(digest) == MEMBERS


def test_a_large_group_is_named_by_its_frozen_list(accepted: tuple[Path, Registry]) -> None:
    path, registry = accepted
    text = path.read_text(encoding="utf-8")
    digest = members_digest("\n".join(MEMBERS))
    assert f'members = "{digest}"' in text and "2026-0002-1" not in text
    consultation = ConsultationFile.load(path).consultation
    item = consultation.item(4)
    assert item is not None
    (opinion,) = item.opinions
    assert (opinion.count, opinion.sources, opinion.members) == (4, (), digest)
    assert group_review.group_rows(registry, consultation)[0].answered == 4
    again = group_review.accept(
        ConsultationFile.load(path), registry, CAMPAIGN_GROUP, login="yamada"
    )
    assert not again.changed and "already answered by No.4" in again.message
    assert count(registry, consultation).attached == 4


def test_the_submitted_opinions_of_a_frozen_list_are_published_under_it(
    accepted: tuple[Path, Registry],
) -> None:
    path, _ = accepted
    consultation = ConsultationFile.load(path).consultation
    submitted = read_submitted(str(path), consultation)
    blocks = {b.number: b for b in submitted_blocks(submitted.consultation, submitted.public)}
    texts = {t.text: t.count for t in blocks["4"].texts}
    assert texts == {CAMPAIGN: 3, HIS_OWN: 1}


def test_intake_status_says_when_a_list_is_missing(accepted: tuple[Path, Registry]) -> None:
    path, registry = accepted
    assert pctui("intake", "status", path).returncode == 0
    with sqlite3.connect(registry.path) as db:
        db.execute("DELETE FROM member_lists")
    done = pctui("intake", "status", path, "--json")
    assert done.returncode == 1
    assert f"{path}: No.4: the member list sha256:" in done.stderr
    assert "is not in the registry" in done.stderr


def test_the_basis_holds_the_list_and_is_as_before_without_one() -> None:
    def item(members: str) -> Item:
        return Item(1, "1", opinions=[Opinion("1", "意見", 4, (), members)])

    one, other = "sha256:" + "a" * 64, "sha256:" + "b" * 64
    assert basis_digest(item(one)) != basis_digest(item(other))
    assert basis_digest(item("")) == basis_digest(Item(1, "1", opinions=[Opinion("1", "意見", 4)]))
    assert basis_digest(item(one)) != basis_digest(item(""))


def test_the_parallel_reader_carries_the_list() -> None:
    item = Item(1, "1", opinions=[Opinion("1", "意見", 4, ("a",), "sha256:" + "c" * 64)])
    assert unflatten(flatten(item)).opinions == item.opinions
