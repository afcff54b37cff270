"""`[consultation] timezone` is read into the model and written back by a new file."""

from __future__ import annotations

from pathlib import Path

from tests.storage.conftest import HEADER

from pctui.storage import ConsultationFile, render_consultation


def test_the_zone_survives_a_rendered_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    text = HEADER.replace(
        'title = "テスト計画（案）"\n', 'title = "テスト計画（案）"\ntimezone = "Asia/Tokyo"\n'
    )
    path.write_text(text, encoding="utf-8")
    consultation = ConsultationFile.load(path).consultation
    assert consultation.meta.timezone == "Asia/Tokyo"
    again = tmp_path / "again.toml"
    again.write_text(render_consultation(consultation), encoding="utf-8")
    assert 'timezone = "Asia/Tokyo"' in again.read_text(encoding="utf-8")
    assert ConsultationFile.load(again).consultation.meta.timezone == "Asia/Tokyo"
    consultation.meta.timezone = ""
    assert "timezone" not in render_consultation(consultation)  # unnamed stays unnamed
