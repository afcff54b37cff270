"""TOML text of items as the storage and CLI tests write them: item N has the
opinion ご意見N and tanaka's answer 回答N (revision 1), so that each test's file says only
what sets it apart (which item is signed at which stage, by whom, with which verdict)."""

from __future__ import annotations

from pctui.model import text_digest

WRITTEN_AT = "2025-12-01T09:00:00+09:00"
SIGNED_AT = "2025-12-01T10:00:00+09:00"


def item(no: int, section: str) -> str:
    """Item `no` in `section` with its opinion and no answer yet."""
    return f'[[items]]\nno = {no}\nsection = "{section}"\nopinion = "ご意見{no}"\n\n'


def answered(no: int, section: str) -> str:
    """Item `no` in `section` with tanaka's answer 回答N as revision 1."""
    return item(no, section) + (
        f'[[items.revisions]]\nauthor = "tanaka"\nat = {WRITTEN_AT}\ntext = "回答{no}"\n\n'
    )


def signed(
    no: int,
    stage: str,
    by: str,
    *,
    at: str = SIGNED_AT,
    verdict: str = "approve",
    comment: str | None = None,
    revision: int = 1,
    digest: str | None = None,
    basis: str | None = None,
) -> str:
    """A sign-off of item `no`'s answer 回答N (its digest unless `digest` is given); a
    format-2 sign-off has the `basis` digest of the opinions and summary it saw."""
    text = (
        f'[[items.signoffs]]\nstage = "{stage}"\nby = "{by}"\nat = {at}\n'
        f'revision = {revision}\ndigest = "{digest or text_digest(f"回答{no}")}"\n'
        f'verdict = "{verdict}"\n'
    )
    if comment is not None:
        text += f'comment = "{comment}"\n'
    if basis is not None:
        text += f'basis = "{basis}"\n'
    return text + "\n"


def last(text: str) -> str:
    """`text` as the end of a file: without the blank line that separates it from more."""
    return text.removesuffix("\n")
