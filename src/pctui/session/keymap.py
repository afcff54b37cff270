"""The reviewer's own keys: a keymap file that rebinds actions by name.

    # ~/.config/pctui/keymap.toml
    [keys]
    approve = "A"              # one key …
    next_item = "j,ctrl+n"     # … or several, comma-separated (Textual key names)

Names are those of the action registry (`pctui.app.review_actions`), which the app passes
in as name -> binding id (`pctui.<name>`): the registry is made of Textual bindings, and
this reading of the file stays below the app. A file that cannot be read, or a name that
does not exist, is reported and the default keys stay.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pctui.config import config_dir
from pctui.i18n import _


def default_keymap_path() -> Path:
    """Where the keymap file is looked for: pctui's folder in the user's config folder."""
    return config_dir() / "keymap.toml"


def load_keymap(path: Path, binding_ids: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """(binding id -> keys, problems) from the keymap file at `path`, whose names are the
    keys of `binding_ids` (action name -> binding id); no file is no change."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [_("{path}: cannot read the keymap: {error}").format(path=path, error=error)]
    except tomllib.TOMLDecodeError as error:
        return {}, [_("{path}: not valid TOML: {error}").format(path=path, error=error)]
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [_('{path}: [keys] must be a table of action = "key"').format(path=path)]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for name, value in keys.items():
        if name not in binding_ids:
            close = difflib.get_close_matches(name, list(binding_ids), n=1)
            hint = _("; did you mean {name}?").format(name=repr(close[0])) if close else ""
            message = _("{path}: unknown action {name} in [keys]").format(
                path=path, name=repr(name)
            )
            problems.append(message + hint)
        elif not isinstance(value, str) or not value.strip():
            message = _('{path}: keys.{name} must be a string such as "A" or "j,down"')
            problems.append(message.format(path=path, name=name))
        else:
            keymap[binding_ids[name]] = value.replace(" ", "")
    return keymap, problems
