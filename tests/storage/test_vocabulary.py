"""The file's closed vocabularies (verdict, review order, git commit mode) load as their enum
members, are written back as the same strings, and survive the parallel reader's marshal."""

from __future__ import annotations

import marshal

import pytest
from tests.storage.conftest import HEADER, Write
from tests.storage.item_text import answered, last, signed

from pctui.model import sign
from pctui.model.records import CommitMode, Order, Verdict
from pctui.model.state import State, Status, progress, standings
from pctui.storage import ConsultationFile
from pctui.storage.flat import flatten, unflatten

# No.1: 担当 approved revision 1; No.2: 担当 requested changes; No.3: not signed yet.
ITEMS = (
    answered(1, "1")
    + signed(1, "担当", "yamada")
    + answered(2, "1")
    + signed(2, "担当", "yamada", verdict="reject", comment="根拠を書いてください")
    + last(answered(3, "2"))
)


def with_rules(order: Order, mode: CommitMode) -> str:
    """The test header with `[review] order` and `[git] commit` set, then the items."""
    header = HEADER.replace("[review]\n", f'[review]\norder = "{order}"\n')
    return f'{header}[git]\ncommit = "{mode}"\n\n{ITEMS}'


@pytest.mark.parametrize("mode", list(CommitMode))
@pytest.mark.parametrize("order", list(Order))
def test_every_vocabulary_word_loads_as_its_member_and_is_written_back_as_is(
    write: Write, order: Order, mode: CommitMode
) -> None:
    path = write(with_rules(order, mode))
    before = path.read_text(encoding="utf-8")
    file = ConsultationFile.load(path)
    consultation = file.consultation
    assert type(consultation.review.order) is Order and consultation.review.order is order
    assert type(consultation.commit_mode) is CommitMode and consultation.commit_mode is mode
    verdicts = [s.verdict for item in consultation.items for s in item.signoffs]
    assert verdicts == [Verdict.APPROVE, Verdict.REJECT]
    assert all(type(verdict) is Verdict for verdict in verdicts)
    file.transact(3, lambda c: sign(c, 3, "yamada", Verdict.REJECT, comment="再考を"))
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # the header and the other items untouched
    added = after[len(before) :].splitlines()
    assert 'verdict = "reject"' in added
    assert not any("Verdict" in line for line in added)
    again = ConsultationFile.load(path).consultation
    assert again.review.order is order and again.commit_mode is mode
    assert again.items[2].signoffs[0].verdict is Verdict.REJECT


def test_states_and_standings_are_members_with_the_strings_of_old(write: Write) -> None:
    consultation = ConsultationFile.load(write(HEADER + ITEMS)).consultation
    review = consultation.review
    states = [progress(item, review).state for item in consultation.items]
    assert states == [State.IN_REVIEW, State.CHANGES_REQUESTED, State.DRAFT]
    assert all(type(state) is State for state in states)
    assert [str(state) for state in states] == ["in-review", "changes-requested", "draft"]
    found = standings(consultation.items[0], review)
    assert [s.status for s in found] == [Status.VALID]
    assert type(found[0].status) is Status and f"{found[0].status}" == "valid"
    assert [state.value for state in State] == [
        "draft", "in-review", "changes-requested", "approved"
    ]  # fmt: skip
    assert [status.value for status in Status] == ["valid", "stale", "withdrawn", "invalid"]


def test_the_parallel_readers_marshal_carries_verdicts_as_plain_strings(write: Write) -> None:
    consultation = ConsultationFile.load(write(HEADER + ITEMS)).consultation
    for item in consultation.items:
        flat = flatten(item)
        sent = marshal.loads(marshal.dumps(flat))  # what the child sends through its pipe
        back = unflatten(sent)
        assert back == item
        for old, new in zip(item.signoffs, back.signoffs, strict=True):
            assert new.verdict is old.verdict
