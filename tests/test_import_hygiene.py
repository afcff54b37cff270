"""The core never imports a UI library: each package is imported alone in a fresh interpreter.

Importing in the test process would prove nothing (pytest or another test may already have
imported Textual), so each import runs in its own subprocess and reports `sys.modules`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

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


# What `pctui status` and `pctui validate` of a plain format-1 file must not import: each
# is imported only where it is used (saving, publishing, importing, git, the TUI, the
# board, JSON, a zone the file names, a typo's hint), and each cost those commands'
# start-up (issue 19: a command's time on a small national file is mostly its start).
NOT_FOR_READING = (
    "textual", "rich", "tomlkit", "openpyxl", "pdfplumber", "docx", "pygments",
    "platformdirs", "tempfile", "shutil", "zoneinfo", "difflib", "json", "shlex", "tomllib",
    "pctui.git", "pctui.publish", "pctui.importer", "pctui.intake", "pctui.app",
    "pctui.storage.layouts", "pctui.storage.preview", "pctui.storage.writer",
    "pctui.session.board", "pctui.model.opinions", "pctui.cli.json_indent",
    "inspect", "ast", "dis", "tokenize", "ipaddress", "threading", "pctui.storage.parallel",
    "importlib",
    # The records become dataclasses only when asked (base/record_class.py), and a catalog
    # is read a message at a time (pctui.mo_catalog): 2-3 ms and 3 ms of the start.
    "dataclasses", "copy", "gettext", "struct", "encodings.utf_8_sig",
)  # fmt: skip
COMMAND_PROBE = """\
import sys
from pctui.cli.entry import main
main(sys.argv[1:])
# A module pctui.cli.deferred holds a placeholder for is not imported until it is used.
loaded = sorted(n for n, m in sys.modules.items() if type(m).__name__ != "Deferred")
import json
print(json.dumps(loaded), file=sys.stderr)
"""
SMALL_FILE = """\
format = 1

[consultation]
id = "probe"
title = "計画（案）"

[review]
stages = ["担当"]

[review.reviewers]
tanaka = ["担当"]

[[sections]]
id = "1"
title = "全体"

[[items]]
no = 1
section = "1"
opinion = "意見"
"""


def modules_of(tmp_path: Path, *args: str) -> set[str]:
    """The modules a fresh interpreter holds after `pctui ARGS FILE`."""
    path = tmp_path / "c.toml"
    path.write_text(SMALL_FILE, encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", COMMAND_PROBE, *args, str(path)],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr.splitlines()[-1]))


@pytest.mark.parametrize(
    "command", [["status"], ["validate"], ["--lang", "ja", "status"], ["--lang", "en", "validate"]]
)
def test_reading_commands_import_only_what_they_use(tmp_path: Path, command: list[str]) -> None:
    loaded = modules_of(tmp_path, *command)
    assert "pctui.storage.reader" in loaded
    found = {name for name in NOT_FOR_READING if name in loaded}
    assert not found, f"pctui {command} imports {sorted(found)}"


def test_the_command_probe_would_notice_an_import(tmp_path: Path) -> None:
    # --json needs the JSON encoder: the probe must see it.
    assert "pctui.cli.json_indent" in modules_of(tmp_path, "status", "--json")


# What every command's start spares (issue 19), on a format-2 file whose sign-offs are bound
# to their basis: the bases written without the json package (its decoder), and two
# character classes that take milliseconds to compile left uncompiled while nothing needs
# them (a few kilobytes printed, a file's values all printable).
START_PROBE = """\
import sys
from pctui.cli.entry import main
main(sys.argv[1:])
seen = {"json.decoder": "json.decoder" in sys.modules}
import json
from pctui.base import inert
from pctui.model import one_line
print(json.dumps({
    **seen,
    "plain run": inert._PLAIN_RUN is not None,
    "one-line class": bool(one_line._not_one_line),
}), file=sys.stderr)
"""


@pytest.mark.parametrize("command", [["status"], ["validate"], ["status", "--board"]])
def test_the_start_spares_what_the_command_does_not_need(
    tmp_path: Path, command: list[str]
) -> None:
    from benchmarks import generate

    path = tmp_path / "grouped.toml"
    path.write_text(generate.render(generate.build(300, seed=3, shape="grouped")), "utf-8")
    assert "basis = " in path.read_text(encoding="utf-8")  # its sign-offs digest the bases
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", START_PROBE, "--lang", "en", *command, str(path)],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stderr.splitlines()[-1])
    # `validate` too: it asks the file's bytes whether any text hides a character
    # (`holds_suspect_utf8`), not the whole text matched against the run.
    assert found == {"json.decoder": False, "plain run": False, "one-line class": False}


def test_the_help_does_not_import_the_intake_registry() -> None:
    # `pctui --help` imports every command's module to list it; `publish` reads the intake
    # registry (sqlite3, the intake package) only when it runs: 0.40 -> 0.34 s of CPU.
    probe = (
        "import sys\nfrom pctui.cli.entry import main\ntry:\n    main(['--help'])\n"
        "except SystemExit:\n    pass\nprint(sorted(sys.modules), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    loaded = result.stderr.splitlines()[-1]
    assert "'pctui.cli.publish'" in loaded  # every command was listed
    assert "'sqlite3'" not in loaded and "'pctui.intake.registry'" not in loaded
    # Nor git's commits (`signoff`, `commit`) nor the migration (`migrate`): each is
    # imported by its command when it runs.
    assert "'pctui.git.commits'" not in loaded and "'pctui.storage.migrate'" not in loaded
