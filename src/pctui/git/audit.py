"""The audit: every sign-off in the file traced to the commit that brought it in.

For each sign-off of the current file: the commit that introduced it (the oldest version
in the file's history holding it), and whether that commit's author is the signer (and,
since `git commit --author` can name anyone, whether its committer is too). A
sign-off whose commit author is someone else is accepted only when pctui recorded it in
that commit (a `Pctui-Signoff` trailer: the approval commit of a later stage carries the
earlier stages' sign-offs) and that someone is one of the reviewers; anything else was
typed into the file by hand. Sign-offs whose
digest does not match their revision, that could never have been given, that are not
committed yet, and sign-offs or revisions that were in the history but are gone from the
file are findings too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from pctui.git.changes import RevisionKey, SignoffKey, revision_key, signoff_key
from pctui.git.history import Commit, file_history
from pctui.git.message import signoff_trailer
from pctui.git.repo import find_repo, head_version
from pctui.git.versions import VersionReader
from pctui.i18n import N_, _
from pctui.model.merged_away import merged_then_split
from pctui.model.records import Item, Review, Reviewer, Signoff
from pctui.model.state import INVALID, standings
from pctui.model.zones import in_zone
from pctui.storage import ConsultationFile
from pctui.words import verdict_name


class TraceVerdict(StrEnum):
    """How one sign-off (or its withdrawal) came into the file's history."""

    BY_SIGNER = "by-signer"  # introduced in a commit whose author (and committer) is the signer
    COMMITTED_BY_OTHER = "committed-by-other"  # authored as the signer, committed by another
    CARRIED = "carried"  # introduced by pctui in another reviewer's commit (in a trailer)
    HAND_EDITED = "hand-edited"  # by someone else, not recorded by a reviewer's pctui
    MERGE = "merge"  # appeared in a merge commit, on neither side before it
    UNCOMMITTED = "uncommitted"  # in the file, not in HEAD


BY_SIGNER, COMMITTED_BY_OTHER = TraceVerdict.BY_SIGNER, TraceVerdict.COMMITTED_BY_OTHER
CARRIED, HAND_EDITED = TraceVerdict.CARRIED, TraceVerdict.HAND_EDITED
MERGE, UNCOMMITTED = TraceVerdict.MERGE, TraceVerdict.UNCOMMITTED
# How each verdict is printed (the identifiers stay in --json and in docs/git.md's table).
TRACE_NAMES = {
    BY_SIGNER: N_("by-signer"),
    COMMITTED_BY_OTHER: N_("committed-by-other"),
    CARRIED: N_("carried"),
    HAND_EDITED: N_("hand-edited"),
    MERGE: N_("merge"),
    UNCOMMITTED: N_("uncommitted"),
}


def trace_name(verdict: TraceVerdict) -> str:
    """A trace verdict as the reader reads it ("carried" → "同梱" in Japanese)."""
    return _(TRACE_NAMES[verdict])


@dataclass(frozen=True)
class Trace:
    """Where one sign-off of the current file comes from."""

    no: int
    index: int  # 0-based position among the item's sign-offs
    signoff: Signoff
    verdict: TraceVerdict
    commit: Commit | None
    problems: tuple[str, ...] = ()  # digest mismatch, impostor reasons
    withdrawal: TraceVerdict | None = (
        None  # the verdict on its `withdrawn` stamp (None: not withdrawn)
    )
    withdrawal_commit: Commit | None = None

    def describe(self, zone: dt.tzinfo | None) -> str:
        """One line a person reads: the sign-off and its commit, dated in `zone` (the
        consultation's: git dates a commit in the committing machine's zone)."""
        s = self.signoff
        what = _("No.{no} {stage} {verdict} by {login} (revision {revision})").format(
            no=self.no, stage=s.stage, verdict=verdict_name(s.verdict), login=s.by,
            revision=s.revision,
        )  # fmt: skip
        if self.commit is None:
            return _("{what}: not committed").format(what=what)
        c = self.commit
        day = in_zone(dt.datetime.fromisoformat(c.date), zone).date().isoformat()
        line = f"{what}: {c.short} {day} {c.author} <{c.email}> [{trace_name(self.verdict)}]"
        if self.verdict == COMMITTED_BY_OTHER:
            who = f"{c.committer} <{c.committer_email}>"
            line += " " + _("committed by {who}").format(who=who)
        w = self.withdrawal_commit
        if self.withdrawal is not None:
            verdict = trace_name(self.withdrawal)
            if w is None:
                line += "; " + _("withdrawn: [{trace}]").format(trace=verdict)
            else:
                taken = f"{w.short} {w.author} <{w.email}>"
                line += "; " + _("withdrawn: {commit} [{trace}]").format(
                    commit=taken, trace=verdict
                )
        return line


