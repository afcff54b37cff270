"""Rendering a publication into the requested formats and writing the output files."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from pctui.base.atomic import target, write_all_atomic
from pctui.model.records import Consultation
from pctui.publish.document import Publication, build
from pctui.publish.formats import FORMATS
from pctui.publish.html import to_html
from pctui.publish.markdown import to_markdown
from pctui.publish.numbers_csv import NUMBERS_CSV, numbers_csv
from pctui.publish.submitted import submitted_blocks
from pctui.publish.submitted_render import submitted_csv, submitted_html, submitted_markdown
from pctui.publish.table import to_csv
from pctui.publish.xlsx import to_xlsx

RENDERERS: dict[str, Callable[[Publication], bytes]] = {
    "md": lambda pub: to_markdown(pub, submitted_markdown(pub)).encode("utf-8"),
    "html": lambda pub: to_html(pub, submitted_html(pub)).encode("utf-8"),
    "csv": to_csv,
    "xlsx": to_xlsx,
}
# The CSV holds one table: the submitted opinions, when published, are a file of their own.
SUBMITTED_CSV = "submitted.csv"


def render(consultation: Consultation, fmt: str, draft: bool = False) -> bytes:
    """The bytes of `consultation` published as `fmt` (md, html, csv, xlsx)."""
    return RENDERERS[fmt](build(consultation, draft))


def outputs(
    file_path: Path,
    consultation: Consultation,
    formats: Sequence[str] = FORMATS,
    out_dir: Path | None = None,
    submitted: bool = False,
) -> list[Path]:
    """The paths a publish of `file_path` writes: `<id>.<fmt>` beside it, or in `out_dir`,
    `<id>.submitted.csv` when the submitted opinions are published as CSV, and
    `<id>.numbers.csv` (the intake table) when CSV is and the intake was tallied.

    Beside the file a symbolic link names, not beside the link: where the consultation
    really lives (and is committed), its publication is too. In the order of `formats`;
    nothing is written. The git side uses this to know which files to commit with an
    approval.
    """
    folder = out_dir if out_dir is not None else target(file_path).parent
    paths = [folder / f"{consultation.meta.id}.{fmt}" for fmt in formats]
    if submitted and "csv" in formats:
        paths.append(folder / f"{consultation.meta.id}.{SUBMITTED_CSV}")
    if consultation.intake.submissions and "csv" in formats:
        paths.append(folder / f"{consultation.meta.id}.{NUMBERS_CSV}")
    return paths


def write_outputs(
    file_path: Path,
    consultation: Consultation,
    formats: Sequence[str] = FORMATS,
    out_dir: Path | None = None,
    draft: bool = False,
    submitted: Mapping[str, str] | None = None,
) -> list[Path]:
    """Render every format and replace every file, or none; returns the paths written.

    `submitted` maps opinion ids (the items' opinion `sources`) to their public, already
    redacted text: given, each item's submitted opinions are published under it.

    Every format is rendered before the first file is written, and every file is written
    aside before the first is put in place (`write_all_atomic`), so neither a failure to
    render nor a full disk leaves a set of new and old files. SaveError says why.
    """
    publication = build(consultation, draft)
    if submitted is not None:
        publication = replace(publication, submitted=submitted_blocks(consultation, submitted))
    paths = outputs(file_path, consultation, formats, out_dir, submitted is not None)
    data = [RENDERERS[fmt](publication) for fmt in formats]
    if submitted is not None and "csv" in formats:
        data.append(submitted_csv(publication))
    if consultation.intake.submissions and "csv" in formats:
        data.append(numbers_csv(publication))
    # New outputs beside a group-shared file are shared like it (mode and group).
    write_all_atomic(list(zip(paths, data, strict=True)), shared_like=target(file_path))
    return paths
