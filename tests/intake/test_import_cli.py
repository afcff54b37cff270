"""`pctui intake import` through the console script: every kind of source, the mapping
printed, a re-import adding nothing, broken rows at path:line, personal data kept out of
the public text."""

from __future__ import annotations

import mailbox
import shutil
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest
from tests.console import pctui

from pctui.intake.registry import Registry

ROOT = Path(__file__).resolve().parents[2]
# Obviously fake people: example.com addresses, 555 numbers, made-up places.
HEADER = "受付番号,受付日時,提出方法,氏名,住所,電子メール,電話番号,意見"
ROWS = [
    "2025-0001,2025-01-10 09:00,電子メール,架空 一郎,架空県架空市1-2-3,ichiro@example.com,"
    '090-5555-0001,"1. 期間を延ばしてください。\n2. 説明会を増やしてください。"',
    "2025-0002,2025-01-11 10:00,郵送,架空 花子,架空県架空町4-5,,03-5555-0002,反対です。",
]


@pytest.fixture
def consultation(tmp_path: Path) -> Path:
    target = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", target)
    return target


def opinions(consultation: Path) -> list[tuple[str, str]]:
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        return [(o.id, o.text) for o in registry.opinions()]


@pytest.mark.parametrize(
    ("encoding", "newline"), [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("cp932", "\r\n")]
)
def test_a_csv_in_each_encoding_is_imported_and_the_mapping_printed(
    consultation: Path, tmp_path: Path, encoding: str, newline: str
) -> None:
    source = tmp_path / "s.csv"
    source.write_bytes(newline.join([HEADER, *ROWS, ""]).encode(encoding))
    done = pctui("intake", "import", consultation, source)
    assert done.returncode == 0, done.stderr
    assert "opinion ← column 8 (意見)" in done.stdout
    assert "name ← column 4 (氏名)" in done.stdout
    assert "2 submissions added (3 opinions" in done.stdout
    assert done.stderr == ""  # not a terminal: no progress line
    assert [i for i, _ in opinions(consultation)] == ["2025-0001-1", "2025-0001-2", "2025-0002-1"]


