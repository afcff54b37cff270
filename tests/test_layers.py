"""The layer contracts of pyproject.toml hold (`lint-imports`, as CI runs it), and they are
not contracts that pass whatever the code does: a copy of the source with an upward import
and a Textual import added breaks both."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The script installed beside this interpreter by the dev extras (.venv/bin/lint-imports).
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(config: Path, source: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports with `config`, finding the pctui package in the folder `source`."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache", "--no-logo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=source,
        check=False,
    )


def test_the_source_keeps_every_contract() -> None:
    done = lint_imports(ROOT / "pyproject.toml", ROOT / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout


def test_an_upward_import_and_a_textual_import_break_the_contracts(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "pctui", source / "pctui", ignore=shutil.ignore_patterns("__pycache__")
    )
    publish = source / "pctui" / "publish" / "__init__.py"
    publish.write_text(publish.read_text(encoding="utf-8") + "\nimport pctui.git.repo\n")
    listing = source / "pctui" / "session" / "listing.py"
    listing.write_text(listing.read_text(encoding="utf-8") + "\nimport textual.app\n")
    done = lint_imports(ROOT / "pyproject.toml", source)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Contracts: 0 kept, 2 broken." in done.stdout
    assert "pctui.publish -> pctui.git.repo" in done.stdout
    assert "pctui.session.listing -> textual (l." in done.stdout
