"""Loading: text -> header and item chunks -> model, with every problem located.

Items are parsed one block at a time (see `chunks`), which keeps each parse small,
lets a syntax error in one item be reported without hiding the others, and lets the
writer splice a changed item back without touching the rest of the file.
"""

from __future__ import annotations

import functools
import gc
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pctui.base.inert import holds_suspect_toml
from pctui.base.lazy_pattern import lazy_compile
from pctui.base.problems import ERROR, LoadError, Problem
from pctui.base.record_class import record, replace
from pctui.base.toml_locate import Locator
from pctui.i18n import _, ngettext
from pctui.model.records import Consultation, Item
from pctui.storage import toml_parse
from pctui.storage.checker import Checker
from pctui.storage.chunks import Chunk, open_string_at, split, string_end
from pctui.storage.header_schema import Header, read_header
from pctui.storage.item_schema import ITEMS, read_item
from pctui.storage.one_parse import read_whole
from pctui.storage.opinion_schema import OPINIONS
from pctui.storage.stamp import FileStamp

if TYPE_CHECKING:
    from pctui.storage.parallel import Run

BOM = "\ufeff"
SHOWN_BAD_BYTES = 3  # invalid bytes listed one by one; the rest are counted
_AT = lazy_compile(r"\(at line (\d+), column (\d+)\)")


_set = object.__setattr__  # how a frozen record's __init__ sets its fields


@record(frozen=True)
class Loaded:
    """What reading a file found: the model, and the text split into chunks aligned with
    its items. Never changed: a session's actions change the consultation (the model it
    holds), and a save keeps the text in its own layout (see `layouts`)."""

    consultation: Consultation
    header: Chunk
    chunks: tuple[Chunk, ...]  # chunks[i] holds consultation.items[i]; empty when read whole
    warnings: tuple[Problem, ...] = ()
    bom: bool = False
    # The whole text, when it was read in one parse (`one_parse`): its header and chunks
    # are split only when asked for (`item_chunks`), and `header`/`chunks` are empty.
    unsplit: str | None = None
    # Read in one parse and asked (`marks`): True when no text of it can hide a character
    # `pctui.base.inert` marks (no escape, no such character in its bytes).
    plain: bool = False

    def __init__(
        self,
        consultation: Consultation,
        header: Chunk,
        chunks: tuple[Chunk, ...],
        warnings: tuple[Problem, ...] = (),
        bom: bool = False,
        unsplit: str | None = None,
        plain: bool = False,
    ) -> None:
        _set(self, "consultation", consultation)
        _set(self, "header", header)
        _set(self, "chunks", chunks)
        _set(self, "warnings", warnings)
        _set(self, "bom", bom)
        _set(self, "unsplit", unsplit)
        _set(self, "plain", plain)

    @property
    def spliceable(self) -> bool:
        """True when each item has its own chunk, so saving can splice changed items only."""
        return len(self.chunks) == len(self.consultation.items)