def test_importing_the_same_source_twice_adds_nothing(consultation: Path, tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text("\n".join(["意見", "賛成です。", "賛成です。", "反対です。"]), "utf-8")
    first = pctui("intake", "import", consultation, source)
    again = pctui("intake", "import", consultation, source)
    assert "3 submissions added" in first.stdout
    assert "0 submissions added (0 opinions, 0 redactions for review); 3 already" in again.stdout
    assert [i for i, _ in opinions(consultation)] == ["R0000001-1", "R0000002-1", "R0000003-1"]


def test_each_count_of_the_summary_line_takes_its_own_plural(
    consultation: Path, tmp_path: Path
) -> None:
    # One submission of one opinion with one e-mail address: "1 opinions" was printed.
    source = tmp_path / "s.csv"
    source.write_text("意見\n連絡は fake@example.com へ。\n", encoding="utf-8")
    done = pctui("intake", "import", consultation, source)
    assert "1 submission added (1 opinion, 1 redaction for review); 0 already" in done.stdout
    again = pctui("--lang", "ja", "intake", "import", consultation, source)
    said = "0 通を追加しました（意見 0件、確認待ちの個人情報削除 0 件）。1 通は登録済みです"
    assert said in again.stdout


def test_a_broken_row_is_reported_at_its_line_and_the_rest_imported(
    consultation: Path, tmp_path: Path
) -> None:
    source = tmp_path / "s.csv"
    source.write_text("受付番号,意見\n1,賛成です。\n2,\n3,反対です。\n", encoding="utf-8")
    done = pctui("intake", "import", consultation, source)
    assert done.returncode == 1
    assert f"{source}:3: no opinion text; not imported" in done.stderr
    assert "1 row was not imported; the rest was imported" in done.stderr
    assert [i for i, _ in opinions(consultation)] == ["1-1", "3-1"]


def test_an_excel_export_title_row_and_text_guards(consultation: Path, tmp_path: Path) -> None:
    # A title row naming 意見 above the real header, blank rows, and the `="..."` and `'`
    # an export puts before 受付番号 and phone so that Excel keeps them as text.
    source = tmp_path / "s.csv"
    rows = [
        "意見募集結果（受付分）,,,,,,,", ",,,,,,,", HEADER,
        '"=""2025-0031""",2025-01-10 09:00,FAX,架空 一郎,架空県架空市1-2-3,,'
        "'03-5555-0031,反対です。",
        ",,,,,,,",
    ]  # fmt: skip
    source.write_bytes("\r\n".join([*rows, ""]).encode("utf-8-sig"))
    done = pctui("intake", "import", consultation, source)
    assert done.returncode == 0, done.stderr
    assert "opinion ← column 8 (意見)" in done.stdout
    assert opinions(consultation) == [("2025-0031-1", "反対です。")]
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        (submission,) = registry.submissions()
    assert (submission.number, submission.phone) == ("2025-0031", "03-5555-0031")


def test_map_names_a_column_the_headers_do_not(consultation: Path, tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text("整理,本文\nA-1,賛成です。\n", encoding="utf-8")
    refused = pctui("intake", "import", consultation, source)
    assert refused.returncode == 2
    assert "nothing was imported" in refused.stderr
    done = pctui("intake", "import", consultation, source, "--map", "opinion=本文,number=1")
    assert done.returncode == 0, done.stderr
    assert opinions(consultation) == [("A-1-1", "賛成です。")]


@pytest.mark.parametrize("entry", ["opinion=本文", "opinion=9", "name=氏名"])
def test_a_map_naming_no_column_is_refused(consultation: Path, tmp_path: Path, entry: str) -> None:
    # A mistyped --map used to be passed over, the headers deciding instead: the opinion
    # taken from another column, or a field left out, without a word.
    source = tmp_path / "s.csv"
    source.write_text("\n\n受付番号,お名前,意見\nA-1,架空 一郎,賛成です。\n", encoding="utf-8")
    refused = pctui("intake", "import", consultation, source, "--map", entry)
    assert refused.returncode == 2
    field, target = entry.split("=")
    assert (
        f"{source}:3:1: --map {field}={target} names no column of the header row (columns: "
        "1 受付番号, 2 お名前, 3 意見); nothing was imported" in refused.stderr
    )
    assert not consultation.with_name("c.intake.sqlite").exists()


def test_xlsx_a_folder_of_mail_and_text_and_an_mbox(consultation: Path, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["受付番号", "氏名", "意見"])
    sheet.append(["X-1", "架空 次郎", "① 賛成です。\n② 早く進めてください。"])
    workbook.save(tmp_path / "s.xlsx")
    folder = tmp_path / "mails"
    folder.mkdir()
    mail = EmailMessage()
    mail["From"] = "架空 三郎 <saburo@example.com>"
    mail["Date"] = "Fri, 10 Jan 2025 09:00:00 +0900"
    mail["Subject"] = "意見"
    mail.set_content("計画に反対します。")
    (folder / "a.eml").write_bytes(mail.as_bytes())
    (folder / "b.txt").write_bytes("（１）期間について\r\n（２）費用について\r\n".encode("cp932"))
    box = mailbox.mbox(tmp_path / "inbox.mbox")
    mail.replace_header("From", "架空 四郎 <shiro@example.com>")
    box.add(mail)
    box.flush()
    done = pctui("intake", "import", consultation, tmp_path / "s.xlsx", folder,
                 tmp_path / "inbox.mbox")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert opinions(consultation) == [
        ("R0000001-1", "計画に反対します。"),
        ("R0000002-1", "期間について"),
        ("R0000002-2", "費用について"),
        ("R0000003-1", "計画に反対します。"),
        ("X-1-1", "賛成です。"),
        ("X-1-2", "早く進めてください。"),
    ]
    with Registry.open(consultation.with_name("c.intake.sqlite")) as registry:
        senders = {s.email for s in registry.submissions()}
    assert senders == {"saburo@example.com", "shiro@example.com", ""}


def test_submitter_fields_appear_in_no_public_text(consultation: Path, tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text("\n".join([HEADER, *ROWS]), encoding="utf-8")
    pctui("intake", "import", consultation, source)
    public = "\n".join(text for _, text in opinions(consultation))
    status = pctui("intake", "status", consultation, "--json").stdout
    for personal in ("架空 一郎", "架空 花子", "ichiro@example.com", "090-5555-0001",
                     "03-5555-0002", "架空県架空市1-2-3"):  # fmt: skip
        assert personal not in public
        assert personal not in status
    assert consultation.read_text(encoding="utf-8").count("架空") == 0


def test_a_senders_own_name_and_contacts_in_the_text_are_redacted(
    consultation: Path, tmp_path: Path
) -> None:
    # Letters signed with the name the form gives (spaced and wide differently), a mail
    # signed with its sender's display name: the names are in no public text, and a copy
    # of the same letter from someone who did not sign it keeps its words.
    source = tmp_path / "s.csv"
    source.write_text(
        "氏名,電話番号,意見\n"
        '架空 一郎,090-5555-0001,"計画に反対します。\n架空一郎"\n'
        '架空　花子,,"計画に反対します。\nＴＥＬ０９０５５５５０００２　架空 花子"\n'
        "架空 次郎,,計画に反対します。\n",
        encoding="utf-8",
    )
    folder = tmp_path / "mail"
    folder.mkdir()
    mail = EmailMessage()
    mail["From"] = "架空 四郎 <shiro@example.com>"
    mail.set_content("計画に反対します。\n\n架空 四郎（shiro＠example.com）")
    (folder / "1.eml").write_bytes(bytes(mail))
    done = pctui("intake", "import", consultation, source, folder)
    assert done.returncode == 0, done.stderr
    marker = "【個人情報のため削除】"
    assert opinions(consultation) == [
        ("R0000001-1", f"計画に反対します。\n{marker}"),
        ("R0000002-1", f"計画に反対します。\nＴＥＬ{marker}　{marker}"),
        ("R0000003-1", "計画に反対します。"),
        ("R0000004-1", f"計画に反対します。\n\n{marker}（{marker}）"),
    ]
    listed = pctui("intake", "redactions", consultation, "--json").stdout
    assert listed.count('"reason": "name"') == 3


def test_a_letter_signed_under_its_text_from_a_source_without_names(
    consultation: Path, tmp_path: Path
) -> None:
    # Letters typed from paper: the signer's name on the last line, no field to give it.
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "1.txt").write_text("計画に反対します。\n安全性が心配です。\n\n見本 花子\n", "utf-8")
    second = "1. 計画に反対します。\n2. 期間を延ばしてください。\n以上"
    (folder / "2.txt").write_text(second, "utf-8")
    done = pctui("intake", "import", consultation, folder)
    assert done.returncode == 0, done.stderr
    assert opinions(consultation) == [
        ("R0000001-1", "計画に反対します。\n安全性が心配です。\n\n【個人情報のため削除】"),
        ("R0000002-1", "計画に反対します。"),
        ("R0000002-2", "期間を延ばしてください。\n以上"),
    ]


def test_a_source_number_clashing_with_an_assigned_one_is_explained(
    consultation: Path, tmp_path: Path
) -> None:
    # An earlier source without numbers got R0000001 and R0000002 from pctui; a later one
    # numbers its own submissions the same way. Said as a clash with an assigned number,
    # naming where that submission came from and what to do, not as "other content".
    unnumbered, numbered = tmp_path / "first.csv", tmp_path / "second.csv"
    unnumbered.write_text("意見\n賛成です。\n反対です。\n", "utf-8")
    numbered.write_text("受付番号,意見\nR0000002,延長してください。\nW0000001,賛成。\n", "utf-8")
    assert pctui("intake", "import", consultation, unnumbered).returncode == 0
    done = pctui("--lang", "en", "intake", "import", consultation, numbered)
    assert done.returncode == 1
    assert f"{numbered}:2: 受付番号 R0000002 clashes with the number pctui assigned" in done.stderr
    assert f"({unnumbered}:3)" in done.stderr
    assert "prefix of their own (e.g. WR0000002)" in done.stderr
    assert "1 submission added" in done.stdout


def test_a_header_named_exactly_wins_over_one_holding_the_word(
    consultation: Path, tmp_path: Path
) -> None:
    """An export whose opinions each have an id (意見ID) before the text (意見): the text is
    the opinion, not the id."""
    source = tmp_path / "s.csv"
    source.write_text(
        "意見ID,受付番号,意見の要旨,意見\n"
        "A-1,2025-0001,要旨,駐輪場の整備に賛成です。\n"
        "A-2,2025-0002,要旨,駅前の駐輪場が足りません。\n",
        encoding="utf-8",
    )
    done = pctui("intake", "import", consultation, source)
    assert done.returncode == 0, done.stderr
    assert "opinion ← column 4 (意見)" in done.stdout
    assert opinions(consultation) == [
        ("2025-0001-1", "駐輪場の整備に賛成です。"),
        ("2025-0002-1", "駅前の駐輪場が足りません。"),
    ]
