"""The suite is collected the same whether it is started as `pytest` or `python -m pytest`.

`python -m pytest` puts the working folder on sys.path and the console script does not,
so tests importing the repository's `benchmarks` package collected only one way. The
interpreter's isolated mode (-I) leaves the working folder off sys.path as the console
script does; what makes `benchmarks` importable then is pytest's own configuration.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIKE_THE_SCRIPT = "import sys, pytest; sys.exit(pytest.main(sys.argv[1:]))"


def collect(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*argv, "--collect-only", "-q", "-p", "no:cacheprovider", "tests/test_benchmark_smoke.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_collected_without_the_working_folder_on_sys_path() -> None:
    done = collect(sys.executable, "-I", "-c", LIKE_THE_SCRIPT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "test_benchmark_smoke.py::" in done.stdout


def test_the_console_script_collects_too() -> None:
    script = Path(sys.executable).parent / "pytest"
    assert script.exists(), f"no pytest console script beside {sys.executable}"
    done = collect(str(script))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No module named 'benchmarks'" not in done.stdout
