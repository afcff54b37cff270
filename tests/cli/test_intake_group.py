"""`pctui intake group` through the console script, on a registry filled by its API."""

from __future__ import annotations

import json
from pathlib import Path

from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.storage import ConsultationFile

LETTER = "計画の見直しを求めます。説明会を休日にも開いてください。資料をわかりやすくしてください。"
PERSONAL = "私は架空市に二十年住んでいます。"


def fill(sample_path: Path, texts: dict[str, str]) -> Path:
    path = registry_path(sample_path, ConsultationFile.load(sample_path).consultation)
    with Registry.open(path) as registry:
        registry.add(
            Incoming(Submission(number, raw=raw), f"test.csv:{line}")
            for line, (number, raw) in enumerate(texts.items(), start=2)
        )
    return path


def test_json_lists_groups_largest_first_and_the_registry_keeps_them(
    sample_path: Path, pctui
) -> None:
    path = fill(
        sample_path,
        {
            "R0000001": LETTER,
            "R0000002": "1. 意見募集の期間を延ばしてください。\n2. " + LETTER,
            "R0000003": LETTER + PERSONAL,
            "R0000004": "  " + LETTER.replace("。", "．"),
        },
    )
    done = pctui("intake", "group", sample_path, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "submissions": 4,
        "opinions": 5,
        "groups": [
            {
                "id": "G-R0000001-1",
                "representative": "R0000001-1",
                "opinions": ["R0000001-1", "R0000002-2", "R0000003-1", "R0000004-1"],
            },
            {"id": "G-R0000002-1", "representative": "R0000002-1", "opinions": ["R0000002-1"]},
        ],
    }
    with Registry.open(path) as registry:
        stored = registry.groups()
    added = {m.opinion: m.added for g in stored for m in g.members}
    assert added == {
        "R0000001-1": "",
        "R0000002-2": "",
        "R0000003-1": PERSONAL,
        "R0000004-1": "",
        "R0000002-1": "",
    }


def test_text_output_names_the_groups_and_a_bad_file_is_exit_2(
    sample_path: Path, tmp_path: Path, pctui
) -> None:
    fill(sample_path, {"R0000001": LETTER, "R0000002": LETTER})
    done = pctui("intake", "group", sample_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "2 opinions from 2 submissions in 1 group"
    assert "R0000001-1" in done.stdout
    missing = pctui("intake", "group", tmp_path / "none.toml")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
    assert pctui("intake", "group", "--help").returncode == 0


def test_the_groups_json_is_what_json_dumps_writes() -> None:
    # `--json` lays the groups out itself around the C string encoder: byte for byte
    # json.dumps(..., ensure_ascii=False, indent=2), hostile ids included.
    from pctui.cli.intake_group import as_json, groups_json
    from pctui.intake.records import Group, Member

    odd = ['R"1-1', "R\\2-1", "R\n3-1", "R\u20284-1", "R\x005-1", "受付𠮷-1", "R</6-1"]
    shapes = [
        [],
        [Group("G-R0000001-1", "R0000001-1", (Member("R0000001-1"),))],
        [
            Group(f"G-{odd[0]}", odd[0], tuple(Member(o, "足した文。") for o in odd)),
            Group("G-x", "x", (Member("x"), Member("y"))),
            Group("G-empty", "z", ()),
        ],
    ]
    for groups in shapes:
        data = as_json(3, sum(len(g.members) for g in groups), groups)
        expected = json.dumps(data, ensure_ascii=False, indent=2)
        assert groups_json(3, sum(len(g.members) for g in groups), groups) == expected
