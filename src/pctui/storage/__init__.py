"""Reading and writing consultation files. No Textual, no Rich."""

from pctui.storage.document import ConsultationFile
from pctui.storage.problems import LoadError, Problem, SaveError
from pctui.storage.render import render_consultation

__all__ = ["ConsultationFile", "LoadError", "Problem", "SaveError", "render_consultation"]
