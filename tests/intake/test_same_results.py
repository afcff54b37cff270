"""The fast import and grouping give what the first, plainer implementation gave.

The import and the grouping were rewritten for speed (issue 17 point 9): batched inserts,
a redaction pre-check, one split and redaction per distinct raw text, bulk reads and
writes. None of that may change a result. A source of a few thousand generated opinions,
with personal data of every kind, every list style, unnumbered and repeated letters,
Excel's quirks and a broken row, is imported twice and grouped through the console script;
everything the registry then holds and the `--json` output are compared, as one digest,
with what the implementation before those changes stored for the same source. When a
change is meant to alter results, the digest is recomputed on purpose, never to make this
pass.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import shutil
import sqlite3
from pathlib import Path

from benchmarks.intake_generate import opinions as generated
from tests.console import pctui

from pctui.intake import schema

ROOT = Path(__file__).resolve().parents[2]

# The digest of the registry and the JSON that the plain implementation (one insert per
# row, every redaction pattern on every text) produced for `write_source(…)`, each
# member's added text left out; and the digest of those added texts. The added texts were
# recomputed on purpose when they came to be shown in the member's own public words
# (【…】 and spaces as typed) rather than normalised (issue 17's end-to-end trial): the
# first digest, taken with the implementation before that change, shows the groups did not
# change. Both were recomputed on purpose again when full-width personal data came to be
# redacted: the 25 texts holding "ｈａｎａ＠example.co.jp" (PERSONAL below) gained that one
# e-mail redaction each, and nothing else changed (every text's finds compared before and
# after the change). The first was recomputed on purpose once more when a new registry came
# to record the version of the patterns its opinions were searched with (the counters row
# patterns = 2, for `pctui intake rescan`): every other row of every table compared equal
# to the one the code before that change stored (names in kana and signatures under a
# named form find nothing new in this source).
EXPECTED = (2503, "0c3dd840c4c56565b6dba8868313ba6134165c5c37673f1c1ef35db56998b523")
EXPECTED_ADDED = "a0e91642d5efa70e424689064bc090a0b2a83892d2212b8f8cb9931d048dfd68"

STYLES = ("{k}. ", "{k}) ", "({k}) ", "（{k}）", "{circled}", "{kanji}、")
KANJI = "一二三四五六七八九"
# Obviously fake personal data, in the forms the patterns know and in near misses.
PERSONAL = (
    "連絡先は taro.kakuu@example.com です。",
    "メールは ｈａｎａ＠example.co.jp まで。",
    "電話 090-5555-1234 にどうぞ。",
    "電話は０３－５５５５－１２３４です。",
    "+81-90-5555-0000 へ。",
    "〒123-4567 架空県架空市本町1丁目2番3号に住んでいます。",
    "架空市中央三丁目4番地の者です。",
    "氏名：架空 太郎\n意見は以下のとおり。",
    "お名前 : 架空 花子、よろしく。",
    "住所：架空県どこか町5-6-7\n",
    "所在地：架空市役所通り。",
    "第3条の1-2項と2025年度の12.5%について。",
    "令和7年1月10日に説明会がありました。",
    "番号123456789は受付番号です。",
    "時刻は10:30でした。",
    "一番大事なのは二号の規定です。",
)


def _listed(points: list[str], style: str) -> str:
    lines = []
    for k, text in enumerate(points, start=1):
        marker = style.format(k=k, circled=chr(0x2460 + k - 1), kanji=KANJI[k - 1])
        lines.append(marker + text)
    return "\n".join(lines)


def write_source(path: Path, count: int, seed: int) -> None:
    """A submissions CSV of `count` generated opinions, made hostile (see the module)."""
    rng = random.Random(seed)
    points: dict[str, list[str]] = {}
    for opinion in generated(count, seed):
        points.setdefault(opinion.submission, []).append(opinion.text)
    rows = [["受付番号", "氏名", "電子メール", "電話番号", "意見"]]
    for index, (number, texts) in enumerate(points.items()):
        texts = list(texts)
        if index % 7 == 3:
            at = rng.randrange(len(texts))
            extra = rng.choice(PERSONAL)
            texts[at] = texts[at] + extra if rng.random() < 0.5 else extra + texts[at]
        body = texts[0] if len(texts) == 1 else _listed(texts, rng.choice(STYLES))
        if index % 11 == 5:
            body = body.replace("\n", "\r\n") + "\r\n"
        if index % 17 == 2:
            body = "　" + body + "  "
        name = f"架空 {index}" if index % 5 == 0 else ""
        mail = f"p{index}@example.com" if index % 5 == 0 else ""
        phone = f"090-5555-{index % 10000:04d}" if index % 6 == 0 else ""
        # Unnumbered letters, some identical to each other, are numbered in order.
        rows.append(["" if index % 13 == 4 else number, name, mail, phone, body])
    rows.append(["", "", "", "", "'=計画の撤回を求めます。"])  # Excel's formula guard
    rows.append(["X-1", "", "", "", ""])  # no opinion text: reported, the rest imported
    rows.append(["", "", "", "", ""])  # a blank row
    rows.append(rows[1][:])  # the same submission twice in one source: added once
    conflicting = rows[2][:]
    conflicting[4] += "追記。"
    rows.append(conflicting)  # a 受付番号 again with other content: a conflict
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)


# The columns the import and the grouping write, table by table, with the order to read them
# in (columns added later for other purposes, such as who reviewed a redaction, are not
# compared). A submission's raw text and an opinion's public text are read as the registry
# reads them (version 4 stores a text once where it is the same), so that the digest still
# says the registry holds what the plain implementation stored.
COLUMNS = (
    ("submissions", "number, key, digest, received, method, name, address, email, phone, "
     f"{schema.RAW}, source", "number"),
    ("opinions", f"id, submission, k, text, {schema.PUBLIC}", "id"),
    ("redactions", "id, opinion, start, stop, reason, status", "id"),
    ("groups", "id, position, representative", "position"),
    ("members", "opinion, grp, position, added", "grp, position"),
    ("counters", "name, value", "name"),
)  # fmt: skip


def registry_dump(path: Path) -> list[object]:
    """Every row of every table, in a fixed order."""
    db = sqlite3.connect(path)
    try:
        return [
            [list(row) for row in db.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")]
            for table, columns, order in COLUMNS
        ]
    finally:
        db.close()


def test_import_and_grouping_give_what_the_plain_implementation_gave(tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "consultations" / "2025-jumin.toml", tmp_path / "c.toml")
    write_source(tmp_path / "s.csv", 3000, seed=5)
    first = pctui("intake", "import", "c.toml", "s.csv", cwd=tmp_path)
    again = pctui("intake", "import", "c.toml", "s.csv", cwd=tmp_path)
    grouped = pctui("intake", "group", "c.toml", "--json", cwd=tmp_path)
    assert (first.returncode, again.returncode, grouped.returncode) == (1, 1, 0), first.stderr
    dump = registry_dump(tmp_path / "c.intake.sqlite")
    submissions, opinions, redactions = dump[0], dump[1], dump[2]
    assert len(opinions) > 3000 and len(redactions) > 100  # the source is what it means to be
    assert json.loads(grouped.stdout)["opinions"] == len(opinions)
    added = [member.pop() for member in dump[4]]  # type: ignore[attr-defined]
    digest = hashlib.sha256(
        json.dumps([dump, grouped.stdout], ensure_ascii=False).encode("utf-8")
    ).hexdigest()
    assert (len(submissions), digest) == EXPECTED
    assert hashlib.sha256(json.dumps(added, ensure_ascii=False).encode()).hexdigest() == (
        EXPECTED_ADDED
    )
