"""`pctui summary`, `move-opinion`, `merge-items`, `split-item`: the TUI's o, m, M and S on
the command line, through the real console script: each saved at once, the stale
sign-offs named, refusals and bad arguments leaving the file as it was."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run, not_a_reviewer

from pctui.model import current_login
from pctui.storage import ConsultationFile


def _opinions(path: Path) -> dict[int, list[str]]:
    items = ConsultationFile.load(path).consultation.items
    return {item.no: [opinion.label for opinion in item.opinions] for item in items}


def _state(pctui: Run, path: Path, no: int) -> str:
    done = pctui("status", path, "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    return next(i["state"] for i in json.loads(done.stdout)["items"] if i["no"] == no)


def test_each_twin_saves_at_once_and_names_the_stale_sign_offs(pctui: Run, small: Path) -> None:
    assert pctui("migrate", small).returncode == 0
    assert _state(pctui, small, 1) == "approved"
    done = pctui("merge-items", small, "--item", "2", "--into", "1", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("No.2: merged into No.1 with its 1 opinion; No.2 is gone")
    assert "the sign-offs of No.1 are stale" in done.stdout
    assert _opinions(small) == {1: ["1", "2"], 3: ["3"], 4: ["4"], 5: ["5"]}
    assert _state(pctui, small, 1) != "approved"

    done = pctui("split-item", small, "--item", "1", "2", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "opinions 2 split off into the new No.6" in done.stdout
    assert _opinions(small) == {1: ["1"], 6: ["2"], 3: ["3"], 4: ["4"], 5: ["5"]}

    assert pctui("merge-items", small, "--item", "4", "--into", "3").returncode == 0
    done = pctui("move-opinion", small, "--item", "3", "4", "--to", "5", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("No.3: moved opinion 4 to No.5")
    assert _opinions(small)[5] == ["5", "4"]

    done = pctui("summary", small, "--item", "5", "駐輪場に関する意見", "--lang", "en")
    assert done.returncode == 0, done.stderr
    summary = ConsultationFile.load(small).consultation.item(5)
    assert summary is not None and summary.summary is not None
    assert summary.summary.text == "駐輪場に関する意見"


def test_refusals_and_bad_arguments_change_nothing(pctui: Run, small: Path) -> None:
    before = small.read_bytes()
    done = pctui("summary", small, "--item", "1", "概要", "--lang", "en")
    assert done.returncode == 1 and "pctui migrate" in done.stderr  # format 1
    assert small.read_bytes() == before
    assert pctui("migrate", small).returncode == 0
    before = small.read_bytes()
    for args, code in (
        (("move-opinion", small, "--item", "1", "1", "--to", "99"), 2),
        (("move-opinion", small, "--item", "1", "1", "--to", "2"), 1),  # its last opinion
        (("move-opinion", small, "--item", "1", "9", "--to", "2"), 1),
        (("merge-items", small, "--item", "1", "--into", "1"), 1),
        (("merge-items", small, "--item", "99", "--into", "1"), 2),
        (("split-item", small, "--item", "1", "1"), 1),
        (("split-item", small, "--item", "1"), 2),
        (("summary", small, "--item", "1", " "), 1),
        (("summary", small.with_name("absent.toml"), "--item", "1", "x"), 2),
    ):
        done = pctui(*args, "--lang", "en")
        assert done.returncode == code, (args, done.stderr)
        assert done.stderr.startswith(("pctui", str(small.parent), "usage")), done.stderr
        assert "Traceback" not in done.stderr
    assert small.read_bytes() == before
    for command in ("summary", "move-opinion", "merge-items", "split-item"):
        assert pctui(command, "--help").returncode == 0


def test_a_login_not_a_reviewer_is_refused_and_nothing_changes(pctui: Run, small: Path) -> None:
    """The title bar says "not a reviewer (drafts only)": like a sign-off, a note or an
    assignment, none of the four changes the file for a login not in [review.reviewers]."""
    assert pctui("migrate", small).returncode == 0
    not_a_reviewer(small)
    before = small.read_bytes()
    for args in (
        ("move-opinion", small, "--item", "2", "2", "--to", "1"),
        ("merge-items", small, "--item", "2", "--into", "1"),
        ("split-item", small, "--item", "1", "1"),
        ("summary", small, "--item", "1", "概要"),
    ):
        done = pctui(*args, "--lang", "en")
        assert done.returncode == 1, (args, done.stderr)
        why = f"{current_login()!r} is not a reviewer of this consultation (see [review.reviewers])"
        assert why in done.stderr and "Traceback" not in done.stderr
        assert small.read_bytes() == before


def test_an_item_that_does_not_exist_is_bad_input_for_a_login_not_a_reviewer_too(
    pctui: Run, small: Path
) -> None:
    """Each help says "exit status 2 when there is no item N", and so it was before the
    reviewer's refusal came: a wrong No. is a wrong argument whoever types it (--to and
    --into were already checked first), not a refusal."""
    assert pctui("migrate", small).returncode == 0
    not_a_reviewer(small)
    before = small.read_bytes()
    for args in (
        ("move-opinion", small, "--item", "99", "2", "--to", "1"),
        ("merge-items", small, "--item", "99", "--into", "1"),
        ("split-item", small, "--item", "99", "1"),
        ("summary", small, "--item", "99", "概要"),
    ):
        done = pctui(*args, "--lang", "en")
        assert done.returncode == 2, (args, done.stderr)
        assert "argument --item: there is no item No.99" in done.stderr, done.stderr
        assert small.read_bytes() == before


def test_the_message_names_only_sign_offs_that_changed_standing(pctui: Run, small: Path) -> None:
    """A sign-off is bound to the opinions and summary it approved: merging No.2 into the
    approved No.1 leaves No.1's sign-offs stale; splitting that opinion off again gives No.1
    back the opinions they approved, so they stand again, and the message says so rather
    than "stale: sign again". An item whose sign-offs were stale before is not named."""
    assert pctui("migrate", small).returncode == 0
    done = pctui("merge-items", small, "--item", "2", "--into", "1", "--lang", "en")
    assert "the sign-offs of No.1 are stale" in done.stdout
    done = pctui("split-item", small, "--item", "1", "2", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "stale" not in done.stdout
    assert "the sign-offs of No.1 stand again" in done.stdout
    assert _state(pctui, small, 1) == "approved"
    # Stale again; merging No.3 in leaves them stale: nothing changed standing, nothing said.
    assert pctui("merge-items", small, "--item", "6", "--into", "1").returncode == 0
    done = pctui("merge-items", small, "--item", "3", "--into", "1", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "sign-offs" not in done.stdout


def test_a_missing_item_is_named_with_the_numbers_that_exist(pctui: Run, small: Path) -> None:
    """After a merge the numbers have a gap: "items: 1..5" would name the item just merged."""
    assert pctui("migrate", small).returncode == 0
    assert pctui("merge-items", small, "--item", "2", "--into", "1").returncode == 0
    for args in (("--item", "2", "--to", "1"), ("--item", "1", "--to", "2")):
        done = pctui("move-opinion", small, *args, "1", "--lang", "en")
        assert done.returncode == 2
        assert "there is no item No.2 (items: 1, 3..5)" in done.stderr, done.stderr


def test_moving_to_its_own_item_an_opinion_it_does_not_hold(pctui: Run, small: Path) -> None:
    """ "No.1 already holds opinion 9" was said of a label No.1 does not have."""
    assert pctui("migrate", small).returncode == 0
    done = pctui("move-opinion", small, "--item", "1", "--to", "1", "9", "--lang", "en")
    assert done.returncode == 1
    assert "No.1 has no opinion labelled 9 (its opinions: 1)" in done.stderr, done.stderr
