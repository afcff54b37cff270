"""Reading submissions from a source: a CSV (UTF-8 with or without BOM, or cp932; CRLF;
Excel's quirks, through the importer's decoding and cell cleaning), an XLSX workbook, a
folder of `.txt` and `.eml` files, or an mbox. Each yields `Incoming` submissions and the
problems of the rows it could not take, each at `path:line`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pctui.i18n import _
from pctui.importer.columns import mapped
from pctui.importer.grid import Unreadable, clean, csv_rows, decode
from pctui.intake.columns import FIELDS, recognise
from pctui.intake.importing import Incoming
from pctui.intake.records import Submission

if TYPE_CHECKING:
    from email.message import Message

HEADER_SEARCH = 10  # title rows an office's export may put above the header
EMAIL_METHOD = "電子メール"


@dataclass
class SourceRead:
    """What one source gave: the submissions, the columns chosen (field, header, 1-based
    column; empty for mail and text), and the rows not taken as (place, message)."""

    incoming: list[Incoming] = field(default_factory=list)
    columns: list[tuple[str, str, int]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


class SourceError(Exception):
    """A source that cannot be read at all: `place` (path:line:col) and why."""

    def __init__(self, place: str, message: str) -> None:
        super().__init__(f"{place}: {message}")
        self.place, self.message = place, message


def read_source(path: Path, mapping: dict[str, str]) -> SourceRead:
    """Read `path` by its kind (a folder, `.xlsx`, `.mbox`/an mbox file, `.eml`, `.txt`,
    else CSV). SourceError when it cannot be read at all."""
    read = SourceRead()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".txt", ".eml"))
        for file in files:
            _one_file(file, read)
    elif not path.is_file():
        raise SourceError(str(path), _("no such file or folder"))
    elif path.suffix.lower() == ".xlsx":
        _table(path, _xlsx_rows(path), mapping, read)
    elif path.suffix.lower() == ".mbox" or _looks_like_mbox(path):
        import mailbox  # the mail modules only for mail (a CSV import need not load them)

        for number, message in enumerate(mailbox.mbox(path, create=False), start=1):
            _add(read, _from_mail(message), f"{path}#{number}")
    elif path.suffix.lower() in (".eml", ".txt"):
        _one_file(path, read)
    else:
        try:
            text, _encoding = decode(path.read_bytes())
            rows = csv_rows(text)
        except Unreadable as error:
            raise SourceError(f"{path}:{error.line}:{error.col}", error.message) from None
        _table(path, rows, mapping, read)
    return read


def _looks_like_mbox(path: Path) -> bool:
    with path.open("rb") as start:
        return start.read(5) == b"From "


def _one_file(path: Path, read: SourceRead) -> None:
    data = path.read_bytes()
    if path.suffix.lower() == ".eml":
        import email
        import email.policy

        message = email.message_from_bytes(data, policy=email.policy.default)
        _add(read, _from_mail(message), str(path))
        return
    try:
        text, _encoding = decode(data)
    except Unreadable as error:
        read.problems.append((f"{path}:{error.line}", error.message))
        return
    _add(read, Submission("", raw=text.replace("\r\n", "\n").strip()), str(path))


def _from_mail(message: Message) -> Submission:
    """A submission from an e-mail: the sender's name and address, the date, the plain
    text body (the first text/plain part)."""
    import email
    import email.policy
    import email.utils
    from email.message import EmailMessage

    name, address = email.utils.parseaddr(str(message.get("From", "")))
    received = ""
    if message.get("Date"):
        try:
            received = email.utils.parsedate_to_datetime(str(message["Date"])).isoformat()
        except (TypeError, ValueError):
            received = str(message["Date"])
    body = ""
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("plain",))
        if part is not None and isinstance(part, EmailMessage):
            body = str(part.get_content())
    else:
        modern = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        return _from_mail(modern)
    return Submission(
        "", received=received, method=EMAIL_METHOD, name=name, email=address,
        raw=body.replace("\r\n", "\n").strip(),
    )  # fmt: skip


def _add(read: SourceRead, submission: Submission, place: str) -> None:
    if not submission.raw:
        read.problems.append((place, _("no opinion text; not imported")))
        return
    read.incoming.append(Incoming(submission, place))


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        message = _("not a readable XLSX workbook ({kind}: {error})")
        detail = message.format(kind=type(error).__name__, error=error)
        raise SourceError(f"{path}:1:1", detail) from None
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [clean(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _table(
    path: Path,
    rows: Sequence[tuple[int, Sequence[str | None]]],
    mapping: dict[str, str],
    read: SourceRead,
) -> None:
    """The submissions of a table: its header row found among the first rows, then one
    submission per row that holds an opinion."""
    # The header is the row naming the most fields, not the first naming an opinion: an
    # export's title row above it ("意見募集結果") names one.
    header: dict[str, int] | None = None
    start = 0
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH]):
        found = recognise([c or "" for c in cells], mapping)
        if found is not None and (header is None or len(found) > len(header)):
            header, start = found, index
    if header is None:
        message = _(
            "no header row naming the opinion column (意見 / opinion) in the first {count} "
            "rows; name it with --map opinion=HEADER"
        )
        raise SourceError(f"{path}:1:1", message.format(count=HEADER_SEARCH))
    names = [c or "" for c in rows[start][1]]
    _check_map(path, rows[start][0], names, mapping)
    read.columns = sorted(
        ((f, names[i], i + 1) for f, i in header.items()), key=lambda column: column[2]
    )
    # Each field's column, read straight from the row (a row of 200,000 is read in a loop
    # that builds nothing it does not keep): the fields before the opinion (受付番号 …
    # phone, in Submission's order) that the table has, with their place among them; a
    # field it lacks stays "" without a look at the row.
    opinion_at = header["opinion"]
    given = [(k, header[f]) for k, f in enumerate(FIELDS[:-1]) if f in header]
    blank = [""] * (len(FIELDS) - 1)
    where = f"{path}:"
    incoming = read.incoming
    for line, cells in _rows_after(rows, start):
        width = len(cells)
        if not any(cells):
            continue  # a blank row (Excel leaves them at the end)
        raw = ((cells[opinion_at] or "") if opinion_at < width else "").strip()
        if not raw:
            read.problems.append((f"{path}:{line}", _("no opinion text; not imported")))
            continue
        values = blank.copy()
        for k, i in given:
            if i < width and (cell := cells[i]):
                values[k] = _unguarded(cell.strip())
        number, received, method, name, address, email, phone = values
        submission = Submission(number, received, method, name, address, email, phone, raw)
        incoming.append(Incoming(submission, where + str(line)))


def _check_map(path: Path, line: int, names: list[str], mapping: dict[str, str]) -> None:
    """SourceError for a `--map` entry that names no column of the header row: importing
    by the headers instead would put another column, or none, where the user said."""
    found = mapped(names, mapping)
    for field_name, target in mapping.items():
        if field_name not in found:
            message = _("--map {field}={target} names no column of the header row (columns: "
                        "{columns})")  # fmt: skip
            columns = ", ".join(f"{n} {name}" for n, name in enumerate(names, start=1) if name)
            detail = message.format(field=field_name, target=target, columns=columns)
            raise SourceError(f"{path}:{line}:1", detail)


def _unguarded(cell: str) -> str:
    """A field other than the opinion without the marks that keep `0012` or `2025-0031`
    text in Excel: the `="..."` an export writes, or the `'` typed before it."""
    if cell.startswith('="') and cell.endswith('"') and len(cell) > 2 and '"' not in cell[2:-1]:
        return cell[2:-1]
    return cell[1:] if cell.startswith("'") else cell


def _rows_after(
    rows: Sequence[tuple[int, Sequence[str | None]]], start: int
) -> Iterable[tuple[int, Sequence[str | None]]]:
    return rows[start + 1 :]


def numbered_copies(incoming: list[Incoming]) -> list[Incoming]:
    """`incoming` with each unnumbered submission's occurrence set: the how-manyth
    identical one it is in the list, so that importing the list again adds nothing while
    two identical letters stay two."""
    # Counted by the text the digest is of (all but the number, joined as `digest` joins
    # it), not by the digest: the same copies, without a SHA-256 of every submission.
    seen: dict[str, int] = {}
    out: list[Incoming] = []
    for one in incoming:
        if one.submission.number:
            out.append(one)
            continue
        content = "\x00".join(one.submission[1:])
        seen[content] = seen.get(content, 0) + 1
        out.append(Incoming(one.submission, one.place, seen[content]))
    return out
