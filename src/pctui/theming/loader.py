"""Reading one theme file: every problem is reported as `path:line:col: message`.

A theme is all or nothing: a file with any problem is not used (the caller says why and
goes on with the other themes). Pure Python: no Textual, no Rich.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from pygments.styles import STYLE_MAP, get_all_styles

from pctui.base.problems import Problem
from pctui.base.toml_locate import Locator
from pctui.i18n import N_, _
from pctui.theming.spec import (
    BADGE_MARKS,
    DIFF_MARKS,
    OPTIONAL_COLOURS,
    OTHER_MARKS,
    SHIPPED,
    TEXTUAL_COLOURS,
    ThemeSpec,
    derived_marks,
)
from pctui.theming.styles import (
    colour_problem,
    has_attribute,
    style_problem,
    variable_problem,
)

TOP_KEYS = ("name", "description", "dark", "ansi", "pygments", *TEXTUAL_COLOURS,
            *OPTIONAL_COLOURS)  # fmt: skip
TABLES = {"diff": DIFF_MARKS, "badges": BADGE_MARKS, "marks": OTHER_MARKS, "variables": ()}
NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
DEFAULT_PYGMENTS = {True: "native", False: "default"}  # by `dark`


@cache
def pygments_styles() -> tuple[str, ...]:
    """The names of the Pygments styles installed (built in and from plugins), sorted."""
    return tuple(sorted(get_all_styles()))


def pygments_style_exists(name: str) -> bool:
    """True when Pygments has a style called `name`. A built-in name is looked up without
    importing every style module (60 ms at each start); only other names are looked for
    among the plugins."""
    return name in STYLE_MAP or name in pygments_styles()


def _did_you_mean(word: str, known: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return _("; did you mean {name}?").format(name=repr(close[0])) if close else ""


class _Checker:
    """Collects the problems of one file, each placed at its key."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.locator = Locator(text)
        self.problems: list[Problem] = []

    def add(self, table: str, key: str | None, message: str) -> None:
        line, col = self.locator.find(table, 0, key)
        self.problems.append(Problem(str(self.path), line, col, message))

    def known_keys(self, table: str, data: dict[str, Any], known: tuple[str, ...]) -> None:
        where = f"[{table}]" if table else _("the theme")
        for key in data:
            if key not in known and not (table == "" and key in TABLES):
                hint = _did_you_mean(key, known)
                message = _("unknown key {key} in {where}{hint}")
                self.add(table, key, message.format(key=repr(key), where=where, hint=hint))


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    match = _AT.search(message)
    line, col = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
    detail = _AT.sub("", message).strip()
    return Problem(str(path), line, col, _("TOML syntax: {error}").format(error=detail))


