"""The registry's tables. `PRAGMA user_version` says which version of them a file holds.

- submissions: one row per submission as received; `number` is its 受付番号 (as the
  source gives it, or `R0000001` … assigned in order), `key` what makes a re-import of
  the same source add nothing (see `importing`), the submitter fields the personal data,
  `raw` the text as received (SAME when it is its one opinion's `text`: read it as RAW).
- opinions: a submission's opinions (件), `text` as written, `public` with the
  redactions that stand replaced by the marker (SAME when nothing is: read it as PUBLIC).
- redactions: each span of personal data found in an opinion, with its reason and status,
  and who last kept or undid it and when (`reviewed_by`, the OS login; `reviewed_at`, the
  office's time, ISO 8601 with its offset; both "" while pending).
- groups and members: the 同趣旨 groups, written whole by `Registry.replace_groups`,
  split and merged by `Registry.change_groups`.
- member_lists: the member lists of groups accepted or attached as an item's opinion,
  frozen (never changed or removed, regrouping included): `opinions` the ids joined by
  line feeds, `digest` "sha256:" and the hex SHA-256 of that text, which the opinion's
  `members` names in the consultation file (`pctui.intake.member_lists`).
- counters: the last number assigned.
"""

from __future__ import annotations

VERSION = 5

# A text is stored once where it is the same (version 4): a submission that is its one
# opinion as written keeps `raw` = SAME (the opinion's `text` is it), an opinion with
# nothing redacted keeps `public` = SAME (its `text` is it). At 200,000 opinions, most
# neither listed nor holding personal data, that halves the file (285 → 143 MB) and what
# an import writes. SAME is "" rather than NULL so that version 3's NOT NULL columns hold
# it without rebuilding the tables; "" is never a text of its own there (an empty
# submission is not imported, and a public text is "" only when its text is).
SAME = ""

# The texts as they read, in queries: an opinion's public text, a submission's raw text.
PUBLIC = "COALESCE(NULLIF(public, ''), text)"
# (The first opinion found by its id, `<受付番号>-1`: the opinions have no index by
# submission since version 5.)
RAW = (
    "CASE WHEN raw != '' THEN raw ELSE COALESCE((SELECT one.text FROM opinions one "
    "WHERE one.id = submissions.number || '-1'), '') END"
)

# Version 5 keeps no index that repeats another, so that an import writes each of its
# 200,000 opinions into two B-trees instead of three, and each submission into two instead
# of three (SQLite's part of the import 2.2 → 1.6 s): an opinion's (submission, k) is its
# id `<submission>-<k>`, and a numbered submission's key `no:<number>` is its number, so
# only the keys of unnumbered submissions (`content:…`) are indexed. SQLite cannot drop a
# constraint's index, so the two tables are rebuilt (`REBUILT`).
KEYS_INDEX = (
    "CREATE UNIQUE INDEX IF NOT EXISTS submissions_by_key ON submissions(key) "
    "WHERE key LIKE 'content:%'"
)
CONTENT_KEY = "key LIKE 'content:%'"
"""The partial index's condition, which a query of keys must repeat for SQLite to use it."""

SUBMISSIONS = """
    number TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    digest TEXT NOT NULL,
    received TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    raw TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
"""
SUBMISSION_COLUMNS = (
    "number, key, digest, received, method, name, address, email, phone, raw, source"
)
OPINIONS = """
    id TEXT PRIMARY KEY,
    submission TEXT NOT NULL REFERENCES submissions(number),
    k INTEGER NOT NULL,
    text TEXT NOT NULL,
    public TEXT NOT NULL
"""
OPINION_COLUMNS = "id, submission, k, text, public"

# What brings a registry of an older version up to `VERSION`, by the version it starts from:
# run in one transaction with the new `user_version`, so that a registry is either
# migrated whole or left as it was (version 1 had no reviewer or time on a redaction;
# version 3 stored every text in full, three times for most opinions).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE redactions ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE redactions ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT ''",
    ),
    2: (
        "CREATE TABLE IF NOT EXISTS member_lists (digest TEXT PRIMARY KEY, "
        "count INTEGER NOT NULL, opinions TEXT NOT NULL)",
    ),
    3: (
        "UPDATE opinions SET public = '' WHERE public = text",
        "UPDATE submissions SET raw = '' WHERE raw = (SELECT one.text FROM opinions one "
        "WHERE one.submission = submissions.number AND one.k = 1) AND NOT EXISTS (SELECT 1 "
        "FROM opinions two WHERE two.submission = submissions.number AND two.k = 2)",
    ),
    4: (
        # Each table copied into one made as version 5 makes it, which then takes its name
        # (SQLite's way to drop a constraint; the registry runs migrations with its
        # foreign keys off and checks them before it commits).
        "CREATE TABLE submissions_v5 (" + SUBMISSIONS + ")",
        "INSERT INTO submissions_v5 ("
        + SUBMISSION_COLUMNS
        + ") SELECT "
        + SUBMISSION_COLUMNS
        + " FROM submissions",
        "DROP TABLE submissions",
        "ALTER TABLE submissions_v5 RENAME TO submissions",
        KEYS_INDEX,
        "CREATE TABLE opinions_v5 (" + OPINIONS + ")",
        "INSERT INTO opinions_v5 ("
        + OPINION_COLUMNS
        + ") SELECT "
        + OPINION_COLUMNS
        + " FROM opinions",
        "DROP TABLE opinions",
        "ALTER TABLE opinions_v5 RENAME TO opinions",
    ),
}

TABLES = f"""
CREATE TABLE IF NOT EXISTS submissions ({SUBMISSIONS});
{KEYS_INDEX};
CREATE TABLE IF NOT EXISTS opinions ({OPINIONS});
CREATE TABLE IF NOT EXISTS redactions (
    id INTEGER PRIMARY KEY,
    opinion TEXT NOT NULL REFERENCES opinions(id),
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    reviewed_by TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS redactions_of_opinion ON redactions(opinion);
CREATE TABLE IF NOT EXISTS groups (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    representative TEXT NOT NULL REFERENCES opinions(id)
);
CREATE TABLE IF NOT EXISTS members (
    opinion TEXT PRIMARY KEY REFERENCES opinions(id),
    grp TEXT NOT NULL REFERENCES groups(id),
    position INTEGER NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS members_of_group ON members(grp, position);
CREATE TABLE IF NOT EXISTS member_lists (
    digest TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    opinions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
"""
