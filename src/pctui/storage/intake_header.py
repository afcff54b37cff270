"""Writing the `[intake]` table of a file's header: the one header table pctui changes
after the file was made, when `pctui intake tally` (or the grouping screen) puts the
registry's counts into it.

Only the keys the tally owns are written (`methods`, `submitters`, `submitter_unit`,
`submissions`, `submitters_total`, `opinions_received`); the table's other keys, its
comments and the rest of the header keep their bytes. The new text is read back and must
hold exactly the counts asked for, or nothing is written.
"""

from __future__ import annotations

import tomllib
from typing import Any

from pctui.model.records import Intake

TALLY_KEYS = ("submissions", "submitters_total", "opinions_received")


def write_tally(table: Any, intake: Intake) -> None:
    """Set the tallied keys of `intake` in the tomlkit `table` (format 2), leaving out
    those not tallied."""
    import tomlkit

    if intake.submissions:
        submissions = tomlkit.inline_table()
        submissions.update(intake.submissions)
        table["submissions"] = submissions
    for key in ("submitters_total", "opinions_received"):
        if getattr(intake, key) is not None:
            table[key] = getattr(intake, key)


def _read_back(text: str, intake: Intake) -> None:
    """ValueError unless the `[intake]` table of `text` holds `intake`'s counts."""
    table = tomllib.loads(text).get("intake", {})
    wanted = {
        "methods": intake.methods,
        "submitters": intake.submitters,
        "submitter_unit": intake.submitter_unit,
        "submissions": intake.submissions or None,
        "submitters_total": intake.submitters_total,
        "opinions_received": intake.opinions_received,
    }
    found = {key: table.get(key) for key in wanted}
    if found != wanted:
        raise ValueError("[intake] would not read back as it is")


def patch_intake(text: str, intake: Intake) -> str:
    """`text` (a header, or a whole file) with its `[intake]` table holding the counts of
    `intake` (a table is added after the others when the file has none). Line endings
    and everything else stay as they were."""
    import tomlkit

    crlf = "\r\n" in text
    plain = text.replace("\r\n", "\n") if crlf else text
    document = tomlkit.parse(plain)
    added = "intake" not in document
    if added:
        document["intake"] = tomlkit.table()
    table = document["intake"]
    table["methods"] = intake.methods
    submitters = tomlkit.inline_table()
    submitters.update(intake.submitters)
    table["submitters"] = submitters
    table["submitter_unit"] = intake.submitter_unit
    write_tally(table, intake)
    rendered = tomlkit.dumps(document)
    if added and plain.endswith("\n\n") and not rendered.endswith("\n\n"):
        # A header that ended with a blank line before the first [[items]] keeps it: the
        # table added last took its place (`intake tally --write` on a file without one).
        rendered = rendered.rstrip("\n") + "\n\n"
    patched = rendered.replace("\n", "\r\n") if crlf else rendered
    _read_back(patched, intake)
    return patched