def read_file(
    path: Path, *, one_parse: bool = False, marks: bool = False
) -> tuple[Loaded, FileStamp]:
    """Read and parse `path`; LoadError (with a located problem) when it cannot be.

    With `one_parse` (for a command that will not save), a file without a problem is read
    in one parse of its whole text and left unsplit (see `one_parse`); any other file is
    read as always. With `marks` too (`validate`, which looks for hidden characters in
    every text), such a file's bytes also tell whether any of its texts can hide one
    (`Loaded.plain`).
    """
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        raise LoadError([Problem(str(path), 1, 1, _("no such file"))]) from None
    except IsADirectoryError:
        message = _("is a folder, not a consultation file")
        raise LoadError([Problem(str(path), 1, 1, message)]) from None
    except OSError as error:
        message = _("cannot read: {error}").format(error=error.strerror)
        raise LoadError([Problem(str(path), 1, 1, message)]) from None
    text, bom = decode(data, str(path))
    # Asked of the bytes while they are at hand (a copy of the text's UTF-8 later cost as
    # much as the search, in fresh pages), and trusted only once the text parses as TOML.
    maybe_marks = one_parse and marks and (b"\\" in data or holds_suspect_toml(data))
    # The bytes are not needed once decoded: a 100 MB file's were still held while it was
    # parsed, a fifth of the peak memory of reading it.
    del data
    # Reading a large file makes a million objects and no garbage cycles: the collector
    # walking them again and again cost a fifth of the time, so it waits until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        whole = read_whole(text, str(path)) if one_parse else None
        if whole is not None:
            plain = marks and not maybe_marks
            loaded = Loaded(whole, Chunk("", 1), (), unsplit=text, plain=plain)
        else:
            header, chunks = split(text)
            # The blocks hold all of the text now. Kept beside them while they were read,
            # the text was a quarter of the peak memory of reading a large file (74 MB of
            # the 101 MB `long` benchmark file: two bytes a Japanese character).
            del text
            loaded = load_chunks(header, chunks, str(path))
    finally:
        if collecting:
            gc.enable()
    return replace(loaded, bom=bom), FileStamp.of(stat)


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """UTF-8 text of `data` and whether it began with a BOM; LoadError pointing at bad bytes.

    Every invalid byte sequence is reported (not just the first), each at its line and
    the column counted in characters, as an editor shows it.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LoadError(_bad_bytes(data, path)) from None
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def _bad_bytes(data: bytes, path: str) -> list[Problem]:
    """The invalid byte sequences of `data`: a file that looks like Shift_JIS as a whole is
    one problem saying how to convert it; otherwise the first few are listed, each at its
    line and column, and the rest counted."""
    found: list[tuple[int, int, int]] = []  # (line, col, byte), per line: linear in the size
    for number, text in enumerate(data.split(b"\n"), start=1):
        position = 0
        while position < len(text):
            try:
                text[position:].decode("utf-8")
                break
            except UnicodeDecodeError as error:
                start = position + error.start
                before = text[:start].decode("utf-8", errors="replace").lstrip(BOM)
                found.append((number, len(before) + 1, text[start]))
                position = position + error.end
    if _looks_like_shift_jis(data, len(found)):
        import shlex  # to quote the path in the advice: only a Shift_JIS file needs it

        line, col, byte = found[0]
        message = _(
            "not valid UTF-8 (byte {byte}): the file looks like Shift_JIS (cp932); convert "
            "it to UTF-8, e.g. iconv -f CP932 -t UTF-8 {path} > {path}.utf8 && mv {path}.utf8 "
            "{path}"
        ).format(byte=f"0x{byte:02x}", path=shlex.quote(path))
        return [Problem(path, line, col, message)]
    problems = [
        Problem(path, line, col, _("not valid UTF-8 (byte {byte}); save the file as UTF-8").format(
            byte=f"0x{byte:02x}"))
        for line, col, byte in found[:SHOWN_BAD_BYTES]
    ]  # fmt: skip
    more = len(found) - SHOWN_BAD_BYTES
    if more > 0:
        line, col, _byte = found[SHOWN_BAD_BYTES]
        message = ngettext(
            "… and {count} more invalid byte like this",
            "… and {count} more invalid bytes like this",
            more,
        ).format(count=f"{more:,}")
        problems.append(Problem(path, line, col, message))
    return problems


def _looks_like_shift_jis(data: bytes, bad: int) -> bool:
    """True when all of `data` reads as cp932 and fewer characters beyond ASCII read as
    UTF-8 than bytes fail to: text pasted into a UTF-8 file is not a Shift_JIS file."""
    try:
        data.decode("cp932")
    except UnicodeDecodeError:
        return False
    readable = data.decode("utf-8", errors="ignore")
    return sum(1 for char in readable if ord(char) > 0x7F and char != BOM) < bad


def _unshared(text: str) -> str:
    """A copy of `text` for toml-rs to parse (the text itself if it is ASCII).

    toml-rs asks Python for a string's UTF-8, and Python keeps that UTF-8 with the string
    for as long as the string lives. The chunks' texts live as long as the file is open
    (they are the blocks a save splices), so parsing them themselves kept a second copy of
    the file, as UTF-8, in memory: 93 MB of the 100 MB `long` benchmark file's. A copy's
    UTF-8 goes with the copy. An ASCII string's UTF-8 is the string itself: no copy needed.
    """
    if text.isascii() or len(text) < 2:
        return text
    return text[:-1] + text[-1]


def _parse(chunk: Chunk, path: str) -> dict[str, Any] | Problem:
    try:
        return toml_parse.loads(_unshared(chunk.text))
    except toml_parse.decode_error() as error:
        message = str(error)
        match = _AT.search(message)
        line, col = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        if not match:
            line = chunk.text.count("\n") + 1
        opened = chunk.text.rfind("'")
        if not match and message.startswith('Expected "\'"') and opened >= 0:
            # A literal string never closed: tomllib looks for its closing quote to the end
            # and reports the end, so the quote that opens it is the last one in the block.
            line = chunk.text.count("\n", 0, opened) + 1
            col = opened - (chunk.text.rfind("\n", 0, opened) + 1) + 1
            return Problem(path, chunk.line + line - 1, col, _(
                "TOML syntax: this string is never closed (add the closing ')"))  # fmt: skip
        text = _AT.sub("", message).replace("(at end of document)", "at end of text").strip()
        # tomllib's own words stay English: Python has no catalog for them.
        return Problem(path, chunk.line + line - 1, col, _("TOML syntax: {error}").format(
            error=text))  # fmt: skip


def _unclosed(chunk: Chunk, opened: int, path: str) -> Problem:
    """The problem of a multi-line string opening at `opened` in `chunk` that never closes."""
    line = chunk.text.count("\n", 0, opened)
    col = opened - (chunk.text.rfind("\n", 0, opened) + 1) + 1
    quotes = chunk.text[opened : opened + 3]
    message = _(
        "TOML syntax: this multi-line string is never closed (add the closing {quotes})"
    ).format(quotes=quotes)
    return Problem(path, chunk.line + line, col, message)


class _Following:
    """The text of a chunk and of the chunks after it, joined only as far as it is read:
    the file's whole text is not kept while its blocks are read (see `read_file`)."""

    def __init__(self, chunk: Chunk, chunks: list[Chunk], after: int) -> None:
        self.text = chunk.text
        self._chunks = chunks
        self._next = after  # the first of chunks[after:] not joined yet
        self._joined = 0

    def grow(self) -> bool:
        """Join as many more chunks as are joined already (at least one); False when there
        are none left. Doubling keeps the cost linear in what is finally joined."""
        if self._next >= len(self._chunks):
            return False
        taken = self._chunks[self._next : self._next + max(1, self._joined)]
        self.text += "".join(chunk.text for chunk in taken)
        self._next += len(taken)
        self._joined += len(taken)
        return True


