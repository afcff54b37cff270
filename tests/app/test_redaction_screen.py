"""The redaction screen from the keyboard: `R` opens it from the grouping screen (reached by
`I` in the review or by `pctui intake review`); c, u, space, *, f and o keep, undo, mark,
filter and reveal; each test reads the registry back from disk afterwards: the status,
who (the app's login) and when (the office's time), and the public text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.app.redacted_registry import SECRETS, redacted_registry
from tests.session.format_two_file import write_format_two
from textual.widgets import Static

from pctui.app.screens.grouping import GroupScreen
from pctui.app.screens.redactions import RedactionScreen
from pctui.app.screens.review import MainScreen
from pctui.intake.records import Redaction, RedactionStatus
from pctui.intake.redaction_review import Shown, review
from pctui.intake.registry import Registry
from pctui.session import group_review
from pctui.storage import ConsultationFile

PENDING, KEPT, UNDONE = RedactionStatus.PENDING, RedactionStatus.CONFIRMED, RedactionStatus.REVERTED


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


@pytest.fixture
def registry(path: Path) -> Path:
    return redacted_registry(path)


def _redactions(registry: Path) -> dict[int, Redaction]:
    with Registry.open(registry) as opened:
        return {r.id: r for r in opened.redactions()}


def _public(registry: Path) -> dict[str, str]:
    with Registry.open(registry) as opened:
        return {o.id: o.text for o in opened.opinions()}


def _detail(app) -> str:
    return str(app.screen.query_one("#redaction-detail", Static).render())


def _recorded_now(redaction: Redaction) -> bool:
    when = dt.datetime.fromisoformat(redaction.at)
    return when.utcoffset() == dt.timedelta(hours=9) and abs(
        when - dt.datetime.now(dt.UTC)
    ) < dt.timedelta(minutes=5)


def test_I_then_R_opens_the_redactions_and_escape_goes_back(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path)

    async def script(pilot) -> None:
        await pilot.press("I", "R")
        await pilot.pause()
        assert isinstance(app.screen, RedactionScreen)
        assert [v.redaction.id for v in app.screen.rows] == [1, 2, 3]
        assert "【個人情報のため削除】" in _detail(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

    drive(app, script)


def test_c_keeps_the_one_under_the_cursor_with_login_and_time(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "j", "c")
        await pilot.pause()
        screen = app.screen
        assert [v.redaction.id for v in screen.rows] == [1, 2, 3]  # the list keeps its order
        assert screen.table.get_row_at(1)[4:6] == ["kept", "tanaka"]
        assert screen.table.cursor_row == 1
        # Shown whole: the columns had kept the width of the "-" they held before.
        by, at = screen.table.ordered_columns[5:7]
        assert by.content_width >= len("tanaka")
        assert at.content_width >= len("2026-05-11 09:30")

    drive(app, script)
    found = _redactions(registry)
    assert [found[n].status for n in (1, 2, 3)] == [PENDING, KEPT, PENDING]
    assert found[2].by == "tanaka" and _recorded_now(found[2])
    assert (found[1].by, found[1].at) == ("", "")
    assert app.said[-1] == ("information", "1 redaction kept, 0 redactions undone")


def test_c_and_u_refuse_a_login_not_a_reviewer_and_change_nothing(
    make_app, drive, path, registry
) -> None:
    """Keeping and undoing decide what is published of an opinion: a reviewer's, as on the
    command line; the screen says so and the registry stays as it was."""
    before = registry.read_bytes(), path.read_bytes()
    app = make_app("guest", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "c")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()

    drive(app, script)
    why = "Refused: 'guest' is not a reviewer of this consultation (see [review.reviewers])"
    assert app.said[-2:] == [("error", why), ("error", why)]
    assert (registry.read_bytes(), path.read_bytes()) == before


def test_space_marks_and_u_undoes_the_marked_making_their_words_public(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "space", "j", "space")  # 1, then (skipping 2) 3
        assert app.screen.marked == {1, 3}
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.marked == set()

    drive(app, script)
    found = _redactions(registry)
    assert [found[n].status for n in (1, 2, 3)] == [UNDONE, PENDING, UNDONE]
    assert found[1].by == found[3].by == "tanaka"
    public = _public(registry)
    assert "taro@example.com" in public["2026-0001-1"]
    assert "090-5555-0001" not in public["2026-0001-1"]  # 2 still stands
    assert public["2026-0002-1"].endswith("架空県架空市1-2-3")
    assert app.said[-1][1] == "0 redactions kept, 2 redactions undone"


def test_star_marks_every_listed_one_and_c_keeps_them_all(make_app, drive, path, registry) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "asterisk")
        assert app.screen.marked == {1, 2, 3}
        await pilot.press("asterisk")
        assert app.screen.marked == set()
        await pilot.press("asterisk", "c")
        await pilot.pause()

    drive(app, script)
    assert {r.status for r in _redactions(registry).values()} == {KEPT}


def test_f_filters_to_review_kept_undone_and_back(make_app, drive, path, registry) -> None:
    file = ConsultationFile.load(path)
    with Registry.open(registry) as opened:
        review(opened, file.consultation, keep=[1], undo=[3], login="yamada")
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert [v.redaction.id for v in screen.rows] == [2, 1, 3]  # to review first
        shown = []
        for _ in range(4):
            await pilot.press("f")
            shown.append((screen.shown, [v.redaction.id for v in screen.rows]))
        assert shown == [
            (Shown.PENDING, [2]),
            (Shown.CONFIRMED, [1]),
            (Shown.REVERTED, [3]),
            (Shown.ALL, [2, 1, 3]),
        ]
        title = str(screen.query_one("#redactions-title", Static).render())
        assert "1 to review, 1 kept, 1 undone" in title

    drive(app, script)


def test_o_shows_the_removed_words_on_screen_only_and_never_says_them(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R")
        await pilot.pause()
        assert "taro@example.com" not in _detail(app)
        await pilot.press("o")
        assert "taro@example.com" in _detail(app)
        assert "090-5555-0001" not in _detail(app)  # the other one stays the marker
        await pilot.press("o")
        assert "taro@example.com" not in _detail(app)
        await pilot.press("o", "j")  # moving on hides them again
        assert "taro@example.com" not in _detail(app)
        await pilot.press("c", "u")
        await pilot.pause()

    drive(app, script)
    said = " ".join(text for _, text in app.said)
    assert not [secret for secret in SECRETS if secret in said]


def test_after_an_undo_the_groups_show_the_public_text_again(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "j", "j", "u")  # redaction 3, the address
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)
        texts = [app.screen.representative_text(row) for row in app.screen.rows]
        assert any(text.endswith("架空県架空市1-2-3") for text in texts)

    drive(app, script)


def test_in_the_to_review_list_a_kept_one_leaves_it(make_app, drive, path, registry) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "f", "k", "c")  # k: already at the top, stays on 1
        await pilot.pause()
        screen = app.screen
        assert [v.redaction.id for v in screen.rows] == [2, 3]
        assert screen.table.row_count == 2
        assert "【個人情報のため削除】" in _detail(app)  # now redaction 2's
        await pilot.press("j", "q")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen)

    drive(app, script)
    assert _redactions(registry)[1].status == KEPT


def test_a_long_list_is_filled_in_batches_and_keys_work_on_it(
    make_app, drive, path, tmp_path
) -> None:
    from pctui.intake.records import Submission
    from pctui.intake.registry import Incoming, registry_path

    where = registry_path(path, ConsultationFile.load(path).consultation)
    with Registry.open(where, shared_with=path) as opened:
        opened.add(
            Incoming(Submission(f"{n:04d}", raw=f"連絡は user{n}@example.com まで。"), f"x:{n}")
            for n in range(450)
        )
    app = make_app("tanaka", path, groups=where)

    async def script(pilot) -> None:
        await pilot.press("R")
        screen = app.screen
        assert isinstance(screen, RedactionScreen)
        for _ in range(5):
            await pilot.pause()
        assert screen.table.row_count == len(screen.rows) == 450
        await pilot.press("f", "c")  # to review only; keep the first
        await pilot.pause()
        assert screen.table.row_count == len(screen.rows) == 449

    drive(app, script)


def test_every_key_of_the_table_runs_a_method_and_is_in_the_help_and_guide(make_app, drive) -> None:
    from pctui.app.redaction_actions import REDACTION_ACTIONS, redaction_bindings
    from pctui.app.screens.help import HelpScreen

    guide = (Path(__file__).resolve().parents[2] / "docs" / "guide.md").read_text("utf-8")
    section = guide.split("### Reviewing redactions")[1].split("\n## ")[0]
    for action in REDACTION_ACTIONS:
        assert callable(getattr(RedactionScreen, f"action_{action.name}", None)), action.name
        assert f"`{action.display.split()[0]}`" in section, action.display
    assert list(dict.fromkeys(b.id for b in redaction_bindings())) == [
        f"pctui.redactions.{a.name}" for a in REDACTION_ACTIONS
    ]
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(app.screen.text.split())
        assert "Redactions" in text and "Keep the marked redactions" in text
        assert "Review the redactions of personal data" in text  # R, in the grouping's keys

    drive(app, script)


def test_r_lists_one_reason_at_a_time_and_u_undoes_only_those(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        seen = []
        for _ in range(4):
            await pilot.press("r")
            seen.append((screen.reason, [v.redaction.id for v in screen.rows]))
        assert seen == [("email", [1]), ("phone", [2]), ("address", [3]), (None, [1, 2, 3])]
        await pilot.press("r", "r", "r", "asterisk", "u")  # the addresses: only 3
        await pilot.pause()
        title = str(screen.query_one("#redactions-title", Static).render())
        assert title.endswith("reason: address")

    drive(app, script)
    found = _redactions(registry)
    assert [found[n].status for n in (1, 2, 3)] == [PENDING, PENDING, UNDONE]


def test_an_undo_gives_the_item_that_copies_the_opinion_its_public_text(
    make_app, drive, path, registry
) -> None:
    with Registry.open(registry) as opened:
        assert group_review.accept(
            ConsultationFile.load(path), opened, "G-2026-0002-1", login="yamada"
        ).changed
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "j", "j", "u")  # redaction 3, the address in No.4's opinion
        await pilot.pause()

    drive(app, script)
    item = ConsultationFile.load(path).consultation.item(4)
    assert item is not None and item.opinions[0].text.endswith("架空県架空市1-2-3")
    assert (
        "No.4 opinion 4: its text is now the registry's public text of 2026-0002-1"
        in (app.said[-1][1])
    )


def _other_reviewer(registry: Path, path: Path, **decision) -> None:
    """Another reviewer's pctui, with a connection of its own to the same registry."""
    with Registry.open(registry) as other:
        review(other, ConsultationFile.load(path).consultation, login="yamada", **decision)


