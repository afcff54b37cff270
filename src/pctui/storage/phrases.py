"""The office's phrase library, `phrases.toml`: found beside the consultation file, else at
the root of its git repository (the folder holding `.git`), and read with every problem
located (path:line:col)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pctui.base.lazy_pattern import lazy_compile
from pctui.base.problems import LoadError, Problem
from pctui.base.toml_locate import Locator
from pctui.i18n import _
from pctui.model.phrases import Phrase

NAME = "phrases.toml"
_POSITION = lazy_compile(r"at line (\d+), column (\d+)")


def phrase_places(consultation: Path) -> list[Path]:
    """Where the `phrases.toml` for the consultation file at `consultation` is looked for,
    in order: beside it, then at the root of the git repository it is in (if another
    folder). What the app tells a reviewer who has none."""
    folder = consultation.resolve().parent
    places = [folder / NAME]
    for parent in (folder, *folder.parents):
        if (parent / ".git").exists():
            if parent != folder:
                places.append(parent / NAME)
            break
    return places


def find_phrases(consultation: Path) -> Path | None:
    """The `phrases.toml` for the consultation file at `consultation`: beside it, else at
    the root of the repository it is in; None when there is none."""
    return next((place for place in phrase_places(consultation) if place.is_file()), None)


def load_phrases(path: Path) -> list[Phrase]:
    """The phrases of `path`, in file order; LoadError listing every problem."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LoadError([Problem(where, 1, 1, _("cannot read: {why}").format(why=error))]) from None
    import tomllib  # only when there is a phrases.toml

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _POSITION.search(str(error))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        message = _("TOML syntax: {why}").format(why=str(error).split(" (at line")[0])
        raise LoadError([Problem(where, line, col, message)]) from None
    locator = Locator(text)
    problems: list[Problem] = []

    def report(index: int, key: str | None, message: str) -> None:
        line, col = locator.find("phrases", index, key) if index >= 0 else (1, 1)
        problems.append(Problem(where, line, col, message))

    unknown = sorted(set(data) - {"phrases"})
    if unknown:
        report(-1, None, _("unknown key {key} (only [[phrases]] is read)").format(key=unknown[0]))
    tables = data.get("phrases", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        report(-1, None, _("phrases must be an array of tables ([[phrases]])"))
        tables = []
    phrases: list[Phrase] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        phrase = _phrase(table, index, report)
        if phrase is None:
            continue
        if phrase.id in seen:
            report(index, "id", _("phrase id {id} is used twice").format(id=repr(phrase.id)))
        seen.add(phrase.id)
        phrases.append(phrase)
    if problems:
        raise LoadError(problems)
    return phrases


def _phrase(
    table: dict[str, Any], index: int, report: Callable[[int, str | None, str], None]
) -> Phrase | None:
    """One [[phrases]] table as a Phrase, or None after reporting what is wrong."""
    extra = sorted(set(table) - {"id", "text", "classes"})
    if extra:
        report(index, extra[0], _("unknown key {key} in a phrase").format(key=extra[0]))
    ident, text, classes = table.get("id"), table.get("text"), table.get("classes", [])
    ok = True
    if not isinstance(ident, str) or not ident:
        report(index, "id", _("a phrase needs an id (a string)"))
        ok = False
    if not isinstance(text, str) or not text.strip():
        report(index, "text", _("a phrase needs its text (a string)"))
        ok = False
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        report(index, "classes", _("classes must be an array of class labels (strings)"))
        ok = False
    if not ok:
        return None
    return Phrase(str(ident), str(text), tuple(classes))
