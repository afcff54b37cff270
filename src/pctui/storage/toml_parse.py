"""Parsing one chunk of TOML: rtoml when it is sure to agree with tomllib, tomllib otherwise.

tomllib is the reference: it is exact TOML 1.0 and its errors carry the line and column we
report. It is also the slowest part of loading a national consultation (about 4.5 s for
27 MB); rtoml (Rust) parses the same chunks about seven times faster and returns the same
values. Two differences are handled here:

* rtoml accepts TOML 1.1 additions that tomllib (and tomlkit, which rewrites items on save,
  and every other TOML 1.0 reader of the file) reject: newlines and trailing commas in
  inline tables, the `\\e` and `\\xHH` escapes, times without seconds. A chunk in which any
  of them could occur (a `{`, a `\\e`/`\\x`, an `HH:MM` not followed by seconds — anywhere,
  text included, since telling text from syntax would need a parse) goes to tomllib, so a
  file pctui accepts is always TOML 1.0.
* rtoml keeps CRLF inside multi-line strings where tomllib gives LF, and accepts a leading
  BOM: chunks with a CR or starting with a BOM go to tomllib too.
* rtoml rejects some valid TOML 1.0 (floats beyond double range read as inf by tomllib):
  any rtoml failure is handed to tomllib, which either parses it or reports where it fails.

Offset date-times from rtoml carry its own tzinfo class; the checker turns them into
`datetime.timezone`, the class tomllib uses, so the model never depends on the parser.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from typing import Any

try:
    import rtoml

    _fast: Callable[[str], dict[str, Any]] | None = rtoml.loads
except ImportError:  # a platform without rtoml wheels: correct, only slower
    _fast = None

# An HH:MM not followed by seconds, and not a UTC offset (+09:00 is preceded by its sign).
# Written to start with its literal ':' so the regex engine can skip to candidates: a
# search of 27 MB takes about 15 ms this way against 0.3 s with the look-behind first.
_SHORT_TIME = re.compile(r":\d\d(?!:\d)(?<=[^-+:\d]\d\d:\d\d)")


def _maybe_newer(text: str) -> bool:
    """True when `text` might be read differently: TOML 1.1, CR line ends, a leading BOM."""
    if "{" in text or "\\e" in text or "\\x" in text or "\r" in text or text.startswith("\ufeff"):
        return True
    return bool(_SHORT_TIME.search(text))


def loads(text: str) -> dict[str, Any]:
    """The TOML 1.0 document `text` as tomllib reads it; raises tomllib.TOMLDecodeError."""
    if _fast is not None and not _maybe_newer(text):
        try:
            return _fast(text)
        except Exception:  # rtoml's errors carry no position: tomllib's do
            pass
    return tomllib.loads(text)


def fast_parser() -> bool:
    """True when the fast parser is installed (what the benchmark reports)."""
    return _fast is not None
