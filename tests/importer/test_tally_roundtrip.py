"""A result whose table by method was tallied from a registry (提出通数 above 提出者数, the
note under it when the total counts a person once) reads back: the submissions and the
distinct total come back into [intake], the note is not taken for a title or reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.console import pctui
from tests.session.format_two_file import write_format_two

from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.intake.tally import tally, write_tally
from pctui.storage import ConsultationFile

# Fake senders; 架空 一郎 writes by e-mail and by FAX: 3 submissions, 2 people.
SENT = [
    ("1", "電子メール", "架空 一郎", "架空市1-1", "ichiro@example.com"),
    ("2", "FAX", "架空 一郎", "架空市1-1", ""),
    ("3", "郵送", "架空 花子", "架空市2-2", ""),
]


@pytest.fixture
def tallied(tmp_path: Path) -> Path:
    path = write_format_two(tmp_path / "2026-churin.toml")
    file = ConsultationFile.load(path)
    where = registry_path(path, file.consultation)
    with Registry.open(where, shared_with=path) as registry:
        registry.add(
            Incoming(Submission(n, method=m, name=na, address=ad, email=em, raw="意見。"), n)
            for n, m, na, ad, em in SENT
        )
        assert write_tally(file, tally(registry, file.consultation), login="tanaka")
    return path


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_the_tallied_table_reads_back(tallied: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    assert pctui("publish", tallied, "--draft", "--out", out).returncode == 0
    target = tmp_path / f"back-{fmt}.toml"
    done = pctui("import", out / f"2026-churin.{fmt}", "-o", target, "--lang", "en")
    assert done.returncode in (0, 1), done.stderr
    assert "not read" not in done.stderr and "not the sum" not in done.stderr
    back = ConsultationFile.load(target).consultation
    assert back.meta.title == "駐輪場整備計画（案）"
    assert back.intake.submissions == {"電子メール": 1, "FAX": 1, "郵送": 1}
    assert back.intake.submitters == {"電子メール": 1, "FAX": 1, "郵送": 1}
    assert back.intake.submitters_total == 2
    assert back.intake.published_submitters is None
