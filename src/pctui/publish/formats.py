"""The formats `pctui publish` writes, in the order it writes and lists them.

Apart from `files` (which imports every renderer: 60-90 ms) so that `pctui --help` and
`pctui publish --help` can list them without loading the publisher. `files.RENDERERS` has
one renderer for each, in this order (a test holds them to it).
"""

from __future__ import annotations

FORMATS = ("md", "html", "csv", "xlsx")
