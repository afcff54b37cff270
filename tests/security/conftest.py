"""Fixtures for the security tests: a consultation full of hostile text, and a check that
output holds none of it raw.

The hostile parts are what an opinion from the public (or a paste) may carry: terminal
escape sequences (CSI, an OSC 52 clipboard write, an OSC window title), other C0 and C1
controls, bidi embeddings, overrides and isolates, zero-width characters, and markup
that Rich, HTML or Markdown would act on.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from pctui.model import current_login, revise, sign
from pctui.model.records import Reviewer, Section, Signoff
from pctui.storage import ConsultationFile, render_consultation

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"
JST = dt.timezone(dt.timedelta(hours=9))

HOSTILE_PARTS = {
    "CSI": "\x1b[31;7mPWNED\x1b[0m",
    "OSC 52": "\x1b]52;c;cHduZWQ=\x07",
    "OSC title": "\x1b]0;owned\x1b\\",
    "C0": "\x00\x01\x08\x0b\x0c\r\x7f",
    "C1": "\x85\x9b2J\x9d0;x\x9c",
    "bidi": "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff",
    "markup": "[bold red]赤[/] <script>alert(1)</script> [x](javascript:alert(1)) *強調*",
}
HOSTILE = "ご意見の前文。" + "".join(HOSTILE_PARTS.values()) + "以上です。"
# Sequences that, if they reached a terminal, would act: what a capture must never hold.
PAYLOADS = ("\x1b[31;7mPWNED", "\x1b]52;", "\x1b]0;owned", "\x1b[5m総論", "\x1b[2J記")
# An impostor's login, with markup Rich or HTML would act on. (One with a control character,
# such as a clipboard write, is an error that keeps the file from loading at all: logins go
# into commit trailers. tests/security/test_hostile_logins.py covers that.)
IMPOSTOR = "mal[reverse]lory</td>"

# Independent of pctui.base.inert on purpose: the test states what must never appear.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


# Ordinary text whose joiners are text (an emoji sequence, a Persian word, a Devanagari
# conjunct): the tests put these in files, and output may hold them raw.
ORDINARY_SEQUENCES = (
    "👨\u200d👩\u200d👧\u200d👦",
    "👩🏿\u200d💻",
    "❤\ufe0f\u200d🔥",
    "می\u200cخواهم",
    "क्\u200dष",
)


def raw_controls(text: str) -> list[str]:
    """Every control, bidi or invisible character in `text` (tab and newline allowed, and
    the joiners of ORDINARY_SEQUENCES), as U+XXXX: what output meant for a terminal must
    not hold."""
    for sequence in ORDINARY_SEQUENCES:
        text = text.replace(sequence, "")
    return [f"U+{ord(match.group()):04X}" for match in _FORBIDDEN.finditer(text)]


def write_hostile(path: Path) -> Path:
    """Write at `path` the sample consultation with hostile text in every place a reader sees.

    - the title and section 2's title;
    - item 1: topic and opinion (the first row of the list);
    - item 2: an impostor's sign-off whose login is markup;
    - item 10 (the last row): a revision by yamada with hostile text and a note, then a
      request for changes by suzuki with a hostile comment.
    The current login may sign 課長 (so the real `pctui signoff` can sign here).
    """
    consultation = ConsultationFile.load(SAMPLE).consultation
    consultation.meta.title = "住民基本台帳\x1b]0;owned\x07事務\u202e"
    consultation.sections[1] = Section(consultation.sections[1].id, "制度\x9b2J全体\u2066")
    me = current_login()
    consultation.review.reviewers.setdefault(me, Reviewer(me, ("課長",)))
    first = consultation.items[0]
    first.topic = "システム\x1b[5m総論\u200b"
    first.opinion = HOSTILE + "\n\n" + first.opinion
    second = consultation.items[1]
    current = second.current
    assert current is not None
    second.signoffs.append(
        Signoff("課長", IMPOSTOR, dt.datetime(2025, 12, 20, 9, 0, tzinfo=JST),
                second.current_index, current.digest, "approve")
    )  # fmt: skip
    path.write_text(render_consultation(consultation), encoding="utf-8")
    file = ConsultationFile.load(path)
    base = file.consultation.items[-1].current_index
    file.transact(10, lambda c: revise(c, 10, "yamada", "前の文。" + HOSTILE, "注\x1b[2J記", base))
    file.transact(10, lambda c: sign(c, 10, "suzuki", "reject", comment="要修正" + HOSTILE))
    return path


@pytest.fixture
def hostile_path(tmp_path: Path) -> Path:
    """A writable consultation file with hostile text everywhere (see `write_hostile`)."""
    return write_hostile(tmp_path / "hostile.toml")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample consultation."""
    target = tmp_path / "2025-jumin.toml"
    shutil.copyfile(SAMPLE, target)
    return target


def replace_in(path: Path, old: str, new: str, count: int = -1) -> None:
    """Replace `old` with `new` in the file's text (all, or the first `count`)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
