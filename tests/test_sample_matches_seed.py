"""The sample consultation says what its seed says, and its review history is consistent.

The seed is Sapporo's published result of a public consultation (a plain-text copy, kept in
`shared/seeds/` beside the repository). This test reads the seed on its own, with nothing
from pctui, and checks the sample against it: every opinion and the current (last) revision
of every response word for word and in order, and the header facts. It then checks that
the sample is internally consistent (every digest matches the revision it names) and that
it shows a newcomer every derived state. Only the standard library and pytest are used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"
SEED = ROOT.parent / "shared" / "seeds" / "000_79f03315a8e91a6a.txt"

TOPIC = re.compile(r"^【([^】]+)】\s*")
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
PERIOD = re.compile(r"令和(\d+)年(\d+)月(\d+)日（.）～令和(\d+)年(\d+)月(\d+)日（.）")


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed document is not beside the repository ({SEED})")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    with SAMPLE.open("rb") as file:
        return tomllib.load(file)


# --- the seed, read independently ---------------------------------------------------------


def cell_text(cell: str) -> str:
    """A table cell as stored: `<p>` paragraphs joined by a blank line, else the cell as is."""
    if "<p>" not in cell:
        return cell
    assert PARAGRAPH.sub("", cell).strip() == "", f"text outside <p> in {cell!r}"
    return "\n\n".join(PARAGRAPH.findall(cell))


def seed_rows(seed: str) -> list[tuple[int, str | None, str, str]]:
    """(No., topic, opinion, response) of every table row: a number, a TAB, TAB-separated cells."""
    rows = []
    for line in seed.splitlines():
        if not re.match(r"^\d+\t", line):
            continue
        number, opinion_cell, response_cell = line.split("\t")
        opinion = cell_text(opinion_cell)
        topic = None
        if match := TOPIC.match(opinion):
            topic, opinion = match.group(1), opinion[match.end() :]
        rows.append((int(number), topic, opinion, cell_text(response_cell)))
    return rows


def heading_block(seed: str, heading: str) -> list[str]:
    """The non-blank lines after `heading` up to the next Markdown heading."""
    lines = seed.splitlines()
    start = lines.index(heading) + 1
    block = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        if line.strip():
            block.append(line)
    return block


def reiwa(year: str, month: str, day: str) -> dt.date:
    return dt.date(2018 + int(year), int(month), int(day))


# --- derived state, following the format's rules --------------------------------------------


def digest(text: str) -> str:
    normalised = unicodedata.normalize("NFC", text)
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def stages_of(review: dict[str, Any], login: str) -> list[str]:
    entry = review.get("reviewers", {}).get(login)
    if entry is None:
        return []
    return list(entry if isinstance(entry, list) else entry.get("stages", []))


def standings(item: dict[str, Any], review: dict[str, Any]) -> list[str]:
    """Standing ("valid", "stale", "withdrawn" or "invalid") of each sign-off, in file order."""
    revisions = item.get("revisions", [])
    current = len(revisions)
    self_approval = review.get("allow_self_approval", False)
    result = []
    signed: set[tuple[str, int]] = set()
    for signoff in item.get("signoffs", []):
        number = signoff["revision"]
        revision = revisions[number - 1] if 1 <= number <= current else None
        if (
            revision is None
            or signoff["stage"] not in review["stages"]
            or signoff["stage"] not in stages_of(review, signoff["by"])
            or (not self_approval and revision["author"] == signoff["by"])
            or signoff["digest"] != digest(revision["text"])
        ):
            result.append("invalid")
        elif "withdrawn" in signoff:
            result.append("withdrawn")
        elif number != current:
            result.append("stale")
        elif (signoff["by"], number) in signed:
            result.append("invalid")  # one login signs at most one stage of a revision
        else:
            signed.add((signoff["by"], number))
            result.append("valid")
    return result


def state(item: dict[str, Any], review: dict[str, Any]) -> str:
    valid = [
        signoff
        for signoff, standing in zip(item.get("signoffs", []), standings(item, review), strict=True)
        if standing == "valid"
    ]
    if any(signoff["verdict"] == "reject" for signoff in valid):
        return "changes-requested"
    approved = {signoff["stage"] for signoff in valid if signoff["verdict"] == "approve"}
    if approved >= set(review["stages"]):
        return "approved"
    return "in-review" if approved else "draft"


# --- the sample against the seed ------------------------------------------------------------


def test_every_opinion_and_current_response_is_the_seeds_word_for_word(
    seed: str, sample: dict[str, Any]
) -> None:
    rows = seed_rows(seed)
    assert [row[0] for row in rows] == list(range(1, 11))
    items = sample["items"]
    assert [item["no"] for item in items] == [row[0] for row in rows]
    for item, (number, topic, opinion, response) in zip(items, rows, strict=True):
        assert item.get("topic") == topic, f"No.{number} topic"
        assert item["opinion"] == opinion, f"No.{number} opinion"
        assert item["revisions"], f"No.{number} has no revision"
        assert item["revisions"][-1]["text"] == response, f"No.{number} current response"
        assert item["section"] == "1", f"No.{number} section"


def test_the_header_facts_are_the_seeds(seed: str, sample: dict[str, Any]) -> None:
    facts = sample["consultation"]
    assert sample["format"] == 1
    assert seed.strip().splitlines()[0] == f"# {facts['title']} 寄せられたご意見と本市の考え方"

    period = PERIOD.fullmatch(heading_block(seed, "## 1 意見の募集期間")[0])
    assert period is not None
    assert facts["opened"] == reiwa(*period.groups()[:3]) == dt.date(2025, 11, 12)
    assert facts["closed"] == reiwa(*period.groups()[3:]) == dt.date(2025, 12, 11)

    offices = [
        re.sub(r"^[アイウエオカキクケコ] ", "", line)
        for line in heading_block(seed, "### (1) 市役所等での配布")
    ]
    assert len(offices) == 3
    web = heading_block(seed, "### (2) 札幌市公式ホームページによる公開")
    assert facts["places"] == offices
    assert web == [f"<{facts['url']}>"]

    methods = heading_block(seed, "## 3 意見の受付方法")[0].split("、")
    assert sample["intake"]["methods"] == methods == ["郵送", "持参", "FAX", "電子メール"]

    header, counts = (
        line.split("\t") for line in heading_block(seed, "### (2) 意見の受付方法別内訳")
    )
    assert header[0] == "提出方法" and counts[0] == "提出者数" and header[-1] == "合計"
    by_method = {method: int(n) for method, n in zip(header[1:-1], counts[1:-1], strict=True)}
    submitters = sample["intake"]["submitters"]
    assert submitters == by_method
    assert sum(submitters.values()) == int(counts[-1]) == 1

    total, unit = heading_block(seed, "### (1) 提出者数")[0].split(" ")
    assert sum(submitters.values()) == int(total)
    assert sample["intake"]["submitter_unit"] == unit == "団体"

    opinions = heading_block(seed, "### (3) 意見総数")[0]
    assert opinions == "10件"
    assert sum(item.get("count", 1) for item in sample["items"]) == 10


def test_both_sections_are_there_and_the_second_is_empty(seed: str, sample: dict[str, Any]) -> None:
    sections = {section["id"]: section["title"] for section in sample["sections"]}
    assert list(sections) == ["1", "2"]
    assert f"1 {sections['1']}" in seed.splitlines()
    assert heading_block(seed, f"## 2 {sections['2']}") == ["なし"]
    assert {item["section"] for item in sample["items"]} == {"1"}


# --- the sample's own consistency -----------------------------------------------------------


def test_every_signoff_digest_matches_the_revision_it_names(sample: dict[str, Any]) -> None:
    for item in sample["items"]:
        revisions = item["revisions"]
        for signoff in item.get("signoffs", []):
            number = signoff["revision"]
            assert 1 <= number <= len(revisions), f"No.{item['no']}: no revision {number}"
            revision = revisions[number - 1]
            assert signoff["digest"] == digest(revision["text"]), f"No.{item['no']} r{number}"
            assert signoff["at"] > revision["at"], f"No.{item['no']}: signed before written"


def test_revisions_are_in_time_order(sample: dict[str, Any]) -> None:
    for item in sample["items"]:
        times = [revision["at"] for revision in item["revisions"]]
        assert times == sorted(times) and len(set(times)) == len(times), f"No.{item['no']}"
        assert all(time.date() > sample["consultation"]["closed"] for time in times)


def test_no_signoff_in_the_sample_is_invalid(sample: dict[str, Any]) -> None:
    review = sample["review"]
    assert review["allow_self_approval"] is False
    for item in sample["items"]:
        assert "invalid" not in standings(item, review), f"No.{item['no']}"


def test_the_sample_shows_every_state_and_a_stale_signoff(sample: dict[str, Any]) -> None:
    review = sample["review"]
    states = {item["no"]: state(item, review) for item in sample["items"]}
    for wanted in ("draft", "in-review", "changes-requested", "approved"):
        assert wanted in states.values(), f"no item is {wanted}: {states}"
    stale = [item["no"] for item in sample["items"] if "stale" in standings(item, review)]
    assert any(states[no] == "draft" for no in stale), "no draft shows a stale sign-off"
