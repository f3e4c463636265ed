-- Translations of the content (content/es/…): each row a whole translated item or
-- helpline as JSON, keyed by language, kind and slug. `current` is 1 when it was made
-- from the English file as it is now, 0 when the English has changed since (stale).
CREATE TABLE translations (
    lang TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('item', 'helpline')),
    slug TEXT NOT NULL,
    current INTEGER NOT NULL CHECK (current IN (0, 1)),
    document TEXT NOT NULL,
    PRIMARY KEY (lang, kind, slug)
) STRICT;
