"""Broken files: every entry point either works or says where the file is wrong, and none
of them changes the file unless it saved a whole, valid action.

The files are the sample and small generated consultations, broken by `mutations.broken`
(truncation, lost lines, wrong types, duplicates, bad bytes, BOMs, CRLF, combinations).
The rules (`files.check_outcome`): exit status 0, 1 or 2; exit 2 explained by
`path:line:col: message` lines; never a traceback; the file's bytes, inode and mtime the
same afterwards (and no file left beside it), except after a save that exited 0.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from benchmarks import generate
from hypothesis import example, given
from hypothesis import strategies as st
from tests.hardening.conftest import examples
from tests.hardening.files import (
    ME,
    Fingerprint,
    Ran,
    check_outcome,
    run_cli,
    sample_bytes,
    small_consultation,
)
from tests.hardening.mutations import BOM, broken

from pctui.cli.open import PREVIEW_ITEMS
from pctui.model.records import REJECT, Consultation
from pctui.publish import render
from pctui.storage import ConsultationFile, LoadError, Problem

SAMPLE = sample_bytes()
# Lines 322-324 of the sample lost: No.7's `[[items]]` line goes, so its keys land in No.6's
# last sign-off (unknown keys: warnings) and its tables become No.6's; found by hypothesis.
_LINES = SAMPLE.splitlines(keepends=True)
LOST_ITEM_HEADER = b"".join(_LINES[:321] + _LINES[324:])
bases = st.one_of(st.just(SAMPLE), small_consultation())
broken_files = bases.flatmap(broken)


def _load(path: Path) -> Consultation | None:
    try:
        return ConsultationFile.load(path).consultation
    except LoadError:
        return None


def _loads(path: Path) -> bool:
    return _load(path) is not None


@examples(40)
@given(broken_files)
@example((SAMPLE[:1000], "truncated at byte 1000"))
@example((SAMPLE.replace(b"\n", b"\r\n"), "CRLF everywhere"))
@example((BOM + SAMPLE.replace(b"\n", b"\r\n"), "BOM and CRLF"))
@example((SAMPLE.replace(b"no = 3\n", b"no = 3\nno = 3\n"), "duplicate key"))
@example((SAMPLE.replace(b"count = 1", b"count = [1]", 1), "int -> array"))
@example((b"", "empty file"))
def test_reading_commands_work_or_say_where(case: tuple[bytes, str]) -> None:
    data, _ = case
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as out:
        path = Path(folder) / "c.toml"
        path.write_bytes(data)
        before = Fingerprint.of(path)
        validated = run_cli("validate", path)
        check_outcome(validated, path)
        loads = validated.code != 2
        assert loads == _loads(path)
        for argv in (
            ["status", path],
            ["status", "--json", path],
            ["publish", path, "--out", out, "--draft"],
            ["publish", path, "--out", out, "--format", "md"],
        ):
            ran = run_cli(*argv)
            check_outcome(ran, path)
            assert (ran.code == 2) == (not loads), (argv, ran)
            assert Fingerprint.of(path) == before, argv
        if loads:
            counted = json.loads(run_cli("status", "--json", path).out)["counts"]
            assert sum(counted.values()) == len(ConsultationFile.load(path).consultation.items)
        with mock.patch("pctui.app.run.run_app", return_value=[]) as tui:
            opened = run_cli("open", path)
        check_outcome(opened, path, allowed=(0, 2))
        assert tui.called == loads == (opened.code == 0)
        assert Fingerprint.of(path) == before


ACTIONS = {
    "signoff": lambda no: ["signoff", "--item", str(no)],
    "reject": lambda no: ["signoff", "--item", str(no), "--reject", "--comment", "直してください"],
    "withdraw": lambda no: ["withdraw", "--item", str(no)],
    "revise": lambda no: ["revise", "--item", str(no), "--text", "修正した回答\n二行目"],
}


def _kept_everything(old: Consultation, new: Consultation, no: int, action: str) -> None:
    """`new` is `old` with one action on item `no` added, and nothing else changed."""
    assert (new.meta, new.intake, new.review, new.sections) == (
        old.meta,
        old.intake,
        old.review,
        old.sections,
    )
    assert [i for i in new.items if i.no != no] == [i for i in old.items if i.no != no]
    before, after = old.item(no), new.item(no)
    assert before is not None and after is not None
    grew = (
        len(after.revisions) - len(before.revisions),
        len(after.signoffs) - len(before.signoffs),
    )
    assert grew == {"revise": (1, 0), "withdraw": (0, 0)}.get(action, (0, 1))
    assert after.revisions[: len(before.revisions)] == before.revisions
    if action == "withdraw":
        changed = [(a, b) for a, b in zip(before.signoffs, after.signoffs, strict=True) if a != b]
        assert len(changed) == 1 and changed[0][1].withdrawn is not None
    else:
        assert after.signoffs[: len(before.signoffs)] == before.signoffs


@examples(40)
@given(broken_files, st.sampled_from(sorted(ACTIONS)), st.integers(1, 10))
@example((SAMPLE.replace(b"\n", b"\r\n"), "CRLF"), "revise", 1)
@example((BOM + SAMPLE, "BOM"), "signoff", 6)
@example((SAMPLE[:-200], "truncated"), "signoff", 10)
@example((LOST_ITEM_HEADER, "deleted lines 322+3"), "reject", 6)
def test_saving_commands_save_a_whole_action_or_nothing(
    case: tuple[bytes, str], action: str, no: int
) -> None:
    data, _ = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.toml"
        path.write_bytes(data)
        before = Fingerprint.of(path)
        old = _load(path)
        ran = run_cli(*ACTIONS[action](no)[:1], path, *ACTIONS[action](no)[1:])
        check_outcome(ran, path)
        if ran.code != 0:
            assert Fingerprint.of(path) == before
            assert old is not None or ran.code == 2
            return
        assert old is not None
        _kept_everything(old, ConsultationFile.load(path).consultation, no, action)
        after = ConsultationFile.load(path).consultation.item(no)
        assert after is not None
        if action == "revise":
            assert after.current is not None and after.current.text == "修正した回答\n二行目"
            assert after.current.author == ME
        elif action == "withdraw":
            assert any(s.by == ME and s.withdrawn is not None for s in after.signoffs)
        else:
            assert after.signoffs[-1].by == ME
            assert (after.signoffs[-1].verdict == REJECT) == (action == "reject")
        assert path.read_bytes().startswith(BOM) == data.startswith(BOM)
        assert {p.name for p in path.parent.iterdir()} == before.folder


def _published(fmt: str) -> bytes:
    consultation = ConsultationFile.load(Path(__file__).parents[2] / "consultations" /
                                         "2025-jumin.toml").consultation  # fmt: skip
    return render(consultation, fmt)


SOURCES = {"md": _published("md"), "csv": _published("csv")}


@examples(30)
@given(st.sampled_from(sorted(SOURCES)).flatmap(
    lambda fmt: st.tuples(st.just(fmt), broken(SOURCES[fmt]))
))  # fmt: skip
@example(("csv", (b"\xff\xfe" + SOURCES["csv"], "UTF-16 mark")))
@example(("md", (SOURCES["md"][:300], "truncated")))
@example(("csv", (b"", "empty")))
def test_import_of_a_broken_source_writes_a_valid_file_or_nothing(
    case: tuple[str, tuple[bytes, str]],
) -> None:
    fmt, (data, _) = case
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"result.{fmt}"
        source.write_bytes(data)
        output = Path(folder) / "imported.toml"
        before = Fingerprint.of(source)
        ran = run_cli("import", source, "-o", output)
        check_outcome(ran, source)
        assert source.read_bytes() == before.data
        assert source.stat().st_mtime_ns == before.mtime_ns
        if ran.code == 2:
            assert not output.exists()
            return
        assert _loads(output), ran
        validated = run_cli("validate", output)
        assert validated.code in (0, 1), validated


@examples(6)
@given(broken_files.filter(lambda case: len(case[0]) > 0))
def test_the_tui_opens_what_loads_and_acts_on_it(case: tuple[bytes, str]) -> None:
    """For a sample of broken files that still load: the app opens, moves, approves and
    quits without an error, and the file is the old one or a valid new one."""
    data, _ = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.toml"
        path.write_bytes(data)
        try:
            file = ConsultationFile.load(path)
        except LoadError:
            return
        from pctui.app.review_app import ReviewApp

        app = ReviewApp(file, ME, watch_interval=None)

        async def drive() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                for key in ("j", "a", "G", "a", "q"):
                    await pilot.press(key)
                    await pilot.pause()

        asyncio.run(drive())
        assert app.return_code in (None, 0)
        if path.read_bytes() != data:
            assert _loads(path)


def _large() -> tuple[bytes, int]:
    """A generated file a little over the preview size, and where its preview ends."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.toml"
        generate.write(path, PREVIEW_ITEMS + 20)
        data = path.read_bytes()
    starts = [m.start() for m in re.finditer(rb"(?m)^\[\[items\]\]$", data)]
    return data, starts[PREVIEW_ITEMS]


