"""Parsing one chunk of TOML: toml-rs in its strict TOML 1.0 mode, tomllib for errors.

tomllib is the reference: it is exact TOML 1.0 and its errors carry the line and column we
report. It is also the slowest part of loading a national consultation (about 3.3 s for
27 MB); toml-rs (Rust) parses the same chunks about ten times faster. Asked for TOML 1.0
(`toml_version="1.0.0"`), it refuses what TOML 1.1 added (newlines and trailing commas in
inline tables, the `\\e` and `\\xHH` escapes, times without seconds), so a file pctui
accepts stays readable by tomlkit, which rewrites items on save, and by every other TOML
1.0 reader. It gives offset date-times tomllib's own `datetime.timezone`, and CRLF inside
multi-line strings as LF, as tomllib does.

Where the two could still differ:

* toml-rs accepts a leading BOM, which tomllib rejects: such a chunk goes to tomllib.
* any failure of toml-rs is handed to tomllib, which either parses the chunk (should the
  two ever disagree on what is valid) or reports where it fails, in its words and position.

A property test (tests/storage/test_toml_parse.py) checks that both read every generated
text the same and refuse the same texts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    from toml_rs import loads as _toml_rs_loads

    def _strict(text: str) -> dict[str, Any]:
        return _toml_rs_loads(text, toml_version="1.0.0")

    _fast: Callable[[str], dict[str, Any]] | None = _strict
except ImportError:  # a platform without toml-rs wheels: correct, only slower
    _fast = None


def loads(text: str) -> dict[str, Any]:
    """The TOML 1.0 document `text` as tomllib reads it; raises tomllib.TOMLDecodeError
    (catch it as `except decode_error()`)."""
    if _fast is not None and not text.startswith("\ufeff"):
        try:
            return _fast(text)
        except Exception:  # toml-rs's errors are worded and placed differently: tomllib's
            pass
    # tomllib is imported only for a text toml-rs refuses (or without toml-rs): a file
    # without an error never needs it, and it cost 2.5 ms of every reading command's start.
    import tomllib

    return tomllib.loads(text)


def decode_error() -> type[ValueError]:
    """tomllib.TOMLDecodeError, which `loads` raises: for an `except` clause, whose
    expression is evaluated only when an exception is raised (so tomllib is imported only
    then)."""
    import tomllib

    return tomllib.TOMLDecodeError


def fast_loads(text: str) -> dict[str, Any] | None:
    """`text` read by the fast parser alone; None when it refuses it or is missing (the
    reader's one parse of a whole file, which is read block by block when this fails:
    tomllib on the whole text would only find the same error at ten times the cost)."""
    if _fast is None:
        return None
    try:
        return _fast(text)
    except Exception:  # whatever toml-rs refuses, the usual read finds and reports
        return None


def fast_parser() -> bool:
    """True when the fast parser is installed (what the benchmark reports)."""
    return _fast is not None
