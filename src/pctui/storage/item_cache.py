"""A per-user cache of the items of large files, so reading a file again skips parsing.

Between two reads of a national consultation most `[[items]]` blocks are unchanged (a
save changes one). Parsing and checking a block costs about 0.1 ms; building its item from
the cache about a quarter of that. The cache maps the digest of a block's exact text (with
the digest of the header it was checked against) to the item read from it, so a block
that changed by one byte, or a header whose sections or stages changed, is parsed afresh.
Only blocks that read without any problem are kept: a file with problems reports them
exactly as it would without the cache.

It lives in the user's cache folder (`~/.cache/pctui/items/`, mode 0700, files 0600): it
holds nothing that is not in the file itself, and only its owner can write it. It is used
for files of CACHE_MIN_ITEMS items or more (small files read in milliseconds anyway, and
behave exactly as before). Any error reading it means no cache; any error writing it is
ignored: the cache can make pctui faster, never wrong or unable to open a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

import platformdirs

from pctui import __version__
from pctui.model.records import Item, Revision, Signoff

CACHE_MIN_ITEMS = 1000
_FORMAT = 2

Flat = tuple[Any, ...]


def block_key(text: str) -> bytes:
    """The cache key of a block of text: a 16-byte BLAKE2b digest of its UTF-8 bytes."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _cache_file(path: Path) -> Path:
    name = hashlib.blake2b(str(path.resolve()).encode("utf-8"), digest_size=16).hexdigest()
    return platformdirs.user_cache_path("pctui") / "items" / f"{name}.marshal"


def flatten(item: Item) -> Flat:
    """`item` as tuples of plain values (what marshal writes), digests included."""
    revisions = tuple(
        (r.author, r.at.isoformat(), r.text, r.note, r.digest) for r in item.revisions
    )
    signoffs = tuple(
        (s.stage, s.by, s.at.isoformat(), s.revision, s.digest, s.verdict, s.comment,
         None if s.withdrawn is None else s.withdrawn.isoformat())
        for s in item.signoffs
    )  # fmt: skip
    return (item.no, item.section, item.opinion, item.topic, item.count, item.klass,
            revisions, signoffs)  # fmt: skip


def unflatten(flat: Flat) -> Item:
    """The item `flatten` made `flat` from (new objects, safe to change).

    Revisions and sign-offs are made by filling their attribute dictionaries: their
    dataclass __init__ does only that (Revision, being frozen, through a slow
    object.__setattr__ per field), and this is the hot loop of reading a large file again.
    The cache's version check (pctui's version) keeps entries and classes in step.
    """
    no, section, opinion, topic, count, klass, revisions, signoffs = flat
    when = dt.datetime.fromisoformat
    built_revisions: list[Revision] = []
    for author, at, text, note, digest in revisions:
        revision = object.__new__(Revision)
        revision.__dict__.update(
            author=author, at=when(at), text=text, note=note, digest=digest
        )  # digest: the cached_property's value, computed when the entry was made
        built_revisions.append(revision)
    built_signoffs: list[Signoff] = []
    for stage, by, at, revision_no, digest, verdict, comment, withdrawn in signoffs:
        signoff = object.__new__(Signoff)
        signoff.__dict__.update(
            stage=stage, by=by, at=when(at), revision=revision_no, digest=digest,
            verdict=verdict, comment=comment,
            withdrawn=None if withdrawn is None else when(withdrawn),
        )  # fmt: skip
        built_signoffs.append(signoff)
    return Item(
        no=no, section=section, opinion=opinion, topic=topic, count=count, klass=klass,
        revisions=built_revisions, signoffs=built_signoffs,
    )  # fmt: skip


class ItemCache:
    """The cached items of one file, for one version of its header."""

    def __init__(self, file: Path, header: bytes, entries: dict[bytes, Flat]) -> None:
        self.file = file
        self.header = header
        self.entries = entries
        self.used: dict[bytes, Flat] = {}  # what this read found or added: what is kept
        self.added = 0

    @classmethod
    def open(cls, path: Path, header_text: str, blocks: int) -> ItemCache | None:
        """The cache of `path` (empty when there is none yet); None for small files."""
        if blocks < CACHE_MIN_ITEMS:
            return None
        file = _cache_file(path)
        header = block_key(header_text)
        entries: dict[bytes, Flat] = {}
        try:
            stored = marshal.loads(file.read_bytes())
            if stored[:3] == (_FORMAT, __version__, header):
                entries = stored[3]
        except Exception:  # missing, unreadable, older or damaged: start afresh
            entries = {}
        return cls(file, header, entries)

    def get(self, key: bytes) -> Item | None:
        """The item of the block whose key is `key`, if it was read before."""
        flat = self.entries.get(key)
        if flat is None:
            return None
        try:
            item = unflatten(flat)
        except Exception:  # a damaged entry: parse the block instead
            return None
        self.used[key] = flat
        return item

    def put(self, key: bytes, item: Item) -> None:
        """Remember the item read from the block whose key is `key`."""
        self.used[key] = flatten(item)
        self.added += 1

    def save(self) -> None:
        """Write the entries this read used, if any were new; errors are ignored."""
        if not self.added:
            return
        data = marshal.dumps((_FORMAT, __version__, self.header, self.used))
        temp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, self.file)
