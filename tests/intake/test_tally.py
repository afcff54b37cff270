"""The intake table computed from the registry: submitters recognised by e-mail, phone or
name with address (chained, an anonymous submission a person of its own), 通 and 人 by
method in the file's order, and the counts saved into the header's `[intake]` through the
storage layer (the lock, an atomic write, the rest of the file's bytes kept), read back
from disk; refused for a format-1 file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.session.format_two_file import write_format_two

from pctui.base.problems import LoadError
from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.intake.tally import MethodTally, people, tally, write_tally
from pctui.model.actions import Refused, revise
from pctui.storage import ConsultationFile

ROOT = Path(__file__).resolve().parents[2]

# Fake senders: example.com addresses, 555 numbers, 架空 places.
SENT = [
    # number, method, name, address, email, phone
    ("1", "電子メール", "", "", "a@example.com", ""),
    ("2", "FAX", "架空 一郎", "架空市1-1", "", "03-5555-0001"),
    ("3", "電子メール", "架空　一郎", "架空市 1-1", "A@Example.com", ""),  # 2 and 1: one person
    ("4", "郵送", "", "", "", "０３５５５５０００１"),  # 2's phone, full-width
    ("5", "", "", "", "", ""),  # anonymous
    ("6", "", "", "", "", ""),  # anonymous: another person
    ("7", "郵送", "架空 一郎", "", "", ""),  # a name alone links nothing
]


def _registry(path: Path, sent=SENT) -> Path:
    where = registry_path(path, ConsultationFile.load(path).consultation)
    with Registry.open(where, shared_with=path) as registry:
        registry.add(
            Incoming(
                Submission(n, method=m, name=na, address=ad, email=em, phone=ph, raw=f"意見{n}。"),
                f"s.csv:{n}",
            )
            for n, m, na, ad, em, ph in sent
        )
    return where


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_format_two(tmp_path / "2026-churin.toml")


def test_people_are_linked_by_email_phone_or_name_with_address() -> None:
    who = people(fields[2:] for fields in SENT)
    assert who[0] == who[1] == who[2] == who[3]
    assert len({who[0], who[4], who[5], who[6]}) == 4


def test_tally_counts_submissions_and_distinct_submitters_by_method(path: Path) -> None:
    where = _registry(path)
    consultation = ConsultationFile.load(path).consultation
    with Registry.open(where) as registry:
        counted = tally(registry, consultation)
    assert counted.methods == (
        MethodTally("電子メール", 2, 1),  # the file's methods first
        MethodTally("その他", 2, 2),  # none given: the file's language says その他
        MethodTally("郵送", 2, 2),
        MethodTally("FAX", 1, 1),
    )
    assert (counted.submissions, counted.submitters, counted.opinions) == (7, 4, 7)


def test_write_tally_saves_intake_and_keeps_the_rest_of_the_file(path: Path) -> None:
    where = _registry(path)
    before = path.read_text(encoding="utf-8")
    file = ConsultationFile.load(path)
    with Registry.open(where) as registry:
        counted = tally(registry, file.consultation)
    assert write_tally(file, counted, login="tanaka") is True
    after = path.read_text(encoding="utf-8")
    intake = ConsultationFile.load(path).consultation.intake
    assert intake.methods == ["電子メール", "その他", "郵送", "FAX"]
    assert intake.submissions == {"電子メール": 2, "その他": 2, "郵送": 2, "FAX": 1}
    assert intake.submitters == {"電子メール": 1, "その他": 2, "郵送": 2, "FAX": 1}
    assert (intake.submitters_total, intake.opinions_received) == (4, 7)
    assert intake.total_submitters == 4  # the distinct people, not the sum (6)
    start = before.index("[review]")
    assert after[after.index("[review]") :] == before[start:]  # every item's bytes kept
    assert after[: after.index("[intake]")] == before[: before.index("[intake]")]
    assert write_tally(file, counted, login="tanaka") is False  # nothing new: not written again
    assert path.read_text(encoding="utf-8") == after


def test_a_change_after_the_tally_lands_on_the_right_item(path: Path) -> None:
    where = _registry(path)
    file = ConsultationFile.load(path)
    with Registry.open(where) as registry:
        write_tally(file, tally(registry, file.consultation), login="tanaka")
    assert file.place(2, "items", 0, "no") == ConsultationFile.load(path).place(2, "items", 0, "no")
    file.transact(2, lambda c: revise(c, 2, "tanaka", "撤去を急ぎます。"))
    again = ConsultationFile.load(path)
    item = again.consultation.item(2)
    assert item is not None and item.revisions[-1].text == "撤去を急ぎます。"
    line, _ = again.place(2, "items", 0, "no")
    assert path.read_text(encoding="utf-8").splitlines()[line - 1] == "no = 2"
    assert again.consultation.intake.opinions_received == 7


def test_crlf_file_and_a_file_without_intake(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index("[intake]"), text.index("[review]")
    path.write_bytes((text[:start] + text[end:]).replace("\n", "\r\n").encode("utf-8"))
    where = _registry(path)
    file = ConsultationFile.load(path)
    with Registry.open(where) as registry:
        assert write_tally(file, tally(registry, file.consultation), login="tanaka")
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert ConsultationFile.load(path).consultation.intake.submitters_total == 4


def test_a_format_1_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", path)
    where = _registry(path)
    before = path.read_bytes()
    file = ConsultationFile.load(path)
    with Registry.open(where) as registry:
        counted = tally(registry, file.consultation)
    with pytest.raises(Refused, match="format-2"):
        write_tally(file, counted, login="tanaka")
    assert path.read_bytes() == before


def test_the_tallied_keys_belong_to_format_2(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    text = (ROOT / "consultations" / "2025-jumin.toml").read_text(encoding="utf-8")
    path.write_text(text.replace("[intake]\n", "[intake]\nsubmitters_total = 3\n", 1), "utf-8")
    with pytest.raises(LoadError) as error:
        ConsultationFile.load(path)
    assert "intake.submitters_total belongs to format 2" in str(error.value.problems[0])


def test_a_file_read_whole_gets_its_intake_table_patched(path: Path) -> None:
    """[intake] after the items: the file is not one block per item (WholeDocument)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index("[intake]"), text.index("[review]")
    intake = text[start:end]
    path.write_text(text[:start] + text[end:] + "\n" + intake, encoding="utf-8")
    where = _registry(path)
    file = ConsultationFile.load(path)
    with Registry.open(where) as registry:
        assert write_tally(file, tally(registry, file.consultation), login="tanaka")
    after = path.read_text(encoding="utf-8")
    assert after.index("[intake]") > after.index("[[items]]")  # left where it was
    again = ConsultationFile.load(path).consultation
    assert (again.intake.submitters_total, again.intake.opinions_received) == (4, 7)
    assert [item.no for item in again.items] == [1, 2, 3]
