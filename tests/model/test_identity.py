"""Who is acting comes from the operating system, never from the environment."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys

from pctui.model import current_login


def test_the_login_is_the_real_uid_s_name() -> None:
    assert current_login() == pwd.getpwuid(os.getuid()).pw_name


def test_user_and_logname_are_ignored() -> None:
    env = {**os.environ, "USER": "mallory", "LOGNAME": "mallory", "USERNAME": "mallory"}
    code = "from pctui.model import current_login; print(current_login())"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == pwd.getpwuid(os.getuid()).pw_name
