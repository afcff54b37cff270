"""The opinion actions as the app performs them, without the app: each saved at once and
read back from disk, its sign-offs stale, or refused with the file unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two

from pctui.model.state import STALE, VALID, standings
from pctui.session import opinion_actions
from pctui.storage import ConsultationFile

LOGIN = "tanaka"  # a reviewer of the file: who moves, merges and splits


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


def _on_disk(path: Path) -> ConsultationFile:
    return ConsultationFile.load(path)


def _statuses(path: Path, no: int) -> list[str]:
    consultation = _on_disk(path).consultation
    item = consultation.item(no)
    assert item is not None
    return [standing.status for standing in standings(item, consultation.review)]


def test_the_fixture_is_signed_for_what_it_holds(path: Path) -> None:
    assert _statuses(path, 1) == _statuses(path, 2) == [VALID]


def test_summary_saved_and_the_signoff_stale(path: Path) -> None:
    done = opinion_actions.write_summary(_on_disk(path), 1, "yamada", "  駐輪場に関するご意見 ")
    assert done.changed and done.severity == "warning"
    assert done.message == (
        "No.1: saved the summary of its opinions; the sign-offs of No.1 are stale: sign again"
    )
    summary = _on_disk(path).consultation.item(1).summary  # type: ignore[union-attr]
    assert (summary.author, summary.text) == ("yamada", "駐輪場に関するご意見")
    assert _statuses(path, 1) == [STALE]


def test_move_saves_both_items_and_says_both_are_stale(path: Path) -> None:
    done = opinion_actions.move(_on_disk(path), 1, "3", 2, LOGIN)
    assert done.message == (
        "No.1: moved opinion 3 to No.2; the sign-offs of No.1, No.2 are stale: sign again"
    )
    consultation = _on_disk(path).consultation
    assert [o.label for o in consultation.item(1).opinions] == ["1", "2", "4"]  # type: ignore[union-attr]
    assert [o.label for o in consultation.item(2).opinions] == ["5", "3"]  # type: ignore[union-attr]
    assert _statuses(path, 1) == _statuses(path, 2) == [STALE]


def test_merge_removes_the_item_and_leaves_the_target_stale(path: Path) -> None:
    done = opinion_actions.merge(_on_disk(path), 2, 1, LOGIN)
    assert done.message == (
        "No.2: merged into No.1 with its 1 opinion; No.2 is gone; "
        "the sign-offs of No.1 are stale: sign again"
    )
    consultation = _on_disk(path).consultation
    assert [item.no for item in consultation.items] == [1, 3]
    assert [o.label for o in consultation.item(1).opinions] == ["1", "2", "3", "4", "5"]  # type: ignore[union-attr]
    assert _statuses(path, 1) == [STALE]


def test_split_makes_a_new_unanswered_item_after_it(path: Path) -> None:
    done, new = opinion_actions.split(_on_disk(path), 1, ["3", "4"], LOGIN)
    assert new == 4
    assert done.message.startswith("No.1: opinions 3, 4 split off into the new No.4")
    consultation = _on_disk(path).consultation
    assert [item.no for item in consultation.items] == [1, 4, 2, 3]
    fresh = consultation.item(4)
    assert fresh is not None and fresh.current is None and fresh.section == "1"
    assert [o.label for o in fresh.opinions] == ["3", "4"]
    assert _statuses(path, 1) == [STALE]


def test_an_item_without_signoffs_says_nothing_of_stale_ones(path: Path) -> None:
    done = opinion_actions.write_summary(_on_disk(path), 3, "yamada", "賛成のご意見")
    assert (done.message, done.severity) == (
        "No.3: saved the summary of its opinions",
        "information",
    )


@pytest.mark.parametrize(
    ("act", "why"),
    [
        (
            lambda f: opinion_actions.move(f, 1, "9", 2, LOGIN),
            "Refused: No.1 has no opinion labelled 9",
        ),
        (
            lambda f: opinion_actions.move(f, 2, "5", 1, LOGIN),
            "Refused: opinion 5 is the last of No.2",
        ),
        (lambda f: opinion_actions.merge(f, 1, 99, LOGIN), "Refused: there is no item No.99"),
        (lambda f: opinion_actions.merge(f, 1, 3, LOGIN), "Refused: section '2' already has"),
        (
            lambda f: opinion_actions.split(f, 3, ["1", "2"], LOGIN)[0],
            "Refused: No.3 would keep no",
        ),
        (lambda f: opinion_actions.write_summary(f, 1, "yamada", " "), "Refused: the summary is"),
    ],
)
def test_a_refusal_changes_nothing(path: Path, act, why: str) -> None:
    before = path.read_bytes()
    done = act(_on_disk(path))
    assert (done.changed, done.severity) == (False, "error")
    assert done.message.startswith(why)
    assert path.read_bytes() == before


def test_format_one_is_refused_with_migrate_named(sample_path: Path) -> None:
    file = ConsultationFile.load(sample_path)
    refused = opinion_actions.refused_before_asking(file.consultation, LOGIN)
    assert refused is not None and not refused.changed
    assert "run pctui migrate FILE" in refused.message
    before = sample_path.read_bytes()
    assert opinion_actions.merge(file, 2, 1, LOGIN).message == refused.message
    assert sample_path.read_bytes() == before


def test_format_two_is_not_refused(path: Path) -> None:
    assert opinion_actions.refused_before_asking(_on_disk(path).consultation, LOGIN) is None


@pytest.mark.parametrize(
    "act",
    [
        lambda f: opinion_actions.write_summary(f, 1, "guest", "駐輪場に関するご意見"),
        lambda f: opinion_actions.move(f, 1, "3", 2, "guest"),
        lambda f: opinion_actions.merge(f, 2, 1, "guest"),
        lambda f: opinion_actions.split(f, 1, ["3"], "guest")[0],
    ],
)
def test_a_login_not_a_reviewer_changes_nothing(path: Path, act) -> None:
    before = path.read_bytes()
    asked = opinion_actions.refused_before_asking(_on_disk(path).consultation, "guest")
    assert asked is not None
    done = act(_on_disk(path))
    assert (done.changed, done.severity) == (False, "error")
    assert (
        done.message
        == asked.message
        == ("Refused: 'guest' is not a reviewer of this consultation (see [review.reviewers])")
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "read"),
    [("12", 12), ("No.12", 12), ("no 12", 12), ("１２", 12), (" 3 ", 3), ("x", None), ("", None)],
)
def test_read_no(typed: str, read: int | None) -> None:
    assert opinion_actions.read_no(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [("3 2", ("3", 2)), ("Ⅱ-4 No.7", ("Ⅱ-4", 7)), ("Ⅱ-4、No. 7", ("Ⅱ-4", 7)),
     ("3", None), ("3 x", None), ("1 2 3", None)],
)  # fmt: skip
def test_read_move(typed: str, read: tuple[str, int] | None) -> None:
    assert opinion_actions.read_move(typed) == read


def test_read_labels() -> None:
    assert opinion_actions.read_labels(" 2 3,4、Ⅱ-5 ") == ["2", "3", "4", "Ⅱ-5"]
