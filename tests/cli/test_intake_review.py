"""`pctui intake review` through the console script, up to where the TUI would start:
its help, and the refusals that need no screen."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pctui.intake.registry import registry_path
from pctui.storage import ConsultationFile


def test_help_says_what_it_opens(pctui) -> None:
    done = pctui("intake", "review", "--help")
    assert done.returncode == 0 and "grouping screen" in done.stdout


def test_without_a_registry_it_says_to_import_first(sample_path: Path, pctui) -> None:
    done = pctui("intake", "review", sample_path)
    where = registry_path(sample_path, ConsultationFile.load(sample_path).consultation)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"{where}: no intake registry yet: run pctui intake import {sample_path} SOURCE first"
    )
    assert not where.exists()  # nothing created


def test_a_registry_git_tracks_is_refused(sample_path: Path, pctui) -> None:
    where = registry_path(sample_path, ConsultationFile.load(sample_path).consultation)
    where.write_bytes(b"")
    folder = sample_path.parent
    for command in (["init", "-q"], ["add", "-f", where.name]):
        subprocess.run(["git", *command], cwd=folder, check=True)
    done = pctui("intake", "review", sample_path)
    assert done.returncode == 1 and "refused" in done.stderr
    assert "Traceback" not in done.stderr