def _absorb(
    chunk: Chunk, chunks: list[Chunk], after: int, path: str
) -> tuple[dict[str, Any] | Problem, Chunk, int]:
    """Parse `chunk`, joining the chunks a string spans.

    The chunks that may be joined are chunks[after:] (passed whole, not sliced: slicing
    for each of 10,000 items copied 50 million references).

    A line looking like `[[items]]` inside a multi-line string makes a false boundary; the
    chunks up to where that string really closes are joined back. Returns the parse, the
    (joined) chunk and how many of the following chunks it absorbed.

    When the joined text still does not parse, the string was most likely never closed (a
    forgotten closing quote): that is reported where it opens and the next chunk is read on
    its own, so the items after it are still checked. Only the tokenizer walks on until
    the text ends outside a string, over the following chunks joined in ever larger steps,
    and the joined text is parsed once, so the cost stays linear however many chunks a
    forgotten quote swallows. A chunk ends where a line starts, so the tokens found in the
    chunks joined so far are those of the whole text.
    """
    parsed = _parse(chunk, path)
    opened = open_string_at(chunk.text) if isinstance(parsed, Problem) else None
    if opened is None:
        return parsed, chunk, 0
    following = _Following(chunk, chunks, after)
    end, used = len(chunk.text), 0
    position: int | None = opened
    while position is not None:
        closed = string_end(following.text, position)
        while closed is None and following.grow():
            closed = string_end(following.text, position)
        if closed is None:
            break
        while after + used < len(chunks) and end < closed:
            end += len(chunks[after + used].text)
            used += 1
        position = open_string_at(following.text, closed, end)
    if position is None:
        joined = Chunk(following.text[:end], chunk.line)
        rejoined = _parse(joined, path)
        if not isinstance(rejoined, Problem):
            return rejoined, joined, used
    return _unclosed(chunk, opened, path), chunk, 0


