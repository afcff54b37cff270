"""Hostile text through the real command line: the bytes written hold no control, bidi or
invisible character, `validate` points at every hostile text, and the text is stored
unchanged.

Each command runs as a real process (`python -m pctui.cli.entry`) and its stdout and stderr
are read as bytes, so what is checked is what a terminal would receive.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.security.conftest import HOSTILE, IMPOSTOR, raw_controls, replace_in

from pctui.model import text_digest
from pctui.model.identity import current_login
from pctui.storage import ConsultationFile


def pctui(*args: str | Path, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run the real command; returns (status, stdout, stderr), both checked to be clean."""
    done = subprocess.run(
        [sys.executable, "-m", "pctui.cli.entry", *map(str, args)],
        capture_output=True, cwd=cwd, check=False,
    )  # fmt: skip
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert raw_controls(out) == [], out
    assert raw_controls(err) == [], err
    return done.returncode, out, err


def test_validate_warns_at_every_hostile_text_naming_item_and_position(hostile_path: Path) -> None:
    code, out, _ = pctui("validate", hostile_path)
    assert code == 1
    lines = hostile_path.read_text(encoding="utf-8").split("\n")
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    found = {}
    for warning in warnings:
        match = re.match(rf"{re.escape(str(hostile_path))}:(\d+):(\d+): warning: (.*)", warning)
        assert match, warning
        line, col, message = int(match[1]), int(match[2]), match[3]
        key = lines[line - 1][col - 1 :].split("=")[0].strip()
        found.setdefault(key, []).append(message)
    assert found["title"][0].startswith("consultation.title contains U+001B ESCAPE at character 7")
    assert found["title"][1].startswith("sections[2].title contains U+009B CONTROL SEQUENCE")
    assert found["topic"] == [
        "No.1: topic contains U+001B ESCAPE at character 5, U+200B ZERO WIDTH SPACE at "
        "character 11 (shown inertly)"
    ]
    assert found["opinion"][0].startswith("No.1: opinion contains U+001B ESCAPE at character 8")
    assert found["text"][0].startswith("No.10: revision 2 text contains U+001B ESCAPE")
    assert found["note"] == ["No.10: revision 2 note contains U+001B ESCAPE at character 2 "
                             "(shown inertly)"]  # fmt: skip
    assert found["comment"][0].startswith("No.10: sign-off 1 comment contains U+001B ESCAPE")
    # The impostor's login is quoted as it is (markup is text here).
    assert f"No.2: invalid sign-off (課長, {IMPOSTOR})" in found["by"][0]
    # The hostile text's NEL is a line break, said apart from the hidden characters.
    for key in ("opinion", "text", "comment"):
        assert "contains U+0085 NEXT LINE at character" in found[key][1]
        assert found[key][1].endswith("(shown as a line break)")
    assert "; 11 warnings" in out


def test_every_kind_of_hostile_character_is_named(sample_copy: Path) -> None:
    parts = {
        "\\u001b[2J": "U+001B ESCAPE",
        "\\u0086": "U+0086 CONTROL CHARACTER",
        "\\u009b": "U+009B CONTROL SEQUENCE INTRODUCER",
        "\\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
        "\\u2067": "U+2067 RIGHT-TO-LEFT ISOLATE",
        "\\u200b": "U+200B ZERO WIDTH SPACE",
        "\\u2060": "U+2060 WORD JOINER",
        "\\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
        "\\u0000": "U+0000 NULL",
        "\\u007f": "U+007F DELETE",
    }
    for escape, name in parts.items():
        replace_in(sample_copy, 'topic = "システム総論"', f'topic = "シ{escape}"', 1)
        code, out, _ = pctui("validate", sample_copy)
        assert code == 1
        assert f"No.1: topic contains {name} at character 2 (shown inertly)" in out
        replace_in(sample_copy, f'topic = "シ{escape}"', 'topic = "システム総論"', 1)
    # NEL and the Unicode separators are line breaks: said so, and shown as such.
    for escape, name in {
        "\\u0085": "U+0085 NEXT LINE",
        "\\u2028": "U+2028 LINE SEPARATOR",
        "\\u2029": "U+2029 PARAGRAPH SEPARATOR",
    }.items():
        replace_in(sample_copy, 'topic = "システム総論"', f'topic = "シ{escape}"', 1)
        code, out, _ = pctui("validate", sample_copy)
        assert code == 1
        assert f"No.1: topic contains {name} at character 2 (shown as a line break)" in out
        replace_in(sample_copy, f'topic = "シ{escape}"', 'topic = "システム総論"', 1)


def test_status_shows_hostile_text_inertly(hostile_path: Path) -> None:
    code, out, _ = pctui("status", hostile_path)
    assert code == 0
    assert out.splitlines()[0] == "住民基本台帳␛]0;owned␇事務\\u202e (2025-jumin)"


