"""What makes a spreadsheet take a cell's text for a formula.

The publisher writes such a text with a leading apostrophe, which Excel hides; the importer
removes that apostrophe again. Both read this one list, so they cannot drift apart.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
