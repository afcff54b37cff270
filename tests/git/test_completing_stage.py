"""The commit subject names the stage whose sign-off completed the item: the last approval
in the order the sign-offs were made (the file's order), whatever their times say."""

from __future__ import annotations

import datetime as dt

from tests.git.conftest import T1, Office

from pctui.git import after_signoff, commit_pending


def test_sign_offs_in_the_same_second(on_approve: Office) -> None:
    for login in ("tanaka", "suzuki", "sato"):  # 担当, 係長, 課長, all stamped 10:00:00
        on_approve.sign(2, login, T1)
    result = after_signoff(on_approve.load(), 2)
    assert result.committed, result.message
    assert result.subject == "test-pc: approve No.2 (課長)"


def test_clocks_that_disagree_do_not_change_who_completed_it(office: Office) -> None:
    # 担当 signed on a server whose clock ran ahead, so the later sign-offs carry earlier times.
    office.sign(3, "tanaka", T1 + dt.timedelta(hours=2))
    office.sign(3, "suzuki", T1 + dt.timedelta(hours=1))
    office.sign(3, "sato", T1 + dt.timedelta(minutes=30))
    result = commit_pending(office.load())
    assert result.committed, result.message
    assert result.subject == "test-pc: approve No.3 (課長)"
