"""Reading and writing consultation files. No Textual, no Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pctui.base.problems import LoadError, Problem, SaveError
from pctui.storage.document import ConsultationFile

if TYPE_CHECKING:
    from pctui.storage.render import render_consultation


def __getattr__(name: str) -> Any:
    # render_consultation needs tomlkit, which commands that only read do not import.
    if name == "render_consultation":
        from pctui.storage.render import render_consultation

        return render_consultation
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ConsultationFile", "LoadError", "Problem", "SaveError", "render_consultation"]
