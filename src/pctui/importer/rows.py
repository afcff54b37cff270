"""The shapes and options every tabular reader shares: a row of cells, how an empty answer
cell is read, how far a header row is looked for.

Apart from `table` (which reads the rows, and whose regular expressions and imports cost
20 ms) so that a caller that only splits a CSV into rows (`pctui intake import`) or only
lists the options (`pctui import --help`) need not load the reading itself.
"""

from __future__ import annotations

HEADER_SEARCH = 30  # a header row is looked for in this many first rows (titles may precede it)
SAME_AS_ABOVE = "same-as-above"
UNANSWERED = "unanswered"
EMPTY_ANSWER = (UNANSWERED, SAME_AS_ABOVE)

Cells = list[str | None]
Row = tuple[int, Cells]  # (1-based line or row number, cells)
