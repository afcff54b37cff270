"""`config_dir` answers on Linux what platformdirs answers, without importing it."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from pctui.config import config_dir

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is Linux's")


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/yamada"),
        (None, "/home/yamada/"),
        (None, "/"),
        ("/srv/settings", "/home/yamada"),
        ("/srv/settings/", "/home/yamada"),
        ("", "/home/yamada"),
        ("relative/settings", "/home/yamada"),  # not absolute: ignored, as XDG says
        (None, "relative-home"),  # platformdirs' own answer (the user's entry in passwd)
        (None, None),
    ],
)
def test_config_dir_is_platformdirs_answer(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    for name, value in (("XDG_CONFIG_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert config_dir() == platformdirs.user_config_path("pctui")
