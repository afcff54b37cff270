"""`pctui intake groups` through the console script, on a registry made by `pctui intake
import` and `pctui intake group` from a small generated CSV: the list, and the grouping
screen's four actions — saved as the screen saves them, refused with the file and the
registry unchanged (exit 1), a name that does not exist an exit 2 before anything is done."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import add_reviewer, write_format_two
from tests.session.group_registry import CAMPAIGN, LETTERS

from pctui.intake.registry import Registry, registry_path
from pctui.model.identity import current_login
from pctui.model.records import MoveAction
from pctui.model.state import STALE, standings
from pctui.storage import ConsultationFile

CAMPAIGN_GROUP = "G-2026-0001-1"


def imported(tmp_path: Path, letters: dict[str, str]) -> Path:
    """A format-2 consultation (3 items) and its registry, made by the console script from
    a CSV of `letters` and grouped. The OS login running the tests is a reviewer of it:
    accepting and attaching are a reviewer's acts."""
    consultation = add_reviewer(write_format_two(tmp_path / "2026-churin.toml"), current_login())
    source = tmp_path / "letters.csv"
    rows = "".join(f"{number},{text}\n" for number, text in letters.items())
    source.write_text("受付番号,意見\n" + rows, encoding="utf-8")
    assert pctui("intake", "import", consultation, source).returncode == 0
    assert pctui("intake", "group", consultation).returncode == 0
    return consultation


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Four copies of a campaign letter (one with a sentence of its own), a pair of
    near-copies and one letter, grouped."""
    return imported(tmp_path, LETTERS)


def registry_of(path: Path) -> Path:
    return registry_path(path, ConsultationFile.load(path).consultation)


def sizes(path: Path) -> dict[str, int]:
    with Registry.open(registry_of(path)) as registry:
        return {group.id: len(group.members) for group in registry.groups()}


def snapshot(path: Path) -> tuple[bytes, dict[str, int]]:
    return path.read_bytes(), sizes(path)


def test_the_list_shows_each_group_with_its_size_item_and_text(path: Path) -> None:
    done = pctui("intake", "groups", path, "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [(g["id"], g["size"], g["item"]) for g in listed] == [
        (CAMPAIGN_GROUP, 4, None), ("G-2026-0005-1", 2, None), ("G-2026-0007-1", 1, None)
    ]  # fmt: skip
    assert listed[0]["text"] == CAMPAIGN
    shown = pctui("intake", "groups", path)
    assert shown.returncode == 0
    first = shown.stdout.splitlines()[1].split()
    assert first == ["1", CAMPAIGN_GROUP, "4", "-", CAMPAIGN]  # 37 characters: not shortened


def test_a_long_text_is_shortened_in_the_list_and_whole_in_json(tmp_path: Path) -> None:
    long = (
        "駐輪場の整備計画について、駅の北口と南口の両方に屋根のある駐輪場を設けることを求めます。"
    )
    path = imported(tmp_path, {"2026-0001": long})
    (row,) = pctui("intake", "groups", path).stdout.splitlines()[1:]
    assert row.split()[4] == long[:39] + "…"
    assert json.loads(pctui("intake", "groups", path, "--json").stdout)[0]["text"] == long


def test_accept_makes_an_item_with_the_groups_opinions_and_counts(path: Path) -> None:
    done = pctui("intake", "groups", path, "--accept", CAMPAIGN_GROUP)
    assert done.returncode == 0, done.stderr
    assert f"group {CAMPAIGN_GROUP} is now No.4 (4 opinions)" in done.stdout
    item = ConsultationFile.load(path).consultation.item(4)
    assert item is not None
    (opinion,) = item.opinions
    assert opinion.count == 4 and opinion.text == CAMPAIGN
    assert opinion.sources == ("2026-0001-1", "2026-0002-1", "2026-0003-1", "2026-0004-1")
    assert pctui("validate", path).returncode == 0
    listed = json.loads(pctui("intake", "groups", path, "--json").stdout)
    assert listed[0]["item"] == 4
    # Accepted again: refused as the screen refuses it, nothing changed.
    before = snapshot(path)
    again = pctui("intake", "groups", path, "--accept", "1")
    assert again.returncode == 1 and "already answered by No.4" in again.stderr
    assert snapshot(path) == before


def test_accept_takes_several_groups_by_number_id_or_representative(path: Path) -> None:
    done = pctui("intake", "groups", path, "--accept", "2", "2026-0007-1")
    assert done.returncode == 0, done.stderr
    consultation = ConsultationFile.load(path).consultation
    assert [o.count for o in consultation.item(4).opinions] == [2]  # type: ignore[union-attr]
    assert [o.count for o in consultation.item(5).opinions] == [1]  # type: ignore[union-attr]
    assert pctui("validate", path).returncode == 0


def test_attach_adds_to_an_item_and_makes_its_signoffs_stale(path: Path) -> None:
    done = pctui("intake", "groups", path, "--attach", "G-2026-0005-1", "--item", "2")
    assert done.returncode == 0, done.stderr
    assert "attached to No.2 as opinion 2-2" in done.stdout
    assert "the sign-offs of No.2 are stale" in done.stdout
    consultation = ConsultationFile.load(path).consultation
    item = consultation.item(2)
    assert item is not None
    assert [(o.label, o.count) for o in item.opinions][-1] == ("2-2", 2)
    assert [s.status for s in standings(item, consultation.review)] == [STALE]
    assert pctui("validate", path).returncode == 0


def test_split_and_merge_change_the_registrys_groups(path: Path) -> None:
    split = pctui("intake", "groups", path, "--split", "1", "--opinions", "2026-0003-1")
    assert split.returncode == 0, split.stderr
    assert sizes(path) == {CAMPAIGN_GROUP: 3, "G-2026-0003-1": 1, "G-2026-0005-1": 2,
                           "G-2026-0007-1": 1}  # fmt: skip
    merge = pctui("intake", "groups", path, "--merge", "G-2026-0003-1", "--into", "1")
    assert merge.returncode == 0, merge.stderr
    assert "merged into group " + CAMPAIGN_GROUP in merge.stdout
    assert sizes(path) == {CAMPAIGN_GROUP: 4, "G-2026-0005-1": 2, "G-2026-0007-1": 1}


@pytest.mark.parametrize(
    "action",
    [
        ("--merge", "1", "--into", CAMPAIGN_GROUP),  # into itself
        ("--split", "1", "--opinions", *(f"2026-000{n}-1" for n in range(1, 5))),  # everyone
    ],
)
def test_a_refusal_changes_nothing(path: Path, action: tuple[str, ...]) -> None:
    before = snapshot(path), registry_of(path).read_bytes()
    done = pctui("intake", "groups", path, *action)
    assert done.returncode == 1 and done.stderr.startswith("pctui: refused: ")
    assert (snapshot(path), registry_of(path).read_bytes()) == before


@pytest.mark.parametrize(
    ("action", "said"),
    [
        (("--accept", "1", "G-9999"), "there is no group 'G-9999'"),
        (("--accept", "4"), "there is no group '4'"),
        (("--attach", "1", "--item", "99"), "there is no item No.99"),
        (("--split", "1", "--opinions", "2026-0005-1"), "is not in group " + CAMPAIGN_GROUP),
        (("--merge", "1", "--into", "nope"), "there is no group 'nope'"),
        (("--attach", "1"), "--item goes with --attach"),
    ],
)
def test_a_name_that_does_not_exist_exits_2_before_anything_is_done(
    path: Path, action: tuple[str, ...], said: str
) -> None:
    before = snapshot(path), registry_of(path).read_bytes()
    done = pctui("intake", "groups", path, *action)
    assert done.returncode == 2 and said in done.stderr
    assert "Traceback" not in done.stderr
    assert (snapshot(path), registry_of(path).read_bytes()) == before


def test_a_file_that_does_not_load_exits_2(tmp_path: Path) -> None:
    done = pctui("intake", "groups", tmp_path / "missing.toml")
    assert done.returncode == 2 and "missing.toml:" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_in_english_and_japanese(path: Path, english: Path) -> None:
    assert "grouping screen" in pctui("intake", "groups", "--help").stdout
    english.write_text('lang = "ja"\n', encoding="utf-8")
    assert "グループ" in pctui("intake", "groups", "--help").stdout


@pytest.mark.parametrize(
    "action", [("--accept", CAMPAIGN_GROUP), ("--attach", CAMPAIGN_GROUP, "--item", "2")]
)
def test_a_login_not_a_reviewer_may_not_accept_or_attach(
    path: Path, action: tuple[str, ...]
) -> None:
    """Both change an item's opinions, as move-opinion and merge-items do: refused with
    their words and exit status, the file and the registry unchanged."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'{current_login()} = ["担当"]\n', "", 1), encoding="utf-8")
    before = snapshot(path), registry_of(path).read_bytes()
    done = pctui("intake", "groups", path, *action, "--lang", "en")
    assert done.returncode == 1, done.stderr
    why = f"{current_login()!r} is not a reviewer of this consultation (see [review.reviewers])"
    assert done.stderr == f"pctui: refused: {why}\n"
    assert (snapshot(path), registry_of(path).read_bytes()) == before


