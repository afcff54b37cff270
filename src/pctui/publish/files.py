"""Rendering a publication into the requested formats and writing the output files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pctui.base.atomic import target, write_all_atomic
from pctui.model.records import Consultation
from pctui.publish.document import Publication, build
from pctui.publish.html import to_html
from pctui.publish.markdown import to_markdown
from pctui.publish.table import to_csv
from pctui.publish.xlsx import to_xlsx

RENDERERS: dict[str, Callable[[Publication], bytes]] = {
    "md": lambda pub: to_markdown(pub).encode("utf-8"),
    "html": lambda pub: to_html(pub).encode("utf-8"),
    "csv": to_csv,
    "xlsx": to_xlsx,
}
FORMATS = tuple(RENDERERS)


def render(consultation: Consultation, fmt: str, draft: bool = False) -> bytes:
    """The bytes of `consultation` published as `fmt` (md, html, csv, xlsx)."""
    return RENDERERS[fmt](build(consultation, draft))


def outputs(
    file_path: Path,
    consultation: Consultation,
    formats: Sequence[str] = FORMATS,
    out_dir: Path | None = None,
) -> list[Path]:
    """The paths a publish of `file_path` writes: `<id>.<fmt>` beside it, or in `out_dir`.

    Beside the file a symbolic link names, not beside the link: where the consultation
    really lives (and is committed), its publication is too. In the order of `formats`;
    nothing is written. The git side uses this to know which files to commit with an
    approval.
    """
    folder = out_dir if out_dir is not None else target(file_path).parent
    return [folder / f"{consultation.meta.id}.{fmt}" for fmt in formats]


def write_outputs(
    file_path: Path,
    consultation: Consultation,
    formats: Sequence[str] = FORMATS,
    out_dir: Path | None = None,
    draft: bool = False,
) -> list[Path]:
    """Render every format and replace every file, or none; returns the paths written.

    Every format is rendered before the first file is written, and every file is written
    aside before the first is put in place (`write_all_atomic`), so neither a failure to
    render nor a full disk leaves a set of new and old files. SaveError says why.
    """
    publication = build(consultation, draft)
    paths = outputs(file_path, consultation, formats, out_dir)
    data = [RENDERERS[fmt](publication) for fmt in formats]
    write_all_atomic(list(zip(paths, data, strict=True)))
    return paths