def _table(check: _Checker, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        check.add("", name, _("{name} must be a table: [{name}]").format(name=name))
        return {}
    return value


def _marks(check: _Checker, table: str, data: dict[str, Any], required: bool) -> dict[str, str]:
    """The styles of `[table]`, checked; missing required ones are reported."""
    names = TABLES[table]
    found: dict[str, str] = {}
    for name in names:
        if name not in data:
            if required:
                message = _('[{table}] needs {name} = "STYLE"')
                check.add(table, None, message.format(table=table, name=name))
            continue
        problem = style_problem(data[name])
        if problem:
            check.add(table, name, f"{table}.{name}: {problem}")
        else:
            found[name] = data[name]
    return found


INSERTED_RULE = N_(
    'diff.inserted must be underlined and not struck through (e.g. "bold underline #56d364"), '
    "so insertions differ from deletions without colour"
)
DELETED_RULE = N_(
    'diff.deleted must be struck through and not underlined (e.g. "strike #f47067"), '
    "so deletions differ from insertions without colour"
)


def _check_diff(check: _Checker, diff: dict[str, str]) -> None:
    """Insertions and deletions must differ by more than colour (colour-blind reviewers,
    NO_COLOR, 16-colour terminals): underline for one, strike-through for the other."""
    for key, wanted, unwanted, rule in (
        ("inserted", "underline", "strike", INSERTED_RULE),
        ("deleted", "strike", "underline", DELETED_RULE),
    ):
        style = diff.get(key)
        if style is not None and (
            not has_attribute(style, wanted) or has_attribute(style, unwanted)
        ):
            check.add("diff", key, _(rule))


def _top(check: _Checker, data: dict[str, Any]) -> dict[str, Any]:
    """The top-level keys, checked; returns the usable values."""
    values: dict[str, Any] = {}
    stem = check.path.stem
    name = data.get("name", stem)
    if not isinstance(name, str) or not NAME.fullmatch(name):
        example = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-") or "my-theme"
        message = _("name must be lower-case letters, digits, - and _ (e.g. {example})")
        check.add("", "name", message.format(example=repr(example)))
    values["name"] = name
    for key in ("dark", "ansi"):
        if key in data and not isinstance(data[key], bool):
            check.add("", key, _("{key} must be true or false").format(key=key))
    if "dark" not in data:
        check.add("", None, _("the theme needs dark = true (light text on dark) or false"))
    values["dark"] = data.get("dark") is True
    values["ansi"] = data.get("ansi") is True
    description = data.get("description", "")
    if not isinstance(description, str):
        check.add("", "description", _("description must be a string in quotes"))
    values["description"] = description if isinstance(description, str) else ""
    colours: dict[str, str] = {}
    for key in (*TEXTUAL_COLOURS, *OPTIONAL_COLOURS):
        if key not in data:
            if key in TEXTUAL_COLOURS:
                check.add("", None, _('the theme needs {key} = "#rrggbb"').format(key=key))
            continue
        problem = colour_problem(data[key])
        if problem:
            check.add("", key, f"{key}: {problem}")
        else:
            colours[key] = data[key]
    values["colours"] = colours
    pygments = data.get("pygments", DEFAULT_PYGMENTS[values["dark"]])
    if not isinstance(pygments, str) or not pygments_style_exists(pygments):
        hint = _did_you_mean(str(pygments), pygments_styles())
        message = _("pygments: no Pygments style {name}{hint} (`pctui themes --pygments`)")
        check.add("", "pygments", message.format(name=repr(pygments), hint=hint))
    values["pygments"] = pygments
    return values


def load_theme(path: Path, origin: str = SHIPPED) -> tuple[ThemeSpec | None, list[Problem]]:
    """(the theme, []) from the file at `path`, or (None, every problem found)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else _("not UTF-8 text")
        message = _("cannot read the theme: {reason}").format(reason=reason)
        return None, [Problem(str(path), 1, 1, message)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_syntax_problem(path, error)]
    check = _Checker(path, text)
    check.known_keys("", data, TOP_KEYS)
    top = _top(check, data)
    tables = {name: _table(check, data, name) for name in TABLES}
    for name in ("diff", "badges", "marks"):
        check.known_keys(name, tables[name], TABLES[name])
    diff = _marks(check, "diff", tables["diff"], required=True)
    badges = _marks(check, "badges", tables["badges"], required=True)
    marks = _marks(check, "marks", tables["marks"], required=False)
    _check_diff(check, diff)
    variables: dict[str, str] = {}
    for key, value in tables["variables"].items():
        problem = variable_problem(key, value)
        if problem:
            check.add("variables", key, f"variables.{key}: {problem}")
        else:
            variables[key] = value
    if check.problems:
        return None, sorted(check.problems, key=lambda p: (p.line, p.col))
    styles = {**diff, **badges, **derived_marks(diff, badges), **marks}
    spec = ThemeSpec(
        name=top["name"],
        description=top["description"],
        dark=top["dark"],
        ansi=top["ansi"],
        colours=top["colours"],
        variables=variables,
        styles=styles,
        pygments=top["pygments"],
        path=path,
        origin=origin,
    )
    return spec, []
