"""Editing a response in the reviewer's own editor (`E`), as git does for a commit message:
the text goes to a temporary file, $VISUAL (or $EDITOR, or vi) runs on it, the file is
read back. The caller suspends the app around `run_editor`."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pctui.i18n import _


@dataclass(frozen=True)
class EditorResult:
    """The edited text, or the reason there is none."""

    text: str | None
    problem: str = ""


def editor_command(environ: dict[str, str] | None = None) -> list[str]:
    """The editor to run, split like a shell would: $VISUAL, else $EDITOR, else vi."""
    env = os.environ if environ is None else environ
    chosen = env.get("VISUAL", "").strip() or env.get("EDITOR", "").strip() or "vi"
    return shlex.split(chosen)


def run_editor(text: str, name: str) -> EditorResult:
    """Run the editor on `text` in a temporary file called `name`; returns the text saved
    (trailing line breaks dropped, since editors add one) or why there is none."""
    command = editor_command()
    with tempfile.TemporaryDirectory(prefix="pctui-") as folder:
        path = Path(folder) / name
        path.write_text(text + "\n", encoding="utf-8")
        try:
            status = subprocess.call([*command, str(path)])
        except OSError as error:
            message = _("cannot run the editor {editor}: {error}")
            return EditorResult(None, message.format(editor=repr(command[0]), error=error.strerror))
        if status != 0:
            message = _("the editor exited with status {status}; nothing saved")
            return EditorResult(None, message.format(status=status))
        try:
            edited = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return EditorResult(
                None, _("cannot read the edited text back: {error}").format(error=error)
            )
    return EditorResult(edited.rstrip("\n"))
