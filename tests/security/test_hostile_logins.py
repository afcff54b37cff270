"""A login that is a terminal escape (a clipboard write) in a sign-off or a revision: it
would go into commit trailers, so the file does not load; the error says where and which
character, and what reaches the terminal holds no control character."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.security.conftest import raw_controls, replace_in
from tests.security.test_hostile_cli import pctui

CLIPBOARD = "mal\\u001b]52;c;eA==\\u0007lory"  # as a TOML escape


@pytest.mark.parametrize(("key", "field"), [("by", "items.signoffs.by"),
                                            ("author", "items.revisions.author")])  # fmt: skip
def test_a_clipboard_write_as_a_login_is_an_inert_error(
    sample_copy: Path, key: str, field: str
) -> None:
    text = sample_copy.read_text(encoding="utf-8")
    old = f'{key} = "tanaka"'
    line = text[: text.index(old)].count("\n") + 1
    replace_in(sample_copy, old, f'{key} = "{CLIPBOARD}"', 1)
    for command in ("validate", "status", "signoff"):
        args = ["--item", "1"] if command == "signoff" else []
        code, out, err = pctui(command, sample_copy, *args)  # checks both hold no control
        assert code == 2, (command, out, err)
        assert (f"{sample_copy}:{line}:1: {field} must be one line without control characters;"
                " it holds U+001B") in err  # fmt: skip
        assert raw_controls(err) == []
