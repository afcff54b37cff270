"""The Markdown published from the sample, every item approved, says what the seed says.

Approvals go through the model (`sign`) as the sample's reviewers would give them; a request
for changes is withdrawn by its signer first. Then every opinion and response of the seed
must appear word for word, in order (runs of white space aside: the seed is a PDF copy), and
the header facts must be the seed's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pctui.model.actions import Refused, sign, withdraw
from pctui.model.records import REJECT, Consultation
from pctui.model.state import APPROVED, item_state, standings
from pctui.publish import render, unapproved
from pctui.storage import ConsultationFile

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"
REVIEWERS = ("tanaka", "yamada", "suzuki", "sato")


def _seed() -> str:
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "seeds" / "000_79f03315a8e91a6a.txt"
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("the seed document is not beside the repository")


def approve_all(consultation: Consultation) -> None:
    """Bring every item to approved by signing as the sample's reviewers."""
    review = consultation.review
    for item in consultation.items:
        for standing in standings(item, review):
            if standing.counts and standing.signoff.verdict == REJECT:
                withdraw(consultation, item.no, standing.signoff.by)
        for _ in review.stages:
            if item_state(item, review) == APPROVED:
                break
            for login in REVIEWERS:
                try:
                    sign(consultation, item.no, login)
                    break
                except Refused:
                    continue
        assert item_state(item, review) == APPROVED, f"No.{item.no} could not be approved"


def _flat(text: str) -> str:
    """Text as compared: tags and <br> as spaces, Markdown escapes and entities undone."""
    text = re.sub(r"</?p>|<br>", " ", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def _seed_rows(seed: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in seed.splitlines():
        cells = line.split("\t")
        if len(cells) == 3 and cells[0].isdigit():
            rows.append((cells[0], _flat(cells[1]), _flat(cells[2])))
    return rows


def _published_rows(markdown: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in markdown.splitlines():
        match = re.match(r"^\| (\d+) \| (.*) \|$", line)
        if match:
            cells = re.split(r"(?<!\\) \| ", match.group(2))
            rows.append((match.group(1), _flat(cells[0]), _flat(cells[1])))
    return rows


@pytest.fixture
def approved_markdown(tmp_path: Path) -> str:
    if not SAMPLE.exists():
        pytest.skip("consultations/2025-jumin.toml is not there yet")
    consultation = ConsultationFile.load(SAMPLE).consultation
    approve_all(consultation)
    assert unapproved(consultation) == []
    return render(consultation, "md").decode("utf-8")


def test_every_opinion_and_response_word_for_word_in_order(approved_markdown: str) -> None:
    seed_rows = _seed_rows(_seed())
    assert len(seed_rows) == 10
    assert _published_rows(approved_markdown) == seed_rows


def test_the_header_facts_are_the_seeds(approved_markdown: str) -> None:
    seed = _seed()
    md = approved_markdown
    title = seed.strip().splitlines()[0].removeprefix("# ")
    assert md.startswith(f"# {title}\n")
    for fact in (
        "令和7年11月12日（水）～令和7年12月11日（木）",
        "ア デジタル戦略推進局スマートシティ推進部住民情報課（本庁舎2階）",
        "イ 市政刊行物コーナー（本庁舎2階）",
        "ウ 各区役所総務企画課（広聴係）",
        "札幌市公式ホームページによる公開",
        "<http://www.city.sapporo.jp/shimin/koseki/mynumber/pia.html>",
        "郵送、持参、FAX、電子メール",
        "1 団体",
        "10件",
        "ご意見の概要とそれに対する札幌市の考え方",
        "(令和7年11月12日～12月11日実施)",
        "1 住民基本台帳事務に関する特定個人情報保護評価に対するご意見",
        "2 制度全体に関するご意見",
    ):
        assert fact in seed, fact  # the fact is the seed's …
        assert fact in md, fact  # … and the published result says it too
    assert "| 提出方法 | 郵送 | 持参 | FAX | 電子メール | 合計 |" in md
    assert "| 提出者数 | 1 | 0 | 0 | 0 | 1 |" in md
    assert md.rstrip().endswith("### 2 制度全体に関するご意見\n\nなし")
