"""A grouped registry beside the format-2 test file whose letters carry (fake) personal
data, for the redaction screen's tests: redaction 1 an e-mail address and 2 a phone
number in 2026-0001-1, 3 an address in 2026-0002-1; 2026-0003-1 has none."""

from __future__ import annotations

from pathlib import Path

from pctui.intake.grouping import group_opinions
from pctui.intake.records import Submission
from pctui.intake.registry import Incoming, Registry, registry_path
from pctui.storage import ConsultationFile

# Obviously fake: example.com, a 555 number, 架空 places.
LETTERS = {
    "2026-0001": "説明会の連絡は taro@example.com へお願いします。電話 090-5555-0001 でも可。",
    "2026-0002": "駐輪場に賛成です。住所：架空県架空市1-2-3",
    "2026-0003": "計画図の縮尺が小さく、場所が読み取れませんでした。",
}
SECRETS = ("taro@example.com", "090-5555-0001", "架空県架空市1-2-3")


def redacted_registry(path: Path) -> Path:
    """Create and group the registry of the consultation at `path`; return its path."""
    where = registry_path(path, ConsultationFile.load(path).consultation)
    with Registry.open(where, shared_with=path) as registry:
        registry.add(
            Incoming(Submission(number=number, name="架空 太郎", raw=raw), f"s.csv:{line}")
            for line, (number, raw) in enumerate(LETTERS.items(), start=2)
        )
        registry.replace_groups(group_opinions((o.id, o.text) for o in registry.opinions()))
    return where
