"""Digests bind a sign-off to the exact words it approved (and, in format 2, to the
opinions and summary it approved them for)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # records imports this module
    from pctui.model.records import Item

PREFIX = "sha256:"


def _first_sha256(data: bytes) -> Any:
    """hashlib.sha256, imported at the first digest: a file without sign-offs never needs
    one, and OpenSSL's module cost 2 ms of every command's start. It then takes this
    function's place (an import inside text_digest would cost each of 50,000 digests)."""
    global _sha256
    try:  # the very function hashlib.sha256 is, without hashlib's own start (blake2 too)
        from _hashlib import openssl_sha256 as sha256
    except ImportError:  # an interpreter built without OpenSSL: hashlib's fallback
        from hashlib import sha256

    _sha256 = sha256
    return _sha256(data)


_sha256: Callable[[bytes], Any] = _first_sha256


def text_digest(text: str) -> str:
    """Return "sha256:" + hex digest of the NFC-normalised `text` (UTF-8).

    NFC first, so that the same words typed on two systems (composed or decomposed
    kana with dakuten) give the same digest.
    """
    normalised = unicodedata.normalize("NFC", text)
    hexdigest: str = _sha256(normalised.encode("utf-8")).hexdigest()
    return PREFIX + hexdigest


def basis_digest(item: Item) -> str:
    """The digest of what a format-2 sign-off approves the answer for: the item's current
    summary (the last one; none is not the same as an empty one) and its opinions, each
    with its label, text and count, in order. Sources are not part of it: they say where
    an opinion came from, not what it says. An opinion standing for a frozen member list
    (`members`) adds that list's digest as a fourth part: the opinions it answers are then
    named by nothing else in the file, and another set of them must void the sign-off.

    The parts are written as JSON (an array: the summary or null, then one [label, text,
    count] or [label, text, count, members] array per opinion; UTF-8, no spaces), then
    digested as `text_digest` does, so each text is NFC-normalised and no choice of
    separator can make two bases collide.
    """
    summary = item.summaries[-1].text if item.summaries else None
    # Each part written as json.dumps writes it (its C string encoder, without json's walk
    # over a list of lists): 10,000 opinions' bases 20.8-22.6 -> 18.2-20.6 ms; the rest is
    # per character (NFC, UTF-8, SHA-256), which every way of writing the parts pays.
    parts = ["null" if summary is None else _json_string(summary)]
    for o in item.opinions:
        if o.members or type(o.count) is not int:  # json writes a bool count its own way
            return _basis_digest_by_json(item, summary)
        parts.append(f"[{_json_string(o.label)},{_json_string(o.text)},{o.count}]")
    return text_digest("[" + ",".join(parts) + "]")


def _basis_digest_by_json(item: Item, summary: str | None) -> str:
    """`basis_digest` by its definition, for an item with a member list (or an odd count)."""
    import json  # only format 2's basis needs it: 1.5 ms of every command's start otherwise

    parts: list[object] = [summary]
    for o in item.opinions:
        parts.append(
            [o.label, o.text, o.count, o.members] if o.members else [o.label, o.text, o.count]
        )
    return text_digest(json.dumps(parts, ensure_ascii=False, separators=(",", ":")))


def _first_json_string(text: str) -> str:
    """json's C string encoder, imported at the first basis (as `_first_sha256` does)."""
    global _json_string
    try:  # the very function json.encoder takes, without the json package's decoder (1.5 ms)
        from _json import encode_basestring
    except ImportError:  # an interpreter without json's C module
        from json.encoder import encode_basestring

    _json_string = encode_basestring
    return _json_string(text)


_json_string: Callable[[str], str] = _first_json_string


def members_digest(joined: str) -> str:
    """The digest naming a frozen member list: `"sha256:"` and the hex SHA-256 of its
    opinion ids joined by line feeds (ids are one line each), as UTF-8."""
    hexdigest: str = _sha256(joined.encode("utf-8")).hexdigest()
    return PREFIX + hexdigest
