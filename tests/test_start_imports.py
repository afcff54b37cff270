"""The start of `pctui --help` and of the intake commands imports only what they use (issue 19).

A help lists the commands and their options; `pctui intake …` reads the registry and a CSV.
Neither needs the file's reader, the model's actions nor the published-result reader, which
were a third to a half of their start. Each probe runs in a fresh interpreter (what the test
process has imported proves nothing) and lists `sys.modules` after the command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """\
import sys
from pctui.cli.entry import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
loaded = sorted(sys.modules)
import json
print(json.dumps(loaded), file=sys.stderr)
"""

# What reading a published result needs (the opinion table's reader, the header's, the
# text's, the PDF's and Word's): only `pctui import` running uses it.
RESULT_READER = {
    "pctui.importer.source", "pctui.importer.table", "pctui.importer.header_parts",
    "pctui.importer.text", "pctui.importer.pdf", "pctui.importer.word", "pctui.importer.build",
}  # fmt: skip
# What loading a consultation file needs, and the model's actions on it.
FILE_READER = {
    "pctui.storage.consultation_file", "pctui.storage.reader", "pctui.storage.header_schema",
    "pctui.model.actions", "pctui.model.records", "tomlkit",
}  # fmt: skip


def modules_after(folder: Path, *args: str | Path) -> set[str]:
    """The modules a fresh interpreter holds after `pctui ARGS` run in `folder`."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, args)],
        capture_output=True, text=True, check=False, cwd=folder, env=env,
    )  # fmt: skip
    import json

    return set(json.loads(done.stderr.splitlines()[-1]))


# What the commands' own work needs, which `pctui --help` lists them without: the
# publisher's renderers and checks, git's audit, merge and history, the themes' catalog.
COMMANDS_WORK = {
    "pctui.publish.files", "pctui.publish.completeness", "pctui.publish.document",
    "pctui.git.audit", "pctui.git.merge", "pctui.git.item_history", "pctui.git.history",
    "pctui.theming.catalog",
}  # fmt: skip


def test_the_help_lists_import_without_the_result_reader(tmp_path: Path) -> None:
    loaded = modules_after(tmp_path, "--help")
    assert "pctui.cli.import_cmd" in loaded  # `import` was listed, with its fields
    assert not loaded & RESULT_READER, sorted(loaded & RESULT_READER)


def test_the_help_lists_every_command_without_its_work(tmp_path: Path) -> None:
    loaded = modules_after(tmp_path, "--help")
    assert {"pctui.cli.publish", "pctui.cli.history", "pctui.cli.audit"} <= loaded
    assert not loaded & COMMANDS_WORK, sorted(loaded & COMMANDS_WORK)


def test_the_publish_help_lists_the_formats_the_publisher_writes() -> None:
    # `publish --help` names the formats from `publish.formats`, the publisher writes those
    # of `files.RENDERERS`: the same, in the same order.
    from pctui.publish.files import RENDERERS
    from pctui.publish.formats import FORMATS

    assert tuple(RENDERERS) == FORMATS


SAME_NAME = """import sys
if sys.argv[1] != "-":
    __import__(sys.argv[1])
from pctui.git import audit
from pctui.publish import completeness
print(type(audit).__name__, type(completeness).__name__)
"""


@pytest.mark.parametrize(
    "first", ["-", "pctui.git.audit", "pctui.publish.completeness", "pctui.cli.audit",
              "pctui.cli.publish"],
)  # fmt: skip
def test_a_function_named_as_its_module_stays_the_function(first: str) -> None:
    # `pctui.git.audit` and `pctui.publish.completeness` are functions of the packages,
    # imported when first asked for; importing their module first must not make them the
    # module (which the import system binds to the package's attribute of that name).
    done = subprocess.run(
        [sys.executable, "-c", SAME_NAME, first], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["function", "function"]


@pytest.mark.parametrize(
    "args",
    [["intake", "--help"], ["intake", "import", "--help"], ["intake", "group", "--help"],
     ["intake", "status", "--help"]],
)  # fmt: skip
def test_the_intake_help_imports_neither_the_file_nor_the_importer(
    tmp_path: Path, args: list[str]
) -> None:
    loaded = modules_after(tmp_path, *args)
    assert "pctui.cli.intake_import" in loaded  # every subcommand was set up
    unused = FILE_READER | RESULT_READER | {"json", "sqlite3", "pctui.importer"}
    assert not loaded & unused, sorted(loaded & unused)


def test_intake_import_of_a_csv_does_not_load_the_result_reader(tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", tmp_path / "c.toml")
    (tmp_path / "s.csv").write_text("受付番号,意見\nA-1,計画に反対です。\n", encoding="utf-8")
    loaded = modules_after(tmp_path, "intake", "import", "c.toml", "s.csv")
    assert {"pctui.importer.grid", "pctui.intake.sources", "sqlite3"} <= loaded  # it ran
    assert not loaded & RESULT_READER, sorted(loaded & RESULT_READER)


def test_the_probe_sees_the_result_reader_where_it_is_used(tmp_path: Path) -> None:
    # `pctui import` of a text reads it with the whole importer: the probe must see that.
    (tmp_path / "r.md").write_text("| No. | 意見 | 市の考え方 |\n|---|---|---|\n", "utf-8")
    loaded = modules_after(tmp_path, "import", "r.md", "-o", "c.toml")
    assert {"pctui.importer.source", "pctui.importer.text"} <= loaded


def test_the_importer_package_offers_each_name_when_asked() -> None:
    # Its names come from their modules at first use: each must be the one the module
    # defines, and a name it does not have must not be invented.
    probe = (
        "import pctui.importer as p, sys\n"
        "for name in p.__all__:\n"
        "    value = getattr(p, name)\n"
        "    assert not isinstance(value, type(sys)), name\n"
        "print(' '.join(sorted(p.__all__)))\n"
        "try:\n    p.nothing_of_that_name\nexcept AttributeError:\n    print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    import pctui.importer
    from pctui.importer.source import read_source

    listed, refused = done.stdout.splitlines()
    assert listed.split() == sorted(pctui.importer.__all__) and refused == "refused"
    assert pctui.importer.read_source is read_source


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "c.toml"],
        ["status", "c.toml"],
        ["status", "--json", "c.toml"],
        ["--lang", "ja", "status", "c.toml"],
    ],
)
def test_a_plain_reading_command_builds_no_parser(tmp_path: Path, args: list[str]) -> None:
    # argparse, its help formatter and the `locale` its own gettext look-ups import were
    # 8-10 ms of a reading command's start (see pctui.cli.plain_argv); hashlib's setup of
    # algorithms the digests do not use, about 1 ms (see pctui.model.digest).
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", tmp_path / "c.toml")
    loaded = modules_after(tmp_path, *args)
    assert "pctui.storage.one_parse" in loaded  # it ran: the file was read
    assert "_hashlib" in loaded  # its sign-offs' digests were taken
    unused = {"argparse", "locale", "pctui.cli.helpformat", "pctui.cli.parsers", "hashlib"}
    assert not loaded & unused, sorted(loaded & unused)


def test_a_reading_command_not_plainly_given_is_parsed_by_argparse(tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", tmp_path / "c.toml")
    loaded = modules_after(tmp_path, "status", "--board", "c.toml")
    assert {"argparse", "pctui.cli.parsers", "pctui.storage.one_parse"} <= loaded
