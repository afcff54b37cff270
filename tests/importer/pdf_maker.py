"""A small PDF writer for the import tests: Japanese text in the standard CID font
HeiseiKakuGo-W5 (not embedded; the UniJIS-UCS2-H encoding lets any reader map it back to
Unicode) and ruled table cells, on A4 pages. Enough to reproduce the layout results are
printed in — merged answer cells, rows broken across a page, headings between tables —
without LibreOffice on the test machine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

WIDTH, HEIGHT = 595, 842  # A4 in points
SIZE = 10  # font size; every glyph is one em wide (the font's default width)


@dataclass
class Page:
    """Drawing operations of one page, in coordinates from the top left corner."""

    ops: list[str] = field(default_factory=list)

    def text(self, x: float, top: float, text: str, size: float = SIZE) -> None:
        """`text` on one line, its top at `top`."""
        encoded = text.encode("utf-16-be").hex().upper()
        baseline = HEIGHT - top - size * 0.88
        self.ops.append(f"BT /F1 {size} Tf {x:.2f} {baseline:.2f} Td <{encoded}> Tj ET")

    def cell(self, x0: float, top: float, x1: float, bottom: float, text: str = "") -> None:
        """A ruled cell with `text` wrapped to its width (one em per character)."""
        self.ops.append(f"{x0:.2f} {HEIGHT - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re S")
        per_line = max(1, int((x1 - x0 - 6) // SIZE))
        for index, start in enumerate(range(0, len(text), per_line)):
            self.text(x0 + 3, top + 3 + index * (SIZE + 3), text[start : start + per_line])


def write_pdf(path: Path, pages: list[Page]) -> Path:
    """Write `pages` as a PDF file at `path`."""
    objects: list[bytes] = []
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H "
        b"/DescendantFonts [4 0 R] >>"
    )
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
        b"/FontDescriptor 5 0 R /DW 1000 >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >>"
    )
    first_page = 6
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(font)
    objects.append(descendant)
    objects.append(descriptor)
    for index, page in enumerate(pages):
        content = "\n".join(page.ops).encode()
        contents = first_page + 2 * index + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {contents} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    path.write_bytes(bytes(out))
    return path
