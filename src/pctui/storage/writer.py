"""Writing: model records -> TOML text, and patching a changed item into its own text.

tomlkit is used only on the small piece that changes (one item's block), so comments,
key order and formatting elsewhere are kept byte for byte and `git diff` shows only
what the action added.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from pctui.model.records import IN_ORDER, Consultation, Item, Revision, Signoff
from pctui.storage.chunks import open_string_at
from pctui.storage.intake_header import write_tally
from pctui.storage.office_tables import new_office_tables, office_tables, office_written_as
from pctui.storage.opinion_tables import add_format_two, format_two_written_as, patch_format_two
from pctui.storage.toml_values import spaced, spaced_tables, text_value

__all__ = ["text_value"]  # also imported from here by the migration and the escaping tests


def revision_table(revision: Revision) -> Table:
    """The `[[items.revisions]]` table of one revision."""
    table = tomlkit.table()
    table["author"] = revision.author
    table["at"] = revision.at
    table["text"] = text_value(revision.text)
    if revision.note:
        table["note"] = text_value(revision.note)
    return spaced(table)


def signoff_table(signoff: Signoff) -> Table:
    """The `[[items.signoffs]]` table of one sign-off."""
    table = tomlkit.table()
    table["stage"] = signoff.stage
    table["by"] = signoff.by
    table["at"] = signoff.at
    table["revision"] = signoff.revision
    table["digest"] = signoff.digest
    table["verdict"] = signoff.verdict
    if signoff.comment:
        table["comment"] = text_value(signoff.comment)
    if signoff.withdrawn is not None:
        table["withdrawn"] = signoff.withdrawn
    if signoff.basis is not None:
        table["basis"] = signoff.basis
    return spaced(table)


def _append(table: Any, key: str, new: list[Table]) -> None:
    """Append `new` tables to `table[key]`, in the style the file already uses for it.

    An array of tables gets `[[…]]` tables; an inline array (`signoffs = [{ … }]`, or an
    empty `signoffs = []`) gets inline tables, since a `[[…]]` table cannot go inside one.
    """
    if not new:
        return
    existing = table.get(key)
    if existing is None:
        existing = table[key] = spaced_tables()
    if isinstance(existing, AoT):
        for entry in new:
            existing.append(entry)
        return
    for entry in new:
        inline = tomlkit.inline_table()
        for name, value in entry.items():
            inline.append(name, value)
        existing.append(inline)


def patch_item(table: Any, item: Item) -> None:
    """Bring a parsed item table up to date with `item`, appending only what is new.

    Revisions and sign-offs are append-only, so anything beyond what the table holds is
    appended; a sign-off withdrawn since gets its `withdrawn` stamp; the class follows
    the model. Nothing else in the table is rewritten. A format-2 item (its table holds
    `opinions`) also gets its opinions written again when they changed and its new summaries
    appended.
    """
    if "opinions" in table:
        patch_format_two(table, item)
    stored_revisions = len(table.get("revisions", []))
    _append(table, "revisions", [revision_table(r) for r in item.revisions[stored_revisions:]])
    signoffs = table.get("signoffs", [])
    for stored, signoff in zip(signoffs, item.signoffs, strict=False):
        if signoff.withdrawn is not None and "withdrawn" not in stored:
            stored["withdrawn"] = signoff.withdrawn
    _append(table, "signoffs", [signoff_table(s) for s in item.signoffs[len(signoffs) :]])
    for key, new in new_office_tables(table, item).items():
        _append(table, key, new)
    if item.klass != table.get("class"):
        if item.klass is None:
            del table["class"]
        else:
            table["class"] = item.klass


def written_as(table: dict[str, Any], item: Item) -> bool:
    """True when `table` (an item as a TOML reader reads it back) holds what `item` holds.

    The check made before every save, so that a rendering slip can never put into the
    file a text other than the one signed (or a file that no longer loads). An empty
    note or comment is not written, so it reads back as none.
    """
    revisions = [
        (r.get("author"), r.get("text"), r.get("note") or None) for r in table.get("revisions", [])
    ]
    signoffs = [
        (s.get("stage"), s.get("by"), s.get("revision"), s.get("digest"), s.get("verdict"),
         s.get("comment") or None, "withdrawn" in s, s.get("basis"))
        for s in table.get("signoffs", [])
    ]  # fmt: skip
    expected_revisions = [(r.author, r.text, r.note or None) for r in item.revisions]
    expected_signoffs = [
        (s.stage, s.by, s.revision, s.digest, s.verdict, s.comment or None,
         s.withdrawn is not None, s.basis)
        for s in item.signoffs
    ]  # fmt: skip
    return (
        table.get("no") == item.no
        and revisions == expected_revisions
        and signoffs == expected_signoffs
        and ("opinions" not in table or format_two_written_as(table, item))
        and office_written_as(table, item)
    )


def _tail_start(lines: list[str]) -> int:
    """Index of the first line of the comment block that ends a chunk (len(lines) if none).

    Comments after an item's last statement and a blank line belong to what follows (a
    section heading, a note about the next item), so new tables go in before them.
    Comment lines right after the last statement stay with it.
    """
    last = len(lines)
    while last > 0 and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
        last -= 1
    blank = last
    while blank < len(lines) and lines[blank].strip():
        blank += 1  # comments glued to the last statement
    if any(line.strip() for line in lines[blank:]):
        return blank
    return len(lines)


def patch_chunk(text: str, item: Item) -> str:
    """The text of one `[[items]]` block with `item`'s new records spliced in.

    The block's line endings (LF or CRLF) are kept, and a comment block ending it stays at
    the end, so that the diff is made of added lines only.
    """
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    cut = _tail_start(lines)
    body, tail = text, ""
    if cut < len(lines):
        head = "\n".join(lines[:cut]) + "\n"
        if open_string_at(head) is None:  # a line in a string only looked like a comment
            body, tail = head, "\n".join(lines[cut:]).lstrip("\n")
    # The last item of a file may end without a blank line; give appended tables one.
    document = tomlkit.parse(body if body.endswith("\n\n") else body.rstrip("\n") + "\n\n")
    items = document["items"]
    assert isinstance(items, AoT)
    patch_item(items[0], item)
    patched = tomlkit.dumps(document)
    patched = (patched if patched.endswith("\n\n") else patched.rstrip("\n") + "\n\n") + tail
    return patched.replace("\n", "\r\n") if crlf else patched


def item_table(item: Item, version: int = 1) -> Table:
    """A complete `[[items]]` table for `item` (for new files and imports), as format
    `version` writes it: format 1 its `opinion` and `count`, format 2 its
    `[[items.opinions]]` and `[[items.summaries]]`."""
    table = tomlkit.table()
    table["no"] = item.no
    table["section"] = item.section
    if item.topic:
        table["topic"] = text_value(item.topic)
    if version < 2:
        table["opinion"] = text_value(item.opinion)
        if item.count != 1:
            table["count"] = item.count
    if item.klass:
        table["class"] = item.klass
    table.add(tomlkit.nl())
    if version >= 2:
        add_format_two(table, item)
    if item.revisions:
        table["revisions"] = spaced_tables()
        for revision in item.revisions:
            table["revisions"].append(revision_table(revision))
    if item.signoffs:
        table["signoffs"] = spaced_tables()
        for signoff in item.signoffs:
            table["signoffs"].append(signoff_table(signoff))
    for key, entries in office_tables(item).items():
        table[key] = spaced_tables()
        for entry in entries:
            table[key].append(entry)
    return table


def render_consultation(consultation: Consultation) -> str:
    """The whole file for a consultation made in memory (an import, a new consultation)."""
    doc = tomlkit.document()
    doc["format"] = consultation.format
    meta = consultation.meta
    facts = tomlkit.table()
    facts["id"] = meta.id
    facts["title"] = meta.title
    for key in ("organization", "department"):
        if getattr(meta, key):
            facts[key] = getattr(meta, key)
    if meta.opened:
        facts["opened"] = meta.opened
    if meta.closed:
        facts["closed"] = meta.closed
    if meta.url:
        facts["url"] = meta.url
    facts["places"] = meta.places
    facts["opinion_heading"] = meta.opinion_heading
    facts["response_heading"] = meta.response_heading
    facts["language"] = meta.language
    if meta.timezone:
        facts["timezone"] = meta.timezone
    if meta.publish_by:
        facts["publish_by"] = meta.publish_by
    format_two = consultation.format >= 2
    if format_two:
        facts["layout"] = str(meta.layout)
    doc["consultation"] = spaced(facts)
    intake = tomlkit.table()
    intake["methods"] = consultation.intake.methods
    submitters = tomlkit.inline_table()
    submitters.update(consultation.intake.submitters)
    intake["submitters"] = submitters
    intake["submitter_unit"] = consultation.intake.submitter_unit
    for key in ("published_submitters", "published_opinions"):
        if format_two and getattr(consultation.intake, key) is not None:
            intake[key] = getattr(consultation.intake, key)
    if format_two:
        write_tally(intake, consultation.intake)
    if consultation.intake.registry:
        intake["registry"] = consultation.intake.registry
    if consultation.intake.publish_submitted:
        intake["publish_submitted"] = True
    doc["intake"] = spaced(intake)
    review = tomlkit.table()
    review["stages"] = consultation.review.stages
    review["allow_self_approval"] = consultation.review.allow_self_approval
    if consultation.review.order != IN_ORDER:
        review["order"] = consultation.review.order
    if consultation.review.classes:
        classes = tomlkit.array()
        for outcome in consultation.review.classes:
            entry = tomlkit.inline_table()
            entry.update({"id": outcome.id, "label": outcome.label})
            classes.append(entry)
        review["classes"] = classes
    reviewers = tomlkit.table()
    for login, reviewer in consultation.review.reviewers.items():
        if reviewer.name or reviewer.email:
            entry = tomlkit.inline_table()
            entry["stages"] = list(reviewer.stages)
            if reviewer.name:
                entry["name"] = reviewer.name
            if reviewer.email:
                entry["email"] = reviewer.email
            reviewers[login] = entry
        else:
            reviewers[login] = list(reviewer.stages)
    review["reviewers"] = spaced(reviewers)
    doc["review"] = review
    git = tomlkit.table()
    git["commit"] = consultation.commit_mode
    doc["git"] = spaced(git)
    sections = spaced_tables()
    for section in consultation.sections:
        table = tomlkit.table()
        table["id"] = section.id
        if format_two and section.label:
            table["label"] = section.label
        table["title"] = section.title
        sections.append(spaced(table))
    doc["sections"] = sections
    head = tomlkit.dumps(doc)
    return head + "".join(render_item(item, consultation.format) for item in consultation.items)


def render_item(item: Item, version: int = 1) -> str:
    """The text of one `[[items]]` block in format `version`, ending with a blank line."""
    doc = tomlkit.document()
    items = spaced_tables()
    items.append(item_table(item, version))
    doc["items"] = items
    return tomlkit.dumps(doc).rstrip("\n") + "\n\n"