@dataclass
class Report:
    """The audit of one file: a trace per sign-off and every finding."""

    traces: list[Trace] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # sign-offs/revisions no longer in the file
    # Items gone from the file whose opinions all stand in its other items now ("No.5"):
    # merged away (merge-items), their revisions and sign-offs kept by git: not findings.
    merged: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # versions that did not load
    commits: int = 0

    def findings(self, strict: bool = False) -> list[Trace]:
        """Traces that do not check out (with `strict`, carried sign-offs too)."""
        bad = {HAND_EDITED, MERGE, UNCOMMITTED, COMMITTED_BY_OTHER} | (
            {CARRIED} if strict else set()
        )
        return [t for t in self.traces if t.verdict in bad or t.withdrawal in bad or t.problems]

    def clean(self, strict: bool = False) -> bool:
        """True when everything checks out."""
        return not (self.findings(strict) or self.gone or self.unreadable)


def author_is(login: str, reviewer: Reviewer | None, commit: Commit) -> bool:
    """True when `commit`'s author is `login`.

    The most specific identity the file gives decides: the reviewer's email when
    review.reviewers has one, else their name, else the login as the author's name or as
    the part of the author's email before the @.
    """
    return _identity_is(login, reviewer, commit.author, commit.email)


def committer_is(login: str, reviewer: Reviewer | None, commit: Commit) -> bool:
    """True when `commit`'s committer is `login` (by the same rule as `author_is`), or
    when the committer is not known."""
    if not commit.committer and not commit.committer_email:
        return True
    return _identity_is(login, reviewer, commit.committer, commit.committer_email)


def _identity_is(login: str, reviewer: Reviewer | None, name: str, email: str) -> bool:
    if reviewer is not None and reviewer.email:
        return email.strip().lower() == reviewer.email.strip().lower()
    if reviewer is not None and reviewer.name:
        return name.strip() == reviewer.name.strip()
    local = email.split("@", 1)[0].lower()
    return login in (name.strip(), local) or login.lower() == local