class _ItemLocator(Locator):
    """Positions for the `index`-th item of a file read whole (an unusual layout)."""

    def __init__(self, text: str, index: int) -> None:
        super().__init__(text)
        self.index = index

    def find(self, table: str, index: int = 0, key: str | None = None) -> tuple[int, int]:
        if table == ITEMS:
            return super().find(ITEMS, self.index, key)
        return super().find(ITEMS, self.index, None)


def _header(
    data: dict[str, Any] | Problem, chunk: Chunk, path: str, problems: list[Problem]
) -> Header:
    """The header read from its parse (`data`), its problems added to `problems`."""
    if isinstance(data, Problem):
        problems.append(data)
        # The header's facts are unknown: read its defaults without reporting them missing,
        # so the syntax error is not buried under problems it caused. Its format is taken
        # from its `format = N` line all the same: read as format 1, every opinion of a
        # format-2 file was reported as belonging to another format (issue 17's trial).
        return read_header(_format_line(chunk.text), Checker(path, Locator(chunk.text), []))
    return read_header(data, Checker(path, Locator(chunk.text), problems))


_FORMAT_LINE = lazy_compile(r"^format\s*=\s*([0-9]+)\s*(?:#.*)?$", re.MULTILINE)


def _format_line(header: str) -> dict[str, Any]:
    """`{"format": N}` from the first top-level `format = N` line of a header that does
    not parse (before its first table), else nothing."""
    table = re.search(r"^\s*\[", header, re.MULTILINE)
    found = _FORMAT_LINE.search(header, 0, table.start() if table else len(header))
    return {"format": int(found.group(1))} if found else {}


def _one_item(parsed: dict[str, Any]) -> dict[str, Any] | None:
    """The item table of a block's parse; None when the block holds anything else too."""
    found = parsed.get(ITEMS)
    if set(parsed) != {ITEMS} or not isinstance(found, list) or len(found) != 1:
        return None
    table: dict[str, Any] = found[0]
    return table


def read_block(header: Header, path: str, chunk: Chunk, problems: list[Problem]) -> Item | None:
    """The item of `chunk` read on its own (None when it has errors, added to `problems`);
    Unusual when the block does not parse on its own or is not one item (then only reading
    in order, joining blocks, gives the right answer). What a forked child does with each
    block of its run (see `parallel`): the same steps as `_read_items`."""
    parsed = _parse(chunk, path)
    table = None if isinstance(parsed, Problem) else _one_item(parsed)
    if table is None:
        from pctui.storage.parallel import Unusual

        raise Unusual
    check = Checker(path, Locator(chunk.text, chunk.line), problems)
    return read_item(table, header, check)


def load_text(text: str, path: str, *, fork: bool = True) -> Loaded:
    """Parse a whole file's text; LoadError lists every error, warnings are returned.

    The later items of a large file are read by a forked child on another core where that
    is safe (see `parallel`; never when `fork` is False) while this process reads the
    first; the result is the same.
    """
    header_chunk, raw_chunks = split(text)
    return load_chunks(header_chunk, raw_chunks, path, fork=fork)


