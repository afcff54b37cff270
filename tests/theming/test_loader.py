"""Reading theme files: the shipped ones are complete, a bad one says where and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from pctui.theming import SHIPPED, USER, load_catalog, load_theme, shipped_themes_dir
from pctui.theming.spec import BADGE_MARKS, OTHER_MARKS, TEXTUAL_COLOURS
from pctui.theming.styles import has_attribute

REPO_THEMES = Path(__file__).resolve().parents[2] / "themes"
SHIPPED_NAMES = {"pctui-dark", "pctui-light", "pctui-high-contrast", "pctui-terminal"}

GOOD = """\
name = "mine"
dark = true
pygments = "monokai"
primary = "#112233"
secondary = "#223344"
accent = "#ffa62b"
warning = "#ffa62b"
error = "#ba3c5b"
success = "#4ebf71"
background = "#000"
surface = "#111111"
panel = "#222222"

[diff]
inserted = "underline green"
deleted = "strike red"

[badges]
draft = "dim"
in-review = "yellow"
changes-requested = "bold red"
approved = "bold green"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_themes_are_found_and_complete() -> None:
    assert {path.name for path in shipped_themes_dir().glob("*.toml")} == {
        path.name for path in REPO_THEMES.glob("*.toml")
    }
    catalog = load_catalog(user=Path("/nonexistent"))
    assert catalog.problems == []
    assert set(catalog.themes) >= SHIPPED_NAMES
    for spec in catalog.themes.values():
        assert spec.origin == SHIPPED
        assert set(TEXTUAL_COLOURS) <= set(spec.colours), spec.name
        assert set(BADGE_MARKS) | set(OTHER_MARKS) | {"inserted", "deleted"} == set(spec.styles)
        assert has_attribute(spec.styles["inserted"], "underline")
        assert has_attribute(spec.styles["deleted"], "strike")
        assert spec.description


def test_a_light_a_dark_and_a_high_contrast_theme_are_shipped() -> None:
    themes = load_catalog(user=Path("/nonexistent")).themes
    assert themes["pctui-light"].dark is False
    assert themes["pctui-dark"].dark is True
    contrast = themes["pctui-high-contrast"]
    assert contrast.colours["background"] == "#000000"
    # Nothing is dimmed in the high-contrast theme.
    assert not any(has_attribute(style, "dim") for style in contrast.styles.values())


def test_a_good_user_theme_is_read_with_derived_marks(tmp_path: Path) -> None:
    spec, problems = load_theme(write(tmp_path, "mine", GOOD), USER)
    assert problems == []
    assert spec is not None and spec.name == "mine" and spec.origin == USER
    assert spec.styles["approve"] == "bold green"
    assert spec.styles["plus"] == "green" and spec.styles["minus"] == "red"
    assert spec.colours["background"] == "#000"


def test_the_name_defaults_to_the_file_name(tmp_path: Path) -> None:
    spec, _ = load_theme(write(tmp_path, "quiet", GOOD.replace('name = "mine"\n', "")))
    assert spec is not None and spec.name == "quiet"


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (('deleted = "strike red"', 'deleted = "red"'), (16, 1), "struck through"),
        (('inserted = "underline green"', 'inserted = "bold green"'), (15, 1), "underlined"),
        (('primary = "#112233"', 'primary = "blue-ish"'), (4, 1), "not a colour"),
        (('pygments = "monokai"', 'pygments = "monokay"'), (3, 1), "did you mean 'monokai'"),
        (('approved = "bold green"', 'approved = "bold grene"'), (22, 1), "'grene'"),
        (('panel = "#222222"\n', 'panel = "#222222"\nprimery = "#fff"\n'), (13, 1),
         "did you mean 'primary'"),
        (('dark = true\n', ""), (1, 1), "dark = true"),
        (('success = "#4ebf71"\n', ""), (1, 1), "success"),
        (('draft = "dim"\n', ""), (18, 1), "[badges] needs draft"),
        (('name = "mine"', 'name = "Mine Theme"'), (1, 1), "lower-case"),
    ],
)  # fmt: skip
def test_a_bad_theme_is_reported_at_its_line(
    tmp_path: Path, change: tuple[str, str], where: tuple[int, int], words: str
) -> None:
    assert change[0] in GOOD
    path = write(tmp_path, "mine", GOOD.replace(change[0], change[1], 1))
    spec, problems = load_theme(path)
    assert spec is None
    assert len(problems) == 1, problems
    assert (problems[0].line, problems[0].col) == where
    assert str(problems[0]).startswith(f"{path}:{where[0]}:{where[1]}: ")
    assert words in problems[0].message


def test_toml_syntax_errors_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "broken", GOOD.replace('accent = "#ffa62b"', "accent = #ffa62b"))
    spec, problems = load_theme(path)
    assert spec is None
    assert str(problems[0]).startswith(f"{path}:6:")
    assert "TOML syntax" in problems[0].message


def test_variables_are_checked(tmp_path: Path) -> None:
    text = GOOD + '\n[variables]\nblock-cursor-text-style = "bold"\nborder = "#fff 50%"\n'
    spec, problems = load_theme(write(tmp_path, "mine", text))
    assert problems == [] and spec is not None
    assert spec.variables == {"block-cursor-text-style": "bold", "border": "#fff 50%"}
    spec, problems = load_theme(write(tmp_path, "mine", text + "footer-key-foreground = 3\n"))
    assert spec is None and "variables.footer-key-foreground" in problems[0].message


def test_a_bad_user_theme_is_skipped_and_the_others_stay(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    write(user, "mine", GOOD)
    write(user, "broken", "dark = \n")
    write(user, "pctui-dark", GOOD.replace('name = "mine"', 'name = "pctui-dark"'))
    catalog = load_catalog(user=user)
    assert {"mine", "pctui-light", "pctui-dark"} <= set(catalog.themes)
    assert "broken" not in catalog.themes
    assert [str(problem).split(":")[0] for problem in catalog.problems] == [
        str(user / "broken.toml")
    ]
    replaced = catalog.themes["pctui-dark"]
    assert replaced.origin == USER and replaced.overrides
    assert "did you mean 'mine'?" in catalog.unknown("mien")


def test_two_user_files_with_one_name_keep_the_first(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    write(user, "a", GOOD)
    write(user, "b", GOOD)
    catalog = load_catalog(user=user)
    assert catalog.themes["mine"].path.name == "a.toml"
    assert "already defined" in str(catalog.problems[0])


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"\xff\xfe name")
    spec, problems = load_theme(path)
    assert spec is None and "not UTF-8" in str(problems[0])


def test_the_wheel_installs_the_shipped_themes_inside_the_package() -> None:
    # `pip install .` (not editable) has only the wheel: the themes must be copied into it.
    import tomllib

    pyproject = tomllib.loads((REPO_THEMES.parent / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"] == {"themes": "pctui/themes"}
    assert wheel["packages"] == ["src/pctui"]
