-- Search that forgives (issue 11): word stems, substrings, typos and synonyms.

-- The word index again, now with the Porter stemmer in front of unicode61, so that
-- "overdoses" finds "overdose" and "living" finds "live". Accents and case are still
-- folded ("Méthadone" finds methadone).
DROP TABLE treatment_search;
CREATE VIRTUAL TABLE treatment_search USING fts5(
    slug UNINDEXED,
    title,
    summary,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The words of that index (stems) and how many items use each: the vocabulary that a
-- misspelt word is compared with.
CREATE VIRTUAL TABLE treatment_search_vocab USING fts5vocab(treatment_search, row);

-- The same text cut into three-character pieces, so that any part of a word matches
-- ("oxone" finds Suboxone and naloxone).
CREATE VIRTUAL TABLE treatment_search_trigram USING fts5(
    slug UNINDEXED,
    title,
    summary,
    body,
    tokenize = 'trigram'
);

-- content/search-synonyms.toml: what people type, and what it means on the site. One
-- row per term and target; exactly one of slug (an item to list first), word (words
-- to search for as well) or page (a page to link above the results, with its label).
CREATE TABLE search_synonyms (
    term TEXT NOT NULL,
    position INTEGER NOT NULL,
    slug TEXT,
    word TEXT,
    page TEXT,
    label TEXT,
    PRIMARY KEY (term, position),
    CHECK ((slug IS NOT NULL) + (word IS NOT NULL) + (page IS NOT NULL) = 1),
    CHECK ((page IS NULL) = (label IS NULL))
) STRICT;

-- The new tables are filled by an import: forget the last one so that the next start
-- imports the content again, even if the files are unchanged.
DELETE FROM content_import;
