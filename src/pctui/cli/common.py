"""What every subcommand shares: loading with located errors, exit codes, output."""

from __future__ import annotations

import gc
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pctui.i18n import _, ngettext

if TYPE_CHECKING:
    # Imported where they are used: every command's module imports this one, and `pctui
    # --help` or `pctui intake --help` need neither the file's storage nor the actions
    # (some 80 ms of their start; see docs/performance.md, sixth round).
    from pctui.model.actions import Refused
    from pctui.model.records import Consultation
    from pctui.storage import ConsultationFile

T = TypeVar("T")

OK = 0
FINDING = 1  # an audit finding, a refused action, a save that could not happen
BAD_INPUT = 2  # the file or the arguments are wrong


class Exit(Exception):
    """Leave the command with `code` after printing `message` (if any) to stderr."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def refused(refusal: Refused) -> Exit:
    """The exit for an action the model refused: 1, except for an item that does not exist,
    which is a wrong argument (2) rather than an action the rules forbid."""
    from pctui.model.actions import NoSuchItem

    if isinstance(refusal, NoSuchItem):
        return Exit(BAD_INPUT, _("pctui: argument --item: {why}").format(why=refusal))
    return Exit(FINDING, _("pctui: refused: {why}").format(why=refusal))


def saved(
    file: ConsultationFile,
    no: int,
    action: Callable[[Consultation], T],
    also: Sequence[int] = (),
) -> T:
    """What `action` on item `no` (and the items numbered in `also`) returned, applied and
    saved (`ConsultationFile.transact`); else the command's exit: the refusal's (see
    `refused`), or 1 when the save failed."""
    from pctui.model.actions import Refused
    from pctui.storage import SaveError

    try:
        return file.transact(no, action, also=also)
    except Refused as refusal:
        raise refused(refusal) from None
    except SaveError as error:
        raise Exit(FINDING, f"pctui: {error}") from None


def problems_exit(path: str | Path, problems: Sequence[object]) -> Exit:
    """Print each problem (path:line:col: message) to stderr; the exit 2 that counts them."""
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(problems)
    message = ngettext("{path}: {count} problem", "{path}: {count} problems", count)
    return Exit(BAD_INPUT, message.format(path=path, count=count))


# What a reading command built, kept alive until the process ends when it ends right after
# the command (the console script leaves with os._exit, without freeing the heap: see
# `entry.entry`). Returning from the command would otherwise free the file's model object by
# object, after the answer was printed: 40 ms of `status` on 10,000 one-line items.
# None in a process that goes on (a test, a script calling `main`): nothing is kept there.
_kept_to_exit: list[object] | None = None


def ending_with_the_process() -> None:
    """Said by the console script before the command runs: the process ends right after."""
    global _kept_to_exit
    _kept_to_exit = []


def keep_to_exit(*objects: object) -> None:
    """Keep `objects` alive to the end of a process that ends with the command; else
    nothing."""
    if _kept_to_exit is not None:
        _kept_to_exit.extend(objects)


def load(path: str, *, only_read: bool = False, marks: bool = False) -> ConsultationFile:
    """Load `path`, or print every problem as path:line:col: message and exit 2.

    `only_read` for a command that never saves: a file without a problem is then read in
    one parse (see `pctui.storage.one_parse`); `marks` with it for one that will ask
    whether any text may hide a character (`ConsultationFile.plain_text`)."""
    from pctui.storage import ConsultationFile, LoadError

    # The collector stays off until the model is frozen: the reader turns it off while it
    # parses and would turn it back on at the end, and the first allocation after that set
    # off a collection walking every object the parse made, none of them garbage (17 ms of
    # `validate` on the 10,000-opinion benchmark file, 66 ms on the 10,000-item one).
    collecting = gc.isenabled()
    gc.disable()
    try:
        loaded = ConsultationFile.load(Path(path), one_parse=only_read, marks=marks)
    except LoadError as error:
        if collecting:
            gc.enable()
        raise problems_exit(path, error.problems) from None
    # The file's model lives as long as the command (or, for `open`, until the TUI replaces
    # it). Out of the collector's sight, it is not walked again by every collection that what
    # the command computes next sets off (at 10,000 items that took 0.15 s of `validate`).
    gc.freeze()
    if only_read:
        # validate and status compute their output and exit: what they build (10,000 rows,
        # their JSON) holds no cycle to collect, and the collections it set off took a
        # quarter of status_data on a file of 10,000 one-line items.
        keep_to_exit(loaded)
    elif collecting:
        gc.enable()
    return loaded


def width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide and full-width characters take two."""
    if text.isascii():  # no ASCII character is wide: most cells (numbers, logins) are ASCII
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` terminal columns."""
    return text + " " * max(0, columns - width(text))


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """`rows` laid out in columns two spaces apart, each padded to its widest cell in
    terminal columns but the last, which is not padded; trailing spaces stripped.

    Column by column: each distinct cell is measured and padded once, and the lines are
    joined from the padded columns (`status` of 10,000 items lays out 50,000 cells of a
    few hundred distinct values; measuring each cell twice took 0.12 s, padding each cell
    in a loop of its own another 10 ms).
    """
    if not rows:
        return []
    columns = list(zip(*rows, strict=True))
    padded: list[Iterable[str]] = []
    for column in columns[:-1]:
        if "".join(column).isascii():
            # Every cell as wide as it is long (the items' numbers: as many distinct cells
            # as rows, each measured and padded through dictionaries took 8 ms of 10,000).
            widest = max(map(len, column))
            padded.append(map(str.ljust, column, repeat(widest)))
            continue
        widths = {cell: width(cell) for cell in set(column)}
        widest = max(widths.values())
        pads = {cell: cell + " " * (widest - cells) for cell, cells in widths.items()}
        padded.append(map(pads.__getitem__, column))
    padded.append(columns[-1])
    return ["  ".join(line).rstrip() for line in zip(*padded, strict=True)]
