"""Where loading time goes, stage by stage, and what faster TOML parsers would save.

    pip install rtoml tomli      # optional: each parser is measured only if installed
                                 # (toml-rs, pctui's own, in its strict TOML 1.0 mode)
    python -m benchmarks.parsers --items 10000

Times, on one generated file: splitting into item chunks, parsing every chunk with each
parser (and the whole file at once, for comparison), building the model from the parsed
tables, and computing every revision's digest and every item's state (what `status` adds).
Each parser's result is checked against tomllib's, so a faster parser that reads a value
differently is reported, not silently preferred.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import generate
from pctui.base.toml_locate import Locator
from pctui.model.state import approved_stages, item_state
from pctui.storage.checker import Checker
from pctui.storage.chunks import Chunk, split
from pctui.storage.header_schema import read_header
from pctui.storage.item_schema import read_item

PARSERS = ("tomllib", "tomli", "rtoml", "toml_rs")


def _best(action: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Fastest of `repeats` runs (the least disturbed by other work) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def _loader(name: str) -> Callable[[str], dict[str, Any]] | None:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    if name == "toml_rs":
        strict: Callable[[str], dict[str, Any]] = functools.partial(
            module.loads, toml_version="1.0.0"
        )  # as pctui reads
        return strict
    loads: Callable[[str], dict[str, Any]] = module.loads
    return loads


def _each(loads: Callable[[str], dict[str, Any]], chunks: list[Chunk]) -> list[dict[str, Any]]:
    return [loads(chunk.text) for chunk in chunks]


def main(argv: list[str] | None = None) -> int:
    """Print the stage timings; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.parsers",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.toml"
        generate.write(path, args.items)
        text = path.read_text(encoding="utf-8")
    print(f"{args.items} items, {len(text.encode()) / 1e6:.1f} MB; best of {args.repeat}")
    seconds, (header, chunks) = _best(lambda: split(text), args.repeat)
    print(f"split into {len(chunks)} chunks            {seconds:7.3f} s")
    reference: list[dict[str, Any]] = []
    for name in PARSERS:
        loads = _loader(name)
        if loads is None:
            print(f"{name:8} not installed")
            continue
        whole, _ = _best(functools.partial(loads, text), args.repeat)
        each, tables = _best(functools.partial(_each, loads, chunks), args.repeat)
        if name == "tomllib":
            reference = tables
        same = "same as tomllib" if tables == reference else "DIFFERS from tomllib"
        print(f"{name:8} whole file {whole:7.3f} s   per chunk {each:7.3f} s   ({same})")
    head = tomllib.loads(header.text)
    built = read_header(head, Checker(str(path), Locator(header.text), []))

    def build() -> list[Any]:
        problems: list[Any] = []
        return [
            read_item(t["items"][0], built, Checker(str(path), Locator(c.text, c.line), problems))
            for t, c in zip(reference, chunks, strict=True)
        ]

    seconds, items = _best(build, args.repeat)
    print(f"model from parsed tables        {seconds:7.3f} s")
    revisions = [r for item in items for r in item.revisions]
    start = time.perf_counter()
    for revision in revisions:
        _ = revision.digest  # cached on the revision after this
    print(f"digests of {len(revisions)} revisions     {time.perf_counter() - start:7.3f} s")
    seconds, _ = _best(
        lambda: [(item_state(i, built.review), approved_stages(i, built.review)) for i in items],
        args.repeat,
    )
    print(f"state + approved stages, cached {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
