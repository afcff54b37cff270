"""Publishing a consultation's result: Markdown, HTML, CSV, XLSX. No Textual, no Rich, no I/O
except `write_outputs`.

Each name is imported from its module when first used (PEP 562), as in `pctui.model`:
`pctui --help` lists `publish` with its formats (`publish.formats`) without loading the
renderers, and `pctui signoff` imports `outputs` only when it commits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pctui.base.lazy_package import keep_functions, names_from

if TYPE_CHECKING:
    from pctui.base.era import era_date, era_period
    from pctui.publish.completeness import Finding, Where, completeness, unapproved
    from pctui.publish.document import Publication, build, class_counts
    from pctui.publish.files import outputs, render, write_outputs
    from pctui.publish.formats import FORMATS

# The module of each name this package exports.
_HOME = {
    "era_date": "pctui.base.era",
    "era_period": "pctui.base.era",
    "Finding": "pctui.publish.completeness",
    "Where": "pctui.publish.completeness",
    "completeness": "pctui.publish.completeness",
    "unapproved": "pctui.publish.completeness",
    "Publication": "pctui.publish.document",
    "build": "pctui.publish.document",
    "class_counts": "pctui.publish.document",
    "outputs": "pctui.publish.files",
    "render": "pctui.publish.files",
    "write_outputs": "pctui.publish.files",
    "FORMATS": "pctui.publish.formats",
}


__getattr__ = names_from(__name__, _HOME)


keep_functions(__name__, frozenset({"completeness"}))

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
