"""Items flattened for marshal come back equal, with exactly their dataclass fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
from pathlib import Path

from pctui.model.records import Revision, Signoff
from pctui.storage import ConsultationFile
from pctui.storage.flat import flatten, unflatten


def test_rebuilt_items_equal_the_originals_field_for_field(sample_path: Path) -> None:
    consultation = ConsultationFile.load(sample_path).consultation
    signed = next(item for item in consultation.items if item.signoffs)
    first = signed.signoffs[0]
    taken_back = dataclasses.replace(first, withdrawn=first.at + dt.timedelta(hours=1))
    withdrawn = dataclasses.replace(signed, signoffs=[taken_back, *signed.signoffs[1:]])
    for item in [*consultation.items, withdrawn]:
        rebuilt = unflatten(marshal.loads(marshal.dumps(flatten(item))))
        assert rebuilt == item
        for mine, theirs in zip(rebuilt.revisions, item.revisions, strict=True):
            assert set(vars(mine)) == {f.name for f in dataclasses.fields(Revision)} | {"digest"}
            assert mine.digest == theirs.digest
            assert mine.at.utcoffset() == theirs.at.utcoffset()
        for signoff in rebuilt.signoffs:
            assert set(vars(signoff)) == {f.name for f in dataclasses.fields(Signoff)}
