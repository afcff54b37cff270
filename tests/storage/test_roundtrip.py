"""Saving: only the lines an action adds change, text round-trips exactly, writes are safe."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import stat
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest

from pctui.model import REJECT, Refused, item_state, revise, sign, withdraw
from pctui.model.state import VALID, standings
from pctui.storage import ConsultationFile, SaveError

Write = Callable[..., Path]

# A hand-written file: comments everywhere, unusual spacing, literal strings, inline tables.
COMMENTED = """\
# 住民説明会資料 — 手で書いたファイル
format = 1  # 形式

[consultation]
id = "test"   # スラッグ
title = 'テスト計画（案）'
places = [
  "本庁舎",  # 1階
  "各区役所",
]

[review]
stages = ["担当", "係長", "課長"]
reviewers = { tanaka = ["担当"], yamada = ["担当"], suzuki = ["係長"], sato = ["課長"], \
kimura = { stages = ["係長", "課長"], name = "木村" } }

[[sections]]
id = "1"
title = "第1章"

[[sections]]
id = "2"
title = "第2章"

# ==== 第1章 ====

[[items]]  # 一件目
no=1
section = "1"
opinion = '''そのままの\\円記号'''

  [[items.revisions]]
  author = "tanaka"
  at = 2025-12-01T09:00:00+09:00
  text = \"\"\"
回答1\"\"\"  # 先頭の改行は TOML が取り除く
  note = "初稿"

# 二件目は未着手

[[items]]
no = 2
section = "1"
opinion = "ご意見2"
count = 3

[[items.revisions]]
author = "yamada"
at = 2025-12-01T09:00:00+09:00
text = "回答2"

[[items.signoffs]]
stage = "担当"
by = "tanaka"
at = 2025-12-01T10:00:00+09:00
revision = 1
digest = "sha256:ce2a7cd5e1ff4f55f2de8ac2dc7a6dd43d2d1b0a12d4c8c49f7e4b3c1c2f8d9a"
verdict = "approve"

# ==== 第2章 ====

[[items]]
no = 3
section = "2"
opinion = "ご意見3"

[[items.revisions]]
author = "tanaka"
at = 2025-12-01T09:00:00+09:00
text = "回答3"
"""


def fixed(text: str) -> str:
    """COMMENTED with the digest of item 2's sign-off made genuine."""
    from pctui.model import text_digest

    return text.replace(
        "sha256:ce2a7cd5e1ff4f55f2de8ac2dc7a6dd43d2d1b0a12d4c8c49f7e4b3c1c2f8d9a",
        text_digest("回答2"),
    )


def block_lines(text: str, no: int) -> range:
    """0-based line numbers of item `no`'s block in `text` (up to the next `[[items]]`)."""
    lines = text.split("\n")
    starts = [n for n, line in enumerate(lines) if line.startswith("[[items]]")]
    for position, start in enumerate(starts):
        if lines[start + 1].replace(" ", "") == f"no={no}":
            end = starts[position + 1] if position + 1 < len(starts) else len(lines)
            return range(start, end)
    raise AssertionError(f"no item {no}")


def only_added_within(before: str, after: str, no: int) -> list[str]:
    """Lines `after` adds to `before`; asserts nothing else changed and all are in item `no`."""
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    added: list[str] = []
    block = block_lines(after, no)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        assert tag == "insert", (tag, old[a0:a1], new[b0:b1])
        assert b0 in block and b1 - 1 in block, (no, new[b0:b1])
        added += new[b0:b1]
    return added


@pytest.fixture
def commented(write: Write) -> Path:
    """The hand-written file with comments, in tmp_path."""
    return write(fixed(COMMENTED))


def test_the_hand_written_file_loads_clean(commented: Path) -> None:
    file = ConsultationFile.load(commented)
    assert file.warnings == []
    assert file.consultation.items[0].opinion == "そのままの\\円記号"
    assert file.consultation.items[0].current is not None
    assert file.consultation.items[0].current.text == "回答1"
    item = file.consultation.items[1]
    assert [s.status for s in standings(item, file.consultation.review)] == [VALID]


