"""`pctui migrate FILE`: a format-1 file rewritten as format 2, every item and sign-off
standing as before; refused with nothing changed for a file already migrated or one that
does not load."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Run, not_a_reviewer

from pctui.model import Opinion, add_summary, current_login, progress
from pctui.storage import ConsultationFile


def states(pctui: Run, path: Path) -> list[object]:
    done = pctui("status", path, "--json")
    assert done.returncode == 0, done.stderr
    return [
        (item["no"], item["state"], item["approved_stages"], item["next_stages"])
        for item in json.loads(done.stdout)["items"]
    ]


def test_the_sample_migrates_with_every_state_and_sign_off_kept(
    pctui: Run, root_sample: Path
) -> None:
    before_text = root_sample.read_text(encoding="utf-8")
    before = ConsultationFile.load(root_sample).consultation
    before_states = states(pctui, root_sample)
    done = pctui("migrate", root_sample)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"{root_sample}: rewritten as format 2 (10 items, 19 sign-offs kept as they stood)\n"
    )
    after = ConsultationFile.load(root_sample)
    assert after.consultation.format == 2 and after.warnings == []
    assert states(pctui, root_sample) == before_states
    for old, new in zip(before.items, after.consultation.items, strict=True):
        assert new.opinions == [Opinion(str(old.no), old.opinion, old.count)]
        assert new.signoffs == old.signoffs and all(s.basis is None for s in new.signoffs)
        review = before.review
        assert [s.status for s in progress(new, review).standings] == [
            s.status for s in progress(old, review).standings
        ]
    validate = pctui("validate", root_sample)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    text = root_sample.read_text(encoding="utf-8")
    assert "\nformat = 2\n" in text and "\nformat = 1\n" in before_text
    assert text.count("[[items.opinions]]") == len(before.items)


def test_only_the_format_and_the_opinion_lines_change(pctui: Run, small: Path) -> None:
    before = small.read_text(encoding="utf-8")
    assert pctui("migrate", small).returncode == 0
    after = small.read_text(encoding="utf-8")
    gone = [line for line in before.splitlines() if line not in after.splitlines()]
    assert {line.split(" = ")[0] for line in gone} <= {"format", "opinion", "count"}
    assert [line for line in before.splitlines() if line.startswith(("[[items.", "digest"))] == [
        line for line in after.splitlines() if line.startswith(("[[items.s", "[[items.r", "digest"))
    ]


def test_a_migrated_sign_off_goes_stale_once_the_opinions_change(
    pctui: Run, root_sample: Path
) -> None:
    assert pctui("migrate", root_sample).returncode == 0
    file = ConsultationFile.load(root_sample)
    approved = next(
        item for item in file.consultation.items
        if progress(item, file.consultation.review).state == "approved"
    )  # fmt: skip
    file.transact(approved.no, lambda c: add_summary(c, approved.no, "tanaka", "概要"))
    reread = ConsultationFile.load(root_sample).consultation
    item = reread.item(approved.no)
    assert item is not None and progress(item, reread.review).state == "draft"


def unchanged(path: Path) -> Callable[[], bool]:
    data = path.read_bytes()
    return lambda: path.read_bytes() == data


def test_a_format_two_file_is_refused_and_left_alone(pctui: Run, small: Path) -> None:
    assert pctui("migrate", small).returncode == 0
    same = unchanged(small)
    done = pctui("migrate", small)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"pctui: refused: {small} is format 2 already\n"
    assert same()


def test_a_file_that_does_not_load_is_refused_and_left_alone(pctui: Run, small: Path) -> None:
    small.write_text(small.read_text(encoding="utf-8").replace("no = 2\n", 'no = "2"\n'))
    same = unchanged(small)
    done = pctui("migrate", small)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == f"{small}: does not load; nothing was changed"
    assert ": items.no must be an integer, not a string" in done.stderr
    assert same()


def test_line_ends_and_the_byte_order_mark_are_kept(pctui: Run, small: Path) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert pctui("migrate", small).returncode == 0
    data = small.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfformat = 2\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert ConsultationFile.load(small).consultation.format == 2


def test_help(pctui: Run) -> None:
    done = pctui("migrate", "--help")
    assert done.returncode == 0 and "format 2" in done.stdout


def test_a_login_not_a_reviewer_is_refused_and_nothing_is_written(pctui: Run, small: Path) -> None:
    """Rewriting the whole file's format is a reviewer's act, refused as move-opinion and
    merge-items refuse (exit 1, their words), before a format-2 file is named as such."""
    reviewed = small.read_bytes()
    not_a_reviewer(small)
    before = small.read_bytes()
    why = f"{current_login()!r} is not a reviewer of this consultation (see [review.reviewers])"
    done = pctui("migrate", small, "--lang", "en")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"pctui: refused: {why}\n")
    assert small.read_bytes() == before
    small.write_bytes(reviewed)
    assert pctui("migrate", small).returncode == 0
    not_a_reviewer(small)
    assert pctui("migrate", small, "--lang", "en").stderr == f"pctui: refused: {why}\n"
