"""The grouping screen from the keyboard: `I` opens it from the review only when the
consultation has a registry; a, t, space + s and m accept, attach, split and merge, and
each test reads the file and the registry back from disk afterwards."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two
from tests.session.group_registry import CAMPAIGN, grouped_registry
from textual.widgets import Input

from pctui.app.screens.comment import CommentScreen
from pctui.app.screens.grouping import GroupScreen
from pctui.app.screens.review import MainScreen
from pctui.intake.records import Group, Member, Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.storage import ConsultationFile

CAMPAIGN_GROUP = "G-2026-0001-1"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


@pytest.fixture
def registry(path: Path) -> Path:
    return grouped_registry(path)


def _sizes(registry: Path) -> dict[str, int]:
    with Registry.open(registry) as opened:
        return {group.id: len(group.members) for group in opened.groups()}


async def _answer(app, pilot, text: str) -> None:
    assert isinstance(app.screen, CommentScreen)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def test_I_opens_the_groups_and_escape_returns_with_the_new_item(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path)

    async def script(pilot) -> None:
        await pilot.press("I")
        assert isinstance(app.screen, GroupScreen)
        screen = app.screen
        assert [r.id for r in screen.rows] == [CAMPAIGN_GROUP, "G-2026-0005-1", "G-2026-0007-1"]
        assert screen.member_at(1) == "2026-0003-1"  # the one adding text, listed first
        await pilot.press("a")
        await pilot.pause()
        assert screen.rows[0].answered == 4  # shown at once
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert 4 in app.screen.table.numbers

    drive(app, script)
    item = ConsultationFile.load(path).consultation.item(4)
    assert item is not None
    (opinion,) = item.opinions
    assert (opinion.text, opinion.count, len(opinion.sources)) == (CAMPAIGN, 4, 4)
    assert app.said[-1] == (
        "information",
        f"group {CAMPAIGN_GROUP} is now No.4 (4 opinions), not yet answered; "
        "the intake table ([intake]) counted again from the registry",
    )


def test_without_a_registry_I_is_hidden_and_does_nothing(make_app, drive, path) -> None:
    app = make_app("tanaka", path)

    async def script(pilot) -> None:
        assert app.screen.check_action("groups", ()) is False
        await pilot.press("I")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

    drive(app, script)
    assert not path.with_name("2026-churin.intake.sqlite").exists()


def test_t_attaches_the_group_to_an_item(make_app, drive, path, registry) -> None:
    app = make_app("tanaka", path, groups=registry)
    before = _sizes(registry)

    async def script(pilot) -> None:
        await pilot.press("down", "t")
        await _answer(app, pilot, "No.2")
        assert app.screen.rows[1].answered == 2

    drive(app, script)
    item = ConsultationFile.load(path).consultation.item(2)
    assert item is not None
    assert (item.opinions[-1].count, item.opinions[-1].sources) == (
        2,
        ("2026-0005-1", "2026-0006-1"),
    )
    assert _sizes(registry) == before  # attaching changes the file, not the registry


def test_space_and_s_split_the_marked_members(make_app, drive, path, registry) -> None:
    app = make_app("tanaka", path, groups=registry)
    text = path.read_bytes()

    async def script(pilot) -> None:
        await pilot.press("tab", "j", "space", "space")  # mark 0003-1 and 0002-1
        assert app.screen.marked == {"2026-0003-1", "2026-0002-1"}
        await pilot.press("s")
        await pilot.pause()

    drive(app, script)
    assert _sizes(registry) == {
        CAMPAIGN_GROUP: 2,
        "G-2026-0002-1": 2,
        "G-2026-0005-1": 2,
        "G-2026-0007-1": 1,
    }  # fmt: skip  (the first marked in the group's order, 2026-0002-1, leads the new one)
    assert path.read_bytes() == text  # the registry only
    assert app.said[-1][1].startswith("2 opinions split off group G-2026-0001-1")


def test_m_merges_the_group_into_the_one_named(make_app, drive, path, registry) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("j", "j", "k", "j", "m")  # the third group, 2026-0007-1
        await _answer(app, pilot, "2")
        assert [r.size for r in app.screen.rows] == [4, 3]

    drive(app, script)
    assert _sizes(registry) == {CAMPAIGN_GROUP: 4, "G-2026-0005-1": 3}


def test_a_refusal_is_said_and_changes_nothing(make_app, drive, sample_path) -> None:
    text = sample_path.read_bytes()  # the sample is format 1: no group can become an item
    app = make_app("tanaka", groups=grouped_registry(sample_path))

    async def script(pilot) -> None:
        await pilot.press("a")
        await pilot.pause()

    drive(app, script)
    assert sample_path.read_bytes() == text
    severity, message = app.said[-1]
    assert severity == "error" and "format 1" in message


def test_a_and_t_refuse_a_login_not_a_reviewer_and_change_nothing(
    make_app, drive, path, registry
) -> None:
    """The screen's accept and attach act as the app's login, as its m, M and S do on the
    review: a login not in [review.reviewers] is refused, the file and registry as they
    were; the accept by a reviewer is recorded as theirs."""
    before = path.read_bytes(), registry.read_bytes()
    app = make_app("guest", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)  # refused before asking for the No.

    drive(app, script)
    why = "Refused: 'guest' is not a reviewer of this consultation (see [review.reviewers])"
    assert app.said[-2:] == [("error", why), ("error", why)]
    assert (path.read_bytes(), registry.read_bytes()) == before
    app = make_app("tanaka", path, groups=registry)

    async def accept(pilot) -> None:
        await pilot.press("a")
        await pilot.pause()

    drive(app, accept)
    item = ConsultationFile.load(path).consultation.item(4)
    assert item is not None and [(m.action, m.by) for m in item.moves] == [("accept", "tanaka")]


def test_q_quits_when_the_groups_are_the_only_screen(make_app, drive, path, registry) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("q")
        await pilot.pause()

    drive(app, script)
    assert app.return_code == 0


def test_a_long_list_is_completed_after_the_first_frame(make_app, drive, path) -> None:
    """250 single-opinion groups: the first screenful is listed before the first frame, the
    rest right after it; a long representative is shortened in the list, whole below it."""
    where = registry_path(path, ConsultationFile.load(path).consultation)
    long_text = "駐輪場" * 40
    with Registry.open(where) as registry:
        registry.add(
            Incoming(Submission(number=f"2026-{n:04d}", raw=f"{long_text}{n}"), f"s.csv:{n}")
            for n in range(1, 251)
        )
        registry.replace_groups(
            [Group(f"G-{o.id}", o.id, (Member(o.id),)) for o in registry.opinions()]
        )
    app = make_app("tanaka", path, groups=where)

    async def script(pilot) -> None:
        await pilot.pause()
        table = app.screen.groups
        assert table.row_count == 250
        assert table.row_text(249)[:3] == ["250", "1", "G-2026-0250-1"]
        shown = table.row_text(0)[4]
        assert len(shown) == 60 and shown.endswith("…")
        assert str(app.screen.query_one("#group-text").render()) == f"{long_text}1"

    drive(app, script)


def test_a_registry_git_tracks_is_refused_on_screen(make_app, drive, path, registry) -> None:
    for command in (["init", "-q"], ["add", "-f", registry.name]):
        subprocess.run(["git", *command], cwd=path.parent, check=True)
    app = make_app("tanaka", path)

    async def script(pilot) -> None:
        await pilot.press("I")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)  # back on the review, nothing opened

    drive(app, script)
    severity, message = app.last_said()
    assert severity == "error" and message.startswith("Refused: ") and "git" in message


def test_a_large_group_is_paged_marked_and_split_at_its_end(make_app, drive, path) -> None:
    """250 members, read a page at a time: `end` in the members reaches the last copy,
    which is marked and split off; the added text of a member stays highlighted."""
    where = registry_path(path, ConsultationFile.load(path).consultation)
    ids = [f"2026-{n:04d}-1" for n in range(1, 251)]
    with Registry.open(where) as registry:
        registry.add(Incoming(Submission(number=i[:-2], raw=f"意見{i}"), "s.csv") for i in ids)
        members = [Member(i, "足す" if i == ids[7] else "") for i in ids]
        registry.replace_groups([Group(f"G-{ids[0]}", ids[0], tuple(members))])
    app = make_app("tanaka", path, groups=where)

    async def script(pilot) -> None:
        await pilot.pause()
        screen = app.screen
        table = screen.members
        assert table.row_count == 250
        cells = screen._member_cells(1)
        assert (cells[1].plain, cells[2].plain, str(cells[2].style)) == (
            ids[7],
            "足す",
            "bold reverse",
        )
        await pilot.press("tab", "end", "space")
        assert table.cursor_row == 249 and screen.marked == {ids[-1]}
        await pilot.press("s")
        await pilot.pause()

    drive(app, script)
    assert _sizes(where) == {f"G-{ids[0]}": 249, f"G-{ids[-1]}": 1}


def test_a_registry_searched_by_an_older_pctui_is_said_when_the_screen_opens(
    make_app, drive, path, registry
) -> None:
    quiet = make_app("tanaka", path, groups=registry)
    drive(quiet, _opened)
    assert not [text for _, text in quiet.said if "rescan" in text]
    db = sqlite3.connect(registry)  # as a pctui before the patterns were counted left it
    with db:
        db.execute("DELETE FROM counters WHERE name = 'patterns'")
    db.close()
    app = make_app("tanaka", path, groups=registry)
    drive(app, _opened)
    assert (
        "warning",
        "The opinions were searched for personal data by an older pctui: search them again "
        f"with pctui intake rescan {path}",
    ) in app.said


async def _opened(pilot) -> None:
    await pilot.pause()


def test_question_mark_shows_the_keys_and_escape_comes_back(
    make_app, drive, path, registry
) -> None:
    from pctui.app.screens.help import HelpScreen

    app = make_app("tanaka", path, groups=registry)  # as `pctui intake review`

    async def script(pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        # `?` did nothing here; the escape pressed to leave the help then quit the screen.
        assert isinstance(app.screen, HelpScreen)
        assert "Merge the group into another" in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)
        await pilot.press("R", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "RedactionScreen"

    drive(app, script)
    assert app.return_code is None  # still running when the script ended: nothing quit