def _git(folder: Path, *args: str, who: str) -> None:
    identity = {"GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": f"{who}@example.jp",
                "GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": f"{who}@example.jp"}  # fmt: skip
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, **identity})  # fmt: skip


def test_accept_and_attach_are_recorded_their_history_named_and_not_audit_findings(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each records who added which opinion when ([[items.moves]], as a move does), the
    item's history names the sign-off the attach left stale, and the audit of the commit
    holding both finds nothing: the change is recorded, the sign-off stands traced."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    folder = path.parent
    (folder / ".gitignore").write_text("*.intake.sqlite\nletters.csv\n", encoding="utf-8")
    _git(folder, "init", "-q", who="yamada")
    _git(folder, "add", path.name, ".gitignore", who="yamada")
    _git(folder, "commit", "-q", "-m", "yamada signs No.1 and No.2", who="yamada")
    assert pctui("audit", path).returncode == 0
    accepted = pctui("intake", "groups", path, "--accept", CAMPAIGN_GROUP, "--lang", "en")
    attached = pctui("intake", "groups", path, "--attach", "2", "--item", "2", "--lang", "en")
    assert accepted.returncode == attached.returncode == 0, accepted.stderr + attached.stderr
    consultation = ConsultationFile.load(path).consultation
    new, two = consultation.item(4), consultation.item(2)
    assert new is not None and two is not None
    login = current_login()
    assert [(m.action, m.source, m.target, m.labels, m.by, m.was) for m in new.moves] == [
        (MoveAction.ACCEPT, 0, 4, ("4",), login, "")
    ]
    assert [(m.action, m.source, m.target, m.labels, m.by) for m in two.moves] == [
        (MoveAction.ATTACH, 0, 2, ("2-2",), login)
    ]
    assert pctui("validate", path).returncode == 0
    history = json.loads(pctui("history", path, "--item", "2", "--json", "--lang", "en").stdout)
    (entry,) = [e for e in history["entries"] if e["kind"] == "attach"]
    assert entry["by"] == login and entry["stale"] == [1]
    assert entry["what"] == f"{login} attached an intake group to it as opinion 2-2"
    assert entry["text"].startswith("left stale: 担当 approve of revision 1 by yamada")
    _git(folder, "commit", "-q", "-a", "-m", "groups answered", who=login)
    audited = pctui("audit", path, "--lang", "en")
    assert audited.returncode == 0, audited.stdout + audited.stderr
