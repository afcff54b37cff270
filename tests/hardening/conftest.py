"""Settings for the hardening tests: how hard hypothesis tries, chosen by PCTUI_HARDENING.

- `ci` (the default): a modest, fixed set of examples (derandomized, so a run in CI is
  repeatable), no deadline (2 shared cores make timings noisy); the folder stays well under
  a minute.
- `dev`: ten times the examples, random each run (for a developer hunting bugs).
- `deep`: fifty times, for a long run before a release.

Profiles are applied per test with `examples(n)`, never loaded globally, so the other
property tests of the suite keep their own settings.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from tests.hardening.files import sample_bytes

PROFILE = os.environ.get("PCTUI_HARDENING", "ci")
SCALE = {"ci": 1, "dev": 10, "deep": 50}
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "hardening-ci", deadline=None, derandomize=True, database=None,
    suppress_health_check=_QUIET, print_blob=True,
)  # fmt: skip
settings.register_profile(
    "hardening-dev", deadline=None, suppress_health_check=_QUIET, print_blob=True
)
settings.register_profile(
    "hardening-deep", deadline=None, suppress_health_check=_QUIET, print_blob=True
)


def examples(count: int) -> settings:
    """Settings of the chosen profile with `count` examples (scaled by the profile)."""
    name = PROFILE if PROFILE in SCALE else "ci"
    return settings(settings.get_profile(f"hardening-{name}"), max_examples=count * SCALE[name])


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The sample (the current login a reviewer of every stage) in a folder of its own."""
    target = tmp_path / "office" / "2025-jumin.toml"
    target.parent.mkdir()
    target.write_bytes(sample_bytes())
    return target