LARGE, PREVIEW_END = _large()


def _run_app_headless(
    file: ConsultationFile, login: str | None = None, **settings: object
) -> list[Problem]:
    """What `pctui open` runs, headless: until the whole file is read (or found broken).
    The theme `pctui open` passes on (`settings`) plays no part here."""
    from pctui.app.review_app import ReviewApp

    app = ReviewApp(file, ME, watch_interval=None)

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):
                await pilot.pause()
                await app.workers.wait_for_complete()
                if app.file.complete or app.return_code is not None:
                    break
            if app.return_code is None:
                await pilot.press("q")

    asyncio.run(drive())
    return app.load_problems


@examples(4)
@given(broken(LARGE[PREVIEW_END:]))
@example((LARGE[PREVIEW_END:][:-500], "truncated"))
def test_a_large_file_broken_after_its_preview_closes_the_tui_with_its_problems(
    tail: tuple[bytes, str],
) -> None:
    """`pctui open` shows a large file's first items at once and reads the rest in the
    background; when the rest is broken the app closes and the problems are printed."""
    data = LARGE[:PREVIEW_END] + tail[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.toml"
        path.write_bytes(data)
        before = Fingerprint.of(path)
        with mock.patch("pctui.app.run.run_app", _run_app_headless):
            opened = run_cli("open", path)
        check_outcome(opened, path, allowed=(0, 2))
        assert (opened.code == 0) == _loads(path), opened
        assert Fingerprint.of(path) == before


PCTUI = Path(sys.executable).parent / "pctui"
REAL_CASES = {
    "truncated": SAMPLE[: len(SAMPLE) // 2],
    "bad-utf8": SAMPLE.replace("回答".encode(), b"\xe5\x9b", 1),
    "bom-crlf-dup-table": BOM + SAMPLE.replace(b"\n", b"\r\n").replace(
        b"[consultation]", b"[consultation]\r\n[consultation]", 1),
    "wrong-type": SAMPLE.replace(b'stages = ["', b'stages = 3 #["', 1),
}  # fmt: skip


REAL_RUNS = [  # one command per broken file keeps this to a handful of process starts
    ("truncated", ["validate"]),
    ("truncated", ["publish", "--draft"]),
    ("bad-utf8", ["open"]),
    ("bom-crlf-dup-table", ["status", "--json"]),
    ("wrong-type", ["signoff", "--item", "4"]),
]


@pytest.mark.skipif(not PCTUI.exists(), reason="needs the installed pctui command")
@pytest.mark.parametrize(("name", "command"), REAL_RUNS)
def test_the_real_command_on_broken_files(name: str, command: list[str], tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(REAL_CASES[name])
    before = Fingerprint.of(path)
    done = subprocess.run([PCTUI, command[0], path, *command[1:]], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL, check=False)  # fmt: skip
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith(f"{path}:"), done.stderr
    check_outcome(Ran(done.returncode, done.stdout, done.stderr), path)
    assert "\x1b[" not in done.stdout  # no screen was drawn
    assert Fingerprint.of(path) == before
