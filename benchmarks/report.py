"""Rows of the benchmark's table: one figure at one size, with its reference and target."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

NA_TUI = "n/a (no TUI yet)"

# Every figure the benchmark reports, in table order (the JSON has each of them per size).
FIGURES = {
    "read_text": "reading the text (reference)",
    "tomllib_loads": "tomllib.loads, whole file (reference)",
    "empty_app_first_frame": "empty Textual app to first frame (reference)",
    "open_first_frame": "pctui open to first frame with the list",
    "next_item_p95": "next item (j), p95 over presses",
    "signoff_save": "sign-off saved (transact)",
    "revision_save": "new revision saved (transact)",
    "validate": "pctui validate",
    "status": "pctui status",
    "status_json": "pctui status --json",
    "load": "ConsultationFile.load in-process",
    "inline_diff": "inline diff, two 5,000-char revisions",
    "inline_diff_flat": "inline diff, same as one paragraph",
    "peak_memory_open": "peak memory of pctui open",
    "peak_memory_load": "peak memory of loading the file",
}

# Figures whose growth from the smallest to the largest size is checked against linear:
# those of issue 6. The in-process load is a diagnostic (validate and status contain it);
# at 1,000 items it reads in one process and at 10,000 on two (see pctui.storage.parallel).
SCALING = (
    "open_first_frame",
    "next_item_p95",
    "signoff_save",
    "revision_save",
    "validate",
    "status",
    "status_json",
    "peak_memory_open",
    "peak_memory_load",
)


@dataclass
class Row:
    """One line of the table (and one object of the JSON's "rows")."""

    key: str
    figure: str
    size: int
    value: float | None
    unit: str
    reference: str = "—"
    reference_value: float | None = None
    target: str = "—"
    ok: bool | None = None
    note: str = ""
    samples: list[float] | None = None
    shape: str = "standard"  # of the generated file (benchmarks.shapes)
    # value / the reference the target is a multiple of (tomllib.loads, the empty app), and
    # the multiple allowed: what the worst-shape rows compare.
    ratio: float | None = None
    allowed_ratio: float | None = None

    @property
    def shown(self) -> str:
        """The value as printed: with its unit, or the note when there is no value."""
        if self.value is None:
            return self.note or "n/a"
        return amount(self.value, self.unit)


def amount(value: float, unit: str) -> str:
    """`value` in `unit`, rounded for reading."""
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f}{unit}"


def row(key: str, size: int, value: float | None, unit: str, **extra: Any) -> Row:
    """A row for figure `key` (its label from FIGURES)."""
    label = FIGURES.get(key, key)
    return Row(key=key, figure=label, size=size, value=value, unit=unit, **extra)


def growth_rows(rows: list[Row]) -> list[Row]:
    """For each shape and scaling figure measured at two sizes or more: largest size's value
    over smallest's, against linear."""
    found = []
    for shape in dict.fromkeys(r.shape for r in rows):
        found += _growth([r for r in rows if r.shape == shape], shape)
    return found


def _growth(rows: list[Row], shape: str) -> list[Row]:
    sizes = sorted({r.size for r in rows})
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    linear = large / max(small, 1)
    found = []
    for key in SCALING:
        values = {r.size: r.value for r in rows if r.key == key}
        low, high = values.get(small), values.get(large)
        if low is None or high is None or low <= 0:
            continue
        ratio = high / low
        found.append(
            Row(
                key=f"growth:{key}",
                figure=f"growth of {key}, {small}→{large} items",
                size=large,
                value=ratio,
                unit="×",
                reference=f"items ×{linear:g}",
                reference_value=linear,
                target=f"≤ {linear:g}× (linear)",
                ok=ratio <= linear,
                shape=shape,
            )
        )
    return found


# Figures whose worst shape is reported at each size: by their ratio to the same-run
# reference where they have one (validate, status, open), else by their value.
WORST = ("open_first_frame", "next_item_p95", "validate", "status", "status_json")


def worst_rows(rows: list[Row]) -> list[Row]:
    """For each figure of WORST and each size measured on two shapes or more: the shape
    where it comes out worst, and whether every shape meets its target."""
    found = []
    for key in WORST:
        for size in sorted({r.size for r in rows if r.key == key}):
            measured = [r for r in rows if r.key == key and r.size == size and r.value is not None]
            if len({r.shape for r in measured}) < 2:
                continue
            ratios = all(r.ratio is not None for r in measured)
            worst = max(measured, key=lambda r: (r.ratio if ratios else r.value) or 0.0)
            every = [r.ok for r in measured]
            value = worst.ratio if ratios else worst.value
            assert value is not None
            found.append(
                Row(
                    key=f"worst:{key}",
                    figure=f"worst shape of {key}",
                    size=size,
                    value=value,
                    unit="×" if ratios else worst.unit,
                    reference=f"{worst.shape} ({worst.shown})",
                    target=f"≤ {worst.allowed_ratio:.2g}×" if ratios else worst.target,
                    ok=None if None in every else all(every),
                    note=", ".join(f"{r.shape} {_ratio_or_value(r)}" for r in measured),
                    shape=worst.shape,
                    ratio=worst.ratio,
                    allowed_ratio=worst.allowed_ratio,
                )
            )
    return found


def _ratio_or_value(r: Row) -> str:
    return f"{r.ratio:.2f}×" if r.ratio is not None else r.shown


def _mark(ok: bool | None) -> str:
    return "—" if ok is None else ("ok" if ok else "OVER")


def table(rows: list[Row]) -> str:
    """The rows as an aligned plain-text table:
    figure | shape | size | value | reference | target | ok?"""
    header = ("figure", "shape", "size", "value", "reference", "target", "ok?")
    lines = [_cells(r) for r in rows]
    widths = [max(len(cells[n]) for cells in [header, *lines]) for n in range(len(header))]
    out = []
    for n, cells in enumerate([header, *lines]):
        out.append(" | ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip())
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def _cells(r: Row) -> tuple[str, ...]:
    return (r.figure, r.shape, str(r.size), r.shown, r.reference, r.target, _mark(r.ok))


def markdown(rows: list[Row]) -> str:
    """The rows as a Markdown table (for docs/performance.md)."""
    out = [
        "| figure | shape | size | value | reference | target | ok? |",
        "|---|---|---:|---:|---|---|---|",
    ]
    for r in rows:
        cells = _cells(r)
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out)


def write_json(path: Path, meta: dict[str, Any], rows: list[Row]) -> None:
    """Write {"meta": ..., "rows": [...]} to `path`."""
    data = {"meta": meta, "rows": [asdict(r) for r in rows]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
