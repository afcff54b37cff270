"""`pctui phrases` and the wording warnings of `pctui validate`, with a phrases.toml beside
the file or at the repository's root."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]
Where = Callable[..., str]

PHRASES = """\
[[phrases]]
id = "taisho"
text = "適切に対処して参ります。"

[[phrases]]
id = "gentou"
text = "{section}について、原案のとおりとします。"
classes = ["参考"]
"""
CLASSES = (
    '[review]\nclasses = [{ id = "hanei", label = "反映" }, { id = "sanko", label = "参考" }]\n'
)


def answers(small: Path, texts: dict[int, tuple[str, str]]) -> str:
    """The small file with item `no`'s only revision's text and class replaced."""
    text = small.read_text(encoding="utf-8").replace("[review]\n", CLASSES, 1)
    for no, (klass, answer) in texts.items():
        text = text.replace(
            f'opinion = "ご意見{no}"\n', f'opinion = "ご意見{no}"\nclass = "{klass}"\n'
        )
        text = text.replace(f'text = "回答{no}"', f'text = "{answer}"')
    small.write_text(text, encoding="utf-8")
    return text


def test_phrases_lists_how_often_each_is_used(pctui: Run, small: Path) -> None:
    (small.parent / "phrases.toml").write_text(PHRASES, encoding="utf-8")
    answers(small, {2: ("sanko", "第1章について、原案のとおりとします。"),
                    4: ("sanko", "適切に対処して参ります。")})  # fmt: skip
    result = pctui("phrases", small)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "phrase  used  classes  text                                       items",
        "taisho  1     -        適切に対処して参ります。                   4",
        "gentou  1     参考     {section}について、原案のとおりとします。  2",
    ]
    data = json.loads(pctui("phrases", "--json", small).stdout)
    assert [(p["id"], p["items"]) for p in data["phrases"]] == [("taisho", [4]), ("gentou", [2])]


def test_phrases_at_the_repository_root(pctui: Run, tmp_path: Path, small: Path) -> None:
    repo = tmp_path / "office"
    (repo / ".git").mkdir(parents=True)
    (repo / "2025").mkdir()
    moved = repo / "2025" / "small.toml"
    moved.write_text(small.read_text(encoding="utf-8"), encoding="utf-8")
    assert pctui("phrases", moved).returncode == 1  # none yet
    (repo / "phrases.toml").write_text(PHRASES, encoding="utf-8")
    result = pctui("phrases", moved)
    assert result.returncode == 0, result.stderr
    assert "gentou" in result.stdout


def test_a_broken_phrases_file_is_located(pctui: Run, small: Path) -> None:
    broken = PHRASES.replace('id = "gentou"', 'id = "taisho"').replace("classes = [", "klasses = [")
    (small.parent / "phrases.toml").write_text(broken, encoding="utf-8")
    result = pctui("phrases", small)
    assert result.returncode == 2
    path = small.parent / "phrases.toml"
    assert f"{path}:6:1: phrase id 'taisho' is used twice" in result.stderr
    assert f"{path}:8:1: unknown key klasses in a phrase" in result.stderr
    assert "Traceback" not in result.stderr
    assert pctui("validate", small).returncode == 2


def test_validate_warns_of_wording_against_the_class(pctui: Run, small: Path, where: Where) -> None:
    (small.parent / "phrases.toml").write_text(PHRASES, encoding="utf-8")
    text = answers(small, {3: ("hanei", "第2章について、原案のとおりとします。")})
    result = pctui("validate", small)
    assert result.returncode == 1
    spot = where(text, 'text = "第2章')
    at = f"{small}:{spot}: warning: No.3: the answer"
    assert f"{at} says 「原案のとおり」, which contradicts its class 反映" in result.stdout
    assert f"{at} uses phrase 'gentou', which is not written for its class 反映" in result.stdout


def test_validate_warns_of_identical_answers(pctui: Run, small: Path, where: Where) -> None:
    # Advice, a note: the exit status 1 is 2's sign-off, which no longer matches its text.
    text = answers(small, {2: ("sanko", "同じ回答"), 4: ("sanko", "同じ回答")})
    result = pctui("validate", small)
    assert result.returncode == 1
    spot = where(text, 'text = "同じ回答"', 2)
    assert [line for line in result.stdout.splitlines() if "same answer" in line] == [
        f"{small}:{spot}: note: No.4: the same answer as No.2: consider one item with "
        "several opinions (format 2)"
    ]