@pytest.mark.parametrize("no", [1, 2, 3])
def test_a_sign_off_adds_lines_only_within_its_item(commented: Path, no: int) -> None:
    before = commented.read_text(encoding="utf-8")
    login = "suzuki" if no == 2 else "yamada"  # No.2's 担当 approved: 係長 is next
    ConsultationFile.load(commented).transact(no, lambda c: sign(c, no, login))
    added = only_added_within(before, commented.read_text(encoding="utf-8"), no)
    assert "[[items.signoffs]]" in [line.strip() for line in added]
    assert f'by = "{login}"' in [line.strip() for line in added]


def test_a_reject_with_a_comment(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    file = ConsultationFile.load(commented)
    file.transact(3, lambda c: sign(c, 3, "yamada", REJECT, comment="根拠を\n明記してください"))
    added = only_added_within(before, commented.read_text(encoding="utf-8"), 3)
    assert 'verdict = "reject"' in added
    reloaded = ConsultationFile.load(commented).consultation
    assert reloaded.items[2].signoffs[0].comment == "根拠を\n明記してください"
    assert item_state(reloaded.items[2], reloaded.review) == "changes-requested"


def test_a_revision_adds_lines_only_within_its_item(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    file = ConsultationFile.load(commented)
    file.transact(2, lambda c: revise(c, 2, "tanaka", "回答2（修正）\n\n第二段落", note="誤字"))
    added = only_added_within(before, commented.read_text(encoding="utf-8"), 2)
    assert "[[items.revisions]]" in added
    reloaded = ConsultationFile.load(commented).consultation
    assert [r.text for r in reloaded.items[1].revisions] == ["回答2", "回答2（修正）\n\n第二段落"]
    assert reloaded.items[1].revisions[1].note == "誤字"
    assert item_state(reloaded.items[1], reloaded.review) == "draft"


def test_a_withdrawal_adds_one_line(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    ConsultationFile.load(commented).transact(2, lambda c: withdraw(c, 2, "tanaka"))
    added = only_added_within(before, commented.read_text(encoding="utf-8"), 2)
    assert len(added) == 1
    assert added[0].startswith("withdrawn = ")


def test_comments_and_formatting_survive_many_actions(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    file = ConsultationFile.load(commented)
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    file.transact(1, lambda c: sign(c, 1, "kimura"))
    file.transact(2, lambda c: revise(c, 2, "tanaka", "回答2 改"))
    file.transact(1, lambda c: withdraw(c, 1, "kimura"))
    file.transact(3, lambda c: sign(c, 3, "yamada"))
    after = commented.read_text(encoding="utf-8")
    old, new = before.split("\n"), after.split("\n")
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    assert {tag for tag, *_ in opcodes} <= {"equal", "insert"}
    for comment in ("# 形式", "# スラッグ", "# 1階", "# 一件目", "# 先頭の改行は", "# ==== 第2章"):
        assert comment in after
    # Each section heading comment still directly precedes its first item.
    assert "# ==== 第2章 ====\n\n[[items]]\nno = 3" in after
    assert "# 二件目は未着手\n\n[[items]]\nno = 2" in after


TEXTS = {
    "triple-quotes": 'He said """quoted""" and \'\'\'literal\'\'\'.\n"""',
    "backslashes": "C:\\path\\to\\file \\n is not a newline\\",
    "trailing-newlines": "回答\n\n\n",
    "leading-newline": "\n先頭の改行",
    "leading-newlines": "\n\n二つの改行",
    "escape": "色付き\x1b[31m赤\x1b[0m\x1b]0;title\x07",
    "controls": "NUL\x00 BS\x08 VT\x0b FF\x0c DEL\x7f C1\x85\x9b",
    "carriage-returns": "Windows\r\n改行\rと単独の CR\r\n",
    "tabs": "\t字下げ\tと\t\n\t次の行",
    "emoji": "絵文字 😀👨‍👩‍👧 と異体字 葛󠄀",
    "bidi": "右から左 \u202eevil\u202c \u2066isolate\u2069 \u200b\u200d\ufeff",
    "line-separators": "U+2028\u2028U+2029\u2029NEL\x85",
    "quote-at-end": '末尾が引用符"',
    "quote-before-newline": 'a"\n"b"',
    "only-quotes": '""',
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_texts_round_trip_exactly(commented: Path, text: str) -> None:
    file = ConsultationFile.load(commented)
    file.transact(3, lambda c: revise(c, 3, "tanaka", text, note=text))
    file.transact(3, lambda c: sign(c, 3, "yamada", REJECT, comment=text))
    file.transact(3, lambda c: withdraw(c, 3, "yamada"))
    reloaded = ConsultationFile.load(commented).consultation
    item = reloaded.items[2]
    assert item.revisions[-1].text == text
    assert item.revisions[-1].note == text
    assert item.signoffs[0].comment == text.strip()
    # The digest written in the same session matches the text read back.
    assert item.signoffs[0].digest == item.revisions[-1].digest
    assert ConsultationFile.load(commented).warnings == []


@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_the_file_mode_is_kept(commented: Path, mode: int) -> None:
    commented.chmod(mode)
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "yamada"))
    assert stat.S_IMODE(commented.stat().st_mode) == mode


def test_the_group_is_kept(commented: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("changing a file's group to any gid needs root")
    os.chown(commented, -1, 4242)
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "yamada"))
    assert commented.stat().st_gid == 4242


def test_no_temporary_file_is_left_behind(commented: Path) -> None:
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "yamada"))
    assert sorted(p.name for p in commented.parent.iterdir()) == [commented.name]