def test_another_reviewers_keep_shows_at_the_next_key_the_cursor_kept(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "j")  # on redaction 2
        _other_reviewer(registry, path, keep=[2, 3])
        screen = app.screen
        assert screen.table.get_row_at(1)[4] == "to review"  # not read yet
        await pilot.press("k")  # any key: read again, then up
        await pilot.pause()
        assert screen.table.get_row_at(1)[4:6] == ["kept", "yamada"]
        assert screen.table.get_row_at(2)[4:6] == ["kept", "yamada"]
        assert [v.redaction.id for v in screen.rows] == [1, 2, 3]
        assert screen.selected.redaction.id == 1
        assert "1 to review, 2 kept" in str(screen.query_one("#redactions-title").render())

    drive(app, script)
    assert any("another reviewer" in text for _, text in app.said)


def test_a_change_read_by_the_poll_keeps_the_cursor_on_its_redaction(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R", "f", "j", "space")  # to review only; 2 marked, cursor on 3
        screen = app.screen
        assert screen.selected.redaction.id == 3 and screen.marked == {2}
        assert screen.catch_up() is False  # nothing changed: nothing read
        _other_reviewer(registry, path, keep=[1])
        assert screen.catch_up() is True  # what the timer calls
        await pilot.pause()
        assert [v.redaction.id for v in screen.rows] == [2, 3]  # 1 is no longer to review
        assert screen.selected.redaction.id == 3 and screen.table.cursor_row == 1
        assert screen.marked == {2}

    drive(app, script)


def test_a_key_pressed_on_a_list_another_reviewer_changed_saves_nothing_until_again(
    make_app, drive, path, registry
) -> None:
    app = make_app("tanaka", path, groups=registry)

    async def script(pilot) -> None:
        await pilot.press("R")
        _other_reviewer(registry, path, undo=[1])
        await pilot.press("c")  # decided on "to review"; it is undone now
        await pilot.pause()
        screen = app.screen
        assert [v.redaction.id for v in screen.rows] == [2, 3, 1]  # to review first
        assert screen.selected.redaction.id == 1  # the cursor went with it
        assert screen.table.get_row_at(2)[4:6] == ["undone", "yamada"]
        await pilot.press("c")  # seen, and kept after all
        await pilot.pause()

    drive(app, script)
    assert ("warning", "Nothing saved: the list changed; check it and press again") in app.said
    found = _redactions(registry)[1]
    assert (found.status, found.by) == (KEPT, "tanaka")
