"""`pctui assign`, `pctui note`, `pctui history` and the assignees in `pctui status`,
through the real console script."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import not_a_reviewer

from pctui.model import current_login
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]
ME = current_login()


def _assignees(path: Path) -> list[str | None]:
    return [item.assignee for item in ConsultationFile.load(path).consultation.items]


def test_assign_several_items_then_every_unassigned_one(pctui: Run, small: Path) -> None:
    done = pctui("assign", small, "--item", "2,3", "yamada")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "No.2, No.3: assigned to yamada (2 items)\n"
    assert _assignees(small) == [None, "yamada", "yamada", None, None]
    done = pctui("assign", small, "--item", "all-unassigned", "tanaka")
    assert done.returncode == 0, done.stderr
    assert _assignees(small) == ["tanaka", "yamada", "yamada", "tanaka", "tanaka"]
    item = ConsultationFile.load(small).consultation.items[1]
    assert item.assignments[-1].by == ME
    done = pctui("assign", small, "--item", "3", "-")
    assert done.returncode == 0, done.stderr
    assert _assignees(small)[2] is None


def test_refused_and_bad_assignments_change_nothing(pctui: Run, small: Path) -> None:
    before = small.read_bytes()
    refused = pctui("assign", small, "--item", "1", "takahashi")
    assert refused.returncode == 1
    assert "'takahashi' is not a reviewer" in refused.stderr
    for args, code in (
        (("--item", "1,x", "yamada"), 2),
        (("--item", "99", "yamada"), 2),
        (("--item", "1"), 2),
        (("--item", "1", "yamada", "sato"), 2),
    ):
        done = pctui("assign", small, *args)
        assert done.returncode == code, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert small.read_bytes() == before


def test_status_counts_each_assignees_items_only_once_any_is_assigned(
    pctui: Run, small: Path
) -> None:
    plain = pctui("status", small).stdout
    assert "assignee" not in plain
    assert pctui("assign", small, "--item", "1,2", "yamada").returncode == 0
    text = pctui("status", small).stdout.splitlines()
    assert "assignees: yamada 2 (1 open); unassigned 3" in text
    assert text[5].split()[-1] == "assignee"
    assert text[6].split() == ["1", "1", "approved", "担当", "係長", "課長", "yamada"]
    data = json.loads(pctui("status", small, "--json").stdout)
    assert data["assignees"] == {"yamada": {"items": 2, "open": 1}}
    assert data["unassigned"] == 3
    assert [i["assignee"] for i in data["items"]] == ["yamada", "yamada", None, None, None]


def test_a_note_is_saved_and_an_empty_one_refused(pctui: Run, small: Path) -> None:
    done = pctui("note", small, "--item", "4", "法令担当に確認中")
    assert (done.returncode, done.stdout) == (0, f"No.4: note by {ME} saved\n")
    from_stdin = pctui("note", small, "--item", "4", "-", stdin="二行目\r\nあり\n")
    assert from_stdin.returncode == 0, from_stdin.stderr
    notes = ConsultationFile.load(small).consultation.items[3].notes
    assert [(n.by, n.text) for n in notes] == [(ME, "法令担当に確認中"), (ME, "二行目\nあり")]
    assert pctui("note", small, "--item", "4", "  ").returncode == 1
    assert pctui("note", small, "--item", "9", "x").returncode == 2


def test_history_outside_git_shows_the_files_own_entries(pctui: Run, small: Path) -> None:
    assert pctui("note", small, "--item", "1", "確認済み").returncode == 0
    done = pctui("history", small, "--item", "1")
    assert done.returncode == 0, done.stderr
    assert "showing the file's own history" in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "2025-12-01 09:00  revision 1 by tanaka  (not committed)"
    assert lines[1] == "    回答1"
    assert lines[-2].endswith(f"note by {ME}  (not committed)")
    assert lines[-1] == "    確認済み"
    data = json.loads(pctui("history", small, "--item", "1", "--json").stdout)
    assert data["entries"][0]["kind"] == "revision"
    assert data["entries"][-1]["text"] == "確認済み"
    missing = pctui("history", small, "--item", "42")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_an_item_that_does_not_exist_is_bad_input_for_a_login_not_a_reviewer_too(
    pctui: Run, small: Path
) -> None:
    # As for move-opinion and the others: a wrong No. is a wrong argument whoever types
    # it (exit 2, the help says so), not the refusal a non-reviewer gets (exit 1).
    not_a_reviewer(small)
    before = small.read_bytes()
    for args in (
        ("note", small, "--item", "99", "確認中"),
        ("assign", small, "--item", "99", "yamada"),
        ("assign", small, "--item", "1,99", "yamada"),
    ):
        done = pctui(*args, "--lang", "en")
        assert done.returncode == 2, (args, done.stderr)
        assert "there is no item No.99" in done.stderr and "Traceback" not in done.stderr
        assert small.read_bytes() == before
    for args in (
        ("note", small, "--item", "1", "確認中"),
        ("assign", small, "--item", "1", "yamada"),
    ):
        done = pctui(*args, "--lang", "en")
        assert done.returncode == 1 and "is not a reviewer" in done.stderr, done.stderr
        assert small.read_bytes() == before
