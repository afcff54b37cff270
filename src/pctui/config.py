"""The reviewer's own settings: `config.toml` in pctui's folder of the user's config folder.

    # ~/.config/pctui/config.toml
    theme = "pctui-dark"
    lang = "ja"

Read by the TUI and the CLI (theme, language); written when the reviewer switches a
setting in the app or with a command. A missing file is an empty config; a file that cannot
be read is reported, never fatal — a reviewer's broken preferences must not keep them from
the consultation. Writing keeps every other key and comment (tomlkit) and is atomic.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path
from typing import Any

from pctui.i18n import _


def config_dir() -> Path:
    """pctui's folder in the user's config folder (`~/.config/pctui` on Linux)."""
    if sys.platform == "linux" and not os.environ.get("ANDROID_DATA"):
        # What platformdirs answers on Linux, where it is that simple: every command reads
        # the settings, and importing platformdirs (with tempfile, shutil, random and the
        # compression modules it brings) cost 9 ms of each command's start. Anything less
        # plain (a relative HOME, Android, macOS, Windows) is platformdirs' to answer; a
        # test holds the two together.
        configured = os.environ.get("XDG_CONFIG_HOME", "")
        if posixpath.isabs(configured):
            return Path(configured) / "pctui"
        home = os.environ.get("HOME", "")
        if posixpath.isabs(home):
            return Path(posixpath.expanduser("~/.config")) / "pctui"
    import platformdirs

    return platformdirs.user_config_path("pctui")


def config_path() -> Path:
    """Where the settings file is looked for."""
    return config_dir() / "config.toml"


def load_config(path: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """(settings, problems) read from `path` (default: config_path()); no file is no settings."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [_("{path}: cannot read the settings: {error}").format(path=path, error=error)]
    import tomllib  # only when there is a settings file: most commands run without one

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = _("{path}: not valid TOML, settings ignored: {error}")
        return {}, [message.format(path=path, error=error)]
    return data, []


def save_setting(key: str, value: str, path: Path | None = None) -> None:
    """Set one top-level `key` in the settings file, keeping the rest of it; atomic.

    Raises OSError when the folder cannot be written; the caller reports it.
    """
    import tomlkit  # only to write: every command reads the settings, few write them

    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (UnicodeDecodeError, tomlkit.exceptions.TOMLKitError):
        # A broken file is replaced rather than kept broken: the reviewer asked for a setting.
        document = tomlkit.document()
    document[key] = value
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(tomlkit.dumps(document), encoding="utf-8")
    os.replace(temp, path)
