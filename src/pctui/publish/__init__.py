"""Publishing a consultation's result: Markdown, HTML, CSV, XLSX. No Textual, no Rich, no I/O
except `write_outputs`."""

from pctui.base.era import era_date, era_period
from pctui.publish.completeness import Finding, Where, completeness, unapproved
from pctui.publish.document import Publication, build, class_counts
from pctui.publish.files import FORMATS, outputs, render, write_outputs

__all__ = [
    "FORMATS",
    "Finding",
    "Publication",
    "Where",
    "build",
    "class_counts",
    "completeness",
    "era_date",
    "era_period",
    "outputs",
    "render",
    "unapproved",
    "write_outputs",
]
