-- The content library, imported from content/. Each row keeps the whole item as JSON
-- (the shape the app serves) beside the columns queries need.
CREATE TABLE treatments (
    slug TEXT PRIMARY KEY NOT NULL,
    category TEXT NOT NULL,
    position INTEGER NOT NULL,
    document TEXT NOT NULL
) STRICT;

CREATE TABLE helplines (
    slug TEXT PRIMARY KEY NOT NULL,
    country TEXT NOT NULL,
    position INTEGER NOT NULL,
    document TEXT NOT NULL
) STRICT;

-- Full-text search over every item. The tokenizer folds accents and case so that
-- "Méthadone" finds methadone, and handles non-Latin scripts.
CREATE VIRTUAL TABLE treatment_search USING fts5(
    slug UNINDEXED,
    title,
    summary,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- One row: what was imported last, so unchanged content is not imported again.
CREATE TABLE content_import (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    content_hash TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    treatment_count INTEGER NOT NULL,
    helpline_count INTEGER NOT NULL
) STRICT;
