"""Rewriting a format-1 file as format 2 (`pctui migrate`).

Each item keeps what it holds: its one opinion becomes its one `[[items.opinions]]`,
labelled with its No. and carrying its count; revisions and sign-offs are written as
they were, digests unchanged, with no `basis`. A sign-off without a basis was given for
the item as format 1 holds it (one opinion labelled with its No., no summary), which is
exactly what the migrated item holds, so every sign-off stands as it stood (see
model.state.format_one_shape) until an opinion is moved or a summary written.

Only what changes is rewritten: the header's `format`, and in each item block its
`opinion` and `count` lines, replaced by an `[[items.opinions]]` table before its
revisions; every other line, comments included, stays as it was. (A file in an unusual
layout, read whole, is written again whole, without its comments.) The result is read
back and compared with the file before anything is written.

Rewriting the whole file's format is a reviewer's act, as every change of the file but a
draft is: a login not in `[review.reviewers]` is refused (`Refused`, nothing written),
before the file is found to be format 2 already.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from pctui.base.atomic import folder_lock, write_atomic
from pctui.base.problems import SaveError
from pctui.base.toml_locate import Locator
from pctui.i18n import _
from pctui.model.actions import require_reviewer
from pctui.model.identity import current_login
from pctui.model.records import Item
from pctui.storage.layouts import SplicedBlocks, layout_of
from pctui.storage.reader import BOM, load_text, read_file


class AlreadyFormatTwo(Exception):
    """The file is format 2 already: nothing to do, nothing written."""


@dataclass(frozen=True)
class Migrated:
    """What `migrate` did."""

    items: int
    signoffs: int


def migrate(path: Path, login: str | None = None) -> Migrated:
    """Rewrite the format-1 file at `path` as format 2, atomically and under the folder's
    lock, as `login` (the OS login when None: tests only). LoadError when it does not load,
    Refused when `login` is not one of its reviewers, AlreadyFormatTwo when there is
    nothing to do, SaveError when it cannot be written (nothing written)."""
    import tomlkit

    from pctui.storage.writer import render_consultation

    with folder_lock(path):
        loaded, _stamp = read_file(path)
        consultation = loaded.consultation
        require_reviewer(consultation, login if login is not None else current_login())
        if consultation.format >= 2:
            raise AlreadyFormatTwo(_("{path} is format 2 already").format(path=path))
        target = dataclasses.replace(consultation, format=2)
        layout = layout_of(loaded)
        if isinstance(layout, SplicedBlocks):
            crlf = "\r\n" in layout.header
            document = tomlkit.parse(_lf(layout.header))
            document["format"] = 2
            blocks = [
                _block(_lf(block), item)
                for block, item in zip(layout.blocks, target.items, strict=True)
            ]
            text = tomlkit.dumps(document) + "".join(blocks)
            text = text.replace("\n", "\r\n") if crlf else text
        else:  # an unusual layout: written whole in the usual one
            text = render_consultation(target)
        again = load_text(text, str(path), fork=False).consultation
        if again != target:
            raise SaveError(
                _("{path}: the file would not read back as it is; nothing was written").format(
                    path=path
                )
            )
        write_atomic(path, (BOM if loaded.bom else "").encode("utf-8") + text.encode("utf-8"))
    return Migrated(
        items=len(target.items), signoffs=sum(len(item.signoffs) for item in target.items)
    )


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n")


def _block(block: str, item: Item) -> str:
    """An item block of a format-1 file as format 2: its `opinion` and `count` taken out
    (nothing else of it touched) and its one opinion's table put before its revisions and
    sign-offs (or at its end when it has none)."""
    import tomlkit

    from pctui.storage.writer import text_value

    document = tomlkit.parse(block)
    table = document["items"][0]
    for key in ("opinion", "count"):
        if key in table:
            del table[key]
    kept = tomlkit.dumps(document)
    [opinion] = item.opinions
    lines = ["[[items.opinions]]", f"label = {text_value(opinion.label).as_string()}"]
    lines.append(f"text = {text_value(opinion.text).as_string()}")
    if opinion.count != 1:
        lines.append(f"count = {opinion.count}")
    new = "\n".join(lines) + "\n\n"
    locator = Locator(kept)
    found = [locator.find(name)[0] for name in ("items.revisions", "items.signoffs")]
    starts = [line for line in found if line > 1]  # 1: not found, the item's own header
    if not starts:
        return kept.rstrip("\n") + "\n\n" + new
    at = min(starts) - 1  # 0-based line of the first sub-table
    rows = kept.split("\n")
    return "\n".join([*rows[:at], new.rstrip("\n"), "", *rows[at:]])
