"""What `pctui publish` reads from the intake registry when it publishes the submitted
opinions: their public (redacted) texts, the redactions in them still to review and the
sources the registry does not hold. Publish itself never reads the registry (it sits
below intake); this hands it the texts."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from pctui.cli.common import FINDING, Exit
from pctui.cli.intake_common import opened_registry
from pctui.cli.intake_sync import disagreement_line
from pctui.i18n import _, ngettext
from pctui.intake.item_texts import disagreements
from pctui.intake.member_lists import resolved
from pctui.intake.records import RedactionStatus
from pctui.intake.registry import registry_path
from pctui.model.records import Consultation
from pctui.publish.submitted import missing_sources
from pctui.storage import ConsultationFile

NAMED = 20
"""Redaction ids named in the refusal; the rest are counted (`intake redactions` lists all)."""


@dataclass(frozen=True)
class Submitted:
    """The public texts of the opinions the items name, the pending redactions in them, and
    the consultation with its frozen member lists read into `sources` (what to publish)."""

    public: dict[str, str]
    pending: list[int]
    consultation: Consultation


def read_submitted(file: str, consultation: Consultation) -> Submitted:
    """The public texts of every opinion the items name in `sources` (exit 1 when the
    consultation has no registry: there is nothing to publish from)."""
    path = registry_path(Path(file), consultation)
    if not path.exists():
        message = _("pctui: refused: no intake registry at {path}: import the submissions first")
        raise Exit(FINDING, message.format(path=path))
    with opened_registry(file) as registry:
        read = resolved(consultation, registry)
        consultation = read.consultation
        named = {s for item in consultation.items for o in item.opinions for s in o.sources}
        public = {o.id: o.text for o in registry.opinions() if o.id in named}
        pending = [r.id for r in registry.redactions(RedactionStatus.PENDING) if r.opinion in named]
    missing = missing_sources(consultation, public)
    if missing:
        message = ngettext(
            "pctui: warning: {count} opinion the items name is not in the registry: {ids}",
            "pctui: warning: {count} opinions the items name are not in the registry: {ids}",
            len(missing),
        )
        print(message.format(count=len(missing), ids=", ".join(missing[:NAMED])), file=sys.stderr)
    for no, digest in read.missing:
        message = _("pctui: warning: No.{no}: the member list {digest} is not in the registry")
        print(message.format(no=no, digest=digest), file=sys.stderr)
    return Submitted(public, pending, consultation)


def pending_reason(file: str, pending: list[int]) -> str:
    """Why publishing is refused while redactions are pending, naming them."""
    ids = ", ".join(map(str, pending[:NAMED])) + (" …" if len(pending) > NAMED else "")
    message = ngettext(
        "{count} redaction in the submitted opinions is not reviewed ({ids}: "
        "pctui intake redactions {file} --pending)",
        "{count} redactions in the submitted opinions are not reviewed ({ids}: "
        "pctui intake redactions {file} --pending)",
        len(pending),
    )
    return message.format(count=len(pending), ids=ids, file=file)


def disagreeing_texts(file: ConsultationFile) -> list[str]:
    """A `path:line:col:` line for each item opinion whose text disagrees with the
    registry's public text of the opinion it was copied from (see `intake.item_texts`);
    none when the consultation has no registry or no opinion from one. A registry that
    cannot be read is said as a warning: publishing the items needs no registry (the one
    who publishes may have no access to the office share holding it)."""
    consultation = file.consultation
    if not any(o.sources or o.members for item in consultation.items for o in item.opinions):
        return []
    if not registry_path(file.path, consultation).exists():
        return []
    try:
        with opened_registry(str(file.path), file) as registry:
            found = disagreements(consultation, registry)
    except (Exit, sqlite3.Error) as error:
        why = error.message.removeprefix("pctui: ") if isinstance(error, Exit) else str(error)
        message = _(
            "pctui: warning: the opinion texts were not checked against the registry: {why}"
        )
        print(message.format(why=why), file=sys.stderr)
        return []
    return [disagreement_line(file, change) for change in found]