def load_chunks(
    header_chunk: Chunk, raw_chunks: list[Chunk], path: str, *, fork: bool = True
) -> Loaded:
    """`load_text` of the text `chunks.split` cut into `header_chunk` and `raw_chunks`,
    read from the chunks alone: the text itself need not be kept (see `read_file`)."""
    problems: list[Problem] = []
    split_at = (header_chunk, raw_chunks)
    header_data, header_chunk, used = _absorb(header_chunk, raw_chunks, 0, path)
    raw_chunks = raw_chunks[used:]
    if isinstance(header_data, dict) and ITEMS in header_data:
        return _load_whole(_joined(*split_at), path)
    header = _header(header_data, header_chunk, path, problems)
    # The forked reader (and threading, which it waits with) only for this read, which a
    # reading command's file without a problem never needs (see `one_parse`).
    from pctui.storage.parallel import fork_run

    run = fork_run(raw_chunks, functools.partial(read_block, header, path)) if fork else None
    try:
        runs = {} if run is None else {run.start: run}
        found = _read_items(raw_chunks, header, runs, path, problems)
    finally:
        if run is not None and run.start in runs:
            run.discard()  # reading in order stepped over its first block, or stopped early
    if found is None:  # another table follows the items: read it as one
        return _load_whole(_joined(*split_at), path)
    chunks, items = found
    return _finish(header, items, header_chunk, chunks, problems, path)


def _joined(header_chunk: Chunk, raw_chunks: list[Chunk]) -> str:
    """The text `chunks.split` cut into these chunks."""
    return header_chunk.text + "".join(chunk.text for chunk in raw_chunks)


def _read_items(
    raw_chunks: list[Chunk],
    header: Header,
    runs: dict[int, Run],
    path: str,
    problems: list[Problem],
) -> tuple[list[Chunk], list[Item | None]] | None:
    """The item chunks (joined where a string spans a false boundary) and their items, in
    file order, from `raw_chunks`; None when the file is not a header followed by items.

    The child's answer is taken only when reading in order reaches exactly the first block
    of its run: that block is then a real boundary, and each block of the run parsed on its
    own, so the answer is what reading them here would give. Until then, what the child has
    sent is taken in every POLL_BLOCKS blocks, so that it does not wait with its items.
    """
    from pctui.storage.parallel import POLL_BLOCKS

    chunks: list[Chunk] = []
    items: list[Item | None] = []
    index = read = 0
    while index < len(raw_chunks):
        read += 1
        if read % POLL_BLOCKS == 0:
            for pending in runs.values():
                pending.poll()
        run = runs.pop(index, None)
        answer = None if run is None else run.answer(path)
        if run is not None and answer is not None:
            run_items, run_problems = answer
            taken = raw_chunks[index : run.end]
            chunks.extend(taken)
            items.extend(run_items)
            problems.extend(run_problems)
            index = run.end
            continue
        parsed, chunk, used = _absorb(raw_chunks[index], raw_chunks, index + 1, path)
        index += 1 + used
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        table = _one_item(parsed)
        if table is None:
            return None
        chunks.append(chunk)
        check = Checker(path, Locator(chunk.text, chunk.line), problems)
        items.append(read_item(table, header, check))
    return chunks, items


def item_chunks(loaded: Loaded, path: str) -> Loaded:
    """`loaded` with its header and item chunks, as `load_text` splits them, when it was
    read in one parse (see `one_parse`); `loaded` itself otherwise.

    Only the chunks are found (each block parsed, joined where a string spans a false
    boundary), not the items again: a file read in one parse has no problem, so its items
    are those the blocks hold. A block that does not hold one item means the file is read
    whole, as `load_text` reads it.
    """
    text = loaded.unsplit
    if text is None:
        return loaded
    header_chunk, raw_chunks = split(text)
    header_data, header_chunk, used = _absorb(header_chunk, raw_chunks, 0, path)
    raw_chunks = raw_chunks[used:]
    whole = replace(loaded, header=Chunk(text, 1), chunks=(), unsplit=None)
    if isinstance(header_data, Problem) or ITEMS in header_data:
        return whole
    chunks: list[Chunk] = []
    index = 0
    while index < len(raw_chunks):
        parsed, chunk, used = _absorb(raw_chunks[index], raw_chunks, index + 1, path)
        index += 1 + used
        if isinstance(parsed, Problem) or _one_item(parsed) is None:
            return whole
        chunks.append(chunk)
    return replace(whole, header=header_chunk, chunks=tuple(chunks))


