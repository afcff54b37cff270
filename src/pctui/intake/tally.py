"""The intake table of a published result, computed from the registry: by method, the
submissions (通) and the submitters (人), with their totals and the opinions (件) received,
put into the consultation's `[intake]` table (`pctui intake tally`, and the grouping
screen after it accepts or attaches a group).

A submitter is recognised inside the registry from the personal fields of the
submissions, which never leave it: two submissions are one person when they share an
e-mail address, a phone number, or a name together with an address (compared after
NFKC, without spaces, e-mail addresses without case). Links chain: a letter and a form
giving the same name and address are one person, and so is an e-mail from the address
that form gives. A submission that gives none of these is a person of its own. So the
total of people counts one who sent by two methods once, and may be less than the
people of each method added up.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pctui.i18n import _
from pctui.intake.registry import Registry
from pctui.model.actions import Refused, require_reviewer
from pctui.model.identity import current_login
from pctui.model.records import Consultation
from pctui.storage import ConsultationFile

# The method of a submission whose source gave none, in the consultation's language (a
# word of the file, like base.labels, not of the screen's language).
UNKNOWN_METHOD = {"ja": "その他", "en": "other"}
MIN_PHONE_DIGITS = 7  # fewer digits do not tell one phone from another


@dataclass(frozen=True, slots=True)
class MethodTally:
    """One method's submissions (通) and distinct submitters (人)."""

    method: str
    submissions: int
    submitters: int


@dataclass(frozen=True, slots=True)
class Tally:
    """The intake table: each method (the file's order first, then the most used), the
    totals, and the opinions received."""

    methods: tuple[MethodTally, ...]
    submissions: int
    submitters: int  # distinct over every method
    opinions: int


def _keys(name: str, address: str, email: str, phone: str) -> list[str]:
    """What identifies the sender of a submission: its normalised e-mail, phone digits,
    name with address (none when the submission gives none of them)."""

    def plain(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split())

    keys = []
    mail = plain(email).casefold()
    if "@" in mail:
        keys.append("e:" + mail)
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone))
    if len(digits) >= MIN_PHONE_DIGITS:
        keys.append("p:" + digits)
    if plain(name) and plain(address):
        keys.append("n:" + plain(name) + "\x00" + plain(address))
    return keys


def people(submissions: Iterable[tuple[str, str, str, str]]) -> list[int]:
    """For each submission (name, address, e-mail, phone), the number of the person who
    sent it: equal numbers for the same person (see the module's docstring)."""
    parent: list[int] = []

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    first: dict[str, int] = {}
    count = 0
    for n, fields in enumerate(submissions):
        parent.append(n)
        count = n + 1
        for key in _keys(*fields):
            other = first.setdefault(key, n)
            if other != n:
                a, b = root(other), root(n)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return [root(n) for n in range(count)]


def method_name(method: str, consultation: Consultation) -> str:
    """A submission's method as the intake table names it: spaces made single, and the
    consultation's word for "other" when the source gave none."""
    unknown = UNKNOWN_METHOD.get(consultation.meta.language, UNKNOWN_METHOD["en"])
    return " ".join(method.split()) or unknown


def tally(registry: Registry, consultation: Consultation) -> Tally:
    """Count the registry's submissions and submitters by method; methods named in the
    consultation's `[intake] methods` keep their order (with 0 when none came by them)."""
    rows = registry.rows("SELECT method, name, address, email, phone FROM submissions")
    methods = [method_name(row[0], consultation) for row in rows]
    person = people(row[1:] for row in rows)
    letters = Counter(methods)
    senders: dict[str, set[int]] = {}
    for method, who in zip(methods, person, strict=True):
        senders.setdefault(method, set()).add(who)
    order = list(consultation.intake.methods)
    order += sorted((m for m in letters if m not in order), key=lambda m: (-letters[m], m))
    return Tally(
        methods=tuple(MethodTally(m, letters[m], len(senders.get(m, ()))) for m in order),
        submissions=len(rows),
        submitters=len(set(person)),
        opinions=registry.scalar("SELECT COUNT(*) FROM opinions"),
    )


def differs(consultation: Consultation, counted: Tally) -> bool:
    """Whether the consultation's `[intake]` table does not hold `counted` yet."""
    intake = consultation.intake
    return (
        intake.methods != [m.method for m in counted.methods]
        or intake.submissions != {m.method: m.submissions for m in counted.methods}
        or intake.submitters != {m.method: m.submitters for m in counted.methods}
        or intake.submitters_total != counted.submitters
        or intake.opinions_received != counted.opinions
        or intake.submitter_unit == "通"
    )


def looks_current(registry: Registry, consultation: Consultation) -> bool:
    """Whether the consultation's `[intake]` was tallied from the registry as it is now,
    judged by two counts (a registry only grows, by imports): so that the grouping
    screen, after each group it accepts or attaches, tallies again (a second at 200,000
    submissions) only when there is something new to count."""
    intake = consultation.intake
    return (
        intake.opinions_received == registry.scalar("SELECT COUNT(*) FROM opinions")
        and bool(intake.submissions)
        and intake.total_submissions == registry.scalar("SELECT COUNT(*) FROM submissions")
    )


def _format_two(consultation: Consultation) -> None:
    if consultation.format < 2:
        raise Refused(_("the intake table needs a format-2 file: run pctui migrate FILE first"))


def apply_tally(consultation: Consultation, counted: Tally) -> bool:
    """Put `counted` into the consultation's `[intake]` (format 2 only: Refused
    otherwise); whether anything changed."""
    _format_two(consultation)
    if not differs(consultation, counted):
        return False
    intake = consultation.intake
    intake.methods = [m.method for m in counted.methods]
    intake.submissions = {m.method: m.submissions for m in counted.methods}
    intake.submitters = {m.method: m.submitters for m in counted.methods}
    intake.submitters_total = counted.submitters
    intake.opinions_received = counted.opinions
    if intake.submitter_unit == "通":  # the table counts people now; submissions are 通
        intake.submitter_unit = "人"
    return True


def write_tally(file: ConsultationFile, counted: Tally, login: str | None = None) -> bool:
    """Save `counted` into the file's `[intake]` at once, as any change is saved (the
    lock, an atomic write), as `login` (the OS login when None: tests only); whether the
    file changed. Refused when `login` is not a reviewer (the published totals are the
    reviewed file's, changed by a reviewer as every line of it but a draft; asked even when
    nothing would change) or the file is format 1; SaveError propagates."""
    require_reviewer(file.consultation, login if login is not None else current_login())
    _format_two(file.consultation)
    if not differs(file.consultation, counted):
        return False
    return file.transact(0, lambda c: apply_tally(c, counted), intake=True)
