"""v: the selected item's TOML, and D: the file's pending git diff, both highlighted with
Pygments in the theme's style; escape or q closes them."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from rich.syntax import Syntax
from textual.widgets import Static

from pctui.app.render.context import RenderContext
from pctui.app.render.help_text import help_lines
from pctui.app.screens.code_view import DIFF, TOML, CodeScreen, cut
from pctui.app.screens.review import MainScreen
from pctui.theming import load_catalog


@pytest.fixture
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No machine git configuration; a fixed identity."""
    home = tmp_path_factory.mktemp("git-home")
    (home / "gitconfig").write_text("", encoding="utf-8")
    for key in list(os.environ):
        if key.startswith("GIT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test Clerk")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "clerk@example.jp")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def committed(path: Path) -> Path:
    """`path`'s folder made a repository with `path` committed."""
    git(path.parent, "init", "-q", "-b", "main")
    git(path.parent, "add", path.name)
    git(path.parent, "commit", "-q", "-m", "the consultation")
    return path


async def pending_diff(pilot) -> None:
    """Press D and wait for git (run by a worker) and the screen it leads to."""
    await pilot.press("D")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(app) -> CodeScreen:
    screen = app.screen
    assert isinstance(screen, CodeScreen), screen
    return screen


def test_v_shows_the_items_toml_as_written_highlighted(make_app, drive, sample_path) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("j", "j", "v")
        view = shown(app)
        no = app.main.selected.no
        assert view.code == app.file.item_text(no)
        assert view.code.lstrip().startswith("[[items]]") and f"no = {no}" in view.code
        assert view.lexer == TOML and view.style == app.theme_spec.pygments
        syntax = view.query_one("#code", Static).content
        assert isinstance(syntax, Syntax) and syntax.start_line == app.file.place(no, "items")[0]
        first = sample_path.read_text(encoding="utf-8").splitlines()[syntax.start_line - 1]
        assert first.startswith("[[items]]")
        assert f"No.{no}" in view.query_one("#code-box").border_title
        await pilot.press("G", "k", "g", "j")  # scrolls, stays open
        assert isinstance(app.screen, CodeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("v", "q")
        assert isinstance(app.screen, MainScreen)
        assert app.is_running  # q closed the view, not the app

    drive(app, script, size=(80, 24))


def test_v_uses_the_current_themes_pygments_style(make_app, drive) -> None:
    app = make_app("yamada")
    expected = load_catalog(include_user=False).themes["pctui-light"].pygments

    async def script(pilot) -> None:
        app.theme = "pctui-light"
        await pilot.press("v")
        assert shown(app).style == expected

    drive(app, script)


def test_D_shows_the_pending_git_diff(make_app, drive, sample_path, isolated_git) -> None:
    committed(sample_path)
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("n", "a")  # approve: the file now differs from HEAD
        no = app.main.selected.no
        await pending_diff(pilot)
        view = shown(app)
        assert view.lexer == DIFF and view.style == app.theme_spec.pygments
        assert view.code.startswith("diff --git")
        added = [
            line for line in view.code.splitlines() if line.startswith("+") and "yamada" in line
        ]
        assert added, view.code
        assert "git diff HEAD" in view.query_one("#code-box").border_title
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.main.selected.no == no

    drive(app, script)


def test_D_with_nothing_pending_says_so(make_app, drive, sample_path, isolated_git) -> None:
    committed(sample_path)
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pending_diff(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.last_said() == ("warning", f"nothing to commit: HEAD already holds "
                                   f"{sample_path.name} as it is")  # fmt: skip

    drive(app, script)


def test_D_outside_a_repository_says_why(make_app, drive) -> None:
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pending_diff(pilot)
        assert isinstance(app.screen, MainScreen)
        severity, message = app.last_said()
        assert severity == "warning" and "not in a git repository" in message

    drive(app, script)


def test_D_on_a_file_not_yet_committed_shows_all_of_it_added(
    make_app, drive, sample_path, isolated_git
) -> None:
    git(sample_path.parent, "init", "-q", "-b", "main")
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pending_diff(pilot)
        view = shown(app)
        assert "not committed yet" in view.query_one("#code-box").border_title
        assert "+[[items]]" in view.code

    drive(app, script)


def test_hostile_text_in_the_raw_view_is_inert(make_app, drive, sample_path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    text = text.replace("[[items]]\nno = 1\n", "[[items]]\nno = 1\n# \u202eevil\u202c\n", 1)
    sample_path.write_text(text, encoding="utf-8")
    app = make_app("yamada")

    async def script(pilot) -> None:
        await pilot.press("g", "v")
        assert "\u202e" not in shown(app).code and "\\u202e" in shown(app).code

    drive(app, script)


def test_a_very_long_text_is_cut_with_a_note() -> None:
    code = "".join(f"+line {n}\n" for n in range(12))
    kept, left_out = cut(code, limit=10)
    assert kept.count("\n") == 10 and left_out == 2
    assert cut("a\nb\n", limit=10) == ("a\nb\n", 0)


def test_the_help_lists_both_views() -> None:
    text = "\n".join(line.plain for line in help_lines(120, RenderContext()))
    assert re.search(r"^ +v +Show the selected item's TOML", text, re.M), text
    assert re.search(r"^ +D +Show the file's changes that a commit would record", text, re.M)