def test_a_refused_action_leaves_the_file_byte_identical(commented: Path) -> None:
    before = commented.read_bytes()
    inode = commented.stat().st_ino
    file = ConsultationFile.load(commented)
    for action in (
        lambda c: sign(c, 1, "tanaka"),  # self-approval
        lambda c: sign(c, 1, "mallory"),  # not a reviewer
        lambda c: withdraw(c, 1, "yamada"),  # nothing to withdraw
        lambda c: revise(c, 1, "tanaka", "回答1"),  # unchanged
    ):
        with pytest.raises(Refused):
            file.transact(1, action)
    assert commented.read_bytes() == before
    assert commented.stat().st_ino == inode  # not even rewritten with the same bytes
    assert file.pending == 0


def test_two_sessions_each_sign_a_different_item(commented: Path) -> None:
    first = ConsultationFile.load(commented)
    second = ConsultationFile.load(commented)
    first.transact(1, lambda c: sign(c, 1, "yamada"))
    assert second.changed_on_disk()
    second.transact(3, lambda c: sign(c, 3, "yamada"))
    reloaded = ConsultationFile.load(commented).consultation
    assert [s.by for s in reloaded.items[0].signoffs] == ["yamada"]
    assert [s.by for s in reloaded.items[2].signoffs] == ["yamada"]
    # The second session reloaded before acting, so it sees the first's sign-off too.
    assert [s.by for s in second.consultation.items[0].signoffs] == ["yamada"]


def test_the_later_session_sees_what_the_earlier_one_saved(commented: Path) -> None:
    # The same reviewer signs item 1 in two terminals: the second is refused, not doubled.
    first = ConsultationFile.load(commented)
    second = ConsultationFile.load(commented)
    first.transact(1, lambda c: sign(c, 1, "yamada"))
    saved = commented.read_bytes()
    with pytest.raises(Refused, match=r"you already signed stage '担当' of No\.1"):
        second.transact(1, lambda c: sign(c, 1, "yamada"))
    assert commented.read_bytes() == saved


def test_sessions_acting_at_the_same_time_lose_nothing(commented: Path) -> None:
    rounds = 12

    def session(no: int, login: str) -> None:
        file = ConsultationFile.load(commented)
        for n in range(rounds):
            file.transact(no, partial(revise, no=no, login=login, text=f"{login} 第{n + 1}稿"))

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(session, 1, "tanaka"), pool.submit(session, 3, "yamada")]
        for future in futures:
            future.result()
    reloaded = ConsultationFile.load(commented).consultation
    assert len(reloaded.items[0].revisions) == 1 + rounds
    assert len(reloaded.items[2].revisions) == 1 + rounds
    assert reloaded.items[2].revisions[-1].text == f"yamada 第{rounds}稿"