@dataclass
class _Origins:
    """Where the history first holds each sign-off, withdrawal and revision (oldest first)."""

    introduced: dict[SignoffKey, Commit] = field(default_factory=dict)
    withdrawn_in: dict[SignoffKey, Commit] = field(default_factory=dict)
    revisions: dict[RevisionKey, Commit] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # versions that did not load
    # The item that held each sign-off and revision in the last version holding it: its
    # opinions say, for one gone from the file, whether its item was merged away.
    holders: dict[SignoffKey | RevisionKey, tuple[int, Item]] = field(default_factory=dict)
    # The Nos. of each version read (by its place among them): whether an item's No. left
    # the file after a version that held a sign-off or revision of it.
    numbers: list[frozenset[int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Committed:
    """What HEAD's version holds: a sign-off or withdrawal it lacks is not committed yet,
    whatever an older commit held."""

    signoffs: frozenset[SignoffKey] = frozenset()
    withdrawn: frozenset[SignoffKey] = frozenset()


def audit(file: ConsultationFile, signatures: bool = False) -> Report:
    """Trace every sign-off of the file (as loaded) through its git history; with
    `signatures`, each commit that brought in or withdrew a sign-off must also carry a
    good signature by its author (see `signature_problem`).

    GitError when the file is not in a repository.
    """
    path = file.path
    repo = find_repo(path)
    reader = VersionReader(str(path))
    _seed(reader, file)
    history = file_history(repo.root, repo.relative(path), signatures) if repo.has_head() else []
    origins = _origins(history, reader)
    committed = _committed(reader, head_version(repo, path) if history else None)
    traces = _traces(file, origins, committed, signatures)
    gone, merged = _gone(file, traces, origins)
    return Report(
        traces=traces,
        gone=gone,
        merged=[f"No.{no}" for no in sorted(merged)],
        unreadable=origins.unreadable,
        commits=len(history),
    )


def _origins(history: list[Commit], reader: VersionReader) -> _Origins:
    """Walk the history oldest first, noting the first commit to hold each sign-off,
    withdrawal and revision; versions holding no block not seen before are skipped."""
    origins = _Origins()
    seen_blocks: set[str] = set()
    for commit in history:
        if commit.content is None:
            continue
        version = reader.split(commit.content)
        if version.blocks and all(b in seen_blocks for b in version.blocks):
            continue  # nothing this version holds is new
        found = reader.items(version)
        if version.problem:
            origins.unreadable.append(
                _("{commit}: {path} did not load: {problem}").format(
                    commit=commit.short, path=commit.path, problem=version.problem
                )
            )
            continue
        seen_blocks.update(version.blocks)
        holders = origins.holders
        place = len(origins.numbers)
        origins.numbers.append(frozenset(item.no for item in found))
        for item in found:
            for signoff in item.signoffs:
                key = signoff_key(item.no, signoff)
                origins.introduced.setdefault(key, commit)
                holders[key] = (place, item)
                if signoff.withdrawn is not None:
                    origins.withdrawn_in.setdefault(key, commit)
            for index in range(len(item.revisions)):
                rkey = revision_key(item.no, item, index)
                origins.revisions.setdefault(rkey, commit)
                holders[rkey] = (place, item)
    return origins


def _committed(reader: VersionReader, head: bytes | None) -> _Committed:
    """The sign-offs and withdrawals of HEAD's version (`head`; None: no commit holds it)."""
    if head is None:
        return _Committed()
    signoffs: set[SignoffKey] = set()
    withdrawn: set[SignoffKey] = set()
    for item in reader.items(reader.split(head)):
        for signoff in item.signoffs:
            signoffs.add(signoff_key(item.no, signoff))
            if signoff.withdrawn is not None:
                withdrawn.add(signoff_key(item.no, signoff))
    return _Committed(frozenset(signoffs), frozenset(withdrawn))


def _traces(
    file: ConsultationFile, origins: _Origins, committed: _Committed, signatures: bool
) -> list[Trace]:
    """A trace for every sign-off of the file as loaded, in file order."""
    review = file.consultation.review
    traces: list[Trace] = []
    for item in file.consultation.items:
        for index, standing in enumerate(standings(item, review)):
            signoff = standing.signoff
            key = signoff_key(item.no, signoff)
            problems = (standing.reason,) if standing.status == INVALID else ()
            source = origins.introduced.get(key) if key in committed.signoffs else None
            trace = Trace(item.no, index, signoff, _verdict(item.no, signoff, source, review),
                          source, problems)  # fmt: skip
            if signoff.withdrawn is not None:
                taken = origins.withdrawn_in.get(key) if key in committed.withdrawn else None
                verdict = _verdict(item.no, signoff, taken, review, withdrawal=True)
                trace = dataclasses.replace(trace, withdrawal=verdict, withdrawal_commit=taken)
            if signatures:
                unsigned = [signature_problem(c) for c in (trace.commit, trace.withdrawal_commit)]
                signed = tuple(problem for problem in unsigned if problem)
                trace = dataclasses.replace(trace, problems=trace.problems + signed)
            traces.append(trace)
    return traces


class _MergedAway:
    """Whether the item that held a sign-off or revision gone from the file was merged
    into another: every opinion (label and text) it had in the last version holding it
    stands in the file now, and the item is gone: its No. is not in the file, or left it
    after that version, or is now an item holding none of those opinions (`merge-items`
    removes the merged item with its revisions and sign-offs, git keeps them; a split may
    give its No. to a new item, in the same commit as the merge too: then only the records
    of moves tell, see `model.merged_away`). An item deleted by hand, or a sign-off deleted
    from an item still there (also one an opinion was moved out of meanwhile), is not."""

    def __init__(self, file: ConsultationFile, origins: _Origins) -> None:
        items = self.items = file.consultation.items
        self.by_no = {item.no: item for item in items}
        self.standing = {(o.label, o.text) for item in items for o in item.opinions}
        self.holders = origins.holders
        self.numbers = origins.numbers
        self.found: set[int] = set()

    def __call__(self, key: SignoffKey | RevisionKey) -> bool:
        held = self.holders.get(key)
        if held is None or not held[1].opinions:
            return False
        place, holder = held
        opinions = {(o.label, o.text) for o in holder.opinions}
        if not opinions <= self.standing:
            return False
        now = self.by_no.get(holder.no)
        # An item of its No. holding any of its opinions is the same item, unless its No.
        # left the file after that version (merged, then split back off into a new item
        # given the same No.): not merged, also when an opinion moved out of it since
        # (the move and a sign-off deleted by hand in one commit passed as a merge).
        # Merged and split back in one commit leaves no version without the No.: the
        # records of the merge and the split (format 2) say so, or nothing does.
        if (
            now is not None
            and not opinions.isdisjoint((o.label, o.text) for o in now.opinions)
            and all(holder.no in numbers for numbers in self.numbers[place + 1 :])
            and not merged_then_split(holder, self.items)
        ):
            return False
        self.found.add(holder.no)
        return True


def _gone(
    file: ConsultationFile, traces: list[Trace], origins: _Origins
) -> tuple[list[str], set[int]]:
    """The sign-offs and revisions the history held that the file no longer does, and the
    Nos. of the items merged away (whose sign-offs and revisions are not findings)."""
    merged = _MergedAway(file, origins)
    current = {signoff_key(t.no, t.signoff) for t in traces}
    current_revisions = {
        revision_key(item.no, item, i)
        for item in file.consultation.items
        for i in range(len(item.revisions))
    }
    gone: list[str] = []
    for key, commit in origins.introduced.items():
        if key not in current and not merged(key):
            no, stage, by, at, verdict, _digest = key
            gone.append(_("No.{no} {stage} {verdict} by {login} at {at} (committed in "
                          "{commit}) is no longer in the file").format(
                no=no, stage=stage, verdict=verdict_name(verdict), login=by, at=at,
                commit=commit.short))  # fmt: skip
    for rkey, commit in origins.revisions.items():
        if rkey not in current_revisions and not merged(rkey):
            no, author, at, _digest = rkey
            gone.append(_("No.{no} revision by {author} at {at} (committed in "
                          "{commit}) was rewritten or removed").format(
                no=no, author=author, at=at, commit=commit.short))  # fmt: skip
    return gone, merged.found


GOOD_SIGNATURES = ("G", "U")  # good (U: good, the key's owner not vouched for by GnuPG)


def signature_problem(commit: Commit | None) -> str | None:
    """Why `commit` does not prove who made it (None when it carries a good signature by
    its author, or is no commit): not signed, a bad signature, one that cannot be checked,
    or one made with someone else's key. The signer (`%GS`: an SSH key's principal in
    gpg.ssh.allowedSignersFile, a GnuPG key's user id) must name the author's email."""
    if commit is None:
        return None
    code = commit.signature
    if code in GOOD_SIGNATURES:
        if commit.email and commit.email.lower() in commit.signer.lower():
            return None
        if not commit.signer:  # what git says of an SSH key no allowed signer has
            return _(
                "commit {c} is signed with a key that gpg.ssh.allowedSignersFile does not list"
            ).format(c=commit.short)
        return _("commit {c} is signed by {signer}, not by its author {a}").format(
            c=commit.short, signer=commit.signer, a=f"{commit.author} <{commit.email}>"
        )
    if code == "N":
        return _("commit {c} is not signed").format(c=commit.short)
    if code == "B":
        return _("commit {c} has a bad signature").format(c=commit.short)
    return _(
        "the signature of commit {c} cannot be checked ({code}): is its key listed in "
        "gpg.ssh.allowedSignersFile, or in the GnuPG keyring?"
    ).format(c=commit.short, code=code or "?")


def _seed(reader: VersionReader, file: ConsultationFile) -> None:
    """Give the reader the items already loaded, so history shares their parse.

    Most blocks of most versions are the current file's own; pairing them by position is
    safe only when the file is unchanged since it was loaded and splits the same way.
    """
    if file.changed_on_disk():
        return
    try:
        version = reader.split(file.path.read_bytes())
    except OSError:
        return
    items = file.consultation.items
    if len(version.blocks) != len(items):
        return
    for block, item in zip(version.blocks, items, strict=True):
        if not re.search(rf"^[ \t]*no[ \t]*=[ \t]*{item.no}[ \t]*\r?$", block, re.MULTILINE):
            return
    for block, item in zip(version.blocks, items, strict=True):
        reader.seed(block, item)


def _verdict(
    no: int, signoff: Signoff, commit: Commit | None, review: Review, withdrawal: bool = False
) -> TraceVerdict:
    """How a sign-off (or, with `withdrawal`, its withdrawn stamp) came into the history."""
    if commit is None:
        return UNCOMMITTED
    reviewer = review.reviewers.get(signoff.by)
    if author_is(signoff.by, reviewer, commit):
        # `git commit --author` names anyone; the committer is who ran git.
        return BY_SIGNER if committer_is(signoff.by, reviewer, commit) else COMMITTED_BY_OTHER
    if commit.is_merge:
        return MERGE
    recorded = commit.withdrawals if withdrawal else commit.recorded
    # Carried by another *reviewer's* pctui commit: a trailer is text anyone can write, and
    # a commit whose author is none of the reviewers (GIT_AUTHOR_NAME set to a made-up name,
    # say) did not come from a reviewer's pctui.
    if signoff_trailer(no, signoff) in recorded and _by_a_reviewer(review, commit):
        return CARRIED
    return HAND_EDITED


def _by_a_reviewer(review: Review, commit: Commit) -> bool:
    """Whether `commit`'s author is one of `review`'s reviewers (by `author_is`)."""
    return any(author_is(login, who, commit) for login, who in review.reviewers.items())
