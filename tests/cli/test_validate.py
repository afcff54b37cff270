"""`pctui validate`: a summary and exit 0, warnings and exit 1, every problem and exit 2."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]
Where = Callable[..., str]


def test_a_clean_file(pctui: Run, small: Path) -> None:
    result = pctui("validate", small)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{small}: ok: 5 items in 2 sections "
        "(2 draft, 1 in-review, 1 changes-requested, 1 approved)\n"
    )
    assert result.stderr == ""


def test_the_sample_validates(pctui: Run, root_sample: Path) -> None:
    result = pctui("validate", root_sample)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": ok: 10 items in 2 sections" in result.stdout


def test_every_problem_is_listed_with_exit_2(pctui: Run, small: Path, where: Where) -> None:
    text = small.read_text(encoding="utf-8")
    text = text.replace('opinion = "ご意見2"', 'opinion = "ご意見2" x')
    text = text.replace('opinion = "ご意見3"', 'opinion = "ご意見3"\nsection = "9"')
    text = text.replace('section = "2"\nopinion = "ご意見3"', 'opinion = "ご意見3"')
    text = text.replace("no = 5", "no = 4")
    small.write_text(text, encoding="utf-8")
    result = pctui("validate", small)
    assert result.returncode == 2
    assert result.stdout == ""
    stray, unknown = where(text, "x\n"), where(text, 'section = "9"')
    first, duplicate = where(text, "no = 4"), where(text, "no = 4", 2)
    assert result.stderr.splitlines() == [
        f"{small}:{stray}: TOML syntax: Expected newline or end of document after a statement",
        f"{small}:{unknown}: unknown section '9' (sections: '1', '2')",
        f"{small}:{duplicate}: duplicate No.4 (also on line {first.split(':')[0]})",
        f"{small}: 3 problems",
    ]
    assert "Traceback" not in result.stderr


def test_warnings_exit_1(pctui: Run, small: Path, where: Where) -> None:
    text = small.read_text(encoding="utf-8")
    text = text.replace('opinion = "ご意見5"', 'opinon = "x"\nopinion = "ご意見5"')
    text = text.replace('text = "回答4"', 'text = "回答4\\u001b[31m"')
    small.write_text(text, encoding="utf-8")
    result = pctui("validate", small)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"{small}:{where(text, 'text = ', 4)}: warning: No.4: revision 1 text contains"
        " U+001B ESCAPE at character 4 (shown inertly)",
        f"{small}:{where(text, 'opinon')}: warning: unknown key items.opinon;"
        " did you mean 'opinion'?",
        f"{small}: ok: 5 items in 2 sections "
        "(2 draft, 1 in-review, 1 changes-requested, 1 approved); 2 warnings",
    ]


def test_a_forged_sign_off_is_a_warning(pctui: Run, small: Path, where: Where) -> None:
    text = small.read_text(encoding="utf-8").replace('by = "sato"', 'by = "mallory"')
    small.write_text(text, encoding="utf-8")
    result = pctui("validate", small)
    assert result.returncode == 1
    forged = where(text, 'by = "mallory')
    assert result.stdout.splitlines() == [
        f"{small}:{forged}: warning: No.1: invalid sign-off"
        " (課長, mallory): 'mallory' may not sign stage '課長'",
        f"{small}: ok: 5 items in 2 sections (2 draft, 2 in-review, 1 changes-requested);"
        " 1 warning",
    ]


def test_a_missing_file(pctui: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = pctui("validate", missing)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{missing}:1:1: no such file", f"{missing}: 1 problem"]


def test_a_folder(pctui: Run, tmp_path: Path) -> None:
    result = pctui("validate", tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path}:1:1: is a folder, not a consultation file"
    )


def test_invalid_utf8(pctui: Run, small: Path, where: Where) -> None:
    text = small.read_text(encoding="utf-8")
    small.write_bytes(text.encode().replace("ご意見5".encode(), b"\x82\xb2"))
    result = pctui("validate", small)
    assert result.returncode == 2
    line, col = map(int, where(text, "ご意見5").split(":"))
    assert result.stderr.splitlines() == [
        f"{small}:{line}:{col}: not valid UTF-8 (byte 0x82); save the file as UTF-8",
        f"{small}:{line}:{col + 1}: not valid UTF-8 (byte 0xb2); save the file as UTF-8",
        f"{small}: 2 problems",
    ]
    assert "Traceback" not in result.stderr