def test_status_json_is_the_exact_data_with_every_control_escaped(hostile_path: Path) -> None:
    code, out, _ = pctui("status", "--json", hostile_path)
    assert code == 0
    assert "\\u001b]0;owned\\u0007事務\\u202e" in out  # escaped in the bytes …
    assert json.loads(out)["title"] == "住民基本台帳\x1b]0;owned\x07事務\u202e"  # … exact data


def test_a_load_error_quoting_hostile_file_content_is_inert(sample_copy: Path) -> None:
    # A hand-edited file: a reviewer login that is an escape, given a stage that does not
    # exist (an error), and an unknown key that is one (a warning).
    replace_in(sample_copy, 'kimura = ["係長", "課長"]',
               '"kim\\u001b]52;c;eA==\\u0007ura" = ["係\\u202e長"]')  # fmt: skip
    replace_in(sample_copy, "count = 1\n", 'count = 1\n"\\u001b[31mkey" = 1\n', 1)
    code, _, err = pctui("validate", sample_copy)
    assert code == 2
    assert "review.reviewers.kim␛]52;c;eA==␇ura: stage '係\\u202e長' is not in review.stages" in err
    # A login goes into commit trailers: one that is not one line of visible text is an
    # error too, quoted with escapes.
    replace_in(sample_copy, '["係\\u202e長"]', '["係長"]')
    code, _, err = pctui("validate", sample_copy)
    assert code == 2
    assert ("review.reviewers: 'kim\\x1b]52;c;eA==\\x07ura' must be one line without control "
            "characters; it holds U+001B") in err  # fmt: skip
    replace_in(sample_copy, '"kim\\u001b]52;c;eA==\\u0007ura"', "kimura")
    code, out, _ = pctui("validate", sample_copy)
    assert code == 1
    assert "unknown key items.␛[31mkey" in out


def test_signing_a_hostile_item_stores_its_text_byte_for_byte(hostile_path: Path) -> None:
    before = hostile_path.read_text(encoding="utf-8")
    item = ConsultationFile.load(hostile_path).consultation.item(10)
    assert item is not None and item.current is not None
    assert item.current.text == "前の文。" + HOSTILE
    # 課長 (the current login here) may not approve before 担当 and 係長, but may stop it.
    code, out, _ = pctui("signoff", hostile_path, "--item", "10", "--reject", "--comment", "再考")
    assert code == 0, out
    after = hostile_path.read_text(encoding="utf-8")
    # Only lines added: every byte of the opinion, revisions and comments is where it was.
    old, new = before.split("\n"), after.split("\n")
    first = next(n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    added = len(new) - len(old)
    assert new[:first] == old[:first] and new[first + added :] == old[first:]
    assert new[first] == "[[items.signoffs]]"
    again = ConsultationFile.load(hostile_path).consultation.item(10)
    assert again is not None and again.current is not None
    assert again.revisions == item.revisions
    assert again.signoffs[:-1] == item.signoffs
    mine = again.signoffs[-1]
    assert mine.by == current_login() and mine.digest == text_digest("前の文。" + HOSTILE)


def test_revise_from_a_hostile_file_keeps_the_text_exactly(
    hostile_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "answer.txt"
    source.write_bytes(("回答。" + HOSTILE).encode("utf-8"))
    code, _, _ = pctui("revise", hostile_path, "--item", "3", "--from-file", source)
    assert code == 0
    item = ConsultationFile.load(hostile_path).consultation.item(3)
    assert item is not None and item.current is not None
    # Read as text with universal newlines (a Windows file's CRLF is a line break), so a
    # carriage return arrives as LF; every other character arrives as it was.
    assert item.current.text == ("回答。" + HOSTILE).replace("\r", "\n")
    code, out, _ = pctui("validate", hostile_path)
    assert re.search(r"No\.3: revision \d+ text contains U\+001B ESCAPE at character 11", out)


@pytest.mark.parametrize("strict", [False, True])
def test_audit_text_and_json_are_inert(hostile_path: Path, strict: bool) -> None:
    subprocess.run(["git", "init", "-q"], cwd=hostile_path.parent, check=True)
    subprocess.run(["git", "add", hostile_path.name], cwd=hostile_path.parent, check=True)
    subprocess.run(
        ["git", "-c", "user.name=Test Clerk", "-c", "user.email=clerk@example.jp",
         "commit", "-qm", "hostile"], cwd=hostile_path.parent, check=True,
    )  # fmt: skip
    flags = ["--strict"] if strict else []
    code, out, err = pctui("audit", hostile_path, *flags)
    assert code == 1
    assert f"by {IMPOSTOR}" in err
    code, out, _ = pctui("audit", "--json", hostile_path, *flags)
    assert code == 1
    by = [s["by"] for s in json.loads(out)["signoffs"] if s["no"] == 2]
    assert IMPOSTOR in by


def test_publish_messages_are_inert(hostile_path: Path, tmp_path: Path) -> None:
    code, _, err = pctui("publish", "--draft", "--out", tmp_path / "out", hostile_path)
    assert code == 0, err
    assert "U+001B ESCAPE at character 8 is published as a visible mark" in err
