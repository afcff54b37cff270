"""The standard modules the command line defers are imported whole at their first use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pctui

PROBE = """\
import sys
from pctui.cli.deferred import Deferred, defer
defer(("colorsys", "fractions"))
import colorsys
assert type(sys.modules["colorsys"]) is Deferred  # imported by name: not loaded yet
print(colorsys.rgb_to_hsv(1.0, 0.0, 0.0))
assert type(sys.modules["colorsys"]) is not Deferred  # the real module now
import colorsys as again
print(again.hls_to_rgb(0.0, 0.5, 1.0), colorsys.__name__, colorsys.__file__ is not None)
from fractions import Fraction
print(Fraction(1, 3) + Fraction(1, 6))
"""


def test_a_deferred_module_is_imported_at_its_first_attribute() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "(0.0, 1.0, 1.0)",
        "(1.0, 0.0, 0.0) colorsys True",
        "1/2",
    ]


def test_every_dataclass_has_a_docstring() -> None:
    # dataclasses asks inspect for the signature of a class without one, which imports
    # inspect (deferred by the command line) at every start.
    lacking = []
    for path in sorted(Path(pctui.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ClassDef)
                and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
                and ast.get_docstring(node) is None
            ):
                lacking.append(f"{path.name}:{node.lineno} {node.name}")
    assert lacking == []
