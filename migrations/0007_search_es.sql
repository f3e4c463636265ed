-- Search in Spanish (issue 13): the Spanish pages search the Spanish translations.
--
-- The word index of the Spanish text: unicode61 without a stemmer (Porter's rules are
-- English), accents and case folded ("adiccion" finds "adicción", "ñ" is read as "n").
-- Each item is stored in Spanish when its translation is current, otherwise in English,
-- as its page is shown: nothing drops out of the search while a translation is updated.
CREATE VIRTUAL TABLE treatment_search_es USING fts5(
    slug UNINDEXED,
    title,
    summary,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Its words and how many items use each: what a misspelt Spanish word is compared with.
CREATE VIRTUAL TABLE treatment_search_es_vocab USING fts5vocab(treatment_search_es, row);

-- The same text in three-character pieces, for parts of words ("oxona" finds naloxona).
CREATE VIRTUAL TABLE treatment_search_es_trigram USING fts5(
    slug UNINDEXED,
    title,
    summary,
    body,
    tokenize = 'trigram'
);

-- The new tables are filled by an import: forget the last one so that the next start
-- imports the content again, even if the files are unchanged.
DELETE FROM content_import;
