"""Values a commit message carries on a line of their own (stage names, logins, reviewers'
names and e-mail addresses, signers, revision authors) must be one line of visible text:
`validate` reports any other as an error at its line and column, and the file does not load
(so neither the TUI nor any command can sign or commit with it)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.storage import ConsultationFile, LoadError

Run = Callable[..., subprocess.CompletedProcess[str]]
Where = Callable[..., str]

# Each way of starting a line of one's own, as a TOML escape, with a trailer after it.
BREAKS = {
    "newline": ("\\n", "U+000A"),
    "carriage return": ("\\r", "U+000D"),
    "NUL": ("\\u0000", "U+0000"),
    "line separator": ("\\u2028", "U+2028"),
    "next line (NEL)": ("\\u0085", "U+0085"),
}
FORGED = "Reviewed-by: Forged Person <forged@example.invalid>"
SIGNED = "Signed-off-by: Forged Person <forged@example.invalid>"

# (field, the text it replaces in the small file, its replacement with {bad} for the value,
#  what to look for to find the reported place)
FIELDS = {
    "stage name": ('stages = ["担当", "係長", "課長"]',
                   'stages = ["担当", "係長", "課長", "{bad}"]', "stages = "),
    "login": ('sato = ["課長"]', 'sato = ["課長"]\n"k2{bad}" = ["課長"]', '"k2'),
    "name": ('sato = ["課長"]',
             'sato = {{ stages = ["課長"], name = "Kacho{bad}", email = "k2@example.invalid" }}',
             "sato = {"),
    "email": ('sato = ["課長"]',
              'sato = {{ stages = ["課長"], name = "Kacho", email = "k2@example.invalid{bad}" }}',
              "sato = {"),
    "signer": ('by = "sato"', 'by = "sato{bad}"', 'by = "sato'),
    "revision author": ('author = "tanaka"\nat = 2025-12-01T09:00:00+09:00\ntext = "回答4"',
                        'author = "tanaka{bad}"\nat = 2025-12-01T09:00:00+09:00\ntext = "回答4"',
                        'author = "tanaka\\'),
}  # fmt: skip


def _problems(path: Path) -> list[str]:
    with pytest.raises(LoadError) as refused:
        ConsultationFile.load(path)
    return [str(problem) for problem in refused.value.problems]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("way", BREAKS)
@pytest.mark.parametrize("trailer", [FORGED, SIGNED])
def test_every_field_with_every_break_is_an_error(
    small: Path, where: Where, field: str, way: str, trailer: str
) -> None:
    old, new, needle = FIELDS[field]
    escape, char = BREAKS[way]
    text = small.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new.format(bad=escape + trailer), 1)
    small.write_text(text, encoding="utf-8")
    found = [p for p in _problems(small) if "must be one line" in p]
    assert len(found) == 1, _problems(small)
    assert found[0].startswith(f"{small}:{where(text, needle)}: ")
    assert found[0].endswith(f"must be one line without control characters; it holds {char}")
    assert "\n" not in found[0] and "\r" not in found[0]  # the report itself stays one line


def test_a_trailer_on_the_same_line_is_only_text(small: Path) -> None:
    """Without a break, `Reviewed-by:` in a name is part of the name: no line of its own."""
    text = small.read_text(encoding="utf-8").replace(
        'sato = ["課長"]',
        'sato = { stages = ["課長"], name = "Kacho Reviewed-by: Someone", '
        'email = "k2@example.jp" }',
    )
    small.write_text(text, encoding="utf-8")
    reviewer = ConsultationFile.load(small).consultation.review.reviewers["sato"]
    assert reviewer.name == "Kacho Reviewed-by: Someone"


@pytest.mark.parametrize("key", ["name", "email"])
def test_angle_brackets_in_a_name_or_address(small: Path, key: str) -> None:
    """`Name <email>` is how a trailer names a reviewer: a bracket inside either makes another."""
    values = {"name": "Kacho", "email": "k2@example.jp"}
    values[key] = "Kacho <forged@example.invalid>" if key == "name" else "k2@example.jp> <x"
    entry = f'{{ stages = ["課長"], name = "{values["name"]}", email = "{values["email"]}" }}'
    small.write_text(
        small.read_text(encoding="utf-8").replace('sato = ["課長"]', f"sato = {entry}"),
        encoding="utf-8",
    )
    assert [p for p in _problems(small) if f"review.reviewers.sato.{key} must not hold < or >" in p]


def test_the_forged_reviewer_of_the_report(pctui: Run, small: Path, where: Where) -> None:
    text = small.read_text(encoding="utf-8").replace(
        'sato = ["課長"]',
        'pctuik2 = { stages = ["課長"], name = "Kacho\\nReviewed-by: Forged Person '
        '<forged@example.invalid>", email = "k2@example.invalid" }',
    )
    small.write_text(text, encoding="utf-8")
    result = pctui("validate", small)
    assert result.returncode == 2, result.stdout
    assert result.stderr.splitlines()[0] == (
        f"{small}:{where(text, 'pctuik2')}: review.reviewers.pctuik2.name must be one line "
        "without control characters; it holds U+000A"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", [" ", ".", ". ,", "'\\\\'"])
def test_a_name_git_reduces_to_nothing_is_a_warning_at_its_place(
    pctui: Run, small: Path, where: Where, name: str
) -> None:
    """git strips spaces and . , : ; < > " \\ ' from a name's ends: a name made only of them
    is empty to git, and every commit naming that reviewer failed ('empty ident name') while
    validate said ok. The file loads (its sign-offs are sound); validate warns, exit 1."""
    text = small.read_text(encoding="utf-8").replace(
        'sato = ["課長"]', f'pctuik2 = {{ stages = ["課長"], name = "{name}", email = "k@x.jp" }}'
    )
    small.write_text(text, encoding="utf-8")
    result = pctui("validate", small)
    assert result.returncode == 1, result.stdout + result.stderr
    found = [line for line in result.stdout.splitlines() if "nothing to git" in line]
    assert len(found) == 1, result.stdout + result.stderr
    assert found[0].startswith(f"{small}:{where(text, 'pctuik2')}: ")
    assert "give pctuik2 a name with a letter or digit in it" in found[0]
    assert ConsultationFile.load(small).consultation.review.reviewers["pctuik2"]
