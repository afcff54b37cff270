"""`run_app`: the settings file, the terminal and --theme decide the theme and the glyphs;
the app is built but not run (a stand-in `run` catches it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.scrollbar import ScrollBar, ScrollBarRender

from pctui.app import run
from pctui.app.review_app import ReviewApp
from pctui.app.widgets.plain_scrollbar import PlainScrollBarRender
from pctui.storage import ConsultationFile


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[ReviewApp]:
    """The apps run_app would have run; settings in tmp_path, a 256-colour xterm."""
    apps: list[ReviewApp] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self, *a, **k: apps.append(self))
    monkeypatch.setattr(run.gc, "freeze", lambda: None)
    monkeypatch.setattr(ScrollBar, "renderer", ScrollBar.renderer)  # restored afterwards
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("COLORTERM", "TEXTUAL_COLOR_SYSTEM", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return apps


def settings(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "config" / "pctui"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def test_the_configured_theme_is_used_and_switching_saves(started, sample_path, tmp_path):
    settings(tmp_path, 'theme = "pctui-light"\n')
    run.run_app(ConsultationFile.load(sample_path), "yamada")
    app = started[0]
    assert app.theme == "pctui-light" and not app.render_context.plain
    assert ScrollBar.renderer is ScrollBarRender
    app.theme = "pctui-dark"
    saved = (tmp_path / "config" / "pctui" / "config.toml").read_text(encoding="utf-8")
    assert saved == 'theme = "pctui-dark"\n'


def test_theme_overrides_the_settings_for_the_session(started, sample_path, tmp_path):
    settings(tmp_path, 'theme = "pctui-light"\n')
    run.run_app(ConsultationFile.load(sample_path), "yamada", theme="pctui-high-contrast")
    assert started[0].theme == "pctui-high-contrast"
    saved = (tmp_path / "config" / "pctui" / "config.toml").read_text(encoding="utf-8")
    assert saved == 'theme = "pctui-light"\n'


def test_a_linux_console_gets_its_colours_and_plain_glyphs(started, sample_path, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    run.run_app(ConsultationFile.load(sample_path), "yamada")
    app = started[0]
    assert app.theme == "pctui-terminal"
    assert app.render_context.plain and app.has_class("-plain-glyphs")
    assert ScrollBar.renderer is PlainScrollBarRender


def test_bad_settings_are_told_not_fatal(started, sample_path, tmp_path) -> None:
    settings(tmp_path, 'theme = "gone"\nglyphs = "fancy"\n')
    run.run_app(ConsultationFile.load(sample_path), "yamada")
    app = started[0]
    assert app.theme == "pctui-dark"
    problems = " | ".join(app.startup_notices)
    assert "glyphs must be one of" in problems and "no theme called 'gone'" in problems
