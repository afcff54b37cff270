"""Regenerate the guide's screenshots from the sample: `python docs/images/screenshots.py`.

The screens are Textual's own SVG export of the real app (the same as the snapshot
tests). Rich writes each run of text with `textLength` = characters × cell width, which
squeezes full-width Japanese (two cells per character) into half its width in a browser,
so the lengths are corrected to cells × cell width here.
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from pctui.app.review_app import ReviewApp
from pctui.i18n import install
from pctui.storage import ConsultationFile

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "consultations" / "2025-jumin.toml"
CELL = 12.2  # Rich's SVG cell width: 0.61 × the 20px font size

SHOTS: list[tuple[str, int, int, str, list[str], str, dict[str, Any]]] = [
    # (file name, width, height, login, keys, language, options of ReviewApp)
    ("main-screen.svg", 120, 40, "tanaka", ["n"], "en", {}),
    ("main-screen-80x24.svg", 80, 24, "yamada", [], "en", {}),
    ("main-screen-ja.svg", 120, 40, "tanaka", ["n"], "ja", {}),
    ("theme-high-contrast.svg", 100, 30, "tanaka", ["n"], "en", {"theme": "pctui-high-contrast"}),
    ("theme-light.svg", 100, 30, "tanaka", ["n"], "en", {"theme": "pctui-light"}),
    ("plain-glyphs.svg", 100, 30, "tanaka", ["n"], "en",
     {"theme": "pctui-terminal", "plain": True}),
]  # fmt: skip


def _runs(text: str) -> list[str]:
    """`text` cut where characters change between one and two cells wide."""
    runs: list[str] = []
    for char in text:
        if runs and cell_len(runs[-1][-1]) == cell_len(char):
            runs[-1] += char
        else:
            runs.append(char)
    return runs


def fix_widths(svg: str) -> str:
    """`svg` with every text run measured in terminal cells.

    Each run is also cut where narrow and wide characters meet, each piece placed at its
    own cell: a browser spreads a run's textLength evenly over its glyphs, which would
    shift half-width characters next to full-width ones.
    """

    def fixed(match: re.Match[str]) -> str:
        attributes, body = match.group(1), match.group(2)
        x_match = re.search(r'x="([0-9.]+)"', attributes)
        if x_match is None:
            return match.group(0)
        x = float(x_match.group(1))
        pieces = []
        for run in _runs(html.unescape(body)):
            cells = cell_len(run)
            piece = re.sub(r'textLength="[0-9.]+"', f'textLength="{round(cells * CELL, 1)}"',
                           attributes)  # fmt: skip
            piece = re.sub(r'x="[0-9.]+"', f'x="{round(x, 1)}"', piece)
            shown = html.escape(run, quote=False).replace("\xa0", "&#160;")
            pieces.append(f"<text{piece}>{shown}</text>")
            x += cells * CELL
        return "".join(pieces)

    return re.sub(r"<text([^>]*)>([^<]*)</text>", fixed, svg)


async def shoot(
    path: Path, width: int, height: int, login: str, keys: list[str], options: dict[str, Any]
) -> str:
    """The SVG of the app (made with `options`) on `path` as `login` after pressing `keys`."""
    app = ReviewApp(ConsultationFile.load(path), login, watch_interval=None, **options)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.export_screenshot(title="pctui open consultations/2025-jumin.toml")


def main() -> int:
    """Write every screenshot next to this script; returns the exit status."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / SAMPLE.name  # the app never writes here, but be sure
        shutil.copyfile(SAMPLE, copy)
        for name, width, height, login, keys, language, options in SHOTS:
            install(language)
            svg = asyncio.run(shoot(copy, width, height, login, keys, options))
            (HERE / name).write_text(fix_widths(svg), encoding="utf-8")
            print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
