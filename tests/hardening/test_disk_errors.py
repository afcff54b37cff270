"""A full disk, a read-only file system, a file or folder one may not write.

In each case: a message a person can act on (the CLI exits 1 with it, the TUI notifies),
the file on disk byte for byte as it was and never truncated, no temporary file left, and
in the TUI the change kept in memory and written by the next action (or on quitting).
The faults are injected into the system calls of the save (os.write, os.fsync, os.open,
os.replace) for the temporary file only; where root may mount, a real full tmpfs and a
real read-only mount are used as well.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.app.conftest import RecordingApp
from tests.hardening.files import ME, Fingerprint, run_cli, sample_bytes

from pctui.model.actions import sign
from pctui.session.editor import EditorResult
from pctui.storage import ConsultationFile, SaveError

FAULTS = {
    "write": errno.ENOSPC,  # the disk fills while the copy is written
    "fsync": errno.EIO,  # the device fails to flush (or NFS reports a full disk late)
    "open": errno.EROFS,  # the file system was remounted read-only
    "replace": errno.EACCES,  # the folder's permissions changed
}
SAYS = {
    errno.ENOSPC: "the disk is full; nothing was written (free space, then act again)",
    errno.EIO: "could not write (Input/output error); nothing was written",
    errno.EROFS: "the file system is read-only; nothing was written",
    errno.EACCES: "permission denied; nothing was written",
}


def _is_temp(target: Any) -> bool:
    if isinstance(target, int):
        try:
            target = os.readlink(f"/proc/self/fd/{target}")
        except OSError:
            return False
    return str(target).endswith(".tmp")


class Disk:
    """Fails one system call of saves (on temporary files only) until `heal()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.failing: dict[str, int] = {}
        real = {name: getattr(os, name) for name in FAULTS}

        def fault(name: str) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                code = self.failing.get(name)
                if code is not None and _is_temp(args[0]):
                    if name == "write" and len(args[1]) > 1:
                        real["write"](args[0], bytes(args[1][: len(args[1]) // 2]))
                    raise OSError(code, os.strerror(code))
                return real[name](*args, **kwargs)

            return call

        for name in FAULTS:
            monkeypatch.setattr(os, name, fault(name))

    def fail(self, call: str, code: int | None = None) -> None:
        """Make `call` fail with `code` (by default the fault FAULTS names for it)."""
        self.failing[call] = code if code is not None else FAULTS[call]

    def heal(self) -> None:
        """Let every call succeed again."""
        self.failing.clear()


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    """The disk the saves go to, able to fail on demand."""
    return Disk(monkeypatch)


def _temps(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]


# --- storage -------------------------------------------------------------------------------


@pytest.mark.parametrize("call", sorted(FAULTS))
def test_a_failed_save_keeps_the_file_and_the_change(call: str, disk: Disk, path: Path) -> None:
    before = Fingerprint.of(path)
    file = ConsultationFile.load(path)
    disk.fail(call)
    with pytest.raises(SaveError) as caught:
        file.transact(10, lambda c: sign(c, 10, ME))
    assert str(caught.value) == f"{path}: {SAYS[FAULTS[call]]}" or (
        FAULTS[call] == errno.EACCES and str(caught.value).startswith(f"{path}: permission")
    )
    assert Fingerprint.of(path) == before  # not truncated, not replaced, no temp file left
    assert file.pending == 1
    assert file.consultation.item(10).signoffs[-1].by == ME  # type: ignore[union-attr]
    disk.heal()
    file.transact(9, lambda c: sign(c, 9, ME))  # the next action writes both
    assert file.pending == 0
    on_disk = ConsultationFile.load(path).consultation
    assert [item.signoffs[-1].by for item in on_disk.items if item.no in (9, 10)] == [ME, ME]
    assert _temps(path) == []


def test_a_kept_change_is_written_by_save_pending(disk: Disk, path: Path) -> None:
    file = ConsultationFile.load(path)
    disk.fail("write")
    with pytest.raises(SaveError):
        file.transact(10, lambda c: sign(c, 10, ME))
    with pytest.raises(SaveError):
        file.save_pending()  # still full
    assert file.pending == 1
    disk.heal()
    file.save_pending()
    assert file.pending == 0
    item = ConsultationFile.load(path).consultation.item(10)
    assert item is not None and item.signoffs[-1].by == ME


def test_a_read_only_file_is_not_replaced_even_by_root(path: Path) -> None:
    """Replacing by rename needs only the folder's permission; the file's own is honoured."""
    path.chmod(0o444)
    before = Fingerprint.of(path)
    file = ConsultationFile.load(path)
    with pytest.raises(SaveError) as caught:
        file.transact(10, lambda c: sign(c, 10, ME))
    assert str(caught.value) == (
        f"{path}: the file is read-only; nothing was written (chmod u+w to allow changes)"
    )
    assert Fingerprint.of(path) == before
    path.chmod(0o644)
    file.transact(9, lambda c: sign(c, 9, ME))
    assert len(ConsultationFile.load(path).consultation.items[9].signoffs) == 1


def test_a_folder_that_cannot_be_locked_is_a_save_error(path: Path, monkeypatch) -> None:
    file = ConsultationFile.load(path)
    real_open = os.open

    def no_folder(target: Any, flags: int, *args: Any) -> int:
        if flags & os.O_DIRECTORY:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(target, flags, *args)

    monkeypatch.setattr(os, "open", no_folder)
    with pytest.raises(SaveError, match="permission denied"):
        file.transact(10, lambda c: sign(c, 10, ME))


# --- the command line ----------------------------------------------------------------------


COMMANDS = {
    "signoff": ["signoff", "{path}", "--item", "10"],
    "reject": ["signoff", "{path}", "--item", "10", "--reject", "--comment", "根拠を"],
    "revise": ["revise", "{path}", "--item", "10", "--text", "新しい回答"],
    "withdraw": ["withdraw", "{path}", "--item", "10"],
    "publish": ["publish", "{path}", "--draft", "--format", "md,csv"],
    "import": ["import", "{source}", "-o", "{folder}/new.toml"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("call", ["write", "open"])
def test_commands_say_why_and_exit_1(command: str, call: str, disk: Disk, path: Path) -> None:
    if command == "withdraw":  # something to withdraw first
        assert run_cli("signoff", path, "--item", "10").code == 0
    source = path.parent.parent / "result.csv"
    source.write_text("No,ご意見,考え方\n1,意見,回答\n", encoding="utf-8")
    before = Fingerprint.of(path)
    argv = [a.format(path=path, source=source, folder=path.parent) for a in COMMANDS[command]]
    disk.fail(call)
    ran = run_cli(*argv)
    assert ran.code == 1, ran
    assert SAYS[FAULTS[call]] in ran.err
    assert ran.err.splitlines()[-1].startswith("pctui: ") and "Traceback" not in ran.err
    assert Fingerprint.of(path) == before
    disk.heal()
    assert run_cli(*argv).code == 0


# --- the TUI -------------------------------------------------------------------------------


def _drive(app: RecordingApp, script: Callable[[Any], Any]) -> None:
    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await script(pilot)
            await pilot.pause()

    asyncio.run(main())


def test_the_tui_keeps_a_change_it_could_not_save_and_writes_it_next_time(
    disk: Disk, path: Path
) -> None:
    before = Fingerprint.of(path)
    app = RecordingApp(ConsultationFile.load(path), ME, watch_interval=None)

    async def script(pilot: Any) -> None:
        disk.fail("write")
        await pilot.press("G", "a")  # No.10
        severity, message = app.last_said()
        assert severity == "error"
        assert SAYS[errno.ENOSPC] in message
        assert message.endswith("The change is kept and is written with your next action.")
        assert Fingerprint.of(path) == before
        kept = app.file.consultation.item(10)
        assert kept is not None and kept.signoffs[-1].by == ME  # shown as signed meanwhile
        disk.heal()
        await pilot.press("k", "a")  # No.9: saved, and No.10 with it
        assert app.last_said()[0] == "information"

    _drive(app, script)
    on_disk = ConsultationFile.load(path).consultation
    assert [len(on_disk.items[i].signoffs) for i in (8, 9)] == [1, 1]
    assert _temps(path) == []


def test_quitting_writes_a_kept_change_or_asks_again(disk: Disk, path: Path) -> None:
    before = Fingerprint.of(path)
    app = RecordingApp(ConsultationFile.load(path), ME, watch_interval=None)

    async def script(pilot: Any) -> None:
        disk.fail("replace", errno.EROFS)
        await pilot.press("G", "a")
        await pilot.press("q")  # the save fails again: not gone yet, and told why
        assert app.is_running
        severity, message = app.last_said()
        assert severity == "error"
        assert "read-only" in message
        assert message.endswith(
            "1 change kept in memory would be lost; quit again to leave without it."
        )
        disk.heal()
        await pilot.press("q")  # asked again: leaves (no second try)

    _drive(app, script)
    assert app.return_code == 0
    assert Fingerprint.of(path) == before  # what could not be saved was not half-saved

    file = ConsultationFile.load(path)
    app = RecordingApp(file, ME, watch_interval=None)

    async def heal_then_quit(pilot: Any) -> None:
        disk.fail("write")
        await pilot.press("G", "a")
        disk.heal()
        await pilot.press("ctrl+q")  # Textual's own quit key takes the same way out

    _drive(app, heal_then_quit)
    assert file.pending == 0
    assert ConsultationFile.load(path).consultation.items[9].signoffs[-1].by == ME


def test_a_read_only_file_in_the_tui(path: Path) -> None:
    path.chmod(0o444)
    app = RecordingApp(ConsultationFile.load(path), ME, watch_interval=None)

    async def script(pilot: Any) -> None:
        await pilot.press("G", "a")
        assert "the file is read-only" in app.last_said()[1]
        path.chmod(0o644)
        await pilot.press("k", "a")

    _drive(app, script)
    on_disk = ConsultationFile.load(path).consultation
    assert [len(on_disk.items[i].signoffs) for i in (8, 9)] == [1, 1]


# --- real file systems (root may mount a tmpfs) --------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs mounted for this test; skipped where mounting is not allowed."""
    where = tmp_path / "mnt"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


PCTUI = Path(sys.executable).parent / "pctui"


def _pctui(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PCTUI, *map(str, args)], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, check=False)  # fmt: skip


@pytest.mark.skipif(not PCTUI.exists(), reason="needs the installed pctui command")
def test_a_really_full_disk(small_disk: Path) -> None:
    path = small_disk / "2025-jumin.toml"
    path.write_bytes(sample_bytes())
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    before = Fingerprint.of(path)
    done = _pctui("signoff", path, "--item", "10")
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"pctui: {path}: {SAYS[errno.ENOSPC]}\n"
    assert Fingerprint.of(path) == before
    filler.unlink()
    assert _pctui("signoff", path, "--item", "10").returncode == 0
    assert _temps(path) == []


@pytest.mark.skipif(not PCTUI.exists(), reason="needs the installed pctui command")
def test_a_really_read_only_file_system(small_disk: Path) -> None:
    path = small_disk / "2025-jumin.toml"
    path.write_bytes(sample_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = Fingerprint.of(path)
    for argv in (
        ("signoff", path, "--item", "10"),
        ("revise", path, "--item", "10", "--text", "x"),
    ):
        done = _pctui(*argv)
        assert done.returncode == 1, done.stderr
        assert done.stderr == f"pctui: {path}: {SAYS[errno.EROFS]}\n"
    assert Fingerprint.of(path) == before
    assert _pctui("validate", path).returncode == 0


def test_a_hang_up_writes_a_kept_change_before_leaving(disk: Disk, path: Path) -> None:
    app = RecordingApp(ConsultationFile.load(path), ME, watch_interval=None)

    async def script(pilot: Any) -> None:
        disk.fail("write")
        await pilot.press("G", "a")
        disk.heal()  # space freed, then the connection drops
        app.hang_up()

    _drive(app, script)
    assert app.return_code == 129
    assert ConsultationFile.load(path).consultation.items[9].signoffs[-1].by == ME


@pytest.mark.parametrize("dropped", [True, False])
def test_an_edit_left_by_a_dropped_connection_is_not_saved(
    dropped: bool, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor ($VISUAL) ran when the connection dropped: what it left is not saved."""
    before = Fingerprint.of(path)
    app = RecordingApp(ConsultationFile.load(path), ME, watch_interval=None)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # headless: no terminal to lend

    def editor(text: str, name: str) -> EditorResult:
        if dropped:
            app.hung_up.set()  # as the hang-up guard does, from its thread
        return EditorResult(text + "（途中まで）")

    monkeypatch.setattr("pctui.app.screens.response_edits.run_editor", editor)

    async def script(pilot: Any) -> None:
        await pilot.press("G", "E")

    _drive(app, script)
    assert (Fingerprint.of(path) == before) == dropped
