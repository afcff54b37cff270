"""`pctui signoff --basis DIGEST`: the CLI twin of the TUI's guard on format-2 opinions and
summary (e841ace). A script reads an item's basis from `status --json`; when the opinions
or summary changed before its sign-off is saved, the sign-off is refused (exit 1) and the
file is byte for byte as it was (the CLI only had --revision, which a moved opinion or a
new summary does not change)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pctui.model.digest import basis_digest
from pctui.storage import ConsultationFile

Run = Callable[..., subprocess.CompletedProcess[str]]


def _bases(pctui: Run, path: Path) -> dict[int, str]:
    done = pctui("status", "--json", path)
    assert done.returncode == 0, done.stderr
    return {row["no"]: row["basis"] for row in json.loads(done.stdout)["items"]}


@pytest.fixture
def format_two(pctui: Run, small: Path) -> Path:
    assert pctui("migrate", small).returncode == 0
    return small


def test_status_json_prints_each_item_s_basis(pctui: Run, format_two: Path) -> None:
    assert pctui("signoff", format_two, "--item", "4").returncode == 0  # a valid one, bound
    items = ConsultationFile.load(format_two).consultation.items
    assert _bases(pctui, format_two) == {item.no: basis_digest(item) for item in items}


def test_a_summary_written_since_refuses_the_sign_off(pctui: Run, format_two: Path) -> None:
    read = _bases(pctui, format_two)[2]
    assert pctui("summary", format_two, "--item", "2", "要旨を書き直しました").returncode == 0
    before = format_two.read_bytes()
    for verdict in ([], ["--reject", "--comment", "再考"]):
        done = pctui("signoff", format_two, "--item", "2", "--basis", read, *verdict)
        assert (done.returncode, done.stdout) == (1, "")
        assert done.stderr == (
            "pctui: refused: No.2 changed meanwhile: its opinions or their summary changed "
            "since you read them; read them again, then sign\n"
        )
        assert format_two.read_bytes() == before
    now = _bases(pctui, format_two)[2]
    done = pctui("signoff", format_two, "--item", "2", "--basis", now)
    assert done.returncode == 0, done.stderr


def test_an_item_merged_in_since_refuses_the_sign_off(pctui: Run, format_two: Path) -> None:
    read = _bases(pctui, format_two)[4]
    merged = pctui("merge-items", format_two, "--item", "3", "--into", "4")
    assert merged.returncode == 0, merged.stderr
    before = format_two.read_bytes()
    done = pctui("signoff", format_two, "--item", "4", "--basis", read)
    assert done.returncode == 1 and "No.4 changed meanwhile" in done.stderr
    assert format_two.read_bytes() == before


@pytest.mark.parametrize("value", ["sha256:abc", "d7477e90"])
def test_a_value_that_is_no_digest_is_a_bad_argument(
    pctui: Run, format_two: Path, value: str
) -> None:
    before = format_two.read_bytes()
    done = pctui("signoff", format_two, "--item", "2", "--basis", value)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"pctui: argument --basis: {value!r} is not a digest as status --json prints it "
        "(sha256:…)\n"
    )
    assert format_two.read_bytes() == before


def test_a_format_one_file_has_no_basis_to_compare(pctui: Run, small: Path) -> None:
    before = small.read_bytes()
    done = pctui("signoff", small, "--item", "2", "--basis", "sha256:" + "0" * 64)
    assert done.returncode == 2 and "is in format 1" in done.stderr
    assert small.read_bytes() == before