def _load_whole(text: str, path: str) -> Loaded:
    problems: list[Problem] = []
    parsed = _parse(Chunk(text, 1), path)
    if isinstance(parsed, Problem):
        raise LoadError([parsed])
    header = read_header(parsed, Checker(path, Locator(text), problems))
    raw_items = parsed.get(ITEMS, [])
    if not isinstance(raw_items, list) or not all(isinstance(t, dict) for t in raw_items):
        line, col = Locator(text).find("", 0, ITEMS)
        raise LoadError([Problem(path, line, col, _("items must be an array of tables"))])
    items = [
        read_item(table, header, Checker(path, _ItemLocator(text, index), problems))
        for index, table in enumerate(raw_items)
    ]
    return _finish(header, items, Chunk(text, 1), [], problems, path)


def _finish(
    header: Header,
    items: list[Item | None],
    header_chunk: Chunk,
    chunks: list[Chunk],
    problems: list[Problem],
    path: str,
) -> Loaded:
    seen: dict[int, int] = {}  # No. -> index of the first item that has it
    for index, item in enumerate(items):
        if item is None:
            continue
        if item.no in seen:
            line, col = _item_place(header_chunk, chunks, index, "no")
            first, _column = _item_place(header_chunk, chunks, seen[item.no], "no")
            message = _("duplicate No.{no} (also on line {line})").format(no=item.no, line=first)
            problems.append(Problem(path, line, col, message))
        else:
            seen[item.no] = index
    if header.format >= 2:
        _check_labels(items, header_chunk, chunks, problems, path)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise LoadError(errors)
    kept = [item for item in items if item is not None]
    consultation = Consultation(
        meta=header.meta,
        intake=header.intake,
        review=header.review,
        sections=header.sections,
        items=kept,
        commit_mode=header.commit_mode,
        format=header.format,
    )
    warnings = sorted((p for p in problems if p.severity != ERROR), key=lambda p: (p.line, p.col))
    return Loaded(consultation, header_chunk, tuple(chunks), tuple(warnings))


def _check_labels(
    items: list[Item | None],
    header_chunk: Chunk,
    chunks: list[Chunk],
    problems: list[Problem],
    path: str,
) -> None:
    """Report an opinion label used twice within a section (format 2): a label names one
    row of the published table, and may restart only in the next section."""
    seen: dict[tuple[str, str], int] = {}  # (section, label) -> No. of the item that has it
    for index, item in enumerate(items):
        if item is None:
            continue
        for nth, opinion in enumerate(item.opinions):
            key = (item.section, opinion.label)
            if key not in seen:
                seen[key] = item.no
                continue
            if chunks:
                line, col = Locator(chunks[index].text, chunks[index].line).find(
                    OPINIONS, nth, "label"
                )
            else:  # a file read whole: the item, not the opinion, is found
                line, col = _item_place(header_chunk, chunks, index, "no")
            message = _(
                "opinion label {label} is used twice in section {section} (also in No.{no})"
            ).format(label=repr(opinion.label), section=repr(item.section), no=seen[key])
            problems.append(Problem(path, line, col, message))


def _item_place(header_chunk: Chunk, chunks: list[Chunk], index: int, key: str) -> tuple[int, int]:
    if chunks:
        return Locator(chunks[index].text, chunks[index].line).find(ITEMS, 0, key)
    return Locator(header_chunk.text).find(ITEMS, index, key)
