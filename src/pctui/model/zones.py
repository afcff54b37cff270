"""The consultation's time zone: the one its times are stored in and shown in.

An office works in its own time zone whatever the server's clock is set to (cloud machines
run on UTC): a sign-off made at 22:16 in Tokyo must read 22:16, on the day it was made, in
the file, on the screen, in the commit message and in any output. So a time is never taken
in the server's zone when the consultation has one: new times are stored with the offset of
the consultation's zone, and stored times (whatever offset they were written with) are
converted into it before they are shown.

The zone is `[consultation] timezone` (an IANA name); a file that does not name one gets
the offset its own times were written with, else the zone of its language, else the
system's (see `consultation_zone`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pctui.model.records import Consultation

if TYPE_CHECKING:
    import zoneinfo

# The zone a language's offices are in when the file names none and its times tell nothing.
# Only languages with one zone for the whole country are here.
LANGUAGE_ZONES = {"ja": "Asia/Tokyo"}
# Names the zone database accepts that are not a place: "localtime" is whatever the machine
# reading the file is set to, the very thing a consultation's zone must not depend on.
NOT_A_PLACE = frozenset({"localtime"})


def zone_named(name: str) -> zoneinfo.ZoneInfo | None:
    """The IANA zone called `name` ("Asia/Tokyo"), or None when there is no such zone."""
    if name in NOT_A_PLACE:
        return None
    # Imported here: `status` and `validate` of a file that names no zone never ask, and
    # the zone database's module and its helpers cost 3 ms of every command's start.
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # not found, not a valid
        return None  # name (a NUL, "../x"), a folder ("Asia"), a name too long for a path


def _written_offset(consultation: Consultation) -> dt.timedelta | None:
    """The UTC offset of the first of the file's own times that is not UTC, or None.

    Offset zero does not count: it is what a server on UTC wrote whatever the office's zone
    was, the fault this module is here to mend. Items are scanned in order and the first
    one with a time decides, so a large file usually costs one item.

    A file whose times are all UTC is scanned to the end (30 ms at 10,000 items), and the
    item pane asks for the zone several times a key press: the answer is kept on the
    consultation until its number of items changes. A time added since cannot change what
    is shown: pctui writes new times in the zone this function led to, and a UTC one does
    not count."""
    kept: tuple[int, dt.timedelta | None] | None = consultation.__dict__.get(_KEPT)
    if kept is not None and kept[0] == len(consultation.items):
        return kept[1]
    found: dt.timedelta | None = None
    for item in consultation.items:
        for moment in [r.at for r in item.revisions] + [s.at for s in item.signoffs]:
            if offset := moment.utcoffset():
                found = offset
                break
        if found is not None:
            break
    consultation.__dict__[_KEPT] = (len(consultation.items), found)
    return found


_KEPT = "_written_offset"  # (items counted, offset found), kept on the consultation object


def consultation_zone(consultation: Consultation) -> dt.tzinfo | None:
    """The zone `consultation`'s times are stored and shown in; None for the system's.

    In order: `[consultation] timezone`; the offset of the file's own times (the first
    that is not UTC); the zone of its `language` (ja: Asia/Tokyo); the system's. A name
    that is not a zone is reported by the loader and otherwise passed over here."""
    named = zone_named(consultation.meta.timezone) if consultation.meta.timezone else None
    if named is not None:
        return named
    offset = _written_offset(consultation)
    if offset is not None:
        return dt.timezone(offset)
    return language_zone(consultation.meta.language)


def language_zone(language: str) -> dt.tzinfo | None:
    """The zone offices writing in `language` are in (ja: Asia/Tokyo); None (the system's)
    for a language spoken in several zones."""
    name = LANGUAGE_ZONES.get(language)
    return zone_named(name) if name else None


def in_zone(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """`moment` as the clock in `zone` (None: the system's) reads it: same instant."""
    return moment.astimezone(zone)


def now_in(zone: dt.tzinfo | None) -> dt.datetime:
    """The current time in `zone` (None: the system's), to the second, with that zone's
    UTC offset at this moment as its fixed offset (as a stored time reads back)."""
    moment = in_zone(dt.datetime.now(dt.UTC), zone).replace(microsecond=0)
    offset = moment.utcoffset() or dt.timedelta(0)
    return moment.replace(tzinfo=dt.timezone(offset) if offset else dt.UTC)


def consultation_now(consultation: Consultation) -> dt.datetime:
    """The current time in `consultation`'s zone: the time a new sign-off or revision of
    it is stored with (`2025-12-15T22:16:59+09:00` for a Tokyo office on a UTC server)."""
    return now_in(consultation_zone(consultation))
