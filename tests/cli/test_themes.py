"""`pctui themes`: list, mark the current one, say where each comes from, choose with --set;
`pctui open --theme` refuses an unknown name. Settings go to a temporary config folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pctui.theming import shipped_themes_dir

SHIPPED = ["pctui-dark", "pctui-high-contrast", "pctui-light", "pctui-terminal"]


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """pctui's config folder, in tmp_path (platformdirs follows XDG_CONFIG_HOME). Without
    the shared config.toml's `lang`, the locale says English (`open` is told --lang en:
    the sample's own language would come first)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
    return tmp_path / "config" / "pctui"


def listed(stdout: str) -> dict[str, str]:
    """name -> its first listing line (the second line of each is its file)."""
    found = {}
    for line in stdout.splitlines():
        if line[:2] in ("* ", "  ") and not line.startswith("   "):
            found[line[2:].split()[0]] = line
    return found


def test_themes_lists_every_theme_and_marks_the_default(pctui, config_home: Path) -> None:
    done = pctui("themes")
    assert done.returncode == 0, done.stderr
    lines = listed(done.stdout)
    assert sorted(lines) == SHIPPED
    assert lines["pctui-dark"].startswith("* ")  # 256 colours: the default dark theme
    assert "light" in lines["pctui-light"].split() and "shipped" in lines["pctui-light"].split()
    assert str(shipped_themes_dir() / "pctui-light.toml") in done.stdout
    assert "current: pctui-dark (the default for a terminal of 256 colours" in done.stdout
    assert f"your themes folder: {config_home / 'themes'}" in done.stdout


def test_a_16_colour_terminal_defaults_to_its_own_colours(pctui, config_home, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    assert listed(pctui("themes").stdout)["pctui-terminal"].startswith("* ")


def test_set_saves_the_choice_and_the_listing_follows(pctui, config_home: Path) -> None:
    done = pctui("themes", "--set", "pctui-high-contrast")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"theme set to pctui-high-contrast (saved in {config_home / 'config.toml'})"
    )
    settings = tomllib.loads((config_home / "config.toml").read_text(encoding="utf-8"))
    assert settings["theme"] == "pctui-high-contrast"
    done = pctui("themes")
    assert listed(done.stdout)["pctui-high-contrast"].startswith("* ")
    assert f"(chosen in {config_home / 'config.toml'})" in done.stdout


def test_set_keeps_the_other_settings(pctui, config_home: Path) -> None:
    config_home.mkdir(parents=True)
    (config_home / "config.toml").write_text('# mine\nlang = "ja"\n', encoding="utf-8")
    assert pctui("themes", "--set", "pctui-light").returncode == 0
    text = (config_home / "config.toml").read_text(encoding="utf-8")
    assert text.startswith('# mine\nlang = "ja"\n') and 'theme = "pctui-light"' in text


def test_an_unknown_name_is_refused_with_a_suggestion(pctui, config_home: Path) -> None:
    done = pctui("themes", "--set", "pctui-lite")
    assert done.returncode == 2
    assert "no theme called 'pctui-lite'; did you mean 'pctui-light'?" in done.stderr
    assert not (config_home / "config.toml").exists()


def test_open_refuses_an_unknown_theme_before_any_screen(pctui, config_home, sample_path):
    done = pctui("open", "--lang", "en", "--theme", "solarized", sample_path)
    assert done.returncode == 2
    assert done.stderr.startswith("pctui: --theme: no theme called 'solarized'")
    assert "pctui-dark" in done.stderr and "\x1b[" not in done.stdout


def test_a_user_theme_is_listed_and_a_bad_one_reported(pctui, config_home: Path) -> None:
    folder = config_home / "themes"
    folder.mkdir(parents=True)
    light = (shipped_themes_dir() / "pctui-light.toml").read_text(encoding="utf-8")
    (folder / "office.toml").write_text(light.replace('"pctui-light"', '"office"'), "utf-8")
    bad = light.replace('"pctui-light"', '"bad"').replace("strike #b3261e", "#b3261e")
    (folder / "bad.toml").write_text(bad, encoding="utf-8")
    done = pctui("themes")
    assert done.returncode == 1  # a theme file has a problem
    lines = listed(done.stdout)
    assert "office" in lines and "yours" in lines["office"] and "bad" not in lines
    line = next(n for n, text in enumerate(bad.splitlines(), 1) if text.startswith("deleted"))
    assert done.stderr.startswith(f"{folder / 'bad.toml'}:{line}:1: diff.deleted must be struck")


def test_a_configured_theme_that_is_gone_falls_back(pctui, config_home: Path) -> None:
    config_home.mkdir(parents=True)
    (config_home / "config.toml").write_text('theme = "removed"\n', encoding="utf-8")
    done = pctui("themes")
    assert done.returncode == 0
    assert "no theme called 'removed'" in done.stderr and "using 'pctui-dark'" in done.stderr
    assert listed(done.stdout)["pctui-dark"].startswith("* ")


def test_pygments_lists_the_style_names(pctui, config_home: Path) -> None:
    done = pctui("themes", "--pygments")
    assert done.returncode == 0
    assert {"monokai", "fruity", "default"} <= set(done.stdout.split())


def test_the_listing_and_its_problems_speak_japanese(pctui, config_home: Path) -> None:
    folder = config_home / "themes"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text('name = "bad"\ndark = true\n', encoding="utf-8")
    done = pctui("--lang", "ja", "themes")
    assert done.returncode == 1
    lines = listed(done.stdout)
    assert "ライト" in lines["pctui-light"].split() and "同梱" in lines["pctui-light"].split()
    assert "現在: pctui-dark（256 色の端末での既定。" in done.stdout
    assert 'テーマには primary = "#rrggbb" が必要です' in done.stderr
    refused = pctui("--lang", "ja", "themes", "--set", "pctui-lite")
    assert "'pctui-light' の誤りではありませんか？" in refused.stderr
    assert "pctui: --set: テーマ 'pctui-lite' はありません。" in refused.stderr