@contextmanager
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Inside the block every os.replace fails as on a full disk (ENOSPC)."""

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)
        yield


def test_a_failed_save_keeps_the_file_and_the_action(
    commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = commented.read_bytes()
    file = ConsultationFile.load(commented)
    with full_disk(monkeypatch):
        with pytest.raises(SaveError, match="the disk is full; nothing was written"):
            file.transact(1, lambda c: sign(c, 1, "yamada"))
        assert commented.read_bytes() == before
        assert sorted(p.name for p in commented.parent.iterdir()) == [commented.name]
        assert file.pending == 1
    file.transact(3, lambda c: sign(c, 3, "yamada"))
    assert file.pending == 0
    reloaded = ConsultationFile.load(commented).consultation
    assert [s.by for s in reloaded.items[0].signoffs] == ["yamada"]
    assert [s.by for s in reloaded.items[2].signoffs] == ["yamada"]


def test_an_unsaved_action_overtaken_by_another_session_becomes_a_notice(
    commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "yamada"))
    file = ConsultationFile.load(commented)
    with full_disk(monkeypatch), pytest.raises(SaveError):
        file.transact(1, lambda c: sign(c, 1, "kimura"))
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "suzuki"))
    file.reload()
    assert file.pending == 1  # kimura may still sign 課長: replayed, not lost
    file.transact(3, lambda c: sign(c, 3, "yamada"))
    reloaded = ConsultationFile.load(commented).consultation
    assert [(s.by, s.stage) for s in reloaded.items[0].signoffs] == [
        ("yamada", "担当"),
        ("suzuki", "係長"),
        ("kimura", "課長"),
    ]
    assert file.notices == [
        "No.1: your sign-off, kept after a failed save, is now at stage 課長, "
        "not 係長: the item changed meanwhile"
    ]


def test_an_unsaved_action_that_no_longer_applies_becomes_a_notice(
    commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "yamada"))
    file = ConsultationFile.load(commented)
    with full_disk(monkeypatch), pytest.raises(SaveError):
        file.transact(1, lambda c: sign(c, 1, "suzuki"))
    # Meanwhile suzuki signed item 1 from another terminal, which did save.
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "suzuki"))
    file.reload()
    assert file.pending == 0
    assert file.notices == [
        "not saved after another reviewer's change: "
        "you already signed stage '係長' of No.1 revision 1"
    ]
    reloaded = ConsultationFile.load(commented).consultation
    assert [s.by for s in reloaded.items[0].signoffs] == ["yamada", "suzuki"]


INLINE = """\
[[items]]
no = 1
section = "1"
opinion = "ご意見1"
revisions = [
  { author = "tanaka", at = 2025-12-01T09:00:00+09:00, text = "回答1" },
]
signoffs = []
"""


def test_items_written_with_inline_arrays_stay_valid(header: str, write: Write) -> None:
    path = write(header + INLINE)
    file = ConsultationFile.load(path)
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    file.transact(1, lambda c: revise(c, 1, "yamada", "回答1\n\n改訂"))
    file.transact(1, lambda c: sign(c, 1, "tanaka", comment="確認"))
    file.transact(1, lambda c: withdraw(c, 1, "tanaka"))
    item = ConsultationFile.load(path).consultation.items[0]
    assert [r.text for r in item.revisions] == ["回答1", "回答1\n\n改訂"]
    assert [(s.by, s.revision, s.withdrawn is not None) for s in item.signoffs] == [
        ("yamada", 1, False),
        ("tanaka", 2, True),
    ]


def test_a_blank_comment_is_not_written(commented: Path) -> None:
    ConsultationFile.load(commented).transact(1, lambda c: sign(c, 1, "yamada", comment="  "))
    assert ConsultationFile.load(commented).consultation.items[0].signoffs[0].comment is None


def test_nothing_is_written_unless_it_reads_back_as_the_model(
    commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pctui.storage.writer as writer

    def slip(text: str, item: object) -> str:
        return text.replace('text = "回答3"', 'text = "回答3 (changed)"')

    before = commented.read_bytes()
    file = ConsultationFile.load(commented)
    monkeypatch.setattr(writer, "patch_chunk", slip)
    with pytest.raises(SaveError, match=r"could not render the change safely .*No\.3"):
        file.transact(3, lambda c: sign(c, 3, "yamada"))
    assert commented.read_bytes() == before
    # The session went back to the file as it is rather than keep a change it cannot save.
    assert file.pending == 0
    assert file.consultation.items[2].signoffs == []
    monkeypatch.undo()
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    assert [len(i.signoffs) for i in ConsultationFile.load(commented).consultation.items] == [
        1,
        1,
        0,
    ]


@pytest.mark.parametrize(
    ("no", "login", "action"),
    [
        (no, login, action)
        for no in range(1, 11)
        for login, action in [("yamada", "sign"), ("kimura", "sign"), ("sato", "revise")]
    ],
)
def test_actions_on_the_sample_add_lines_within_the_item_only(
    sample_path: Path, no: int, login: str, action: str
) -> None:
    before = sample_path.read_text(encoding="utf-8")
    file = ConsultationFile.load(sample_path)
    try:
        if action == "sign":
            file.transact(no, lambda c: sign(c, no, login, comment="確認しました"))
        else:
            file.transact(no, lambda c: revise(c, no, login, "改訂した回答\n\n第二段落"))
    except Refused:
        assert sample_path.read_text(encoding="utf-8") == before
        return
    only_added_within(before, sample_path.read_text(encoding="utf-8"), no)
    assert ConsultationFile.load(sample_path).warnings == []


def test_a_file_broken_by_someone_else_is_not_overwritten(commented: Path) -> None:
    file = ConsultationFile.load(commented)
    broken = commented.read_text(encoding="utf-8").replace("no = 2", "no = = 2")
    commented.write_text(broken, encoding="utf-8")
    with pytest.raises(SaveError, match="changed on disk and no longer loads") as caught:
        file.transact(1, lambda c: sign(c, 1, "yamada"))
    assert f"{commented}:" in str(caught.value)
    assert "TOML syntax: Invalid value" in str(caught.value)
    assert commented.read_text(encoding="utf-8") == broken
    assert file.consultation.items[0].signoffs == []
    # Once fixed, the session carries on.
    commented.write_text(broken.replace("no = = 2", "no = 2"), encoding="utf-8")
    file.transact(1, lambda c: sign(c, 1, "yamada"))
    assert ConsultationFile.load(commented).consultation.items[0].signoffs[0].by == "yamada"


@pytest.mark.parametrize("bom", [False, True])
def test_many_saves_in_one_session_write_what_fresh_sessions_write(
    commented: Path, tmp_path: Path, bom: bool
) -> None:
    # One session keeps each chunk's bytes from its first save on; the file must be byte for
    # byte what sessions that each read the file afresh would have written.
    if bom:
        commented.write_bytes(b"\xef\xbb\xbf" + commented.read_bytes())
    other = tmp_path / "fresh" / commented.name
    other.parent.mkdir()
    other.write_bytes(commented.read_bytes())
    at = dt.datetime(2025, 12, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    steps = [(1, "yamada"), (3, "yamada"), (1, "suzuki"), (2, "suzuki"), (1, "sato")]
    kept = ConsultationFile.load(commented)
    for no, login in steps:
        kept.transact(no, lambda c, no=no, login=login: sign(c, no, login, at=at))
        ConsultationFile.load(other).transact(
            no, lambda c, no=no, login=login: sign(c, no, login, at=at)
        )
        assert commented.read_bytes() == other.read_bytes()
    assert commented.read_bytes().startswith(b"\xef\xbb\xbf") == bom
