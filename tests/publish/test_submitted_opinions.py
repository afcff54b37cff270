"""`pctui publish --submitted` (行政手続法 第43条: 提出意見) through the console script: the
submitted opinions' redacted public text under the item that answers them in every
format, no submitter's name, address, e-mail or phone anywhere, identical copies once
with their number, pending redactions refusing the publish unless --draft."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tests.console import pctui
from tests.session.format_two_file import add_reviewer

from pctui.git.commits import published_outputs
from pctui.model import current_login, text_digest
from pctui.storage import ConsultationFile

MARKER = "【個人情報のため削除】"

# Obviously fake people: 架空 names and places, example.com, 555 numbers.
SUBMITTER_DATA = (
    "架空 一郎", "架空県架空市1-2-3", "ichiro@example.com", "090-5555-0001",
    "架空 花子", "架空県架空町4-5-6", "hanako@example.org", "03-5555-0002",
    "架空 三郎", "架空県架空村7-8", "saburo@example.net", "06-5555-0003",
)  # fmt: skip
IN_TEXT = ("taro@example.com", "045-555-0199")  # personal data inside the opinions
SOURCE = (
    "受付番号,氏名,住所,電子メール,電話番号,意見\n"
    '2025-0001,架空 一郎,架空県架空市1-2-3,ichiro@example.com,090-5555-0001,"'
    "1. 駐輪場を増やしてほしい。連絡は taro@example.com へ。\n"
    '2. 説明会を夜にも開いてください。電話 045-555-0199"\n'
    "2025-0002,架空 花子,架空県架空町4-5-6,hanako@example.org,03-5555-0002,"
    "駅前に駐輪場を作ってください。\n"
    "2025-0003,架空 三郎,架空県架空村7-8,saburo@example.net,06-5555-0003,"
    "駅前に駐輪場を作ってください。\n"
)


def item(no: int, section: str, label: str, sources: list[str]) -> str:
    answer = f"回答{no}"
    signoffs = "".join(
        f'[[items.signoffs]]\nstage = "{stage}"\nby = "{by}"\n'
        f"at = 2025-12-02T09:00:00+09:00\nrevision = 1\n"
        f'digest = "{text_digest(answer)}"\nverdict = "approve"\n\n'
        for stage, by in (("担当", "tanaka"), ("係長", "suzuki"), ("課長", "sato"))
    )
    listed = ", ".join(f'"{s}"' for s in sources)
    return (
        f'[[items]]\nno = {no}\nsection = "{section}"\n\n'
        f'[[items.opinions]]\nlabel = "{label}"\ntext = "意見{no}の概要"\n'
        f"count = {len(sources)}\nsources = [{listed}]\n\n"
        f'[[items.revisions]]\nauthor = "kato"\nat = 2025-12-01T09:30:00+09:00\n'
        f'text = "{answer}"\n\n{signoffs}'
    )


def consultation_text(setting: str = "") -> str:
    return (
        'format = 2\n\n[consultation]\nid = "c"\ntitle = "架空駐輪場計画（案）"\n'
        'organization = "架空市"\nopened = 2025-11-01\nclosed = 2025-11-30\n'
        'url = "https://example.org/pc"\n\n'
        f'[intake]\nmethods = ["電子メール"]\nsubmitters = {{ "電子メール" = 3 }}\n{setting}\n'
        '[review]\nstages = ["担当", "係長", "課長"]\n\n[review.reviewers]\n'
        'tanaka = ["担当"]\nsuzuki = ["係長"]\nsato = ["課長"]\n\n'
        '[[sections]]\nid = "1"\ntitle = "駐輪場"\n\n[[sections]]\nid = "2"\ntitle = "説明会"\n\n'
        + item(1, "1", "1", ["2025-0001-1", "2025-0002-1", "2025-0003-1"])
        + item(2, "2", "2", ["2025-0001-2"])
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "c.toml").write_text(consultation_text(), encoding="utf-8")
    add_reviewer(tmp_path / "c.toml", current_login())  # keeping redactions is a reviewer's
    (tmp_path / "s.csv").write_text(SOURCE, encoding="utf-8")
    done = pctui("intake", "import", tmp_path / "c.toml", tmp_path / "s.csv")
    assert done.returncode == 0, done.stderr
    return tmp_path


def review_all(folder: Path) -> None:
    done = pctui("intake", "redactions", folder / "c.toml", "--keep", "1", "2")
    assert done.returncode == 0, done.stderr


def outputs_text(out: Path) -> dict[str, str]:
    """Every output file's text; the workbook's every cell and every XML part of it."""
    texts = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
            book = openpyxl.load_workbook(path)
            cells = "\n".join(
                str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r
                if c.value is not None
            )  # fmt: skip
            texts[path.name] = xml + "\n" + cells
        else:
            texts[path.name] = path.read_bytes().decode("utf-8-sig")
    return texts


def test_every_format_has_the_submitted_text_and_no_personal_data(folder: Path) -> None:
    review_all(folder)
    done = pctui("publish", folder / "c.toml", "--submitted", "--out", folder / "out")
    assert done.returncode == 0, done.stderr
    texts = outputs_text(folder / "out")
    assert sorted(texts) == ["c.csv", "c.html", "c.md", "c.submitted.csv", "c.xlsx"]
    for name, text in texts.items():
        leaked = [data for data in (*SUBMITTER_DATA, *IN_TEXT) if data in text]
        assert leaked == [], name
    for name in ("c.md", "c.html", "c.submitted.csv", "c.xlsx"):
        assert "連絡は " + MARKER + " へ。" in texts[name], name
        assert "説明会を夜にも開いてください。電話 " + MARKER in texts[name], name
    assert "連絡は" not in texts["c.csv"]  # the result's own table is as before


def test_the_submitted_texts_are_under_the_item_that_answers_them(folder: Path) -> None:
    review_all(folder)
    assert (
        pctui("publish", folder / "c.toml", "--submitted", "--format", "md,html,csv").returncode
        == 0
    )
    markdown = (folder / "c.md").read_text(encoding="utf-8")
    part = markdown.split("## 6 提出された意見", 1)[1]
    first, second = part.split("### No.2", 1)
    assert "### No.1" in first
    assert "- 駐輪場を増やしてほしい。連絡は " + MARKER + " へ。" in first
    assert "- 駅前に駐輪場を作ってください。（同文 2件）" in first  # two copies, once
    assert "説明会" not in first and "説明会を夜にも開いてください。" in second
    html = (folder / "c.html").read_text(encoding="utf-8")
    section = html.split('<h2 id="h6">6 提出された意見</h2>', 1)[1]
    assert section.index("<h3>No.1</h3>") < section.index("駐輪場を増やしてほしい")
    assert section.index("駐輪場を増やしてほしい") < section.index("<h3>No.2</h3>")
    assert section.index("<h3>No.2</h3>") < section.index("説明会を夜にも")
    with (folder / "c.submitted.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["No.", "分類", "件数", "提出された意見"]
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        ("1", "駐輪場", "1"), ("1", "駐輪場", "2"), ("2", "説明会", "1"),
    ]  # fmt: skip
    assert rows[2][3] == "駅前に駐輪場を作ってください。"


def test_the_workbook_has_a_sheet_of_submitted_opinions(folder: Path) -> None:
    review_all(folder)
    assert pctui("publish", folder / "c.toml", "--submitted", "--format", "xlsx").returncode == 0
    sheet = openpyxl.load_workbook(folder / "c.xlsx")["提出された意見"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[1] == ["1", "駐輪場", 1, "駐輪場を増やしてほしい。連絡は " + MARKER + " へ。"]
    assert rows[3][:3] == ["2", "説明会", 1]


def test_a_pending_redaction_refuses_the_publish_naming_it(folder: Path) -> None:
    done = pctui("publish", folder / "c.toml", "--submitted")
    assert done.returncode == 1
    assert "2 redactions in the submitted opinions are not reviewed (1, 2:" in done.stderr
    assert "pctui intake redactions" in done.stderr
    written = ("c.md", "c.html", "c.csv", "c.xlsx", "c.submitted.csv")
    assert not [name for name in written if (folder / name).exists()]
    check = pctui("publish", folder / "c.toml", "--submitted", "--check")
    assert check.returncode == 1


def test_a_draft_publishes_with_pending_redactions_still_removed(folder: Path) -> None:
    done = pctui("publish", folder / "c.toml", "--submitted", "--draft", "--format", "md")
    assert done.returncode == 0, done.stderr
    assert "not reviewed" in done.stderr
    markdown = (folder / "c.md").read_text(encoding="utf-8")
    assert "連絡は " + MARKER + " へ。" in markdown
    assert not [d for d in (*SUBMITTER_DATA, *IN_TEXT) if d in markdown]


def test_an_undone_redaction_publishes_the_words(folder: Path) -> None:
    assert (
        pctui("intake", "redactions", folder / "c.toml", "--keep", "2", "--undo", "1").returncode
        == 0
    )
    assert pctui("publish", folder / "c.toml", "--submitted", "--format", "md").returncode == 0
    assert "連絡は taro@example.com へ。" in (folder / "c.md").read_text(encoding="utf-8")


def test_the_setting_publishes_them_and_no_submitted_overrides_it(folder: Path) -> None:
    review_all(folder)
    file = folder / "c.toml"
    file.write_text(consultation_text("publish_submitted = true\n"), encoding="utf-8")
    assert pctui("publish", file, "--format", "md,csv").returncode == 0
    assert "## 6 提出された意見" in (folder / "c.md").read_text(encoding="utf-8")
    assert (folder / "c.submitted.csv").exists()
    assert pctui("publish", file, "--no-submitted", "--format", "md").returncode == 0
    assert "提出された意見" not in (folder / "c.md").read_text(encoding="utf-8")


def test_without_the_option_nothing_is_read_from_the_registry(folder: Path) -> None:
    review_all(folder)
    (folder / "c.intake.sqlite").write_bytes(b"not a registry")
    done = pctui("publish", folder / "c.toml", "--format", "md")
    assert done.returncode == 0, done.stderr
    assert "提出された意見" not in (folder / "c.md").read_text(encoding="utf-8")


def test_no_registry_is_refused(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text(consultation_text(), encoding="utf-8")
    done = pctui("publish", tmp_path / "c.toml", "--submitted")
    assert done.returncode == 1
    assert "no intake registry" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "c.intake.sqlite").exists()


def test_an_approval_commit_takes_the_submitted_csv_with_the_other_outputs(folder: Path) -> None:
    review_all(folder)
    assert pctui("publish", folder / "c.toml", "--submitted", "--format", "md,csv").returncode == 0
    loaded = ConsultationFile.load(folder / "c.toml")
    assert [p.name for p in published_outputs(loaded)] == ["c.md", "c.csv", "c.submitted.csv"]
