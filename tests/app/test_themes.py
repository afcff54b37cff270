"""Themes in the app: only pctui's are offered, the palette switches them, the marks follow
the theme, the choice is remembered; a theme Textual refuses is reported and skipped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.style import Style
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from pctui.app.render.palette import MONOCHROME
from pctui.app.review_app import ReviewApp
from pctui.app.theme_setup import textual_theme
from pctui.storage import ConsultationFile
from pctui.theming import DEFAULT_THEME, load_catalog

SHIPPED = load_catalog(include_user=False)


def test_every_shipped_theme_converts_and_its_styles_parse() -> None:
    for spec in SHIPPED.themes.values():
        theme = textual_theme(spec)
        assert theme.name == spec.name and theme.dark == spec.dark
        assert "primary" in theme.to_color_system().generate()
        for style in spec.styles.values():
            Style.parse(style)


def test_only_pctui_themes_are_offered(make_app, drive) -> None:
    app = make_app("yamada")
    assert app.theme == DEFAULT_THEME
    assert set(app.available_themes) == set(SHIPPED.themes)
    assert not set(BUILTIN_THEMES) & set(app.available_themes)

    async def script(pilot) -> None:
        titles = [command.title for command in app.get_system_commands(app.main)]
        assert "Theme" in titles  # Textual's own switcher, listing what is registered

    drive(app, script)


def test_the_command_palette_switches_theme_and_it_is_remembered(make_app, drive) -> None:
    saved: list[str] = []
    app = make_app("tanaka", remember_theme=saved.append)
    contrast = SHIPPED.themes["pctui-high-contrast"]

    async def script(pilot) -> None:
        await pilot.press("ctrl+p", *"theme")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # Textual's theme list
        await pilot.pause()
        await pilot.press(*"high-contrast")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "pctui-high-contrast"
        assert saved == ["pctui-high-contrast"]
        assert app.render_context.style("inserted") == contrast.styles["inserted"]
        # The list was redrawn in the new theme: No.1's badge is in its approved colour.
        colour = Color.parse(contrast.styles["approved"].split()[-1]).rich_color
        badge = [segment for segment in app.main.table.render_line(1) if "approved" in segment.text]
        assert badge and badge[0].style is not None and badge[0].style.color == colour

    drive(app, script)


def test_a_theme_textual_refuses_is_reported_and_skipped(sample_path: Path) -> None:
    broken = replace(SHIPPED.themes["pctui-light"], name="broken", colours={"primary": "nope"})
    catalog = replace(SHIPPED, themes={**SHIPPED.themes, "broken": broken})
    app = ReviewApp(ConsultationFile.load(sample_path), "yamada", watch_interval=None,
                    themes=catalog, theme="broken")  # fmt: skip
    assert app.theme == DEFAULT_THEME
    assert "broken" not in app.available_themes
    assert any("'broken' cannot be used" in problem for problem in app.startup_notices)
    assert any("not available; using 'pctui-dark'" in p for p in app.startup_notices)


def test_problems_are_told_once_the_app_is_up(make_app, drive) -> None:
    app = make_app("yamada", notices=["config.toml: not valid TOML, settings ignored"])

    async def script(pilot) -> None:
        assert app.said == [("warning", "config.toml: not valid TOML, settings ignored")]

    drive(app, script)


def test_no_color_keeps_marks_to_attributes_whatever_the_theme(make_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app("yamada")
    app.theme = "pctui-high-contrast"
    assert app.render_context.style("inserted") == MONOCHROME["inserted"]
    assert app.render_context.style("changes-requested") == "bold reverse"


def test_plain_glyphs_draw_marks_a_console_can_show(make_app, drive) -> None:
    app = make_app("tanaka", plain=True)
    assert app.render_context.plain and app.has_class("-plain-glyphs")

    async def script(pilot) -> None:
        await pilot.press("n")  # No.7: tanaka signed revision 1, the diff starts there
        table = app.main.table
        assert table.row_text(5).split()[2] == "12-"  # 担当, 係長 signed, 課長 not
        summary = str(app.shown("diff-summary"))
        assert "[-struck-] = removed, {+underlined+} = added" in summary
        inline = str(app.shown("diff-inline"))
        assert "[-" in inline and "{+" in inline
        boxes = "\n".join(app.detail.lines)
        assert "┌" in boxes and "╭" not in boxes and "╰" not in boxes  # straight corners
        progress = str(app.main.query_one("#progress").content)
        assert "1:担当" in progress

    drive(app, script)


def test_unicode_glyphs_by_default(make_app, drive) -> None:
    app = make_app("tanaka")
    assert not app.render_context.plain

    async def script(pilot) -> None:
        assert app.main.table.row_text(5).split()[2] == "担係・"
        top, _left = app.detail.place("opinion")
        assert app.detail.lines[top].startswith("╭")  # the opinion's box, rounded

    drive(app, script)


def test_a_bad_user_theme_is_told_and_the_app_opens(make_app, drive, tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "mine.toml").write_text('dark = "yes"\n', encoding="utf-8")
    app = make_app("yamada", themes=load_catalog(user=folder))

    async def script(pilot) -> None:
        assert app.theme == DEFAULT_THEME
        told = [message for severity, message in app.said if severity == "warning"]
        assert told and told[0].startswith(f"{folder / 'mine.toml'}:1:1: dark must be true")

    drive(app, script)
