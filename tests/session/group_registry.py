"""A registry beside the format-2 test file, grouped: a campaign of four copies (one with
a sentence of its own), a pair and a single opinion, for the grouping screen's tests."""

from __future__ import annotations

from pathlib import Path

from pctui.intake.grouping import group_opinions
from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.storage import ConsultationFile

CAMPAIGN = "駐輪場の整備計画に反対します。自転車より歩行者の安全を優先してください。"
LETTERS = {
    "2026-0001": CAMPAIGN,
    "2026-0002": CAMPAIGN,
    "2026-0003": CAMPAIGN + "私の家の前の道も危険です。",
    "2026-0004": CAMPAIGN,
    "2026-0005": "説明会を夜にも開いてほしいです。平日の昼は仕事で行けません。",
    "2026-0006": "説明会を夜にも開いてほしい。平日の昼は仕事で行けません。",
    "2026-0007": "計画図の縮尺が小さく、場所が読み取れませんでした。",
}


def grouped_registry(path: Path) -> Path:
    """Create and group the registry of the consultation at `path`; return its path."""
    where = registry_path(path, ConsultationFile.load(path).consultation)
    with Registry.open(where, shared_with=path) as registry:
        registry.add(
            Incoming(Submission(number=number, raw=raw), f"letters.csv:{line}")
            for line, (number, raw) in enumerate(LETTERS.items(), start=2)
        )
        registry.replace_groups(group_opinions((o.id, o.text) for o in registry.opinions()))
    return where
