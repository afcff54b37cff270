"""A `pctui intake` command imports what it runs, not what its five siblings would.

Every `pctui intake …` builds the parsers of all six subcommands; each subcommand's module
imports the registry, the readers or the grouping only when it runs, so that `pctui intake
group` does not load the CSV importer and the mail modules, nor an import the grouping.
Each probe runs in a fresh interpreter, which then lists `sys.modules`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """\
import json, sys
from pctui.cli.entry import build_parser, main
if sys.argv[1] == "--parser":
    build_parser("intake")
else:
    main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
RUNNING = ("pctui.intake.registry", "pctui.intake.sources", "pctui.intake.grouping",
           "pctui.intake.counts", "pctui.intake.tally", "pctui.intake.redaction_review",
           "pctui.importer", "sqlite3", "rensa", "email", "mailbox")  # fmt: skip


def modules_after(folder: Path, *args: str) -> set[str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True, text=True, check=False, cwd=folder, env=env,
    )  # fmt: skip
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_building_the_intake_parsers_imports_none_of_what_they_run(tmp_path: Path) -> None:
    loaded = modules_after(tmp_path, "--parser")
    assert "pctui.cli.intake_import" in loaded and "pctui.cli.intake_group" in loaded
    assert not loaded & set(RUNNING), sorted(loaded & set(RUNNING))


def test_each_command_imports_what_it_runs(tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", tmp_path / "c.toml")
    (tmp_path / "s.csv").write_text("受付番号,意見\nA-1,計画に反対です。\n", encoding="utf-8")
    imported = modules_after(tmp_path, "intake", "import", "c.toml", "s.csv")
    grouped = modules_after(tmp_path, "intake", "group", "c.toml", "--json")
    assert {"pctui.intake.sources", "pctui.importer", "sqlite3"} <= imported
    assert not imported & {"pctui.intake.grouping", "rensa", "email", "mailbox"}
    assert {"pctui.intake.grouping", "sqlite3"} <= grouped
    assert not grouped & {"pctui.intake.sources", "pctui.importer", "email", "mailbox"}
    # The registry runs git only to keep itself out of the repository: not the commits nor
    # the merge driver, which `pctui.git` offers by name when asked.
    git_parts = {"pctui.git.commits", "pctui.git.merge"}
    assert "pctui.git.run" in imported and not (imported | grouped) & git_parts


GIT_NAMES = """\
import sys
import pctui.git.{first}
import pctui.git
from pctui.git import {names}
print(" ".join(getattr(value, "__name__", "") for value in ({names},)))
"""


@pytest.mark.parametrize("first", ["run", "audit", "commits", "merge"])
def test_the_git_package_offers_each_name_whichever_module_came_first(first: str) -> None:
    # In a fresh interpreter, whichever module was imported first: each name is the
    # function or class it names (not a module of that name).
    import pctui.git

    names = ", ".join(pctui.git.__all__)
    probe = GIT_NAMES.format(first=first, names=names)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == pctui.git.__all__
    with pytest.raises(AttributeError):
        pctui.git.nothing_of_that_name  # noqa: B018 - the lookup is the test
