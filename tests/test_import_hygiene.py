"""The core never imports a UI library: each package is imported alone in a fresh interpreter.

Importing in the test process would prove nothing (pytest or another test may already have
imported Textual), so each import runs in its own subprocess and reports `sys.modules`.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

UI_LIBRARIES = ("textual", "rich")
CORE = [
    "pctui.base",
    "pctui.model",
    "pctui.storage",
    "pctui.session.listing",
    "pctui.session.operations",
    "pctui.session.keymap",
    "pctui.session.hangup",
    "pctui.cli.entry",
]
LATER = [
    "pctui.git",
    "pctui.publish",
    "pctui.importer",
    "pctui.intake",
    "pctui.theming",
    "pctui.cli.themes",
]  # tested once they exist

PROBE = """\
import importlib, json, sys
importlib.import_module(sys.argv[1])
loaded = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps(loaded))
"""


def present(module: str) -> bool:
    """True when `module` can be found (without importing it here)."""
    return importlib.util.find_spec(module) is not None


MODULES = [
    pytest.param(name, marks=[] if name in CORE or present(name) else [pytest.mark.skip(
        reason=f"{name} does not exist yet")])
    for name in CORE + LATER
]  # fmt: skip


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_no_ui_library(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, module], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert f"{module.split('.')[0]}" in loaded
    assert loaded.isdisjoint(UI_LIBRARIES), f"{module} imports {loaded & set(UI_LIBRARIES)}"


def test_the_probe_would_notice_a_ui_import() -> None:
    # Guard against a probe that can never fail: importing Textual itself must be caught.
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "textual.app"], capture_output=True, text=True, check=True
    )
    assert "textual" in json.loads(result.stdout)
