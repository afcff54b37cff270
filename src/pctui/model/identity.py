"""Who is acting: the operating system's login, never an environment variable."""

from __future__ import annotations

import os
import pwd


def current_login() -> str:
    """Return the login name of the process's real user id.

    $USER, $LOGNAME and friends can be set by anyone, so they are deliberately ignored;
    the password database entry for the real uid is what the system vouches for.
    """
    return pwd.getpwuid(os.getuid()).pw_name
